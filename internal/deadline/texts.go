package deadline

import (
	"slices"
	"strconv"
)

// holidayKeys name the federal holidays, in Holidays' order.
var holidayKeys = []string{"new_year", "king", "washington", "memorial", "juneteenth", "independence",
	"labor", "columbus", "veterans", "thanksgiving", "christmas"}

// EngineKeys lists every message key the engine can say besides its rules'
// own (RuleSet.TextKeys), so that a test can check the catalogue has each
// one in every language.
func EngineKeys() []string {
	keys := []string{"engine.disclaimer", "engine.unknown_day", "engine.holiday_observed",
		"engine.date.short", "engine.date.long", "engine.date.with_weekday",
		"engine.working.invalid_pause", "engine.working.clock_passed", "engine.working.clock_passed_one",
		"engine.working.clock_stopped_since", "engine.working.clock_paused_reaches", "engine.working.clock_reaches",
		"engine.working.covered", "engine.working.roll_weekend", "engine.working.roll_holiday",
		"engine.working.roll_holiday_too", "engine.working.roll_moves", "engine.subject.other", "engine.subject.born_feb29"}
	for _, dir := range []string{"later", "before"} {
		keys = append(keys, "engine.working."+dir, "engine.working."+dir+"_clamped_earlier", "engine.working."+dir+"_clamped_later")
	}
	for _, k := range subjectKeys {
		keys = append(keys, k)
	}
	for _, u := range []string{"days", "business_days", "months", "years"} {
		keys = append(keys, "engine.qty."+u, "engine.qty."+u+"_one")
	}
	for m := 1; m <= 12; m++ {
		keys = append(keys, "engine.month."+strconv.Itoa(m), "engine.month_short."+strconv.Itoa(m))
	}
	for wd := 0; wd < 7; wd++ {
		keys = append(keys, "engine.weekday."+strconv.Itoa(wd))
	}
	for _, h := range holidayKeys {
		keys = append(keys, "engine.holiday."+h)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// TextKeys lists the message keys of every rule version's texts: title,
// source and explanation always, a note and a late note where the rule
// file says it has one.
func (rs *RuleSet) TextKeys() []string {
	var keys []string
	for _, r := range rs.rules {
		for _, t := range []Text{r.Title, r.Source, r.Explain, r.Note, r.LateNote} {
			if t.Key != "" {
				keys = append(keys, t.Key)
			}
		}
	}
	return keys
}
