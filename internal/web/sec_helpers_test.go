package web

import (
	"context"
	"html/template"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"puente/internal/auth"
	"puente/internal/model"
	"puente/internal/store"
)

// Helpers shared by the sec_, input_ and flow_ tests. Every name starts
// with sec so that other engineers' test files in this package cannot clash.

// secCSP is the exact policy SECURITY.md asks for.
const secCSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

// secWantHeaders are the headers every response must carry.
var secWantHeaders = [][2]string{
	{"Content-Security-Policy", secCSP},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "same-origin"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
}

// secCheckHeaders fails unless h carries every security header exactly once
// with the wanted value.
func secCheckHeaders(t testing.TB, label string, h http.Header) {
	t.Helper()
	for _, w := range secWantHeaders {
		got := h.Values(w[0])
		if len(got) != 1 || got[0] != w[1] {
			t.Errorf("%s: header %s: got %q, want exactly [%q]", label, w[0], got, w[1])
		}
	}
}

// secEsc is text as html/template prints it inside an element.
func secEsc(s string) string { return template.HTMLEscapeString(s) }

// secHas fails unless body contains want (given as plain text, escaped here).
func secHas(t testing.TB, label, body, want string) {
	t.Helper()
	if !strings.Contains(body, secEsc(want)) {
		t.Errorf("%s: body does not contain %q; body: %.600s", label, want, secSnippet(body))
	}
}

// secSnippet is the <main> part of a page, which is what error output needs.
func secSnippet(body string) string {
	if i := strings.Index(body, "<main"); i >= 0 {
		body = body[i:]
	}
	return body
}

// secStatus fails unless res has status want.
func secStatus(t testing.TB, label string, res response, want int) {
	t.Helper()
	if res.status != want {
		t.Errorf("%s: status got %d, want %d; body: %.600s", label, res.status, want, secSnippet(res.body))
	}
}

// secRedirect fails unless res is a 303 to location.
func secRedirect(t testing.TB, label string, res response, location string) {
	t.Helper()
	if res.status != http.StatusSeeOther || res.header.Get("Location") != location {
		t.Errorf("%s: got %d to %q, want 303 to %q; body: %.300s", label, res.status, res.header.Get("Location"), location, secSnippet(res.body))
	}
}

// secSetCookie returns the response's Set-Cookie named name, or nil.
func secSetCookie(res response, name string) *http.Cookie {
	for _, c := range res.res.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// secJarValue is the value of the cookie name the client would send.
func secJarValue(c *client, name string) string {
	u, _ := url.Parse(c.base + "/")
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == name {
			return ck.Value
		}
	}
	return ""
}

// secClientWithCookie is a fresh client that sends cookie name=value, as a
// replayed or stolen cookie would be.
func secClientWithCookie(e *testEnv, name, value string) *client {
	c := e.client()
	u, _ := url.Parse(c.base + "/")
	c.http.Jar.SetCookies(u, []*http.Cookie{{Name: name, Value: value, Path: "/"}})
	return c
}

// secGet sends GET path with extra headers.
func secGet(c *client, path string, header http.Header) response {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.base+path, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	return c.do(req)
}

// secHeader builds a header from name, value pairs.
func secHeader(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(kv); i += 2 {
		h.Set(kv[i], kv[i+1])
	}
	return h
}

var secLinkRE = regexp.MustCompile(`/(invite|reset)/([A-Za-z0-9_-]{40,})`)

// secLinkToken extracts the one-time token of kind ("invite" or "reset")
// from a link page.
func secLinkToken(t testing.TB, body, kind string) string {
	t.Helper()
	for _, m := range secLinkRE.FindAllStringSubmatch(body, -1) {
		if m[1] == kind {
			return m[2]
		}
	}
	t.Fatalf("no /%s/ link in page: %.600s", kind, secSnippet(body))
	return ""
}

// secUser loads an account by email.
func secUser(t testing.TB, e *testEnv, email string) model.User {
	t.Helper()
	u, err := e.st.UserByEmail(context.Background(), email)
	if err != nil {
		t.Fatalf("user %s: %v", email, err)
	}
	return u
}

// secRole is a person's role in org, "" if they are not a member.
func secRole(t testing.TB, e *testEnv, org model.Org, userID string) model.Role {
	t.Helper()
	m, err := e.st.Member(context.Background(), org.ID, userID)
	if err != nil {
		return ""
	}
	return m.Role
}

// secTables are the tables a rejected form must leave untouched.
var secTables = []string{"users", "organisations", "memberships", "invitations", "password_resets", "security_events", "sessions"}

// secCounts counts the rows of every table in secTables.
func secCounts(e *testEnv) map[string]int {
	out := map[string]int{}
	for _, tb := range secTables {
		out[tb] = e.count(tb)
	}
	return out
}

// secSameCounts fails if any table's row count changed.
func secSameCounts(t testing.TB, label string, before, after map[string]int) {
	t.Helper()
	for _, tb := range secTables {
		if before[tb] != after[tb] {
			t.Errorf("%s: rows in %s: got %d, want %d (unchanged)", label, tb, after[tb], before[tb])
		}
	}
}

// secInvite records an invitation with a token the test knows, issued by
// one of org's managers (a link without an issuer who may issue it is dead).
func secInvite(t testing.TB, e *testEnv, org model.Org, email string, role model.Role) string {
	t.Helper()
	token := auth.NewToken()
	if _, err := e.st.CreateInvitation(context.Background(), org, email, role, auth.HashToken(token), secManager(t, e, org).UserID, "127.0.0.1"); err != nil {
		t.Fatalf("invitation: %v", err)
	}
	return token
}

