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

// TestOfferKeepsTheRankingsRules: a group the ranking leaves out (here:
// it takes no children, the person has a child) cannot be offered the
// person by a hand-made POST (422, the error summary and why, no offer);
// a group that could when offered but no longer can when it answers (too
// few beds now) cannot accept (409 saying why, no case, the offer open).
func TestOfferKeepsTheRankingsRules(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	netCoord := e.signIn(emailNetCoord)
	alphaCoord := e.signIn(emailAlphaCoord)
	network, alpha := e.orgs["network"], e.orgs["alpha"]
	approveForQueue(e, alpha)
	regions, _ := e.st.Regions(ctx, network.ID)
	profile := func(p model.SponsorProfile) {
		t.Helper()
		p.RegionID, p.Languages, p.Adults = regions[0].ID, []string{"es"}, 1
		if err := e.st.SaveSponsorProfile(ctx, alpha, p, ""); err != nil {
			t.Fatal(err)
		}
	}
	profile(model.SponsorProfile{Beds: 4, MaxPlacements: 20, AcceptsChildren: false})
	entryID := newQueueEntry(e, network, model.QueueSeeking)
	entry := "/orgs/" + network.ID + "/queue/" + entryID
	if page := pvGet(t, netCoord, entry, http.StatusOK); strings.Contains(page.body, `value="`+alpha.ID+`"`) {
		t.Fatalf("the ranking lists a group that takes no children")
	}
	res := netCoord.post(entry+"/offers", url.Values{"group_id": {alpha.ID}})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "does not take children") {
		t.Errorf("an offer the ranking rules out: got %d, want 422 saying why; %.300s", res.status, res.body)
	}
	checkErrorSummary(t, "offer out of the rules", res.body)
	if n := e.count("queue_offers"); n != 0 {
		t.Fatalf("the refused offer wrote %d offers", n)
	}

	profile(model.SponsorProfile{Beds: 4, MaxPlacements: 20, AcceptsChildren: true})
	pvPost(t, netCoord, entry+"/offers", url.Values{"group_id": {alpha.ID}}, http.StatusSeeOther)
	offers, _ := e.st.EntryOffers(ctx, network, entryID)
	offer := "/orgs/" + alpha.ID + "/offers/" + offers[0].ID
	profile(model.SponsorProfile{Beds: 1, MaxPlacements: 20, AcceptsChildren: true})
	res = alphaCoord.post(offer+"/accept", url.Values{})
	if res.status != http.StatusConflict || !strings.Contains(res.body, "not enough beds") {
		t.Errorf("accepting without beds for the household: got %d, want 409 saying why; %.300s", res.status, res.body)
	}
	if n := e.count("cases"); n != 3 {
		t.Errorf("cases: got %d, want the 3 seeded", n)
	}
	if o, _ := e.st.GroupOffer(ctx, alpha, offers[0].ID); o.State != model.OfferOpen {
		t.Errorf("the offer after a refused accept: %s, want open", o.State)
	}
}

// TestStagesAfterHandOffNeedAPlacement: a person no group accepted cannot
// be moved to a stage after the acceptance (422 saying why, nothing
// written); once handed off they can; closing them ends the placement: the
// placements page and the entry say so, the group's load no longer counts
// them.
func TestStagesAfterHandOffNeedAPlacement(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	netCoord := e.signIn(emailNetCoord)
	network, alpha := e.orgs["network"], e.orgs["alpha"]
	entryID, offerID := newOffer(e, alpha)
	entry := "/orgs/" + network.ID + "/queue/" + entryID
	if err := e.st.WithdrawOffer(ctx, network, offerID, ""); err != nil {
		t.Fatal(err)
	}
	if page := pvGet(t, netCoord, entry, http.StatusOK); strings.Contains(page.body, `<option value="released"`) {
		t.Errorf("the stage form offers a step after the acceptance to a person no group accepted")
	}
	for _, st := range []string{"packet_submitted", "decision_granted", "bond_paid", "released", "arrived"} {
		res := netCoord.post(entry+"/state", url.Values{"state": {st}})
		if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "No group has accepted this person yet") {
			t.Errorf("%s without a placement: got %d, want 422 saying why", st, res.status)
		}
	}
	if got, _ := e.st.QueueEntry(ctx, network, entryID); got.State != model.QueueSeeking {
		t.Errorf("state after refused stages: %s, want seeking", got.State)
	}

	offerID, err := e.st.CreateOffer(ctx, network, entryID, alpha, "", e.srv.today(network.TimeZone), model.OfferTTL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.AcceptOffer(ctx, alpha, offerID, "", e.srv.today(alpha.TimeZone), store.HandOff{Principal: model.PersonInput{Name: "Q.Z."}}); err != nil {
		t.Fatal(err)
	}
	if page := pvGet(t, netCoord, entry, http.StatusOK); !strings.Contains(page.body, `<option value="released"`) {
		t.Errorf("the stage form of a placed person lacks the steps after the acceptance")
	}
	pvPost(t, netCoord, entry+"/state", url.Values{"state": {"released"}}, http.StatusSeeOther)
	if page := pvGet(t, netCoord, entry+"/close", http.StatusOK); !strings.Contains(page.body, "Closing ends the placement with "+alpha.Name) {
		t.Errorf("the close page of a placed person does not say the placement ends")
	}
	pvPost(t, netCoord, entry+"/close", url.Values{"reason": {"withdrew"}}, http.StatusSeeOther)
	pl := pvGet(t, netCoord, "/orgs/"+network.ID+"/placements", http.StatusOK)
	if !strings.Contains(pl.body, `data-state="ended"`) || !strings.Contains(pl.body, "No longer wants a sponsor") {
		t.Errorf("the placements page does not show the placement ended; %.600s", pl.body)
	}
	if page := pvGet(t, netCoord, entry, http.StatusOK); !strings.Contains(page.body, `data-state="ended"`) {
		t.Errorf("the entry page does not show the placement ended")
	}
	if loads, _ := e.st.GroupLoads(ctx, network); loads[alpha.ID].Open != 0 {
		t.Errorf("alpha's open placements after the close: %d, want 0", loads[alpha.ID].Open)
	}
}

