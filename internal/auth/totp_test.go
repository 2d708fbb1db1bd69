package auth

import (
	"bytes"
	"context"
	"image/png"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"
)

// RFC 6238 appendix B, SHA-1 rows: the ASCII key "12345678901234567890"
// (base32 below) gives these 8-digit codes; the 6-digit code is their last
// six digits (the same truncation modulo 10^6).
func TestTOTPCodeRFC6238Vectors(t *testing.T) {
	const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
	for _, tc := range []struct {
		unix int64
		want string
	}{
		{59, "287082"},         // 94287082
		{1111111109, "081804"}, // 07081804
		{1111111111, "050471"}, // 14050471
		{1234567890, "005924"}, // 89005924
		{2000000000, "279037"}, // 69279037
		{20000000000, "353130"},
	} {
		got, err := TOTPCode(secret, TOTPStep(time.Unix(tc.unix, 0)))
		if err != nil || got != tc.want {
			t.Errorf("code at %d: got %q %v, want %q", tc.unix, got, err, tc.want)
		}
	}
}

func TestMatchTOTPSkewAndReplay(t *testing.T) {
	secret := NewTOTPSecret()
	if len(secret) != 32 {
		t.Fatalf("secret %q: got %d characters, want 32 (160 bits)", secret, len(secret))
	}
	now := time.Date(2026, 11, 30, 12, 0, 10, 0, time.UTC)
	cur := TOTPStep(now)
	code := func(step int64) string {
		c, err := TOTPCode(secret, step)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	// pquerna/otp's own validator agrees with ours for the current step.
	if ok, err := totp.ValidateCustom(code(cur), secret, now, totp.ValidateOpts{Period: 30, Skew: 1, Digits: 6}); !ok || err != nil {
		t.Fatalf("pquerna/otp refuses our code: %v %v", ok, err)
	}
	for _, tc := range []struct {
		name       string
		step       int64
		after      int64
		ok, replay bool
	}{
		{"current step", cur, 0, true, false},
		{"one step early", cur - 1, 0, true, false},
		{"one step late", cur + 1, 0, true, false},
		{"two steps early", cur - 2, 0, false, false},
		{"two steps late", cur + 2, 0, false, false},
		{"already used", cur, cur, false, true},
		{"older than the last used", cur - 1, cur, false, true},
		{"after the last used", cur + 1, cur, true, false},
	} {
		step, ok, replay := MatchTOTP(secret, code(tc.step), now, tc.after)
		if ok != tc.ok || replay != tc.replay || (ok && step != tc.step) {
			t.Errorf("%s: got step %d ok %v replay %v, want step %d ok %v replay %v", tc.name, step, ok, replay, tc.step, tc.ok, tc.replay)
		}
	}
	wrong := "000000"
	if code(cur) == wrong {
		wrong = "000001"
	}
	if _, ok, replay := MatchTOTP(secret, wrong, now, 0); ok || replay {
		t.Errorf("wrong code: got ok %v replay %v, want neither", ok, replay)
	}
}

func TestNormalizeTOTPCode(t *testing.T) {
	for in, want := range map[string]string{"123456": "123456", "123 456": "123456", " 123-456 ": "123456", "123\u00a0456": "123456",
		"12345": "", "1234567": "", "12345a": "", "１２３４５６": "", "": ""} {
		got, ok := NormalizeTOTPCode(in)
		if got != want || ok != (want != "") {
			t.Errorf("NormalizeTOTPCode(%q): got %q %v, want %q", in, got, ok, want)
		}
	}
}

func TestTOTPQRAndURL(t *testing.T) {
	secret := NewTOTPSecret()
	u, err := TOTPURL(secret, "ana@example.org")
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	q := parsed.Query()
	if parsed.Scheme != "otpauth" || parsed.Host != "totp" || q.Get("secret") != secret || q.Get("issuer") != "Puente" ||
		q.Get("digits") != "6" || q.Get("period") != "30" || q.Get("algorithm") != "SHA1" {
		t.Errorf("otpauth URL: got %s", u)
	}
	b, err := TOTPQR(secret, "ana@example.org", 240)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("QR is not a PNG: %v", err)
	}
	if w := img.Bounds().Dx(); w < 100 || w > 240 {
		t.Errorf("QR width: got %d, want 100..240", w)
	}
	if g := GroupKey("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"); g != "ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567" {
		t.Errorf("GroupKey: got %q", g)
	}
}

