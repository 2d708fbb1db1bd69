package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"puente/internal/model"
)

// nextDue reads a case's stored next due date ("" for NULL).
func (w caseWorld) nextDue(c model.Case) string {
	w.t.Helper()
	var nd sql.NullString
	if err := w.s.db.QueryRow(`SELECT next_due FROM cases WHERE id = ?`, c.ID).Scan(&nd); err != nil {
		w.t.Fatal(err)
	}
	return nd.String
}

// keys are the stored keys of rule's deadlines in c, one per person.
func (w caseWorld) keys(c model.Case, ruleID string) []string {
	w.t.Helper()
	rows, err := w.s.db.Query(`SELECT key FROM deadlines WHERE case_id = ? AND rule_id = ?`, c.ID, ruleID)
	if err != nil {
		w.t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			w.t.Fatal(err)
		}
		out = append(out, k)
	}
	if len(out) == 0 {
		w.t.Fatalf("no deadline %s", ruleID)
	}
	return out
}

// TestNextDueFollowsStatesByKind: a case's next due date is its earliest
// open "due by" date, overdue included, and follows every change in the
// transaction that makes it: a mark done or not applicable, a fact that
// meets a deadline. A window that opens, an expiry, an appointment and a
// date computed from a date of birth never count, even when earlier.
func TestNextDueFollowsStatesByKind(t *testing.T) {
	w := newCaseWorld(t) // today 2026-11-30
	ctx := context.Background()
	c, ps := w.open("g1",
		model.PersonInput{Name: "Nora Due", LastUSArrival: "2026-03-03"},
		// Turns 14 on 2026-12-15: a registration due 2027-01-14, sealed.
		model.PersonInput{Name: "Niño Due", DOB: "2012-12-15"})
	if got := w.nextDue(c); got != "2027-03-03" {
		t.Fatalf("I-589 only: next due %q, want 2027-03-03 (the sealed registration date never counts)", got)
	}
	// Arrival on 20 Nov: EOIR-33 due 25 Nov (overdue today), AR-11 due 30 Nov.
	w.fact(c, model.Fact{Kind: model.FactArrival, Date: "2026-11-20"})
	if got := w.nextDue(c); got != "2026-11-25" {
		t.Errorf("after the arrival: next due %q, want 2026-11-25 (the overdue EOIR-33)", got)
	}
	// A work permit expiring 10 Dec opens the renewal window (in the past)
	// and is itself an expiry: neither is due.
	w.fact(c, model.Fact{PersonID: ps[0].ID, Kind: model.FactEADExpiry, Date: "2026-12-10"})
	// A hearing on 2 Dec is an appointment, never due.
	if _, err := w.s.AddAppointment(ctx, c, "", model.Appointment{Kind: "master_hearing", Date: "2026-12-02", Time: "09:00"}); err != nil {
		t.Fatal(err)
	}
	if got := w.nextDue(c); got != "2026-11-25" {
		t.Errorf("after a window, an expiry and a hearing: next due %q, want still 2026-11-25", got)
	}
	c, _ = w.s.CaseForUser(ctx, w.users["g1coord"].ID, c.ID)
	// Household deadlines are one per person: mark them all.
	mark := func(rule string, st model.MarkState) {
		t.Helper()
		for _, k := range w.keys(c, rule) {
			if err := w.s.SetMark(ctx, c, "", model.Mark{Key: k, State: st, DoneOn: "2026-11-24"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	mark("eoir33-change-of-address", model.MarkDone)
	if got := w.nextDue(c); got != "2026-11-30" {
		t.Errorf("EOIR-33 marked done: next due %q, want 2026-11-30 (AR-11)", got)
	}
	mark("ar11-change-of-address", model.MarkNotApplicable)
	if got := w.nextDue(c); got != "2027-03-03" {
		t.Errorf("AR-11 not applicable: next due %q, want 2027-03-03 (I-589)", got)
	}
	// The I-589 filed: the one-year deadline is met; what it opens (the
	// work-permit windows) is never due.
	w.fact(c, model.Fact{PersonID: ps[0].ID, Kind: model.FactI589Filed, Date: "2026-11-29"})
	if got := w.nextDue(c); got != "" {
		t.Errorf("everything met or marked: next due %q, want none", got)
	}
	mark("ar11-change-of-address", model.MarkOpen)
	if got := w.nextDue(c); got != "2026-11-30" {
		t.Errorf("AR-11 open again: next due %q, want 2026-11-30", got)
	}
	// The list shows it.
	list, _, err := w.s.ListCases(ctx, w.orgs["g1"].ID, CaseQuery{})
	if err != nil || len(list) != 1 || list[0].NextDue != "2026-11-30" {
		t.Errorf("ListCases: %+v, %v; want the case with NextDue 2026-11-30", list, err)
	}
}

// TestCaseListByNextDue: sort=next_due lists the soonest first, overdue
// before the rest, cases with nothing due last, ids breaking ties, and
// pages without overlap or gaps, in every state filter.
func TestCaseListByNextDue(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	g := w.orgs["g1"].ID
	// Arrivals spread over days: EOIR-33 is due 5 days after each; every
	// third case has no arrival and nothing due but its I-589 a year out,
	// and every fifth has no date at all.
	for i := 0; i < 23; i++ {
		p := model.PersonInput{Name: fmt.Sprintf("Sort %02d", i)}
		if i%5 != 0 {
			p.LastUSArrival = "2026-06-01"
		}
		c, _ := w.open("g1", p)
		if i%3 != 0 {
			w.fact(c, model.Fact{Kind: model.FactArrival, Date: fmt.Sprintf("2026-11-%02d", 1+(i*7)%28)})
		}
	}
	for _, state := range []string{"open", "all"} {
		var got []model.Case
		for page := 1; ; page++ {
			cs, total, err := w.s.ListCases(ctx, g, CaseQuery{Sort: "next_due", State: state, Page: page, Limit: 5})
			if err != nil {
				t.Fatal(err)
			}
			if total != 23 {
				t.Fatalf("%s: total %d, want 23", state, total)
			}
			if len(cs) == 0 {
				break
			}
			got = append(got, cs...)
		}
		if len(got) != 23 {
			t.Fatalf("%s: %d cases over the pages, want 23", state, len(got))
		}
		seen := map[string]bool{}
		for i, c := range got {
			if seen[c.ID] {
				t.Errorf("%s: case %s on two pages", state, c.ID)
			}
			seen[c.ID] = true
			if i == 0 {
				continue
			}
			prev := got[i-1]
			switch {
			case prev.NextDue == "" && c.NextDue != "":
				t.Errorf("%s: %q after a case with nothing due; want nothing-due last", state, c.NextDue)
			case c.NextDue != "" && prev.NextDue > c.NextDue:
				t.Errorf("%s: %q after %q; want soonest first", state, c.NextDue, prev.NextDue)
			case c.NextDue == prev.NextDue && prev.ID > c.ID:
				t.Errorf("%s: tie on %q not broken by id", state, c.NextDue)
			}
		}
		if got[0].NextDue != "2026-11-06" || got[len(got)-1].NextDue != "" {
			t.Errorf("%s: first %q, last %q; want 2026-11-06 first and nothing-due last", state, got[0].NextDue, got[len(got)-1].NextDue)
		}
	}
	// The page is picked from the index in order: no sort step, no scan.
	for _, state := range []string{"open", "all", "closed"} {
		_, page, args := caseListSQL(g, CaseQuery{Sort: "next_due", State: state})
		plan := namesPlan(t, w.s, page, append(args, 25, 50)...)
		if !strings.Contains(plan, "USING COVERING INDEX cases_group_next_due (group_id=?)") ||
			strings.Contains(plan, "TEMP B-TREE") || strings.Contains(plan, "SCAN c") {
			t.Errorf("cases by next due (%s): want the page from index cases_group_next_due with no sort step; plan:\n%s", state, plan)
		}
	}
}

// makeStale forgets the recorded rules version and every case's next due
// date, as a new release with other rules (and the format 012 brought)
// finds them.
func makeStale(t testing.TB, s *Store) {
	t.Helper()
	for _, q := range []string{`UPDATE cases SET next_due = NULL`, `DELETE FROM meta WHERE key = 'rules_version'`} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
}

// TestRulesChangeRecomputesInTheBackground: SyncRules returns at once and
// recomputes every open case in the background, with its progress; a case
// opened before the pass reaches it is recomputed on the spot; a pass cut
// short (the server stopped) carries on where it stopped at the next
// start; at the end the version is recorded and the next SyncRules has
// nothing to do.
func TestRulesChangeRecomputesInTheBackground(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	const n = 2*recomputeBatch + 7
	var last model.Case
	for i := 0; i < n; i++ {
		c, _ := w.open("g2", model.PersonInput{Name: fmt.Sprintf("Stale %03d", i), LastUSArrival: "2026-06-01"})
		if c.ID > last.ID {
			last = c
		}
	}
	if started, err := w.s.SyncRules(ctx); err != nil || !started {
		t.Fatalf("first SyncRules: %v, %v; want a pass started (no version recorded yet)", started, err)
	}
	if rs := w.s.WaitRecompute(ctx); rs.Err != nil || rs.Running || rs.Done != n || rs.Total != n {
		t.Fatalf("first pass: %+v, want %d of %d done", rs, n, n)
	}
	if started, _ := w.s.SyncRules(ctx); started {
		t.Fatal("SyncRules after a complete pass started another")
	}

	makeStale(t, w.s)
	release := make(chan struct{})
	batches := 0
	w.s.recompute.beforeBatch = func() {
		if batches++; batches == 2 {
			<-release // hold the pass after its first batch
		}
	}
	if started, err := w.s.SyncRules(ctx); err != nil || !started {
		t.Fatalf("SyncRules after a rule change: %v, %v; want a pass started", started, err)
	}
	for rs := w.s.RecomputeStatus(); rs.Done < recomputeBatch; rs = w.s.RecomputeStatus() {
		if !rs.Running {
			t.Fatalf("pass ended early: %+v", rs)
		}
	}
	if rs := w.s.RecomputeStatus(); !rs.Running || rs.Done != recomputeBatch || rs.Total != n {
		t.Errorf("held pass: %+v, want running, %d of %d done", rs, recomputeBatch, n)
	}
	// The last case (in id order) is not reached yet: opening it recomputes it.
	if got := w.nextDue(last); got != "" {
		t.Fatalf("case not reached: next due %q, want none yet", got)
	}
	if err := w.s.EnsureCurrent(ctx, last.ID); err != nil {
		t.Fatal(err)
	}
	if got := w.nextDue(last); got != "2027-06-01" {
		t.Errorf("case opened before its turn: next due %q, want 2027-06-01 (recomputed on the spot)", got)
	}

	// The server stops in the middle of the pass. Its context is cancelled
	// before the held batch is let go: were the release first, the pass
	// could run its second batch before stopRecompute's cancel reached it
	// (seen once at load 9).
	w.s.recompute.mu.Lock()
	cancel := w.s.recompute.stop
	w.s.recompute.mu.Unlock()
	cancel()
	stopped := make(chan struct{})
	go func() { w.s.stopRecompute(); close(stopped) }()
	close(release)
	<-stopped
	if rs := w.s.RecomputeStatus(); rs.Running || rs.Err == nil || rs.Done != recomputeBatch {
		t.Errorf("pass stopped by the server: %+v, want stopped with an error after %d", rs, recomputeBatch)
	}
	// The next start carries on after the first batch.
	if started, err := w.s.SyncRules(ctx); err != nil || !started {
		t.Fatalf("SyncRules after a cut-short pass: %v, %v; want the pass to carry on", started, err)
	}
	rs := w.s.WaitRecompute(ctx)
	if rs.Running || rs.Err != nil || rs.Total != n-recomputeBatch || rs.Done != rs.Total {
		t.Errorf("carried-on pass: %+v, want the %d cases after the first batch done", rs, n-recomputeBatch)
	}
	var stale int
	if err := w.s.db.QueryRow(`SELECT count(*) FROM cases WHERE next_due IS NULL`).Scan(&stale); err != nil || stale != 0 {
		t.Errorf("cases left without their next due date: %d (%v), want 0", stale, err)
	}
	var pass int
	if err := w.s.db.QueryRow(`SELECT count(*) FROM meta WHERE key = 'rules_pass'`).Scan(&pass); err != nil || pass != 0 {
		t.Errorf("the pass's place left in meta: %d rows (%v), want none", pass, err)
	}
	if started, _ := w.s.SyncRules(ctx); started {
		t.Error("SyncRules after the pass started another")
	}
	if err := w.s.EnsureCurrent(ctx, last.ID); err != nil {
		t.Errorf("EnsureCurrent with nothing pending: %v", err)
	}
}
