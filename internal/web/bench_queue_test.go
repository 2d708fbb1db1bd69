package web

import (
	"context"
	"fmt"
	"testing"
	"time"

	"puente/internal/model"
	"puente/internal/store"
)

// BenchmarkQueueEntryRank2000 is a person's page in a network of 2,000
// sponsor groups, each with a profile and a vetting record: the page reads
// every group, computes its approval of the day and ranks them with why
// (issue 13's target for the ranking: under 20 ms).
func BenchmarkQueueEntryRank2000(b *testing.B) {
	e := newEnv(b)
	ctx := context.Background()
	const n = 2000
	today := time.Now().UTC().Format(time.DateOnly)
	seed := store.Seed{Orgs: []store.SeedOrg{{Key: "bignet", Kind: model.KindNetwork, Name: "Big network"}},
		Users: []store.SeedUser{{Email: "coord@bignet.example.org", Name: "Big Coord", PasswordHash: e.hash,
			Roles: map[string]model.Role{"bignet": model.RoleCoordinator}}}}
	sp := store.SponsorSeed{NetworkKey: "bignet", Regions: []string{"North", "South", "East", "West"},
		Items: []model.VettingItem{{Name: "Home visit", ValidDays: 365}}, Profiles: map[string]model.SponsorProfile{},
		Records: map[string][]model.VettingRecord{}}
	langs := [][]string{{"en", "es"}, {"es"}, {"en", "fr", "ht"}, {"ar", "en"}, {"pt", "es"}}
	for i := 0; i < n; i++ {
		key := fmt.Sprintf("g%04d", i)
		seed.Orgs = append(seed.Orgs, store.SeedOrg{Key: key, Kind: model.KindGroup, Name: "Group " + key, NetworkKey: "bignet"})
		sp.Profiles[key] = model.SponsorProfile{RegionName: sp.Regions[i%4], Languages: langs[i%len(langs)], Adults: 1 + i%3,
			Beds: 1 + i%4, PrivateRoom: i%2 == 0, AcceptsChildren: i%3 != 0, Wheelchair: i%7 == 0, MaxPlacements: 1 + i%3,
			Declared: model.StageApplied}
		sp.Records[key] = []model.VettingRecord{{ItemName: "Home visit", DoneOn: today}}
	}
	seed.Sponsors = []store.SponsorSeed{sp}
	ids, err := e.st.ApplySeed(ctx, seed, false)
	if err != nil {
		b.Fatal(err)
	}
	network := model.Org{ID: ids["bignet"], Kind: model.KindNetwork}
	res, err := e.st.AddQueueEntries(ctx, network, []model.QueueEntryInput{{Pseudonym: "B.N.", Languages: []string{"es"},
		Adults: 1, ChildAges: []int{5}}}, store.IntakeSource{})
	if err != nil {
		b.Fatal(err)
	}
	if err := e.st.SetQueueState(ctx, network, res[0].ID, model.QueueSeeking, ""); err != nil {
		b.Fatal(err)
	}
	serveBench(b, e, benchCookies(e, "coord@bignet.example.org"), "/orgs/"+network.ID+"/queue/"+res[0].ID)
}

// BenchmarkQueueList is the first page of a queue of 5,000 people.
func BenchmarkQueueList(b *testing.B) {
	e := newEnv(b)
	network := e.orgs["network"]
	var in []model.QueueEntryInput
	for i := 0; i < 5000; i++ {
		in = append(in, model.QueueEntryInput{Pseudonym: fmt.Sprintf("P%d", i), Languages: []string{"es"}, Adults: 1,
			DecisionDate: time.Now().AddDate(0, 0, i%90).Format(time.DateOnly), ANumber: fmt.Sprintf("2%08d", i)})
	}
	if _, err := e.st.AddQueueEntries(context.Background(), network, in, store.IntakeSource{}); err != nil {
		b.Fatal(err)
	}
	serveBench(b, e, benchCookies(e, emailNetCoord), "/orgs/"+network.ID+"/queue")
}
