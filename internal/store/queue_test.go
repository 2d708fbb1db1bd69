package store

import (
	"context"
	"crypto/rand"
	"errors"
	"strings"
	"testing"
	"time"

	"puente/internal/model"
	"puente/internal/tz"
)

// newQueueWorld is newWorld with an encryption key and a region in n1.
func newQueueWorld(t *testing.T) (*world, []model.Region) {
	t.Helper()
	w := newWorld(t)
	ctx := context.Background()
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	if err := w.s.UseKey(ctx, key); err != nil {
		t.Fatal(err)
	}
	if err := w.s.AddRegion(ctx, w.orgs["n1"].ID, "North Texas", "", ""); err != nil {
		t.Fatal(err)
	}
	regions, err := w.s.Regions(ctx, w.orgs["n1"].ID)
	if err != nil {
		t.Fatal(err)
	}
	return w, regions
}

func TestAddQueueEntriesIdempotent(t *testing.T) {
	w, regions := newQueueWorld(t)
	ctx := context.Background()
	n1, actor := w.orgs["n1"], w.users["n1coord"].ID
	in := []model.QueueEntryInput{
		{Pseudonym: "M.R.", Languages: []string{"es"}, Adults: 1, ChildAges: []int{4, 9}, DecisionDate: "2026-12-10",
			DetainedSince: "2026-09-01", RegionID: regions[0].ID, Needs: []string{"schooling"}, ExternalRef: "ref-1",
			ANumber: "A012-345-678", Facility: "Prairieland"},
		{Pseudonym: "J.", Adults: 2},
		{Pseudonym: "M.R. again", Adults: 1, ExternalRef: "ref-1"}, // the same reference in one call
	}
	for i := range in {
		if ps := in[i].Validate(regions, "2026-12-01"); len(ps) > 0 {
			t.Fatalf("entry %d: %v", i, ps)
		}
	}
	got, err := w.s.AddQueueEntries(ctx, n1, in, IntakeSource{Via: model.EventIntakeCSV, ActorID: actor, IP: "192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{QueueCreated, QueueCreated, QueueExisting}
	for i, r := range got {
		if r.Status != want[i] || r.Index != i || r.ID == "" {
			t.Errorf("result %d: got %+v, want %s", i, r, want[i])
		}
	}
	if got[2].ID != got[0].ID {
		t.Errorf("the repeated reference names %s, want the first entry %s", got[2].ID, got[0].ID)
	}
	if n := countRows(t, w.s, "queue_entries"); n != 2 {
		t.Errorf("entries: got %d, want 2", n)
	}
	if n := countRows(t, w.s, "queue_state_changes"); n != 2 {
		t.Errorf("state changes: got %d, want 2", n)
	}
	// Sent again: nothing new for the referenced entry.
	again, err := w.s.AddQueueEntries(ctx, n1, in[:1], IntakeSource{ActorID: actor})
	if err != nil || len(again) != 1 || again[0].Status != QueueExisting || again[0].ID != got[0].ID {
		t.Fatalf("second send: %+v, %v", again, err)
	}
	if n := countRows(t, w.s, "queue_entries"); n != 2 {
		t.Errorf("entries after the second send: got %d, want 2", n)
	}
	// Another network may use the same reference.
	if r, err := w.s.AddQueueEntries(ctx, w.orgs["n2"], in[:1], IntakeSource{ActorID: w.users["n2admin"].ID}); err != nil || r[0].Status != QueueCreated {
		t.Errorf("another network's reference: %+v, %v", r, err)
	}
	if _, err := w.s.AddQueueEntries(ctx, w.orgs["g1"], in[:1], IntakeSource{ActorID: actor}); !errors.Is(err, ErrNotNetwork) {
		t.Errorf("a group's queue: got %v, want ErrNotNetwork", err)
	}
}

func TestAddQueueEntriesAllOrNothing(t *testing.T) {
	w, regions := newQueueWorld(t)
	ctx := context.Background()
	good := model.QueueEntryInput{Pseudonym: "A.", Adults: 1, ExternalRef: "a"}
	// Not validated: an adult count the schema refuses, after a good one.
	bad := model.QueueEntryInput{Pseudonym: "B.", Adults: 0, ExternalRef: "b"}
	if ps := bad.Validate(regions, "2026-12-01"); len(ps) != 1 || ps[0].Field != "adults" {
		t.Errorf("Validate: got %v, want one problem with adults", ps)
	}
	if _, err := w.s.AddQueueEntries(ctx, w.orgs["n1"], []model.QueueEntryInput{good, bad}, IntakeSource{Via: model.EventIntakeAPI, ActorID: w.users["n1coord"].ID}); err == nil {
		t.Fatal("a row the schema refuses was accepted")
	}
	for _, table := range []string{"queue_entries", "queue_state_changes"} {
		if n := countRows(t, w.s, table); n != 0 {
			t.Errorf("%s: a failed call left %d rows", table, n)
		}
	}
}

func TestQueueEntryValidate(t *testing.T) {
	regions := []model.Region{{ID: "r1", Name: "North"}}
	cases := []struct {
		name  string
		in    model.QueueEntryInput
		field string
		code  string
	}{
		{"no pseudonym", model.QueueEntryInput{Adults: 1}, "pseudonym", model.ProblemRequired},
		{"control char", model.QueueEntryInput{Pseudonym: "a\x07", Adults: 1}, "pseudonym", model.ProblemText},
		{"language", model.QueueEntryInput{Pseudonym: "a", Adults: 1, Languages: []string{"xx"}}, "languages", model.ProblemChoice},
		{"no adult", model.QueueEntryInput{Pseudonym: "a"}, "adults", model.ProblemCount},
		{"child 18", model.QueueEntryInput{Pseudonym: "a", Adults: 1, ChildAges: []int{18}}, "child_ages", model.ProblemCount},
		{"bad date", model.QueueEntryInput{Pseudonym: "a", Adults: 1, DecisionDate: "2026-02-30"}, "decision_date", model.ProblemDate},
		{"future detention", model.QueueEntryInput{Pseudonym: "a", Adults: 1, DetainedSince: "2026-12-02"}, "detained_since", model.ProblemFuture},
		// The reviewer's input: a bond decision before the detention began.
		{"decision before detention", model.QueueEntryInput{Pseudonym: "a", Adults: 1, DetainedSince: "2026-06-10", DecisionDate: "2026-06-01"},
			"decision_date", model.ProblemBeforeDetained},
		{"decision year 1850", model.QueueEntryInput{Pseudonym: "a", Adults: 1, DecisionDate: "1850-06-01"}, "decision_date", model.ProblemDateRange},
		{"detained since 1899", model.QueueEntryInput{Pseudonym: "a", Adults: 1, DetainedSince: "1899-12-31"}, "detained_since", model.ProblemDateRange},
		{"decision year 2101", model.QueueEntryInput{Pseudonym: "a", Adults: 1, DecisionDate: "2101-01-01"}, "decision_date", model.ProblemDateRange},
		{"region", model.QueueEntryInput{Pseudonym: "a", Adults: 1, RegionID: "r2"}, "region_id", model.ProblemChoice},
		{"need", model.QueueEntryInput{Pseudonym: "a", Adults: 1, Needs: []string{"pony"}}, "needs", model.ProblemChoice},
		{"anumber", model.QueueEntryInput{Pseudonym: "a", Adults: 1, ANumber: "A12"}, "anumber", model.ProblemANumber},
	}
	// A decision still expected (after today) on a detention that began
	// before it, and one on the day detention began, are fine.
	for _, in := range []model.QueueEntryInput{
		{Pseudonym: "a", Adults: 1, DetainedSince: "2026-06-10", DecisionDate: "2026-12-20"},
		{Pseudonym: "a", Adults: 1, DetainedSince: "2026-06-10", DecisionDate: "2026-06-10"},
	} {
		if ps := in.Validate(regions, "2026-12-01"); len(ps) != 0 {
			t.Errorf("%+v: got %v, want no problem", in, ps)
		}
	}
	for _, c := range cases {
		ps := c.in.Validate(regions, "2026-12-01")
		if len(ps) != 1 || ps[0].Field != c.field || ps[0].Code != c.code {
			t.Errorf("%s: got %v, want %s/%s", c.name, ps, c.field, c.code)
		}
	}
}

// approveGroup makes g approved from today: a complete profile in region
// and one required item done today, valid for validDays.
func approveGroup(t *testing.T, w *world, g model.Org, region string, validDays int, today string) {
	t.Helper()
	ctx := context.Background()
	p := model.SponsorProfile{RegionID: region, Languages: []string{"es"}, Adults: 1, Beds: 4, MaxPlacements: 2, AcceptsChildren: true}
	if err := w.s.SaveSponsorProfile(ctx, g, p, ""); err != nil {
		t.Fatal(err)
	}
	items, _ := w.s.VettingItems(ctx, g.NetworkID)
	if len(items) == 0 {
		if err := w.s.AddVettingItem(ctx, g.NetworkID, model.VettingItem{Name: "Home visit", ValidDays: validDays}, "", ""); err != nil {
			t.Fatal(err)
		}
		items, _ = w.s.VettingItems(ctx, g.NetworkID)
	}
	if err := w.s.RecordVetting(ctx, g, items[0].ID, "", today, "", ""); err != nil {
		t.Fatal(err)
	}
}

// seekingEntry adds one entry with restricted fields and moves it to
// seeking a sponsor.
func seekingEntry(t *testing.T, w *world, regions []model.Region, ref string) string {
	t.Helper()
	ctx := context.Background()
	in := model.QueueEntryInput{Pseudonym: "R.M.", Languages: []string{"es"}, Adults: 1, ChildAges: []int{6},
		RegionID: regions[0].ID, ExternalRef: ref, ANumber: "A098-765-432", Facility: "Otero County Processing Center"}
	res, err := w.s.AddQueueEntries(ctx, w.orgs["n1"], []model.QueueEntryInput{in}, IntakeSource{ActorID: w.users["n1coord"].ID})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.s.SetQueueState(ctx, w.orgs["n1"], res[0].ID, model.QueueSeeking, w.users["n1coord"].ID); err != nil {
		t.Fatal(err)
	}
	return res[0].ID
}

func handOff() HandOff {
	return HandOff{Principal: model.PersonInput{Name: "R.M.", Languages: "Spanish"},
		Others: []model.PersonInput{{Name: "Child 1 (6)", Relationship: "child"}}}
}

func TestOffersAnsweredAtUse(t *testing.T) {
	w, regions := newQueueWorld(t)
	ctx := context.Background()
	start := time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC)
	clk := useClock(w.s, start)
	today := "2026-12-01"
	n1, g1, g2 := w.orgs["n1"], w.orgs["g1"], w.orgs["g2"]
	coord, gina := w.users["n1coord"].ID, w.users["g1coord"].ID
	approveGroup(t, w, g1, regions[0].ID, 30, today)
	entry := seekingEntry(t, w, regions, "x1")

	// Not approved: no offer.
	if _, err := w.s.CreateOffer(ctx, n1, entry, g2, coord, today, model.OfferTTL); !errors.Is(err, ErrNotApproved) {
		t.Errorf("offer to an unapproved group: got %v, want ErrNotApproved", err)
	}
	if _, err := w.s.CreateOffer(ctx, n1, entry, w.orgs["g3"], coord, today, model.OfferTTL); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("offer to another network's group: got %v, want not found", err)
	}
	id, err := w.s.CreateOffer(ctx, n1, entry, g1, coord, today, model.OfferTTL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.CreateOffer(ctx, n1, entry, g1, coord, today, model.OfferTTL); !errors.Is(err, ErrQueueState) {
		t.Errorf("a second offer: got %v, want ErrQueueState", err)
	}
	if e, _ := w.s.QueueEntry(ctx, n1, entry); e.State != model.QueueOffered {
		t.Errorf("entry state after the offer: %s", e.State)
	}
	// Another group never sees it.
	if _, err := w.s.GroupOffer(ctx, g2, id); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("g2 reading g1's offer: got %v, want not found", err)
	}
	if err := w.s.DeclineOffer(ctx, g2, id, "timing", "", w.users["g2coord"].ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("g2 declining g1's offer: got %v, want not found", err)
	}
	o, err := w.s.GroupOffer(ctx, g1, id)
	if err != nil || o.Pseudonym != "R.M." || len(o.ChildAges) != 1 || !o.Live(clk.now()) {
		t.Fatalf("g1's offer: %+v, %v", o, err)
	}

	// Declined: seeking again.
	if err := w.s.DeclineOffer(ctx, g1, id, "timing", "Not before January", gina); err != nil {
		t.Fatal(err)
	}
	if e, _ := w.s.QueueEntry(ctx, n1, entry); e.State != model.QueueSeeking {
		t.Errorf("entry after a decline: %s, want seeking", e.State)
	}
	if _, err := w.s.AcceptOffer(ctx, g1, id, gina, today, handOff()); !errors.Is(err, ErrOfferDead) {
		t.Errorf("accepting a declined offer: got %v, want ErrOfferDead", err)
	}

	// Withdrawn: dead.
	id2, err := w.s.CreateOffer(ctx, n1, entry, g1, coord, today, model.OfferTTL)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.s.WithdrawOffer(ctx, n1, id2, coord); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.AcceptOffer(ctx, g1, id2, gina, today, handOff()); !errors.Is(err, ErrOfferDead) {
		t.Errorf("accepting a withdrawn offer: got %v, want ErrOfferDead", err)
	}

	// Alive until the end of the day its 72 hours run out on, in the
	// group's zone; expired at use a second after.
	id3, err := w.s.CreateOffer(ctx, n1, entry, g1, coord, today, model.OfferTTL)
	if err != nil {
		t.Fatal(err)
	}
	o3, err := w.s.GroupOffer(ctx, g1, id3)
	if err != nil {
		t.Fatal(err)
	}
	if h, m, s := o3.ExpiresAt.In(tz.Location(g1.TimeZone)).Clock(); h+m+s != 0 || o3.ExpiresAt.Sub(clk.now()) < model.OfferTTL {
		t.Errorf("offer lapses at %s (made %s), want midnight in %s at least 72 hours on", o3.ExpiresAt, clk.now(), g1.TimeZone)
	}
	clk.advance(o3.ExpiresAt.Sub(clk.now()) - time.Second)
	if !o3.Live(clk.now()) {
		t.Errorf("offer dead a second before the end of its last day")
	}
	clk.advance(2 * time.Second)
	if _, err := w.s.AcceptOffer(ctx, g1, id3, gina, "2026-12-04", handOff()); !errors.Is(err, ErrOfferDead) {
		t.Errorf("accepting an expired offer: got %v, want ErrOfferDead", err)
	}
	if err := w.s.ExpireOffers(ctx, n1); err != nil {
		t.Fatal(err)
	}
	if e, _ := w.s.QueueEntry(ctx, n1, entry); e.State != model.QueueSeeking {
		t.Errorf("entry after its offer lapsed: %s, want seeking", e.State)
	}

	// Approval lost since the offer: refused. The item lasts 30 days.
	id4, err := w.s.CreateOffer(ctx, n1, entry, g1, coord, "2026-12-04", model.OfferTTL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.AcceptOffer(ctx, g1, id4, gina, "2026-12-31", handOff()); !errors.Is(err, ErrNotApproved) {
		t.Errorf("accepting after approval lapsed: got %v, want ErrNotApproved", err)
	}
	if n := countRows(t, w.s, "cases"); n != 0 {
		t.Errorf("refused accepts opened %d cases", n)
	}
}

func TestAcceptOfferHandsOff(t *testing.T) {
	w, regions := newQueueWorld(t)
	ctx := context.Background()
	useClock(w.s, time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC))
	today := "2026-12-01"
	n1, g1 := w.orgs["n1"], w.orgs["g1"]
	approveGroup(t, w, g1, regions[0].ID, 365, today)
	entry := seekingEntry(t, w, regions, "x1")
	id, err := w.s.CreateOffer(ctx, n1, entry, g1, w.users["n1coord"].ID, today, model.OfferTTL)
	if err != nil {
		t.Fatal(err)
	}
	tables := []string{"cases", "people", "case_checklists", "case_checklist_items", "case_history"}
	// A failure after each step leaves nothing of the hand-off.
	for _, step := range []string{"case", "checklists", "linked"} {
		w.s.faults = func(s string) error {
			if s == step {
				return errors.New("injected after " + s)
			}
			return nil
		}
		if _, err := w.s.AcceptOffer(ctx, g1, id, w.users["g1coord"].ID, today, handOff()); err == nil {
			t.Fatalf("failure after %s: accepted", step)
		}
		for _, tb := range tables {
			if n := countRows(t, w.s, tb); n != 0 {
				t.Errorf("failure after %s left %d rows in %s", step, n, tb)
			}
		}
		if e, _ := w.s.QueueEntry(ctx, n1, entry); e.State != model.QueueOffered || e.CaseID != "" {
			t.Errorf("failure after %s: entry %s linked to %q", step, e.State, e.CaseID)
		}
	}
	w.s.faults = nil
	c, err := w.s.AcceptOffer(ctx, g1, id, w.users["g1coord"].ID, today, handOff())
	if err != nil {
		t.Fatal(err)
	}
	if c.GroupID != g1.ID || c.Status != "group_accepted" || c.People != 2 || c.PrincipalName != "R.M." {
		t.Errorf("the case: %+v", c)
	}
	e, _ := w.s.QueueEntry(ctx, n1, entry)
	if e.State != model.QueueAccepted || e.CaseID != c.ID || e.GroupID != g1.ID {
		t.Errorf("the entry after hand-off: %+v", e)
	}
	cls, err := w.s.CaseChecklists(ctx, c.ID)
	if err != nil || len(cls) != len(HandOffStages) {
		t.Errorf("checklists: %d, %v; want %d", len(cls), err, len(HandOffStages))
	}
	people, _ := w.s.PeopleWithANumberEnd(ctx, c.ID, "en")
	if !people[0].HasANumber || people[0].ANumberLast3 != "432" || !people[0].HasFacility {
		t.Errorf("restricted fields not handed over: %+v", people[0])
	}
	a, err := w.s.RevealPersonField(ctx, c, people[0].ID, model.FieldANumber, w.users["g1coord"].ID)
	if err != nil || a != "098765432" {
		t.Errorf("the case's A-number: %q, %v", a, err)
	}
	if _, err := w.s.AcceptOffer(ctx, g1, id, w.users["g1coord"].ID, today, handOff()); !errors.Is(err, ErrOfferDead) {
		t.Errorf("accepting twice: got %v, want ErrOfferDead", err)
	}
	pl, err := w.s.PlacementOf(ctx, n1, entry, today, time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC))
	if err != nil || pl.GroupID != g1.ID || pl.CaseStatus != "group_accepted" || pl.Pseudonym != "R.M." {
		t.Errorf("placement: %+v, %v", pl, err)
	}
	if list, total, err := w.s.Placements(ctx, n1, today, time.Now(), 1, 20); err != nil || total != 1 || len(list) != 1 {
		t.Errorf("placements: %d of %d, %v", len(list), total, err)
	}
}

