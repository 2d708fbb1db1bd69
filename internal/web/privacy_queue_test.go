package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// The queue's canary markers (issue 13): the pseudonym and the sender's
// reference belong to the network (and the group the person is offered
// to sees the pseudonym); the restricted fields only by a reveal; what the
// group records in the handed-off case belongs to the group alone.
var (
	pvQueueNetwork   = []string{"CANARYPSEUDO", "CANARYQREF"}
	pvQueueSensitive = []string{"391846275", "391-846-275", "CANARYQDETAIN"}
	pvQueueGroup     = []string{"CANARYQFACTNOTE", "CANARYQPLACE", "CANARYQAPPTNOTE", "CANARYQRELATIVE", "CANARYQITEMNOTE"}
)

// pvQueuePaths are the queue's and offers' pages of every organisation.
func pvQueuePaths(e *testEnv) []string {
	var out []string
	for _, k := range []string{"network", "alpha", "beta", "othernet", "gamma"} {
		id := e.orgs[k].ID
		out = append(out, "/orgs/"+id+"/queue", "/orgs/"+id+"/queue?state=all", "/orgs/"+id+"/queue/new",
			"/orgs/"+id+"/placements", "/orgs/"+id+"/offers")
	}
	return out
}

// TestPrivacyCanaryQueue adds a person to the network's queue with a marker
// in every field, offers them to alpha, hands them off, and has alpha's
// coordinator record private things in the new case. Then it crawls: the
// network's staff see the pseudonym and the placement's figures but never
// a restricted field (unrevealed) nor anything the group recorded; alpha's
// coordinator never sees the restricted fields unrevealed nor the sender's
// reference; every other role sees none of it.
func TestPrivacyCanaryQueue(t *testing.T) {
	e := newEnv(t)
	netCoord := e.signIn(emailNetCoord)
	alphaCoord := e.signIn(emailAlphaCoord)
	network, alpha := e.orgs["network"], e.orgs["alpha"]
	net := "/orgs/" + network.ID
	approveForQueue(e, alpha)
	res := pvPost(t, netCoord, net+"/queue", url.Values{"pseudonym": {"CANARYPSEUDO"}, "adults": {"1"}, "child_ages": {"7"},
		"languages": {"es"}, "anumber": {"A-391-846-275"}, "facility": {"CANARYQDETAIN"}, "external_ref": {"CANARYQREF"},
		"detained_since": {"2026-09-01"}}, http.StatusSeeOther)
	entry := res.header.Get("Location")
	pvPost(t, netCoord, entry+"/state", url.Values{"state": {"seeking_sponsor"}}, http.StatusSeeOther)
	pvPost(t, netCoord, entry+"/offers", url.Values{"group_id": {alpha.ID}}, http.StatusSeeOther)

	// Before the hand-off: the group sees the offer, never the rest.
	offers := pvCrawl(t, e, alphaCoord, 60, "/orgs/"+alpha.ID+"/offers")
	pvNoMarkers(t, "alpha coordinator (offer)", offers, append([]string{"CANARYQREF"}, pvQueueSensitive...))
	var seen strings.Builder
	for _, p := range offers {
		seen.WriteString(p.text)
	}
	m := offerLinkRE.FindStringSubmatch(seen.String())
	if m == nil || !strings.Contains(seen.String(), "CANARYPSEUDO") {
		t.Fatalf("control: alpha's coordinator never saw the offer")
	}
	res = pvPost(t, alphaCoord, "/orgs/"+alpha.ID+"/offers/"+m[1]+"/accept", url.Values{}, http.StatusSeeOther)
	base := res.header.Get("Location")

	// The group's own records in the new case.
	pvPost(t, alphaCoord, base+"/people", url.Values{"name": {"CANARYQRELATIVE"}}, http.StatusSeeOther)
	pvPost(t, alphaCoord, base+"/facts", url.Values{"kind": {"arrival"}, "date": {"2026-10-03"}, "note": {"CANARYQFACTNOTE"}}, http.StatusSeeOther)
	pvPost(t, alphaCoord, base+"/appointments", url.Values{"kind": {"ice_checkin"}, "date": {"2026-12-30"}, "time": {"09:30"},
		"place": {"CANARYQPLACE"}, "note": {"CANARYQAPPTNOTE"}}, http.StatusSeeOther)
	pvSeedCommitments(t, e, alphaCoord, base)
	items := pvItemRE.FindAllStringSubmatch(pvGet(t, alphaCoord, base+"/checklists/first_week", http.StatusOK).body, -1)
	if len(items) == 0 {
		t.Fatalf("the handed-off case has no first week's checklist")
	}
	pvPost(t, alphaCoord, base+"/items/"+items[0][1]+"/note", url.Values{"note": {"CANARYQITEMNOTE"}}, http.StatusSeeOther)

	// Control: the group's coordinator reveals the A-number copied sealed.
	people := pvPersonIDs(pvGet(t, alphaCoord, base, http.StatusOK).body)
	if rev := pvPost(t, alphaCoord, base+"/people/"+people[0]+"/reveal", url.Values{"field": {"anumber"}}, http.StatusOK); !strings.Contains(rev.body, "A391-846-275") {
		t.Errorf("control: the handed-off case's A-number does not reveal")
	}
	// Control: the network reveals its own copy.
	if rev := pvPost(t, netCoord, entry+"/reveal", url.Values{"field": {"facility"}}, http.StatusOK); !strings.Contains(rev.body, "CANARYQDETAIN") {
		t.Errorf("control: the network's facility does not reveal")
	}

	groupPrivate := append(append(append([]string{}, pvQueueGroup...), pvCommitMarkers...), "CANARYQFACTNOTE")
	for _, r := range []struct{ name, email string }{{"network coordinator", emailNetCoord}, {"network admin", emailNetAdmin}} {
		c := e.signIn(r.email)
		pages := pvCrawl(t, e, c, 200, append([]string{entry, net + "/placements"}, pvQueuePaths(e)...)...)
		t.Logf("%s: %d pages crawled", r.name, len(pages))
		pvNoMarkers(t, r.name, pages, append(append([]string{}, groupPrivate...), pvQueueSensitive...))
		var all strings.Builder
		for _, p := range pages {
			all.WriteString(p.text)
		}
		if !strings.Contains(all.String(), "CANARYPSEUDO") || !strings.Contains(all.String(), alpha.Name) {
			t.Errorf("%s (control): the placement with its pseudonym and group was not found", r.name)
		}
	}
	alphaPages := pvCrawl(t, e, alphaCoord, 200, append([]string{"/", base, "/orgs/" + alpha.ID + "/offers"}, pvQueuePaths(e)...)...)
	pvNoMarkers(t, "alpha coordinator", alphaPages, append([]string{"CANARYQREF"}, pvQueueSensitive...))
	for _, r := range []struct{ name, email string }{
		{"beta coordinator", emailBetaCoord}, {"other network admin", emailOtherAdmin}, {"gamma coordinator", emailGammaCoord},
	} {
		c := e.signIn(r.email)
		pages := pvCrawl(t, e, c, 200, append([]string{"/", entry, net + "/placements", "/orgs/" + alpha.ID + "/offers/" + m[1]}, pvQueuePaths(e)...)...)
		t.Logf("%s: %d pages crawled", r.name, len(pages))
		pvNoMarkers(t, r.name, pages, append(append(append([]string{}, pvQueueNetwork...), pvQueueSensitive...), groupPrivate...))
	}
	mem := e.signIn(emailAlphaMem)
	pages := pvCrawl(t, e, mem, 200, append([]string{"/", base}, pvQueuePaths(e)...)...)
	pvNoMarkers(t, "alpha member", pages, append([]string{"CANARYQREF"}, pvQueueSensitive...))
}

