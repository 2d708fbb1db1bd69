package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"puente/internal/model"
)

// Issue 8, section 5: ten wrong passwords from anywhere locked the owner
// out for 15 minutes too. The strict limit is now per account and address,
// with a looser account-wide ceiling that never refuses the addresses the
// owner signs in from: an attacker elsewhere cannot lock them out of their
// usual address.
func TestSecLockoutSparesTheOwnersAddress(t *testing.T) {
	t.Parallel()
	e := newEnv(t, secBehindProxy(1000), func(c *Config) { c.AccountLimit, c.AccountCeiling = 3, 7 })
	net := e.orgs["network"]
	ana := secUser(t, e, emailNetAdmin)
	const home = "198.51.100.7" // Ana's usual address
	try := func(from, password string) response {
		return e.client().postRaw("/login", url.Values{"email": {emailNetAdmin}, "password": {password}}.Encode(),
			secHeader("X-Forwarded-For", from))
	}
	window := int(DefaultConfig().AccountWindow.Seconds())
	// A whole sign-in, password and code: only a finished one makes an
	// address one of the account's usual addresses.
	signInFrom := func(label, from string) {
		t.Helper()
		c := e.client()
		secRedirect(t, label+": password", c.postRaw("/login", url.Values{"email": {emailNetAdmin}, "password": {testPassword}}.Encode(),
			secHeader("X-Forwarded-For", from)), "/login/code")
		e.codes.turn.Lock()
		defer e.codes.turn.Unlock()
		secRedirect(t, label+": code", c.postRaw("/login/code", url.Values{"code": {e.codes.next(t, emailNetAdmin)}}.Encode(),
			secHeader("X-Forwarded-For", from)), "/")
	}
	signInFrom("Ana signs in from home", home)

	// An attacker at one address uses up that address's allowance...
	for i := 1; i <= 3; i++ {
		secStatus(t, "attacker attempt "+strconv.Itoa(i), try("203.0.113.9", "not the right password"), http.StatusUnprocessableEntity)
	}
	secRetryAfter(t, "attacker attempt 4, right password", try("203.0.113.9", testPassword), window)
	// ...and only that address's: Ana signs in from home.
	signInFrom("Ana from home after the attack", home)

	// Spread over many addresses, guessing stops at the account-wide
	// ceiling (7: the attacker's 3 above and 4 more; Ana's sign-ins were
	// right, and only failures count)...
	for i := 10; i < 14; i++ {
		secStatus(t, "attacker from another address", try(fmt.Sprintf("203.0.113.%d", i), "not the right password"), http.StatusUnprocessableEntity)
	}
	secRetryAfter(t, "attacker from yet another address", try("203.0.113.50", "not the right password"), window)
	// ...which never refuses the owner's usual address.
	signInFrom("Ana from home at the ceiling", home)
	// An address she never used is refused meanwhile: the price of the ceiling.
	secRetryAfter(t, "Ana from a new address at the ceiling", try("192.0.2.77", testPassword), window)

	// Each lock-out is written once to the security log.
	if n := secCountEvents(t, e, net, model.EventLockout, ana.ID); n != 2 {
		t.Errorf("lock-out events: got %d, want 2 (the attacker's address, then the ceiling)", n)
	}
}
