package store

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"testing"
	"time"

	"puente/internal/model"
)

// TestSponsorStageCountsAgreesWithStage proves the dashboard's aggregate
// count of groups by stage (SponsorStageCounts, in SQL) is model.Stage of
// model.Vetting for every group, with the approved groups' beds, across
// profiles (none, incomplete, resting), per-adult items with one or more
// subjects, records not yet done, valid and expired, on several days; and
// that a network with no items approves nobody.
func TestSponsorStageCountsAgreesWithStage(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	seed := Seed{Orgs: []SeedOrg{{Key: "net", Kind: model.KindNetwork, Name: "Net"}, {Key: "bare", Kind: model.KindNetwork, Name: "Bare"}}}
	sp := SponsorSeed{NetworkKey: "net", Regions: []string{"North"},
		Items: []model.VettingItem{{Name: "Background check", ValidDays: 365, PerAdult: true}, {Name: "References", ValidDays: 200},
			{Name: "Home visit", ValidDays: 90}},
		Profiles: map[string]model.SponsorProfile{}, Records: map[string][]model.VettingRecord{}}
	bare := SponsorSeed{NetworkKey: "bare", Profiles: map[string]model.SponsorProfile{}, Records: map[string][]model.VettingRecord{}}
	base := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	day := func(n int) string { return base.AddDate(0, 0, n).Format(time.DateOnly) }
	declared := []model.SponsorStage{model.StageInterested, model.StageApplied, model.StageResting}
	for i := 0; i < 120; i++ {
		k := fmt.Sprintf("g%03d", i)
		seed.Orgs = append(seed.Orgs, SeedOrg{Key: k, Kind: model.KindGroup, Name: "Group " + k, NetworkKey: "net"})
		if i%7 != 0 {
			p := model.SponsorProfile{Adults: i % 4, Beds: i % 3, MaxPlacements: (i / 3) % 2, Declared: declared[(i/5)%3]}
			if i%11 != 0 {
				p.RegionName = "North"
			}
			if i%13 != 0 {
				p.Languages = []string{"es"}
			}
			sp.Profiles[k] = p
		}
		for j, it := range []string{"Background check", "References", "Home visit"} {
			if (i+j)%9 == 0 {
				continue
			}
			subjects := []string{""}
			if j == 0 {
				subjects = []string{"A.A.", "B.B.", "C.C."}[:1+(i/2)%3]
			}
			for n, sub := range subjects {
				sp.Records[k] = append(sp.Records[k], model.VettingRecord{ItemName: it, Subject: sub, DoneOn: day(-((i*37 + j*11 + n*53) % 400))})
				if (i+n)%4 == 0 {
					sp.Records[k] = append(sp.Records[k], model.VettingRecord{ItemName: it, Subject: sub, DoneOn: day(-((i*17 + n*5) % 120))})
				}
			}
		}
	}
	for i := 0; i < 5; i++ {
		k := fmt.Sprintf("b%d", i)
		seed.Orgs = append(seed.Orgs, SeedOrg{Key: k, Kind: model.KindGroup, Name: "Bare " + k, NetworkKey: "bare"})
		bare.Profiles[k] = model.SponsorProfile{Adults: 1, Beds: 1, MaxPlacements: 1, Languages: []string{"en"}, Declared: model.StageApplied}
	}
	seed.Sponsors = []SponsorSeed{sp, bare}
	ids, err := s.ApplySeed(ctx, seed, false)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[model.SponsorStage]bool{}
	for _, netKey := range []string{"net", "bare"} {
		items, err := s.VettingItems(ctx, ids[netKey])
		if err != nil {
			t.Fatal(err)
		}
		for d := -30; d <= 400; d += 10 {
			today := day(d)
			rows, err := s.SponsorStages(ctx, ids[netKey], today)
			if err != nil {
				t.Fatal(err)
			}
			want, wantBeds := map[model.SponsorStage]int{}, 0
			for _, row := range rows {
				st := model.Stage(row.Profile, model.Vetting(items, row.Records, row.Profile.Adults, today))
				want[st]++
				seen[st] = true
				if st == model.StageApproved {
					wantBeds += row.Profile.Beds
				}
			}
			got, beds, err := s.SponsorStageCounts(ctx, ids[netKey], today)
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(got, want) || beds != wantBeds {
				t.Errorf("%s on %s: got %v and %d beds, want %v and %d beds", netKey, today, got, beds, want, wantBeds)
			}
			if netKey == "bare" && got[model.StageApproved]+got[model.StageVetted] != 0 {
				t.Errorf("a network with no items vetted groups: %v", got)
			}
		}
	}
	for _, st := range []model.SponsorStage{model.StageInterested, model.StageApplied, model.StageVetted, model.StageApproved, model.StageResting} {
		if !seen[st] {
			t.Errorf("no group was %s on any day: the test does not cover it", st)
		}
	}
}

// TestDashboardQueriesUseIndexes: the dashboard's counts read the queue,
// its history and the vetting records through indexes, never a scan of a
// table, and the queue's and placements' without sorting.
func TestDashboardQueriesUseIndexes(t *testing.T) {
	s, _ := openTest(t)
	for _, c := range []struct {
		name, sql string
		args      []any
		sorts     bool // a temporary b-tree is allowed (count(DISTINCT), GROUP BY of a few rows)
	}{
		{"queue urgency", queueUrgencySQL, []any{"n", "2026-12-01", "2026-12-08~", "2026-12-31~"}, false},
		{"days to placement", daysToPlacementSQL, []any{"n"}, false},
		{"stage counts", sponsorStageCountsSQL, []any{"n", "2026-12-01"}, true},
	} {
		rows, err := s.db.Query(`EXPLAIN QUERY PLAN `+c.sql, c.args...)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
			for _, table := range []string{"queue_entries", "queue_state_changes", "vetting_records", "vetting_items", "organisations", "sponsor_profiles"} {
				if strings.HasPrefix(detail, "SCAN "+table) || strings.HasPrefix(detail, "SCAN "+table[:1]+" ") {
					t.Errorf("%s: %s", c.name, detail)
				}
			}
			if !c.sorts && strings.Contains(detail, "TEMP B-TREE") {
				t.Errorf("%s: %s", c.name, detail)
			}
		}
		rows.Close()
		t.Logf("%s: %s", c.name, strings.Join(plan, "; "))
	}
}
