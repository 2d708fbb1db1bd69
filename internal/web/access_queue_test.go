package web

import (
	"context"
	"fmt"
	"net/url"
	"sync/atomic"

	"puente/internal/auth"
	"puente/internal/model"
	"puente/internal/store"
)

// queueRefs numbers the entries the matrix adds, so that each has its own
// external reference.
var queueRefs atomic.Int64

// newQueueEntry adds one person with an A-number and a facility to the
// queue of network and returns its id; for an organisation that is not a
// network, an id that names nothing.
func newQueueEntry(e *testEnv, network model.Org, state model.QueueState) string {
	if network.Kind != model.KindNetwork {
		return auth.NewID()
	}
	ctx := context.Background()
	in := model.QueueEntryInput{Pseudonym: "Q.Z.", Languages: []string{"es"}, Adults: 1, ChildAges: []int{5},
		ExternalRef: fmt.Sprintf("matrix-%d", queueRefs.Add(1)), ANumber: canaryANumberQueue, Facility: canaryFacilityQueue}
	res, err := e.st.AddQueueEntries(ctx, network, []model.QueueEntryInput{in}, store.IntakeSource{})
	if err != nil {
		e.t.Fatalf("queue entry: %v", err)
	}
	if state != model.QueueReferred {
		if err := e.st.SetQueueState(ctx, network, res[0].ID, state, ""); err != nil {
			e.t.Fatalf("queue state: %v", err)
		}
	}
	return res[0].ID
}

// approveForQueue makes group approved today: a region and a vetting item
// in its network (once), a complete profile and the item done today.
func approveForQueue(e *testEnv, group model.Org) {
	ctx := context.Background()
	network := group.NetworkID
	regions, err := e.st.Regions(ctx, network)
	if err != nil {
		e.t.Fatal(err)
	}
	if len(regions) == 0 {
		if err := e.st.AddRegion(ctx, network, "Matrix region", "", ""); err != nil {
			e.t.Fatal(err)
		}
		regions, _ = e.st.Regions(ctx, network)
	}
	items, _ := e.st.VettingItems(ctx, network)
	if len(items) == 0 {
		if err := e.st.AddVettingItem(ctx, network, model.VettingItem{Name: "Matrix visit", ValidDays: 365}, "", ""); err != nil {
			e.t.Fatal(err)
		}
		items, _ = e.st.VettingItems(ctx, network)
	}
	p := model.SponsorProfile{RegionID: regions[0].ID, Languages: []string{"es"}, Adults: 1, Beds: 4, MaxPlacements: 20, AcceptsChildren: true}
	if err := e.st.SaveSponsorProfile(ctx, group, p, ""); err != nil {
		e.t.Fatal(err)
	}
	for _, it := range items {
		if err := e.st.RecordVetting(ctx, group, it.ID, "", e.srv.today(group.TimeZone), "", ""); err != nil {
			e.t.Fatal(err)
		}
	}
}

// newOffer offers a fresh person of group's network to group, which it
// approves first, and returns the entry and the offer; for an organisation
// that is not a group of a network, ids that name nothing.
func newOffer(e *testEnv, group model.Org) (entryID, offerID string) {
	var network model.Org
	for _, o := range e.orgs {
		if o.Kind == model.KindNetwork && o.ID == group.NetworkID {
			network = o
		}
	}
	if group.Kind != model.KindGroup || network.ID == "" {
		return auth.NewID(), auth.NewID()
	}
	approveForQueue(e, group)
	entryID = newQueueEntry(e, network, model.QueueSeeking)
	offerID, err := e.st.CreateOffer(context.Background(), network, entryID, group, "", e.srv.today(network.TimeZone), model.OfferTTL)
	if err != nil {
		e.t.Fatalf("offer: %v", err)
	}
	return entryID, offerID
}

