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

// TestDemoChecklistsInProgress (issue 12): the demo's cases have
// checklists with items ticked, items assigned, and one assigned item
// overdue on alpha's home page.
func TestDemoChecklistsInProgress(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	key := make([]byte, 32)
	if err := st.UseKey(ctx, key); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 30, 15, 0, 0, 0, time.UTC)
	if err := Seed(ctx, st, auth.NewHasher(auth.TestParams, 1), now); err != nil {
		t.Fatalf("Seed: %v", err)
	}
	coord, err := st.UserByEmail(ctx, alphaCoord)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := st.Memberships(ctx, coord.ID)
	if err != nil || len(ms) == 0 {
		t.Fatalf("Memberships: %v", err)
	}
	groupID := ms[0].OrgID
	overdue, err := st.GroupAssignedDue(ctx, groupID, "2026-11-29", 50)
	if err != nil || len(overdue) == 0 {
		t.Fatalf("alpha's overdue assigned items: %d, %v; want at least one", len(overdue), err)
	}
	cases, _, err := st.ListCases(ctx, groupID, store.CaseQuery{State: "open", Lang: "en", Page: 1, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	done, assigned, lists := 0, 0, 0
	for _, c := range cases {
		cls, err := st.CaseChecklists(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, cl := range cls {
			lists++
			for _, it := range cl.Items {
				if it.State == model.ItemDone {
					done++
				}
				if it.AssigneeID != "" {
					assigned++
				}
			}
		}
	}
	if lists < 4 || done < 5 || assigned < 4 {
		t.Errorf("alpha's checklists: %d lists, %d ticked, %d assigned; want in progress", lists, done, assigned)
	}
}
