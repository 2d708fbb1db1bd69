package web

import (
	"bytes"
	"context"
	"image/png"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"puente/internal/model"
)

// Issue 14, two-factor sign-in: the flows a person goes through, over HTTP.

// A member (for whom it is optional) sets two-step sign-in up from the
// account page: a QR code served on its own, never cached; the key typed
// out; a wrong first code refused with the form kept; ten recovery codes
// shown once; every other session ended; then sign-in asks for a code.
func TestTwoFactorEnrolAndSignIn(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	mem := secUser(t, e, emailAlphaMem)
	c := e.signIn(emailAlphaMem)
	other := e.signIn(emailAlphaMem) // another device, signed in with the password alone

	page := c.get("/account/2fa")
	secStatus(t, "two-step page before", page, http.StatusOK)
	secHas(t, "two-step page before", page.body, "Set up two-step sign-in")
	if res := c.get("/account/2fa/qr.png"); res.status != http.StatusNotFound {
		t.Errorf("QR before a key exists: got %d, want 404", res.status)
	}
	secRedirect(t, "start", c.post("/account/2fa/setup", url.Values{}), "/account/2fa")
	page = c.get("/account/2fa")
	m := tfKeyRE.FindStringSubmatch(page.body)
	if m == nil || !strings.Contains(page.body, `<img class="qr" src="/account/2fa/qr.png" width="240" height="240" alt="`) {
		t.Fatalf("setup page: want the QR image and the key typed out; body %.1500s", secSnippet(page.body))
	}
	secret := strings.ReplaceAll(m[1], " ", "")
	if len(secret) != 32 || len(m[1]) != 39 {
		t.Errorf("typed key %q: want 32 base32 characters in groups of four", m[1])
	}
	qr := c.get("/account/2fa/qr.png")
	secStatus(t, "QR", qr, http.StatusOK)
	secCheckHeaders(t, "QR", qr.header)
	if ct, cc := qr.header.Get("Content-Type"), qr.header.Get("Cache-Control"); ct != "image/png" || cc != "no-store" {
		t.Errorf("QR headers: Content-Type %q, Cache-Control %q; want image/png and no-store", ct, cc)
	}
	if img, err := png.Decode(bytes.NewReader([]byte(qr.body))); err != nil || img.Bounds().Dx() != 240 {
		t.Errorf("QR: %v, want a 240 px PNG", err)
	}
	if res := e.client().get("/account/2fa/qr.png"); res.status != http.StatusSeeOther {
		t.Errorf("QR for someone not signed in: got %d, want 303 to sign in", res.status)
	}
	// The key is sealed in the database: its text is nowhere in the file.
	if b := pvReadFile(t, e.dbPath); bytes.Contains(b, []byte(secret)) {
		t.Errorf("the database file holds the authenticator key in plain text")
	}

	// A wrong first code: 422, an error summary, the code field emptied.
	e.codes.add(emailAlphaMem, secret)
	wrong := wrongCode(e.codes.current(t, emailAlphaMem))
	res := c.post("/account/2fa/confirm", url.Values{"code": {wrong}})
	secStatus(t, "wrong first code", res, http.StatusUnprocessableEntity)
	secHas(t, "wrong first code", res.body, "There is a problem")
	secHas(t, "wrong first code", res.body, "This code does not match the key.")
	if !strings.Contains(res.body, `<a href="#code">`) || strings.Contains(res.body, wrong) {
		t.Errorf("wrong first code: want the summary to link to the field and the code not kept; body %.1200s", secSnippet(res.body))
	}
	if st, _ := e.st.TwoFactorState(context.Background(), mem.ID); st.Enabled {
		t.Fatalf("a wrong first code turned two-step sign-in on")
	}

	e.codes.turn.Lock()
	res = c.post("/account/2fa/confirm", url.Values{"code": {e.codes.next(t, emailAlphaMem)}})
	e.codes.turn.Unlock()
	secStatus(t, "confirm", res, http.StatusOK)
	codes := tfCodeRE.FindAllStringSubmatch(res.body, -1)
	if len(codes) != 10 {
		t.Fatalf("recovery codes shown: got %d, want 10", len(codes))
	}
	if res.header.Get("Cache-Control") != "no-store" {
		t.Errorf("recovery codes page: Cache-Control %q, want no-store", res.header.Get("Cache-Control"))
	}
	if b := pvReadFile(t, e.dbPath); bytes.Contains(b, []byte(codes[0][1])) || bytes.Contains(b, []byte(strings.ReplaceAll(codes[0][1], "-", ""))) {
		t.Errorf("the database holds a recovery code in plain text")
	}
	// This session goes on; the one opened with the password alone ended.
	secStatus(t, "this session after", c.get("/cases"), http.StatusOK)
	secRedirect(t, "the other session after", other.get("/cases"), "/login")
	if n := secCountEvents(t, e, alpha, model.EventTwoFactorEnabled, mem.ID); n != 1 {
		t.Errorf("two_factor_enabled events: got %d, want 1", n)
	}
	acct := c.get("/account")
	secHas(t, "account page", acct.body, "On: Puente asks for a code from your phone after your password.")

	// Signing in now takes the password, then a code.
	c2 := e.passwordOnly(emailAlphaMem)
	secRedirect(t, "half signed in, home", c2.get("/"), "/login/code")
	step := c2.get("/login/code")
	secStatus(t, "code page", step, http.StatusOK)
	secHas(t, "code page", step.body, "Code from the app")
	e.secondStep(c2, emailAlphaMem)
	secStatus(t, "signed in with the code", c2.get("/cases"), http.StatusOK)
	if n := secCountEvents(t, e, alpha, model.EventSignin, mem.ID); n < 3 {
		t.Errorf("signin events: got %d, want at least 3", n)
	}
}

