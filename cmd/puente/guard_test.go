package main

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var setupURLRE = regexp.MustCompile(`setup_url="?([^"\s]+)`)

func httpGet(t *testing.T, rawURL, host string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, rawURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	c := &http.Client{Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// TestRunPrintsSetupLink: the first start on an empty database prints a
// one-time setup link on the console; /setup without its token is 404,
// with it the form; a restart before setup prints a new one (the old one
// is dead); a database with accounts (the demo) prints none.
func TestRunPrintsSetupLink(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "fresh.db")
	addr, out, stop := startRun(t, []string{"-addr", "127.0.0.1:0", "-db", dbPath}, nil)
	m := setupURLRE.FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no setup_url on the console:\n%s", out.String())
	}
	link, err := url.Parse(m[1])
	if err != nil || link.Host != addr || link.Path != "/setup" || len(link.Query().Get("token")) < 43 {
		t.Fatalf("setup link %q: want http://%s/setup?token=<43+ characters>", m[1], addr)
	}
	base := "http://" + addr
	if code, _ := httpGet(t, base+"/setup", ""); code != http.StatusNotFound {
		t.Errorf("GET /setup without the token: got %d, want 404", code)
	}
	if code, body := httpGet(t, m[1], ""); code != http.StatusOK || !strings.Contains(body, `name="org_name"`) {
		t.Errorf("GET the setup link: got %d, want 200 and the setup form", code)
	}
	if strings.Count(out.String(), link.Query().Get("token")) != 1 {
		t.Errorf("the token appears in the log more than once (the request log must not carry it):\n%s", out.String())
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}

	addr2, out2, stop2 := startRun(t, []string{"-addr", "127.0.0.1:0", "-db", dbPath}, nil)
	m2 := setupURLRE.FindStringSubmatch(out2.String())
	if m2 == nil || m2[1] == m[1] {
		t.Fatalf("restart before setup: setup link %v, want a new one", m2)
	}
	if code, _ := httpGet(t, "http://"+addr2+"/setup?"+link.RawQuery, ""); code != http.StatusNotFound {
		t.Errorf("the first start's link after a restart: got %d, want 404", code)
	}
	if err := stop2(); err != nil {
		t.Fatal(err)
	}

	demoDB := filepath.Join(t.TempDir(), "demo.db")
	_, out3, stop3 := startRun(t, []string{"-addr", "127.0.0.1:0", "-db", demoDB, "-demo"}, nil)
	if strings.Contains(out3.String(), "setup_url") {
		t.Errorf("-demo printed a setup link:\n%s", out3.String())
	}
	if err := stop3(); err != nil {
		t.Fatal(err)
	}
}

// TestRunSetupTokenFlag: -setup-token / PUENTE_SETUP_TOKEN fix the token,
// which must be long enough to be unguessable.
func TestRunSetupTokenFlag(t *testing.T) {
	const token = "a-fixed-setup-token-of-enough-length-0123456789"
	addr, out, stop := startRun(t, []string{"-addr", "127.0.0.1:0", "-db", filepath.Join(t.TempDir(), "t.db")},
		map[string]string{"PUENTE_SETUP_TOKEN": token})
	defer stop()
	if !strings.Contains(out.String(), "/setup?token="+token) {
		t.Errorf("console lacks the fixed token's link:\n%s", out.String())
	}
	if code, _ := httpGet(t, "http://"+addr+"/setup?token="+token, ""); code != http.StatusOK {
		t.Errorf("GET /setup with the fixed token: got %d, want 200", code)
	}
	if _, err := parseConfig([]string{"-setup-token", "short"}, func(string) string { return "" }, io.Discard); err == nil {
		t.Errorf("-setup-token short: got no error, want one")
	}
	var help bytes.Buffer
	if _, err := parseConfig([]string{"-h"}, func(string) string { return "" }, &help); !errors.Is(err, flag.ErrHelp) {
		t.Fatal(err)
	}
	for _, want := range []string{"-setup-token", "one-time setup link", "/setup answers 404 without it", "421"} {
		if !strings.Contains(help.String(), want) {
			t.Errorf("-h output lacks %q", want)
		}
	}
}

// TestRunHostCheck: with -base-url, a request for another host name is
// refused with 421 (DNS rebinding); on a loopback address without one,
// only the loopback names are served.
func TestRunHostCheck(t *testing.T) {
	addr, _, stop := startRun(t, []string{"-addr", "127.0.0.1:0", "-db", filepath.Join(t.TempDir(), "h.db"), "-demo",
		"-base-url", "https://puente.example.org"}, nil)
	defer stop()
	base := "http://" + addr
	for _, tt := range []struct {
		host string
		want int
	}{
		{"puente.example.org", http.StatusOK},
		{"PUENTE.example.org:443", http.StatusOK},
		{"evil.example", http.StatusMisdirectedRequest},
		{addr, http.StatusMisdirectedRequest},
		{"puente.example.org.evil.example", http.StatusMisdirectedRequest},
	} {
		if code, _ := httpGet(t, base+"/login", tt.host); code != tt.want {
			t.Errorf("GET /login with Host %q: got %d, want %d", tt.host, code, tt.want)
		}
	}

	addr2, _, stop2 := startRun(t, []string{"-addr", "127.0.0.1:0", "-db", filepath.Join(t.TempDir(), "l.db"), "-demo"}, nil)
	defer stop2()
	_, port, _ := net.SplitHostPort(addr2)
	for _, tt := range []struct {
		host string
		want int
	}{
		{"127.0.0.1:" + port, http.StatusOK},
		{"localhost:" + port, http.StatusOK},
		{"[::1]:" + port, http.StatusOK},
		{"rebind.evil.example:" + port, http.StatusMisdirectedRequest},
	} {
		if code, _ := httpGet(t, "http://"+addr2+"/login", tt.host); code != tt.want {
			t.Errorf("loopback server, Host %q: got %d, want %d", tt.host, code, tt.want)
		}
	}
}

func TestAllowedHosts(t *testing.T) {
	loop := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}
	lan := &net.TCPAddr{IP: net.IPv4(192, 168, 1, 5), Port: 8080}
	for _, tt := range []struct {
		base string
		addr net.Addr
		want string
	}{
		{"https://puente.example.org", loop, "puente.example.org puente.example.org:443"},
		{"http://puente.example.org", lan, "puente.example.org puente.example.org:80"},
		{"https://puente.example.org:8443", loop, "puente.example.org:8443"},
		{"", loop, "localhost:8080 127.0.0.1:8080 [::1]:8080"},
		{"", lan, ""},
		{"", &net.TCPAddr{IP: net.IPv4zero, Port: 8080}, ""},
	} {
		if got := strings.Join(allowedHosts(tt.base, tt.addr), " "); got != tt.want {
			t.Errorf("allowedHosts(%q, %v) = %q, want %q", tt.base, tt.addr, got, tt.want)
		}
	}
}
