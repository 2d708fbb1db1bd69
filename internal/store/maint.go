package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"puente/internal/deadline"
	"puente/schema"
)

// ErrInUse means another Store (a running Puente, most likely) has the
// database open, so a maintenance command that must be alone refuses.
var ErrInUse = errors.New("the database is in use (is Puente running on it? stop it first)")

// maintBusyMS is how long OpenExisting's connection waits for SQLite's
// lock (another SQLite user, such as Litestream, may hold it briefly).
const maintBusyMS = 2000

// OpenExisting opens a database file that must already exist, for the
// maintenance commands (backup, restore checks, key rotation). Unlike Open
// it creates nothing and applies no migration (see Migrate), and it uses
// one connection. With exclusive it takes the database's lock (see
// fileLock) exclusively until Close: it fails with ErrInUse while a Puente
// (or another maintenance command) has the file open, and a Puente started
// meanwhile refuses to start, so nothing writes with an old key in the
// middle of a rotation or a restore. Without exclusive it shares the lock,
// like a running server.
//
// With quick false it skips the PRAGMA quick_check every other open runs:
// for callers that run the full integrity_check anyway (restore on its
// copy; backup on the copy it makes), where it would only double the time.
func OpenExisting(ctx context.Context, path string, exclusive, quick bool) (*Store, error) {
	if st, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("database %s: %w", path, err)
	} else if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("database %s: not a regular file", path)
	}
	lock, err := lockFile(path, exclusive, false)
	if errors.Is(err, ErrInUse) && !exclusive {
		// Only an exclusive holder refuses a shared lock.
		return nil, fmt.Errorf("database %s: a maintenance command (restore, rotate-key) is working on it: %w", path, ErrInUse)
	}
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", dsnWith(path, maintBusyMS, true))
	if err != nil {
		lock.release()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	rules, err := deadline.Default()
	if err != nil {
		db.Close()
		lock.release()
		return nil, err
	}
	s := &Store{db: db, now: func() time.Time { return time.Now().UTC() }, rules: rules, gate: newWriteGate(), busyMS: maintBusyMS, lock: lock,
		stmts: noStmtCache(db), rulesFP: rulesFingerprint(rules)}
	err = s.check(ctx)
	if err == nil && quick {
		err = s.QuickCheck(ctx)
	}
	if err != nil {
		s.stmts.close()
		db.Close()
		lock.release()
		if isBusy(err) {
			return nil, fmt.Errorf("database %s: %w", path, ErrInUse)
		}
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	s.audit = newAuditBatcher(s)
	return s, nil
}

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code()&0xff == sqlite3.SQLITE_BUSY || se.Code()&0xff == sqlite3.SQLITE_LOCKED
	}
	return false
}

// Migrate applies pending migrations, as Open does. Restore calls it on the
// copy it checks, to prove the backup's migrations still apply.
func (s *Store) Migrate(ctx context.Context) error { return s.migrate(ctx) }

// MigrationReport says how a database's recorded migrations compare with
// the ones this binary embeds.
type MigrationReport struct {
	Applied []string // recorded in the database and known here, in order
	Pending []string // known here and not yet applied
	Unknown []string // recorded in the database but not known here: a newer Puente made it
}

// CompareMigrations reads schema_migrations against schema.FS. A database
// that predates the table has every migration pending.
func (s *Store) CompareMigrations(ctx context.Context) (MigrationReport, error) {
	var r MigrationReport
	known, err := fs.Glob(schema.FS, "*.sql")
	if err != nil {
		return r, err
	}
	var exists int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&exists); err != nil {
		return r, err
	}
	recorded := map[string]bool{}
	if exists == 1 {
		names, err := s.Migrations(ctx)
		if err != nil {
			return r, err
		}
		for _, n := range names {
			recorded[n] = true
		}
	}
	knownSet := map[string]bool{}
	for _, n := range known {
		knownSet[n] = true
		if recorded[n] {
			r.Applied = append(r.Applied, n)
		} else {
			r.Pending = append(r.Pending, n)
		}
	}
	for n := range recorded {
		if !knownSet[n] {
			r.Unknown = append(r.Unknown, n)
		}
	}
	return r, nil
}

// Checkpoint copies the whole WAL into the database file and truncates the
// WAL to zero bytes, so that the file alone holds every commit (and values
// overwritten since are gone from the WAL).
func (s *Store) Checkpoint(ctx context.Context) error {
	var busy, logN, done int
	if err := s.db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logN, &done); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	if busy != 0 {
		return fmt.Errorf("checkpoint: %w", ErrInUse)
	}
	return nil
}

// VacuumInto writes a consistent copy of the database to path with SQLite's
// VACUUM INTO, which reads one snapshot while writers carry on (WAL), and
// copies live rows only: free pages, which may still hold old values, are
// left behind. path must not exist or be an empty file (so the caller can
// create it with the permissions it wants).
func (s *Store) VacuumInto(ctx context.Context, path string) error {
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("vacuum into %s: %w", path, err)
	}
	return nil
}
