package deadline

import (
	"fmt"
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
		EN: "Computed by Puente from the dates you recorded. Confirm every date with the lawyer.",
		ES: "Calculado por Puente a partir de las fechas que registraron. Confirmen cada fecha con el abogado o la abogada.",
	}
}

// FormatDate writes d the way explanations do: "3 Mar 2026" in English,
// "3 mar 2026" in Spanish; "" for the zero Date. Day-month-year reads the
// same way in both languages, which avoids the US/Latin-American 3/8 vs 8/3
// confusion.
func FormatDate(d Date, lang Lang) string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.Civil()
	return strconv.Itoa(dd) + " " + monthAbbr(m, lang) + " " + strconv.Itoa(y)
}

// FormatDateWeekday is FormatDate preceded by the day of the week:
// "Monday 10 Aug 2026", "lunes 10 ago 2026".
func FormatDateWeekday(d Date, lang Lang) string {
	if d.IsZero() {
		return ""
	}
	return weekdayName(d.Weekday(), lang) + " " + FormatDate(d, lang)
}

func monthAbbr(m time.Month, lang Lang) string {
	if lang == Spanish {
		return [...]string{"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"}[m-1]
	}
	return m.String()[:3]
}

func weekdayName(wd time.Weekday, lang Lang) string {
	if lang == Spanish {
		return [...]string{"domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"}[wd]
	}
	return wd.String()
}

// fill replaces the template placeholders with the deadline's dates.
func fill(tmpl string, d Deadline, lang Lang) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl // most templates name no date; skip the work
	}
	due := FormatDate(d.Due, lang)
	if d.Due.IsZero() {
		due = Text{EN: "(no date yet)", ES: "(sin fecha aún)"}.In(lang)
	}
	tmpl = strings.ReplaceAll(tmpl, "{trigger_date}", FormatDate(d.TriggerDate, lang))
	return strings.ReplaceAll(tmpl, "{due_date}", due)
}

// working spells out the arithmetic in both languages.
func working(r Rule, occ occurrence, f Facts, o outcome) Text {
	return Text{EN: workingIn(r, occ, f, o, English), ES: workingIn(r, occ, f, o, Spanish)}
}

func workingIn(r Rule, occ occurrence, f Facts, o outcome, lang Lang) string {
	es := lang == Spanish
	pick := func(en, sp string) string {
		if es {
			return sp
		}
		return en
	}
	var b strings.Builder
	b.WriteString(subject(occ, f, lang))
	if r.Offset == 0 {
		return b.String()
	}
	if r.Unit == ClockDays && o.clock.invalid != nil {
		b.WriteString(pick(
			"; a recorded clock pause has no start or ends before it starts, so the date cannot be computed until it is corrected",
			"; una pausa del reloj registrada no tiene inicio o termina antes de empezar, así que la fecha no se puede calcular hasta corregirla"))
		return b.String()
	}
	if r.Unit == ClockDays && o.clock.paused {
		fmt.Fprintf(&b, pick(
			"; the clock has been paused since %s (applicant-caused delay) after %d of %d clock days, so the date cannot be known until it restarts",
			"; el reloj está detenido desde el %s (demora causada por el solicitante) después de %d de %d días de reloj, así que la fecha no se puede saber hasta que vuelva a correr"),
			FormatDate(o.clock.pausedSince, lang), o.clock.counted, r.Offset)
		return b.String()
	}
	sign := " + "
	if r.Offset < 0 {
		sign = " - "
	}
	b.WriteString(sign + quantity(abs(r.Offset), r.Unit, lang))
	if r.Unit == ClockDays && o.clock.pausedDays > 0 {
		fmt.Fprintf(&b, pick(" + %d paused days", " + %d días en pausa"), o.clock.pausedDays)
	}
	b.WriteString(" = " + FormatDate(o.raw, lang))
	if r.Unit == ClockDays && o.clock.pausedDays > 0 {
		b.WriteString(pick(
			" (days the clock was paused for applicant-caused delays do not count)",
			" (no cuentan los días en que el reloj estuvo detenido por demoras causadas por el solicitante)"))
	}
	if o.clamped {
		y, m, _ := o.raw.Civil()
		fmt.Fprintf(&b, pick(" (there is no %d %s %d, so the earlier date is used)", " (no existe el %d %s %d, así que se usa la fecha anterior)"),
			occ.date.Day(), monthAbbr(m, lang), y)
	}
	if len(o.skipped) > 0 {
		b.WriteString(", " + whyClosed(o.skipped[0], lang))
		// Weekend days after the first need no mention; a holiday the roll
		// also passed over does, or the reader would expect an earlier day.
		for _, d := range o.skipped[1:] {
			if !IsWeekend(d) {
				h, _ := HolidayOn(d)
				fmt.Fprintf(&b, pick("; %s is a federal holiday (%s)", "; el %s es feriado federal (%s)"),
					FormatDateWeekday(d, lang), holidayName(h, lang))
			}
		}
		fmt.Fprintf(&b, pick("; next business day %s", "; siguiente día hábil: %s"), FormatDateWeekday(o.due, lang))
	}
	return b.String()
}

