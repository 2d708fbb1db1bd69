package deadline

import (
	"slices"
	"testing"
	"time"
)

func TestComputeEveryRule(t *testing.T) {
	rs := rules(t)
	tests := []struct {
		name  string
		facts Facts
		key   string
		due   string
	}{
		{"EOIR-33 after arrival", Facts{Arrival: day("2026-03-03")}, "eoir33-change-of-address/arrival", "2026-03-08"},
		{"EOIR-33 after a move", Facts{Moves: []Event{{Date: day("2026-07-20")}}}, "eoir33-change-of-address/move#1", "2026-07-25"},
		{"AR-11 after arrival", Facts{Arrival: day("2026-03-03")}, "ar11-change-of-address/arrival", "2026-03-13"},
		{"AR-11 after a move", Facts{Moves: []Event{{Ref: "m7", Date: day("2026-07-20")}}}, "ar11-change-of-address/move@m7", "2026-07-30"},
		{"I-589 one year", Facts{LastUSArrival: day("2025-01-15")}, "i589-one-year/last_us_arrival", "2026-01-15"},
		{"annual asylum fee", Facts{FeeNotices: []Event{{Date: day("2026-01-15")}}}, "annual-asylum-fee/annual_fee_notice#1", "2026-02-14"},
		{"EAD may be filed", Facts{I589Filed: day("2026-01-02")}, "ead-may-file/i589_filed", "2026-06-01"},
		{"EAD may be granted", Facts{I589Filed: day("2026-01-02")}, "ead-may-grant/i589_filed", "2026-07-01"},
		{"EAD renewal window", Facts{EADExpiry: day("2027-06-01")}, "ead-renewal-window/ead_expiry", "2026-12-03"},
		{"EAD expiry", Facts{EADExpiry: day("2027-06-01")}, "ead-expiry/ead_expiry", "2027-06-01"},
		{"evidence before hearing", Facts{IndividualHearings: []Event{{Date: day("2026-10-20")}}}, "individual-hearing-evidence/individual_hearing#1", "2026-09-20"},
		{"BIA appeal", Facts{Decisions: []Event{{Date: day("2026-03-02")}}}, "bia-appeal/decision#1", "2026-04-01"},
		{"motion to reopen", Facts{FinalOrder: day("2026-04-01")}, "motion-to-reopen/final_order", "2026-06-30"},
		{"I-730", Facts{Grant: day("2025-05-10")}, "i730-follow-to-join/grant", "2027-05-10"},
		{"I-485", Facts{Grant: day("2025-05-10")}, "i485-eligible/grant", "2026-05-10"},
		{"child registration", Facts{BirthDate: day("2012-05-10")}, "child-registration-14/fourteenth_birthday", "2026-06-09"},
		{"child registration, born 29 Feb", Facts{BirthDate: day("2012-02-29")}, "child-registration-14/fourteenth_birthday", "2026-03-30"},
		// DOMAIN.md corrected (2026-11-30): within 90 days, not 3 months.
		{"health screening", Facts{Grant: day("2025-05-10")}, "post-grant-health-screening/grant", "2025-08-08"},
		{"health screening, month end", Facts{Grant: day("2025-11-30")}, "post-grant-health-screening/grant", "2026-02-28"},
		// DOMAIN.md corrected (2026-11-30): 4 months for eligibility from 5 May 2025.
		{"assistance ends", Facts{Grant: day("2025-05-10")}, "post-grant-assistance-ends/grant", "2025-09-10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := find(t, Compute(rs, tt.facts), tt.key)
			if d.Due != day(tt.due) {
				t.Errorf("got %v, want %v", d.Due, tt.due)
			}
			if in(d.Source, English) == "" || in(d.Source, Spanish) == "" || d.SourceURL == "" || in(d.Explanation, English) == "" || in(d.Explanation, Spanish) == "" || in(d.Title, Spanish) == "" {
				t.Errorf("missing source or explanation: %+v", d)
			}
		})
	}
}

