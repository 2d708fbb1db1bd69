package web

import (
	"net/http"
	"net/url"
	"testing"
)

func TestInputReset(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	miguel := secUser(t, e, emailAlphaMem)
	token := secReset(t, e, miguel, alpha)
	c := e.client()
	path := "/reset/" + token
	base := url.Values{"password": {inGoodPassword}, "password_confirm": {inGoodPassword}}
	secrets := []string{inGoodPassword, inOtherPassword, inShortPassword, inCommonPassword}
	cases := []inCase{
		{name: "all empty", form: url.Values{"password": {""}, "password_confirm": {""}},
			errs: map[string]string{"password": inNeedNewPassword, "password_confirm": inNeedPasswordAgain}},
		{name: "all empty in Spanish", form: url.Values{"password": {""}, "password_confirm": {""}}, lang: "es",
			errs: map[string]string{"password": inNeedNewPasswordES, "password_confirm": inNeedPasswordAgainES}},
		{name: "too long", form: inWith(base, "password", inLong(129), "password_confirm", inLong(129)),
			errs: map[string]string{"password": inMax("128")}, secret: []string{inLong(129)}},
		{name: "invalid UTF-8", form: inWith(base, "password", inGoodPassword+"\xff\xfe", "password_confirm", inGoodPassword+"\xff\xfe"),
			errs: map[string]string{"password": inChars}, secret: secrets},
		{name: "control character", form: inWith(base, "password", inGoodPassword+"\x01", "password_confirm", inGoodPassword+"\x01"),
			errs: map[string]string{"password": inChars}, secret: secrets},
		{name: "passwords differ", form: inWith(base, "password_confirm", inOtherPassword),
			errs: map[string]string{"password_confirm": inMismatch}, secret: secrets},
		{name: "passwords differ in Spanish", form: inWith(base, "password_confirm", inOtherPassword), lang: "es",
			errs: map[string]string{"password_confirm": inMismatchES}, secret: secrets},
		{name: "too short", form: inWith(base, "password", inShortPassword, "password_confirm", inShortPassword),
			errs: map[string]string{"password": inShort}, secret: secrets},
		{name: "common", form: inWith(base, "password", inCommonPassword, "password_confirm", inCommonPassword),
			errs: map[string]string{"password": inCommon}, secret: secrets},
		{name: "with the name", form: inWith(base, "password", "MiguelMember-is-here", "password_confirm", "MiguelMember-is-here"),
			errs: map[string]string{"password": inPersonal}, secret: []string{"MiguelMember-is-here"}},
	}
	inRun(t, e, c, path, cases, func(t *testing.T) {
		if res := e.client().get(path); res.status != http.StatusOK {
			t.Errorf("reset link after a rejected form: GET got %d, want 200 (still usable)", res.status)
		}
		if got := secUser(t, e, emailAlphaMem); got.PasswordHash != miguel.PasswordHash || got.SessionEpoch != miguel.SessionEpoch {
			t.Errorf("account changed by a rejected reset form")
		}
	})
	inOversize(t, e, c, path, "password")
	secRedirect(t, "old password still works", e.client().post("/login", url.Values{"email": {emailAlphaMem}, "password": {testPassword}}), "/")
}

