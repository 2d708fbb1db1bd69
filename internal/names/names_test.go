package names

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"perez", "perez"},
		{"Pérez", "perez"},
		{"ángel", "angel"},
		{"NÚÑEZ", "nunez"},
		{"Ángel Núñez", "angel nunez"},
		{"María José Pérez", "maria jose perez"},
		{"Straße", "strasse"},
		{"Çelik", "celik"},
		{"Nguyễn Văn Thành", "nguyen van thanh"},
		{"François", "francois"},
		// Already decomposed input (NFD, as some systems send it) folds the same.
		{"Pe\u0301rez", "perez"},
		{"ΣΟΦΊΑ", "σοφια"},
		{"", ""},
	} {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTerms(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want []string
	}{
		{[]string{"María José Pérez"}, []string{"jose", "maria", "perez"}},
		{[]string{"Ángel Núñez", "Gelo"}, []string{"angel", "gelo", "nunez"}},
		{[]string{"Ana Pérez-García"}, []string{"ana", "garcia", "perez", "perezgarcia"}},
		{[]string{"Seán O'Brien"}, []string{"brien", "o", "obrien", "sean"}},
		{[]string{"José  José", ""}, []string{"jose"}},
		{[]string{"-- ..."}, nil},
	} {
		if got := Terms(tc.in...); !slices.Equal(got, tc.want) {
			t.Errorf("Terms(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
	long := strings.Repeat("ñ", 100) // 2 bytes each: the cut must not split one
	got := Terms(long)
	if len(got) != 1 || len(got[0]) > maxTerm || got[0] != strings.Repeat("n", maxTerm) {
		t.Errorf("Terms(100×ñ): got %q, want one term of %d n", got, maxTerm)
	}
	if got := Terms(strings.Repeat("é", 40)); len(got) != 1 || got[0] != strings.Repeat("e", 40) {
		t.Errorf("Terms(40×é): got %q", got)
	}
	if got := clip(strings.Repeat("ü", 40)); len(got) != 64 || got != strings.Repeat("ü", 32) {
		t.Errorf("clip(40×ü): got %d bytes, want 64 (32 whole ü)", len(got))
	}
}

func TestQueryWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"perez", []string{"perez"}},
		{"ángel", []string{"angel"}},
		{"NÚÑEZ", []string{"nunez"}},
		{"  Pérez-García  maría ", []string{"perezgarcia", "maria"}},
		{"o'brien", []string{"obrien"}},
		{"%", nil},
		{"_ *", nil},
		{"a b c d e f g h", []string{"a", "b", "c", "d", "e", "f"}},
	} {
		if got := QueryWords(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("QueryWords(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := Compact("pu-7k3 qxm"); got != "pu7k3qxm" {
		t.Errorf("Compact: got %q", got)
	}
}

// sortedBy sorts names by their stored key in l, as the database does.
func sortedBy(l Lang, in []string) []string {
	out := slices.Clone(in)
	sort.SliceStable(out, func(i, j int) bool { return bytes.Compare(Key(l, out[i]), Key(l, out[j])) < 0 })
	return out
}

func TestKeyOrder(t *testing.T) {
	// The members list: strcmp gives Beatriz, Zoe, ana, Óscar.
	members := []string{"Beatriz", "Zoe", "ana", "Óscar"}
	for _, l := range Langs {
		if got, want := sortedBy(l, members), []string{"ana", "Beatriz", "Óscar", "Zoe"}; !slices.Equal(got, want) {
			t.Errorf("%s: got %q, want %q", l, got, want)
		}
	}
	// Spanish puts ñ after n (a letter of its own); English treats it as n.
	names := []string{"Cañas", "Cantú", "Canales"}
	if got, want := sortedBy(ES, names), []string{"Canales", "Cantú", "Cañas"}; !slices.Equal(got, want) {
		t.Errorf("es: got %q, want %q", got, want)
	}
	if got, want := sortedBy(EN, names), []string{"Canales", "Cañas", "Cantú"}; !slices.Equal(got, want) {
		t.Errorf("en: got %q, want %q", got, want)
	}
	// Accents and case never decide before letters do; digits count as numbers.
	mixed := []string{"émile", "Eva", "ÉDGAR", "edgar", "Group 10", "Group 2"}
	if got, want := sortedBy(EN, mixed), []string{"edgar", "ÉDGAR", "émile", "Eva", "Group 2", "Group 10"}; !slices.Equal(got, want) {
		t.Errorf("en mixed: got %q, want %q", got, want)
	}
	for _, l := range Langs {
		if len(Key(l, "a")) == 0 {
			t.Errorf("Key(%s, a) is empty", l)
		}
		// Different spellings keep distinct keys, so ties are rare and
		// pages stay stable by id.
		if bytes.Equal(Key(l, "ana"), Key(l, "Ana")) {
			t.Errorf("Key(%s): ana and Ana share a key", l)
		}
	}
	if LangOf("es") != ES || LangOf("fr") != EN || LangOf("") != EN {
		t.Errorf("LangOf: wrong fallback")
	}
}

func BenchmarkKey(b *testing.B) {
	for b.Loop() {
		Keys("María José Pérez-García")
	}
}

// FuzzNameFindsItself: typing any name, or any of its words, in any case
// and with or without accents, matches that name's own terms.
func FuzzNameFindsItself(f *testing.F) {
	for _, s := range []string{"María José Pérez", "Ángel Núñez", "Seán O'Brien", "Ana Pérez-García", "Straße", "ΣΟΦΊΑ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if !utf8.ValidString(name) {
			return
		}
		terms := Terms(name)
		for _, typed := range []string{name, strings.ToUpper(name), strings.ToLower(name), Fold(name)} {
			for _, w := range QueryWords(typed) {
				if !slices.ContainsFunc(terms, func(term string) bool { return strings.HasPrefix(term, w) }) {
					t.Fatalf("name %q typed as %q: word %q begins none of its terms %q", name, typed, w, terms)
				}
			}
		}
		for _, term := range terms {
			if term == "" || len(term) > maxTerm || !utf8.ValidString(term) {
				t.Fatalf("name %q: bad term %q", name, term)
			}
		}
	})
}