func TestComputeRolls(t *testing.T) {
	rs := rules(t)
	tests := []struct {
		name     string
		facts    Facts
		key      string
		unrolled string
		due      string
		weekday  time.Weekday
	}{
		{"I-589 from 29 Feb", Facts{LastUSArrival: day("2024-02-29")}, "i589-one-year/last_us_arrival", "2025-02-28", "2025-02-28", time.Friday},
		{"I-589 on a Saturday", Facts{LastUSArrival: day("2025-08-08")}, "i589-one-year/last_us_arrival", "2026-08-08", "2026-08-10", time.Monday},
		{"I-589 on a Sunday", Facts{LastUSArrival: day("2025-08-09")}, "i589-one-year/last_us_arrival", "2026-08-09", "2026-08-10", time.Monday},
		{"I-589 on Labor Day", Facts{LastUSArrival: day("2025-09-07")}, "i589-one-year/last_us_arrival", "2026-09-07", "2026-09-08", time.Tuesday},
		{"I-589 on observed Independence Day", Facts{LastUSArrival: day("2025-07-03")}, "i589-one-year/last_us_arrival", "2026-07-03", "2026-07-06", time.Monday},
		{"BIA on Veterans Day", Facts{Decisions: []Event{{Date: day("2026-10-12")}}}, "bia-appeal/decision#1", "2026-11-11", "2026-11-12", time.Thursday},
		{"BIA on observed Christmas 2022", Facts{Decisions: []Event{{Date: day("2022-11-26")}}}, "bia-appeal/decision#1", "2022-12-26", "2022-12-27", time.Tuesday},
		{"BIA year end 2022", Facts{Decisions: []Event{{Date: day("2022-12-01")}}}, "bia-appeal/decision#1", "2022-12-31", "2023-01-03", time.Tuesday},
		{"BIA on New Year observed 31 Dec 2021", Facts{Decisions: []Event{{Date: day("2021-12-01")}}}, "bia-appeal/decision#1", "2021-12-31", "2022-01-03", time.Monday},
		{"no roll for EOIR-33 on a Sunday", Facts{Arrival: day("2026-03-03")}, "eoir33-change-of-address/arrival", "2026-03-08", "2026-03-08", time.Sunday},
		{"no roll for evidence on a Sunday", Facts{IndividualHearings: []Event{{Date: day("2026-10-20")}}}, "individual-hearing-evidence/individual_hearing#1", "2026-09-20", "2026-09-20", time.Sunday},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := find(t, Compute(rs, tt.facts), tt.key)
			if d.Unrolled != day(tt.unrolled) || d.Due != day(tt.due) {
				t.Errorf("got %v → %v, want %v → %v", d.Unrolled, d.Due, tt.unrolled, tt.due)
			}
			// Check the weekday with Go's time package, not with our own code.
			if got := d.Due.Time().Weekday(); got != tt.weekday {
				t.Errorf("weekday got %v, want %v", got, tt.weekday)
			}
		})
	}
}

func TestComputeRuleInForceOnTrigger(t *testing.T) {
	rs := rules(t)
	tests := []struct {
		filed   string
		file    string
		grant   string
		counted Unit
	}{
		// Filed under the 2020 rule: 365 calendar days.
		{"2021-01-10", "2022-01-10", "2022-01-10", CalendarDays},
		// Filed after the vacatur: 150 / 180 clock days.
		{"2022-03-01", "2022-07-29", "2022-08-28", ClockDays},
		// Filed the day before the 2020 rule took effect.
		{"2020-08-24", "2021-01-21", "2021-02-20", ClockDays},
	}
	for _, tt := range tests {
		ds := Compute(rs, Facts{I589Filed: day(tt.filed)})
		file, grant := find(t, ds, "ead-may-file/i589_filed"), find(t, ds, "ead-may-grant/i589_filed")
		if file.Due != day(tt.file) || grant.Due != day(tt.grant) {
			t.Errorf("filed %s: got %v and %v, want %v and %v", tt.filed, file.Due, grant.Due, tt.file, tt.grant)
		}
		if file.Counting.Unit != tt.counted {
			t.Errorf("filed %s: unit got %v, want %v", tt.filed, file.Counting.Unit, tt.counted)
		}
	}
}

