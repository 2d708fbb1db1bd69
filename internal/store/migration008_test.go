package store

import (
	"context"
	"database/sql"
	"io/fs"
	"testing"

	"puente/schema"
)

// TestMigration008 applies every migration before 008 to a fresh file,
// writes (with placeholder sort keys, which 005's triggers require and the
// store recomputes at start-up) a case with a fact, a history entry and an appointment as the old
// code did, then opens it with the store: the facts survive the table
// rebuild, the work-permit fact is accepted, the history gains its subject
// column, and a money commitment without an amount is refused.
func TestMigration008(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir() + "/old.db"
	old, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.Exec(`CREATE TABLE schema_migrations (name TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL) STRICT`); err != nil {
		t.Fatal(err)
	}
	names, err := fs.Glob(schema.FS, "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if name >= "008" {
			continue
		}
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
		`INSERT INTO organisations (id, kind, name, created_at, sort_en, sort_es) VALUES ('` + org + `', 'group', 'G', '2026-01-01T00:00:00Z', x'00', x'00')`,
		`INSERT INTO cases (id, group_id, code, status, status_changed_at, created_at, updated_at) VALUES ('` + cs + `', '` + org + `', 'PU-OLD1', 'arrived', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
		`INSERT INTO people (id, case_id, is_principal, name, created_at, updated_at, sort_en, sort_es) VALUES ('` + person + `', '` + cs + `', 1, 'Old Person', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', x'00', x'00')`,
		`INSERT INTO facts (id, case_id, person_id, kind, date, note, created_at) VALUES ('fact0000000000000001', '` + cs + `', '` + person + `', 'ead_applied', '2026-05-01', 'kept note', '2026-01-01T00:00:00Z')`,
		`INSERT INTO case_history (case_id, at, action, fields) VALUES ('` + cs + `', '2026-01-01T00:00:00Z', 'created', '')`,
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
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	var note string
	if err := s.db.QueryRow(`SELECT note FROM facts WHERE id = 'fact0000000000000001'`).Scan(&note); err != nil || note != "kept note" {
		t.Errorf("fact after the rebuild: got %q, %v; want the kept note", note, err)
	}
	if _, err := s.db.Exec(`INSERT INTO facts (id, case_id, person_id, kind, date, created_at) VALUES ('fact0000000000000002', ?, ?, 'ead_granted', '2026-09-01', 'x')`, cs, person); err != nil {
		t.Errorf("new fact kind ead_granted refused: %v", err)
	}
	hist, err := s.History(ctx, cs, 5)
	if err != nil || len(hist) != 1 || hist[0].Action != "created" || hist[0].SubjectName != "" {
		t.Errorf("old history after 008: got %+v, %v", hist, err)
	}
	for _, q := range []string{
		// money without an amount
		`INSERT INTO commitments (id, case_id, group_id, kind, starts_on, end_kind, created_at, updated_at) VALUES ('cm00000000000000001', '` + cs + `', '` + org + `', 'money', '2026-01-01', 'open', 'x', 'x')`,
		// an amount on housing
		`INSERT INTO commitments (id, case_id, group_id, kind, starts_on, end_kind, amount_cents, currency, frequency, created_at, updated_at) VALUES ('cm00000000000000002', '` + cs + `', '` + org + `', 'housing', '2026-01-01', 'open', 100, 'USD', 'once', 'x', 'x')`,
		// ends before it starts
		`INSERT INTO commitments (id, case_id, group_id, kind, starts_on, end_kind, ends_on, created_at, updated_at) VALUES ('cm00000000000000003', '` + cs + `', '` + org + `', 'housing', '2026-01-01', 'date', '2025-12-31', 'x', 'x')`,
		// a zero amount
		`INSERT INTO commitments (id, case_id, group_id, kind, starts_on, end_kind, amount_cents, currency, frequency, created_at, updated_at) VALUES ('cm00000000000000004', '` + cs + `', '` + org + `', 'money', '2026-01-01', 'open', 0, 'USD', 'once', 'x', 'x')`,
		// a float for an amount (STRICT)
		`INSERT INTO commitments (id, case_id, group_id, kind, starts_on, end_kind, amount_cents, currency, frequency, created_at, updated_at) VALUES ('cm00000000000000005', '` + cs + `', '` + org + `', 'money', '2026-01-01', 'open', 12.5, 'USD', 'once', 'x', 'x')`,
	} {
		if _, err := s.db.Exec(q); err == nil {
			t.Errorf("accepted, want refused by the schema: %s", q)
		}
	}
}
