package web

import (
	"net/http"
	"net/url"
	"strings"
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
			errs: map[string]string{"name": inNeedYourName, "password": inNeedNewPassword, "password_confirm": inNeedPasswordAgain}},
		{name: "all empty in Spanish", form: allEmpty, lang: "es",
			errs: map[string]string{"name": inNeedYourNameES, "password": inNeedNewPasswordES, "password_confirm": inNeedPasswordAgainES}},
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
	base := url.Values{"name": {"Beatriz Beta"}, "password": {testPassword}, "password_confirm": {testPassword}}
	secrets := []string{testPassword, inOtherPassword}
	cases := []inCase{
		{name: "all empty", form: url.Values{"name": {""}, "password": {""}, "password_confirm": {""}},
			errs: map[string]string{"name": inNeedYourName, "password": inNeedNewPassword, "password_confirm": inNeedPasswordAgain}},
		{name: "all empty in Spanish", form: url.Values{"name": {""}, "password": {""}, "password_confirm": {""}}, lang: "es",
			errs: map[string]string{"name": inNeedYourNameES, "password": inNeedNewPasswordES, "password_confirm": inNeedPasswordAgainES}},
		// The same fields are checked as for a newcomer, before the password.
		{name: "name too long", form: inWith(base, "name", inLong(101)),
			errs: map[string]string{"name": inMax("100")}, secret: secrets},
		{name: "passwords differ", form: inWith(base, "password_confirm", inOtherPassword),
			errs: map[string]string{"password_confirm": inMismatch}, secret: secrets},
		{name: "too long", form: inWith(base, "password", inLong(129), "password_confirm", inLong(129)),
			errs: map[string]string{"password": inMax("128")}, secret: []string{inLong(129)}},
		{name: "invalid UTF-8", form: inWith(base, "password", testPassword+"\xff\xfe", "password_confirm", testPassword+"\xff\xfe"),
			errs: map[string]string{"password": inChars}, secret: []string{testPassword}},
		{name: "control character", form: inWith(base, "password", testPassword+"\x01", "password_confirm", testPassword+"\x01"),
			errs: map[string]string{"password": inChars}, secret: []string{testPassword}},
	}
	inRun(t, e, c, path, cases, func(t *testing.T) {
		if got := secRole(t, e, alpha, beatriz.ID); got != "" {
			t.Errorf("Beatriz in alpha after a rejected form: got role %q, want none", got)
		}
	})
	inOversize(t, e, c, path, "password")
	// The account's own password joins, even one the new rules would refuse
	// for a new account (it was chosen before them).
	// Her account has two-step sign-in: joining waits for her code.
	secRedirect(t, "valid form", c.post(path, base), "/login/code")
	if got := secRole(t, e, alpha, beatriz.ID); got != model.RoleMember {
		t.Errorf("Beatriz in alpha: got role %q, want member", got)
	}
}

// TestInputInviteLooksAlike: whoever holds an invitation link cannot tell
// from the pages whether its address already has an account (issue 8,
// section 5): the form, and every answer until the password is checked,
// are the same byte for byte, the address aside.
func TestInputInviteLooksAlike(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	const fresh = "nobody.yet@alpha.example.org"
	tokens := map[string]string{
		fresh:          secInvite(t, e, alpha, fresh, model.RoleMember),
		emailBetaCoord: secInvite(t, e, alpha, emailBetaCoord, model.RoleMember),
	}
	normal := func(res response, email, token string) string {
		b := strings.ReplaceAll(res.body, res.header.Get("X-Request-Id"), "REQUEST-ID")
		b = strings.ReplaceAll(b, token, "TOKEN")
		return strings.ReplaceAll(b, secEsc(email), "EMAIL")
	}
	forms := []url.Values{
		nil, // GET
		{"name": {""}, "password": {""}, "password_confirm": {""}},
		{"name": {inLong(101)}, "password": {inOtherPassword}, "password_confirm": {inOtherPassword}},
		{"name": {"Eve"}, "password": {inOtherPassword}, "password_confirm": {inGoodPassword}},
		{"name": {"Eve"}, "password": {inOtherPassword + "\x01"}, "password_confirm": {inOtherPassword + "\x01"}},
		{"name": {"Eve\xff"}, "password": {""}, "password_confirm": {""}},
	}
	for i, form := range forms {
		var got []string
		var status []int
		for _, email := range []string{fresh, emailBetaCoord} {
			c := e.client()
			var res response
			if form == nil {
				res = c.get("/invite/" + tokens[email])
			} else {
				res = c.post("/invite/"+tokens[email], form)
			}
			got = append(got, normal(res, email, tokens[email])+"\nSet-Cookie: "+strings.Join(res.header.Values("Set-Cookie"), "|"))
			status = append(status, res.status)
		}
		if status[0] != status[1] || got[0] != got[1] {
			t.Errorf("form %d: a new address answers %d, an existing account %d, or the pages differ:\n%s\nvs\n%s",
				i, status[0], status[1], secSnippet(got[0]), secSnippet(got[1]))
		}
	}
	if _, err := e.st.UserByEmail(t.Context(), fresh); err == nil {
		t.Errorf("an account for %s exists after forms that were all refused", fresh)
	}
}
