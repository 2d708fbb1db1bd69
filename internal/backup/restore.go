package backup

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"puente/internal/secret"
	"puente/internal/store"
)

// RestoreReport says what Restore checked and did.
type RestoreReport struct {
	Migrations store.MigrationReport
	// Sealed counts the values the key opened, per column.
	Sealed []store.SealedCount
	// Rows counts the main tables of the restored database.
	Rows map[string]int
	// Previous is where the database that was replaced is kept ("" if there
	// was none).
	Previous string
	// Copy, Check and Replace time the three steps.
	Copy, Check, Replace time.Duration
}

// RestoreTables are the tables whose rows Restore counts for its report.
var RestoreTables = []string{"organisations", "users", "memberships", "cases", "people", "facts", "appointments", "deadlines", "marks", "case_history", "audit_log", "security_events"}

// RefusedError is a restore refused before anything was replaced.
type RefusedError struct{ Reason error }

func (e *RefusedError) Error() string {
	return "refusing to restore, nothing was changed: " + e.Reason.Error()
}

func (e *RefusedError) Unwrap() error { return e.Reason }

func refuse(format string, a ...any) error {
	return &RefusedError{Reason: fmt.Errorf(format, a...)}
}

// Restore replaces the database at dbPath with the backup from, after
// checking a copy of it: a SQLite file of the size its header says,
// PRAGMA integrity_check and foreign_key_check clean, every migration it
// records known to this Puente and the pending ones applied without error,
// and the key in keyFile opening its key check and every sealed value.
// Any failure refuses with a *RefusedError and changes nothing; the backup
// file itself is only read.
//
// The checked copy is prepared beside dbPath and renamed over it, so dbPath
// is at every moment either the old database or the whole new one. The old
// one (with its -wal, if any) is kept as dbPath.before-restore-TIME; a
// stale -wal or -shm never meets the new file. Restore refuses while
// anything (a running Puente) has dbPath open.
func Restore(ctx context.Context, from, dbPath, keyFile string) (RestoreReport, error) {
	var rep RestoreReport
	if err := checkFile(from); err != nil {
		return rep, refuse("%s: %w", from, err)
	}
	key, _, err := secret.LoadKeyFile(keyFile, false)
	if err != nil {
		return rep, refuse("%w (restore needs the key file that was in use when the backup was made)", err)
	}
	tmpf, err := os.CreateTemp(filepath.Dir(dbPath), "."+filepath.Base(dbPath)+".restore-*")
	if err != nil {
		return rep, refuse("%w", err)
	}
	tmp := tmpf.Name()
	tmpf.Close()
	os.Remove(tmp)
	done := false
	defer func() {
		if !done {
			for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm", tmp + "-journal"} {
				os.Remove(p)
			}
		}
	}()
	t0 := time.Now()
	if err := copyFile(from, tmp); err != nil {
		return rep, refuse("copy %s: %w", from, err)
	}
	t1 := time.Now()
	if rep, err = checkCopy(ctx, tmp, key); err != nil {
		return rep, refuse("%s: %w", from, err)
	}
	t2 := time.Now()
	prev, err := replace(ctx, tmp, dbPath)
	if err != nil {
		return rep, err
	}
	done = true
	rep.Previous = prev
	rep.Copy, rep.Check, rep.Replace = t1.Sub(t0), t2.Sub(t1), time.Since(t2)
	return rep, nil
}

// checkFile reads a backup's header: the SQLite magic string, and a size
// that matches the page size times the page count the header records (a
// copy cut short fails here with a clear message, before SQLite sees it).
// A backup is one file without a WAL, so its size is checked.
func checkFile(path string) error { return store.CheckFile(path, false) }

