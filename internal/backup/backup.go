// Package backup copies a live Puente database to a file, on demand or on a
// schedule, and restores one after checking it. It works on files and
// calls store for the SQL; it has no HTTP.
//
// A backup is one SQLite file written by VACUUM INTO: a consistent snapshot
// taken while the server keeps serving (WAL readers do not block writers),
// with only live rows (free pages, which may hold deleted values, stay
// behind). The key file is never part of it: a backup without its key
// cannot show its sensitive fields, which is the point of keeping the two
// apart.
package backup

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"puente/internal/store"
)

// Result describes one backup file.
type Result struct {
	Path  string
	Bytes int64
	// Duration is the whole time; Copy the VACUUM INTO and Check the
	// integrity check of the copy, which is most of the rest.
	Duration, Copy, Check time.Duration
}

// Make writes a consistent copy of st's database to out, which must not
// exist. The copy is made under a temporary name in out's directory (mode
// 0600), checked with PRAGMA integrity_check, synced to disk and only then
// given its name, so a file named out is always a whole, sound backup.
func Make(ctx context.Context, st *store.Store, out string) (Result, error) {
	start := time.Now()
	if _, err := os.Lstat(out); err == nil {
		return Result{}, fmt.Errorf("%s already exists: a backup never overwrites a file", out)
	}
	tmpf, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".tmp-*")
	if err != nil {
		return Result{}, fmt.Errorf("backup: %w", err)
	}
	tmp := tmpf.Name()
	tmpf.Close()
	ok := false
	defer func() {
		if !ok {
			os.Remove(tmp)
		}
	}()
	// CreateTemp made the file empty with mode 0600; VACUUM INTO accepts an
	// empty file and keeps its mode, so the copy is never readable by others.
	if err := st.VacuumInto(ctx, tmp); err != nil {
		return Result{}, fmt.Errorf("backup: %w", err)
	}
	if err := syncFile(tmp); err != nil {
		return Result{}, fmt.Errorf("backup: %w", err)
	}
	copied := time.Now()
	if err := Verify(ctx, tmp); err != nil {
		return Result{}, fmt.Errorf("backup: the copy does not check out: %w", err)
	}
	checked := time.Now()
	fi, err := os.Stat(tmp)
	if err != nil {
		return Result{}, err
	}
	if err := publish(tmp, out); err != nil {
		return Result{}, fmt.Errorf("backup: %w", err)
	}
	ok = true
	if err := syncDir(filepath.Dir(out)); err != nil {
		return Result{}, fmt.Errorf("backup: %w", err)
	}
	return Result{Path: out, Bytes: fi.Size(), Duration: time.Since(start), Copy: copied.Sub(start), Check: checked.Sub(copied)}, nil
}

// Verify opens a backup file read-only, without locks and without touching
// it (SQLite's immutable mode), and runs PRAGMA integrity_check.
func Verify(ctx context.Context, path string) error {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Set("immutable", "1")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("integrity_check: %w", err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			return err
		}
		lines = append(lines, l)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity_check: %w", err)
	}
	if len(lines) != 1 || lines[0] != "ok" {
		return fmt.Errorf("integrity_check: %v", lines)
	}
	return nil
}
