// Package store holds all of Puente's SQL: opening the database with its
// safety settings, migrations, the session store and one file per aggregate.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"modernc.org/sqlite"

	sqlite3 "modernc.org/sqlite/lib"
	"puente/internal/deadline"
	"puente/internal/secret"
)

// Store is Puente's database. Every exported method runs in its own
// transaction or a single statement.
type Store struct {
	db    *sql.DB
	now   func() time.Time
	box   *secret.Box
	rules *deadline.RuleSet
	audit *auditBatcher
	// gate queues this process's writers for SQLite's one write lock.
	gate writeGate
	// busyMS is the busy_timeout the DSN set, which check verifies.
	busyMS int
	// lock is held from Open to Close (see fileLock).
	lock *fileLock
	// unsound is set when QuickCheck fails: writes are refused from then on.
	unsound atomic.Pointer[error]
	// stmts keeps prepared statements for reuse (stmts.go).
	stmts *stmtCache
	// rulesFP fingerprints rules (rulesFingerprint); recompute is the
	// background pass that applies a rule change (recompute.go).
	rulesFP   string
	recompute recomputer
	// opened keeps sealed deadline dates already opened (opened.go).
	opened openedCache
	// faults, set only by tests, fails a multi-step write after a named
	// step (handoff.go, queue_close.go), to prove it all-or-nothing.
	faults func(step string) error
}

// busyTimeoutMS is how long a writer waits for the lock before failing.
const busyTimeoutMS = 10000

// dsn puts every setting in the connection string, so every pooled
// connection gets them; busy_timeout comes first so the others can wait.
// cache_size is 16 MiB of pages per connection (SQLite's default is 2 MiB;
// PocketBase uses 16 MB too): the group home page's reads of a 300-case
// group did not fit in 2 MiB and re-read about 1.2 ms of pages from the
// file per request (pread in its CPU profile); the network dashboard's at
// 20,000 placements touch about 11 MiB of index pages (the queue's state
// index alone is 5 MiB), and with 8 MiB re-read 10 to 17 ms of them a
// request. At most 8 connections: 128 MiB at worst, allocated only as
// pages are read.
func dsn(path string) string { return dsnWith(path, busyTimeoutMS, false) }

