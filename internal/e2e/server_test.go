package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"puente/internal/auth"
	"puente/internal/demo"
)

// server is one running puente process on a temporary database.
type server struct {
	URL string // http://127.0.0.1:PORT, no trailing slash
	// SetupPath is the one-time setup link the server printed on its
	// console, as a path ("/setup?token=..."); empty with the demo data.
	SetupPath string
	out       *syncBuffer
	// codes is the authenticator app of this server's accounts: each time
	// step once per account (a fresh database each time). secrets are the
	// keys of accounts set up during a test; demo accounts that need one
	// use demo.TOTPSecret.
	codes   auth.Authenticator
	mu      sync.Mutex
	secrets map[string]string
}

// secret is the authenticator key of email on this server, or "".
func (s *server) secret(email string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if k, ok := s.secrets[email]; ok {
		return k
	}
	for _, a := range demo.Accounts {
		if a.Email == email && a.NeedsSecondFactor() {
			return demo.TOTPSecret
		}
	}
	return ""
}

// setSecret records the key email set up during the test.
func (s *server) setSecret(email, key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.secrets == nil {
		s.secrets = map[string]string{}
	}
	s.secrets[email] = key
}

var (
	listenRE   = regexp.MustCompile(`msg=listening addr=(\S+)`)
	setupURLRE = regexp.MustCompile(`setup_url="?http://[^/\s"]+(/setup\?token=[^"\s]+)`)
)

// startServer starts the real command on 127.0.0.1:0 and a fresh database,
// with the demo data set if demo is true (and any extra flags), and stops
// it when the test ends.
// The test fails if the server logged an error meanwhile: a 500 or a panic
// is a bug even when the page looked fine.
func startServer(t *testing.T, demo bool, extra ...string) *server {
	t.Helper()
	bin, err := puenteBinary()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	args := []string{"-addr", "127.0.0.1:0", "-db", filepath.Join(dir, "puente.db")}
	if demo {
		args = append(args, "-demo")
	}
	args = append(args, extra...)
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PUENTE_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	out := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	var exitErr error
	go func() { exitErr = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		select {
		case <-exited:
			return // it ended early, and that was reported
		default:
		}
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
			if exitErr != nil {
				t.Errorf("server exit: %v\n%s", exitErr, out.String())
			}
		case <-time.After(15 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
			t.Errorf("server did not stop within 15 s of SIGINT")
		}
		for _, line := range strings.Split(out.String(), "\n") {
			if strings.Contains(line, "level=ERROR") || strings.Contains(line, "WARNING: DATA RACE") {
				t.Errorf("server log: %s", line)
			}
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := listenRE.FindStringSubmatch(out.String()); m != nil {
			srv := &server{URL: "http://" + m[1], out: out}
			if !demo {
				// The setup line follows the listening line.
				for time.Now().Before(deadline) {
					if s := setupURLRE.FindStringSubmatch(out.String()); s != nil {
						srv.SetupPath = s[1]
						break
					}
					time.Sleep(10 * time.Millisecond)
				}
				if srv.SetupPath == "" {
					t.Fatalf("server printed no setup link:\n%s", out.String())
				}
			}
			return srv
		}
		select {
		case <-exited:
			t.Fatalf("server ended early: %v\n%s", exitErr, out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("server did not start listening within 30 s:\n%s", out.String())
	return nil
}
