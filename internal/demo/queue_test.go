package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"puente/internal/auth"
	"puente/internal/model"
	"puente/internal/store"
)

// seeded is a demo database seeded at now, with the network.
func seeded(t *testing.T, now time.Time) (*store.Store, model.Org) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.UseKey(ctx, make([]byte, 32)); err != nil {
		t.Fatal(err)
	}
	if err := Seed(ctx, st, auth.NewHasher(auth.TestParams, 1), now); err != nil {
		t.Fatalf("Seed: %v", err)
	}
	admin, err := st.UserByEmail(ctx, "admin@network.example.org")
	if err != nil {
		t.Fatal(err)
	}
	ms, err := st.Memberships(ctx, admin.ID)
	if err != nil || len(ms) != 1 {
		t.Fatalf("Memberships: %d, %v", len(ms), err)
	}
	return st, ms[0].Org()
}

// TestDemoPlacementNeedsAttention: a reviewer saw the demo network's
// dashboard count 0 placements needing attention while its case counts
// showed Alpha with overdue deadlines. Both were right (the demo had no
// placements: Alpha opened its cases itself), but the picture was not
// coherent. The demo now places "Rosa M." with Alpha's busiest case, whose
// children's change of address is overdue: the dashboard lists exactly
// that placement, its overdue deadlines counted, and they are among the
// overdue deadlines the case counts show for Alpha.
func TestDemoPlacementNeedsAttention(t *testing.T) {
	now := time.Date(2026, 11, 30, 15, 0, 0, 0, time.UTC)
	st, network := seeded(t, now)
	ctx := context.Background()
	today := todayOf(now)("network").Format(time.DateOnly)
	attention, total, err := st.PlacementsNeedingAttention(ctx, network, today, now, 20)
	if err != nil {
		t.Fatal(err)
	}
	if total != 1 || len(attention) != 1 {
		t.Fatalf("placements needing attention: %d (%+v), want 1", total, attention)
	}
	p := attention[0]
	if p.Pseudonym != "Rosa M." || p.GroupName != "Alpha Congregation Circle" || p.EntryState != model.QueueArrived {
		t.Errorf("placement needing attention: %q with %q, %s; want Rosa M. with Alpha, arrived", p.Pseudonym, p.GroupName, p.EntryState)
	}
	if p.Overdue != 2 {
		t.Errorf("Rosa M.'s overdue deadlines: got %d, want 2 (her children's EOIR-33)", p.Overdue)
	}
	placements, n, err := st.Placements(ctx, network, today, now, 1, 20)
	if err != nil || n != 1 || len(placements) != 1 {
		t.Fatalf("placements: %d, %v; want 1", n, err)
	}
	groups, err := st.Groups(ctx, network.ID, "en")
	if err != nil {
		t.Fatal(err)
	}
	days := map[string]string{}
	for _, g := range groups {
		days[g.ID] = todayOf(now)("alpha").Format(time.DateOnly)
	}
	counts, err := st.GroupCaseCounts(ctx, network.ID, days)
	if err != nil {
		t.Fatal(err)
	}
	if got := counts[p.GroupID].Overdue; got < p.Overdue {
		t.Errorf("Alpha's overdue deadlines in the case counts: %d, want at least the placement's %d", got, p.Overdue)
	}
}