// checkCopy runs every check on the copy at tmp, applying pending
// migrations to it, and closes it with its WAL folded in.
func checkCopy(ctx context.Context, tmp string, key []byte) (RestoreReport, error) {
	var rep RestoreReport
	st, err := store.OpenExisting(ctx, tmp, true, false)
	if err != nil {
		return rep, unwrapPath(err, tmp)
	}
	closed := false
	defer func() {
		if !closed {
			st.Close()
		}
	}()
	if err := st.Integrity(ctx); err != nil {
		return rep, err
	}
	if rep.Migrations, err = st.CompareMigrations(ctx); err != nil {
		return rep, err
	}
	if len(rep.Migrations.Applied) == 0 {
		return rep, errors.New("not a Puente database (no migrations recorded)")
	}
	if len(rep.Migrations.Unknown) > 0 {
		return rep, fmt.Errorf("made by a newer Puente: migrations %s are unknown to this one; restore with that version", strings.Join(rep.Migrations.Unknown, ", "))
	}
	if err := st.Migrate(ctx); err != nil {
		return rep, fmt.Errorf("migrations do not apply: %w", err)
	}
	if err := st.UseKey(ctx, key); err != nil {
		if errors.Is(err, store.ErrWrongKey) {
			return rep, errors.New("the key file does not open this backup (a backup made before a key rotation needs the retired key kept beside the backups of that time)")
		}
		return rep, err
	}
	if rep.Sealed, err = st.CheckSealed(ctx); err != nil {
		return rep, fmt.Errorf("the key does not open every sensitive field: %w", err)
	}
	rep.Rows = map[string]int{}
	for _, t := range RestoreTables {
		if rep.Rows[t], err = st.CountRows(ctx, t); err != nil {
			return rep, err
		}
	}
	if len(rep.Migrations.Pending) > 0 {
		if err := st.Integrity(ctx); err != nil {
			return rep, fmt.Errorf("after migrations: %w", err)
		}
	}
	if err := st.Checkpoint(ctx); err != nil {
		return rep, err
	}
	closed = true
	if err := st.Close(); err != nil {
		return rep, err
	}
	if fi, err := os.Stat(tmp + "-wal"); err == nil && fi.Size() > 0 {
		return rep, errors.New("the checked copy kept a WAL after closing")
	}
	return rep, syncFile(tmp)
}

// unwrapPath turns a store error about the temporary copy into one that
// does not name the temporary file.
func unwrapPath(err error, tmp string) error {
	return errors.New(strings.ReplaceAll(err.Error(), "database "+tmp+": ", ""))
}

// replace puts the checked file tmp at dbPath. A database already there is
// opened alone (refused with store.ErrInUse while a server has it), its WAL
// folded in, and kept under a new name; then one rename swaps the files.
func replace(ctx context.Context, tmp, dbPath string) (string, error) {
	if _, err := os.Lstat(dbPath); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, dbPath); err != nil {
			return "", refuse("%w", err)
		}
		return "", syncDir(filepath.Dir(dbPath))
	}
	old, err := store.OpenExisting(ctx, dbPath, true, false)
	switch {
	case errors.Is(err, store.ErrInUse):
		return "", refuse("%w", err)
	case err == nil:
		cerr := old.Checkpoint(ctx)
		if err := old.Close(); err != nil && cerr == nil {
			cerr = err
		}
		if errors.Is(cerr, store.ErrInUse) {
			return "", refuse("%s: %w", dbPath, cerr)
		}
	}
	// A current database that does not open (damaged: often why one
	// restores) is kept aside as it is, with its WAL.
	prev := dbPath + ".before-restore-" + time.Now().UTC().Format("20060102T150405Z")
	if err := linkOrCopy(dbPath, prev); err != nil {
		return "", refuse("keep the current database as %s: %w", prev, err)
	}
	movedWAL := false
	if _, err := os.Lstat(dbPath + "-wal"); err == nil {
		if err := os.Rename(dbPath+"-wal", prev+"-wal"); err != nil {
			os.Remove(prev)
			return "", refuse("move the current WAL aside: %w", err)
		}
		movedWAL = true
	}
	os.Remove(dbPath + "-shm")
	if err := os.Rename(tmp, dbPath); err != nil {
		if movedWAL {
			os.Rename(prev+"-wal", dbPath+"-wal")
		}
		os.Remove(prev)
		return "", refuse("rename into place: %w", err)
	}
	return prev, syncDir(filepath.Dir(dbPath))
}
