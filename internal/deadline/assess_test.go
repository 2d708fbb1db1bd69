package deadline

import "testing"

// TestAssess: the state of a date depends on its kind. Only a due-by date
// can be overdue; a window that opens reads "opens on", then "open now";
// an expiry or a date nobody acts on is information. Boundaries: today,
// tomorrow, DueSoonDays, DueSoonDays+1, yesterday.
func TestAssess(t *testing.T) {
	today := day("2026-03-10")
	tests := []struct {
		name  string
		in    Input
		state State
		days  int
		date  string
		early bool
	}{
		// due by
		{"due by, yesterday", Input{Kind: DueBy, Due: day("2026-03-09")}, Overdue, -1, "2026-03-09", false},
		{"due by, two days ago", Input{Kind: DueBy, Due: day("2026-03-08")}, Overdue, -2, "2026-03-08", false},
		{"due by, today", Input{Kind: DueBy, Due: today}, DueSoon, 0, "2026-03-10", false},
		{"due by, tomorrow", Input{Kind: DueBy, Due: day("2026-03-11")}, DueSoon, 1, "2026-03-11", false},
		{"due by, in 3 days", Input{Kind: DueBy, Due: day("2026-03-13")}, DueSoon, 3, "2026-03-13", false},
		{"due by, in 14 days", Input{Kind: DueBy, Due: day("2026-03-24")}, DueSoon, 14, "2026-03-24", false},
		{"due by, in 15 days", Input{Kind: DueBy, Due: day("2026-03-25")}, Upcoming, 15, "2026-03-25", false},
		{"due by, no date", Input{Kind: DueBy}, Undated, 0, "", false},
		// met by a recorded fact (I-589 filed, appeal filed)
		{"met on the due date", Input{Kind: DueBy, Due: day("2026-03-01"), Met: day("2026-03-01")}, Done, -9, "2026-03-01", false},
		{"met a day late", Input{Kind: DueBy, Due: day("2026-03-01"), Met: day("2026-03-02")}, DoneLate, -8, "2026-03-02", false},
		{"met early, before an overdue date", Input{Kind: DueBy, Due: day("2026-01-01"), Met: day("2025-12-01")}, Done, -99, "2025-12-01", false},
		{"met although the clock is paused", Input{Kind: DueBy, Met: day("2026-02-01")}, Done, -37, "2026-02-01", false},
		// marked done by a person
		{"marked done on time", Input{Kind: DueBy, Due: day("2026-03-01"), Done: true, DoneOn: day("2026-02-27")}, Done, -11, "2026-02-27", false},
		{"marked done late", Input{Kind: DueBy, Due: day("2026-03-01"), Done: true, DoneOn: day("2026-03-05")}, DoneLate, -5, "2026-03-05", false},
		{"marked done, no date", Input{Kind: DueBy, Due: day("2026-01-01"), Done: true}, Done, 0, "", false},
		{"the fact's date wins over the mark's", Input{Kind: DueBy, Due: day("2026-03-01"), Met: day("2026-02-20"), Done: true, DoneOn: day("2026-03-05")}, Done, -18, "2026-02-20", false},
		{"not applicable wins over a met fact", Input{Kind: DueBy, Due: day("2026-01-01"), Met: day("2026-01-02"), NotApplicable: true}, NotApplicable, 0, "2026-01-01", false},
		{"not applicable wins over done", Input{Kind: DueBy, Due: day("2026-01-01"), Done: true, NotApplicable: true}, NotApplicable, 0, "2026-01-01", false},
		// opens
		{"opens tomorrow", Input{Kind: Opens, Due: day("2026-03-11")}, OpensOn, 1, "2026-03-11", false},
		{"opens in 30 days", Input{Kind: Opens, Due: day("2026-04-09")}, OpensOn, 30, "2026-04-09", false},
		{"opens today", Input{Kind: Opens, Due: today}, OpenNow, 0, "2026-03-10", false},
		{"open since long ago: never overdue", Input{Kind: Opens, Due: day("2025-09-02")}, OpenNow, -189, "2025-09-02", false},
		{"window used", Input{Kind: Opens, Due: day("2026-03-01"), Met: day("2026-03-04")}, Done, -6, "2026-03-04", false},
		{"window used too early", Input{Kind: Opens, Due: day("2026-03-01"), Met: day("2026-02-20")}, Done, -18, "2026-02-20", true},
		{"window waiting for the clock", Input{Kind: Opens}, Undated, 0, "", false},
		// information
		{"expires in 5 days", Input{Kind: Expires, Due: day("2026-03-15")}, Info, 5, "2026-03-15", false},
		{"expired: information, not overdue", Input{Kind: Expires, Due: day("2026-03-01")}, Info, -9, "2026-03-01", false},
		{"earliest grant date passed: information", Input{Kind: Informational, Due: day("2026-02-01")}, Info, -37, "2026-02-01", false},
		{"earliest grant date ahead", Input{Kind: Informational, Due: day("2026-03-12")}, Info, 2, "2026-03-12", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Assess(tt.in, today)
			if got.State != tt.state || got.Days != tt.days || got.Date.String() != tt.date || got.Early != tt.early {
				t.Errorf("got %s, %d days, date %q, early %v; want %s, %d, %q, %v",
					got.State, got.Days, got.Date, got.Early, tt.state, tt.days, tt.date, tt.early)
			}
			if got.State.Counts() && tt.in.Kind != DueBy {
				t.Errorf("a %s date got the task state %s", tt.in.Kind, got.State)
			}
		})
	}
}

// TestStateOfIsDueBy: the old entry point keeps reading due-by dates.
func TestStateOfIsDueBy(t *testing.T) {
	if got := StateOf(day("2026-03-09"), day("2026-03-10"), false, false); got != Overdue {
		t.Errorf("got %v, want %v", got, Overdue)
	}
}

