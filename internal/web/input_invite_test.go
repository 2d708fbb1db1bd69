package web

import (
	"net/http"
	"net/url"
	"testing"

	"puente/internal/model"
)

func TestInputInviteAcceptNewAccount(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	const email = "newcomer@alpha.example.org"
	token := secInvite(t, e, alpha, email, model.RoleMember)
	c := e.client()
	path := "/invite/" + token
	base := url.Values{"name": {"Rosa Quintero"}, "password": {inGoodPassword}, "password_confirm": {inGoodPassword}}
	secrets := []string{inGoodPassword, inOtherPassword, inShortPassword, inCommonPassword}
	allEmpty := url.Values{"name": {""}, "password": {""}, "password_confirm": {""}}
	cases := []inCase{
		{name: "all empty", form: allEmpty,
			errs: map[string]string{"name": inRequired, "password": inRequired, "password_confirm": inRequired}},
		{name: "all empty in Spanish", form: allEmpty, lang: "es",
			errs: map[string]string{"name": inRequiredES, "password": inRequiredES, "password_confirm": inRequiredES}},
		{name: "name too long", form: inWith(base, "name", inLong(101)),
			errs: map[string]string{"name": inMax("100")}, keep: []string{inLong(101)}, secret: secrets},
		{name: "name too long in Spanish", form: inWith(base, "name", inLong(101)), lang: "es",
			errs: map[string]string{"name": inMaxES("100")}, secret: secrets},
		{name: "invalid UTF-8 in name", form: inWith(base, "name", "Rosa\xff\xfe"),
			errs: map[string]string{"name": inChars}, secret: secrets},
		{name: "control character in name", form: inWith(base, "name", "Rosa\x01"),
			errs: map[string]string{"name": inChars}, secret: secrets},
		{name: "passwords differ", form: inWith(base, "password_confirm", inOtherPassword),
			errs: map[string]string{"password_confirm": inMismatch}, keep: []string{"Rosa Quintero"}, secret: secrets},
		{name: "password too short", form: inWith(base, "password", inShortPassword, "password_confirm", inShortPassword),
			errs: map[string]string{"password": inShort}, keep: []string{"Rosa Quintero"}, secret: secrets},
		{name: "common password", form: inWith(base, "password", inCommonPassword, "password_confirm", inCommonPassword),
			errs: map[string]string{"password": inCommon}, keep: []string{"Rosa Quintero"}, secret: secrets},
		{name: "common password in Spanish", form: inWith(base, "password", inCommonPassword, "password_confirm", inCommonPassword), lang: "es",
			errs: map[string]string{"password": inCommonES}, secret: secrets},
		{name: "password with the email", form: inWith(base, "password", "newcomer-2026-bridge", "password_confirm", "newcomer-2026-bridge"),
			errs: map[string]string{"password": inPersonal}, secret: []string{"newcomer-2026-bridge"}},
		{name: "password too long", form: inWith(base, "password", inLong(129), "password_confirm", inLong(129)),
			errs: map[string]string{"password": inMax("128")}, secret: []string{inLong(129)}},
		{name: "control character in password", form: inWith(base, "password", inGoodPassword+"\x01", "password_confirm", inGoodPassword+"\x01"),
			errs: map[string]string{"password": inChars}, secret: secrets},
	}
	stillPending := func(t *testing.T) {
		if res := e.client().get(path); res.status != http.StatusOK {
			t.Errorf("invitation after a rejected form: GET got %d, want 200 (still usable)", res.status)
		}
	}
	inRun(t, e, c, path, cases, stillPending)
	inOversize(t, e, c, path, "name")
	if _, err := e.st.UserByEmail(t.Context(), email); err == nil {
		t.Errorf("an account for %s exists after rejected forms", email)
	}
	// The link still works once the form is right.
	secRedirect(t, "valid form", c.post(path, base), "/")
}

func TestInputInviteAcceptExistingAccount(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	beatriz := secUser(t, e, emailBetaCoord)
	token := secInvite(t, e, alpha, emailBetaCoord, model.RoleMember)
	c := e.client()
	path := "/invite/" + token
	if page := c.get(path); page.status != http.StatusOK {
		t.Fatalf("GET %s: got %d, want 200", path, page.status)
	} else {
		secHas(t, "existing-account form", page.body, "You already have an account as "+emailBetaCoord+". Enter its password to accept.")
	}
	cases := []inCase{
		{name: "empty", form: url.Values{"password": {""}}, errs: map[string]string{"password": inRequired}},
		{name: "empty in Spanish", form: url.Values{"password": {""}}, lang: "es", errs: map[string]string{"password": inRequiredES}},
		{name: "too long", form: url.Values{"password": {inLong(129)}},
			errs: map[string]string{"password": inMax("128")}, secret: []string{inLong(129)}},
		{name: "invalid UTF-8", form: url.Values{"password": {testPassword + "\xff\xfe"}},
			errs: map[string]string{"password": inChars}, secret: []string{testPassword}},
		{name: "control character", form: url.Values{"password": {testPassword + "\x01"}},
			errs: map[string]string{"password": inChars}, secret: []string{testPassword}},
		// The new-account fields mean nothing here and are not checked.
		{name: "name fields ignored", form: url.Values{"name": {inLong(500)}, "password": {""}},
			errs: map[string]string{"password": inRequired}, absent: []string{inMax("100")}},
	}
	inRun(t, e, c, path, cases, func(t *testing.T) {
		if got := secRole(t, e, alpha, beatriz.ID); got != "" {
			t.Errorf("Beatriz in alpha after a rejected form: got role %q, want none", got)
		}
	})
	inOversize(t, e, c, path, "password")
}
