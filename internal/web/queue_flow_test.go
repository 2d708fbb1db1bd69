package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"puente/internal/model"
	"puente/internal/store"
)

var (
	queueEntryLocRE = regexp.MustCompile(`/queue/([0-9a-f]{32})$`)
	offerLinkRE     = regexp.MustCompile(`/offers/([0-9a-f]{32})"`)
)

// TestQueueFormsRefuseBadInput: every bad field answers 422 with the
// error summary, a message on the field, the input kept (never the
// A-number or facility) and nothing written.
func TestQueueFormsRefuseBadInput(t *testing.T) {
	e := newEnv(t)
	c := e.signIn(emailNetCoord)
	net := "/orgs/" + e.orgs["network"].ID
	good := url.Values{"pseudonym": {"K.L."}, "adults": {"2"}, "child_ages": {"3, 11"}, "languages": {"es", "quc"},
		"needs": {"schooling"}, "decision_date": {"2026-12-20"}, "detained_since": {"2026-09-01"},
		"anumber": {"A 555-444-333"}, "facility": {"BADFORMFACILITY"}, "external_ref": {"ref-77"}}
	with := func(k, v string) url.Values {
		f := url.Values{}
		for kk, vv := range good {
			f[kk] = vv
		}
		f.Set(k, v)
		return f
	}
	bad := []struct {
		field string
		form  url.Values
	}{
		{"pseudonym", with("pseudonym", "")},
		{"pseudonym", with("pseudonym", strings.Repeat("x", 81))},
		{"adults", with("adults", "0")},
		{"adults", with("adults", "two")},
		{"child_ages", with("child_ages", "3, 19")},
		{"child_ages", with("child_ages", "three")},
		{"languages", with("languages", "klingon")},
		{"needs", with("needs", "pony")},
		{"decision_date", with("decision_date", "2026-02-30")},
		{"detained_since", with("detained_since", "2099-01-01")},
		{"region_id", with("region_id", "not-a-region")},
		{"anumber", with("anumber", "A12")},
		{"external_ref", with("external_ref", strings.Repeat("r", 101))},
	}
	for _, b := range bad {
		res := c.post(net+"/queue", b.form)
		if res.status != http.StatusUnprocessableEntity {
			t.Errorf("%s: got %d, want 422", b.field, res.status)
			continue
		}
		checkErrorSummary(t, "queue "+b.field, res.body)
		if !strings.Contains(res.body, `id="`+b.field+`-error"`) {
			t.Errorf("%s: no message on the field", b.field)
		}
		// The A-number and facility typed are the user's own input of
		// this POST: kept, like the other fields (README, "Security notes").
		if !strings.Contains(res.body, `value="`+b.form.Get("anumber")+`"`) || !strings.Contains(res.body, `value="BADFORMFACILITY"`) {
			t.Errorf("%s: the A-number or facility typed was not kept", b.field)
		}
		if b.field != "pseudonym" && !strings.Contains(res.body, `value="K.L."`) {
			t.Errorf("%s: the pseudonym typed was not kept", b.field)
		}
	}
	if n := e.count("queue_entries"); n != 0 {
		t.Fatalf("refused forms wrote %d entries", n)
	}
	res := c.post(net+"/queue", good)
	if res.status != http.StatusSeeOther {
		t.Fatalf("good form: got %d, want 303; %.400s", res.status, res.body)
	}
	m := queueEntryLocRE.FindStringSubmatch(res.header.Get("Location"))
	if m == nil {
		t.Fatalf("no entry in %q", res.header.Get("Location"))
	}
	entry := net + "/queue/" + m[1]
	// The same reference again: nothing new, the existing person shown.
	if res := c.post(net+"/queue", good); res.status != http.StatusSeeOther || !strings.HasSuffix(res.header.Get("Location"), m[1]) {
		t.Errorf("the same reference again: got %d to %q, want the existing entry", res.status, res.header.Get("Location"))
	}
	if n := e.count("queue_entries"); n != 1 {
		t.Errorf("entries after a repeated reference: got %d, want 1", n)
	}
	page := c.get(entry)
	if page.status != http.StatusOK || !strings.Contains(page.body, "•••-•••-333") || strings.Contains(page.body, "555-444") ||
		strings.Contains(page.body, "BADFORMFACILITY") {
		t.Errorf("entry page: %d; masked A-number shown %v", page.status, strings.Contains(page.body, "•••-•••-333"))
	}
	// The edit form: bad input, 422 and nothing changed.
	if res := c.post(entry, with("adults", "21")); res.status != http.StatusUnprocessableEntity {
		t.Errorf("edit with 21 adults: got %d, want 422", res.status)
	}
	if res := c.post(entry+"/state", url.Values{"state": {"accepted"}}); res.status != http.StatusUnprocessableEntity {
		t.Errorf("setting accepted by hand: got %d, want 422", res.status)
	}
	if res := c.post(entry+"/close", url.Values{"reason": {"bored"}}); res.status != http.StatusUnprocessableEntity {
		t.Errorf("closing with an unknown reason: got %d, want 422", res.status)
	}
	if n := e.count("queue_state_changes"); n != 1 {
		t.Errorf("state changes after refused forms: got %d, want 1", n)
	}
	// A reveal shows the A-number once and records it.
	if res := c.post(entry+"/reveal", url.Values{"field": {"anumber"}}); !strings.Contains(res.body, "A555-444-333") {
		t.Errorf("reveal: got %d without the A-number", res.status)
	}
}

