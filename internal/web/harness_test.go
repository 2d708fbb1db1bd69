package web

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"puente/internal/auth"
	"puente/internal/authz"
	"puente/internal/model"
	"puente/internal/store"
)

// testPassword is every seeded account's password in web tests.
const testPassword = "correct horse battery staple"

// Seeded test accounts, one per role of the access matrix.
const (
	emailNetAdmin   = "admin@network.example.org"
	emailNetCoord   = "coordinator@network.example.org"
	emailAlphaCoord = "coord@alpha.example.org"
	emailAlphaMem   = "member@alpha.example.org"
	emailBetaCoord  = "coord@beta.example.org"
	emailOtherAdmin = "admin@other.example.org"
	emailGammaCoord = "coord@gamma.example.org"
)

// testEnv is a real server on a real, migrated SQLite database in a temp dir.
type testEnv struct {
	t        testing.TB
	st       *store.Store
	srv      *Server
	ts       *httptest.Server
	dbPath   string
	key      []byte
	sessions *store.Sessions
	orgs     map[string]model.Org  // by seed key: network, alpha, beta, othernet, gamma
	cases    map[string]model.Case // one case per group: alpha, beta, gamma
	logs     *lockedBuffer
	hash     string
	// setupToken is the first-run setup token (newEmptyEnv only).
	setupToken string
	// codes is the authenticator of the accounts with a second factor.
	codes *testAuthenticator
}

type envOption func(*Config)

// newEnv starts a server with two networks: "network" with groups alpha
// and beta, and "othernet" with group gamma, each group with one case.
// Throttles are generous unless an option tightens them.
//
// Migrating and seeding a database costs seconds under -race, and a
// hundred tests need the same start, so the package builds it once
// (envTemplate) and each test gets its own copy of the file.
func newEnv(t testing.TB, opts ...envOption) *testEnv {
	t.Helper()
	tpl := loadEnvTemplate(t)
	dbPath := filepath.Join(t.TempDir(), "test.db")
	if err := copyFile(tpl.path, dbPath); err != nil {
		t.Fatalf("copy the seeded database: %v", err)
	}
	st, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	e := startEnv(t, st, auth.NewHasher(auth.TestParams, 2), tpl.orgs, tpl.hash, tpl.key, opts...)
	e.dbPath = dbPath
	e.cases = maps.Clone(tpl.cases)
	for email, secret := range tpl.secrets {
		e.codes.add(email, secret)
	}
	return e
}

// envTemplate is the migrated, seeded database every newEnv copies.
type envTemplate struct {
	path  string
	key   []byte
	hash  string
	orgs  map[string]model.Org
	cases map[string]model.Case
	// secrets are the authenticator keys of the accounts that must sign in
	// with a second factor (network admins, group coordinators), by email.
	secrets map[string]string
}

var (
	envTemplateOnce sync.Once
	envTemplateVal  *envTemplate
	envTemplateErr  error
)

func loadEnvTemplate(t testing.TB) *envTemplate {
	t.Helper()
	envTemplateOnce.Do(func() { envTemplateVal, envTemplateErr = buildEnvTemplate() })
	if envTemplateErr != nil {
		t.Fatalf("seeded database: %v", envTemplateErr)
	}
	return envTemplateVal
}