// wrongCode is a 6-digit code other than right.
func wrongCode(right string) string {
	n, _ := strconv.Atoi(right)
	return strconv.Itoa(100000 + (n+1)%900000)
}

// A code works once: the same code again (same time step) is refused,
// written to the log, and the next code works.
func TestTwoFactorReplayRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	coord := secUser(t, e, emailAlphaCoord)
	e.signIn(emailAlphaCoord) // uses the code of the clock's current step
	used := e.codes.current(t, emailAlphaCoord)

	c := e.passwordOnly(emailAlphaCoord)
	res := c.post("/login/code", url.Values{"code": {used}})
	secStatus(t, "same code again", res, http.StatusUnprocessableEntity)
	secHas(t, "same code again", res.body, "This code was already used.")
	secRedirect(t, "after the refused replay", c.get("/cases"), "/login/code")
	replays := 0
	for _, ev := range secEvents(t, e, alpha) {
		if ev.Kind == model.EventTwoFactorFailed && ev.SubjectID == coord.ID && ev.Detail == "replay" {
			replays++
		}
	}
	if replays != 1 {
		t.Errorf("two_factor_failed (replay) events: got %d, want 1", replays)
	}
	e.secondStep(c, emailAlphaCoord)
	secStatus(t, "the next code", c.get("/cases"), http.StatusOK)
}

