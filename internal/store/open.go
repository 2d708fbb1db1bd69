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
	// noQuickCheck skips check's quick_check (see OpenExisting).
	noQuickCheck bool
	// stmts keeps prepared statements for reuse (stmts.go).
	stmts *stmtCache
}

// busyTimeoutMS is how long a writer waits for the lock before failing.
const busyTimeoutMS = 10000

// dsn puts every setting in the connection string, so every pooled
// connection gets them; busy_timeout comes first so the others can wait.
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

// Open opens (creating if needed) the database at path, checks its settings
// and integrity, and applies pending migrations. It refuses a database whose
// checks fail, with an error that says which.
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
	db, err := sql.Open("sqlite", dsn(path))
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
		stmts: newStmtCache(db)}
	if err := s.check(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("database %s: migrate: %w", path, err)
	}
	if _, err := s.backfillAppointmentInstants(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("database %s: appointment times: %w", path, err)
	}
	if err := s.refreshNameKeys(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("database %s: name keys: %w", path, err)
	}
	s.audit = newAuditBatcher(s)
	return s, nil
}

// check verifies that the settings in the DSN took hold and that the file
// is sound. A database that fails is never written to.
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
	if s.noQuickCheck {
		return nil
	}
	rows, err := conn.QueryContext(ctx, "PRAGMA quick_check(10)")
	if err != nil {
		return fmt.Errorf("quick_check: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("quick_check: %w", err)
		}
		problems = append(problems, line)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("quick_check: %w", err)
	}
	if len(problems) != 1 || problems[0] != "ok" {
		return fmt.Errorf("quick_check failed: %s", strings.Join(problems, "; "))
	}
	return nil
}

// Close checkpoints the WAL and closes the database.
func (s *Store) Close() error {
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