// dsnWith is dsn with another busy timeout and, for maintenance (see
// OpenExisting), an existing file only (mode=rw).
func dsnWith(path string, busyMS int, mustExist bool) string {
	q := url.Values{}
	for _, p := range []string{
		fmt.Sprintf("busy_timeout(%d)", busyMS),
		"journal_mode(WAL)",
		"synchronous(FULL)",
		"foreign_keys(1)",
		"secure_delete(1)",
		"cache_size(-16384)",
	} {
		q.Add("_pragma", p)
	}
	if mustExist {
		q.Set("mode", "rw")
	}
	q.Set("_txlock", "immediate")
	q.Set("_time_format", "sqlite")
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// driverName is the database/sql driver Open uses: modernc.org/sqlite's,
// unless a measurement put a wrapper of it in its place (UseDriver).
var driverName = "sqlite"

// UseDriver makes later Opens use the database/sql driver registered as
// name, which must wrap modernc.org/sqlite's driver (sql.Open("sqlite",
// "").Driver()) and accept the same data source names. It is for
// measurements: the web package's BenchmarkPageSQL wraps the driver
// to time the SQL a page runs. Call it before Open, never beside a
// running server; "" restores the plain driver.
func UseDriver(name string) {
	if name == "" {
		name = "sqlite"
	}
	driverName = name
}

// Open opens (creating if needed) the database at path, checks what is
// cheap to check (the file's header, the connection settings, that the
// schema reads, the migrations it records) and applies pending migrations.
// It refuses a database whose checks fail, with an error that says which.
//
// Its time does not grow with the database: the full integrity check reads
// every page, so the server runs it after it listens (QuickCheck). Only
// before a migration, which rewrites tables, does Open run it first: a
// damaged file is never migrated.
func Open(ctx context.Context, path string) (*Store, error) {
	lock, err := lockFile(path, false, true)
	if err != nil {
		if errors.Is(err, ErrInUse) {
			return nil, fmt.Errorf("database %s: a maintenance command (restore, rotate-key) is working on it: wait for it to finish", path)
		}
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	s, err := open(ctx, path, lock)
	if err != nil {
		lock.release()
	}
	return s, err
}

func open(ctx context.Context, path string, lock *fileLock) (*Store, error) {
	if err := checkHeader(path); err != nil {
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	db, err := sql.Open(driverName, dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// Writers serialise on SQLite's lock anyway; a few connections let reads
	// run beside one writer under WAL.
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	db.SetConnMaxIdleTime(5 * time.Minute)
	rules, err := deadline.Default()
	if err != nil {
		db.Close()
		return nil, err
	}
	s := &Store{db: db, now: func() time.Time { return time.Now().UTC() }, rules: rules, gate: newWriteGate(), busyMS: busyTimeoutMS, lock: lock,
		stmts: newStmtCache(db), rulesFP: rulesFingerprint(rules)}
	fail := func(what string, err error) (*Store, error) {
		s.stmts.close()
		db.Close()
		if what != "" {
			return nil, fmt.Errorf("database %s: %s: %w", path, what, err)
		}
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	if err := s.check(ctx); err != nil {
		return fail("", err)
	}
	mig, err := s.CompareMigrations(ctx)
	if err != nil {
		return fail("read migrations", err)
	}
	if len(mig.Unknown) > 0 {
		return fail("", fmt.Errorf("made by a newer Puente (unknown migrations %s): run that version, or restore a backup made by this one", strings.Join(mig.Unknown, ", ")))
	}
	if len(mig.Pending) > 0 && len(mig.Applied) > 0 {
		if err := s.QuickCheck(ctx); err != nil {
			return fail("before migrating", err)
		}
	}
	if err := s.migrate(ctx); err != nil {
		return fail("migrate", err)
	}
	if _, err := s.backfillAppointmentInstants(ctx); err != nil {
		return fail("appointment times", err)
	}
	if err := s.refreshNameKeys(ctx); err != nil {
		return fail("name keys", err)
	}
	s.audit = newAuditBatcher(s)
	return s, nil
}

// check verifies that the settings in the DSN took hold and that the
// schema reads. A database that fails is never written to.
func (s *Store) check(ctx context.Context) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close()
	want := []struct {
		pragma, value string
	}{
		{"journal_mode", "wal"},
		{"synchronous", "2"},
		{"foreign_keys", "1"},
		{"secure_delete", "1"},
		{"busy_timeout", fmt.Sprint(s.busyMS)},
	}
	for _, w := range want {
		var got string
		if err := conn.QueryRowContext(ctx, "PRAGMA "+w.pragma).Scan(&got); err != nil {
			return fmt.Errorf("read PRAGMA %s: %w", w.pragma, err)
		}
		if !strings.EqualFold(got, w.value) {
			return fmt.Errorf("PRAGMA %s is %q, want %q", w.pragma, got, w.value)
		}
	}
	// Reading the schema parses every table's definition: a damaged
	// sqlite_schema fails here.
	var n int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&n); err != nil {
		return fmt.Errorf("read the schema: %w", err)
	}
	return nil
}

// Close checkpoints the WAL and closes the database.
func (s *Store) Close() error {
	s.stopRecompute()
	s.audit.close()
	s.stmts.close()
	s.finalCheckpoint()
	err := s.db.Close()
	s.lock.release()
	return err
}

// finalCheckpoint folds the WAL into the database file and truncates it,
// so a stopped Puente leaves one file. A reader in another process blocks
// the truncation: Litestream holds a read transaction for as long as it
// runs, so waiting the full busy timeout would only add 10 s to every
// shutdown. One second is enough for a backup's read to end; otherwise the
// next start (or Litestream) checkpoints instead.
func (s *Store) finalCheckpoint() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = 1000"); err != nil {
		return
	}
	_, _ = conn.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
}

// Ping reports whether the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	return s.db.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// SetClock replaces the store's clock; tests use it to move time.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// Integrity runs PRAGMA integrity_check and foreign_key_check, for the crash
// test and backups: it returns nil only if both are clean.
func (s *Store) Integrity(ctx context.Context) error {
	// Up to 6 lines: SQLite's first line only names the schema.
	lines, err := s.pragmaLines(ctx, "PRAGMA integrity_check(6)")
	if err != nil {
		return fmt.Errorf("integrity_check: %w", err)
	}
	if len(lines) != 1 || lines[0] != "ok" {
		return fmt.Errorf("integrity_check: %s", strings.Join(lines, "; "))
	}
	rows, err := s.db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		return errors.New("foreign_key_check reports violations")
	}
	return rows.Err()
}

