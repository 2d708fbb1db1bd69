package deadline

import "testing"

func TestStateOf(t *testing.T) {
	today := day("2026-03-10")
	tests := []struct {
		name string
		due  Date
		done bool
		na   bool
		want State
	}{
		{"overdue", day("2026-03-09"), false, false, Overdue},
		{"due today", today, false, false, DueSoon},
		{"due tomorrow", day("2026-03-11"), false, false, DueSoon},
		{"due in 14 days", day("2026-03-24"), false, false, DueSoon},
		{"due in 15 days", day("2026-03-25"), false, false, Upcoming},
		{"done although overdue", day("2026-01-01"), true, false, Done},
		{"not applicable wins over done", day("2026-01-01"), true, true, NotApplicable},
		{"not applicable", day("2026-04-01"), false, true, NotApplicable},
		{"no date yet", Date{}, false, false, Undated},
	}
	for _, tt := range tests {
		if got := StateOf(tt.due, today, tt.done, tt.na); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}