func TestComputeNotInForce(t *testing.T) {
	// The annual asylum fee did not exist before 22 Jul 2025.
	ds := Compute(rules(t), Facts{FeeNotices: []Event{{Date: day("2024-01-15")}}})
	if len(ds) != 0 {
		t.Errorf("got %v deadlines, want %v", len(ds), 0)
	}
}

func TestComputeClockPaused(t *testing.T) {
	rs := rules(t)
	f := Facts{
		I589Filed: day("2026-01-02"),
		ClockPauses: []Pause{
			{From: day("2026-02-01"), To: day("2026-02-12")},
			{From: day("2026-02-10"), To: day("2026-02-15")},
			{From: day("2025-12-20"), To: day("2026-01-05")},
		},
	}
	d := find(t, Compute(rs, f), "ead-may-file/i589_filed")
	// 150 + 3 paused days (3–5 Jan) + 15 paused days (1–15 Feb).
	if d.Due != day("2026-06-19") || d.PausedDays != 18 || d.NoDate != "" {
		t.Errorf("got %v with %d paused days (%q), want %v with %d", d.Due, d.PausedDays, d.NoDate, "2026-06-19", 18)
	}

	f.ClockPauses = append(f.ClockPauses, Pause{From: day("2026-03-01")})
	ds := Compute(rs, f)
	for _, key := range []string{"ead-may-file/i589_filed", "ead-may-grant/i589_filed"} {
		d := find(t, ds, key)
		if !d.Due.IsZero() || d.NoDate != ClockPaused || d.PausedSince != day("2026-03-01") {
			t.Errorf("%s: got due %v reason %q since %v, want no date, %q, 2026-03-01", key, d.Due, d.NoDate, d.PausedSince, ClockPaused)
		}
	}
	if last := ds[len(ds)-1]; !last.Due.IsZero() {
		t.Errorf("undated deadlines must sort last, got %v last", last.Key)
	}

	f.ClockPauses = []Pause{{From: day("2026-03-10"), To: day("2026-03-01")}}
	if d := find(t, Compute(rs, f), "ead-may-file/i589_filed"); d.NoDate != InvalidPause || !d.Due.IsZero() {
		t.Errorf("got due %v reason %q, want no date, %q", d.Due, d.NoDate, InvalidPause)
	}
}

func TestRecomputeKeepsKey(t *testing.T) {
	rs := rules(t)
	before := Facts{Arrival: day("2026-03-03"), Moves: []Event{{Date: day("2026-05-01")}, {Date: day("2026-08-01")}}}
	after := before
	after.Arrival = day("2026-03-05") // the arrival date was recorded wrong
	after.Moves = slices.Clone(before.Moves)
	after.Moves[1].Date = day("2026-08-03")

	tests := []struct {
		key       string
		dueBefore string
		dueAfter  string
	}{
		{"eoir33-change-of-address/arrival", "2026-03-08", "2026-03-10"},
		{"ar11-change-of-address/arrival", "2026-03-13", "2026-03-15"},
		{"eoir33-change-of-address/move#1", "2026-05-06", "2026-05-06"},
		{"eoir33-change-of-address/move#2", "2026-08-06", "2026-08-08"},
	}
	b, a := Compute(rs, before), Compute(rs, after)
	for _, tt := range tests {
		if got := find(t, b, tt.key).Due; got != day(tt.dueBefore) {
			t.Errorf("%s before: got %v, want %v", tt.key, got, tt.dueBefore)
		}
		if got := find(t, a, tt.key).Due; got != day(tt.dueAfter) {
			t.Errorf("%s after: got %v, want %v", tt.key, got, tt.dueAfter)
		}
	}
}

