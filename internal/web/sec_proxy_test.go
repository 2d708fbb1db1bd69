package web

import (
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"testing"
)

// secBehindProxy trusts the loopback address as a reverse proxy.
func secBehindProxy(limit int) envOption {
	return func(c *Config) {
		c.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("::1/128")}
		c.IPLimit = limit
	}
}

// Behind a trusted proxy the client address comes from X-Forwarded-For:
// each client has its own allowance, and the security log names it.
func TestSecTrustedProxyClientAddress(t *testing.T) {
	t.Parallel()
	e := newEnv(t, secBehindProxy(2))
	wrong := url.Values{"email": {emailNetAdmin}, "password": {"not the right password"}}.Encode()
	from := func(xff string) response {
		return e.client().postRaw("/login", wrong, secHeader("X-Forwarded-For", xff))
	}
	for i := 1; i <= 2; i++ {
		secStatus(t, "client A attempt "+strconv.Itoa(i), from("203.0.113.1"), http.StatusUnprocessableEntity)
	}
	secRetryAfter(t, "client A attempt 3", from("203.0.113.1"), int(DefaultConfig().IPWindow.Seconds()))
	// A client cannot escape by prepending addresses: the nearest untrusted
	// address, the one the proxy saw, counts.
	secRetryAfter(t, "client A with a forged prefix", from("198.51.100.99, 203.0.113.1"), int(DefaultConfig().IPWindow.Seconds()))
	secStatus(t, "client B", from("203.0.113.2"), http.StatusUnprocessableEntity)

	cc := e.client()
	res := cc.postRaw("/login", url.Values{"email": {emailNetAdmin}, "password": {testPassword}}.Encode(),
		secHeader("X-Forwarded-For", "203.0.113.3"))
	secRedirect(t, "client C gives the password", res, "/login/code")
	e.codes.turn.Lock()
	res = cc.postRaw("/login/code", url.Values{"code": {e.codes.next(t, emailNetAdmin)}}.Encode(), secHeader("X-Forwarded-For", "203.0.113.3"))
	e.codes.turn.Unlock()
	secRedirect(t, "client C gives the code", res, "/")
	ana := e.signIn(emailNetAdmin) // from the proxy itself: no header, its own address
	log := ana.get("/orgs/" + e.orgs["network"].ID + "/security")
	if secLogRow(log.body, "Signed in", "Ana Admin", "203.0.113.3") == "" {
		t.Errorf("security log has no sign-in from 203.0.113.3")
	}
	if secLogRow(log.body, "Failed sign-in", "203.0.113.1") == "" {
		t.Errorf("security log has no failed sign-in from 203.0.113.1")
	}
}

// Header lines of one name are one comma-separated list (RFC 9110, 5.3).
// A proxy that adds its own X-Forwarded-For line rather than appending to
// the client's (HAProxy's "option forwardfor" does) leaves the client's
// forged line first; the nearest untrusted address must still be the one
// the proxy saw. This was a bug in middleware.go (clientIP read only
// r.Header.Get, the first line, so a client could pick any address and
// never run out of sign-in attempts); it is fixed in commit 147137d and
// this test guards it.
func TestSecTrustedProxyHeaderLines(t *testing.T) {
	t.Parallel()
	e := newEnv(t, secBehindProxy(2))
	wrong := url.Values{"email": {emailNetAdmin}, "password": {"not the right password"}}.Encode()
	var last response
	for i := 1; i <= 3; i++ {
		// The client forges a different first line each time; the proxy adds
		// the address it really saw as a second line.
		h := http.Header{"X-Forwarded-For": {"198.51.100." + strconv.Itoa(i), "203.0.113.1"}}
		last = e.client().postRaw("/login", wrong, h)
	}
	if last.status != http.StatusTooManyRequests {
		t.Errorf("third attempt from 203.0.113.1 with forged first lines: got %d, want 429", last.status)
	}
}