func TestQueueEntryAfterHandOff(t *testing.T) {
	w, regions := newQueueWorld(t)
	ctx := context.Background()
	useClock(w.s, time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC))
	today := "2026-12-01"
	n1, g1 := w.orgs["n1"], w.orgs["g1"]
	approveGroup(t, w, g1, regions[0].ID, 365, today)
	entry := seekingEntry(t, w, regions, "x1")
	id, err := w.s.CreateOffer(ctx, n1, entry, g1, "", today, model.OfferTTL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.AcceptOffer(ctx, g1, id, w.users["g1coord"].ID, today, handOff()); err != nil {
		t.Fatal(err)
	}
	if err := w.s.SetQueueState(ctx, n1, entry, model.QueueSeeking, ""); !errors.Is(err, ErrQueueLinked) {
		t.Errorf("back to seeking after the hand-off: got %v, want ErrQueueLinked", err)
	}
	if err := w.s.SetQueueState(ctx, n1, entry, model.QueueBondPaid, ""); err != nil {
		t.Errorf("bond paid after the hand-off: %v", err)
	}
	other := seekingEntry(t, w, regions, "x2")
	e, _ := w.s.QueueEntry(ctx, n1, entry)
	ed := QueueEdit{In: model.QueueEntryInput{Pseudonym: "R.M.", Adults: 1, ExternalRef: "x1"}}
	if err := w.s.UpdateQueueEntry(ctx, n1, other, ed); !errors.Is(err, model.ErrConflict) {
		t.Errorf("taking another entry's reference: got %v, want a conflict", err)
	}
	if got, _ := w.s.QueueEntry(ctx, n1, other); got.ExternalRef != "x2" || !got.HasANumber {
		t.Errorf("a refused edit changed the entry: %+v", got)
	}
	if e.State != model.QueueBondPaid {
		t.Errorf("state: %s", e.State)
	}
}

