package web

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"puente/internal/model"
)

// One account has one allowance of password checks, however its address
// is spelled. Sign-in (login.go) and invitation acceptance (invitations.go)
// key it by the lower-cased address; a password change must do the same,
// although addresses are stored as typed (setup, invitations). This was a
// bug in account.go (accountPasswordPost keyed by v.User.Email as stored,
// giving "Rosa.Quintero@…" two allowances); it is fixed in commit 147137d
// and this test guards it.
func TestSecAccountThrottleOneKeyPerAccount(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(c *Config) { c.IPLimit, c.AccountLimit = 1000, 3 })
	const email = "Rosa.Quintero@alpha.example.org"
	if _, err := e.st.CreateMember(t.Context(), e.orgs["alpha"], email, "Rosa Quintero", e.hash, model.RoleMember); err != nil {
		t.Fatal(err)
	}
	// A right password does not count (only failures do); one wrong one
	// at sign-in does (the address typed as stored).
	c := e.client()
	secRedirect(t, "sign in", c.post("/login", url.Values{"email": {email}, "password": {testPassword}}), "/")
	secStatus(t, "password check 1", e.client().post("/login", url.Values{"email": {email}, "password": {"not the right password"}}),
		http.StatusUnprocessableEntity)
	// Two more with the wrong current password use up the allowance of three.
	wrong := url.Values{"current_password": {"not the right password"}, "password": {inGoodPassword}, "password_confirm": {inGoodPassword}}
	for i := 2; i <= 3; i++ {
		secStatus(t, "password check "+strconv.Itoa(i), c.post("/account/password", wrong), http.StatusUnprocessableEntity)
	}
	res := c.post("/account/password", wrong)
	if res.status != http.StatusTooManyRequests {
		t.Errorf("fourth password check for %s: got %d, want 429 (one allowance per account, whatever the spelling)", email, res.status)
	}
}