// TestQueueOfferFlow: seeking → offer → the group sees only what it needs
// → decline (seeking again) → offer → accept: the case opens in the
// group's space with the household, the first checklists and the A-number,
// and the network's placement shows it. Another group gets 404; a dead
// offer and a lost approval are refused at use.
func TestQueueOfferFlow(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	netCoord := e.signIn(emailNetCoord)
	alphaCoord := e.signIn(emailAlphaCoord)
	beta := e.signIn(emailBetaCoord)
	network, alpha := e.orgs["network"], e.orgs["alpha"]
	net := "/orgs/" + network.ID
	approveForQueue(e, alpha)
	entryID := newQueueEntry(e, network, model.QueueSeeking)
	entry := net + "/queue/" + entryID

	page := netCoord.get(entry)
	if !strings.Contains(page.body, alpha.Name) || !strings.Contains(page.body, `name="group_id" value="`+alpha.ID+`"`) {
		t.Fatalf("the ranking does not list alpha; %.600s", page.body)
	}
	if res := netCoord.post(entry+"/offers", url.Values{"group_id": {e.orgs["gamma"].ID}}); res.status != http.StatusUnprocessableEntity {
		t.Errorf("an offer to another network's group: got %d, want 422", res.status)
	}
	if res := netCoord.post(entry+"/offers", url.Values{"group_id": {e.orgs["beta"].ID}}); res.status != http.StatusUnprocessableEntity {
		t.Errorf("an offer to an unapproved group: got %d, want 422", res.status)
	}
	pvPost(t, netCoord, entry+"/offers", url.Values{"group_id": {alpha.ID}}, http.StatusSeeOther)

	list := pvGet(t, alphaCoord, "/orgs/"+alpha.ID+"/offers", http.StatusOK)
	m := offerLinkRE.FindStringSubmatch(list.body)
	if m == nil {
		t.Fatalf("alpha's offers list no offer; %.600s", list.body)
	}
	offer := "/orgs/" + alpha.ID + "/offers/" + m[1]
	view := pvGet(t, alphaCoord, offer, http.StatusOK)
	for _, never := range []string{"463-728-195", "463728195", canaryFacilityQueue, "matrix-"} {
		if strings.Contains(view.body, never) {
			t.Errorf("the group's offer page shows %q", never)
		}
	}
	if !strings.Contains(view.body, "Q.Z.") {
		t.Errorf("the group's offer page has no pseudonym")
	}
	// Another group never sees it.
	betaPath := "/orgs/" + e.orgs["beta"].ID + "/offers/" + m[1]
	if res := beta.get(betaPath); res.status != http.StatusNotFound {
		t.Errorf("beta reading alpha's offer under its own org: got %d, want 404", res.status)
	}
	if res := beta.post(offer+"/accept", url.Values{}); res.status != http.StatusNotFound {
		t.Errorf("beta accepting alpha's offer: got %d, want 404", res.status)
	}

	// Declined: seeking again, with the reason in the network's history.
	if res := alphaCoord.post(offer+"/decline", url.Values{"reason": {""}}); res.status != http.StatusUnprocessableEntity {
		t.Errorf("decline without a reason: got %d, want 422", res.status)
	}
	pvPost(t, alphaCoord, offer+"/decline", url.Values{"reason": {"timing"}, "note": {"After the holidays"}}, http.StatusSeeOther)
	if e2, _ := e.st.QueueEntry(ctx, network, entryID); e2.State != model.QueueSeeking {
		t.Errorf("after the decline: %s, want seeking", e2.State)
	}
	if res := alphaCoord.post(offer+"/accept", url.Values{}); res.status != http.StatusConflict || !strings.Contains(res.body, "declined") {
		t.Errorf("accepting a declined offer: got %d, want 409 saying so", res.status)
	}

	// Offered again, then expired by the clock: dead at use.
	pvPost(t, netCoord, entry+"/offers", url.Values{"group_id": {alpha.ID}}, http.StatusSeeOther)
	m = offerLinkRE.FindStringSubmatch(pvGet(t, alphaCoord, "/orgs/"+alpha.ID+"/offers", http.StatusOK).body)
	offer = "/orgs/" + alpha.ID + "/offers/" + m[1]
	later := time.Now().Add(model.OfferTTL + 25*time.Hour) // past the end of its last day
	e.srv.now = func() time.Time { return later }
	e.st.SetClock(func() time.Time { return later })
	if res := alphaCoord.post(offer+"/accept", url.Values{}); res.status != http.StatusConflict || !strings.Contains(res.body, "expired") {
		t.Errorf("accepting an expired offer: got %d, want 409 saying it expired", res.status)
	}
	if n := e.count("cases"); n != 3 {
		t.Errorf("cases after refused accepts: got %d, want the 3 seeded", n)
	}

	// Offered again (the clock stays three days on) and accepted: the hand-off.
	netCoord.get(entry) // the lapsed offer returns the person to seeking
	pvPost(t, netCoord, entry+"/offers", url.Values{"group_id": {alpha.ID}}, http.StatusSeeOther)
	m = offerLinkRE.FindStringSubmatch(pvGet(t, alphaCoord, "/orgs/"+alpha.ID+"/offers", http.StatusOK).body)
	offer = "/orgs/" + alpha.ID + "/offers/" + m[1]
	res := pvPost(t, alphaCoord, offer+"/accept", url.Values{}, http.StatusSeeOther)
	caseLoc := res.header.Get("Location")
	if !strings.HasPrefix(caseLoc, "/cases/") {
		t.Fatalf("accept led to %q, want the new case", caseLoc)
	}
	cp := pvGet(t, alphaCoord, caseLoc, http.StatusOK)
	if !strings.Contains(cp.body, "Q.Z.") || !strings.Contains(cp.body, "•••") && !strings.Contains(cp.body, "195") {
		t.Errorf("the new case page lacks the household or the A-number's last digits")
	}
	if res := alphaCoord.get(caseLoc + "/checklists/first_week"); res.status != http.StatusOK {
		t.Errorf("the first week's checklist: got %d, want 200", res.status)
	}
	pl := pvGet(t, netCoord, net+"/placements", http.StatusOK)
	if !strings.Contains(pl.body, "Q.Z.") || !strings.Contains(pl.body, alpha.Name) {
		t.Errorf("placements page lacks the placement")
	}
	if prof := pvGet(t, netCoord, "/orgs/"+alpha.ID+"/profile", http.StatusOK); !strings.Contains(prof.body, `data-stage="matched"`) {
		t.Errorf("alpha's profile after the hand-off: not matched")
	}
	if list := pvGet(t, netCoord, net+"/sponsors", http.StatusOK); !strings.Contains(list.body, `data-stage="matched"`) {
		t.Errorf("the network's list after the hand-off: alpha not matched")
	}
	if res := netCoord.get(caseLoc); res.status != http.StatusNotFound {
		t.Errorf("the network reading the group's case: got %d, want 404", res.status)
	}
}