// TestHandOffHousehold: a hand-off accepted by a coordinator reading
// Spanish names the household in no language ("Q.Z.", "Q.Z. 2", "Q.Z. 3"),
// stores the languages as codes, and the case page names them in the
// reader's language; the initials of "Q.Z." stay "Q.Z.".
func TestHandOffHousehold(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	network, alpha := e.orgs["network"], e.orgs["alpha"]
	u, err := e.st.UserByEmail(ctx, emailAlphaCoord)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.st.SetUserLang(ctx, u.ID, "es"); err != nil {
		t.Fatal(err)
	}
	alphaCoord := e.signIn(emailAlphaCoord)
	entryID, offerID := newOffer(e, alpha)
	ed := store.QueueEdit{In: model.QueueEntryInput{Pseudonym: "Q.Z.", Languages: []string{"es", "quc"}, Adults: 2, ChildAges: []int{6}}}
	if err := e.st.UpdateQueueEntry(ctx, network, entryID, ed); err != nil {
		t.Fatal(err)
	}
	res := pvPost(t, alphaCoord, "/orgs/"+alpha.ID+"/offers/"+offerID+"/accept", url.Values{}, http.StatusSeeOther)
	caseID := strings.TrimPrefix(res.header.Get("Location"), "/cases/")
	people, err := e.st.People(ctx, caseID, "es")
	if err != nil || len(people) != 3 {
		t.Fatalf("people: %d, %v", len(people), err)
	}
	names := []string{people[0].Name, people[1].Name, people[2].Name}
	if strings.Join(names, "|") != "Q.Z.|Q.Z. 2|Q.Z. 3" {
		t.Errorf("the household's names: %q, want Q.Z., Q.Z. 2, Q.Z. 3", names)
	}
	if people[0].Languages != "es, quc" {
		t.Errorf("the principal's languages: %q, want the codes", people[0].Languages)
	}
	if !strings.Contains(people[2].Relationship, "6") {
		t.Errorf("the child's relationship %q lacks the age", people[2].Relationship)
	}
	if got := store.Initials("Q.Z."); got != "Q.Z." {
		t.Errorf("Initials(Q.Z.) = %q", got)
	}
	if got := store.Initials("Q.Z. 3"); got != "Q.Z. 3" {
		t.Errorf("Initials(Q.Z. 3) = %q", got)
	}
	page := pvGet(t, alphaCoord, "/cases/"+caseID, http.StatusOK)
	if !strings.Contains(page.body, "español, K&#39;iche&#39; (idioma maya)") {
		t.Errorf("the case page does not name the languages in Spanish")
	}
	for _, p := range people {
		if p.Principal {
			edit := pvGet(t, alphaCoord, "/cases/"+caseID+"/people/"+p.ID+"/edit", http.StatusOK)
			if !strings.Contains(edit.body, "español, K&#39;iche&#39; (idioma maya)") {
				t.Errorf("the person's edit form does not name the languages")
			}
		}
	}
	if strings.Contains(page.body, "Child") || strings.Contains(page.body, "Niño o niña") {
		t.Errorf("the case page shows a worded placeholder name")
	}
}

