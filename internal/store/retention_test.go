package store

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"puente/internal/model"
)

// TestRetentionSettings: a group keeps closed cases 90 days unless its
// managers choose 1 to 3650; anything else is refused and changes nothing.
func TestRetentionSettings(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	org := func() model.Org {
		o, err := w.s.OrgForUser(ctx, w.users["g1coord"].ID, w.orgs["g1"].ID)
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	if got := org().RetentionDays; got != model.DefaultRetentionDays {
		t.Errorf("a group's retention: got %d, want %d", got, model.DefaultRetentionDays)
	}
	g, err := w.s.CreateGroup(ctx, w.orgs["n1"].ID, "New Group", w.users["n1admin"].ID, "")
	if err != nil || g.RetentionDays != 90 {
		t.Errorf("a new group: got %d (%v), want 90", g.RetentionDays, err)
	}
	for _, days := range []int{0, -1, 3651} {
		if err := w.s.SetOrgSettings(ctx, org(), OrgSettings{TimeZone: "America/Chicago", RetentionDays: days}, "", ""); !errors.Is(err, ErrBadRetention) {
			t.Errorf("SetOrgSettings(%d days): got %v, want ErrBadRetention", days, err)
		}
	}
	if err := w.s.SetOrgSettings(ctx, org(), OrgSettings{TimeZone: "Mars/Olympus", RetentionDays: 30}, "", ""); !errors.Is(err, ErrBadZone) {
		t.Errorf("SetOrgSettings(bad zone): got %v, want ErrBadZone", err)
	}
	if o := org(); o.RetentionDays != 90 || o.TimeZone != "America/New_York" {
		t.Errorf("after refused settings: got %d days in %s, want 90 in America/New_York", o.RetentionDays, o.TimeZone)
	}
	for _, days := range []int{1, 3650, 30} {
		if err := w.s.SetOrgSettings(ctx, org(), OrgSettings{TimeZone: "America/Chicago", RetentionDays: days}, "", ""); err != nil {
			t.Fatalf("SetOrgSettings(%d): %v", days, err)
		}
		if o := org(); o.RetentionDays != days || o.TimeZone != "America/Chicago" {
			t.Errorf("after saving %d days: got %d in %s", days, o.RetentionDays, o.TimeZone)
		}
	}
}

// TestPurgeOnIsTheGroupsDay: a case closed at 11:30 p.m. in Los Angeles on
// 28 February (already 1 March in UTC) with 2 days' retention is purged on
// 2 March in Los Angeles: due from midnight there (08:00 UTC), not at
// midnight UTC, and not a day late.
func TestPurgeOnIsTheGroupsDay(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	clk := useClock(w.s, time.Date(2026, 3, 1, 7, 30, 0, 0, time.UTC))
	g1, _ := w.s.OrgForUser(ctx, w.users["g1coord"].ID, w.orgs["g1"].ID)
	if err := w.s.SetOrgSettings(ctx, g1, OrgSettings{TimeZone: "America/Los_Angeles", RetentionDays: 2}, "", ""); err != nil {
		t.Fatal(err)
	}
	la := openMarked(w, "g1", "zqla", true)
	ny := openMarked(w, "g2", "zqny", true) // New York, 90 days
	if got := PurgeOn(clk.now(), "America/Los_Angeles", 2); got != "2026-03-02" {
		t.Errorf("PurgeOn: got %s, want 2026-03-02", got)
	}
	if got := PurgeOn(clk.now(), "America/New_York", 90); got != "2026-05-30" {
		t.Errorf("PurgeOn (New York, 90 days): got %s, want 2026-05-30", got)
	}
	for _, c := range []struct {
		now  time.Time
		want []string
	}{
		{time.Date(2026, 3, 2, 7, 59, 0, 0, time.UTC), nil},              // 1 March, 11:59 p.m. in LA
		{time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC), []string{la.c.ID}}, // 2 March in LA
		{time.Date(2026, 5, 30, 3, 59, 0, 0, time.UTC), []string{la.c.ID}},
		{time.Date(2026, 5, 30, 4, 0, 0, 0, time.UTC), []string{la.c.ID, ny.c.ID}}, // 30 May in New York
	} {
		due, err := w.s.DuePurges(ctx, c.now)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, d := range due {
			ids = append(ids, d.ID)
		}
		// Both closed at the same instant: their order is the id's.
		slices.Sort(ids)
		slices.Sort(c.want)
		if !slices.Equal(ids, c.want) {
			t.Errorf("DuePurges at %s: got %v, want %v", c.now, ids, c.want)
		}
	}
}

// TestPurgeDue: the daily job purges what is due, each with an audit entry
// of kind "retention" and no actor; a dry run only lists; a second run
// finds nothing; open cases and cases not yet due stay.
func TestPurgeDue(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	clk := useClock(w.s, time.Date(2026, 3, 1, 15, 0, 0, 0, time.UTC))
	g1, _ := w.s.OrgForUser(ctx, w.users["g1coord"].ID, w.orgs["g1"].ID)
	if err := w.s.SetOrgSettings(ctx, g1, OrgSettings{TimeZone: "America/New_York", RetentionDays: 10}, "", ""); err != nil {
		t.Fatal(err)
	}
	due := openMarked(w, "g1", "zqdue", true)
	open := openMarked(w, "g1", "zqstillopen", false)
	later := openMarked(w, "g2", "zqlater", true) // 90 days
	at := clk.now().AddDate(0, 0, 11)

	rep, err := w.s.PurgeDue(ctx, at, true)
	if err != nil || len(rep.Cases) != 1 || rep.Cases[0].ID != due.c.ID || rep.Cases[0].Code != due.c.Code {
		t.Fatalf("dry run: got %+v (%v), want the one due case", rep.Cases, err)
	}
	if c, _ := w.s.CaseForUser(ctx, w.users["g1coord"].ID, due.c.ID); c.Purged() {
		t.Fatalf("a dry run purged the case")
	}
	rep, err = w.s.PurgeDue(ctx, at, false)
	if err != nil || len(rep.Cases) != 1 || !rep.WALCleared || rep.Cleared["people"] != 2 {
		t.Fatalf("PurgeDue: got %+v (%v), want one case, 2 people cleared, the WAL truncated", rep, err)
	}
	if c, _ := w.s.CaseForUser(ctx, w.users["g1coord"].ID, due.c.ID); !c.Purged() || !c.PurgedAt.Equal(clk.now()) {
		t.Errorf("the due case: got purged at %v, want at the store's now %v", c.PurgedAt, clk.now())
	}
	var actor, field string
	if err := w.s.db.QueryRow(`SELECT coalesce(actor_id, ''), field FROM audit_log WHERE action = 'purge' AND object_id = ?`, due.c.ID).
		Scan(&actor, &field); err != nil || actor != "" || field != string(PurgeRetention) {
		t.Errorf("audit entry: got actor %q field %q (%v), want none and %q", actor, field, err, PurgeRetention)
	}
	for _, c := range []struct {
		mc    markedCase
		coord string
	}{{open, "g1coord"}, {later, "g2coord"}} {
		got, err := w.s.CaseForUser(ctx, w.users[c.coord].ID, c.mc.c.ID)
		if err != nil || got.Purged() {
			t.Errorf("case %s: purged %v (%v), want kept", c.mc.c.Code, got.Purged(), err)
		}
	}
	if rep, err := w.s.PurgeDue(ctx, at, false); err != nil || len(rep.Cases) != 0 || rep.WALCleared {
		t.Errorf("second run: got %+v (%v), want nothing done", rep, err)
	}
}
