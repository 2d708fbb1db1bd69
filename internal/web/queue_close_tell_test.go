package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"puente/internal/model"
	"puente/internal/store"
)

// placedEntry adds one person to net's queue with an external reference
// only the network holds, and hands them to group (store.SeedPlacements);
// it returns the entry's and the case's ids.
func placedEntry(t *testing.T, e *testEnv, net, group model.Org, ref string) (string, string) {
	t.Helper()
	ctx := context.Background()
	added, err := e.st.AddQueueEntries(ctx, net, []model.QueueEntryInput{{Pseudonym: "R.M.", Adults: 1, ExternalRef: ref}}, store.IntakeSource{})
	if err != nil {
		t.Fatal(err)
	}
	cases, err := e.st.SeedPlacements(ctx, net, []store.PlacementSeed{{EntryID: added[0].ID, Group: group, State: model.QueueArrived,
		HandOff: store.HandOff{Principal: model.PersonInput{Name: "Rosa Mendez"}}}})
	if err != nil {
		t.Fatal(err)
	}
	return added[0].ID, cases[0]
}

// TestNetworkClosingTellsGroup (issue 13): when a network coordinator
// closes a person it placed, the group's case says so, in the same
// transaction: a line of its history (the reason in words, nobody of the
// network named) and a notice on the case page, in English and Spanish;
// the group's coordinators get an email with the case code and the reason
// only. Nothing the network holds alone (its reference for the person) is
// on any page of the group; another group sees none of it and gets no
// email; the case stays the group's, open.
func TestNetworkClosingTellsGroup(t *testing.T) {
	e, smtpd, sender := emailEnv(t)
	ctx := context.Background()
	net, alpha := e.orgs["network"], e.orgs["alpha"]
	const canary = "NETONLYREFCANARY"
	entry, caseID := placedEntry(t, e, net, alpha, canary)
	c, err := e.st.CaseForUser(ctx, e.userID(emailAlphaCoord), caseID)
	if err != nil {
		t.Fatal(err)
	}
	nc := e.signIn(emailNetCoord)
	if res := nc.get("/orgs/" + net.ID + "/queue/" + entry + "/close"); !strings.Contains(res.body, "its coordinators are told") {
		t.Errorf("the close page does not say the group is told: %d", res.status)
	}
	histBefore := e.count("case_history")
	res := nc.post("/orgs/"+net.ID+"/queue/"+entry+"/close", url.Values{"reason": {"found_elsewhere"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("close: got %d, want 303", res.status)
	}
	if got := e.count("case_history") - histBefore; got != 1 {
		t.Errorf("case history: %d rows written, want 1", got)
	}

	coord := e.signIn(emailAlphaCoord)
	page := coord.get("/cases/" + caseID)
	for _, want := range []string{"Your placement network ended this placement on", "The reason it gave: Found a sponsor elsewhere.",
		"the placement network ended the placement", `<a href="/cases/` + caseID + `/close">Close case</a>`} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the group's case page: %q missing", want)
		}
	}
	if strings.Contains(page.body, "Carlos") || strings.Contains(page.body, "found_elsewhere") {
		t.Error("the case page names the network's coordinator or shows the reason's code")
	}
	member := e.signIn(emailAlphaMem)
	if p := member.get("/cases/" + caseID); !strings.Contains(p.body, "Your placement network ended this placement on") ||
		strings.Contains(p.body, `/cases/`+caseID+`/close"`) {
		t.Error("a member: want the notice, without the link to close the case")
	}
	member.post("/lang", url.Values{"lang": {"es"}, "return": {"/"}})
	if p := member.get("/cases/" + caseID); !strings.Contains(p.body, "Su red de acogida dio por terminada esta acogida el") ||
		!strings.Contains(p.body, "Encontró un grupo patrocinador por otro lado") || !strings.Contains(p.body, "la red de acogida dio por terminada la acogida") {
		t.Error("the Spanish case page does not say the network ended the placement")
	}
	if got, _ := e.st.CaseForUser(ctx, e.userID(emailAlphaCoord), caseID); !got.Open() {
		t.Error("the group's case was closed: it stays the group's to close")
	}
	for _, path := range []string{"/", "/cases", "/cases/" + caseID, "/cases/" + caseID + "/close", "/orgs/" + alpha.ID} {
		for _, cl := range []*client{coord, member} {
			if p := cl.get(path); strings.Contains(p.body, canary) {
				t.Errorf("%s shows the network's own reference", path)
			}
		}
	}

	beta := e.signIn(emailBetaCoord)
	if p := beta.get("/cases/" + caseID); p.status != http.StatusNotFound {
		t.Errorf("another group's coordinator: got %d, want 404", p.status)
	}
	for _, path := range []string{"/", "/cases"} {
		if p := beta.get(path); strings.Contains(p.body, "placement network ended") || strings.Contains(p.body, c.Code) {
			t.Errorf("another group's %s shows the closing", path)
		}
	}

	if sent, failed := sender.SendDue(ctx); sent != 1 || failed != 0 {
		t.Fatalf("sent %d, failed %d; want 1 (alpha's one coordinator), 0", sent, failed)
	}
	msgs := smtpd.Wait(t, 1, 5*time.Second)
	m := msgs[0]
	if strings.Join(m.To, ",") != emailAlphaCoord {
		t.Errorf("the message went to %v, want alpha's coordinator only", m.To)
	}
	text := m.Text()
	for _, want := range []string{"Case " + c.Code + ": your placement network ended the placement", "Found a sponsor elsewhere",
		e.srv.cfg.BaseURL + "/cases/" + caseID} {
		if !strings.Contains(text, want) {
			t.Errorf("the message: %q missing:\n%s", want, text)
		}
	}
	for _, bad := range []string{"Rosa", "Mendez", "R.M.", canary, alpha.Name, net.Name, "Carlos"} {
		if strings.Contains(text, bad) {
			t.Errorf("the message names %q:\n%s", bad, text)
		}
	}
}

// TestNetworkClosingWithoutEmail: on a server that sends no email the
// case's history and notice are written all the same and nothing is
// queued; closing a person never handed to a group writes to no case.
func TestNetworkClosingWithoutEmail(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	net, alpha := e.orgs["network"], e.orgs["alpha"]
	entry, caseID := placedEntry(t, e, net, alpha, "NOMAIL-1")
	nc := e.signIn(emailNetCoord)
	if res := nc.post("/orgs/"+net.ID+"/queue/"+entry+"/close", url.Values{"reason": {"removed"}}); res.status != http.StatusSeeOther {
		t.Fatalf("close: got %d", res.status)
	}
	if n := e.count("outbox"); n != 0 {
		t.Errorf("outbox rows %d without SMTP", n)
	}
	if p := e.signIn(emailAlphaCoord).get("/cases/" + caseID); !strings.Contains(p.body, "The reason it gave: Removed from the United States.") {
		t.Error("without email the case page does not say the network ended the placement")
	}
	waiting, err := e.st.AddQueueEntries(ctx, net, []model.QueueEntryInput{{Pseudonym: "W.", Adults: 1}}, store.IntakeSource{})
	if err != nil {
		t.Fatal(err)
	}
	before := e.count("case_history")
	if res := nc.post("/orgs/"+net.ID+"/queue/"+waiting[0].ID+"/close", url.Values{"reason": {"withdrew"}}); res.status != http.StatusSeeOther {
		t.Fatalf("close a waiting entry: got %d", res.status)
	}
	if got := e.count("case_history") - before; got != 0 {
		t.Errorf("closing an entry never handed over wrote %d case history rows", got)
	}
}
