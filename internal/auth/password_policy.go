package auth

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/trustelem/zxcvbn"
	"github.com/trustelem/zxcvbn/match"
)

// MinScore is the lowest zxcvbn score accepted (0 to 4): 3 means about
// 10^8 guesses or more, "safely unguessable" for an online attacker held
// to the sign-in limits, and well beyond a list of leaked passwords.
const MinScore = 3

// Personal is what a person's password must not be made of: their own
// name, email address and the names of their organisations. They are the
// first guesses of anyone who knows whose account it is; zxcvbn weighs
// them as its "user inputs".
type Personal struct {
	Name  string
	Email string
	Orgs  []string
}

// PasswordProblem returns a message key saying why password is not
// acceptable for the person p and what would make it stronger, or "" if
// it is fine. In order: length (MinPasswordLen to MaxPasswordLen
// characters), the common-password list, the person's own name, email and
// organisations, then zxcvbn's estimate (score at least MinScore), whose
// weakest part names the message.
func PasswordProblem(password string, p Personal) string {
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPasswordLen:
		return "err.password_short"
	case n > MaxPasswordLen:
		return "err.max"
	}
	lower := strings.ToLower(password)
	if common[lower] || common[strings.TrimRight(lower, "!?.1234567890")] {
		return "err.password_common"
	}
	if distinct(lower) < 4 {
		return "err.password_common"
	}
	if containsPersonal(lower, p) {
		return "err.password_personal"
	}
	r := zxcvbn.PasswordStrength(zxcvbnPrefix(password), p.inputs())
	if r.Score >= MinScore {
		return ""
	}
	return weakness(r.Sequence)
}

// zxcvbnRunes is how much of a password zxcvbn reads. Its matching grows
// steeply with length (128 characters of "aB3$" took half a second of CPU,
// 32 under 20 ms), and a form must not be a way to burn the server's CPU;
// zxcvbn's authors advise truncating for the same reason. The estimate is
// of the first zxcvbnRunes characters: what comes after can only add
// guesses, so a password refused here could be strong only thanks to a
// long tail, and the message says what to change at its start.
const zxcvbnRunes = 40

// zxcvbnPrefix is the part of password zxcvbn reads.
func zxcvbnPrefix(password string) string {
	n := 0
	for i := range password {
		if n == zxcvbnRunes {
			return password[:i]
		}
		n++
	}
	return password
}

// containsPersonal: the email's local part, the name or an organisation's
// name (4 characters or more, spaces ignored) anywhere in the password.
// zxcvbn catches them as whole words; this catches "i am maríalópez!!"
// too, which it would score as random letters.
func containsPersonal(lower string, p Personal) bool {
	local, _, _ := strings.Cut(strings.ToLower(p.Email), "@")
	if len(local) >= 4 && strings.Contains(lower, local) {
		return true
	}
	squeezed := strings.ReplaceAll(lower, " ", "")
	for _, s := range append([]string{p.Name}, p.Orgs...) {
		if nm := strings.ToLower(strings.ReplaceAll(s, " ", "")); utf8.RuneCountInString(nm) >= 4 && strings.Contains(squeezed, nm) {
			return true
		}
	}
	return false
}

// inputs are p's strings as zxcvbn's user-input dictionary: each whole,
// and each word of them (a name's parts, an email's local part and its
// pieces, an organisation's words), plus the application's own name.
func (p Personal) inputs() []string {
	out := []string{"puente"}
	add := func(s string) {
		s = strings.ToLower(strings.TrimSpace(s))
		if utf8.RuneCountInString(s) < 3 {
			return
		}
		out = append(out, s)
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if w != s && utf8.RuneCountInString(w) >= 3 {
				out = append(out, w)
			}
		}
	}
	add(p.Name)
	add(p.Email)
	local, domain, _ := strings.Cut(p.Email, "@")
	add(local)
	add(domain)
	for _, o := range p.Orgs {
		add(o)
	}
	return out
}

// weakness names the message for a weak password from the longest
// recognised part of zxcvbn's match sequence (its own feedback does the
// same): what an attacker guesses first, and so what to change.
func weakness(seq []*match.Match) string {
	var worst *match.Match
	for _, m := range seq {
		if m.Pattern == "bruteforce" {
			continue
		}
		if worst == nil || len(m.Token) > len(worst.Token) {
			worst = m
		}
	}
	if worst == nil {
		return "err.password_weak"
	}
	switch worst.Pattern {
	case "dictionary":
		switch worst.DictionaryName {
		case "user_inputs":
			return "err.password_personal"
		case "passwords":
			return "err.password_common"
		case "female_names", "male_names", "surnames":
			return "err.password_weak_names"
		}
		return "err.password_weak_words"
	case "spatial":
		return "err.password_weak_keyboard"
	case "repeat":
		return "err.password_weak_repeat"
	case "sequence":
		return "err.password_weak_sequence"
	case "regex", "date":
		return "err.password_weak_dates"
	}
	return "err.password_weak"
}

func distinct(s string) int {
	seen := map[rune]bool{}
	for _, r := range s {
		seen[r] = true
	}
	return len(seen)
}
