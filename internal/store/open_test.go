package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"puente/internal/model"
	"puente/schema"
)

func schemaFiles(t *testing.T) []string {
	t.Helper()
	names, err := fs.Glob(schema.FS, "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	if len(names) == 0 {
		t.Fatal("schema.FS holds no migrations")
	}
	return names
}

func TestOpenMigratesEmptyDatabase(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	got, err := s.Migrations(ctx)
	if err != nil {
		t.Fatalf("Migrations: %v", err)
	}
	if want := schemaFiles(t); !slices.Equal(got, want) {
		t.Errorf("Migrations = %v, want %v", got, want)
	}
	for table := range countableTables {
		if n := countRows(t, s, table); n != 0 {
			t.Errorf("CountRows(%s) = %d, want 0 in a new database", table, n)
		}
	}
	if err := s.Integrity(ctx); err != nil {
		t.Errorf("Integrity on a new database: %v", err)
	}
	if has, err := s.HasUsers(ctx); err != nil || has {
		t.Errorf("HasUsers = %v, %v; want false, nil", has, err)
	}
}

func TestOpenIsIdempotentAcrossRestarts(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "puente.db")
	s1, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("first Open: %v", err)
	}
	u, _, err := s1.Setup(ctx, SetupInput{OrgName: "Red Uno", OrgKind: model.KindNetwork, Name: "Ana", Email: "ana@example.org", PasswordHash: testHash})
	if err != nil {
		t.Fatalf("Setup: %v", err)
	}
	applied := func(s *Store) map[string]string {
		t.Helper()
		rows, err := s.db.QueryContext(ctx, `SELECT name, applied_at FROM schema_migrations`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[string]string{}
		for rows.Next() {
			var n, at string
			if err := rows.Scan(&n, &at); err != nil {
				t.Fatal(err)
			}
			out[n] = at
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	first := applied(s1)
	wantMigs, _ := s1.Migrations(ctx)
	if err := s1.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	for restart := 1; restart <= 2; restart++ {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("Open after restart %d: %v", restart, err)
		}
		got, err := s.Migrations(ctx)
		if err != nil || !slices.Equal(got, wantMigs) {
			t.Errorf("restart %d: Migrations = %v, %v; want %v, nil", restart, got, err, wantMigs)
		}
		// Same applied_at: nothing was applied a second time.
		if again := applied(s); !mapsEqual(again, first) {
			t.Errorf("restart %d: schema_migrations = %v, want %v", restart, again, first)
		}
		kept, err := s.UserByID(ctx, u.ID)
		if err != nil || kept.Email != u.Email {
			t.Errorf("restart %d: UserByID = %+v, %v; want email %q", restart, kept, err, u.Email)
		}
		for table, want := range map[string]int{"users": 1, "organisations": 1, "memberships": 1, "security_events": 1} {
			if n := countRows(t, s, table); n != want {
				t.Errorf("restart %d: CountRows(%s) = %d, want %d", restart, table, n, want)
			}
		}
		if err := s.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// corruptTablePage builds a database with many security events, closes it,
// and overwrites bytes in the middle of one leaf page of security_events.
func corruptTablePage(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 300; i++ {
		if err := s.RecordEvent(ctx, model.Event{Kind: model.EventSigninFailed, Detail: strings.Repeat("x", 250), IP: "192.0.2.1"}); err != nil {
			t.Fatal(err)
		}
	}
	var root, pageSize int64
	if err := s.db.QueryRowContext(ctx, `SELECT rootpage FROM sqlite_schema WHERE name = 'security_events'`).Scan(&root); err != nil {
		t.Fatal(err)
	}
	if err := s.db.QueryRowContext(ctx, `PRAGMA page_size`).Scan(&pageSize); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rootAt := (root - 1) * pageSize
	if b[rootAt] != 0x05 {
		t.Fatalf("root page of security_events has type %#x, want 0x05 (interior table page)", b[rootAt])
	}
	// The right-most child pointer of an interior page is a leaf of the table.
	leaf := int64(binary.BigEndian.Uint32(b[rootAt+8:]))
	leafAt := (leaf - 1) * pageSize
	if b[leafAt] != 0x0D {
		t.Fatalf("page %d has type %#x, want 0x0D (leaf table page)", leaf, b[leafAt])
	}
	// Overwrite the start of the cell content area, inside the page: the
	// first cell's length and record header become garbage.
	at := leafAt + int64(binary.BigEndian.Uint16(b[leafAt+5:]))
	n := min(256, leafAt+pageSize-at)
	copy(b[at:at+n], bytes.Repeat([]byte{0xFF}, int(n)))
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesBadDatabase(t *testing.T) {
	tests := []struct {
		name    string
		make    func(t *testing.T, path string)
		wantAny []string // the error must mention one of these
	}{
		{"not SQLite", func(t *testing.T, path string) {
			garbage := bytes.Repeat([]byte("this is not a database, just garbage bytes. "), 200)
			if err := os.WriteFile(path, garbage, 0o600); err != nil {
				t.Fatal(err)
			}
		}, []string{"not a database", "not a SQLite database"}},
		{"cut short", func(t *testing.T, path string) {
			s, err := Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b[:len(b)/2], 0o600); err != nil {
				t.Fatal(err)
			}
		}, []string{"truncated"}},
		{"corrupted table page, a migration pending", func(t *testing.T, path string) {
			corruptTablePage(t, path)
			forgetMigration(t, path, "012_next_due.sql")
		}, []string{"quick_check", "malformed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "puente.db")
			tt.make(t, path)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s, err := Open(context.Background(), path)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%s) = nil error, want a refusal", tt.name)
			}
			msg := err.Error()
			t.Logf("Open refused: %s", msg)
			if !strings.Contains(msg, path) {
				t.Errorf("error %q does not name the file %s", msg, path)
			}
			if !slices.ContainsFunc(tt.wantAny, func(w string) bool { return strings.Contains(msg, w) }) {
				t.Errorf("error %q mentions none of %q", msg, tt.wantAny)
			}
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(after, before) {
				t.Errorf("refused database file was modified (%d bytes before, %d after)", len(before), len(after))
			}
		})
	}
}

// forgetMigration deletes a migration's record, as if the file came from
// an older Puente and the migration were pending.
func forgetMigration(t *testing.T, path, name string) {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`DELETE FROM schema_migrations WHERE name = ?`, name); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
}