// Wrong codes are throttled per account and address, with an allowance of
// their own: past it even the right code gets 429, the lock-out is logged
// once, and the password allowance is untouched.
func TestTwoFactorWrongCodesThrottled(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(c *Config) { c.AccountLimit = 3 })
	alpha := e.orgs["alpha"]
	coord := secUser(t, e, emailAlphaCoord)
	c := e.passwordOnly(emailAlphaCoord)
	for i := 1; i <= 3; i++ {
		res := c.post("/login/code", url.Values{"code": {wrongCode(e.codes.current(t, emailAlphaCoord))}})
		secStatus(t, "wrong code "+strconv.Itoa(i), res, http.StatusUnprocessableEntity)
		secHas(t, "wrong code "+strconv.Itoa(i), res.body, "This code is not right.")
	}
	e.codes.turn.Lock()
	res := c.post("/login/code", url.Values{"code": {e.codes.next(t, emailAlphaCoord)}})
	e.codes.turn.Unlock()
	secRetryAfter(t, "the right code after three wrong ones", res, int(DefaultConfig().AccountWindow.Seconds()))
	secRetryAfter(t, "and again", c.post("/login/code", url.Values{"code": {"123456"}}), int(DefaultConfig().AccountWindow.Seconds()))
	if n := secCountEvents(t, e, alpha, model.EventTwoFactorFailed, coord.ID); n != 3 {
		t.Errorf("two_factor_failed events: got %d, want 3", n)
	}
	if n := secCountEvents(t, e, alpha, model.EventLockout, coord.ID); n != 1 {
		t.Errorf("lockout events: got %d, want 1 (logged once)", n)
	}
	// Recovery codes share the code allowance.
	e2 := e.passwordOnly(emailAlphaCoord)
	secRetryAfter(t, "a recovery code meanwhile", e2.post("/login/recovery", url.Values{"code": {"0000-0000-0000-0000"}}), int(DefaultConfig().AccountWindow.Seconds()))
	// The password allowance is its own: the password step still works
	// (it was used twice so far).
	e.passwordOnly(emailAlphaCoord)
}

// Each recovery code signs in once, typed any way; a used one is refused;
// the page says how many are left.
func TestTwoFactorRecoveryCodeOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	mem := secUser(t, e, emailAlphaMem)
	codes := e.enrol(e.signIn(emailAlphaMem), emailAlphaMem)

	c := e.passwordOnly(emailAlphaMem)
	secStatus(t, "recovery page", c.get("/login/recovery"), http.StatusOK)
	secRedirect(t, "first use", c.post("/login/recovery", url.Values{"code": {codes[0]}}), "/")
	home := c.get("/")
	secHas(t, "home after a recovery code", home.body, "You used a recovery code. You have 9 left.")

	c = e.passwordOnly(emailAlphaMem)
	res := c.post("/login/recovery", url.Values{"code": {codes[0]}})
	secStatus(t, "second use", res, http.StatusUnprocessableEntity)
	secHas(t, "second use", res.body, "This recovery code is not right, or it was already used.")
	if strings.Contains(res.body, codes[0]) {
		t.Errorf("second use: the refused code is shown again")
	}
	res = c.post("/login/recovery", url.Values{"code": {"not a code"}})
	secStatus(t, "malformed", res, http.StatusUnprocessableEntity)
	secHas(t, "malformed", res.body, "Enter a recovery code: 16 letters and numbers.")
	loose := strings.ToLower(strings.ReplaceAll(codes[1], "-", " "))
	secRedirect(t, "another code, typed loosely", c.post("/login/recovery", url.Values{"code": {loose}}), "/")

	used := 0
	for _, ev := range secEvents(t, e, alpha) {
		if ev.Kind == model.EventRecoveryCodeUsed && ev.SubjectID == mem.ID {
			used++
			if used == 1 && ev.Detail != "left:8" {
				t.Errorf("newest recovery_code_used detail: got %q, want left:8", ev.Detail)
			}
		}
	}
	if used != 2 {
		t.Errorf("recovery_code_used events: got %d, want 2", used)
	}
	page := c.get("/account/2fa")
	secHas(t, "account two-step page", page.body, "Recovery codes not used yet: 8.")

	// New codes need the password; the old ones stop working.
	secStatus(t, "new codes, wrong password", c.post("/account/2fa/recovery-codes", url.Values{"renew_password": {"not the password"}}), http.StatusUnprocessableEntity)
	res = c.post("/account/2fa/recovery-codes", url.Values{"renew_password": {testPassword}})
	fresh := tfCodeRE.FindAllStringSubmatch(res.body, -1)
	if res.status != http.StatusOK || len(fresh) != 10 {
		t.Fatalf("new codes: %d with %d codes, want 200 with 10", res.status, len(fresh))
	}
	c = e.passwordOnly(emailAlphaMem)
	secStatus(t, "an old code after renewal", c.post("/login/recovery", url.Values{"code": {codes[2]}}), http.StatusUnprocessableEntity)
	secRedirect(t, "a new code", c.post("/login/recovery", url.Values{"code": {fresh[0][1]}}), "/")
}

