// Package i18n holds every user-visible string, in every language Puente
// speaks, and picks a language for a request.
//
// The texts live in message files, not in Go: locales/<area>.<lang>.toml,
// embedded in the binary. The format is go-i18n v2 TOML
// (github.com/nicksnyder/go-i18n), chosen because translators' tools read
// and write it (Weblate's "go-i18n TOML" format, among others), because
// it is one key per string (a translator, a diff and a review see one
// text at a time, with an optional description as a note), and because
// it has CLDR plural forms (one, few, many, other) for when Puente needs
// them. Texts are printf formats (%s, %d, %[1]s) formatted with fmt, as
// they were when they lived in Go maps; go-i18n only reads the files.
//
// English (en) is the source language: every key exists in it. A
// language is its files: adding locales/*.fr.toml and _meta.fr.toml (its
// own name, and draft = true while it is incomplete) adds French to the
// language switch; a draft language's missing texts show in English and
// its pages say it is a draft. Check (and `puente i18n check`) reports
// each language's completeness.
package i18n

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// Lang is a language Puente speaks, by its code ("en", "es"): the code
// in its locale files' names.
type Lang string

// The languages Go code names: English is the source and the fallback;
// Spanish is complete and reviewed (GLOSSARY.md). Other languages exist
// only as files.
const (
	EN Lang = "en"
	ES Lang = "es"
)

// All lists the languages of the locale files in the order the switch
// shows them: English first, then by code.
var All = std.Langs()

// Parse returns the language named s, if Puente has its files.
func Parse(s string) (Lang, bool) {
	for _, l := range All {
		if string(l) == s {
			return l, true
		}
	}
	return "", false
}

var matcher = language.NewMatcher(tags(All))

func tags(ls []Lang) []language.Tag {
	out := make([]language.Tag, len(ls))
	for i, l := range ls {
		out[i] = language.Make(string(l))
	}
	return out
}

// FromAcceptLanguage picks the best supported language for an
// Accept-Language header, English when nothing matches.
func FromAcceptLanguage(header string) Lang {
	tags, _, err := language.ParseAcceptLanguage(header)
	if err != nil || len(tags) == 0 {
		return EN
	}
	_, idx, conf := matcher.Match(tags...)
	if conf == language.No || idx < 0 || idx >= len(All) {
		return EN
	}
	return All[idx]
}

// T returns the message key in l, formatted with args; a text l lacks (a
// draft language, or a language Puente does not have) is the English one.
// A missing key returns the key itself so that a gap shows in tests,
// never a blank.
//
// Counted nouns: when the first integer among args is 1 and the message
// key+".one" exists, that text is used ("%d bed, %d at once" rather than
// "%d beds, %d at once"). English and Spanish both use the singular for
// exactly 1 (CLDR plural rules, category "one"); a ".one" text keeps the
// same placeholders as its key's.
func (l Lang) T(key string, args ...any) string {
	s, ok := std.lookup(l, key)
	if !ok {
		return key
	}
	if len(args) == 0 {
		return s
	}
	if firstCount(args) == 1 {
		if one, ok := std.lookup(l, key+".one"); ok {
			s = one
		}
	}
	return fmt.Sprintf(oneStop(s, args), args...)
}

// oneStop drops a message's full stop that follows a placeholder whose
// argument already ends in one, so a sentence ending in a Spanish time
// reads "a las 9:00 a. m." and not "a. m.." (an abbreviation's period also
// ends the sentence: RAE, Ortografía 2010, 3.4.1.1.2). Formats with
// explicit argument indexes ("%[1]s") are left as they are.
func oneStop(format string, args []any) string {
	if !strings.Contains(format, ".") || strings.Contains(format, "%[") {
		return format
	}
	var b strings.Builder
	arg := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		b.WriteByte(c)
		if c != '%' {
			continue
		}
		// Flags, width and precision, then the verb.
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.*", format[j]) >= 0 {
			j++
		}
		if j >= len(format) {
			break
		}
		b.WriteString(format[i+1 : j+1])
		verb := format[j]
		i = j
		if verb == '%' {
			continue
		}
		a := arg
		arg++
		if i+1 < len(format) && format[i+1] == '.' && a < len(args) {
			if str, ok := args[a].(string); ok && strings.HasSuffix(str, ".") && !strings.HasSuffix(str, "..") {
				i++ // the argument's period ends the sentence
			}
		}
	}
	return b.String()
}

// firstCount is the first integer among args, or -1.
func firstCount(args []any) int {
	for _, a := range args {
		switch n := a.(type) {
		case int:
			return n
		case int64:
			return int(n)
		}
	}
	return -1
}

// Name is the language's own name, for the switch (the name in its
// _meta file); English's for a language Puente does not have.
func (l Lang) Name() string {
	if m, ok := std.meta[l]; ok {
		return m.Name
	}
	return std.meta[Source].Name
}

// Draft reports whether l's translation is marked a draft: its pages show
// a notice, in l and in English, that some texts may be missing or
// unreviewed.
func (l Lang) Draft() bool { return std.meta[l].Draft }

// Date formats a day in the short form of dense lists: "3 Mar 2026", "3
// mar. 2026". Sentences and badges write dates in full (deadline.FullDate).
// The layout and the month names are l's messages, the same the deadline
// engine writes its short dates with (engine.date.short,
// engine.month_short.*: Spanish writes "mar." and "may." with a period,
// since they are also words, review C10).
func (l Lang) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return l.T("engine.date.short", t.Day(), l.T(monthShortKeys[t.Month()]), t.Year())
}

// monthShortKeys are the keys of the months' short names, made once.
var monthShortKeys = func() (ks [13]string) {
	for i := 1; i <= 12; i++ {
		ks[i] = "engine.month_short." + strconv.Itoa(i)
	}
	return ks
}()

// Clock formats the time of day of t, in t's own location, on the 12-hour
// clock both languages' readers use: "8:30 AM", "1:00 PM" in English (the
// US form: Puente's volunteers are in the US, where 24-hour times read as
// military); "8:30 a. m.", "1:00 p. m." in Spanish (as families from
// Mexico and Central America write them; the review's finding D2). The
// layouts are l's messages (clock.am, clock.pm); the Spanish spaces are
// no-break spaces (U+00A0), so that a narrow phone never breaks "8:30 a."
// from "m.".
func (l Lang) Clock(t time.Time) string {
	h, m := t.Hour(), t.Minute()
	h12 := h % 12
	if h12 == 0 {
		h12 = 12
	}
	key := "clock.am"
	if h >= 12 {
		key = "clock.pm"
	}
	return l.T(key, h12, fmt.Sprintf("%02d", m))
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

// Has reports whether key exists (in the source language).
func Has(key string) bool {
	_, ok := std.text[Source][key]
	return ok
}

// Keys lists every message key of the source language, sorted, for tests.
func Keys() []string {
	out := make([]string, 0, len(std.text[Source]))
	for k := range std.text[Source] {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Pair returns the English and Spanish text of key, for tests.
func Pair(key string) (en, es string) {
	return std.text[EN][key], std.text[ES][key]
}