// buildEnvTemplate migrates and seeds a database in its own temp folder,
// then closes it so the whole database is in the one file.
func buildEnvTemplate() (*envTemplate, error) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "puente-web-test-")
	if err != nil {
		return nil, err
	}
	tpl := &envTemplate{path: filepath.Join(dir, "template.db"), key: make([]byte, 32)}
	if _, err := rand.Read(tpl.key); err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, tpl.path)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	if tpl.hash, err = auth.NewHasher(auth.TestParams, 2).Hash(ctx, testPassword); err != nil {
		return nil, err
	}
	// The key first: the seed seals the managers' authenticator keys.
	if err := st.UseKey(ctx, tpl.key); err != nil {
		return nil, fmt.Errorf("use key: %w", err)
	}
	seed := store.Seed{
		Orgs: []store.SeedOrg{
			{Key: "network", Kind: model.KindNetwork, Name: "Network One"},
			{Key: "alpha", Kind: model.KindGroup, Name: "Alpha Group", NetworkKey: "network"},
			{Key: "beta", Kind: model.KindGroup, Name: "Beta Group", NetworkKey: "network"},
			{Key: "othernet", Kind: model.KindNetwork, Name: "Other Network"},
			{Key: "gamma", Kind: model.KindGroup, Name: "Gamma Group", NetworkKey: "othernet"},
		},
		Users: []store.SeedUser{
			{Email: emailNetAdmin, Name: "Ana Admin", PasswordHash: tpl.hash, Roles: map[string]model.Role{"network": model.RoleAdmin}},
			{Email: emailNetCoord, Name: "Carlos Coord", PasswordHash: tpl.hash, Roles: map[string]model.Role{"network": model.RoleCoordinator}},
			{Email: emailAlphaCoord, Name: "Alicia Alpha", PasswordHash: tpl.hash, Roles: map[string]model.Role{"alpha": model.RoleCoordinator}},
			{Email: emailAlphaMem, Name: "Miguel Member", PasswordHash: tpl.hash, Roles: map[string]model.Role{"alpha": model.RoleMember}},
			{Email: emailBetaCoord, Name: "Beatriz Beta", PasswordHash: tpl.hash, Roles: map[string]model.Role{"beta": model.RoleCoordinator}},
			{Email: emailOtherAdmin, Name: "Otto Other", PasswordHash: tpl.hash, Roles: map[string]model.Role{"othernet": model.RoleAdmin}},
			{Email: emailGammaCoord, Name: "Gema Gamma", PasswordHash: tpl.hash, Roles: map[string]model.Role{"gamma": model.RoleCoordinator}},
		},
	}
	// Accounts that must use a second factor come with one, as in the demo.
	tpl.secrets = map[string]string{}
	kinds := map[string]model.OrgKind{}
	for _, o := range seed.Orgs {
		kinds[o.Key] = o.Kind
	}
	for i, u := range seed.Users {
		for org, role := range u.Roles {
			if authz.RoleNeedsSecondFactor(kinds[org], role) {
				seed.Users[i].TOTPSecret = auth.NewTOTPSecret()
				tpl.secrets[u.Email] = seed.Users[i].TOTPSecret
			}
		}
	}
	ids, err := st.ApplySeed(ctx, seed, true)
	if err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	tpl.orgs = map[string]model.Org{}
	for _, so := range seed.Orgs {
		o := model.Org{ID: ids[so.Key], Kind: so.Kind, Name: so.Name}
		if so.NetworkKey != "" {
			o.NetworkID = ids[so.NetworkKey]
		}
		tpl.orgs[so.Key] = o
	}
	if tpl.cases, err = seedCases(ctx, st, tpl.orgs); err != nil {
		return nil, err
	}
	return tpl, st.Close()
}

// TestMain removes the seeded database's folder after the package's tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if envTemplateVal != nil {
		os.RemoveAll(filepath.Dir(envTemplateVal.path))
	}
	os.Exit(code)
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o600)
}

// seedCases opens one case in each of alpha, beta and gamma, with every
// sensitive field recorded.
func seedCases(ctx context.Context, st *store.Store, orgs map[string]model.Org) (map[string]model.Case, error) {
	cases := map[string]model.Case{}
	for _, g := range []string{"alpha", "beta", "gamma"} {
		c, err := st.CreateCase(ctx, orgs[g].ID, "",
			model.CaseInput{Status: "arrived", Court: "Court of " + g, Address: "1 " + g + " Street"},
			model.PersonInput{Name: "Principal " + g, LastUSArrival: "2026-03-03", DOB: "1990-01-02",
				Facility: "Facility " + g, ANumber: "123456789"})
		if err != nil {
			return nil, fmt.Errorf("seed case %s: %w", g, err)
		}
		cases[g] = c
	}
	return cases, nil
}