// subject names the trigger with its date: "arrived 3 Mar 2026".
func subject(occ occurrence, f Facts, lang Lang) string {
	var en, es string
	switch occ.fact {
	case FactArrival:
		en, es = "arrived %s", "llegó el %s"
	case FactMove:
		en, es = "moved %s", "se mudó el %s"
	case Fact(TriggerLastUSArrival):
		en, es = "last arrived in the US %s", "última llegada a EE. UU. el %s"
	case Fact(TriggerI589Filed):
		en, es = "I-589 filed %s", "I-589 presentado el %s"
	case Fact(TriggerFeeNotice):
		en, es = "fee notice dated %s", "aviso de cuota del %s"
	case Fact(TriggerEADExpiry):
		en, es = "work permit expires %s", "el permiso de trabajo vence el %s"
	case Fact(TriggerIndividualHearing):
		en, es = "individual hearing on %s", "audiencia individual el %s"
	case Fact(TriggerDecision):
		en, es = "decision on %s", "decisión del %s"
	case Fact(TriggerFinalOrder):
		en, es = "final order on %s", "orden final del %s"
	case Fact(TriggerGrant):
		en, es = "asylum granted %s", "asilo concedido el %s"
	case Fact(TriggerFourteenthBirthday):
		// The birth date is shown too: the 14th birthday of someone born on
		// 29 February is itself a computed date.
		en = "born " + FormatDate(f.BirthDate, English) + ", turns 14 on %s"
		es = "nació el " + FormatDate(f.BirthDate, Spanish) + ", cumple 14 años el %s"
	default:
		en, es = string(occ.fact)+" %s", string(occ.fact)+" %s"
	}
	if lang == Spanish {
		en = es
	}
	return fmt.Sprintf(en, FormatDate(occ.date, lang))
}

// quantity writes "5 days", "1 year", "150 clock days" and their Spanish.
func quantity(n int, u Unit, lang Lang) string {
	var one, many string // English, then overwritten for Spanish
	switch u {
	case BusinessDays:
		one, many = "business day", "business days"
		if lang == Spanish {
			one, many = "día hábil", "días hábiles"
		}
	case ClockDays:
		one, many = "clock day", "clock days"
		if lang == Spanish {
			one, many = "día de reloj", "días de reloj"
		}
	case Months:
		one, many = "month", "months"
		if lang == Spanish {
			one, many = "mes", "meses"
		}
	case Years:
		one, many = "year", "years"
		if lang == Spanish {
			one, many = "año", "años"
		}
	default:
		one, many = "day", "days"
		if lang == Spanish {
			one, many = "día", "días"
		}
	}
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// whyClosed says why offices are closed on d, as a relative clause.
func whyClosed(d Date, lang Lang) string {
	if IsWeekend(d) {
		if lang == Spanish {
			return "que cae en " + weekdayName(d.Weekday(), lang)
		}
		return "which falls on a " + d.Weekday().String()
	}
	h, _ := HolidayOn(d)
	if lang == Spanish {
		return "que es feriado federal (" + holidayName(h, lang) + ")"
	}
	return "which is a federal holiday (" + holidayName(h, lang) + ")"
}

// holidayName names h, marking a weekday that only observes it.
func holidayName(h Holiday, lang Lang) string {
	name := h.Name.In(lang)
	if h.Observed != h.Date {
		return name + Text{EN: ", observed", ES: ", observado"}.In(lang)
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
