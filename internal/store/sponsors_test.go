package store

import (
	"context"
	"errors"
	"testing"

	"puente/internal/model"
)

func TestSponsorProfilesAndVetting(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	n1, g1, g2, g3 := w.orgs["n1"], w.orgs["g1"], w.orgs["g2"], w.orgs["g3"]
	if err := w.s.AddRegion(ctx, n1.ID, "North Texas", "", ""); err != nil {
		t.Fatal(err)
	}
	if err := w.s.AddRegion(ctx, n1.ID, "North Texas", "", ""); !errors.Is(err, model.ErrConflict) {
		t.Errorf("a second region of the same name: got %v, want a conflict", err)
	}
	if err := w.s.AddRegion(ctx, w.orgs["n2"].ID, "Elsewhere", "", ""); err != nil {
		t.Fatal(err)
	}
	regions, _ := w.s.Regions(ctx, n1.ID)
	other, _ := w.s.Regions(ctx, w.orgs["n2"].ID)
	if len(regions) != 1 || len(other) != 1 {
		t.Fatalf("regions: got %d and %d, want 1 each", len(regions), len(other))
	}
	p := model.SponsorProfile{RegionID: other[0].ID, Languages: []string{"en", "es"}, Beds: 2, MaxPlacements: 1, PrivateNotes: "the key is under the mat"}
	if err := w.s.SaveSponsorProfile(ctx, g1, p, w.users["g1coord"].ID); !errors.Is(err, ErrBadRegion) {
		t.Errorf("another network's region: got %v, want ErrBadRegion", err)
	}
	if n := countRows(t, w.s, "sponsor_profiles"); n != 0 {
		t.Errorf("a refused profile wrote %d rows", n)
	}
	p.RegionID = regions[0].ID
	if err := w.s.SaveSponsorProfile(ctx, g1, p, w.users["g1coord"].ID); err != nil {
		t.Fatal(err)
	}
	got, _ := w.s.SponsorProfile(ctx, g1, false)
	if got.PrivateNotes != "" || got.RegionName != "North Texas" || len(got.Languages) != 2 || got.UpdatedAt.IsZero() {
		t.Errorf("network's read of the profile: %+v", got)
	}
	if own, _ := w.s.SponsorProfile(ctx, g1, true); own.PrivateNotes != p.PrivateNotes {
		t.Errorf("the group's own read lost its notes: %q", own.PrivateNotes)
	}

	// The stage the network declares does not stamp a profile updated.
	if err := w.s.SetSponsorStage(ctx, g2, model.StageApplied, "", ""); err != nil {
		t.Fatal(err)
	}
	if g, _ := w.s.SponsorProfile(ctx, g2, true); g.Declared != model.StageApplied || !g.UpdatedAt.IsZero() {
		t.Errorf("after the stage: %+v", g)
	}
	if err := w.s.SetSponsorStage(ctx, g2, model.StageApproved, "", ""); !errors.Is(err, ErrBadSponsorInput) {
		t.Errorf("declaring approved: got %v, want refused", err)
	}

	if err := w.s.AddVettingItem(ctx, n1.ID, model.VettingItem{Name: "Background check", ValidDays: 365, PerAdult: true}, "", ""); err != nil {
		t.Fatal(err)
	}
	if err := w.s.AddVettingItem(ctx, w.orgs["n2"].ID, model.VettingItem{Name: "Theirs", ValidDays: 30}, "", ""); err != nil {
		t.Fatal(err)
	}
	items, _ := w.s.VettingItems(ctx, n1.ID)
	theirs, _ := w.s.VettingItems(ctx, w.orgs["n2"].ID)
	if err := w.s.RecordVetting(ctx, g1, theirs[0].ID, "", "2026-01-01", w.users["n1admin"].ID, ""); !errors.Is(err, ErrBadItem) {
		t.Errorf("another network's item: got %v, want ErrBadItem", err)
	}
	for _, rec := range []struct {
		group         model.Org
		subject, done string
	}{
		{g1, "AB", "2025-12-01"}, {g1, "AB", "2026-01-15"}, {g2, "CD", "2025-03-01"}, {g1, "EF", "2025-02-01"},
	} {
		if err := w.s.RecordVetting(ctx, rec.group, items[0].ID, rec.subject, rec.done, w.users["n1coord"].ID, ""); err != nil {
			t.Fatal(err)
		}
	}
	recs, _ := w.s.VettingRecords(ctx, g1.ID)
	if len(recs) != 3 || recs[0].ExpiresOn != "2027-01-15" || recs[0].RecordedByName != "Carlos Coord" {
		t.Errorf("g1's records: %+v", recs)
	}
	// On 2026-01-20 the next 60 days hold g2's check (2026-03-01) and g1's
	// EF (2026-02-01); AB's first check (2026-12-01) is later and renewed.
	exp, total, err := w.s.ExpiringVetting(ctx, n1.ID, "2026-01-20", "2026-03-21", 1, 10)
	if err != nil {
		t.Fatal(err)
	}
	if total != 2 || len(exp) != 2 || exp[0].Subject != "EF" || exp[1].GroupID != g2.ID {
		t.Errorf("expiring: total %d, %+v", total, exp)
	}
	rows, total, err := w.s.Sponsors(ctx, n1.ID, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if total != 2 || len(rows) != 1 || rows[0].Profile.GroupID != g1.ID || len(rows[0].Records) != 3 || rows[0].Profile.PrivateNotes != "" {
		t.Errorf("first page of sponsors: total %d, %+v", total, rows)
	}
	rows, _, _ = w.s.Sponsors(ctx, n1.ID, 2, 1)
	if len(rows) != 1 || rows[0].Profile.GroupID != g2.ID || rows[0].Profile.Declared != model.StageApplied {
		t.Errorf("second page: %+v", rows)
	}
	if rows, _, _ := w.s.Sponsors(ctx, w.orgs["n2"].ID, 1, 10); len(rows) != 1 || rows[0].Profile.GroupID != g3.ID {
		t.Errorf("the other network sees %+v", rows)
	}
}