// queueMatrix is the access matrix of the queue, offers and placements
// (issue 13). The network's staff manage its queue; another network's
// staff never reach it; a group's people get 403 on their own group and
// 404 on the network. Only a group's own coordinators see and answer its
// offers: its members get 403, another group's people 404, network staff
// 403 on their groups. Bad input answers 422 where the viewer may act.
func queueMatrix() []matrixRow {
	manage := func(ok int) [6][5]int {
		return [6][5]int{
			{},
			{s404, s403, s404, s404, s404},
			{s404, s403, s404, s404, s404},
			{ok, s403, s403, s404, s404},
			{ok, s403, s403, s404, s404},
			{s404, s404, s404, ok, s403},
		}
	}
	answer := func(ok int) [6][5]int {
		return [6][5]int{
			{},
			{s404, s403, s404, s404, s404},
			{s404, ok, s404, s404, s404},
			{s403, s403, s403, s404, s404},
			{s403, s403, s403, s404, s404},
			{s404, s404, s404, s403, s403},
		}
	}
	on := onOrg
	entry := func(suffix string, state model.QueueState, form url.Values) func(e *testEnv, o model.Org) cell {
		return func(e *testEnv, o model.Org) cell {
			return cell{path: "/orgs/" + o.ID + "/queue/" + newQueueEntry(e, o, state) + suffix, form: form}
		}
	}
	withdraw := func(e *testEnv, o model.Org) cell {
		group := map[string]string{e.orgs["network"].ID: "alpha", e.orgs["othernet"].ID: "gamma"}[o.ID]
		if group == "" {
			return cell{path: "/orgs/" + o.ID + "/queue/" + auth.NewID() + "/offers/" + auth.NewID() + "/withdraw"}
		}
		entryID, offerID := newOffer(e, e.orgs[group])
		return cell{path: "/orgs/" + o.ID + "/queue/" + entryID + "/offers/" + offerID + "/withdraw"}
	}
	offer := func(suffix string, form url.Values) func(e *testEnv, o model.Org) cell {
		return func(e *testEnv, o model.Org) cell {
			_, id := newOffer(e, o)
			return cell{path: "/orgs/" + o.ID + "/offers/" + id + suffix, form: form}
		}
	}
	return []matrixRow{
		{method: "GET", pattern: "/orgs/{orgID}/queue", prepare: on("/queue", nil), org: withAnon(manage(s200), anonGet)},
		{method: "GET", pattern: "/orgs/{orgID}/queue/new", prepare: on("/queue/new", nil), org: withAnon(manage(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/queue", prepare: on("/queue", url.Values{"pseudonym": {""}, "adults": {"many"}}),
			org: withAnon(manage(s422), anonPost)},
		{method: "GET", pattern: "/orgs/{orgID}/queue/{entryID}", prepare: entry("", model.QueueReferred, nil), org: withAnon(manage(s200), anonGet)},
		{method: "GET", pattern: "/orgs/{orgID}/queue/{entryID}/edit", prepare: entry("/edit", model.QueueReferred, nil), org: withAnon(manage(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/queue/{entryID}", prepare: entry("", model.QueueReferred, url.Values{"pseudonym": {"Q.Z."}, "adults": {"0"}}),
			org: withAnon(manage(s422), anonPost)},
		{method: "POST", pattern: "/orgs/{orgID}/queue/{entryID}/state", prepare: entry("/state", model.QueueReferred, url.Values{"state": {"accepted"}}),
			org: withAnon(manage(s422), anonPost)},
		{method: "GET", pattern: "/orgs/{orgID}/queue/{entryID}/close", prepare: entry("/close", model.QueueReferred, nil), org: withAnon(manage(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/queue/{entryID}/close", prepare: entry("/close", model.QueueReferred, url.Values{"reason": {""}}),
			org: withAnon(manage(s422), anonPost)},
		{method: "POST", pattern: "/orgs/{orgID}/queue/{entryID}/reveal", prepare: entry("/reveal", model.QueueReferred, url.Values{"field": {"anumber"}}),
			org: withAnon(manage(s200), anonPost)},
		{method: "POST", pattern: "/orgs/{orgID}/queue/{entryID}/offers", prepare: entry("/offers", model.QueueSeeking, url.Values{"group_id": {""}}),
			org: withAnon(manage(s422), anonPost)},
		{method: "GET", pattern: "/orgs/{orgID}/queue/{entryID}/offers/{offerID}/withdraw", prepare: withdraw, org: withAnon(manage(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/queue/{entryID}/offers/{offerID}/withdraw", prepare: withdraw, org: withAnon(manage(s303), anonPost)},
		{method: "GET", pattern: "/orgs/{orgID}/placements", prepare: on("/placements", nil), org: withAnon(manage(s200), anonGet)},
		{method: "GET", pattern: "/orgs/{orgID}/offers", prepare: on("/offers", nil), org: withAnon(answer(s200), anonGet)},
		{method: "GET", pattern: "/orgs/{orgID}/offers/{offerID}", prepare: offer("", nil), org: withAnon(answer(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/offers/{offerID}/accept", prepare: offer("/accept", url.Values{}), org: withAnon(answer(s303), anonPost)},
		{method: "GET", pattern: "/orgs/{orgID}/offers/{offerID}/decline", prepare: offer("/decline", nil), org: withAnon(answer(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/offers/{offerID}/decline", prepare: offer("/decline", url.Values{"reason": {""}}),
			org: withAnon(answer(s422), anonPost)},
	}
}

// The queue's restricted markers: the canary crawl never finds them on a
// page without a reveal, nor anyone outside the network.
const (
	canaryANumberQueue  = "A 463-728-195"
	canaryFacilityQueue = "CANARYQFACILITY"
)
