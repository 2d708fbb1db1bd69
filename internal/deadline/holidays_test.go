package deadline

import (
	"testing"
	"time"
)

// Known observed federal holidays, from OPM's published tables.
var knownHolidays = map[int][]string{
	2020: {"2020-01-01", "2020-01-20", "2020-02-17", "2020-05-25", "2020-07-03", "2020-09-07",
		"2020-10-12", "2020-11-11", "2020-11-26", "2020-12-25"},
	2021: {"2021-01-01", "2021-01-18", "2021-02-15", "2021-05-31", "2021-06-18", "2021-07-05",
		"2021-09-06", "2021-10-11", "2021-11-11", "2021-11-25", "2021-12-24"},
	2022: {"2021-12-31", "2022-01-17", "2022-02-21", "2022-05-30", "2022-06-20", "2022-07-04",
		"2022-09-05", "2022-10-10", "2022-11-11", "2022-11-24", "2022-12-26"},
	2023: {"2023-01-02", "2023-01-16", "2023-02-20", "2023-05-29", "2023-06-19", "2023-07-04",
		"2023-09-04", "2023-10-09", "2023-11-10", "2023-11-23", "2023-12-25"},
	2026: {"2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03",
		"2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25"},
	2027: {"2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05",
		"2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24"},
}

func TestHolidaysObserved(t *testing.T) {
	for year, want := range knownHolidays {
		hs := Holidays(year)
		if len(hs) != len(want) {
			t.Errorf("%d: got %v holidays, want %v", year, len(hs), len(want))
			continue
		}
		for i, h := range hs {
			if h.Observed != day(want[i]) {
				t.Errorf("%d %s: observed got %v, want %v", year, in(h.Name, English), h.Observed, want[i])
			}
			if h.Date.Year() != year {
				t.Errorf("%d %s: date %v is in another year", year, in(h.Name, English), h.Date)
			}
			if in(h.Name, Spanish) == "" {
				t.Errorf("%d %s: no Spanish name", year, in(h.Name, English))
			}
		}
	}
}

func TestHolidayWeekdays(t *testing.T) {
	tests := []struct {
		date     string
		weekday  time.Weekday
		business bool
		holiday  string
	}{
		{"2026-07-04", time.Saturday, false, ""},
		{"2026-07-03", time.Friday, false, "Independence Day"},
		{"2026-07-06", time.Monday, true, ""},
		{"2022-12-25", time.Sunday, false, ""},
		{"2022-12-26", time.Monday, false, "Christmas Day"},
		{"2021-12-31", time.Friday, false, "New Year's Day"},
		{"2022-01-01", time.Saturday, false, ""},
		{"2023-01-02", time.Monday, false, "New Year's Day"},
		{"2021-06-18", time.Friday, false, "Juneteenth National Independence Day"},
		{"2020-06-19", time.Friday, true, ""},
		{"2023-11-10", time.Friday, false, "Veterans Day"},
		{"2026-11-26", time.Thursday, false, "Thanksgiving Day"},
		{"2026-11-27", time.Friday, true, ""},
		{"2026-05-25", time.Monday, false, "Memorial Day"},
		{"2026-03-03", time.Tuesday, true, ""},
	}
	for _, tt := range tests {
		d := day(tt.date)
		ref := d.Time().Weekday()
		if d.Weekday() != tt.weekday || ref != tt.weekday {
			t.Errorf("%s: weekday got %v, want %v (time package: %v)", tt.date, d.Weekday(), tt.weekday, ref)
		}
		if got := IsBusinessDay(d); got != tt.business {
			t.Errorf("IsBusinessDay(%s) got %v, want %v", tt.date, got, tt.business)
		}
		h, ok := HolidayOn(d)
		if got := in(h.Name, English); ok != (tt.holiday != "") || got != tt.holiday {
			t.Errorf("HolidayOn(%s) got %q, want %q", tt.date, got, tt.holiday)
		}
	}
}

func TestHolidaysAlwaysWeekdays(t *testing.T) {
	for year := 1990; year <= 2100; year++ {
		for _, h := range Holidays(year) {
			if IsWeekend(h.Observed) {
				t.Fatalf("%d %s observed on %v, a %v", year, in(h.Name, English), h.Observed, h.Observed.Weekday())
			}
			if d := h.Date.DaysUntil(h.Observed); d < -1 || d > 1 {
				t.Fatalf("%d %s observed %d days away", year, in(h.Name, English), d)
			}
		}
	}
}