// newEmptyEnv starts a server on a database with no accounts, with a
// setup token as cmd/puente prints one; setupPath is its setup link.
func newEmptyEnv(t testing.TB, opts ...envOption) *testEnv {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	token := auth.NewToken()
	e := startEnv(t, st, auth.NewHasher(auth.TestParams, 2), nil, "", nil, append([]envOption{func(c *Config) { c.SetupToken = token }}, opts...)...)
	e.setupToken = token
	return e
}

// setupPath is the first-run setup link of an empty env.
func (e *testEnv) setupPath() string { return "/setup?token=" + e.setupToken }

// startEnv serves st; key opens its sensitive fields (nil: a new key, for
// a database that has none yet).
func startEnv(t testing.TB, st *store.Store, hasher *auth.Hasher, orgs map[string]model.Org, hash string, key []byte, opts ...envOption) *testEnv {
	t.Helper()
	if key == nil {
		key = make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.UseKey(context.Background(), key); err != nil {
		t.Fatalf("use key: %v", err)
	}
	cfg := DefaultConfig()
	cfg.IPLimit, cfg.AccountLimit, cfg.AccountCeiling = 100000, 100000, 100000
	for _, o := range opts {
		o(&cfg)
	}
	logs := &lockedBuffer{}
	log := slog.New(slog.NewTextHandler(logs, nil))
	ss := st.Sessions(time.Hour)
	ts := httptest.NewUnstartedServer(nil)
	cfg.BaseURL = "http://" + ts.Listener.Addr().String()
	srv, err := New(cfg, log, st, ss, hasher)
	if err != nil {
		t.Fatalf("new server: %v", err)
	}
	codes := newTestAuthenticator()
	srv.codeNow = codes.now
	ts.Config.Handler = srv
	ts.Start()
	t.Cleanup(func() {
		ts.Close()
		ss.Stop()
		st.Close()
	})
	return &testEnv{t: t, st: st, srv: srv, ts: ts, orgs: orgs, logs: logs, hash: hash, key: key, sessions: ss, codes: codes}
}

// client is a browser-like HTTP client with a cookie jar that does not
// follow redirects, so tests see each status.
type client struct {
	t    testing.TB
	http *http.Client
	base string
}

func (e *testEnv) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: e.t, base: e.ts.URL, http: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// signIn returns a client signed in as email, with its code from the
// authenticator if the account has a second factor. An account that must
// have one and has none yet (a coordinator a test just made) sets it up
// through the pages first, as its person would be made to.
func (e *testEnv) signIn(email string) *client {
	e.t.Helper()
	c := e.client()
	res := c.post("/login", url.Values{"email": {email}, "password": {testPassword}})
	if res.status != http.StatusSeeOther {
		e.t.Fatalf("sign in %s: status %d, want 303; body: %.300s", email, res.status, res.body)
	}
	if res.header.Get("Location") == "/login/code" {
		e.secondStep(c, email)
		return c
	}
	ctx := context.Background()
	u, err := e.st.UserByEmail(ctx, email)
	if err != nil {
		e.t.Fatalf("sign in %s: %v", email, err)
	}
	ms, err := e.st.Memberships(ctx, u.ID)
	if err != nil {
		e.t.Fatalf("sign in %s: %v", email, err)
	}
	if authz.SecondFactorRequired(ms) {
		e.enrol(c, email)
	}
	return c
}

type response struct {
	status int
	header http.Header
	body   string
	res    *http.Response
}

func (c *client) do(req *http.Request) response {
	c.t.Helper()
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: string(b), res: res}
}

func (c *client) get(path string) response {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodGet, c.base+path, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	return c.do(req)
}

func (c *client) head(path string) response {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodHead, c.base+path, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	return c.do(req)
}

func (c *client) post(path string, form url.Values) response {
	c.t.Helper()
	return c.postRaw(path, form.Encode(), nil)
}

func (c *client) postRaw(path, body string, header http.Header) response {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodPost, c.base+path, strings.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range header {
		req.Header[k] = v
	}
	return c.do(req)
}

// count runs a COUNT(*) query through the store's test hook.
func (e *testEnv) count(table string) int {
	e.t.Helper()
	n, err := e.st.CountRows(context.Background(), table)
	if err != nil {
		e.t.Fatal(err)
	}
	return n
}