// TestOfferHistorySaysWhoAnswered: the person's page names who offered
// and who declined, each with the date, not the offerer as the answerer.
func TestOfferHistorySaysWhoAnswered(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	netCoord := e.signIn(emailNetCoord)
	alphaCoord := e.signIn(emailAlphaCoord)
	network, alpha := e.orgs["network"], e.orgs["alpha"]
	approveForQueue(e, alpha)
	entryID := newQueueEntry(e, network, model.QueueSeeking)
	entry := "/orgs/" + network.ID + "/queue/" + entryID
	pvPost(t, netCoord, entry+"/offers", url.Values{"group_id": {alpha.ID}}, http.StatusSeeOther)
	offers, _ := e.st.EntryOffers(ctx, network, entryID)
	pvPost(t, alphaCoord, "/orgs/"+alpha.ID+"/offers/"+offers[0].ID+"/decline", url.Values{"reason": {"timing"}}, http.StatusSeeOther)
	nu, _ := e.st.UserByEmail(ctx, emailNetCoord)
	au, _ := e.st.UserByEmail(ctx, emailAlphaCoord)
	body := pvGet(t, netCoord, entry, http.StatusOK).body
	for _, want := range []string{"by " + nu.Name, "declined on ", "by " + au.Name} {
		if !strings.Contains(body, want) {
			t.Errorf("the offer history lacks %q", want)
		}
	}
	if i, j := strings.Index(body, "offered on "), strings.Index(body, "declined on "); i < 0 || j < i {
		t.Errorf("the offer history does not say offered, then declined")
	}
}

// TestDetentionDaysStopAtRelease: the days in detention stop at the day
// the person left it (released), however long after the page is read,
// and the "decision within 7 days" tag goes once the decision is made.
func TestDetentionDaysStopAtRelease(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	netCoord := e.signIn(emailNetCoord)
	network, alpha := e.orgs["network"], e.orgs["alpha"]
	entryID, offerID := newOffer(e, alpha)
	entry := "/orgs/" + network.ID + "/queue/" + entryID
	now := time.Now()
	today, _ := time.Parse(time.DateOnly, e.srv.today(network.TimeZone))
	ed := store.QueueEdit{In: model.QueueEntryInput{Pseudonym: "Q.Z.", Adults: 1, ChildAges: []int{5},
		DetainedSince: today.AddDate(0, 0, -10).Format(time.DateOnly), DecisionDate: today.AddDate(0, 0, 3).Format(time.DateOnly)}}
	if err := e.st.UpdateQueueEntry(ctx, network, entryID, ed); err != nil {
		t.Fatal(err)
	}
	if body := pvGet(t, netCoord, entry, http.StatusOK).body; !strings.Contains(body, "Decision within 7 days") {
		t.Errorf("a decision in 3 days is not tagged")
	}
	if _, err := e.st.AcceptOffer(ctx, alpha, offerID, "", e.srv.today(alpha.TimeZone), store.HandOff{Principal: model.PersonInput{Name: "Q.Z."}}); err != nil {
		t.Fatal(err)
	}
	pvPost(t, netCoord, entry+"/state", url.Values{"state": {"decision_granted"}}, http.StatusSeeOther)
	if body := pvGet(t, netCoord, entry, http.StatusOK).body; strings.Contains(body, "Decision within 7 days") {
		t.Errorf("a decided person is still tagged as waiting for a decision")
	}
	pvPost(t, netCoord, entry+"/state", url.Values{"state": {"released"}}, http.StatusSeeOther)
	later := now.AddDate(0, 0, 20)
	e.srv.now = func() time.Time { return later }
	e.st.SetClock(func() time.Time { return later })
	body := pvGet(t, netCoord, entry, http.StatusOK).body
	if !strings.Contains(body, "10 days in detention, until") {
		t.Errorf("20 days after the release, the page does not stop at 10 days in detention; %.400s", body[strings.Index(body, "<h1>"):])
	}
	if list := pvGet(t, netCoord, "/orgs/"+network.ID+"/queue", http.StatusOK).body; !strings.Contains(list, "10 days in detention, until") {
		t.Errorf("the queue list keeps counting days in detention after the release")
	}
	alphaCoord := e.signIn(emailAlphaCoord)
	if page := pvGet(t, alphaCoord, "/orgs/"+alpha.ID+"/offers/"+offerID, http.StatusOK).body; !strings.Contains(page, "10 days in detention, until") {
		t.Errorf("the group's accepted offer keeps counting days in detention after the release")
	}
}