// Turning two-step sign-in off needs the password and a current code; a
// coordinator who turns it off is sent to set it up again.
func TestTwoFactorDisableNeedsPasswordAndCode(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	coord := secUser(t, e, emailAlphaCoord)
	c := e.signIn(emailAlphaCoord)
	used := e.codes.current(t, emailAlphaCoord)

	for _, tc := range []struct {
		name, password, code, field, msg string
	}{
		{"nothing", "", "", "disable_password", "Enter your current password."},
		{"wrong password", "not the password", e.codes.current(t, emailAlphaCoord), "disable_password", "That is not your current password."},
		{"no code", testPassword, "", "disable_code", "Enter a code from the app, or a recovery code."},
		{"wrong code", testPassword, wrongCode(used), "disable_code", "This code is not right."},
		{"the code used to sign in", testPassword, used, "disable_code", "This code was already used."},
		{"neither kind of code", testPassword, "12ab", "disable_code", "Enter the 6 digits from the app, or a recovery code."},
	} {
		res := c.post("/account/2fa/disable", url.Values{"disable_password": {tc.password}, "disable_code": {tc.code}})
		secStatus(t, tc.name, res, http.StatusUnprocessableEntity)
		if !strings.Contains(res.body, `id="`+tc.field+`-error"`) || !strings.Contains(res.body, `<a href="#`+tc.field+`">`) {
			t.Errorf("%s: want an error on %s in the field and the summary; body %.1500s", tc.name, tc.field, secSnippet(res.body))
		}
		secHas(t, tc.name, res.body, tc.msg)
		if strings.Contains(res.body, `value="`+testPassword) || (tc.code != "" && strings.Contains(res.body, `value="`+tc.code)) {
			t.Errorf("%s: a password or code was kept in the form", tc.name)
		}
	}
	if u := secUser(t, e, emailAlphaCoord); !u.TwoFactor {
		t.Fatalf("a refused attempt turned two-step sign-in off")
	}
	e.codes.turn.Lock()
	res := c.post("/account/2fa/disable", url.Values{"disable_password": {testPassword}, "disable_code": {e.codes.next(t, emailAlphaCoord)}})
	e.codes.turn.Unlock()
	secRedirect(t, "password and a fresh code", res, "/account/2fa")
	if u := secUser(t, e, emailAlphaCoord); u.TwoFactor {
		t.Errorf("still on after turning it off")
	}
	if n := secCountEvents(t, e, alpha, model.EventTwoFactorDisabled, coord.ID); n != 1 {
		t.Errorf("two_factor_disabled events: got %d, want 1", n)
	}
	// A coordinator must use it: the data is closed until it is set up again.
	secRedirect(t, "coordinator without it", c.get("/cases"), "/account/2fa")
	page := c.get("/account/2fa")
	secHas(t, "set-up page", page.body, "Your role needs two-step sign-in. Set it up now to continue.")
	e.enrol(c, emailAlphaCoord)
	secStatus(t, "after setting it up again", c.get("/cases"), http.StatusOK)

	// A recovery code does too, for whoever lost the phone.
	codes := e.enrol(e.signIn(emailAlphaMem), emailAlphaMem)
	m := e.signIn(emailAlphaMem)
	secRedirect(t, "member turns it off with a recovery code",
		m.post("/account/2fa/disable", url.Values{"disable_password": {testPassword}, "disable_code": {codes[4]}}), "/account/2fa")
	secStatus(t, "member, optional, reaches data", m.get("/cases"), http.StatusOK)
}
