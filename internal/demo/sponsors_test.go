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

// TestDemoVettingAboutToExpire (issue 13's demo data): the demo network's
// groups have their vetting recorded; Alpha is approved, and exactly one
// of its items (A.M.'s background check) expires within the 60 days the
// network watches; Beta's background check has run out.
func TestDemoVettingAboutToExpire(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.UseKey(ctx, make([]byte, 32)); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 30, 15, 0, 0, 0, time.UTC)
	if err := Seed(ctx, st, auth.NewHasher(auth.TestParams, 1), now); err != nil {
		t.Fatalf("Seed: %v", err)
	}
	admin, err := st.UserByEmail(ctx, "admin@network.example.org")
	if err != nil {
		t.Fatal(err)
	}
	ms, err := st.Memberships(ctx, admin.ID)
	if err != nil || len(ms) == 0 {
		t.Fatalf("Memberships: %v", err)
	}
	network := ms[0].OrgID
	today := todayOf(now)("network")
	day := func(n int) string { return today.AddDate(0, 0, n).Format(time.DateOnly) }
	expiring, total, err := st.ExpiringVetting(ctx, network, day(0), day(model.ExpiringWithinDays), 1, 50)
	if err != nil {
		t.Fatal(err)
	}
	if total != 1 || len(expiring) != 1 || expiring[0].Subject != "A.M." || expiring[0].ExpiresOn != day(15) {
		t.Fatalf("expiring within %d days: %+v (%d); want A.M.'s background check, in 15 days", model.ExpiringWithinDays, expiring, total)
	}
	items, err := st.VettingItems(ctx, network)
	if err != nil {
		t.Fatal(err)
	}
	rows, _, err := st.Sponsors(ctx, network, 1, 50)
	if err != nil || len(rows) != 2 {
		t.Fatalf("Sponsors: %d rows, %v; want 2", len(rows), err)
	}
	for _, r := range rows {
		v := model.Vetting(items, r.Records, r.Profile.Adults, day(0))
		got := model.Stage(r.Profile, v)
		want := model.StageApplied
		if r.Profile.GroupID == expiring[0].GroupID {
			want = model.StageApproved
		}
		if len(r.Records) == 0 || got != want {
			t.Errorf("%s: %d records, stage %s; want records and %s", r.Profile.GroupName, len(r.Records), got, want)
		}
	}
}
