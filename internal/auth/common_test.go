package auth

import (
	"strings"
	"testing"
)

func TestPasswordProblem(t *testing.T) {
	const email, name = "maria.lopez@example.org", "María López"
	tests := []struct {
		name     string
		password string
		email    string
		userName string
		want     string
	}{
		// Length counts characters, not bytes.
		{"empty", "", email, name, "err.password_short"},
		{"11 chars", "abcdefghijk", email, name, "err.password_short"},
		{"11 multibyte chars", "ñandúñandúñ", email, name, "err.password_short"},
		{"12 multibyte chars", "ñandú azul 7", email, name, ""},
		{"too long", strings.Repeat("abcdefgh", 16) + "x", email, name, "err.max"},
		{"128 bytes", strings.Repeat("abcdefgh", 16), email, name, "err.password_weak_repeat"},
		{"128 characters, not repeated", longPassphrase, email, name, ""},

		{"common", "password1234", email, name, "err.password_common"},
		{"common upper case", "PASSWORD1234", email, name, "err.password_common"},
		{"common mixed case", "QwertyUiopAsdfgh", email, name, "err.password_common"},
		{"common Spanish", "Contraseña123", email, name, "err.password_common"},
		{"common plus digits", "passwordpassword2026", email, name, "err.password_common"},
		{"common plus symbols", "letmeinletmein!!", email, name, "err.password_common"},
		{"common with year and bang", "Welcome2026!", email, name, "err.password_common"},

		{"2 distinct chars", "abababababab", email, name, "err.password_common"},
		{"3 distinct chars", "abcabcabcabc", email, name, "err.password_common"},
		{"3 distinct, case folded", "aAbBcCaAbBcC", email, name, "err.password_common"},
		// Four letters repeated: no longer on a list of patterns, but
		// zxcvbn sees the repeat (52 guesses).
		{"4 distinct chars", "abcdabcdabcd", email, name, "err.password_weak_repeat"},

		{"email local part", "maria.lopez-likes-tea", email, name, "err.password_personal"},
		{"email local part, upper case", "MARIA.LOPEZ rules 42", email, name, "err.password_personal"},
		{"short local part is ignored", "ana walks the dog", "ana@example.org", "Someone Else", ""},
		{"name without spaces", "i am maríalópez!!", email, name, "err.password_personal"},
		{"name, case folded", "MARÍALÓPEZ is here", email, name, "err.password_personal"},
		// The name as the person writes it, spaces included (once accepted).
		{"name as written", "maría lópez forever", email, name, "err.password_personal"},

		{"good sentence", "tortilla sunset river", email, name, ""},
		{"good Spanish", "Mi perro come tacos", email, name, ""},
		{"good mixed", "g7#Lq!2vZ9@x", email, name, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PasswordProblem(tt.password, Personal{Email: tt.email, Name: tt.userName}); got != tt.want {
				t.Errorf("PasswordProblem(%q, %q, %q) = %q, want %q", tt.password, tt.email, tt.userName, got, tt.want)
			}
		})
	}
}

// TestCommonListIsUsable: every entry is refused, and none is shorter than
// the minimum (those would be dead weight).
func TestCommonListIsUsable(t *testing.T) {
	if len(common) < 100 {
		t.Errorf("common list has %d entries, want at least 100", len(common))
	}
	for p := range common {
		if p != strings.ToLower(p) {
			t.Errorf("common entry %q is not lower case", p)
		}
		if got := PasswordProblem(p, Personal{Email: "someone@example.org", Name: "Some One"}); got != "err.password_common" {
			t.Errorf("PasswordProblem(%q) = %q, want err.password_common", p, got)
		}
	}
}

// longPassphrase is 128 characters of unrelated words.
const longPassphrase = "lantern orchard meadow copper violin harbour tortuga violeta cruza " +
	"el puente seis nubes verdes bajo la lluvia de marzo sin prisa"
