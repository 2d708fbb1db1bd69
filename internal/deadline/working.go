package deadline

import (
	"fmt"
	"strings"
	"time"
)

// The working ("how it was counted") is written in words, in short
// sentences, never with "+" or "=": the people who read it may have had
// little schooling, and arithmetic signs read as code to them.

// workingIn says how a deadline's date came about, in lang.
func workingIn(r Rule, occ occurrence, f Facts, o outcome, covered bool, lang Lang) string {
	w := wording{lang: lang}
	var b []string
	b = append(b, subject(occ, f, lang))
	if r.Offset == 0 {
		return strings.Join(b, " ")
	}
	switch {
	case r.Unit == ClockDays && o.clock.invalid != nil:
		b = append(b, w.pick(
			"A recorded asylum clock pause has no start, or ends before it starts. Correct it and the date will be computed.",
			"Una pausa anotada del reloj de asilo no tiene inicio, o termina antes de empezar. Corríjala y se calculará la fecha."))
		return strings.Join(b, " ")
	case r.Unit == ClockDays && o.clock.paused:
		passed := w.pick(fmt.Sprintf("%d of the %d days have passed.", o.clock.counted, r.Offset),
			fmt.Sprintf("Van %d de los %d días.", o.clock.counted, r.Offset))
		if o.clock.counted == 1 {
			passed = w.pick(fmt.Sprintf("1 of the %d days has passed.", r.Offset), fmt.Sprintf("Va 1 de los %d días.", r.Offset))
		}
		b = append(b, passed, fmt.Sprintf(w.pick(
			"The clock has been stopped since %s. The date is not known until it runs again.",
			"El reloj está parado desde el %s. No se sabe la fecha hasta que vuelva a contar."),
			w.full(o.clock.pausedSince)))
		return strings.Join(b, " ")
	case r.Unit == ClockDays && o.clock.pausedDays > 0:
		b = append(b, fmt.Sprintf(w.pick(
			"The clock was stopped for %s, so it reaches %d days on %s.",
			"El reloj estuvo parado %s, así que llega a %d días el %s."),
			quantity(o.clock.pausedDays, CalendarDays, lang), r.Offset, w.full(o.raw)))
	case r.Unit == ClockDays:
		b = append(b, fmt.Sprintf(w.pick("The asylum clock reaches %d days on %s.", "El reloj de asilo llega a %d días el %s."),
			r.Offset, w.full(o.raw)))
	default:
		q := upperFirst(quantity(abs(r.Offset), r.Unit, lang))
		var s string
		if r.Offset < 0 {
			s = fmt.Sprintf(w.pick("%s before is %s", "%s antes es el %s"), q, w.full(o.raw))
		} else {
			s = fmt.Sprintf(w.pick("%s later is %s", "%s después es el %s"), q, w.full(o.raw))
		}
		if o.clamped {
			y, m, _ := o.raw.Civil()
			if o.clampedLater {
				m = o.raw.AddDays(-1).Month()
				y = o.raw.AddDays(-1).Year()
			}
			missing := missingDay(occ.date.Day(), m, y, lang)
			if o.clampedLater {
				s += fmt.Sprintf(w.pick(" (there is no %s, so Puente uses the day after: a window must not be used too early)",
					" (no existe el %s, así que Puente usa el día siguiente: no se debe presentar antes de tiempo)"), missing)
			} else {
				s += fmt.Sprintf(w.pick(" (there is no %s, so Puente uses the day before)",
					" (no existe el %s, así que Puente usa el día anterior)"), missing)
			}
		}
		b = append(b, s+".")
	}
	if len(o.skipped) > 0 {
		b = append(b, rollSentences(o, lang)...)
	}
	if covered {
		b = append(b, fmt.Sprintf(w.pick(
			"The rule took effect on %s, while these %s were still running, so it applies.",
			"La regla empezó el %s, cuando estos %s todavía estaban corriendo, así que se aplica."),
			w.full(r.EffectiveFrom), quantity(abs(r.Offset), r.Unit, lang)))
	}
	return strings.Join(b, " ")
}

