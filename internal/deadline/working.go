package deadline

import (
	"strings"
	"time"
)

// The working ("how it was counted") is written in words, in short
// sentences, never with "+" or "=": the people who read it may have had
// little schooling, and arithmetic signs read as code to them.

// working says how a deadline's date came about, as sentences.
func working(r Rule, occ occurrence, f Facts, o outcome, covered bool) Texts {
	b := subject(occ, f)
	if r.Offset == 0 {
		return b
	}
	switch {
	case r.Unit == ClockDays && o.clock.invalid != nil:
		return append(b, say("engine.working.invalid_pause"))
	case r.Unit == ClockDays && o.clock.paused:
		passed := say("engine.working.clock_passed", o.clock.counted, r.Offset)
		if o.clock.counted == 1 {
			passed = say("engine.working.clock_passed_one", r.Offset)
		}
		return append(b, passed, say("engine.working.clock_stopped_since", o.clock.pausedSince))
	case r.Unit == ClockDays && o.clock.pausedDays > 0:
		b = append(b, say("engine.working.clock_paused_reaches", quantity(o.clock.pausedDays, CalendarDays), r.Offset, o.raw))
	case r.Unit == ClockDays:
		b = append(b, say("engine.working.clock_reaches", r.Offset, o.raw))
	default:
		q := quantity(abs(r.Offset), r.Unit)
		q.Upper = true
		key := "engine.working.later"
		if r.Offset < 0 {
			key = "engine.working.before"
		}
		if !o.clamped {
			b = append(b, say(key, q, o.raw))
			break
		}
		y, m, _ := o.raw.Civil()
		key += "_clamped_earlier"
		if o.clampedLater {
			m, y = o.raw.AddDays(-1).Month(), o.raw.AddDays(-1).Year()
			key = strings.TrimSuffix(key, "_earlier") + "_later"
		}
		b = append(b, say(key, q, o.raw, say("engine.date.long", occ.date.Day(), m, y)))
	}
	if len(o.skipped) > 0 {
		b = append(b, rollSentences(o)...)
	}
	if covered {
		b = append(b, say("engine.working.covered", r.EffectiveFrom, quantity(abs(r.Offset), r.Unit)))
	}
	return b
}

// rollSentences say why the last day moved to the next business day.
func rollSentences(o outcome) Texts {
	first := o.skipped[0]
	var out Texts
	if IsWeekend(first) {
		out = append(out, say("engine.working.roll_weekend", first.Weekday()))
	} else {
		h, _ := HolidayOn(first)
		out = append(out, say("engine.working.roll_holiday", holidayName(h)))
	}
	// Weekend days after the first need no mention; a holiday the roll
	// also passed over does, or the reader would expect an earlier day.
	for _, d := range o.skipped[1:] {
		if !IsWeekend(d) {
			h, _ := HolidayOn(d)
			out = append(out, say("engine.working.roll_holiday_too", d, holidayName(h)))
		}
	}
	return append(out, say("engine.working.roll_moves", o.due))
}

// subjectKeys name the trigger facts' sentences (with the date).
var subjectKeys = map[Fact]string{
	FactArrival:                     "engine.subject.arrival",
	FactMove:                        "engine.subject.move",
	FactJoined:                      "engine.subject.joined",
	Fact(TriggerLastUSArrival):      "engine.subject.last_us_arrival",
	Fact(TriggerI589Filed):          "engine.subject.i589_filed",
	Fact(TriggerFeeNotice):          "engine.subject.fee_notice",
	Fact(TriggerEADExpiry):          "engine.subject.ead_expiry",
	Fact(TriggerIndividualHearing):  "engine.subject.individual_hearing",
	Fact(TriggerDecision):           "engine.subject.decision",
	Fact(TriggerFinalOrder):         "engine.subject.final_order",
	Fact(TriggerGrant):              "engine.subject.grant",
	Fact(TriggerFourteenthBirthday): "engine.subject.fourteenth_birthday",
}

// subject names the trigger with its date, as a sentence.
func subject(occ occurrence, f Facts) Texts {
	key, ok := subjectKeys[occ.fact]
	if !ok {
		key = "engine.subject.other"
	}
	out := Texts{say(key, occ.date)}
	// Never the date of birth itself: the birthday text is computed from
	// a sensitive field, and the year of birth adds nothing here.
	if _, m, d := f.BirthDate.Civil(); occ.fact == Fact(TriggerFourteenthBirthday) && m == time.February && d == 29 && occ.date.Day() == 28 {
		out = append(out, say("engine.subject.born_feb29"))
	}
	return out
}

// quantity says "5 days", "one year", "150 business days".
func quantity(n int, u Unit) Text {
	unit := map[Unit]string{BusinessDays: "business_days", Months: "months", Years: "years"}[u]
	if unit == "" {
		unit = "days"
	}
	if n == 1 {
		return say("engine.qty." + unit + "_one")
	}
	return say("engine.qty."+unit, n)
}