// TestQueuePagesUseIndexes: the queue page (each filter, count and page)
// and the placements page read through an index, in order, without a scan
// of queue_entries or a sort of their own.
func TestQueuePagesUseIndexes(t *testing.T) {
	s, _ := openTest(t)
	type q struct {
		name, sql string
		args      []any
	}
	var qs []q
	for k, pair := range queueQueries {
		all := []any{"n", "seeking_sponsor", 25, 0, "2026-12-08"}
		nCount, nPage := 1+btoi(strings.HasPrefix(k, "one")), 4
		if strings.HasSuffix(k, "before") {
			nCount, nPage = 5, 5
		}
		qs = append(qs, q{"count " + k, pair[0], all[:nCount]}, q{"page " + k, pair[1], all[:nPage]})
	}
	qs = append(qs, q{"placements", placementsSQL, []any{"n", "2026-12-01", "a", "b", 25, 0}})
	for _, c := range qs {
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
			if strings.HasPrefix(detail, "SCAN q") || strings.Contains(detail, "TEMP B-TREE") {
				t.Errorf("%s: %s", c.name, detail)
			}
		}
		rows.Close()
		t.Logf("%s: %s", c.name, strings.Join(plan, "; "))
	}
}

func TestQueueListFilters(t *testing.T) {
	w, regions := newQueueWorld(t)
	ctx := context.Background()
	n1 := w.orgs["n1"]
	in := []model.QueueEntryInput{
		{Pseudonym: "soon", Adults: 1, DecisionDate: "2026-12-03"},
		{Pseudonym: "later", Adults: 1, DecisionDate: "2026-12-30"},
		{Pseudonym: "long", Adults: 1, DetainedSince: "2026-01-01"},
		{Pseudonym: "short", Adults: 1, DetainedSince: "2026-11-01"},
		{Pseudonym: "decided", Adults: 1, DecisionDate: "2026-12-02"},
	}
	res, err := w.s.AddQueueEntries(ctx, n1, in, IntakeSource{})
	if err != nil {
		t.Fatal(err)
	}
	// Released on a decision (set in SQL: the hand-off that comes first
	// is not what this test is about): no longer "decision within".
	if _, err := w.s.db.ExecContext(ctx, `UPDATE queue_entries SET state = 'decision_granted' WHERE id = ?`, res[4].ID); err != nil {
		t.Fatal(err)
	}
	if err := w.s.SetQueueState(ctx, n1, res[1].ID, model.QueueSeeking, ""); err != nil {
		t.Fatal(err)
	}
	if err := w.s.CloseQueueEntry(ctx, n1, res[3].ID, "withdrew", ""); err != nil {
		t.Fatal(err)
	}
	names := func(f QueueFilter) string {
		list, total, err := w.s.QueueList(ctx, n1, f, 1, 10)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range list {
			out = append(out, e.Pseudonym)
		}
		if total != len(list) {
			t.Errorf("%+v: total %d for %d rows", f, total, len(list))
		}
		return strings.Join(out, ",")
	}
	for _, c := range []struct {
		f    QueueFilter
		want string
	}{
		{QueueFilter{}, "decided,soon,later,long"},
		{QueueFilter{State: "all"}, "decided,soon,later,long,short"},
		{QueueFilter{State: "seeking_sponsor"}, "later"},
		{QueueFilter{Before: "2026-12-08"}, "soon"},
		{QueueFilter{State: "all", Before: "2026-12-31"}, "decided,soon,later"},
		{QueueFilter{State: "referred", Before: "2026-12-31"}, "soon"},
	} {
		if got := names(c.f); got != c.want {
			t.Errorf("%+v: got %s, want %s", c.f, got, c.want)
		}
	}
	_ = regions
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
