package store

import (
	"context"
	"database/sql"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"puente/internal/authz"
	"puente/internal/model"
	"puente/schema"
)

// TestMigration003OnExistingData: a database from before time zones gets
// Eastern time for its organisations, its appointments the group's zone
// and the instant they start (computed at start-up), and its feeds the
// account's chosen language, else English.
func TestMigration003OnExistingData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE schema_migrations (name TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL) STRICT`); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"001_foundation.sql", "002_cases.sql"} {
		body, err := fs.ReadFile(schema.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(body)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := db.Exec(`INSERT INTO schema_migrations VALUES (?, '2026-01-01T00:00:00.000000Z')`, name); err != nil {
			t.Fatal(err)
		}
	}
	const (
		g    = "00000000000000000000000000000001"
		c    = "00000000000000000000000000000002"
		a1   = "00000000000000000000000000000003"
		a2   = "00000000000000000000000000000004"
		uES  = "00000000000000000000000000000005"
		uAny = "00000000000000000000000000000006"
		at   = "2026-01-01T00:00:00.000000Z"
	)
	for _, q := range []string{
		`INSERT INTO organisations (id, kind, name, created_at) VALUES ('` + g + `', 'group', 'Old Group', '` + at + `')`,
		`INSERT INTO users (id, email, name, password_hash, lang, created_at) VALUES ('` + uES + `', 'es@example.org', 'Eva', '` + testHash + `', 'es', '` + at + `')`,
		`INSERT INTO users (id, email, name, password_hash, lang, created_at) VALUES ('` + uAny + `', 'any@example.org', 'Ana', '` + testHash + `', '', '` + at + `')`,
		`INSERT INTO cases (id, group_id, code, status, status_changed_at, created_at, updated_at) VALUES ('` + c + `', '` + g + `', 'PU-OLD001', 'arrived', '` + at + `', '` + at + `', '` + at + `')`,
		`INSERT INTO appointments (id, case_id, group_id, kind, date, time, created_at, updated_at) VALUES ('` + a1 + `', '` + c + `', '` + g + `', 'master_hearing', '2026-12-15', '09:30', '` + at + `', '` + at + `')`,
		`INSERT INTO appointments (id, case_id, group_id, kind, date, time, created_at, updated_at) VALUES ('` + a2 + `', '` + c + `', '` + g + `', 'biometrics', '2026-07-01', '', '` + at + `', '` + at + `')`,
		`INSERT INTO calendar_feeds (id, user_id, token_hash, created_at) VALUES ('00000000000000000000000000000007', '` + uES + `', '` + strings.Repeat("a", 64) + `', '` + at + `')`,
		`INSERT INTO calendar_feeds (id, user_id, token_hash, created_at) VALUES ('00000000000000000000000000000008', '` + uAny + `', '` + strings.Repeat("b", 64) + `', '` + at + `')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open after 003: %v", err)
	}
	defer s.Close()
	org, err := s.OrgForUser(ctx, uES, g)
	if err == nil {
		t.Errorf("OrgForUser without a membership: got %+v, want not found", org)
	}
	var zone string
	if err := s.db.QueryRow(`SELECT time_zone FROM organisations WHERE id = ?`, g).Scan(&zone); err != nil || zone != "America/New_York" {
		t.Errorf("old organisation's zone: got %q (%v), want America/New_York", zone, err)
	}
	appts, err := s.Appointments(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		id   string
		at   time.Time
		zone string
	}{
		{a2, time.Date(2026, 7, 1, 4, 0, 0, 0, time.UTC), "America/New_York"},     // start of the day, EDT
		{a1, time.Date(2026, 12, 15, 14, 30, 0, 0, time.UTC), "America/New_York"}, // 09:30 EST
	}
	if len(appts) != len(want) {
		t.Fatalf("appointments: got %d, want %d", len(appts), len(want))
	}
	for i, w := range want {
		if appts[i].ID != w.id || !appts[i].StartsAt.Equal(w.at) || appts[i].TimeZone != w.zone {
			t.Errorf("appointment %d: got %s %v %s, want %s %v %s", i, appts[i].ID, appts[i].StartsAt, appts[i].TimeZone, w.id, w.at, w.zone)
		}
	}
	for _, f := range []struct{ hash, lang string }{{strings.Repeat("a", 64), "es"}, {strings.Repeat("b", 64), "en"}} {
		got, err := s.FeedByToken(ctx, f.hash, "", authz.LinkLive)
		if err != nil || got.Lang != f.lang {
			t.Errorf("feed language after 003: got %q (%v), want %q", got.Lang, err, f.lang)
		}
	}
	// A second start finds nothing to fill in.
	if n, err := s.backfillAppointmentInstants(ctx); err != nil || n != 0 {
		t.Errorf("backfill on a second start: got %d (%v), want 0", n, err)
	}
}

