package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"puente/internal/auth"
	"puente/internal/model"
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

// twoFactorMatrix is the access matrix's rows for two-step sign-in (see
// accessMatrix), in order: the key made by /setup is the one qr.png draws.
func twoFactorMatrix() []matrixRow {
	all := func(s int) [6]int { return [6]int{s, s, s, s, s, s} }
	signedIn := func(anon, s int) [6]int { return [6]int{anon, s, s, s, s, s} }
	reset := func(e *testEnv, o model.Org) cell {
		return cell{path: "/orgs/" + o.ID + "/members/" + newVictim2FA(e, o) + "/2fa/reset"}
	}
	return []matrixRow{
		// Without a password just given, the second step sends everyone
		// back (to sign in, or home if signed in).
		{method: "GET", pattern: "/login/code", plain: all(s303)},
		{method: "POST", pattern: "/login/code", form: url.Values{"code": {"123456"}}, plain: all(s303)},
		{method: "GET", pattern: "/login/recovery", plain: all(s303)},
		{method: "POST", pattern: "/login/recovery", form: url.Values{"code": {"0000-0000-0000-0000"}}, plain: all(s303)},
		{method: "GET", pattern: "/account/2fa", plain: signedIn(s303, s200)},
		// The member and the network coordinator have no second factor: they
		// get a key waiting for its first code; the others have one already.
		{method: "POST", pattern: "/account/2fa/setup", form: url.Values{}, plain: signedIn(s401, s303)},
		{method: "GET", pattern: "/account/2fa/qr.png", plain: [6]int{s303, s200, s404, s200, s404, s404}},
		{method: "POST", pattern: "/account/2fa/confirm", form: url.Values{"code": {""}}, plain: [6]int{s401, s422, s303, s422, s303, s303}},
		{method: "POST", pattern: "/account/2fa/recovery-codes", form: url.Values{}, plain: [6]int{s401, s303, s422, s303, s422, s422}},
		{method: "POST", pattern: "/account/2fa/disable", form: url.Values{}, plain: [6]int{s401, s303, s422, s303, s422, s422}},
		// Resetting a member's second factor follows people management (and
		// the group's space): the confirmation page, then the reset of a
		// fresh member who has one.
		{method: "GET", pattern: "/orgs/{orgID}/members/{userID}/2fa/reset", prepare: reset, org: withAnon(managePeople(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/members/{userID}/2fa/reset", prepare: reset, org: withAnon(managePeople(s303), anonPost)},
	}
}

// newVictim2FA is newVictim with a second factor set up.
func newVictim2FA(e *testEnv, org model.Org) string {
	id := newVictim(e, org)
	ctx := context.Background()
	if err := e.st.BeginTwoFactor(ctx, id, auth.NewTOTPSecret()); err != nil {
		e.t.Fatalf("victim key: %v", err)
	}
	if _, err := e.st.EnableTwoFactor(ctx, id, 1, nil, ""); err != nil {
		e.t.Fatalf("victim key: %v", err)
	}
	return id
}

// secondStep sends the next code of email's authenticator to /login/code
// and expects to be signed in.
func (e *testEnv) secondStep(c *client, email string) {
	e.t.Helper()
	e.codes.turn.Lock()
	defer e.codes.turn.Unlock()
	res := c.post("/login/code", url.Values{"code": {e.codes.next(e.t, email)}})
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/" {
		e.t.Fatalf("sign in %s, second step: status %d to %q, want 303 to /; body: %.300s", email, res.status, res.header.Get("Location"), res.body)
	}
}