// TestQueueFormRejectedKeepsTyped: a rejected queue form lists its
// errors in the form's order and keeps the A-number and facility typed
// (the user's own input of that POST), with no "type them again" note.
func TestQueueFormRejectedKeepsTyped(t *testing.T) {
	e := newEnv(t)
	c := e.signIn(emailNetCoord)
	net := "/orgs/" + e.orgs["network"].ID
	res := c.post(net+"/queue", url.Values{"pseudonym": {""}, "adults": {"0"}, "languages": {"klingon"}, "needs": {"pony"},
		"anumber": {"A 555-444-333"}, "facility": {"RETYPEFACILITY"}})
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("got %d, want 422", res.status)
	}
	checkErrorSummary(t, "queue form", res.body)
	summary := res.body[strings.Index(res.body, `class="error-summary"`):]
	summary = summary[:strings.Index(summary, "</div>")]
	last := -1
	for _, f := range []string{"#pseudonym", "#languages", "#adults", "#needs"} {
		i := strings.Index(summary, `href="`+f+`"`)
		if i < last {
			t.Errorf("the summary lists %s out of the form's order", f)
		}
		last = i
	}
	if !strings.Contains(res.body, `value="A 555-444-333"`) || !strings.Contains(res.body, `value="RETYPEFACILITY"`) {
		t.Errorf("the rejected form did not keep the A-number and facility typed")
	}
	if strings.Contains(res.body, "type them again") || strings.Contains(res.body, "-retype") {
		t.Errorf("the rejected form asks to type again what it kept")
	}
	if n := e.count("queue_entries"); n != 0 {
		t.Errorf("entries after a rejected form: got %d, want 0", n)
	}
}

// TestOfferPagesOnceClosed: the decline page of a withdrawn offer says it
// is no longer open instead of showing the form, and a decline posted to
// it without a reason answers 409, not a field error; an accepted offer's
// page links to the case and no longer speaks of accepting; the withdraw
// page has no double full stop; a page past the queue's last leads to the
// last; reasons start with a capital letter.
func TestOfferPagesOnceClosed(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	netCoord := e.signIn(emailNetCoord)
	alphaCoord := e.signIn(emailAlphaCoord)
	network, alpha := e.orgs["network"], e.orgs["alpha"]
	entryID, offerID := newOffer(e, alpha)
	withdraw := "/orgs/" + network.ID + "/queue/" + entryID + "/offers/" + offerID + "/withdraw"
	if page := pvGet(t, netCoord, withdraw, http.StatusOK); strings.Contains(page.body, "Q.Z..") {
		t.Errorf("the withdraw page has a double full stop after the pseudonym")
	}
	decline := pvGet(t, alphaCoord, "/orgs/"+alpha.ID+"/offers/"+offerID+"/decline", http.StatusOK)
	if !strings.Contains(decline.body, ">Not at that time<") {
		t.Errorf("the decline reasons do not start with a capital letter")
	}
	if err := e.st.WithdrawOffer(ctx, network, offerID, ""); err != nil {
		t.Fatal(err)
	}
	offer := "/orgs/" + alpha.ID + "/offers/" + offerID
	page := pvGet(t, alphaCoord, offer+"/decline", http.StatusOK)
	if strings.Contains(page.body, `name="reason"`) || !strings.Contains(page.body, "The network withdrew this offer.") {
		t.Errorf("the decline page of a withdrawn offer shows the form or not why")
	}
	res := alphaCoord.post(offer+"/decline", url.Values{"reason": {""}})
	if res.status != http.StatusConflict || !strings.Contains(res.body, "The network withdrew this offer.") {
		t.Errorf("declining a withdrawn offer without a reason: got %d, want 409 saying why", res.status)
	}

	_, accepted := newOffer(e, alpha)
	acc := pvPost(t, alphaCoord, "/orgs/"+alpha.ID+"/offers/"+accepted+"/accept", url.Values{}, http.StatusSeeOther)
	page = pvGet(t, alphaCoord, "/orgs/"+alpha.ID+"/offers/"+accepted, http.StatusOK)
	if !strings.Contains(page.body, `href="`+acc.header.Get("Location")+`"`) {
		t.Errorf("the accepted offer's page does not link to the case")
	}
	if strings.Contains(page.body, "until you accept") {
		t.Errorf("the accepted offer's page still says until you accept")
	}

	res = netCoord.get("/orgs/" + network.ID + "/queue?page=99999")
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/orgs/"+network.ID+"/queue" {
		t.Errorf("?page=99999 on a one-page queue: got %d to %q, want 303 to the queue", res.status, res.header.Get("Location"))
	}
	res = netCoord.get("/orgs/" + network.ID + "/placements?page=99999")
	if res.status != http.StatusSeeOther {
		t.Errorf("?page=99999 on the placements: got %d, want 303", res.status)
	}
}
