package deadline

import (
	"slices"
	"sync"
	"time"
)

// Holiday is one US federal legal holiday (5 USC 6103) in a given year.
type Holiday struct {
	// Name is the holiday's name (engine.holiday.<name>), for explanations.
	Name Text
	// Date is the day the statute names (4 July, the third Monday of
	// January, ...).
	Date Date
	// Observed is the day federal offices close: the Friday before when Date
	// is a Saturday, the Monday after when it is a Sunday, else Date itself.
	// For New Year's Day on a Saturday it is 31 December of the year before.
	Observed Date
}

// Juneteenth became a federal holiday on 17 June 2021 (Pub. L. 117-17) and
// was first observed on Friday 18 June 2021.
const juneteenthFirstYear = 2021

// Holidays returns the federal legal holidays of year, in calendar order of
// their statutory date. The set is today's 5 USC 6103 applied to every year
// except Juneteenth (from 2021 only); the once-every-four-years Inauguration
// Day holiday is left out because it applies only around Washington, DC.
func Holidays(year int) []Holiday {
	hs := make([]Holiday, 0, 11)
	add := func(name string, d Date) {
		hs = append(hs, Holiday{Name: say("engine.holiday." + name), Date: d, Observed: observed(d)})
	}
	add("new_year", NewDate(year, time.January, 1))
	add("king", nthWeekday(year, time.January, time.Monday, 3))
	add("washington", nthWeekday(year, time.February, time.Monday, 3))
	add("memorial", lastWeekday(year, time.May, time.Monday))
	if year >= juneteenthFirstYear {
		add("juneteenth", NewDate(year, time.June, 19))
	}
	add("independence", NewDate(year, time.July, 4))
	add("labor", nthWeekday(year, time.September, time.Monday, 1))
	add("columbus", nthWeekday(year, time.October, time.Monday, 2))
	add("veterans", NewDate(year, time.November, 11))
	add("thanksgiving", nthWeekday(year, time.November, time.Thursday, 4))
	add("christmas", NewDate(year, time.December, 25))
	return hs
}

// holidayYears holds each year's Holidays once computed ([]Holiday by
// year): counting business days asks for them at every day counted, and
// a case page counts a few hundred.
var holidayYears sync.Map

// holidaysOf is Holidays(year), computed once per year from 1900 to 2199
// (the cache stays bounded whatever dates a caller counts from); the
// caller must not change the slice.
func holidaysOf(year int) []Holiday {
	if year < 1900 || year >= 2200 {
		return Holidays(year)
	}
	if hs, ok := holidayYears.Load(year); ok {
		return hs.([]Holiday)
	}
	hs, _ := holidayYears.LoadOrStore(year, Holidays(year))
	return hs.([]Holiday)
}

// HolidayOn returns the federal holiday whose observed day is d, if any.
// A holiday that falls on a weekend is reported on its observed weekday
// only; the weekend day itself is already not a business day.
func HolidayOn(d Date) (Holiday, bool) {
	y := d.Year()
	// 31 December can be the observed New Year's Day of the next year.
	for _, year := range []int{y, y + 1} {
		hs := holidaysOf(year)
		if i := slices.IndexFunc(hs, func(h Holiday) bool { return h.Observed == d }); i >= 0 {
			return hs[i], true
		}
	}
	return Holiday{}, false
}

// IsWeekend reports whether d is a Saturday or a Sunday.
func IsWeekend(d Date) bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

// IsBusinessDay reports whether federal offices are open on d: not a
// Saturday, not a Sunday, and not a federal holiday or observed holiday.
func IsBusinessDay(d Date) bool {
	if IsWeekend(d) {
		return false
	}
	_, hol := HolidayOn(d)
	return !hol
}

// observed moves a weekend holiday to the adjacent weekday (5 USC 6103(b)
// and Executive Order 11582).
func observed(d Date) Date {
	switch d.Weekday() {
	case time.Saturday:
		return d.AddDays(-1)
	case time.Sunday:
		return d.AddDays(1)
	}
	return d
}

// nthWeekday returns the n-th (1-based) wd of the month.
func nthWeekday(year int, m time.Month, wd time.Weekday, n int) Date {
	first := NewDate(year, m, 1)
	shift := floorMod(int(wd)-int(first.Weekday()), 7)
	return first.AddDays(shift + 7*(n-1))
}

// lastWeekday returns the last wd of the month.
func lastWeekday(year int, m time.Month, wd time.Weekday) Date {
	last := NewDate(year, m+1, 1).AddDays(-1)
	back := floorMod(int(last.Weekday())-int(wd), 7)
	return last.AddDays(-back)
}
