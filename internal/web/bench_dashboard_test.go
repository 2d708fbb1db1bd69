package web

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"puente/internal/model"
	"puente/internal/store"
)

// BenchmarkNetworkDashboard serves the dashboard of a network with 2,000
// sponsor groups (profiles, four vetting items, records) and 20,000 people
// in its queue, through the real handler. Placements (cases handed to
// groups) are not seeded: each needs a hand-off.
func BenchmarkNetworkDashboard(b *testing.B) {
	e := newEnv(b)
	ctx := context.Background()
	seed := store.Seed{Orgs: []store.SeedOrg{{Key: "bignet", Kind: model.KindNetwork, Name: "Big network"}}}
	sp := store.SponsorSeed{NetworkKey: "bignet", Regions: []string{"North", "South"},
		Items: []model.VettingItem{{Name: "Background check", ValidDays: 365, PerAdult: true}, {Name: "References", ValidDays: 730},
			{Name: "Home visit", ValidDays: 730}, {Name: "Training", ValidDays: 365}},
		Profiles: map[string]model.SponsorProfile{}, Records: map[string][]model.VettingRecord{}}
	today := time.Now().UTC()
	day := func(n int) string { return today.AddDate(0, 0, n).Format("2006-01-02") }
	for i := 0; i < 2000; i++ {
		k := fmt.Sprintf("g%04d", i)
		seed.Orgs = append(seed.Orgs, store.SeedOrg{Key: k, Kind: model.KindGroup, Name: "Group " + k, NetworkKey: "bignet"})
		sp.Profiles[k] = model.SponsorProfile{RegionName: "North", Languages: []string{"en", "es"}, Adults: 2, Beds: 1 + i%3,
			MaxPlacements: 1, Declared: model.StageApplied}
		for _, it := range []string{"References", "Home visit", "Training"} {
			sp.Records[k] = append(sp.Records[k], model.VettingRecord{ItemName: it, DoneOn: day(-(i % 400))})
		}
		sp.Records[k] = append(sp.Records[k], model.VettingRecord{ItemName: "Background check", Subject: "A.A.", DoneOn: day(-(i % 370))},
			model.VettingRecord{ItemName: "Background check", Subject: "B.B.", DoneOn: day(-(i % 300))})
	}
	seed.Sponsors = []store.SponsorSeed{sp}
	seed.Users = []store.SeedUser{{Email: "bench-admin@example.org", Name: "Bench Admin", PasswordHash: e.hash, Roles: map[string]model.Role{"bignet": model.RoleCoordinator}}}
	ids, err := e.st.ApplySeed(ctx, seed, false)
	if err != nil {
		b.Fatal(err)
	}
	net, err := e.st.OrgInScope(ctx, []model.Membership{{OrgID: ids["bignet"], OrgKind: model.KindNetwork}}, ids["bignet"])
	if err != nil {
		b.Fatal(err)
	}
	for batch := 0; batch < 4; batch++ {
		var in []model.QueueEntryInput
		for j := 0; j < 5000; j++ {
			n := batch*5000 + j
			e := model.QueueEntryInput{Pseudonym: fmt.Sprintf("P.%d", n), Adults: 1 + n%3, Languages: []string{"es"},
				ExternalRef: fmt.Sprintf("B-%05d", n)}
			if n%3 != 0 {
				e.DecisionDate = day(n%60 - 10)
			}
			in = append(in, e)
		}
		if _, err := e.st.AddQueueEntries(ctx, net, in, "", ""); err != nil {
			b.Fatal(err)
		}
	}
	c := e.signIn("bench-admin@example.org")
	path := "/orgs/" + net.ID + "/dashboard"
	if res := c.get(path); res.status != http.StatusOK {
		b.Fatalf("dashboard: got %d", res.status)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if res := c.get(path); res.status != http.StatusOK {
			b.Fatalf("dashboard: got %d", res.status)
		}
	}
}
