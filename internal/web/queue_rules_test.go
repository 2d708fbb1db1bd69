package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"puente/internal/model"
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