func TestKeysFollowRefs(t *testing.T) {
	rs := rules(t)
	f := Facts{Moves: []Event{{Ref: "a", Date: day("2026-05-01")}, {Ref: "b", Date: day("2026-08-01")}}}
	g := Facts{Moves: []Event{{Ref: "b", Date: day("2026-08-01")}}} // move "a" deleted
	kb := find(t, Compute(rs, f), "eoir33-change-of-address/move@b")
	ka := find(t, Compute(rs, g), "eoir33-change-of-address/move@b")
	if kb.Due != ka.Due {
		t.Errorf("got %v, want %v", ka.Due, kb.Due)
	}
}

func TestComputeSortedAndComplete(t *testing.T) {
	ds := Compute(rules(t), realisticFacts())
	if !slices.IsSortedFunc(ds, func(a, b Deadline) int { return a.Due.Compare(b.Due) }) {
		t.Errorf("deadlines are not sorted by due date")
	}
	keys := map[string]bool{}
	for _, d := range ds {
		if keys[d.Key] {
			t.Errorf("duplicate key %q", d.Key)
		}
		keys[d.Key] = true
		if d.Backward() != d.Due.Before(d.TriggerDate) {
			t.Errorf("%s: backward %v but due %v, trigger %v", d.Key, d.Backward(), d.Due, d.TriggerDate)
		}
	}
	// 2 address changes × 2 rules, I-589, 2 fee notices, 2 EAD clock rules,
	// renewal and expiry, 2 hearings, 1 decision, motion, 4 grant rules, child.
	if got, want := len(ds), 4+1+2+2+2+2+1+1+4+1; got != want {
		t.Errorf("got %v deadlines, want %v", got, want)
	}
}

// TestComputeConcurrent lets the race detector check that a RuleSet is
// read-only once loaded.
func TestComputeConcurrent(t *testing.T) {
	rs := rules(t)
	want := len(Compute(rs, realisticFacts()))
	done := make(chan int)
	for range 8 {
		go func() { done <- len(Compute(rs, realisticFacts())) }()
	}
	for range 8 {
		if got := <-done; got != want {
			t.Errorf("got %v, want %v", got, want)
		}
	}
}

func TestComputeEmptyFacts(t *testing.T) {
	if ds := Compute(rules(t), Facts{}); len(ds) != 0 {
		t.Errorf("got %v, want no deadlines", ds)
	}
}

func TestFactsValidate(t *testing.T) {
	ok := realisticFacts()
	if err := ok.Validate(); err != nil {
		t.Errorf("got %v, want nil", err)
	}
	bad := realisticFacts()
	bad.Decisions = []Event{{Ref: "x", Date: day("2026-01-01")}, {Ref: "x", Date: day("2026-02-01")}}
	bad.ClockPauses = []Pause{{To: day("2026-01-01")}}
	if err := bad.Validate(); err == nil {
		t.Errorf("got nil, want errors for a duplicate ref and a pause without start")
	}
}

// realisticFacts is one person a year into a case: an arrival and a move,
// an I-589 with a missed biometrics appointment, hearings, an appeal
// window, a grant, a work permit and a child's birthday.
func realisticFacts() Facts {
	return Facts{
		Arrival:       day("2025-11-03"),
		Moves:         []Event{{Ref: "mv1", Date: day("2026-04-18")}},
		LastUSArrival: day("2025-10-28"),
		I589Filed:     day("2026-01-12"),
		ClockPauses: []Pause{
			{From: day("2026-02-10"), To: day("2026-02-24")},
			{From: day("2026-02-20"), To: day("2026-03-02")},
		},
		IndividualHearings: []Event{{Ref: "h1", Date: day("2026-09-14")}, {Ref: "h2", Date: day("2027-01-19")}},
		Decisions:          []Event{{Ref: "d1", Date: day("2027-01-19")}},
		FinalOrder:         day("2027-01-19"),
		Grant:              day("2027-03-02"),
		EADExpiry:          day("2027-12-20"),
		BirthDate:          day("2013-01-07"),
		FeeNotices:         []Event{{Ref: "f1", Date: day("2026-02-02")}, {Ref: "f2", Date: day("2027-02-01")}},
	}
}
