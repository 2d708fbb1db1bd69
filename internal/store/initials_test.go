package store

import (
	"strings"
	"testing"
)

// initialsBefore is Initials as it was written first (a builder, a slice
// per word, a string per letter): the reference the one-allocation
// version must match on every input.
func initialsBefore(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if strings.Trim(w, "0123456789") == "" {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
			continue
		}
		for _, part := range strings.Split(w, ".") {
			r := []rune(part)
			if len(r) == 0 {
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
		{"\xff\xfe bad", "\uFFFD.B."},
		{"Über-Ärger", "Ü."},
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

func FuzzInitials(f *testing.F) {
	for _, s := range []string{"María José López", "R.M. 2", "a..b", "\xff x", "ǆ 1.2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if got, want := Initials(name), initialsBefore(name); got != want {
			t.Errorf("Initials(%q): got %q, the first version %q", name, got, want)
		}
	})
}
