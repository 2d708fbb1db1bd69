package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"puente/internal/demo"
	"puente/internal/i18n"
	"puente/internal/store"
)

// syncBuffer collects run's output while it runs.
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

var listenRE = regexp.MustCompile(`msg=listening addr=(\S+)`)

// startRun runs the real run on port 0 and returns its address and a stop
// function that cancels it and returns its error.
func startRun(t *testing.T, args []string, env map[string]string) (string, *syncBuffer, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan error, 1)
	go func() { done <- run(ctx, args, func(k string) string { return env[k] }, out) }()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := listenRE.FindStringSubmatch(out.String()); m != nil {
			stop := func() error {
				cancel()
				select {
				case err := <-done:
					return err
				case <-time.After(20 * time.Second):
					return errors.New("run did not stop within 20 s")
				}
			}
			return m[1], out, stop
		}
		select {
		case err := <-done:
			cancel()
			t.Fatalf("run ended early: %v\n%s", err, out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	cancel()
	t.Fatalf("run did not start listening:\n%s", out.String())
	return "", nil, nil
}

// TestRunEndToEnd starts the real server with the demo data on a temp
// database, signs in and out over HTTP, and shuts it down cleanly.
func TestRunEndToEnd(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "e2e.db")
	addr, out, stop := startRun(t, []string{"-addr", "127.0.0.1:0", "-demo"}, map[string]string{"PUENTE_DB": dbPath})
	base := "http://" + addr
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 30 * time.Second}

	get := func(path string) (int, string) {
		t.Helper()
		res, err := c.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}

	if code, body := get("/healthz"); code != 200 || body != "ok" {
		t.Fatalf("healthz: got %d %q, want 200 \"ok\"", code, body)
	}
	// Not signed in: the home page leads to the sign-in form.
	if code, body := get("/"); code != 200 || !strings.Contains(body, `action="/login"`) {
		t.Fatalf("home before sign-in: got %d, want the sign-in form", code)
	}
	// A coordinator: the password, then a code from the demo's key.
	status, body := demoSignIn(t, c, base, demo.Accounts[2].Email)
	if status != 200 || !strings.Contains(body, "Alpha Congregation Circle") {
		t.Fatalf("after sign-in: got %d, want the group's home page; body %.400s", status, body)
	}
	if !strings.Contains(out.String(), "authenticator_key="+demo.TOTPSecret) {
		t.Errorf("the demo did not print its authenticator key:\n%s", out.String())
	}
	res, err := c.PostForm(base+"/logout", url.Values{})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if code, body := get("/"); code != 200 || !strings.Contains(body, `action="/login"`) {
		t.Fatalf("home after sign-out: got %d, want the sign-in form", code)
	}
	if err := stop(); err != nil {
		t.Fatalf("shutdown: got %v, want nil", err)
	}
	if !strings.Contains(out.String(), "msg=stopped") {
		t.Errorf("log lacks the clean stop line:\n%s", out.String())
	}
	if strings.Contains(out.String(), demo.Accounts[2].Email) {
		t.Errorf("the log contains a sign-in email address")
	}

	// Restarting on the same database applies no migration twice and keeps the data.
	st, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer st.Close()
	if n, _ := st.CountRows(context.Background(), "users"); n != len(demo.Accounts) {
		t.Errorf("users after restart: got %d, want %d", n, len(demo.Accounts))
	}
}

// TestDemoRefusesNonEmptyDatabase: -demo on a database with accounts fails
// with a clear message and changes nothing.
func TestDemoRefusesNonEmptyDatabase(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "demo.db")
	_, _, stop := startRun(t, []string{"-addr", "127.0.0.1:0", "-db", dbPath, "-demo"}, nil)
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := st.CountRows(context.Background(), "users")
	orgsBefore, _ := st.CountRows(context.Background(), "organisations")
	st.Close()

	err = run(context.Background(), []string{"-addr", "127.0.0.1:0", "-db", dbPath, "-demo"}, func(string) string { return "" }, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "already has accounts") {
		t.Fatalf("second -demo: got %v, want a refusal naming existing accounts", err)
	}
	st, err = store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	after, _ := st.CountRows(context.Background(), "users")
	orgsAfter, _ := st.CountRows(context.Background(), "organisations")
	if after != before || orgsAfter != orgsBefore {
		t.Errorf("rows changed: users %d→%d, organisations %d→%d", before, after, orgsBefore, orgsAfter)
	}
}

