package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"puente/internal/model"
)

// attentionOracle is what the dashboard listed before migration 025,
// without its limit of the 1,000 latest: every placement (Placements),
// those whose case is open with an overdue deadline or an appointment
// nobody covers, latest change first.
func attentionOracle(t *testing.T, s *Store, network model.Org, today string, now time.Time) []Placement {
	t.Helper()
	all, _, err := s.Placements(context.Background(), network, today, now, 1, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	var out []Placement
	for _, p := range all {
		if !p.CaseClosed && (p.Overdue > 0 || p.Uncovered > 0) {
			out = append(out, p)
		}
	}
	return out
}

// placementWorld hands n entries of n1 to g1, one a minute on clk, each
// as seed(i) says (the entry and group filled in), and returns the
// entries' and cases' ids.
func placementWorld(t *testing.T, w *world, clk *clock, regions []model.Region, n int, seed func(i int) PlacementSeed) (entries, cases []string) {
	t.Helper()
	ctx := context.Background()
	for i := 0; i < n; i++ {
		entries = append(entries, seekingEntry(t, w, regions, fmt.Sprintf("att-%d", i)))
	}
	for i, e := range entries {
		p := seed(i)
		p.EntryID, p.Group, p.HandOff = e, w.orgs["g1"], handOff()
		ids, err := w.s.SeedPlacements(ctx, w.orgs["n1"], []PlacementSeed{p})
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, ids[0])
		clk.advance(time.Minute)
	}
	return entries, cases
}

