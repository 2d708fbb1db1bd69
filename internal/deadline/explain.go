package deadline

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Text is something the engine says, as a message key of the app's
// catalogue (internal/i18n/locales/deadline_engine.<lang>.toml) and what
// fills it in. The engine holds no words: a language is added as files,
// and the app says a Text in the reader's language (Say).
type Text struct {
	// Key is the message key; "" for nothing to say (a rule without a
	// note).
	Key string
	// Args fill the message's printf verbs, in order. A Date is written in
	// full ("Monday 21 December 2026"), a Text is said first, a
	// time.Month and a time.Weekday are named; anything else is as is.
	Args []any
	// Named fill {name} placeholders ({trigger_date}, {due_date}), with
	// the same kinds of value as Args.
	Named map[string]any
	// Upper capitalises the first letter of what is said.
	Upper bool
}

// Translate is the app's catalogue in the reader's language: the text of
// key formatted with args, the source language's where the reader's lacks
// it (i18n.Lang.T).
type Translate func(key string, args ...any) string

// Say writes t with tr, dates, months and weekdays too.
func (t Text) Say(tr Translate) string {
	if t.Key == "" {
		return ""
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		args[i] = sayArg(a, tr)
	}
	s := tr(t.Key, args...)
	for name, v := range t.Named {
		s = strings.ReplaceAll(s, "{"+name+"}", fmt.Sprint(sayArg(v, tr)))
	}
	if t.Upper {
		s = upperFirst(s)
	}
	return s
}

func sayArg(a any, tr Translate) any {
	switch v := a.(type) {
	case Date:
		return FullDate(v, tr)
	case Text:
		return v.Say(tr)
	case time.Month:
		return monthName(v, tr)
	case time.Weekday:
		return weekdayName(v, tr)
	}
	return a
}

// Texts are sentences said one after another, as one paragraph.
type Texts []Text

// Say writes the sentences with tr, separated by spaces.
func (ts Texts) Say(tr Translate) string {
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		if s := t.Say(tr); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}

// say is a Text of key with args.
func say(key string, args ...any) Text { return Text{Key: key, Args: args} }

// Disclaimer returns the sentence the app must show next to any computed
// date.
func Disclaimer() Text { return say("engine.disclaimer") }

// ShortDate writes d in the short form of dense lists: "3 Mar 2026" in
// English, "3 mar. 2026" in Spanish (the period marks the abbreviation:
// "mar" and "may" are also words); "" for the zero Date. Day-month-year
// reads the same way in both languages, which avoids the
// US/Latin-American 3/8 vs 8/3 confusion. The words and the layout are
// the reader's language's (tr): engine.date.short, engine.month_short.*.
func ShortDate(d Date, tr Translate) string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.Civil()
	return tr("engine.date.short", dd, tr(monthShortKeys[m]), y)
}

// WeekdayDate is ShortDate preceded by the day of the week: "Monday 10
// Aug 2026", "lunes 10 ago. 2026".
func WeekdayDate(d Date, tr Translate) string {
	if d.IsZero() {
		return ""
	}
	return tr("engine.date.with_weekday", weekdayName(d.Weekday(), tr), ShortDate(d, tr))
}

// LongDate writes d in full, as a reader with little schooling reads it
// best: "21 December 2026", "21 de diciembre de 2026"; "" for the zero
// Date.
func LongDate(d Date, tr Translate) string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.Civil()
	return tr("engine.date.long", dd, monthName(m, tr), y)
}

// FullDate is LongDate with the day of the week, the form of explanations
// and badges: "Monday 21 December 2026", "lunes 21 de diciembre de 2026".
func FullDate(d Date, tr Translate) string {
	if d.IsZero() {
		return ""
	}
	return tr("engine.date.with_weekday", weekdayName(d.Weekday(), tr), LongDate(d, tr))
}

func monthName(m time.Month, tr Translate) string { return tr(monthKeys[m]) }

func weekdayName(wd time.Weekday, tr Translate) string { return tr(weekdayKeys[wd]) }

// The keys of the months' and weekdays' names, made once: a case page
// writes hundreds of dates.
var monthKeys, monthShortKeys, weekdayKeys = func() (m, ms [13]string, wd [7]string) {
	for i := 1; i <= 12; i++ {
		m[i], ms[i] = "engine.month."+strconv.Itoa(i), "engine.month_short."+strconv.Itoa(i)
	}
	for i := range wd {
		wd[i] = "engine.weekday." + strconv.Itoa(i)
	}
	return m, ms, wd
}()

// unknownDay stands for a due date that cannot be known yet (the clock is
// stopped) inside a sentence: "from {due_date}" → "from a day not known
// yet"; Spanish templates write "el {due_date}" → "el día que aún no se
// conoce".
var unknownDay = say("engine.unknown_day")

// explanation is the rule's text with the deadline's dates, written in
// full with the day of the week, for its placeholders.
func explanation(r Rule, d Deadline) Text {
	var due any = d.Due
	if d.Due.IsZero() {
		due = unknownDay
	}
	return Text{Key: r.Explain.Key, Named: map[string]any{"trigger_date": d.TriggerDate, "due_date": due}}
}

// holidayName names h, saying when a weekday only observes it (the
// holiday fell on a weekend and offices close on this day instead).
func holidayName(h Holiday) Text {
	if h.Observed != h.Date {
		return say("engine.holiday_observed", h.Name)
	}
	return h.Name
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
