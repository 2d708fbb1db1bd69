package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// RecoveryCodeCount is how many recovery codes an account gets at a time.
const RecoveryCodeCount = 10

// recoveryAlphabet is Crockford's base32 without I, L, O and U: 32 symbols
// nobody mistakes for one another when copying from paper, so 16 of them
// carry 80 random bits.
const recoveryAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// recoveryLen is the number of symbols in a code, shown in groups of four.
const recoveryLen = 16

// NewRecoveryCodes returns RecoveryCodeCount new codes, each 16 symbols in
// groups of four ("7K3Q-XM2P-9RTA-4HVW"): 80 bits from crypto/rand.
func NewRecoveryCodes() []string {
	out := make([]string, RecoveryCodeCount)
	b := make([]byte, recoveryLen)
	for i := range out {
		if _, err := rand.Read(b); err != nil {
			panic("auth: crypto/rand failed: " + err.Error())
		}
		var s strings.Builder
		for j, c := range b {
			if j > 0 && j%4 == 0 {
				s.WriteByte('-')
			}
			s.WriteByte(recoveryAlphabet[c&31]) // 256 is a multiple of 32: no bias
		}
		out[i] = s.String()
	}
	return out
}

// NormalizeRecoveryCode takes a code as typed (any case, with or without
// dashes and spaces, O for 0 and I or L for 1 as Crockford allows) and
// returns its 16 symbols, or ok false if it cannot be one.
func NormalizeRecoveryCode(s string) (code string, ok bool) {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == '-' || r == ' ' || r == '\u00a0':
			continue
		case r == 'O':
			r = '0'
		case r == 'I' || r == 'L':
			r = '1'
		}
		if r > 127 || !strings.ContainsRune(recoveryAlphabet, r) {
			return "", false
		}
		b.WriteRune(r)
	}
	if b.Len() != recoveryLen {
		return "", false
	}
	return b.String(), true
}

// HashRecoveryCode is the stored form of a normalized recovery code: the
// hex SHA-256 of the account id and the code. A fast hash is enough, as
// for HashToken: each code holds 80 random bits, so trying codes against a
// stolen table costs about 2^79 hashes per account, out of reach, while
// argon2id would make every recovery sign-in cost ten password checks. The
// account id in the input keeps equal codes of two accounts (never
// expected) from sharing a hash.
func HashRecoveryCode(userID, code string) string {
	sum := sha256.Sum256([]byte("puente-recovery\x00" + userID + "\x00" + code))
	return hex.EncodeToString(sum[:])
}
