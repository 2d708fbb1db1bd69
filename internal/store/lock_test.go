package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMaintenanceLock: servers share the database; a maintenance command
// that must be alone is refused while one serves, and a server is refused
// while such a command works. A shared (backup) open goes beside a server.
func TestMaintenanceLock(t *testing.T) {
	ctx := context.Background()
	s, path := openTest(t)
	second, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("a second server on the same database: %v", err)
	}
	second.Close()
	if _, err := OpenExisting(ctx, path, true, true); !errors.Is(err, ErrInUse) {
		t.Fatalf("exclusive open while serving: %v, want ErrInUse", err)
	}
	shared, err := OpenExisting(ctx, path, false, true)
	if err != nil {
		t.Fatalf("shared open while serving: %v", err)
	}
	shared.Close()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	alone, err := OpenExisting(ctx, path, true, true)
	if err != nil {
		t.Fatalf("exclusive open of an idle database: %v", err)
	}
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "maintenance command") {
		t.Errorf("server start during maintenance: %v, want a refusal naming the maintenance command", err)
	}
	if _, err := OpenExisting(ctx, path, false, true); !errors.Is(err, ErrInUse) {
		t.Errorf("shared open during maintenance: %v, want ErrInUse", err)
	}
	alone.Close()
	again, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("server start after maintenance: %v", err)
	}
	again.Close()
	// openTest's cleanup closes s again: harmless.
}

// TestOpenExistingCreatesNothing: maintenance never makes a database where
// there was none.
func TestOpenExistingCreatesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.db")
	for _, excl := range []bool{false, true} {
		if _, err := OpenExisting(context.Background(), path, excl, true); err == nil {
			t.Errorf("OpenExisting(missing, %v): no error", excl)
		}
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("OpenExisting created the file")
	}
}

// TestNewDatabaseIsPrivate: a database Puente creates, and its WAL, are
// readable by their owner only.
func TestNewDatabaseIsPrivate(t *testing.T) {
	s, path := openTest(t)
	if err := s.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal"} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", filepath.Base(p), fi.Mode().Perm())
		}
	}
}