func TestConfig(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		want    config
		wantErr string
	}{
		{name: "defaults", want: config{addr: "127.0.0.1:8080", dbPath: "./puente.db", baseURL: ""}},
		{name: "env", env: map[string]string{"PUENTE_ADDR": ":9000", "PUENTE_DB": "/x.db", "PUENTE_BASE_URL": "https://p.example.org/"},
			want: config{addr: ":9000", dbPath: "/x.db", baseURL: "https://p.example.org"}},
		{name: "flags win", args: []string{"-addr", "127.0.0.1:1", "-db", "a.db"}, env: map[string]string{"PUENTE_ADDR": ":9000", "PUENTE_DB": "/x.db"},
			want: config{addr: "127.0.0.1:1", dbPath: "a.db", baseURL: ""}},
		{name: "bad base url", args: []string{"-base-url", "ftp://x"}, wantErr: "-base-url"},
		{name: "bad proxy", args: []string{"-trusted-proxies", "nope"}, wantErr: "-trusted-proxies"},
		{name: "stray arg", args: []string{"serve"}, wantErr: "unexpected argument"},
		{name: "demo in Spanish", args: []string{"-demo-lang", "es"}, want: config{addr: "127.0.0.1:8080", dbPath: "./puente.db", demoLang: i18n.ES}},
		{name: "demo language from env", env: map[string]string{"PUENTE_DEMO_LANG": "es"}, want: config{addr: "127.0.0.1:8080", dbPath: "./puente.db", demoLang: i18n.ES}},
		{name: "bad demo language", args: []string{"-demo-lang", "fr"}, wantErr: "-demo-lang"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseConfig(tt.args, func(k string) string { return tt.env[k] }, io.Discard)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got %v, want error containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			wantLang := tt.want.demoLang
			if wantLang == "" {
				wantLang = i18n.EN
			}
			if got.addr != tt.want.addr || got.dbPath != tt.want.dbPath || got.baseURL != tt.want.baseURL || got.demoLang != wantLang {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
	var help bytes.Buffer
	if _, err := parseConfig([]string{"-h"}, func(string) string { return "" }, &help); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: got %v, want flag.ErrHelp", err)
	}
	for _, f := range []string{"-addr", "-db", "-base-url", "-demo", "-demo-lang", "-trusted-proxies"} {
		if !strings.Contains(help.String(), f) {
			t.Errorf("-h output lacks %s", f)
		}
	}
	got, err := parseConfig([]string{"-trusted-proxies", "10.0.0.1, 192.168.0.0/16"}, func(string) string { return "" }, io.Discard)
	if err != nil || len(got.trustedProxies) != 2 || got.trustedProxies[0].String() != "10.0.0.1/32" {
		t.Errorf("trusted proxies: got %v, %v", got.trustedProxies, err)
	}
}

// TestRunRefusesBrokenDatabase: a file that is not a sound SQLite database
// stops start-up with a clear message.
func TestRunRefusesBrokenDatabase(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "broken.db")
	if err := writeFile(dbPath, bytes.Repeat([]byte("not a database "), 512)); err != nil {
		t.Fatal(err)
	}
	err := run(context.Background(), []string{"-addr", "127.0.0.1:0", "-db", dbPath}, func(string) string { return "" }, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "refusing to start") {
		t.Fatalf("got %v, want a refusal to start", err)
	}
}

// TestKeyFile: the first start creates the key file with mode 0600 and says
// to back it up; a later start with the key file missing or replaced
// refuses to run, with a clear message.
func TestKeyFile(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "k.db")
	keyPath := dbPath + ".key"
	_, out, stop := startRun(t, []string{"-addr", "127.0.0.1:0", "-db", dbPath}, nil)
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(keyPath)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v, mode %v; want it created with 0600", err, st.Mode().Perm())
	}
	if !strings.Contains(out.String(), "BACK IT UP") {
		t.Errorf("first start did not say to back up the key:\n%s", out.String())
	}
	key, _ := os.ReadFile(keyPath)

	// Missing: refused, and no new key is made in its place.
	if err := os.Remove(keyPath); err != nil {
		t.Fatal(err)
	}
	err = run(context.Background(), []string{"-addr", "127.0.0.1:0", "-db", dbPath}, func(string) string { return "" }, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "restore") {
		t.Fatalf("missing key: got %v, want a refusal asking to restore the key", err)
	}
	if _, err := os.Stat(keyPath); err == nil {
		t.Errorf("a new key file was created for a database that had one")
	}

	// Replaced by another key: refused.
	other := filepath.Join(dir, "other.key")
	if err := os.WriteFile(other, []byte("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err = run(context.Background(), []string{"-addr", "127.0.0.1:0", "-db", dbPath, "-key-file", other}, func(string) string { return "" }, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "does not open this database") {
		t.Fatalf("wrong key: got %v, want a refusal naming the wrong key", err)
	}

	// The right key, restored: starts again.
	if err := os.WriteFile(keyPath, key, 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, stop = startRun(t, []string{"-addr", "127.0.0.1:0", "-db", dbPath}, nil)
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

func TestLinkHost(t *testing.T) {
	for _, tt := range []struct {
		addr *net.TCPAddr
		want string
	}{
		{&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 40123}, "127.0.0.1:40123"},
		{&net.TCPAddr{IP: net.IPv4zero, Port: 8080}, "localhost:8080"},
		{&net.TCPAddr{Port: 8080}, "localhost:8080"},
		{&net.TCPAddr{IP: net.IPv6loopback, Port: 9}, "[::1]:9"},
	} {
		if got := linkHost(tt.addr); got != tt.want {
			t.Errorf("linkHost(%v): got %q, want %q", tt.addr, got, tt.want)
		}
	}
}
