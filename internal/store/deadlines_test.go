package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"io/fs"
	"os"
	"testing"
	"time"

	"puente/internal/model"
	"puente/schema"
)

// caseWorld is a seeded world with a key, and a helper to open cases in
// group g1 on a fixed clock (2026-11-30).
type caseWorld struct {
	*world
	t testing.TB
}

func newCaseWorld(t testing.TB) caseWorld {
	t.Helper()
	w := newWorld(t)
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	if err := w.s.UseKey(context.Background(), key); err != nil {
		t.Fatal(err)
	}
	useClock(w.s, time.Date(2026, 11, 30, 15, 0, 0, 0, time.UTC))
	return caseWorld{w, t}
}

func (w caseWorld) open(group string, people ...model.PersonInput) (model.Case, []model.Person) {
	w.t.Helper()
	ctx := context.Background()
	c, err := w.s.CreateCase(ctx, w.orgs[group].ID, "", model.CaseInput{Status: "arrived"}, people[0])
	if err != nil {
		w.t.Fatalf("CreateCase: %v", err)
	}
	for _, p := range people[1:] {
		if _, err := w.s.AddPerson(ctx, c, "", p); err != nil {
			w.t.Fatalf("AddPerson: %v", err)
		}
	}
	ps, err := w.s.People(ctx, c.ID, "en")
	if err != nil {
		w.t.Fatal(err)
	}
	return c, ps
}

func (w caseWorld) fact(c model.Case, f model.Fact) {
	w.t.Helper()
	if _, err := w.s.AddFact(context.Background(), c, "", f); err != nil {
		w.t.Fatalf("AddFact %s: %v", f.Kind, err)
	}
}

// row reads one stored deadline by rule.
type storedRow struct {
	due, metOn sql.NullString
	dueEnc     []byte
	kind       string
}

func (w caseWorld) row(c model.Case, ruleID string) (storedRow, bool) {
	w.t.Helper()
	var r storedRow
	err := w.s.db.QueryRow(`SELECT due, met_on, due_enc, kind FROM deadlines WHERE case_id = ? AND rule_id = ?`, c.ID, ruleID).
		Scan(&r.due, &r.metOn, &r.dueEnc, &r.kind)
	if err == sql.ErrNoRows {
		return r, false
	}
	if err != nil {
		w.t.Fatal(err)
	}
	return r, true
}

