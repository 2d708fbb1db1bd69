package auth

import (
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base32"
	"fmt"
	"image/png"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/hotp"
	"github.com/pquerna/otp/totp"
)

// Time-based one-time codes (TOTP, RFC 6238) with the parameters every
// authenticator app understands: HMAC-SHA-1, 30-second steps, 6 digits.
// SHA-1 is what Google Authenticator and most apps assume whatever the key
// says; HMAC-SHA-1 stays sound for this use (RFC 6238 §5.2, RFC 4226 appendix
// A), and a stronger hash that an app silently ignores would lock people out.
const (
	// TOTPPeriod is the length of one time step.
	TOTPPeriod = 30 * time.Second
	// TOTPDigits is the length of a code.
	TOTPDigits = 6
	// TOTPSkew is how many steps before or after the server's a code may
	// be from: one either way covers a phone clock up to about 30 s off and
	// a code typed as it changes (RFC 6238 §6 recommends at most one).
	TOTPSkew = 1
	// TOTPIssuer names Puente in the authenticator app's list.
	TOTPIssuer = "Puente"
	// totpSecretBytes is the key length: 160 bits, RFC 4226 §4's
	// recommendation and the HMAC-SHA-1 block it feeds.
	totpSecretBytes = 20
)

var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// NewTOTPSecret returns a new random authenticator key as unpadded base32
// text (32 characters), the form apps and otpauth URLs take.
func NewTOTPSecret() string {
	b := make([]byte, totpSecretBytes)
	if _, err := rand.Read(b); err != nil {
		panic("auth: crypto/rand failed: " + err.Error())
	}
	return b32.EncodeToString(b)
}

// TOTPStep is the RFC 6238 time step t falls in: Unix seconds / 30.
func TOTPStep(t time.Time) int64 { return t.Unix() / int64(TOTPPeriod/time.Second) }

// TOTPCode is the 6-digit code of secret for time step step.
func TOTPCode(secret string, step int64) (string, error) {
	if step < 0 {
		return "", fmt.Errorf("auth: negative time step %d", step)
	}
	return hotp.GenerateCodeCustom(secret, uint64(step), hotp.ValidateOpts{Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
}

// NormalizeTOTPCode takes a code as typed ("123 456", "123-456") and
// returns its 6 digits, or ok false if it is not 6 digits.
func NormalizeTOTPCode(s string) (code string, ok bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '\u00a0':
		default:
			return "", false
		}
	}
	if b.Len() != TOTPDigits {
		return "", false
	}
	return b.String(), true
}

// MatchTOTP checks a normalized code against secret at now, allowing
// TOTPSkew steps either way, and only for steps after after (the last step
// the account used: each code works once). It returns the step the code
// belongs to, the earliest such step when two match. replay is true when
// the code is right but for a step already used. Comparisons take the same
// time whichever step matches.
func MatchTOTP(secret, code string, now time.Time, after int64) (step int64, ok, replay bool) {
	cur := TOTPStep(now)
	for s := cur - TOTPSkew; s <= cur+TOTPSkew; s++ {
		want, err := TOTPCode(secret, s)
		if err != nil {
			return 0, false, false
		}
		if subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
			if s > after && !ok {
				step, ok = s, true
			} else if s <= after {
				replay = true
			}
		}
	}
	if ok {
		replay = false
	}
	return step, ok, replay
}

// TOTPURL is the otpauth:// URL of secret for account (the person's
// email), which QR codes carry (Google Authenticator's Key URI format).
func TOTPURL(secret, account string) (string, error) {
	k, err := totpKey(secret, account)
	if err != nil {
		return "", err
	}
	return k.URL(), nil
}

// TOTPQR draws the otpauth URL of secret for account as a QR code, a PNG of
// size × size pixels (rounded down to whole modules by the scaler), with no
// margin of its own: the page gives it a white border, which scanners need.
func TOTPQR(secret, account string, size int) ([]byte, error) {
	k, err := totpKey(secret, account)
	if err != nil {
		return nil, err
	}
	img, err := k.Image(size, size)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func totpKey(secret, account string) (*otp.Key, error) {
	raw, err := b32.DecodeString(strings.ToUpper(secret))
	if err != nil {
		return nil, fmt.Errorf("auth: authenticator key is not base32: %w", err)
	}
	return totp.Generate(totp.GenerateOpts{Issuer: TOTPIssuer, AccountName: account, Secret: raw,
		Period: uint(TOTPPeriod / time.Second), Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
}

// GroupKey writes a key in groups of four for typing by hand:
// "ABCD EFGH IJKL …". Apps ignore the spaces.
func GroupKey(secret string) string {
	var b strings.Builder
	for i, r := range secret {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