// secReset records a password-reset link for user with a token the test
// knows, issued from org by one of its managers.
func secReset(t testing.TB, e *testEnv, user model.User, org model.Org) string {
	t.Helper()
	token := auth.NewToken()
	if err := e.st.CreateReset(context.Background(), auth.HashToken(token), user.ID, org.ID, secManager(t, e, org).UserID, "127.0.0.1"); err != nil {
		t.Fatalf("reset: %v", err)
	}
	return token
}

// secManager is the first admin (network) or coordinator (group) of org.
func secManager(t testing.TB, e *testEnv, org model.Org) model.Member {
	t.Helper()
	ms, err := e.st.Members(context.Background(), org.ID, "en")
	if err != nil {
		t.Fatalf("members: %v", err)
	}
	for _, m := range ms {
		if m.Role == model.ManagerRole(org.Kind) {
			return m
		}
	}
	t.Fatalf("%s has no manager", org.Name)
	return model.Member{}
}

// secEvents lists org's security log, newest first.
func secEvents(t testing.TB, e *testEnv, org model.Org) []model.Event {
	t.Helper()
	evs, err := e.st.Events(context.Background(), org.ID, 0, 1000)
	if err != nil {
		t.Fatalf("events: %v", err)
	}
	return evs
}

// secCountEvents counts org's events of kind about subjectID ("" for any).
func secCountEvents(t testing.TB, e *testEnv, org model.Org, kind model.EventKind, subjectID string) int {
	t.Helper()
	n := 0
	for _, ev := range secEvents(t, e, org) {
		if ev.Kind == kind && (subjectID == "" || ev.SubjectID == subjectID) {
			n++
		}
	}
	return n
}

var secRowRE = regexp.MustCompile(`(?s)<tr>\s*<td[ >].*?</tr>`)

// secLogRow returns the first row of a security-log page that contains
// every one of want (plain text), or "".
func secLogRow(body string, want ...string) string {
	for _, row := range secRowRE.FindAllString(body, -1) {
		ok := true
		for _, w := range want {
			if !strings.Contains(row, secEsc(w)) {
				ok = false
				break
			}
		}
		if ok {
			return row
		}
	}
	return ""
}

// secEnvAt is newEnv's little sibling: one network ("network") with its
// admin (emailNetAdmin, "Ana Admin"), on a database whose path the test
// knows, so the test can break the database under the server.
func secEnvAt(t testing.TB, opts ...envOption) (*testEnv, string) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sec.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	hasher := auth.NewHasher(auth.TestParams, 2)
	hash, err := hasher.Hash(ctx, testPassword)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := st.ApplySeed(ctx, store.Seed{
		Orgs: []store.SeedOrg{{Key: "network", Kind: model.KindNetwork, Name: "Network One"}},
		Users: []store.SeedUser{{Email: emailNetAdmin, Name: "Ana Admin", PasswordHash: hash,
			Roles: map[string]model.Role{"network": model.RoleAdmin}}},
	}, true)
	if err != nil {
		t.Fatalf("seed: %v", err)
	}
	orgs := map[string]model.Org{"network": {ID: ids["network"], Kind: model.KindNetwork, Name: "Network One"}}
	return startEnv(t, st, hasher, orgs, hash, nil, opts...), path
}

// secHTTPSBaseURL is the public address of the https server.
const secHTTPSBaseURL = "https://puente.example.org"

// secServe starts another server on st, outside startEnv (which always
// sets an http BaseURL and closes the store at the end), and returns a
// browser-like client for it and its log. With https it is served over TLS
// with BaseURL secHTTPSBaseURL. The caller owns st. codes, when not nil,
// is the env's authenticator, whose clock this server checks codes by too.
func secServe(t testing.TB, st *store.Store, https bool, codes *testAuthenticator) (*client, *lockedBuffer) {
	t.Helper()
	cfg := DefaultConfig()
	cfg.IPLimit, cfg.AccountLimit, cfg.AccountCeiling = 100000, 100000, 100000
	logs := &lockedBuffer{}
	ss := st.Sessions(time.Hour)
	ts := httptest.NewUnstartedServer(nil)
	cfg.BaseURL = "http://" + ts.Listener.Addr().String()
	if https {
		cfg.BaseURL = secHTTPSBaseURL
	}
	srv, err := New(cfg, slog.New(slog.NewTextHandler(logs, nil)), st, ss, auth.NewHasher(auth.TestParams, 2))
	if err != nil {
		t.Fatalf("new server: %v", err)
	}
	if codes != nil {
		srv.codeNow = codes.now
	}
	ts.Config.Handler = srv
	if https {
		ts.StartTLS()
	} else {
		ts.Start()
	}
	// Registered after the env's cleanup, so it runs before the store closes.
	t.Cleanup(func() {
		ts.Close()
		ss.Stop()
	})
	jar, _ := cookiejar.New(nil)
	return &client{t: t, base: ts.URL, http: &http.Client{
		Transport:     ts.Client().Transport,
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}, logs
}

// secHTTPS serves e's database through a server configured for https.
func secHTTPS(t testing.TB, e *testEnv) *client {
	t.Helper()
	c, _ := secServe(t, e.st, true, e.codes)
	return c
}
