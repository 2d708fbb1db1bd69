package backup_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"puente/internal/backup"
	"puente/internal/model"
)

// TestBackupWhileSixteenWrite: 16 clients create cases through the store,
// each pausing a second between writes as people do, while backups
// are taken. Every backup taken mid-load restores (integrity, foreign
// keys, migrations and key checks all pass) to one consistent moment: each
// case written has its one person, and the count lies between the counts
// before and after the backup. A final backup of the live database, after
// the clients stop, restores to exactly the same row counts in every
// table. No write fails.
//
// The pause keeps the writers below what the store commits per second on
// a loaded 2-core machine under -race (about 25 cases a second): writers
// that saturate it queue in SQLite's busy handler, which is not fair (a
// connection that just committed wins over those sleeping between polls),
// so one of them can wait out busy_timeout with or without a backup
// running; that is the store's concern, not this test's.
func TestBackupWhileSixteenWrite(t *testing.T) {
	f := newFixture(t, 100)
	ctx := context.Background()
	base := countStore(t, f.st)
	const writers = 16
	var acked atomic.Int64
	stop := make(chan struct{})
	errs := make(chan error, writers)
	var wg sync.WaitGroup
	for i := range writers {
		wg.Go(func() {
			for n := 0; ; n++ {
				_, err := f.st.CreateCase(ctx, f.groupID, "", model.CaseInput{Status: "arrived", Court: "Court"},
					model.PersonInput{Name: fmt.Sprintf("Writer %d case %d", i, n), DOB: "1990-01-01", ANumber: "12345678"})
				if err != nil {
					errs <- fmt.Errorf("writer %d: %w", i, err)
					return
				}
				acked.Add(1)
				select {
				case <-stop:
					return
				case <-time.After(time.Second):
				}
			}
		})
	}
	type taken struct {
		path          string
		before, after int
	}
	var during []taken
	for i := range 3 {
		time.Sleep(500 * time.Millisecond)
		before := countStore(t, f.st)["cases"]
		res, err := backup.Make(ctx, f.st, filepath.Join(f.dir, fmt.Sprintf("during-%d.db", i)))
		if err != nil {
			t.Fatalf("backup %d during writes: %v", i, err)
		}
		during = append(during, taken{res.Path, before, countStore(t, f.st)["cases"]})
		t.Logf("backup %d during writes: %d bytes in %s", i, res.Bytes, res.Duration)
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if acked.Load() < writers {
		t.Fatalf("only %d writes acknowledged: the load did not run", acked.Load())
	}
	for i, b := range during {
		rep, err := backup.Restore(ctx, b.path, filepath.Join(f.dir, fmt.Sprintf("restored-%d.db", i)), f.keyFile)
		if err != nil {
			t.Fatalf("restore of backup %d: %v", i, err)
		}
		got := rep.Rows
		if got["cases"] < b.before || got["cases"] > b.after {
			t.Errorf("backup %d holds %d cases, want between %d and %d", i, got["cases"], b.before, b.after)
		}
		if dc, dp := got["cases"]-base["cases"], got["people"]-base["people"]; dc != dp {
			t.Errorf("backup %d is not one moment: %d cases but %d people written since the start", i, dc, dp)
		}
	}
	if during[len(during)-1].before == base["cases"] {
		t.Error("no case was written before the last backup: the backups did not overlap the writes")
	}
	live := countStore(t, f.st)
	if want := base["cases"] + int(acked.Load()); live["cases"] != want {
		t.Errorf("live database holds %d cases, want %d (%d acknowledged)", live["cases"], want, acked.Load())
	}
	res, err := backup.Make(ctx, f.st, filepath.Join(f.dir, "final.db"))
	if err != nil {
		t.Fatal(err)
	}
	restored := filepath.Join(f.dir, "restored-final.db")
	rep, err := backup.Restore(ctx, res.Path, restored, f.keyFile)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rep.Rows, live) {
		t.Errorf("restored counts %v, want the live database's %v", rep.Rows, live)
	}
	if got := counts(t, restored); !reflect.DeepEqual(got, live) {
		t.Errorf("restored file counts %v, want %v", got, live)
	}
}

// TestBackupFile: the backup is private (0600), never overwrites a file,
// holds neither the key (raw or as written in the key file) nor any
// sensitive value in plain text, and leaves no temporary file.
func TestBackupFile(t *testing.T) {
	f := newFixture(t, 20)
	ctx := context.Background()
	out := filepath.Join(f.dir, "b.db")
	res, err := backup.Make(ctx, f.st, out)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", fi.Mode().Perm())
	}
	if res.Bytes != fi.Size() || res.Bytes < 4096 {
		t.Errorf("result says %d bytes, file has %d", res.Bytes, fi.Size())
	}
	b, _ := os.ReadFile(out)
	keyText, _ := os.ReadFile(f.keyFile)
	for what, needle := range map[string][]byte{
		"the raw key":       f.key,
		"the key file text": bytes.TrimSpace(keyText),
		"the key in base64": []byte(base64.StdEncoding.EncodeToString(f.key)),
	} {
		if bytes.Contains(b, needle) {
			t.Errorf("the backup contains %s", what)
		}
	}
	assertNoMarkers(t, "the backup", b)
	if _, err := backup.Make(ctx, f.st, out); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second backup to the same name: %v, want 'already exists'", err)
	}
	if after := digestBytes(out, t); !bytes.Equal(after, b) {
		t.Error("the refused second backup changed the first")
	}
	if s := strayFiles(t, f.dir); len(s) > 0 {
		t.Errorf("temporary files left: %v", s)
	}
}

func digestBytes(path string, t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCheckApart: a backup directory may not hold the key file, however
// it is spelled.
func TestCheckApart(t *testing.T) {
	dir := t.TempDir()
	backups := filepath.Join(dir, "backups")
	os.MkdirAll(filepath.Join(backups, "sub"), 0o700)
	link := filepath.Join(dir, "link")
	if err := os.Symlink(backups, link); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		dir, key string
		ok       bool
	}{
		{backups, filepath.Join(dir, "puente.db.key"), true},
		{backups, filepath.Join(dir, "backups-other", "k"), true},
		{backups, filepath.Join(backups, "puente.db.key"), false},
		{backups, filepath.Join(backups, "sub", "k"), false},
		{link, filepath.Join(backups, "k"), false},
		{backups, filepath.Join(link, "k"), false},
		{dir, filepath.Join(dir, "puente.db.key"), false},
	}
	for _, tt := range tests {
		err := backup.CheckApart(tt.dir, tt.key)
		if (err == nil) != tt.ok {
			t.Errorf("CheckApart(%s, %s) = %v, want ok=%v", tt.dir, tt.key, err, tt.ok)
		}
	}
}
