// Package names turns people's and organisations' names into what the
// database compares: a folded form for search (accents and capitals do not
// matter) and a collation key per language for sorting (Spanish puts ñ after
// n; nobody's list puts "ana" after "Zoe"). It is pure: no SQL, no HTTP.
//
// Both are stored next to the name they come from and rewritten in the same
// transaction (internal/store), so lists sort and search with an index
// instead of computing anything per row.
package names

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Lang is a language Puente sorts names in: a key into Langs.
type Lang string

// The languages with a stored sort key; each has a column per named table
// (sort_en, sort_es). Adding one needs a migration and a backfill.
const (
	EN Lang = "en"
	ES Lang = "es"
)

// Langs lists the languages that have stored sort keys.
var Langs = []Lang{EN, ES}

// LangOf returns the sorting language for a UI language code; anything
// unknown sorts as English.
func LangOf(code string) Lang {
	if Lang(code) == ES {
		return ES
	}
	return EN
}

var foldPool = sync.Pool{New: func() any {
	// NFD splits "É" into "E" + U+0301; removing the marks (Mn) leaves "E";
	// case folding makes it "e" (and "ß" "ss"); NFC recomposes what is left
	// (letters whose marks are not combining) so equal text is equal bytes.
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), cases.Fold(), norm.NFC)
}}

// Fold returns s as search compares it: decomposed (NFD), combining marks
// removed, case-folded. "Núñez" and "NUNEZ" both fold to "nunez".
func Fold(s string) string {
	t := foldPool.Get().(transform.Transformer)
	defer foldPool.Put(t)
	t.Reset()
	out, _, err := transform.String(t, s)
	if err != nil {
		// Only invalid UTF-8 can fail; forms refuse it before it gets here.
		return strings.ToLower(s)
	}
	return out
}

// maxTerm bounds one stored search term, in bytes; names are at most 200
// characters, and nobody types more than this to find one.
const maxTerm = 64

// compact keeps only letters and digits: "o'brien" → "obrien".
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return r
		}
		return -1
	}, s)
}

// clip cuts t to maxTerm bytes without splitting a character.
func clip(t string) string {
	if len(t) <= maxTerm {
		return t
	}
	t = t[:maxTerm]
	for !utf8.ValidString(t) {
		t = t[:len(t)-1]
	}
	return t
}

// Terms returns the search terms of a person's names (name and preferred
// name): each folded word, written together ("perezgarcia" for
// "Pérez-García", "obrien" for "O'Brien") and, when punctuation splits it,
// each part ("perez", "garcia"). A query word matches a term it begins.
// Sorted, without duplicates.
func Terms(names ...string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(t string) {
		t = clip(t)
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, n := range names {
		for _, word := range strings.Fields(Fold(n)) {
			add(compact(word))
			parts := strings.FieldsFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
			if len(parts) > 1 {
				for _, p := range parts {
					add(p)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// MaxQueryWords bounds how many words of a search are matched; the rest
// are ignored, so a pasted paragraph cannot make a query of hundreds of
// joins.
const MaxQueryWords = 6

// QueryWords returns the words of a search as Terms stores them: folded,
// letters and digits only. "  Pérez-García  maría " → ["perezgarcia", "maria"].
func QueryWords(q string) []string {
	var out []string
	for _, word := range strings.Fields(Fold(q)) {
		if w := clip(compact(word)); w != "" {
			out = append(out, w)
		}
		if len(out) == MaxQueryWords {
			break
		}
	}
	return out
}

// Compact returns the whole of q folded with everything but letters and
// digits removed: "PU-7K3 QXM" → "pu7k3qxm". Case codes are matched on it.
func Compact(q string) string { return compact(Fold(q)) }

// collators are not safe for concurrent use; one pool per language.
var collators = map[Lang]*sync.Pool{}

func init() {
	for _, l := range Langs {
		tag := language.MustParse(string(l))
		collators[l] = &sync.Pool{New: func() any {
			// Numeric: "Group 2" before "Group 10". The default strength
			// (tertiary) orders by letters first, then accents, then case,
			// so equal-looking names still get one fixed order.
			return collate.New(tag, collate.Numeric)
		}}
	}
}

// Key returns the collation key of s in language l: comparing two keys as
// bytes (SQLite's BLOB order, memcmp) orders the names as l's speakers
// expect. Never empty for a non-empty name.
func Key(l Lang, s string) []byte {
	p, ok := collators[l]
	if !ok {
		p = collators[EN]
	}
	c := p.Get().(*collate.Collator)
	defer p.Put(c)
	var buf collate.Buffer
	k := c.KeyFromString(&buf, s)
	return append([]byte(nil), k...)
}

// Keys returns s's key in every language of Langs, in that order.
func Keys(s string) [][]byte {
	out := make([][]byte, len(Langs))
	for i, l := range Langs {
		out[i] = Key(l, s)
	}
	return out
}
