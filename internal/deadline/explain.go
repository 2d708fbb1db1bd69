package deadline

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Lang is a language Puente explains deadlines in.
type Lang string

// The languages of every explanation.
const (
	English Lang = "en"
	Spanish Lang = "es"
)

// Text is a piece of text in English and Spanish. Both are required in the
// rule file: the people Puente serves read one or the other.
type Text struct {
	EN string `json:"en"`
	ES string `json:"es"`
}

// In returns the text in lang, English for any language other than Spanish.
func (t Text) In(lang Lang) string {
	if lang == Spanish {
		return t.ES
	}
	return t.EN
}

// Disclaimer returns the sentence the app must show next to any computed
// date.
func Disclaimer() Text {
	return Text{
		EN: "Puente computed these dates from the information you recorded. Confirm every date with the lawyer.",
		ES: "Puente calculó estas fechas con los datos que usted anotó. Confirme cada fecha con el abogado o la abogada.",
	}
}

// FormatDate writes d in the short form of dense lists: "3 Mar 2026" in
// English, "3 mar. 2026" in Spanish (the period marks the abbreviation:
// "mar" and "may" are also words); "" for the zero Date. Day-month-year
// reads the same way in both languages, which avoids the
// US/Latin-American 3/8 vs 8/3 confusion.
func FormatDate(d Date, lang Lang) string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.Civil()
	return strconv.Itoa(dd) + " " + monthAbbr(m, lang) + " " + strconv.Itoa(y)
}

// FormatDateWeekday is FormatDate preceded by the day of the week:
// "Monday 10 Aug 2026", "lunes 10 ago. 2026".
func FormatDateWeekday(d Date, lang Lang) string {
	if d.IsZero() {
		return ""
	}
	return weekdayName(d.Weekday(), lang) + " " + FormatDate(d, lang)
}

// FormatDateLong writes d in full, as a reader with little schooling reads
// it best: "21 December 2026", "21 de diciembre de 2026"; "" for the zero
// Date.
func FormatDateLong(d Date, lang Lang) string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.Civil()
	if lang == Spanish {
		return strconv.Itoa(dd) + " de " + monthName(m, lang) + " de " + strconv.Itoa(y)
	}
	return strconv.Itoa(dd) + " " + monthName(m, lang) + " " + strconv.Itoa(y)
}

// FormatDateFull is FormatDateLong with the day of the week, the form of
// explanations and badges: "Monday 21 December 2026", "lunes 21 de
// diciembre de 2026".
func FormatDateFull(d Date, lang Lang) string {
	if d.IsZero() {
		return ""
	}
	return weekdayName(d.Weekday(), lang) + " " + FormatDateLong(d, lang)
}

func monthAbbr(m time.Month, lang Lang) string {
	if lang == Spanish {
		return [...]string{"ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.", "dic."}[m-1]
	}
	return m.String()[:3]
}

func monthName(m time.Month, lang Lang) string {
	if lang == Spanish {
		return [...]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
			"septiembre", "octubre", "noviembre", "diciembre"}[m-1]
	}
	return m.String()
}

func weekdayName(wd time.Weekday, lang Lang) string {
	if lang == Spanish {
		return [...]string{"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"}[wd]
	}
	return wd.String()
}

// unknownDay stands for a due date that cannot be known yet (the clock is
// stopped) inside a sentence: "from {due_date}" → "from a day not known
// yet"; Spanish templates write "el {due_date}" → "el día que aún no se
// conoce".
var unknownDay = Text{EN: "a day not known yet", ES: "día que aún no se conoce"}

// fill replaces the template placeholders with the deadline's dates, in
// full with the day of the week.
func fill(tmpl string, d Deadline, lang Lang) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	due := FormatDateFull(d.Due, lang)
	if d.Due.IsZero() {
		due = unknownDay.In(lang)
	}
	tmpl = strings.ReplaceAll(tmpl, "{trigger_date}", FormatDateFull(d.TriggerDate, lang))
	return strings.ReplaceAll(tmpl, "{due_date}", due)
}

// holidayName names h, saying when a weekday only observes it (the
// holiday fell on a weekend and offices close on this day instead).
func holidayName(h Holiday, lang Lang) string {
	name := h.Name.In(lang)
	if h.Observed != h.Date {
		return name + Text{EN: "; the holiday moves to this day", ES: "; el feriado se pasa a este día"}.In(lang)
	}
	return name
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
