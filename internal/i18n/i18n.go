// Package i18n holds every user-visible string in English and Spanish and
// picks a language for a request.
package i18n

import (
	"fmt"
	"sort"
	"time"

	"golang.org/x/text/language"
)

// Lang is a supported language.
type Lang string

// Supported languages. English is the fallback.
const (
	EN Lang = "en"
	ES Lang = "es"
)

// All lists the supported languages in the order the switch shows them.
var All = []Lang{EN, ES}

// Parse returns the language named s, if supported.
func Parse(s string) (Lang, bool) {
	switch Lang(s) {
	case EN, ES:
		return Lang(s), true
	}
	return "", false
}

var matcher = language.NewMatcher([]language.Tag{language.English, language.Spanish})

// FromAcceptLanguage picks the best supported language for an
// Accept-Language header, English when nothing matches.
func FromAcceptLanguage(header string) Lang {
	tags, _, err := language.ParseAcceptLanguage(header)
	if err != nil || len(tags) == 0 {
		return EN
	}
	_, idx, conf := matcher.Match(tags...)
	if conf == language.No {
		return EN
	}
	if idx == 1 {
		return ES
	}
	return EN
}

// T returns the message key in l, formatted with args. A missing key
// returns the key itself so that a gap shows in tests, never a blank.
func (l Lang) T(key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	s := m[0]
	if l == ES {
		s = m[1]
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Name is the language's own name, for the switch.
func (l Lang) Name() string {
	if l == ES {
		return "Español"
	}
	return "English"
}

var monthsES = [...]string{"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"}

// Date formats a day as "3 Mar 2026" or "3 mar 2026".
func (l Lang) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if l == ES {
		return fmt.Sprintf("%d %s %d", t.Day(), monthsES[t.Month()-1], t.Year())
	}
	return t.Format("2 Jan 2006")
}

// DateTime formats a moment in UTC with minutes.
func (l Lang) DateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.UTC()
	return l.Date(t) + " " + t.Format("15:04") + " UTC"
}

// Has reports whether key exists.
func Has(key string) bool {
	_, ok := messages[key]
	return ok
}

// Keys lists every message key, sorted, for tests.
func Keys() []string {
	out := make([]string, 0, len(messages))
	for k := range messages {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Pair returns the English and Spanish text of key, for tests.
func Pair(key string) (en, es string) {
	m := messages[key]
	return m[0], m[1]
}