// TestDamagedDatabaseOpensThenRefusesWrites: a page of a table garbled
// inside a migrated database passes the cheap checks, so Open is quick
// whatever the size; QuickCheck then finds the damage, and from then on
// every write is refused with ErrUnsound and the file stays as it was.
func TestDamagedDatabaseOpensThenRefusesWrites(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "puente.db")
	corruptTablePage(t, path)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open of a database damaged inside a table: %v, want it opened (the damage is found by QuickCheck)", err)
	}
	if err := s.Unsound(); err != nil {
		t.Errorf("Unsound before QuickCheck = %v, want nil", err)
	}
	err = s.QuickCheck(ctx)
	if err == nil || !strings.Contains(err.Error(), "quick_check") {
		t.Fatalf("QuickCheck = %v, want a quick_check failure", err)
	}
	if got := s.Unsound(); got == nil || got.Error() != err.Error() {
		t.Errorf("Unsound after QuickCheck = %v, want %v", got, err)
	}
	if err := s.RecordEvent(ctx, model.Event{Kind: model.EventSigninFailed, IP: "192.0.2.9"}); !errors.Is(err, ErrUnsound) {
		t.Errorf("RecordEvent (a transaction) = %v, want ErrUnsound", err)
	}
	ss := s.Sessions(time.Hour)
	if err := ss.Commit("token-after-damage", []byte("x"), time.Now().Add(time.Hour)); !errors.Is(err, ErrUnsound) {
		t.Errorf("session Commit (a single write) = %v, want ErrUnsound", err)
	}
	ss.Stop()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(after, before) {
		t.Errorf("the damaged file was written to (%d bytes before, %d after)", len(before), len(after))
	}
}

// TestSettingsOnEveryPooledConnection holds eight connections at once, so
// they are eight distinct pooled connections, and checks each one's PRAGMAs.
func TestSettingsOnEveryPooledConnection(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	const n = 8
	want := map[string]string{
		"journal_mode":  "wal",
		"synchronous":   "2",
		"foreign_keys":  "1",
		"secure_delete": "1",
		"busy_timeout":  "10000",
	}
	type result struct {
		conn int
		got  map[string]string
		err  error
	}
	results := make(chan result, n)
	release := make(chan struct{})
	for i := 0; i < n; i++ {
		go func() {
			conn, err := s.db.Conn(ctx)
			if err != nil {
				results <- result{conn: i, err: err}
				return
			}
			defer conn.Close()
			got := map[string]string{}
			for p := range want {
				var v string
				if err := conn.QueryRowContext(ctx, "PRAGMA "+p).Scan(&v); err != nil {
					results <- result{conn: i, err: err}
					return
				}
				got[p] = strings.ToLower(v)
			}
			results <- result{conn: i, got: got}
			<-release // keep the connection busy so the others get their own
		}()
	}
	for i := 0; i < n; i++ {
		r := <-results
		if r.err != nil {
			t.Errorf("connection %d: %v", r.conn, r.err)
			continue
		}
		for p, w := range want {
			if r.got[p] != w {
				t.Errorf("connection %d: PRAGMA %s = %q, want %q", r.conn, p, r.got[p], w)
			}
		}
	}
	if open := s.db.Stats().OpenConnections; open < n {
		t.Errorf("OpenConnections = %d, want %d distinct connections checked", open, n)
	}
	close(release)
}

// TestWriteTransactionsAreImmediate checks _txlock=immediate: a second
// write transaction waits at BEGIN while the first holds the lock, instead
// of starting deferred and failing with SQLITE_BUSY at its first write.
func TestWriteTransactionsAreImmediate(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	tx1, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	begun := make(chan error, 1)
	go func() {
		tx2, err := s.db.BeginTx(ctx, nil)
		if err == nil {
			err = tx2.Rollback()
		}
		begun <- err
	}()
	select {
	case err := <-begun:
		t.Fatalf("second BEGIN returned (%v) while the first write transaction was open, want it to wait", err)
	case <-time.After(200 * time.Millisecond):
	}
	if err := tx1.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-begun; err != nil {
		t.Errorf("second BEGIN after the first committed: %v, want nil", err)
	}
}

func TestCountRowsRefusesUnknownTable(t *testing.T) {
	s, _ := openTest(t)
	if _, err := s.CountRows(context.Background(), "sqlite_schema"); err == nil {
		t.Error("CountRows(sqlite_schema) = nil error, want refusal")
	}
}

func TestIntegrityAfterUse(t *testing.T) {
	w := newWorld(t)
	if err := w.s.Integrity(context.Background()); err != nil {
		t.Errorf("Integrity = %v, want nil", err)
	}
	if err := w.s.Ping(context.Background()); err != nil {
		t.Errorf("Ping = %v, want nil", err)
	}
}
