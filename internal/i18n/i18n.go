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

// monthsES are the Spanish months' abbreviations, each with its period:
// "mar" and "may" are also words (sea; the English "may"), and "3 mar.
// 2026" reads as a date where "3 mar 2026" may not (review C10).
var monthsES = [...]string{"ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.", "dic."}

// Date formats a day in the short form of dense lists: "3 Mar 2026", "3
// mar. 2026". Sentences and badges write dates in full (deadline.FormatDateFull).
func (l Lang) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if l == ES {
		return fmt.Sprintf("%d %s %d", t.Day(), monthsES[t.Month()-1], t.Year())
	}
	return t.Format("2 Jan 2006")
}

// Clock formats the time of day of t, in t's own location, on the 12-hour
// clock both languages' readers use: "8:30 AM", "1:00 PM" in English (the
// US form: Puente's volunteers are in the US, where 24-hour times read as
// military); "8:30 a. m.", "1:00 p. m." in Spanish (as families from
// Mexico and Central America write them; the review's finding D2). The
// Spanish spaces are no-break spaces (U+00A0), so that a narrow phone
// never breaks "8:30 a." from "m.".
func (l Lang) Clock(t time.Time) string {
	h, m := t.Hour(), t.Minute()
	h12 := h % 12
	if h12 == 0 {
		h12 = 12
	}
	if l == ES {
		suffix := "a.\u00a0m."
		if h >= 12 {
			suffix = "p.\u00a0m."
		}
		return fmt.Sprintf("%d:%02d\u00a0%s", h12, m, suffix)
	}
	suffix := "AM"
	if h >= 12 {
		suffix = "PM"
	}
	return fmt.Sprintf("%d:%02d %s", h12, m, suffix)
}

// ClockHHMM formats a stored time of day ("13:05") like Clock; "" for an
// empty or unreadable one.
func (l Lang) ClockHHMM(hhmm string) string {
	t, err := time.Parse("15:04", hhmm)
	if err != nil {
		return ""
	}
	return l.Clock(t)
}

// DateTime formats moment t as the day and time it was in loc (the
// organisation's zone): "3 Mar 2026, 8:30 AM". Pages never say "UTC": a
// moment is shown in the zone of the organisation it belongs to.
func (l Lang) DateTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(loc)
	return l.Date(t) + ", " + l.Clock(t)
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