// TestPrivacyRawBytesQueue writes a queue entry's A-number and facility
// through HTTP, reveals each once, replaces the A-number, and hands the
// person to alpha (the case gets its own sealed copy); then the database
// file, its WAL, the audit log and the server log hold neither value in
// plain text, before or after the WAL is checkpointed.
func TestPrivacyRawBytesQueue(t *testing.T) {
	d := pvNewDiskEnv(t)
	netCoord := d.signIn(emailNetCoord)
	alphaCoord := d.signIn(emailAlphaCoord)
	network, alpha := d.orgs["network"], d.orgs["alpha"]
	net := "/orgs/" + network.ID
	approveForQueue(d.testEnv, alpha)
	res := pvPost(t, netCoord, net+"/queue", url.Values{"pseudonym": {"RAWQPSEUDO"}, "adults": {"1"},
		"anumber": {"A-527-194-836"}, "facility": {"RAWQFACILITYMARKER"}}, http.StatusSeeOther)
	entry := res.header.Get("Location")
	for field, want := range map[string]string{"anumber": "A527-194-836", "facility": "RAWQFACILITYMARKER"} {
		if rev := pvPost(t, netCoord, entry+"/reveal", url.Values{"field": {field}}, http.StatusOK); !strings.Contains(rev.body, want) {
			t.Errorf("reveal %s: got no %q, want it shown once", field, want)
		}
	}
	pvPost(t, netCoord, entry, url.Values{"pseudonym": {"RAWQPSEUDO"}, "adults": {"1"}, "anumber": {"619 283 745"}}, http.StatusSeeOther)
	pvPost(t, netCoord, entry+"/state", url.Values{"state": {"seeking_sponsor"}}, http.StatusSeeOther)
	pvPost(t, netCoord, entry+"/offers", url.Values{"group_id": {alpha.ID}}, http.StatusSeeOther)
	m := offerLinkRE.FindStringSubmatch(pvGet(t, alphaCoord, "/orgs/"+alpha.ID+"/offers", http.StatusOK).body)
	if m == nil {
		t.Fatalf("alpha has no offer")
	}
	pvPost(t, alphaCoord, "/orgs/"+alpha.ID+"/offers/"+m[1]+"/accept", url.Values{}, http.StatusSeeOther)
	d.st.FlushAudit()

	sensitive := []string{"527194836", "527-194-836", "A-527-194-836", "619283745", "619 283 745", "619-283-745", "RAWQFACILITYMARKER"}
	audit, reveals := pvAuditRows(t, d.path)
	if reveals != 2 {
		t.Errorf("audit_log reveals: got %d, want 2", reveals)
	}
	if !strings.Contains(audit, "queue_entry") {
		t.Errorf("audit_log: got no queue_entry reveal, want the reveals recorded against the entry")
	}
	pvNoneIn(t, "audit_log rows", []byte(audit), sensitive)
	live := append(pvReadFile(t, d.path), pvReadFile(t, d.path+"-wal")...)
	pvNoneIn(t, "database and WAL (live)", live, sensitive)
	if !strings.Contains(string(live), "RAWQPSEUDO") {
		t.Errorf("database+WAL: got no RAWQPSEUDO, want the plain fields readable (control)")
	}
	d.shutdown()
	closed := append(pvReadFile(t, d.path), pvReadFile(t, d.path+"-wal")...)
	pvNoneIn(t, "database file (closed)", closed, sensitive)
	pvNoneIn(t, "server log", []byte(d.logs.String()), sensitive)
}