// TestAssessAppointment: a hearing is never overdue. Past and not marked:
// "did they attend?"; marked: attended.
func TestAssessAppointment(t *testing.T) {
	today := day("2026-03-10")
	tests := []struct {
		name     string
		date     string
		attended bool
		want     State
		days     int
	}{
		{"yesterday", "2026-03-09", false, ApptPassed, -1},
		{"last month, attended", "2026-02-10", true, ApptAttended, -28},
		{"attended today", "2026-03-10", true, ApptAttended, 0},
		{"today", "2026-03-10", false, ApptSoon, 0},
		{"tomorrow", "2026-03-11", false, ApptSoon, 1},
		{"in 14 days", "2026-03-24", false, ApptSoon, 14},
		{"in 15 days", "2026-03-25", false, ApptUpcoming, 15},
	}
	for _, tt := range tests {
		got := AssessAppointment(day(tt.date), today, tt.attended)
		if got.State != tt.want || got.Days != tt.days {
			t.Errorf("%s: got %s (%d days), want %s (%d)", tt.name, got.State, got.Days, tt.want, tt.days)
		}
	}
}

// TestPhrase: say how many days ("in 3 days", "tomorrow", "today", "3 days
// overdue"), in words that fit the kind.
func TestPhrase(t *testing.T) {
	today := day("2026-03-10")
	tests := []struct {
		name string
		st   Status
		key  string
		n    int
		date string
	}{
		{"due in 3 days", Assess(Input{Kind: DueBy, Due: day("2026-03-13")}, today), "when.due_in", 3, ""},
		{"due tomorrow", Assess(Input{Kind: DueBy, Due: day("2026-03-11")}, today), "when.due_tomorrow", 0, ""},
		{"due today", Assess(Input{Kind: DueBy, Due: today}, today), "when.due_today", 0, ""},
		{"due in 60 days", Assess(Input{Kind: DueBy, Due: day("2026-05-09")}, today), "when.due_in", 60, ""},
		{"due in 61 days: the date", Assess(Input{Kind: DueBy, Due: day("2026-05-10")}, today), "when.due_on", 0, "2026-05-10"},
		{"1 day overdue", Assess(Input{Kind: DueBy, Due: day("2026-03-09")}, today), "when.overdue_one", 0, ""},
		{"2 days overdue", Assess(Input{Kind: DueBy, Due: day("2026-03-08")}, today), "when.overdue", 2, ""},
		{"done on", Assess(Input{Kind: DueBy, Due: day("2026-03-08"), Met: day("2026-03-01")}, today), "when.done_on", 0, "2026-03-01"},
		{"done late", Assess(Input{Kind: DueBy, Due: day("2026-03-08"), Met: day("2026-03-09")}, today), "when.done_late", 0, "2026-03-09"},
		{"done, no date", Assess(Input{Kind: DueBy, Due: day("2026-03-08"), Done: true}, today), "state.done", 0, ""},
		{"used too early", Assess(Input{Kind: Opens, Due: day("2026-03-08"), Met: day("2026-03-01")}, today), "when.used_early", 0, "2026-03-01"},
		{"opens in 3 days", Assess(Input{Kind: Opens, Due: day("2026-03-13")}, today), "when.opens_in", 3, ""},
		{"opens tomorrow", Assess(Input{Kind: Opens, Due: day("2026-03-11")}, today), "when.opens_tomorrow", 0, ""},
		{"opens today", Assess(Input{Kind: Opens, Due: today}, today), "when.opens_today", 0, ""},
		{"open since", Assess(Input{Kind: Opens, Due: day("2026-03-01")}, today), "when.open_since", 0, "2026-03-01"},
		{"expires in 5 days", Assess(Input{Kind: Expires, Due: day("2026-03-15")}, today), "when.ends_in", 5, ""},
		{"expired", Assess(Input{Kind: Expires, Due: day("2026-03-01")}, today), "when.ended_on", 0, "2026-03-01"},
		{"earliest grant passed", Assess(Input{Kind: Informational, Due: day("2026-03-01")}, today), "when.info_since", 0, "2026-03-01"},
		{"earliest grant in 2 days", Assess(Input{Kind: Informational, Due: day("2026-03-12")}, today), "when.info_in", 2, ""},
		{"not applicable", Assess(Input{Kind: DueBy, NotApplicable: true}, today), "state.not_applicable", 0, ""},
		{"waiting for a date", Assess(Input{Kind: Opens}, today), "state.undated", 0, ""},
		{"hearing passed", AssessAppointment(day("2026-03-09"), today, false), "state.appt_passed", 0, ""},
		{"hearing attended", AssessAppointment(day("2026-03-09"), today, true), "state.appt_attended", 0, ""},
		{"hearing tomorrow", AssessAppointment(day("2026-03-11"), today, false), "when.appt_tomorrow", 0, ""},
		{"hearing in 20 days", AssessAppointment(day("2026-03-30"), today, false), "when.appt_in", 20, ""},
	}
	known := map[string]bool{}
	for _, k := range PhraseKeys() {
		known[k] = true
	}
	for _, tt := range tests {
		p := tt.st.Phrase()
		if p.Key != tt.key || p.N != tt.n || p.Date.String() != tt.date || p.HasN != (tt.n != 0) || p.HasDate != (tt.date != "") {
			t.Errorf("%s: got %+v, want key %s, n %d, date %q", tt.name, p, tt.key, tt.n, tt.date)
		}
		if !known[p.Key] {
			t.Errorf("%s: key %s is not in PhraseKeys", tt.name, p.Key)
		}
	}
}
