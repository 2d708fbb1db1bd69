package backup_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"puente/internal/backup"
	"puente/internal/secret"
	"puente/internal/store"
)

// makeBackup writes a backup of f to a new file and returns its path.
func makeBackup(t *testing.T, f *fixture, name string) string {
	t.Helper()
	res, err := backup.Make(context.Background(), f.st, filepath.Join(f.dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return res.Path
}

// execOn runs SQL on a database file directly, as damage or tampering
// would, outside Puente's checks.
func execOn(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(DELETE)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func copyTo(t *testing.T, src, dst string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestRestoreRefuses: each damaged, foreign or mismatched backup is
// refused with a message that says why, the database in place is left
// byte for byte as it was, the backup is only read, and no temporary file
// stays behind.
func TestRestoreRefuses(t *testing.T) {
	f := newFixture(t, 30)
	good := makeBackup(t, f, "good.db")
	goodBytes, _ := os.ReadFile(good)
	pageSize := 4096
	work := t.TempDir()
	otherKey := filepath.Join(work, "other.key")
	if _, _, err := secret.LoadKeyFile(otherKey, true); err != nil {
		t.Fatal(err)
	}

	half := len(goodBytes) / 2 / pageSize * pageSize
	write := func(name string, b []byte) string {
		p := filepath.Join(work, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	garbage := bytes.Clone(goodBytes)
	for i := 0; i < pageSize; i++ {
		garbage[half+i] = 0xA5
	}
	badHeader := bytes.Clone(goodBytes)
	badHeader[16], badHeader[17] = 0x03, 0x00 // page size 768: not a power of two

	moved := copyTo(t, good, filepath.Join(work, "moved.db"))
	execOn(t, moved, `UPDATE people SET anumber_enc = (SELECT anumber_enc FROM people WHERE anumber_enc IS NOT NULL ORDER BY id LIMIT 1)
		WHERE id = (SELECT id FROM people WHERE anumber_enc IS NOT NULL ORDER BY id LIMIT 1 OFFSET 1)`)
	future := copyTo(t, good, filepath.Join(work, "future.db"))
	execOn(t, future, `INSERT INTO schema_migrations (name, applied_at) VALUES ('999_future.sql', '2030-01-01T00:00:00.000000Z')`)
	// 002 is recorded as not applied although its tables exist: applying it
	// again fails, as a migration that no longer fits the data would.
	unapplicable := copyTo(t, good, filepath.Join(work, "unapplicable.db"))
	execOn(t, unapplicable, `DELETE FROM schema_migrations WHERE name = '002_cases.sql'`)
	foreign := filepath.Join(work, "foreign.db")
	execOn(t, foreign, `CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)`, `INSERT INTO notes (body) VALUES ('hello')`)
	badFK := copyTo(t, good, filepath.Join(work, "badfk.db"))
	execOn(t, badFK, `PRAGMA foreign_keys = OFF`, `UPDATE people SET case_id = 'no-such-case-000000' WHERE rowid = (SELECT min(rowid) FROM people)`)

	tests := []struct {
		name, from, key, want string
	}{
		{"truncated to half", write("half.db", goodBytes[:half]), f.keyFile, "truncated"},
		{"cut mid-page", write("cut.db", goodBytes[:half+1000]), f.keyFile, "truncated"},
		{"a page overwritten", write("garbage.db", garbage), f.keyFile, "check"},
		{"damaged header", write("header.db", badHeader), f.keyFile, "page size"},
		{"not a database", write("text.db", []byte(strings.Repeat("not sqlite at all\n", 400))), f.keyFile, "not a SQLite database"},
		{"empty file", write("empty.db", nil), f.keyFile, "not a SQLite database"},
		{"missing file", filepath.Join(work, "nothing.db"), f.keyFile, "no such file"},
		{"another key", good, otherKey, "key file does not open this backup"},
		{"missing key file", good, filepath.Join(work, "none.key"), "key file"},
		{"a sealed value moved to another row", moved, f.keyFile, "does not open every sensitive field"},
		{"made by a newer Puente", future, f.keyFile, "999_future.sql"},
		{"a migration that does not apply", unapplicable, f.keyFile, "migrations do not apply"},
		{"not a Puente database", foreign, f.keyFile, "not a Puente database"},
		{"a broken foreign key", badFK, f.keyFile, "foreign_key_check"},
	}
	f.closeStore(t)
	before := digest(t, f.db)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fromBefore []byte
			if b, err := os.ReadFile(tt.from); err == nil {
				fromBefore = b
			}
			_, err := backup.Restore(context.Background(), tt.from, f.db, tt.key)
			var refused *backup.RefusedError
			if !errors.As(err, &refused) {
				t.Fatalf("Restore: %v, want a refusal", err)
			}
			t.Logf("refused: %v", err)
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("message %q does not say %q", err, tt.want)
			}
			if digest(t, f.db) != before {
				t.Error("the database in place changed")
			}
			if fromBefore != nil {
				if b, _ := os.ReadFile(tt.from); !bytes.Equal(b, fromBefore) {
					t.Error("the backup file changed")
				}
			}
			if s := strayFiles(t, f.dir); len(s) > 0 {
				t.Errorf("temporary files left: %v", s)
			}
		})
	}
	if _, err := os.Stat(f.db + "-wal"); err == nil {
		t.Error("a -wal appeared beside the untouched database")
	}
}

// TestRestoreRefusesWhileServing: a Store open on the target (a running
// Puente) makes restore refuse; the database is not touched.
func TestRestoreRefusesWhileServing(t *testing.T) {
	f := newFixture(t, 5)
	good := makeBackup(t, f, "good.db")
	_, err := backup.Restore(context.Background(), good, f.db, f.keyFile)
	if !errors.Is(err, store.ErrInUse) {
		t.Fatalf("Restore onto a database in use: %v, want ErrInUse", err)
	}
	if s := strayFiles(t, f.dir); len(s) > 0 {
		t.Errorf("temporary files left: %v", s)
	}
}

// TestRestoreReplaces: a restore over a database that crashed with
// commits only in its WAL puts the backup in place whole: the new file
// holds the backup's rows, no stale WAL sits beside it, and the old
// database (WAL folded in) is kept aside with its own rows.
func TestRestoreReplaces(t *testing.T) {
	f := newFixture(t, 10)
	ctx := context.Background()
	good := makeBackup(t, f, "good.db")
	want := countStore(t, f.st)

	// A crash image: the main file and WAL copied while the store is open,
	// after more writes than the backup has.
	crashDir := t.TempDir()
	target := filepath.Join(crashDir, "puente.db")
	for range 5 {
		if _, err := f.st.CreateCase(ctx, f.groupID, "", modelCase(), modelPerson()); err != nil {
			t.Fatal(err)
		}
	}
	later := countStore(t, f.st)
	copyTo(t, f.db, target)
	if _, err := os.Stat(f.db + "-wal"); err != nil {
		t.Fatalf("the crash image needs a WAL: %v", err)
	}
	copyTo(t, f.db+"-wal", target+"-wal")

	rep, err := backup.Restore(ctx, good, target, f.keyFile)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rep.Rows, want) {
		t.Errorf("restore report %v, want %v", rep.Rows, want)
	}
	if fi, err := os.Stat(target + "-wal"); err == nil && fi.Size() > 0 {
		t.Errorf("a %d-byte WAL sits beside the restored database", fi.Size())
	}
	if got := counts(t, target); !reflect.DeepEqual(got, want) {
		t.Errorf("restored database counts %v, want the backup's %v", got, want)
	}
	if rep.Previous == "" {
		t.Fatal("no previous database kept")
	}
	if got := counts(t, rep.Previous); !reflect.DeepEqual(got, later) {
		t.Errorf("kept previous database counts %v, want %v", got, later)
	}
	if fi, err := os.Stat(target); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("restored database mode: %v %v, want 0600", fi.Mode().Perm(), err)
	}
	if s := strayFiles(t, crashDir); len(s) > 0 {
		t.Errorf("temporary files left: %v", s)
	}
	// The application opens it with the key.
	st, err := store.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.UseKey(ctx, f.key); err != nil {
		t.Errorf("the key does not open the restored database: %v", err)
	}
}
