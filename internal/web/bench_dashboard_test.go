package web

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"testing"
	"time"

	"puente/internal/model"
	"puente/internal/store"
)

// BenchmarkNetworkDashboard serves the dashboard of a network with 2,000
// sponsor groups (profiles, four vetting items, records), 20,000 people
// waiting in its queue and 20,000 placements (entries handed off to a
// group, a case each, as AcceptOffer leaves them: store.SeedPlacements),
// through the real handler. A third of the placements have arrived, with
// the arrival recorded on the case (its deadlines, some overdue), a third
// released, a third accepted; every fifth case has an appointment in the
// next days with nobody going.
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
	groups := make([]model.Org, 2000)
	for i := range groups {
		groups[i] = model.Org{ID: ids[fmt.Sprintf("g%04d", i)], Kind: model.KindGroup, NetworkID: net.ID, TimeZone: "America/New_York"}
	}
	start := time.Now()
	placed := 0
	for batch := 0; batch < 8; batch++ {
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
		added, err := e.st.AddQueueEntries(ctx, net, in, store.IntakeSource{})
		if err != nil {
			b.Fatal(err)
		}
		if batch < 4 {
			continue
		}
		var ps []store.PlacementSeed
		for j, a := range added {
			n := batch*5000 + j
			p := store.PlacementSeed{EntryID: a.ID, Group: groups[n%len(groups)],
				HandOff: store.HandOff{Principal: model.PersonInput{Name: in[j].Pseudonym}}}
			switch n % 3 {
			case 0:
				p.State, p.Arrival = model.QueueArrived, day(-(n % 90))
			case 1:
				p.State = model.QueueReleased
			}
			if n%5 == 0 {
				p.Appointments = []model.Appointment{{Kind: "ice_checkin", Date: day(1 + n%10), Time: "09:00", Place: "Field office"}}
			}
			ps = append(ps, p)
		}
		if _, err := e.st.SeedPlacements(ctx, net, ps); err != nil {
			b.Fatal(err)
		}
		placed += len(ps)
	}
	b.Logf("seeded 2,000 groups, 40,000 queue entries of which %d placements in %s", placed, time.Since(start).Round(time.Millisecond))
	c := e.signIn("bench-admin@example.org")
	path := "/orgs/" + net.ID + "/dashboard"
	if res := c.get(path); res.status != http.StatusOK {
		b.Fatalf("dashboard: got %d", res.status)
	}
	if keep := os.Getenv("PUENTE_BENCH_KEEP"); keep != "" {
		for _, suf := range []string{"", "-wal"} {
			if err := copyFile(e.dbPath+suf, keep+suf); err != nil {
				b.Fatal(err)
			}
		}
	}
	for b.Loop() {
		if res := c.get(path); res.status != http.StatusOK {
			b.Fatalf("dashboard: got %d", res.status)
		}
	}
}
