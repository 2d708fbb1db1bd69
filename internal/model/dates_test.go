package model

import "testing"

func TestCheckDay(t *testing.T) {
	const today = "2026-12-01"
	for _, tc := range []struct {
		day  string
		past bool
		want string
	}{
		{"", true, ""},
		{"2026-12-01", true, ""}, // today has come
		{"2026-12-02", true, ProblemFuture},
		{"2031-05-01", true, ProblemFuture}, // the reviewer's move
		{"2031-05-01", false, ""},           // a day that may be ahead
		{"2026-02-30", false, ProblemDate},
		{"2026-2-3", false, ProblemDate},
		{"1900-01-01", true, ""},
		{"1899-12-31", true, ProblemDateRange},
		{"0001-01-01", false, ProblemDateRange},
		{"2100-12-31", false, ""},
		{"2101-01-01", false, ProblemDateRange},
		{"2101-01-01", true, ProblemDateRange}, // out of range before in the future
	} {
		if got := CheckDay(tc.day, today, tc.past); got != tc.want {
			t.Errorf("CheckDay(%q, past=%v): got %q, want %q", tc.day, tc.past, got, tc.want)
		}
	}
}

func TestInOrder(t *testing.T) {
	for _, tc := range []struct {
		first, then string
		want        bool
	}{
		{"2026-01-01", "2026-01-02", true},
		{"2026-01-02", "2026-01-02", true},
		{"2026-01-03", "2026-01-02", false},
		{"", "2026-01-02", true},
		{"2026-01-03", "", true},
		{"not a day", "2026-01-02", true}, // reported on its own field
	} {
		if got := InOrder(tc.first, tc.then); got != tc.want {
			t.Errorf("InOrder(%q, %q): got %v, want %v", tc.first, tc.then, got, tc.want)
		}
	}
}
