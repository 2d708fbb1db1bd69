package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	binOnce sync.Once
	binDir  string
	binErr  error
)

// testBinaries builds the server and the generator once for the package's
// tests, without -race even when the tests run with it.
func testBinaries(t *testing.T) (string, string) {
	t.Helper()
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "puente-load-test-*")
		if binErr == nil {
			binErr = buildBinaries(context.Background(), binDir, "puente", "puente-gen")
		}
	})
	if binErr != nil {
		t.Fatalf("build: %v", binErr)
	}
	return filepath.Join(binDir, "puente"), filepath.Join(binDir, "puente-gen")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// smallData keeps the tests' data generation under a second.
var smallData = []string{"-networks", "1", "-groups", "8", "-people", "2", "-invitations", "20", "-events", "300"}

// TestCrashShort is the short crash test CI runs: three SIGKILLs during
// load, restarts on the same database, every acknowledged invitation
// present afterwards and the database sound.
func TestCrashShort(t *testing.T) {
	bin, gen := testBinaries(t)
	var out bytes.Buffer
	args := append([]string{"-bin", bin, "-gen-bin", gen, "-dir", t.TempDir(),
		"-crash", "-rounds", "3", "-duration", "9s", "-clients", "16"}, smallData...)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Second)
	defer cancel()
	err := run(ctx, args, &out)
	t.Log("\n" + out.String())
	if err != nil {
		t.Fatalf("crash run: %v", err)
	}
	rounds := regexp.MustCompile(`(?m)^round \d/3: SIGKILL`).FindAllString(out.String(), -1)
	if len(rounds) != 3 {
		t.Errorf("got %d round lines, want 3", len(rounds))
	}
	m := regexp.MustCompile(`(\d+) of (\d+) acknowledged invitations present`).FindStringSubmatch(out.String())
	if m == nil || m[1] != m[2] || m[2] == "0" {
		t.Errorf("acknowledged invitations: got %q, want all present and more than none", m)
	}
}

// TestLoadShort runs the plain load for two seconds and checks the report.
func TestLoadShort(t *testing.T) {
	bin, gen := testBinaries(t)
	var out bytes.Buffer
	args := append([]string{"-bin", bin, "-gen-bin", gen, "-dir", t.TempDir(), "-duration", "2s", "-clients", "4"}, smallData...)
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	defer cancel()
	err := run(ctx, args, &out)
	t.Log("\n" + out.String())
	if err != nil {
		t.Fatalf("load run: %v", err)
	}
	for _, want := range []string{"requests:", "p95", "errors: 0", "idle VmRSS", "peak VmHWM", "PASS"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-clients", "0"}, "-clients"},
		{[]string{"-crash", "-rounds", "10", "-duration", "5s"}, "1s of -duration per round"},
		{[]string{"-writes", "2"}, "-writes"},
		{[]string{"stray"}, "unexpected argument"},
	} {
		if _, err := parseConfig(tc.args, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: got %v, want an error containing %q", tc.args, err, tc.want)
		}
	}
}

func TestPercentiles(t *testing.T) {
	var d []time.Duration
	for i := 100; i >= 1; i-- {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	got := percentiles(d, 0.5, 0.95, 0.99, 1)
	want := []time.Duration{50 * time.Millisecond, 95 * time.Millisecond, 99 * time.Millisecond, 100 * time.Millisecond}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("percentile %d: got %v, want %v", i, got[i], want[i])
		}
	}
	if p := percentiles(nil, 0.5); p[0] != 0 {
		t.Errorf("empty: got %v, want 0", p[0])
	}
}
