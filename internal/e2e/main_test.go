package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// raceEnabled is set by race_test.go when the tests run with -race.
var raceEnabled bool

// shared is what every test of the package uses: one server binary and one
// Chromium, started on first use (two cores cannot afford one per test), and
// the folder that keeps screenshots of failures after the run.
var shared struct {
	tmp string // removed after the run; holds the binary and the browser profile

	binOnce sync.Once
	bin     string
	binErr  error

	chromeOnce   sync.Once
	chrome       context.Context // a tab in the shared browser; tests open their own
	chromeCancel []context.CancelFunc
	chromeOut    syncBuffer
	chromeErr    error

	axeOnce sync.Once
	axe     string
	axeErr  error

	artOnce sync.Once
	art     string
	artErr  error
}

func TestMain(m *testing.M) {
	tmp, err := os.MkdirTemp("", "puente-e2e-run-*")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	shared.tmp = tmp
	code := m.Run()
	for i := len(shared.chromeCancel) - 1; i >= 0; i-- {
		shared.chromeCancel[i]()
	}
	os.RemoveAll(tmp)
	os.Exit(code)
}

// puenteBinary builds cmd/puente once: the tests start the real command,
// so they exercise main and run exactly as deployed.
func puenteBinary() (string, error) {
	shared.binOnce.Do(func() {
		goCmd, err := exec.LookPath("go")
		if err != nil {
			goCmd = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
		}
		bin := filepath.Join(shared.tmp, "puente")
		args := []string{"build", "-o", bin}
		if raceEnabled {
			args = append(args, "-race")
		}
		args = append(args, "puente/cmd/puente")
		cmd := exec.Command(goCmd, args...)
		if out, err := cmd.CombinedOutput(); err != nil {
			shared.binErr = fmt.Errorf("go %v: %v\n%s", args, err, out)
			return
		}
		shared.bin = bin
	})
	return shared.bin, shared.binErr
}

// chromiumPath finds the browser: PUENTE_CHROMIUM, else Debian's chromium.
func chromiumPath() (string, error) {
	if p := os.Getenv("PUENTE_CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no Chromium found: install it (Debian: apt-get update && apt-get install -y chromium) or set PUENTE_CHROMIUM to its path")
}

// browserRoot starts the one Chromium of the run and returns a context in
// it; tests open their own tab and cookie jar from it with newBrowser.
func browserRoot() (context.Context, error) {
	shared.chromeOnce.Do(func() {
		path, err := chromiumPath()
		if err != nil {
			shared.chromeErr = err
			return
		}
		profile, err := os.MkdirTemp(shared.tmp, "profile-*")
		if err != nil {
			shared.chromeErr = err
			return
		}
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(path),
			chromedp.Headless,
			chromedp.NoSandbox, // root in CI containers
			chromedp.DisableGPU,
			chromedp.NoFirstRun,
			// Without these Chromium keeps phoning home, and on a machine
			// without internet its refused connections slow everything.
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			// English unless a test switches: the server follows Accept-Language.
			chromedp.Flag("lang", "en-US"),
			chromedp.Flag("accept-lang", "en-US,en"),
			chromedp.UserDataDir(profile),
			chromedp.CombinedOutput(&shared.chromeOut),
		)
		actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel := chromedp.NewContext(actx)
		shared.chromeCancel = append(shared.chromeCancel, acancel, cancel)
		if err := chromedp.Do(ctx); err != nil {
			shared.chromeErr = fmt.Errorf("starting %s: %v\n%s", path, err, shared.chromeOut.String())
			return
		}
		shared.chrome = ctx
	})
	return shared.chrome, shared.chromeErr
}

// axeSource is axe-core's script, installed by npm from testdata/package-lock.json.
func axeSource() (string, error) {
	shared.axeOnce.Do(func() {
		b, err := os.ReadFile(filepath.Join("testdata", "node_modules", "axe-core", "axe.min.js"))
		if err != nil {
			shared.axeErr = fmt.Errorf("axe-core is not installed (%v): run `npm ci --prefix internal/e2e/testdata` from the repository root", err)
			return
		}
		shared.axe = string(b)
	})
	return shared.axe, shared.axeErr
}

// artifactDir is where screenshots of failures go; it outlives the run so
// that a failure can be looked at.
func artifactDir() (string, error) {
	shared.artOnce.Do(func() {
		shared.art, shared.artErr = os.MkdirTemp("", "puente-e2e-*")
	})
	return shared.art, shared.artErr
}

// syncBuffer collects a process's output while it runs.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestToolsInstalled fails early and clearly when the machine lacks what
// the other tests need.
func TestToolsInstalled(t *testing.T) {
	if _, err := axeSource(); err != nil {
		t.Fatal(err)
	}
	if _, err := browserRoot(); err != nil {
		t.Fatal(err)
	}
	if _, err := puenteBinary(); err != nil {
		t.Fatal(err)
	}
}