// TestPlacementsNeedingAttention: the placements the dashboard lists and
// counts are exactly those whose open case has an overdue deadline or an
// appointment of the next 14 days nobody covers, latest change first,
// whatever the limit: an appointment someone signed up for, named in "who
// goes" or marked is covered; one past or beyond 14 days is not counted;
// a deadline marked done is not overdue; a case the group closed is out;
// a placement with both is counted once; another network's are not.
func TestPlacementsNeedingAttention(t *testing.T) {
	w, regions := newQueueWorld(t)
	ctx := context.Background()
	start := time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC)
	clk := useClock(w.s, start)
	const today = "2026-12-01"
	n1, g1 := w.orgs["n1"], w.orgs["g1"]
	appt := func(date string) []model.Appointment {
		return []model.Appointment{{Kind: "ice_checkin", Date: date, Time: "09:00", TimeZone: "America/Chicago", Place: "Field office"}}
	}
	const overdueArrival, recentArrival = "2026-10-01", "2026-11-30"
	shapes := []struct {
		name string
		seed PlacementSeed
	}{
		0:  {"overdue", PlacementSeed{State: model.QueueArrived, Arrival: overdueArrival}},
		1:  {"nothing", PlacementSeed{}},
		2:  {"uncovered", PlacementSeed{Appointments: appt("2026-12-04")}},
		3:  {"signed up", PlacementSeed{Appointments: appt("2026-12-04")}},
		4:  {"marked", PlacementSeed{Appointments: appt("2026-12-04")}},
		5:  {"beyond 14 days", PlacementSeed{Appointments: appt("2026-12-20")}},
		6:  {"who goes named", PlacementSeed{Appointments: appt("2026-12-04")}},
		7:  {"both", PlacementSeed{State: model.QueueArrived, Arrival: overdueArrival, Appointments: appt("2026-12-05")}},
		8:  {"closed by the group", PlacementSeed{State: model.QueueArrived, Arrival: overdueArrival}},
		9:  {"overdue marked done", PlacementSeed{State: model.QueueArrived, Arrival: overdueArrival}},
		10: {"arrived lately", PlacementSeed{State: model.QueueArrived, Arrival: recentArrival}},
		11: {"past appointment", PlacementSeed{Appointments: appt("2026-11-20")}},
		12: {"two uncovered", PlacementSeed{Appointments: append(appt("2026-12-03"), appt("2026-12-09")...)}},
		13: {"entry closed by the network", PlacementSeed{State: model.QueueArrived, Arrival: overdueArrival}},
		14: {"uncovered, then overdue", PlacementSeed{State: model.QueueReleased, Appointments: appt("2026-12-02")}},
	}
	entries, cases := placementWorld(t, w, clk, regions, len(shapes), func(i int) PlacementSeed { return shapes[i].seed })
	kase := func(i int) model.Case { return model.Case{ID: cases[i], GroupID: g1.ID} }
	firstAppt := func(i int) model.Appointment {
		as, err := w.s.Appointments(ctx, cases[i])
		if err != nil || len(as) == 0 {
			t.Fatalf("%s: appointments %v, %v", shapes[i].name, as, err)
		}
		return as[0]
	}
	coord := w.users["g1coord"].ID
	if err := w.s.SignUp(ctx, kase(3), firstAppt(3).ID, coord, coord, model.RoleCompanion); err != nil {
		t.Fatal(err)
	}
	if err := w.s.SetMark(ctx, kase(4), coord, model.Mark{Key: "appointment/" + firstAppt(4).ID, State: model.MarkDone, DoneOn: today}); err != nil {
		t.Fatal(err)
	}
	a6 := firstAppt(6)
	a6.Going = "Ana, driving"
	if err := w.s.UpdateAppointment(ctx, kase(6), a6.ID, coord, a6); err != nil {
		t.Fatal(err)
	}
	if err := w.s.CloseCase(ctx, kase(8), coord, "moved"); err != nil {
		t.Fatal(err)
	}
	var marks []model.Mark
	rows, err := w.s.db.Query(`SELECT key FROM deadlines WHERE case_id = ? AND kind = 'due_by' AND due < ?`, cases[9], today)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			t.Fatal(err)
		}
		marks = append(marks, model.Mark{Key: k, State: model.MarkDone, DoneOn: today})
	}
	rows.Close()
	if len(marks) == 0 {
		t.Fatal("the arrival made nothing overdue: the test no longer tests marks")
	}
	if err := w.s.SetMarks(ctx, kase(9), coord, marks); err != nil {
		t.Fatal(err)
	}
	if err := w.s.CloseQueueEntry(ctx, n1, entries[13], "placement_ended", ""); err != nil {
		t.Fatal(err)
	}
	// The last one arrives a minute later, long after its referral: both
	// overdue and uncovered, its entry's change the latest.
	clk.advance(time.Minute)
	if err := w.s.SetQueueState(ctx, n1, entries[14], model.QueueArrived, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.AddFact(ctx, kase(14), coord, model.Fact{Kind: model.FactArrival, Date: overdueArrival}); err != nil {
		t.Fatal(err)
	}
	now := w.s.now()
	// Another network's overdue placement is not n1's.
	n2 := w.orgs["n2"]
	theirs, err := w.s.AddQueueEntries(ctx, n2, []model.QueueEntryInput{{Pseudonym: "T.", Adults: 1}}, IntakeSource{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.SeedPlacements(ctx, n2, []PlacementSeed{{EntryID: theirs[0].ID, Group: w.orgs["g3"], HandOff: handOff(),
		State: model.QueueArrived, Arrival: overdueArrival, Appointments: appt("2026-12-04")}}); err != nil {
		t.Fatal(err)
	}
	want := attentionOracle(t, w.s, n1, today, now)
	var names []string
	for _, p := range want {
		for i, e := range entries {
			if e == p.EntryID {
				names = append(names, shapes[i].name)
			}
		}
	}
	if got, wantNames := strings.Join(names, ", "),
		"uncovered, then overdue, entry closed by the network, two uncovered, both, uncovered, overdue"; got != wantNames {
		t.Fatalf("the oracle lists %q, want %q: the shapes no longer test what they say", got, wantNames)
	}
	for _, limit := range []int{1, 2, 3, 20} {
		got, total, err := w.s.PlacementsNeedingAttention(ctx, n1, today, now, limit)
		if err != nil {
			t.Fatal(err)
		}
		if total != len(want) {
			t.Errorf("limit %d: total %d, want %d", limit, total, len(want))
		}
		if n := min(limit, len(want)); len(got) != n {
			t.Fatalf("limit %d: %d rows, want %d", limit, len(got), n)
		}
		for i := range got {
			if fmt.Sprint(got[i]) != fmt.Sprint(want[i]) {
				t.Errorf("limit %d, row %d: got %+v, want %+v", limit, i, got[i], want[i])
			}
		}
	}
	if got, total, err := w.s.PlacementsNeedingAttention(ctx, n2, today, now, 20); err != nil || total != 1 || len(got) != 1 || got[0].EntryID != theirs[0].ID {
		t.Errorf("the other network: %d rows of %d, %v; want its own one", len(got), total, err)
	}
	// The window moves with now: a day later the appointment of 2 December
	// has passed, and the one of 20 December is still more than 14 days away.
	later := now.Add(24 * time.Hour)
	want = attentionOracle(t, w.s, n1, "2026-12-02", later)
	if got, total, _ := w.s.PlacementsNeedingAttention(ctx, n1, "2026-12-02", later, 20); total != len(want) || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("a day later: got %d %+v, want %d %+v", total, got, len(want), want)
	}
}

// TestPlacementsNeedingAttentionOlderThanAThousand: a placement needing
// attention that changed before 1,000 others that need none is still
// counted and listed (the dashboard used to read the 1,000 latest only).
func TestPlacementsNeedingAttentionOlderThanAThousand(t *testing.T) {
	if testing.Short() {
		t.Skip("seeds 1,001 hand-offs")
	}
	w, regions := newQueueWorld(t)
	ctx := context.Background()
	useClock(w.s, time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC))
	n1, g1 := w.orgs["n1"], w.orgs["g1"]
	old := seekingEntry(t, w, regions, "old")
	if _, err := w.s.SeedPlacements(ctx, n1, []PlacementSeed{{EntryID: old, Group: g1, HandOff: handOff(),
		State: model.QueueArrived, Arrival: "2026-10-01"}}); err != nil {
		t.Fatal(err)
	}
	w.s.SetClock(func() time.Time { return time.Date(2026, 12, 1, 16, 0, 0, 0, time.UTC) })
	var in []model.QueueEntryInput
	for i := 0; i < 1000; i++ {
		in = append(in, model.QueueEntryInput{Pseudonym: fmt.Sprintf("N.%d", i), Adults: 1, ExternalRef: fmt.Sprintf("new-%d", i)})
	}
	added, err := w.s.AddQueueEntries(ctx, n1, in, IntakeSource{})
	if err != nil {
		t.Fatal(err)
	}
	var seeds []PlacementSeed
	for _, a := range added {
		seeds = append(seeds, PlacementSeed{EntryID: a.ID, Group: g1, HandOff: handOff()})
	}
	if _, err := w.s.SeedPlacements(ctx, n1, seeds); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 1, 17, 0, 0, 0, time.UTC)
	latest, total, _ := w.s.Placements(ctx, n1, "2026-12-01", now, 1, 1000)
	if total != 1001 || len(latest) != 1000 || latest[len(latest)-1].EntryID == old {
		t.Fatalf("placements: %d of %d, want the old one past the 1,000 latest", len(latest), total)
	}
	got, n, err := w.s.PlacementsNeedingAttention(ctx, n1, "2026-12-01", now, 20)
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 || len(got) != 1 || got[0].EntryID != old || got[0].Overdue == 0 {
		t.Errorf("got %d of %d: %+v; want the old placement, overdue", len(got), n, got)
	}
}
