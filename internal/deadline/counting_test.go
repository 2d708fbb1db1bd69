package deadline

import "testing"

func TestAddBusinessDays(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-03-02", 5, "2026-03-09"},  // Mon + 5 → next Mon
		{"2026-03-06", 1, "2026-03-09"},  // Fri + 1 → Mon
		{"2026-07-01", 2, "2026-07-06"},  // Jul 3 observed, weekend
		{"2022-12-22", 2, "2022-12-27"},  // Dec 26 observed Christmas
		{"2021-12-29", 2, "2022-01-03"},  // Dec 31 observed New Year
		{"2026-03-09", -1, "2026-03-06"}, // back over a weekend
		{"2026-07-06", -1, "2026-07-02"}, // back over the observed holiday
		{"2026-03-03", 0, "2026-03-03"},
	}
	for _, tt := range tests {
		if got := AddBusinessDays(day(tt.from), tt.n); got != day(tt.want) {
			t.Errorf("AddBusinessDays(%s, %d) got %v, want %v", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestNextBusinessDayFrom(t *testing.T) {
	tests := []struct{ from, want string }{
		{"2026-08-08", "2026-08-10"}, // Saturday
		{"2026-08-09", "2026-08-10"}, // Sunday
		{"2026-08-10", "2026-08-10"}, // already a business day
		{"2026-07-03", "2026-07-06"}, // observed Independence Day, then weekend
		{"2026-09-07", "2026-09-08"}, // Labor Day
		{"2022-12-31", "2023-01-03"}, // Saturday, Sunday, observed New Year
		{"2021-12-31", "2022-01-03"}, // observed New Year of the next year
		{"2022-12-24", "2022-12-27"}, // Saturday, Sunday Christmas, observed Monday
	}
	for _, tt := range tests {
		if got := NextBusinessDayFrom(day(tt.from)); got != day(tt.want) {
			t.Errorf("NextBusinessDayFrom(%s) got %v, want %v", tt.from, got, tt.want)
		}
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		name    string
		c       Counting
		trigger string
		raw     string
		due     string
		clamped bool
		skipped int
	}{
		{"calendar", Counting{5, CalendarDays, NoRoll}, "2026-03-03", "2026-03-08", "2026-03-08", false, 0},
		{"calendar no roll on Sunday", Counting{5, CalendarDays, NoRoll}, "2026-03-03", "2026-03-08", "2026-03-08", false, 0},
		{"calendar roll Sunday", Counting{5, CalendarDays, NextBusinessDay}, "2026-03-03", "2026-03-08", "2026-03-09", false, 1},
		{"calendar backward", Counting{-30, CalendarDays, NoRoll}, "2026-10-20", "2026-09-20", "2026-09-20", false, 0},
		{"business", Counting{5, BusinessDays, NoRoll}, "2026-07-01", "2026-07-09", "2026-07-09", false, 0},
		{"years feb 29", Counting{1, Years, NextBusinessDay}, "2024-02-29", "2025-02-28", "2025-02-28", true, 0},
		{"years roll", Counting{1, Years, NextBusinessDay}, "2025-08-08", "2026-08-08", "2026-08-10", false, 2},
		{"months clamp", Counting{3, Months, NoRoll}, "2026-08-31", "2026-11-30", "2026-11-30", true, 0},
		{"clock", Counting{150, ClockDays, NoRoll}, "2026-01-02", "2026-06-01", "2026-06-01", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := count(tt.c, day(tt.trigger), nil, false)
			if o.raw != day(tt.raw) || o.due != day(tt.due) {
				t.Errorf("got raw %v due %v, want raw %v due %v", o.raw, o.due, tt.raw, tt.due)
			}
			if o.clamped != tt.clamped || len(o.skipped) != tt.skipped {
				t.Errorf("got clamped %v skipped %v, want %v %v", o.clamped, len(o.skipped), tt.clamped, tt.skipped)
			}
		})
	}
}

func TestCountingString(t *testing.T) {
	tests := []struct {
		c    Counting
		want string
	}{
		{Counting{30, CalendarDays, NextBusinessDay}, "+30 calendar_days, next_business_day"},
		{Counting{-180, CalendarDays, NoRoll}, "-180 calendar_days"},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.want {
			t.Errorf("got %v, want %v", got, tt.want)
		}
	}
}
