package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"puente/internal/model"
)

const secThrottledMsg = "Too many attempts. Wait a few minutes and try again."

// secRetryAfter fails unless res is a 429 with a Retry-After of a positive
// whole number of seconds no longer than max.
func secRetryAfter(t testing.TB, label string, res response, max int) {
	t.Helper()
	secStatus(t, label, res, http.StatusTooManyRequests)
	secHas(t, label, res.body, secThrottledMsg)
	secCheckHeaders(t, label, res.header)
	ra := res.header.Get("Retry-After")
	n, err := strconv.Atoi(ra)
	if err != nil || n <= 0 || n > max {
		t.Errorf("%s: Retry-After got %q, want a whole number of seconds in 1..%d", label, ra, max)
	}
}

func TestSecIPThrottle(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(c *Config) { c.IPLimit = 3 })
	c := e.client()
	wrong := url.Values{"email": {emailNetAdmin}, "password": {"not the right password"}}
	for i := 1; i <= 3; i++ {
		secStatus(t, "attempt "+strconv.Itoa(i), c.post("/login", wrong), http.StatusUnprocessableEntity)
	}
	window := int(DefaultConfig().IPWindow.Seconds())
	secRetryAfter(t, "attempt 4", c.post("/login", wrong), window)
	// The right password does not get through either, from any client on
	// this address, and the refusal holds no session.
	res := e.client().post("/login", url.Values{"email": {emailNetCoord}, "password": {testPassword}})
	secRetryAfter(t, "attempt 5, right password", res, window)
	if ck := secSetCookie(res, secSessionCookie); ck != nil {
		t.Errorf("throttled sign-in set a session cookie")
	}
	// A forged X-Forwarded-For changes nothing: no proxy is trusted.
	res = e.client().postRaw("/login", url.Values{"email": {emailNetCoord}, "password": {testPassword}}.Encode(),
		secHeader("X-Forwarded-For", "203.0.113.7"))
	secRetryAfter(t, "attempt 6, forged X-Forwarded-For", res, window)
}

func TestSecAccountThrottle(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(c *Config) { c.IPLimit, c.AccountLimit = 1000, 2 })
	net := e.orgs["network"]
	ana := secUser(t, e, emailNetAdmin)
	c := e.client()
	wrong := url.Values{"email": {emailNetAdmin}, "password": {"not the right password"}}
	for i := 1; i <= 2; i++ {
		secStatus(t, "attempt "+strconv.Itoa(i), c.post("/login", wrong), http.StatusUnprocessableEntity)
	}
	if n := secCountEvents(t, e, net, model.EventLockout, ana.ID); n != 0 {
		t.Fatalf("lockout events before the limit: got %d, want 0", n)
	}
	window := int(DefaultConfig().AccountWindow.Seconds())
	// Even the right password is refused once the account's allowance is used.
	right := url.Values{"email": {emailNetAdmin}, "password": {testPassword}}
	secRetryAfter(t, "attempt 3, right password", c.post("/login", right), window)
	if n := secCountEvents(t, e, net, model.EventLockout, ana.ID); n != 1 {
		t.Errorf("lockout events after the first refusal: got %d, want 1", n)
	}
	// Another spelling of the same address is the same account.
	upper := url.Values{"email": {strings.ToUpper(emailNetAdmin)}, "password": {testPassword}}
	secRetryAfter(t, "attempt 4, upper-case email", e.client().post("/login", upper), window)
	secRetryAfter(t, "attempt 5", c.post("/login", wrong), window)
	if n := secCountEvents(t, e, net, model.EventLockout, ana.ID); n != 1 {
		t.Errorf("lockout events after more refusals: got %d, want 1 (logged once)", n)
	}
	// Other accounts are unaffected.
	secRedirect(t, "another account", e.client().post("/login", url.Values{"email": {emailNetCoord}, "password": {testPassword}}), "/")
	// The lock-out shows in the network's security log, for its people to see.
	admin2, err := e.st.CreateMember(t.Context(), net, "second.admin@network.example.org", "Second Admin", e.hash, model.RoleAdmin)
	if err != nil {
		t.Fatal(err)
	}
	log := e.signIn(admin2.Email).get("/orgs/" + net.ID + "/security")
	secStatus(t, "security log", log, http.StatusOK)
	if row := secLogRow(log.body, "Sign-in locked for a while", "Ana Admin"); row == "" {
		t.Errorf("security log has no lock-out row for Ana Admin: %.800s", secSnippet(log.body))
	}
}

// An unknown email and a wrong password get the same answer: a visitor
// cannot learn who has an account.
func TestSecLoginNoEnumeration(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	const unknown = "nobody@network.example.org"
	try := func(email string) response {
		return e.client().post("/login", url.Values{"email": {email}, "password": {"not the right password"}})
	}
	normal := func(res response, email string) string {
		b := res.body
		if id := res.header.Get("X-Request-Id"); id != "" {
			b = strings.ReplaceAll(b, id, "REQUEST-ID")
		}
		return strings.ReplaceAll(b, email, "EMAIL")
	}
	known, unk := try(emailNetAdmin), try(unknown)
	secStatus(t, "wrong password", known, http.StatusUnprocessableEntity)
	secStatus(t, "unknown email", unk, http.StatusUnprocessableEntity)
	secHas(t, "wrong password", known.body, "The email or password is not right.")
	if a, b := normal(known, emailNetAdmin), normal(unk, unknown); a != b {
		t.Errorf("bodies differ between a wrong password and an unknown email:\nwrong password: %.800s\nunknown email:  %.800s",
			secSnippet(a), secSnippet(b))
	}
	for _, h := range []string{"Set-Cookie", "Content-Type", "Cache-Control", "Retry-After"} {
		if a, b := known.header.Values(h), unk.header.Values(h); strings.Join(a, "|") != strings.Join(b, "|") {
			t.Errorf("header %s: got %q for a wrong password and %q for an unknown email, want the same", h, a, b)
		}
	}
}