// TestQueueOfferLostApprovalAndWithdrawn: a group that stopped being
// approved since the offer cannot accept it (409, its reason, no case);
// an offer withdrawn is dead to the group, and withdrawing it again says so.
func TestQueueOfferLostApprovalAndWithdrawn(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	netCoord := e.signIn(emailNetCoord)
	alphaCoord := e.signIn(emailAlphaCoord)
	network, alpha := e.orgs["network"], e.orgs["alpha"]
	entryID, offerID := newOffer(e, alpha)
	offer := "/orgs/" + alpha.ID + "/offers/" + offerID
	if err := e.st.SetSponsorStage(ctx, alpha, model.StageResting, "", ""); err != nil {
		t.Fatal(err)
	}
	res := alphaCoord.post(offer+"/accept", url.Values{})
	if res.status != http.StatusConflict || !strings.Contains(res.body, "not approved today") {
		t.Errorf("accepting after approval lapsed: got %d, want 409 saying why", res.status)
	}
	if n := e.count("cases"); n != 3 {
		t.Errorf("cases: got %d, want the 3 seeded", n)
	}
	withdraw := "/orgs/" + network.ID + "/queue/" + entryID + "/offers/" + offerID + "/withdraw"
	pvPost(t, netCoord, withdraw, url.Values{}, http.StatusSeeOther)
	if res := netCoord.post(withdraw, url.Values{}); res.status != http.StatusConflict {
		t.Errorf("withdrawing twice: got %d, want 409", res.status)
	}
	if res := alphaCoord.post(offer+"/accept", url.Values{}); res.status != http.StatusConflict || !strings.Contains(res.body, "withdrew") {
		t.Errorf("accepting a withdrawn offer: got %d, want 409 saying it was withdrawn", res.status)
	}
	if e2, _ := e.st.QueueEntry(ctx, network, entryID); e2.State != model.QueueSeeking {
		t.Errorf("after the withdrawal: %s, want seeking", e2.State)
	}
}

