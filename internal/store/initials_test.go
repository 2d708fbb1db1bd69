package store

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// initialsBefore is Initials as it was written first (a builder, a slice
// per word, a string per letter): the reference the one-allocation
// version must match on every input.
func initialsBefore(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if strings.Trim(w, "0123456789") == "" {
			if len(w) > 3 {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
			continue
		}
		for _, part := range strings.Split(w, ".") {
			r := []rune(part)
			if len(r) == 0 || !unicode.IsLetter(r[0]) {
				continue
			}
			b.WriteString(strings.ToUpper(string(r[0])))
			b.WriteByte('.')
		}
	}
	return b.String()
}

func TestInitials(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"María José López", "M.J.L."},
		{"  ana   de la\tcruz ", "A.D.L.C."},
		{"R.M.", "R.M."},
		{"Q.Z. 3", "Q.Z. 3"},
		{"12 34", "12 34"},
		{"ñandú Ørsted ǆemal", "Ñ.Ø.Ǆ."},
		{"a..b", "A.B."},
		{".", ""},
		{"", ""},
		{"\xff\xfe bad", "B."},
		{"Über-Ärger", "Ü."},
		// Review 4: an A-number typed into a name showed in full where
		// initials stand in for it; a mark or an emoji became an "initial".
		{"Rosa Mejía A# 012345678", "R.M.A."},
		{"Rosa 555-0100 Mejía", "R.M."},
		{"Rosa Mejía 12345", "R.M."},
		{"Rosa 123", "R. 123"},
		{"Rosa \u200f Gómez 👨 🙂 Ñu", "R.G.Ñ."},
		{"#1 Ana", "A."},
	} {
		if got := Initials(tc.name); got != tc.want {
			t.Errorf("Initials(%q): got %q, want %q", tc.name, got, tc.want)
		}
		if got, want := Initials(tc.name), initialsBefore(tc.name); got != want {
			t.Errorf("Initials(%q): got %q, the first version %q", tc.name, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _ = Initials("María José López Hernández") }); n > 1 {
		t.Errorf("Initials: %v allocations, want at most 1", n)
	}
}

// longNumber is 4 digits in a row, which initials never show.
var longNumber = regexp.MustCompile(`[0-9]{4}`)

func FuzzInitials(f *testing.F) {
	for _, s := range []string{"María José López", "R.M. 2", "a..b", "\xff x", "ǆ 1.2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := Initials(name)
		if want := initialsBefore(name); got != want {
			t.Errorf("Initials(%q): got %q, the first version %q", name, got, want)
		}
		if longNumber.MatchString(got) {
			t.Errorf("Initials(%q) = %q: a number of more than 3 digits", name, got)
		}
	})
}
