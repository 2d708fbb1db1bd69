package web

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"puente/internal/auth"
)

// testAuthenticator is the authenticator app of a test env's accounts. It
// owns the clock the server checks codes against (Server.codeNow), and
// moves it one time step forward for every code it hands out: an account
// may sign in as often as a test likes, and each code is still for a step
// the server has not seen, as with a person who waits for the next code.
type testAuthenticator struct {
	// turn is held from handing out a code until the server has checked
	// it, so that no other code moves the clock meanwhile.
	turn    sync.Mutex
	mu      sync.Mutex
	unix    int64
	secrets map[string]string
}

func newTestAuthenticator() *testAuthenticator {
	return &testAuthenticator{unix: time.Now().Unix(), secrets: map[string]string{}}
}

func (a *testAuthenticator) now() time.Time {
	a.mu.Lock()
	defer a.mu.Unlock()
	return time.Unix(a.unix, 0)
}

func (a *testAuthenticator) add(email, secret string) {
	a.mu.Lock()
	a.secrets[email] = secret
	a.mu.Unlock()
}

func (a *testAuthenticator) secret(email string) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.secrets[email]
}

// next moves the clock one step on and returns email's code for it. The
// caller holds a.turn until the server has checked it.
func (a *testAuthenticator) next(t testing.TB, email string) string {
	t.Helper()
	a.mu.Lock()
	defer a.mu.Unlock()
	secret, ok := a.secrets[email]
	if !ok {
		t.Fatalf("no authenticator key for %s", email)
	}
	a.unix += int64(auth.TOTPPeriod / time.Second)
	code, err := auth.TOTPCode(secret, auth.TOTPStep(time.Unix(a.unix, 0)))
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// current is email's code for the step the clock is in now, without
// moving it: a code the server may already have seen.
func (a *testAuthenticator) current(t testing.TB, email string) string {
	t.Helper()
	code, err := auth.TOTPCode(a.secret(email), auth.TOTPStep(a.now()))
	if err != nil {
		t.Fatal(err)
	}
	return code
}

var tfKeyRE = regexp.MustCompile(`<code class="key" id="totp-key">([A-Z2-7 ]+)</code>`)
var tfCodeRE = regexp.MustCompile(`<li><code>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</code></li>`)

// enrol sets up a second factor for the person signed in on c, through
// the pages as they would (start, read the typed key, confirm with the
// app's code), and returns their recovery codes. The key joins the env's
// authenticator under email.
func (e *testEnv) enrol(c *client, email string) []string {
	e.t.Helper()
	if res := c.post("/account/2fa/setup", url.Values{}); res.status != http.StatusSeeOther {
		e.t.Fatalf("enrol %s: start: %d, want 303", email, res.status)
	}
	page := c.get("/account/2fa")
	m := tfKeyRE.FindStringSubmatch(page.body)
	if page.status != http.StatusOK || m == nil {
		e.t.Fatalf("enrol %s: page %d without a typed key: %.600s", email, page.status, page.body)
	}
	e.codes.add(email, strings.ReplaceAll(html.UnescapeString(m[1]), " ", ""))
	e.codes.turn.Lock()
	res := c.post("/account/2fa/confirm", url.Values{"code": {e.codes.next(e.t, email)}})
	e.codes.turn.Unlock()
	codes := tfCodeRE.FindAllStringSubmatch(res.body, -1)
	if res.status != http.StatusOK || len(codes) != 10 {
		e.t.Fatalf("enrol %s: confirm: %d with %d recovery codes, want 200 with 10: %.600s", email, res.status, len(codes), res.body)
	}
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = c[1]
	}
	return out
}

// passwordOnly signs email in with the password alone and returns the
// half-signed-in client (the second step not taken).
func (e *testEnv) passwordOnly(email string) *client {
	e.t.Helper()
	c := e.client()
	res := c.post("/login", url.Values{"email": {email}, "password": {testPassword}})
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/login/code" {
		e.t.Fatalf("password step for %s: %d to %q, want 303 to /login/code", email, res.status, res.header.Get("Location"))
	}
	return c
}