func TestInputAccountPassword(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.signIn(emailAlphaMem)
	other := e.signIn(emailAlphaMem)
	miguel := secUser(t, e, emailAlphaMem)
	path := "/account/password"
	base := url.Values{"current_password": {testPassword}, "password": {inGoodPassword}, "password_confirm": {inGoodPassword}}
	secrets := []string{testPassword, inGoodPassword, inOtherPassword, inShortPassword, inCommonPassword}
	allEmpty := url.Values{"current_password": {""}, "password": {""}, "password_confirm": {""}}
	cases := []inCase{
		{name: "all empty", form: allEmpty,
			errs: map[string]string{"current_password": inNeedCurrentPassword, "password": inNeedNewPassword, "password_confirm": inNeedPasswordAgain}},
		{name: "all empty in Spanish", form: allEmpty, lang: "es",
			errs: map[string]string{"current_password": inNeedCurrentPasswordES, "password": inNeedNewPasswordES, "password_confirm": inNeedPasswordAgainES}},
		{name: "current password too long", form: inWith(base, "current_password", inLong(129)),
			errs: map[string]string{"current_password": inMax("128")}, secret: append(secrets, inLong(129))},
		{name: "new password too long", form: inWith(base, "password", inLong(129), "password_confirm", inLong(129)),
			errs: map[string]string{"password": inMax("128")}, secret: append(secrets, inLong(129))},
		{name: "invalid UTF-8", form: inWith(base, "password", inGoodPassword+"\xff\xfe", "password_confirm", inGoodPassword+"\xff\xfe"),
			errs: map[string]string{"password": inChars}, secret: secrets},
		{name: "control character", form: inWith(base, "current_password", testPassword+"\x01"),
			errs: map[string]string{"current_password": inChars}, secret: secrets},
		{name: "passwords differ", form: inWith(base, "password_confirm", inOtherPassword),
			errs: map[string]string{"password_confirm": inMismatch}, secret: secrets},
		{name: "too short", form: inWith(base, "password", inShortPassword, "password_confirm", inShortPassword),
			errs: map[string]string{"password": inShort}, secret: secrets},
		{name: "too short in Spanish", form: inWith(base, "password", inShortPassword, "password_confirm", inShortPassword), lang: "es",
			errs: map[string]string{"password": inShortES}, secret: secrets},
		{name: "common", form: inWith(base, "password", inCommonPassword, "password_confirm", inCommonPassword),
			errs: map[string]string{"password": inCommon}, secret: secrets},
		{name: "with the email", form: inWith(base, "password", "member-of-alpha-2026", "password_confirm", "member-of-alpha-2026"),
			errs: map[string]string{"password": inPersonal}, secret: []string{"member-of-alpha-2026"}},
		// Issue 8: three of the 16 weak passwords that passed the list alone.
		{name: "weak Password123!", form: inWith(base, "password", "Password123!", "password_confirm", "Password123!"),
			errs: map[string]string{"password": inCommon}, secret: []string{"Password123!"}},
		{name: "weak qwertyuiopas", form: inWith(base, "password", "qwertyuiopas", "password_confirm", "qwertyuiopas"),
			errs: map[string]string{"password": inCommon}, secret: []string{"qwertyuiopas"}},
		{name: "weak iloveyou12345 in Spanish", form: inWith(base, "password", "iloveyou12345", "password_confirm", "iloveyou12345"), lang: "es",
			errs: map[string]string{"password": inCommonES}, secret: []string{"iloveyou12345"}},
		// Each weakness says what would make it stronger, in the person's language.
		{name: "keyboard row", form: inWith(base, "password", "zxcvbnm,./;lk", "password_confirm", "zxcvbnm,./;lk"),
			errs: map[string]string{"password": inKeyboard}, secret: []string{"zxcvbnm,./;lk"}},
		{name: "keyboard row in Spanish", form: inWith(base, "password", "asdfghjkl;'][", "password_confirm", "asdfghjkl;']["), lang: "es",
			errs: map[string]string{"password": inKeyboardES}, secret: []string{"asdfghjkl;']["}},
		{name: "sequence", form: inWith(base, "password", "abcdefghijklmnop", "password_confirm", "abcdefghijklmnop"),
			errs: map[string]string{"password": inSequence}, secret: []string{"abcdefghijklmnop"}},
		{name: "two common words in Spanish", form: inWith(base, "password", "beautifulgarden", "password_confirm", "beautifulgarden"), lang: "es",
			errs: map[string]string{"password": inWordsES}, secret: []string{"beautifulgarden"}},
		{name: "the organisation's name", form: inWith(base, "password", "AlphaGroup-2026-rocks", "password_confirm", "AlphaGroup-2026-rocks"),
			errs: map[string]string{"password": inPersonal}, secret: []string{"AlphaGroup-2026-rocks"}},
		{name: "the organisation's name in Spanish", form: inWith(base, "password", "alpha group forever!", "password_confirm", "alpha group forever!"), lang: "es",
			errs: map[string]string{"password": inPersonalES}, secret: []string{"alpha group forever!"}},
		{name: "wrong current password", form: inWith(base, "current_password", inOtherPassword),
			errs: map[string]string{"current_password": "That is not your current password."}, secret: secrets},
		{name: "wrong current password in Spanish", form: inWith(base, "current_password", inOtherPassword), lang: "es",
			errs: map[string]string{"current_password": "Esa no es su contraseña actual."}, secret: secrets},
	}
	inRun(t, e, c, path, cases, func(t *testing.T) {
		if got := secUser(t, e, emailAlphaMem); got.PasswordHash != miguel.PasswordHash || got.SessionEpoch != miguel.SessionEpoch {
			t.Errorf("account changed by a rejected password form")
		}
		if res := other.get("/"); res.status != http.StatusOK {
			t.Errorf("other session after a rejected password form: got %d, want 200", res.status)
		}
	})
	inOversize(t, e, c, path, "password")
}