// rollSentences say why the last day moved to the next business day.
func rollSentences(o outcome, lang Lang) []string {
	w := wording{lang: lang}
	first := o.skipped[0]
	var out []string
	if IsWeekend(first) {
		out = append(out, fmt.Sprintf(w.pick("That day is a %s.", "Ese día es %s."), weekdayName(first.Weekday(), lang)))
	} else {
		h, _ := HolidayOn(first)
		out = append(out, fmt.Sprintf(w.pick("That day is a federal holiday (%s).", "Ese día es feriado federal (%s)."), holidayName(h, lang)))
	}
	// Weekend days after the first need no mention; a holiday the roll
	// also passed over does, or the reader would expect an earlier day.
	for _, d := range o.skipped[1:] {
		if !IsWeekend(d) {
			h, _ := HolidayOn(d)
			out = append(out, fmt.Sprintf(w.pick("%s is a federal holiday too (%s).", "El %s también es feriado federal (%s)."),
				w.full(d), holidayName(h, lang)))
		}
	}
	out = append(out, fmt.Sprintf(w.pick("The deadline moves to the next business day: %s.",
		"La fecha límite pasa al siguiente día hábil: %s."), w.full(o.due)))
	return out
}

// subject names the trigger with its date, as a sentence.
func subject(occ occurrence, f Facts, lang Lang) string {
	w := wording{lang: lang}
	var en, es string
	switch occ.fact {
	case FactArrival:
		en, es = "Arrived at the sponsor's home on %s.", "Llegaron a la casa del patrocinador el %s."
	case FactMove:
		en, es = "Moved to a new address on %s.", "Se mudaron a otra dirección el %s."
	case Fact(TriggerLastUSArrival):
		en, es = "Last arrival in the United States: %s.", "Última llegada a Estados Unidos: %s."
	case Fact(TriggerI589Filed):
		en, es = "The asylum application (I-589) was filed on %s.", "Se entregó la solicitud de asilo (I-589) el %s."
	case Fact(TriggerFeeNotice):
		en, es = "The USCIS letter about the fee is dated %s.", "La carta de USCIS sobre la tarifa tiene fecha del %s."
	case Fact(TriggerEADExpiry):
		en, es = "The work permit expires on %s.", "El permiso de trabajo vence el %s."
	case Fact(TriggerIndividualHearing):
		en, es = "Individual hearing: %s.", "Audiencia individual: %s."
	case Fact(TriggerDecision):
		en, es = "Judge's decision: %s.", "Decisión del juez o la jueza: %s."
	case Fact(TriggerFinalOrder):
		en, es = "Final order: %s.", "Orden final: %s."
	case Fact(TriggerGrant):
		en, es = "Asylum granted on %s.", "Asilo concedido el %s."
	case Fact(TriggerFourteenthBirthday):
		// Never the date of birth itself: this text is computed from a
		// sensitive field, and the year of birth adds nothing here.
		en, es = "Turns 14 on %s.", "Cumple 14 años el %s."
		if _, m, d := f.BirthDate.Civil(); m == time.February && d == 29 && occ.date.Day() == 28 {
			en += " Born on 29 February: in a year without that day, Puente uses 28 February, the earlier date."
			es += " Nació un 29 de febrero: en un año sin ese día, Puente usa el 28 de febrero, la fecha más temprana."
		}
	default:
		en, es = "%s.", "%s."
	}
	return fmt.Sprintf(w.pick(en, es), w.full(occ.date))
}

// wording picks a language's text.
type wording struct{ lang Lang }

func (w wording) pick(en, es string) string {
	if w.lang == Spanish {
		return es
	}
	return en
}

func (w wording) full(d Date) string { return FormatDateFull(d, w.lang) }

// missingDay names a day a month lacks: "29 February 2025", "29 de
// febrero de 2025".
func missingDay(day int, m time.Month, y int, lang Lang) string {
	if lang == Spanish {
		return fmt.Sprintf("%d de %s de %d", day, monthName(m, lang), y)
	}
	return fmt.Sprintf("%d %s %d", day, monthName(m, lang), y)
}

// quantity writes "5 days", "one year", "150 business days" and their
// Spanish.
func quantity(n int, u Unit, lang Lang) string {
	var one, many string
	switch u {
	case BusinessDays:
		one, many = "1 business day", "business days"
		if lang == Spanish {
			one, many = "1 día hábil", "días hábiles"
		}
	case Months:
		one, many = "one month", "months"
		if lang == Spanish {
			one, many = "un mes", "meses"
		}
	case Years:
		one, many = "one year", "years"
		if lang == Spanish {
			one, many = "un año", "años"
		}
	default:
		one, many = "1 day", "days"
		if lang == Spanish {
			one, many = "1 día", "días"
		}
	}
	if n == 1 {
		return one
	}
	return fmt.Sprintf("%d %s", n, many)
}