// TestQueueListFilters: the queue page narrows by state and by how soon
// the decision comes, and keeps both in its page links.
func TestQueueListFilters(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	network := e.orgs["network"]
	soon := time.Now().AddDate(0, 0, 3).Format(time.DateOnly)
	later := time.Now().AddDate(0, 0, 20).Format(time.DateOnly)
	if _, err := e.st.AddQueueEntries(ctx, network, []model.QueueEntryInput{
		{Pseudonym: "SOONX", Adults: 1, DecisionDate: soon}, {Pseudonym: "LATERX", Adults: 1, DecisionDate: later},
		{Pseudonym: "NODATEX", Adults: 1}}, store.IntakeSource{}); err != nil {
		t.Fatal(err)
	}
	c := e.signIn(emailNetCoord)
	base := "/orgs/" + network.ID + "/queue"
	for _, tc := range []struct {
		query    string
		want, no []string
	}{
		{"", []string{"SOONX", "LATERX", "NODATEX"}, nil},
		{"?within=7", []string{"SOONX"}, []string{"LATERX", "NODATEX"}},
		{"?within=30&state=referred", []string{"SOONX", "LATERX"}, []string{"NODATEX"}},
		{"?state=seeking_sponsor", nil, []string{"SOONX", "LATERX", "NODATEX"}},
	} {
		body := pvGet(t, c, base+tc.query, http.StatusOK).body
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: no %s", tc.query, w)
			}
		}
		for _, n := range tc.no {
			if strings.Contains(body, n) {
				t.Errorf("%s: shows %s", tc.query, n)
			}
		}
	}
	if i, j := strings.Index(pvGet(t, c, base, http.StatusOK).body, "SOONX"), strings.Index(pvGet(t, c, base, http.StatusOK).body, "LATERX"); i > j {
		t.Errorf("the sooner decision is listed after the later one")
	}
}