// pragmaLines runs a PRAGMA that answers one text column and returns its rows.
func (s *Store) pragmaLines(ctx context.Context, q string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// tx runs fn in one immediate write transaction.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	if err := s.writable(); err != nil {
		return err
	}
	if err := s.gate.lock(ctx); err != nil {
		return err
	}
	defer s.gate.unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// translate maps driver errors to model errors.
func translate(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return errNotFound
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return errConflict
		}
	}
	return err
}

// tsLayout is RFC 3339 with a fixed six-digit fraction, so that stored
// times compare correctly as text ("…:00Z" would sort after "…:00.5Z").
const tsLayout = "2006-01-02T15:04:05.000000Z"

func ts(t time.Time) string { return t.UTC().Format(tsLayout) }

func parseTS(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

func parseNullTS(s sql.NullString) time.Time {
	if !s.Valid {
		return time.Time{}
	}
	return parseTS(s.String)
}

func nullStr(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

// countableTables are the tables CountRows may count; the name is never
// taken from input, but the allow-list keeps SQL out of string building.
var countableTables = map[string]string{
	"users":           `SELECT count(*) FROM users`,
	"organisations":   `SELECT count(*) FROM organisations`,
	"memberships":     `SELECT count(*) FROM memberships`,
	"invitations":     `SELECT count(*) FROM invitations`,
	"password_resets": `SELECT count(*) FROM password_resets`,
	"security_events": `SELECT count(*) FROM security_events`,
	"sessions":        `SELECT count(*) FROM sessions`,
	"cases":           `SELECT count(*) FROM cases`,
	"people":          `SELECT count(*) FROM people`,
	"facts":           `SELECT count(*) FROM facts`,
	"appointments":    `SELECT count(*) FROM appointments`,
	"deadlines":       `SELECT count(*) FROM deadlines`,
	"marks":           `SELECT count(*) FROM marks`,
	"case_history":    `SELECT count(*) FROM case_history`,
	"audit_log":       `SELECT count(*) FROM audit_log`,
	"calendar_feeds":  `SELECT count(*) FROM calendar_feeds`,
	// Commitments and coverage (008).
	"commitments":         `SELECT count(*) FROM commitments`,
	"commitment_holders":  `SELECT count(*) FROM commitment_holders`,
	"commitment_records":  `SELECT count(*) FROM commitment_records`,
	"case_needs":          `SELECT count(*) FROM case_needs`,
	"appointment_signups": `SELECT count(*) FROM appointment_signups`,
	// Email (017).
	"outbox":       `SELECT count(*) FROM outbox`,
	"digests_sent": `SELECT count(*) FROM digests_sent`,
	// Sponsor groups (019).
	"network_regions":  `SELECT count(*) FROM network_regions`,
	"vetting_items":    `SELECT count(*) FROM vetting_items`,
	"sponsor_profiles": `SELECT count(*) FROM sponsor_profiles`,
	"vetting_records":  `SELECT count(*) FROM vetting_records`,
	// The queue and offers (020).
	"queue_entries":       `SELECT count(*) FROM queue_entries`,
	"queue_state_changes": `SELECT count(*) FROM queue_state_changes`,
	"queue_offers":        `SELECT count(*) FROM queue_offers`,
	// Checklists (015).
	"case_checklists":      `SELECT count(*) FROM case_checklists`,
	"case_checklist_items": `SELECT count(*) FROM case_checklist_items`,
	"checklist_versions":   `SELECT count(*) FROM checklist_versions`,
}

// CountRows returns how many rows table holds, for tests that check a
// rejected form wrote nothing and for the data generator's report.
func (s *Store) CountRows(ctx context.Context, table string) (int, error) {
	q, ok := countableTables[table]
	if !ok {
		return 0, fmt.Errorf("store: cannot count %q", table)
	}
	var n int
	err := s.db.QueryRowContext(ctx, q).Scan(&n)
	return n, err
}