// TestStoredDeadlinesCloseThemselves: a recorded I-589 filing closes the
// one-year deadline in the table that lists and counts read; a late one is
// met too (the case page says "done late").
func TestStoredDeadlinesCloseThemselves(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	c, ps := w.open("g1", model.PersonInput{Name: "Dana Sol Ruiz", LastUSArrival: "2025-08-08"})
	today, until := "2026-11-30", "2026-12-30"
	count := func() int {
		t.Helper()
		counts, err := w.s.GroupCaseCounts(ctx, w.orgs["n1"].ID, map[string]string{w.orgs["g1"].ID: today})
		if err != nil {
			t.Fatal(err)
		}
		return counts[w.orgs["g1"].ID].Overdue
	}
	if r, _ := w.row(c, "i589-one-year"); r.due.String != "2026-08-10" || r.metOn.Valid {
		t.Fatalf("before filing: got due %v met %v, want 2026-08-10, not met", r.due, r.metOn)
	}
	if n := count(); n != 1 {
		t.Errorf("network overdue before filing: got %d, want 1", n)
	}
	w.fact(c, model.Fact{PersonID: ps[0].ID, Kind: model.FactI589Filed, Date: "2026-08-11"})
	if r, _ := w.row(c, "i589-one-year"); r.metOn.String != "2026-08-11" {
		t.Errorf("after filing: met_on got %v, want 2026-08-11", r.metOn)
	}
	if n := count(); n != 0 {
		t.Errorf("network overdue after filing: got %d, want 0", n)
	}
	due, err := w.s.GroupDue(ctx, w.orgs["g1"].ID, today, until, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range due {
		if it.RuleID == "i589-one-year" {
			t.Errorf("home list still shows the met I-589 deadline")
		}
	}
	computed, err := w.s.ComputeDeadlines(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range computed[0].Deadlines {
		if d.RuleID == "i589-one-year" && d.Met.String() != "2026-08-11" {
			t.Errorf("computed: met got %v, want 2026-08-11", d.Met)
		}
	}
	// An appeal filed meets the appeal deadline; a work-permit application
	// uses the window.
	w.fact(c, model.Fact{PersonID: ps[0].ID, Kind: model.FactDecision, Date: "2026-10-12"})
	w.fact(c, model.Fact{PersonID: ps[0].ID, Kind: model.FactAppealFiled, Date: "2026-11-05"})
	w.fact(c, model.Fact{PersonID: ps[0].ID, Kind: model.FactEADApplied, Date: "2027-01-20"})
	if r, _ := w.row(c, "bia-appeal"); r.metOn.String != "2026-11-05" {
		t.Errorf("appeal: met_on got %v, want 2026-11-05", r.metOn)
	}
	if r, _ := w.row(c, "ead-may-file"); r.metOn.String != "2027-01-20" || r.kind != "opens" {
		t.Errorf("EAD window: got met_on %v kind %s, want 2027-01-20, opens", r.metOn, r.kind)
	}
}

// TestGroupDueByKind: the home list holds tasks (overdue or due within the
// window), windows that open within it and expiries within it; never a
// date nobody acts on, nor a window already open.
func TestGroupDueByKind(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	c, ps := w.open("g1", model.PersonInput{Name: "Eva Luna"})
	pid := ps[0].ID
	// I-589 filed 2026-06-20: the EAD may be filed from 2026-11-17 (open
	// already) and granted from 2026-12-17 (information).
	w.fact(c, model.Fact{PersonID: pid, Kind: model.FactI589Filed, Date: "2026-06-20"})
	// A card expiring 2027-06-10: the renewal window opens 2026-12-12.
	w.fact(c, model.Fact{PersonID: pid, Kind: model.FactEADExpiry, Date: "2027-06-10"})
	// Arrival 2026-11-20: EOIR-33 due 2026-11-25 (overdue), AR-11 due 2026-11-30 (today).
	w.fact(c, model.Fact{Kind: model.FactArrival, Date: "2026-11-20"})
	items, err := w.s.GroupDue(ctx, w.orgs["g1"].ID, "2026-11-30", "2026-12-30", 100)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, it := range items {
		got[it.RuleID] = it.Due
	}
	want := map[string]string{
		"eoir33-change-of-address": "2026-11-25", "ar11-change-of-address": "2026-11-30",
		"ead-renewal-window": "2026-12-12",
	}
	for id, due := range want {
		if got[id] != due {
			t.Errorf("%s: got %q, want %q", id, got[id], due)
		}
	}
	for _, id := range []string{"ead-may-grant", "ead-may-file", "i589-one-year"} {
		if _, ok := got[id]; ok {
			t.Errorf("%s is listed, want it left out (information, an open window, or no last arrival)", id)
		}
	}
	if r, _ := w.row(c, "ead-may-grant"); r.kind != "info" {
		t.Errorf("ead-may-grant stored as %q, want info", r.kind)
	}
	counts, err := w.s.GroupCaseCounts(ctx, w.orgs["n1"].ID, map[string]string{w.orgs["g1"].ID: "2026-11-30"})
	if err != nil {
		t.Fatal(err)
	}
	if n := counts[w.orgs["g1"].ID].Overdue; n != 1 {
		t.Errorf("network overdue: got %d, want 1 (the EOIR-33 only)", n)
	}
}

// TestRegistrationDateIsSealed: the registration at 14 is computed from the
// date of birth, so its date is stored only sealed, never in due; the feed
// and the plain lists do not see it; GroupSealedDue opens it.
func TestRegistrationDateIsSealed(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	c, _ := w.open("g1", model.PersonInput{Name: "Rosa Ruiz", DOB: "1990-02-03"},
		model.PersonInput{Name: "Nina Ruiz", DOB: "2012-12-05"}) // turns 14 on 2026-12-05, due 2027-01-04
	r, ok := w.row(c, "child-registration-14")
	if !ok {
		t.Fatal("no registration row stored")
	}
	if r.due.Valid || len(r.dueEnc) < 12+10+16 {
		t.Fatalf("registration row: due %v, due_enc %d bytes; want due NULL and a sealed date", r.due, len(r.dueEnc))
	}
	if bytes.Contains(r.dueEnc, []byte("2027-01-04")) {
		t.Errorf("due_enc holds the date in plain text")
	}
	var plain int
	if err := w.s.db.QueryRow(`SELECT count(*) FROM deadlines WHERE due = '2027-01-04' OR met_on = '2027-01-04'`).Scan(&plain); err != nil || plain != 0 {
		t.Errorf("plain rows with the registration date: got %d (%v), want 0", plain, err)
	}
	sealed, err := w.s.GroupSealedDue(ctx, w.orgs["g1"].ID, "2027-12-31")
	if err != nil {
		t.Fatal(err)
	}
	if len(sealed) != 1 || sealed[0].Due != "2027-01-04" || !sealed[0].Sensitive || sealed[0].Initials != "N.R." {
		t.Errorf("GroupSealedDue: got %+v, want one item due 2027-01-04 for N.R.", sealed)
	}
	if other, _ := w.s.GroupSealedDue(ctx, w.orgs["g2"].ID, "2027-12-31"); len(other) != 0 {
		t.Errorf("another group sees %d sealed items, want 0", len(other))
	}
	feed, err := w.s.FeedItems(ctx, w.users["g1coord"].ID, map[string]FeedWindow{w.orgs["g1"].ID: {From: "2026-01-01", To: "2028-12-31",
		Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2029, 1, 1, 0, 0, 0, 0, time.UTC)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range feed {
		if it.RuleID == "child-registration-14" || it.Due == "2027-01-04" {
			t.Errorf("feed carries the registration: %+v", it)
		}
	}
	due, _ := w.s.GroupDue(ctx, w.orgs["g1"].ID, "2026-11-30", "2027-12-31", 100)
	for _, it := range due {
		if it.RuleID == "child-registration-14" {
			t.Errorf("the plain home list carries the registration")
		}
	}
	// Marked done, it leaves the sealed list.
	key := ""
	if err := w.s.db.QueryRow(`SELECT key FROM deadlines WHERE case_id = ? AND rule_id = 'child-registration-14'`, c.ID).Scan(&key); err != nil {
		t.Fatal(err)
	}
	if err := w.s.SetMark(ctx, c, "", model.Mark{Key: key, State: model.MarkDone, DoneOn: "2026-12-10"}); err != nil {
		t.Fatal(err)
	}
	if sealed, _ := w.s.GroupSealedDue(ctx, w.orgs["g1"].ID, "2027-12-31"); len(sealed) != 0 {
		t.Errorf("after done: got %d sealed items, want 0", len(sealed))
	}
}

// TestMigration006 applies 001 and 002 to a fresh file, writes a fact and a
// registration deadline in plain text as the old code did, then opens it
// with the store: the facts survive the table rebuild, the new fact kinds
// are accepted, the plain registration date is gone, and SyncRules' pass seals it.
func TestMigration006(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir() + "/old.db"
	old, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.Exec(`CREATE TABLE schema_migrations (name TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL) STRICT`); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"001_foundation.sql", "002_cases.sql"} {
		body, err := fs.ReadFile(schema.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := old.Exec(string(body)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := old.Exec(`INSERT INTO schema_migrations VALUES (?, '2026-01-01T00:00:00Z')`, name); err != nil {
			t.Fatal(err)
		}
	}
	const org, cs, person = "org0000000000000001", "case000000000000001", "person0000000000001"
	for _, q := range []string{
		`INSERT INTO organisations (id, kind, name, created_at) VALUES ('` + org + `', 'group', 'G', '2026-01-01T00:00:00Z')`,
		`INSERT INTO cases (id, group_id, code, status, status_changed_at, created_at, updated_at) VALUES ('` + cs + `', '` + org + `', 'PU-OLD1', 'arrived', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
		`INSERT INTO people (id, case_id, is_principal, name, last_us_arrival, created_at, updated_at) VALUES ('` + person + `', '` + cs + `', 1, 'Old Person', '2025-08-08', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
		`INSERT INTO facts (id, case_id, person_id, kind, date, note, created_at) VALUES ('fact0000000000000001', '` + cs + `', '` + person + `', 'i589_filed', '2026-05-01', 'kept note', '2026-01-01T00:00:00Z')`,
		`INSERT INTO deadlines (case_id, group_id, person_id, key, rule_id, kind, due) VALUES ('` + cs + `', '` + org + `', '` + person + `', 'k', 'child-registration-14', 'due_by', '2026-06-09')`,
		`INSERT INTO meta (key, value) VALUES ('rules_version', x'00')`,
	} {
		if _, err := old.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open after 002: %v", err)
	}
	defer s.Close()
	var note string
	if err := s.db.QueryRow(`SELECT note FROM facts WHERE id = 'fact0000000000000001'`).Scan(&note); err != nil || note != "kept note" {
		t.Errorf("fact after the rebuild: got %q, %v; want the kept note", note, err)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM deadlines`).Scan(&n); err != nil || n != 0 {
		t.Errorf("deadlines after 006: got %d rows (%v), want the table emptied for recomputation", n, err)
	}
	if _, err := s.db.Exec(`INSERT INTO facts (id, case_id, person_id, kind, date, created_at) VALUES ('fact0000000000000002', ?, ?, 'appeal_filed', '2026-06-01', 'x')`, cs, person); err != nil {
		t.Errorf("new fact kind appeal_filed refused: %v", err)
	}
	if _, err := s.db.Exec(`INSERT INTO facts (id, case_id, person_id, kind, date, created_at) VALUES ('fact0000000000000003', ?, ?, 'visa', '2026-06-01', 'x')`, cs, person); err == nil {
		t.Errorf("an unknown fact kind was accepted")
	}
	if _, err := s.db.Exec(`INSERT INTO deadlines (case_id, group_id, person_id, key, rule_id, kind, due, due_enc) VALUES (?, ?, ?, 'both', 'r', 'due_by', '2026-01-01', x'01')`, cs, org, person); err == nil {
		t.Errorf("a row with both a plain and a sealed date was accepted")
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	if err := s.UseKey(ctx, key); err != nil {
		t.Fatal(err)
	}
	if started, err := s.SyncRules(ctx); err != nil || !started {
		t.Errorf("SyncRules: got %v, %v; want a recomputation started", started, err)
	}
	if st := s.WaitRecompute(ctx); st.Err != nil || st.Done != 1 || st.Total != 1 {
		t.Errorf("recomputation: got %+v, want 1 of 1 case done", st)
	}
	var met sql.NullString
	if err := s.db.QueryRow(`SELECT met_on FROM deadlines WHERE rule_id = 'i589-one-year'`).Scan(&met); err != nil || met.String != "2026-05-01" {
		t.Errorf("recomputed I-589 deadline: met_on %v (%v), want 2026-05-01", met, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("2026-06-09")) {
		t.Errorf("the old plain registration date is still in the file")
	}
}