// TestAppointmentsOrderByInstant: a case's appointments come in the order
// they happen, whatever zone each place is in, and the query uses the
// instant index.
func TestAppointmentsOrderByInstant(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	c, err := w.s.CreateCase(ctx, w.orgs["g1"].ID, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: "Order Test"})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []model.Appointment{
		{Kind: "other", Date: "2026-12-15", Time: "09:00", TimeZone: "Pacific/Honolulu", Place: "third"},  // 19:00 UTC
		{Kind: "other", Date: "2026-12-15", Time: "13:00", TimeZone: "America/New_York", Place: "second"}, // 18:00 UTC
		{Kind: "other", Date: "2026-12-15", Time: "11:00", TimeZone: "America/Chicago", Place: "first"},   // 17:00 UTC
		{Kind: "other", Date: "2026-12-15", Place: "day"},                                                 // 05:00 UTC
	} {
		if _, err := w.s.AddAppointment(ctx, c, "", a); err != nil {
			t.Fatal(err)
		}
	}
	got, err := w.s.Appointments(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, a := range got {
		order = append(order, a.Place)
	}
	if strings.Join(order, ",") != "day,first,second,third" {
		t.Errorf("order: got %v, want day,first,second,third", order)
	}
	if _, err := w.s.AddAppointment(ctx, c, "", model.Appointment{Kind: "other", Date: "2026-12-15", TimeZone: "Mars/Base"}); err != ErrBadZone {
		t.Errorf("unknown zone: got %v, want ErrBadZone", err)
	}
	for _, q := range []string{
		`SELECT a.id FROM appointments a WHERE a.case_id = 'x' ORDER BY a.starts_at, a.id`,
		`SELECT a.id FROM appointments a WHERE a.group_id = 'x' AND a.starts_at >= '2026' ORDER BY a.starts_at`,
	} {
		plan := queryPlan(t, w.s, q)
		if !strings.Contains(plan, "appointments_case_start") && !strings.Contains(plan, "appointments_group_start") {
			t.Errorf("plan of %q: got %q, want an index on the instant", q, plan)
		}
		if strings.Contains(plan, "TEMP B-TREE") {
			t.Errorf("plan of %q sorts in a temporary b-tree: %q", q, plan)
		}
	}
}

// queryPlan is EXPLAIN QUERY PLAN's details, joined.
func queryPlan(t *testing.T, s *Store, q string) string {
	t.Helper()
	rows, err := s.db.Query(`EXPLAIN QUERY PLAN ` + q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		out = append(out, detail)
	}
	return strings.Join(out, "; ")
}

// TestGroupsTakeTheirNetworksZone: a new group starts in its network's
// zone; a zone that is not on the list is refused.
func TestGroupsTakeTheirNetworksZone(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	n1 := w.orgs["n1"]
	if err := w.s.SetOrgTimeZone(ctx, n1, "America/Denver"); err != nil {
		t.Fatal(err)
	}
	g, err := w.s.CreateGroup(ctx, n1.ID, "New Group", w.users["n1admin"].ID, "192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	if g.TimeZone != "America/Denver" {
		t.Errorf("new group's zone: got %q, want its network's America/Denver", g.TimeZone)
	}
	for _, bad := range []string{"", "UTC", "America/Atlantis"} {
		if err := w.s.SetOrgTimeZone(ctx, g, bad); err != ErrBadZone {
			t.Errorf("SetOrgTimeZone(%q): got %v, want ErrBadZone", bad, err)
		}
	}
}
