package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"puente/internal/auth"
)

// giveCode types email's next code on the second step of signing in.
func (b *browser) giveCode(email string) {
	b.t.Helper()
	secret := b.srv.secret(email)
	if secret == "" {
		b.failf("%s is asked for a code, and the test knows no key for it", email)
	}
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute)
	defer cancel()
	err := b.srv.codes.Use(ctx, email, secret, func(code string) error {
		b.fill("#code", code)
		b.submit(`form[action="/login/code"] button[type=submit]`)
		return nil
	})
	if err != nil {
		b.failf("a code for %s: %v", email, err)
	}
}

// enrol sets two-step sign-in up on the page it is on (/account/2fa), as a
// person with an authenticator app would: start, read the key written out,
// type the app's code (pquerna/otp computes it), and continue past the
// recovery codes. It returns the recovery codes.
func (b *browser) enrol(email string) []string {
	b.t.Helper()
	b.wantPath("/account/2fa")
	if b.exists(`form[action="/account/2fa/setup"] button.primary`) {
		b.submit(`form[action="/account/2fa/setup"] button.primary`)
	}
	key := strings.ReplaceAll(b.text("#totp-key"), " ", "")
	now := time.Now()
	code, err := totp.GenerateCode(key, now)
	if err != nil {
		b.failf("the key on the page, %q: %v", key, err)
	}
	b.srv.setSecret(email, key)
	b.srv.codes.Seen(email, auth.TOTPStep(now))
	b.fill("#code", code)
	b.submit(`form[action="/account/2fa/confirm"] button[type=submit]`)
	b.wantText("main h1", en("twofactor.codes.title"))
	codes := evalJS[[]string](b, `Array.from(document.querySelectorAll('ol.codes code'), c => c.textContent)`)
	if len(codes) != 10 {
		b.errorf("recovery codes shown: %d, want 10", len(codes))
	}
	b.follow(`main a.button[href="/"]`, 200)
	return codes
}

// TestTwoFactorEnrolOnPhone (issue 14): on a 375 px phone, a member sets
// two-step sign-in up from the account page: the QR code shows (an image
// the server drew, within the screen), the key is written out, a wrong
// code is refused with an error summary and the field emptied, the app's
// code (computed here with pquerna/otp from the key read off the page)
// turns it on and shows ten recovery codes; the next sign-in asks for a
// code, refuses a wrong one, and takes a recovery code once.
func TestTwoFactorEnrolOnPhone(t *testing.T) {
	srv := startServer(t, true)
	b := newBrowser(t, srv)
	b.setWidth(phoneWidth)
	email := alphaMember.Email
	b.signIn(email)
	b.visit("/account")
	b.follow(`main a[href="/account/2fa"]`, 200)
	b.wantText("main h1", en("twofactor.title"))
	b.checkPage("two-step sign-in, off, on a phone")
	b.submit(`form[action="/account/2fa/setup"] button.primary`)
	b.wantPath("/account/2fa")

	// The QR code: loaded, square, no wider than the screen.
	img := evalJS[[]float64](b, `(() => { const i = document.querySelector('img.qr'); const r = i.getBoundingClientRect();
		return [i.complete ? i.naturalWidth : 0, i.naturalHeight, r.width, r.height, r.right]; })()`)
	if img[0] != 240 || img[1] != 240 {
		b.errorf("QR image: natural size %vx%v, want a loaded 240x240 PNG", img[0], img[1])
	}
	if img[2] < 150 || img[2] != img[3] || img[4] > phoneWidth {
		b.errorf("QR image on the phone: %vx%v px, right edge at %v; want square, at least 150 px, inside %d px", img[2], img[3], img[4], phoneWidth)
	}
	if alt := b.attr("img.qr", "alt"); alt != en("twofactor.qr_alt") {
		b.errorf("QR image alt %q, want %q", alt, en("twofactor.qr_alt"))
	}
	b.checkPage("two-step sign-in, key shown, on a phone")
	typed := b.text("#totp-key")
	key := strings.ReplaceAll(typed, " ", "")
	if len(key) != 32 || len(strings.Fields(typed)) != 8 {
		b.errorf("the key written out: %q, want 32 characters in 8 groups", typed)
	}

	// A wrong code: 422, the summary at the top linking to the field.
	now := time.Now()
	right, err := totp.GenerateCode(key, now)
	if err != nil {
		t.Fatal(err)
	}
	wrong := "000000"
	if right == wrong {
		wrong = "111111"
	}
	b.fill("#code", wrong)
	b.follow(`form[action="/account/2fa/confirm"] button[type=submit]`, 422)
	b.mustExist(`.error-summary a[href="#code"]`)
	if b.attr("#code", "aria-invalid") != "true" || b.value("#code") != "" {
		b.errorf("refused code: the field is not marked invalid and emptied")
	}
	b.checkPage("two-step sign-in, wrong code, on a phone")

	b.fill("#code", right)
	srv.setSecret(email, key)
	srv.codes.Seen(email, auth.TOTPStep(now))
	b.submit(`form[action="/account/2fa/confirm"] button[type=submit]`)
	b.wantText("main h1", en("twofactor.codes.title"))
	codes := evalJS[[]string](b, `Array.from(document.querySelectorAll('ol.codes code'), c => c.textContent)`)
	if len(codes) != 10 {
		t.Fatalf("recovery codes: got %d, want 10", len(codes))
	}
	b.checkPage("recovery codes on a phone")
	b.follow(`main a.button[href="/"]`, 200)
	b.signOut()

	// Next sign-in: password, then a code; a wrong one first.
	b.visit("/login")
	b.fill("#email", email)
	b.fill("#password", "puente-demo-2026")
	b.submit(`form[action="/login"] button[type=submit]`)
	b.wantPath("/login/code")
	b.checkPage("second step on a phone")
	b.fill("#code", wrong)
	b.follow(`form[action="/login/code"] button[type=submit]`, 422)
	b.mustExist(`.error-summary a[href="#code"]`)
	b.checkPage("second step, wrong code, on a phone")
	b.giveCode(email)
	b.wantPath("/")
	b.signOut()

	// A recovery code, once.
	b.visit("/login")
	b.fill("#email", email)
	b.fill("#password", "puente-demo-2026")
	b.submit(`form[action="/login"] button[type=submit]`)
	b.follow(`main a[href="/login/recovery"]`, 200)
	b.checkPage("recovery code step on a phone")
	b.fill("#code", strings.ToLower(codes[0]))
	b.submit(`form[action="/login/recovery"] button[type=submit]`)
	b.wantPath("/")
	b.wantText(flash, en("login.recovery.used", 9))
}
