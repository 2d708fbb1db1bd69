package web

import (
	"context"
	"net/url"
	"testing"

	"puente/internal/auth"
)

// Fuzz targets for the forms and POST handlers of two-step sign-in.

func FuzzCodeForm(f *testing.F) {
	fzFormTarget[codeForm](f, url.Values{"code": {"123 456"}})
}

func FuzzConfirmForm(f *testing.F) {
	fzFormTarget[confirmForm](f, url.Values{"code": {"123456"}})
}

func FuzzRenewForm(f *testing.F) {
	fzFormTarget[renewForm](f, url.Values{"renew_password": {testPassword}})
}

func FuzzDisableForm(f *testing.F) {
	fzFormTarget[disableForm](f, url.Values{"disable_password": {testPassword}, "disable_code": {"7K3Q-XM2P-9RTA-4HVW"}})
}

// FuzzTwoFactorPosts sends raw bodies to the second step of signing in
// (halfway through, as alpha's coordinator), to the confirmation of a new
// key (alpha's member, whose key waits) and to the forms of an enabled one
// (beta's coordinator): whatever the body, no 5xx and no internal text.
func FuzzTwoFactorPosts(f *testing.F) {
	for i, form := range []url.Values{
		{"code": {"123456"}},
		{"code": {"7K3Q-XM2P-9RTA-4HVW"}},
		{"code": {"000000"}},
		{"disable_password": {testPassword}, "disable_code": {"12 34 56"}},
		{"renew_password": {"not the password"}},
	} {
		fzAddSeeds(f, form, uint8(i))
	}
	e := newEnv(f)
	half := fzSignedIn(e, "")
	half.jar = e.passwordOnly(emailAlphaCoord).http.Jar
	mem := fzSignedIn(e, emailAlphaMem)
	u := secUser(f, e, emailAlphaMem)
	if err := e.st.BeginTwoFactor(context.Background(), u.ID, auth.NewTOTPSecret()); err != nil {
		f.Fatal(err)
	}
	beta := fzSignedIn(e, emailBetaCoord)
	targets := []struct {
		s    *fzSession
		path string
	}{
		{half, "/login/code"}, {half, "/login/recovery"}, {mem, "/account/2fa/confirm"},
		{beta, "/account/2fa/disable"}, {beta, "/account/2fa/recovery-codes"},
	}
	f.Fuzz(func(t *testing.T, body string, which uint8) {
		tg := targets[int(which)%len(targets)]
		fzCheckResponse(t, "POST "+tg.path, body, tg.s.post(tg.path, body))
	})
}