func TestRecoveryCodes(t *testing.T) {
	codes := NewRecoveryCodes()
	if len(codes) != 10 {
		t.Fatalf("got %d codes, want 10", len(codes))
	}
	seen := map[string]bool{}
	for _, c := range codes {
		if len(c) != 19 || strings.Count(c, "-") != 3 {
			t.Errorf("code %q: want XXXX-XXXX-XXXX-XXXX", c)
		}
		n, ok := NormalizeRecoveryCode(c)
		if !ok || seen[n] {
			t.Errorf("code %q: normalized %q %v, or repeated", c, n, ok)
		}
		seen[n] = true
		// Typed in lower case, with spaces instead of dashes: the same code.
		m, ok := NormalizeRecoveryCode(strings.ToLower(strings.ReplaceAll(c, "-", " ")))
		if !ok || m != n {
			t.Errorf("code %q typed loosely: got %q %v, want %q", c, m, ok, n)
		}
		if h := HashRecoveryCode("user-a", n); len(h) != 64 || h == HashRecoveryCode("user-b", n) || strings.Contains(h, n) {
			t.Errorf("hash of %q: %q is not a per-account SHA-256", n, h)
		}
	}
	if n, ok := NormalizeRecoveryCode("0O1I-L000-0000-0000"); !ok || n != "0011100000000000" {
		t.Errorf("Crockford look-alikes: got %q %v", n, ok)
	}
	for _, bad := range []string{"", "ABCD-EFGH-JKMN", "ABCD-EFGH-JKMN-PQRSU", "ABCD-EFGH-JKMN-PQR!", "ÁBCD-EFGH-JKMN-PQRS"} {
		if _, ok := NormalizeRecoveryCode(bad); ok {
			t.Errorf("NormalizeRecoveryCode(%q): got ok, want refused", bad)
		}
	}
}

// The authenticator hands out each step once per account, the earliest the
// server accepts first, and waits when the three accepted steps are used.
func TestAuthenticatorStepsOncePerAccount(t *testing.T) {
	secret := NewTOTPSecret()
	now := time.Date(2026, 11, 30, 12, 0, 10, 0, time.UTC)
	cur := TOTPStep(now)
	a := &Authenticator{Now: func() time.Time { return now }}
	ctx := context.Background()
	var got []int64
	for i := 0; i < 3; i++ {
		c, err := a.Code(ctx, "ana", secret)
		if err != nil {
			t.Fatal(err)
		}
		step, ok, _ := MatchTOTP(secret, c, now, 0)
		if !ok {
			t.Fatalf("code %d not accepted at now", i)
		}
		got = append(got, step)
	}
	if got[0] != cur-1 || got[1] != cur || got[2] != cur+1 {
		t.Errorf("steps: got %v, want %d, %d, %d", got, cur-1, cur, cur+1)
	}
	if _, err := a.Code(ctx, "beatriz", secret); err != nil {
		t.Errorf("another account: %v, want its own steps", err)
	}
	short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if _, err := a.Code(short, "ana", secret); err == nil {
		t.Errorf("a fourth code within one step: got one, want a wait")
	}
	// Near a step's end the step before is no longer offered.
	late := time.Unix((cur+1)*30-1, 0)
	b := &Authenticator{Now: func() time.Time { return late }}
	c, _ := b.Code(ctx, "ana", secret)
	if step, ok, _ := MatchTOTP(secret, c, late, 0); !ok || step != cur {
		t.Errorf("one second before the step ends: got step %d, want %d", step, cur)
	}
}

// Use sends an account's codes one at a time, in the order handed out.
func TestAuthenticatorUseInOrder(t *testing.T) {
	secret := NewTOTPSecret()
	now := time.Date(2026, 11, 30, 12, 0, 10, 0, time.UTC)
	a := &Authenticator{Now: func() time.Time { return now }}
	var mu sync.Mutex
	var steps []int64
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = a.Use(context.Background(), "ana", secret, func(code string) error {
				step, _, _ := MatchTOTP(secret, code, now, 0)
				time.Sleep(5 * time.Millisecond) // the request in flight
				mu.Lock()
				steps = append(steps, step)
				mu.Unlock()
				return nil
			})
		}()
	}
	wg.Wait()
	if len(steps) != 3 || steps[0] >= steps[1] || steps[1] >= steps[2] {
		t.Errorf("steps as sent: %v, want three, rising", steps)
	}
}
