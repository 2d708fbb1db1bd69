package backup_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"puente/internal/backup"
)

// TestScheduleKeepsNewest runs the real schedule fast: it backs up at once
// (no backup recorded yet), again every interval, records each success for
// the admin's page and keeps only the newest Keep files, never touching
// other files in the directory.
func TestScheduleKeepsNewest(t *testing.T) {
	f := newFixture(t, 5)
	dir := filepath.Join(f.dir, "backups")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "notes.txt")
	os.WriteFile(other, []byte("mine"), 0o600)
	olderLookalike := filepath.Join(dir, "puente-manual.db")
	os.WriteFile(olderLookalike, []byte("mine too"), 0o600)

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	start := time.Now()
	go func() {
		backup.Run(ctx, f.st, backup.Schedule{Dir: dir, Every: 150 * time.Millisecond, Keep: 2}, slog.New(slog.NewTextHandler(io.Discard, nil)))
		close(done)
	}()
	var seen []string
	deadline := time.Now().Add(20 * time.Second)
	for len(seen) < 4 && time.Now().Before(deadline) {
		bs, err := f.st.Backups(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if bs.LastFile != "" && !slices.Contains(seen, bs.LastFile) {
			seen = append(seen, bs.LastFile)
			if len(seen) == 1 && time.Since(start) > 5*time.Second {
				t.Errorf("first backup after %s, want at once", time.Since(start))
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	<-done
	if len(seen) < 4 {
		t.Fatalf("saw %d backups in 20 s, want 4", len(seen))
	}
	var kept []string
	for _, n := range dirNames(t, dir) {
		if strings.HasPrefix(n, "puente-2") {
			kept = append(kept, n)
		}
	}
	if len(kept) != 2 {
		t.Errorf("kept %v, want the newest 2", kept)
	}
	bs, _ := f.st.Backups(context.Background())
	if !slices.Contains(kept, bs.LastFile) {
		t.Errorf("the last recorded backup %s is not among those kept %v", bs.LastFile, kept)
	}
	if bs.Failing() || bs.LastBytes < 4096 {
		t.Errorf("status %+v, want a success with its size", bs)
	}
	for _, p := range []string{other, olderLookalike} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was touched: %v", p, err)
		}
	}
	if s := strayFiles(t, dir); len(s) > 0 {
		t.Errorf("temporary files left: %v", s)
	}
}

// TestScheduleWaitsForTheInterval: with a recent success recorded, a
// restarted server does not back up again before the interval is over.
func TestScheduleWaitsForTheInterval(t *testing.T) {
	f := newFixture(t, 0)
	if err := f.st.RecordBackupOK(context.Background(), "puente-x.db", 5000); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	backup.Run(ctx, f.st, backup.Schedule{Dir: dir, Every: time.Hour, Keep: 2}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if n := dirNames(t, dir); len(n) != 0 {
		t.Errorf("backed up within the interval: %v", n)
	}
}

// TestScheduleRecordsFailure: a backup that cannot be written is logged
// and recorded as failing, for the admin's page; a later success clears it.
func TestScheduleRecordsFailure(t *testing.T) {
	f := newFixture(t, 0)
	ctx := context.Background()
	notADir := filepath.Join(f.dir, "file")
	os.WriteFile(notADir, nil, 0o600)
	var logs strings.Builder
	log := slog.New(slog.NewTextHandler(&logs, nil))
	if err := backup.Once(ctx, f.st, backup.Schedule{Dir: notADir, Every: time.Hour, Keep: 2}, log); err == nil {
		t.Fatal("backup into a file path: no error")
	}
	bs, err := f.st.Backups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !bs.Failing() || bs.LastFailed.IsZero() {
		t.Errorf("status %+v, want failing", bs)
	}
	if !strings.Contains(logs.String(), "backup failed") {
		t.Errorf("log %q does not say the backup failed", logs.String())
	}
	if err := backup.Once(ctx, f.st, backup.Schedule{Dir: t.TempDir(), Every: time.Hour, Keep: 2}, log); err != nil {
		t.Fatal(err)
	}
	if bs, _ := f.st.Backups(ctx); bs.Failing() {
		t.Errorf("status %+v after a success, want not failing", bs)
	}
}
