package deadline

import "testing"

// TestRuleHistory: versioned rules at every boundary (DOMAIN.md as
// corrected on 2026-11-30). Each row is a trigger date and the date the
// case gets, or "" for no deadline.
func TestRuleHistory(t *testing.T) {
	rs := rules(t)
	tests := []struct {
		name  string
		facts Facts
		key   string
		want  string
	}{
		// RCA/RMA: 8 months before 1 Oct 2021, 12 months to 4 May 2025,
		// 4 months from 5 May 2025 (90 FR 13370). The trigger is the grant,
		// the date of eligibility.
		{"assistance, eligible 30 Sep 2021: 8 months", Facts{Grant: day("2021-09-30")}, "post-grant-assistance-ends/grant", "2022-05-30"},
		{"assistance, eligible 1 Oct 2021: 12 months", Facts{Grant: day("2021-10-01")}, "post-grant-assistance-ends/grant", "2022-10-01"},
		{"assistance, eligible 4 May 2025: 12 months", Facts{Grant: day("2025-05-04")}, "post-grant-assistance-ends/grant", "2026-05-04"},
		{"assistance, eligible 5 May 2025: 4 months", Facts{Grant: day("2025-05-05")}, "post-grant-assistance-ends/grant", "2025-09-05"},
		{"assistance, 4 months from 31 Oct 2025: end of February (earlier)", Facts{Grant: day("2025-10-31")}, "post-grant-assistance-ends/grant", "2026-02-28"},
		// Domestic health screening: within 90 days, not 3 months.
		{"screening, 90 days", Facts{Grant: day("2025-05-10")}, "post-grant-health-screening/grant", "2025-08-08"},
		{"screening, over a leap day", Facts{Grant: day("2024-01-15")}, "post-grant-health-screening/grant", "2024-04-14"},
		// Registration at 14: the rule took effect on 11 Apr 2025 and covers
		// a child whose 30 days were still running that day.
		{"turned 14 on 11 Mar 2025: due 10 Apr, closed before the rule", Facts{BirthDate: day("2011-03-11")}, "child-registration-14/fourteenth_birthday", ""},
		{"turned 14 on 12 Mar 2025: due 11 Apr, the effective date", Facts{BirthDate: day("2011-03-12")}, "child-registration-14/fourteenth_birthday", "2025-04-11"},
		{"turned 14 on 20 Mar 2025: due 19 Apr 2025 (the issue's child)", Facts{BirthDate: day("2011-03-20")}, "child-registration-14/fourteenth_birthday", "2025-04-19"},
		{"turned 14 on 10 Apr 2025, the day before", Facts{BirthDate: day("2011-04-10")}, "child-registration-14/fourteenth_birthday", "2025-05-10"},
		{"turned 14 on 11 Apr 2025, in force", Facts{BirthDate: day("2011-04-11")}, "child-registration-14/fourteenth_birthday", "2025-05-11"},
		{"an adult: no registration", Facts{BirthDate: day("1992-01-10")}, "child-registration-14/fourteenth_birthday", ""},
		// The work-permit clock rule of 2020 (unchanged, kept as a check).
		{"EAD filed 2020-08-24: 150 clock days", Facts{I589Filed: day("2020-08-24")}, "ead-may-file/i589_filed", "2021-01-21"},
		{"EAD filed 2020-08-25: 365 days", Facts{I589Filed: day("2020-08-25")}, "ead-may-file/i589_filed", "2021-08-25"},
		{"EAD filed 2022-02-06: 365 days", Facts{I589Filed: day("2022-02-06")}, "ead-may-file/i589_filed", "2023-02-06"},
		{"EAD filed 2022-02-07: 150 clock days", Facts{I589Filed: day("2022-02-07")}, "ead-may-file/i589_filed", "2022-07-07"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *Deadline
			for _, d := range Compute(rs, tt.facts) {
				if d.Key == tt.key {
					got = &d
				}
			}
			switch {
			case tt.want == "" && got != nil:
				t.Errorf("got a deadline due %v, want none", got.Due)
			case tt.want != "" && got == nil:
				t.Errorf("got no deadline, want one due %s", tt.want)
			case got != nil && got.Due != day(tt.want):
				t.Errorf("got %v, want %s", got.Due, tt.want)
			}
		})
	}
}

// TestCoveredVersionSaysSo: a deadline that applies only because it was
// still running on the rule's effective date is marked, and its working
// says so.
func TestCoveredVersionSaysSo(t *testing.T) {
	ds := Compute(rules(t), Facts{BirthDate: day("2011-03-20")})
	d := find(t, ds, "child-registration-14/fourteenth_birthday")
	if !d.Covered || d.EffectiveFrom != day("2025-04-11") {
		t.Errorf("got covered %v from %v, want covered from 2025-04-11", d.Covered, d.EffectiveFrom)
	}
	inForce := find(t, Compute(rules(t), Facts{BirthDate: day("2011-04-11")}), "child-registration-14/fourteenth_birthday")
	if inForce.Covered {
		t.Errorf("a trigger on the effective date is in force, not covered")
	}
}

// TestSafeSideByKind: where a count is ambiguous (29 February, 31st of a
// month) a "due by" or an expiry takes the earlier date and an "opens on"
// the later one.
func TestSafeSideByKind(t *testing.T) {
	rs := rules(t)
	tests := []struct {
		name  string
		facts Facts
		key   string
		want  string
	}{
		{"I-485 opens: grant 29 Feb 2024 → 1 Mar 2025", Facts{Grant: day("2024-02-29")}, "i485-eligible/grant", "2025-03-01"},
		{"I-485 opens: grant 28 Feb 2024 → 28 Feb 2025", Facts{Grant: day("2024-02-28")}, "i485-eligible/grant", "2025-02-28"},
		{"I-485 opens: grant 1 Mar 2024 → 1 Mar 2025", Facts{Grant: day("2024-03-01")}, "i485-eligible/grant", "2025-03-01"},
		{"I-485 opens: grant 29 Feb 2024 is a leap year again in 4", Facts{Grant: day("2020-02-29")}, "i485-eligible/grant", "2021-03-01"},
		{"I-730 due: grant 29 Feb 2024 → 28 Feb 2026", Facts{Grant: day("2024-02-29")}, "i730-follow-to-join/grant", "2026-02-28"},
		{"I-730 due: grant 29 Feb 2020 → 28 Feb 2022", Facts{Grant: day("2020-02-29")}, "i730-follow-to-join/grant", "2022-02-28"},
		{"I-589 due: last arrival 29 Feb 2024 → 28 Feb 2025", Facts{LastUSArrival: day("2024-02-29")}, "i589-one-year/last_us_arrival", "2025-02-28"},
		{"assistance ends: 30 Jun 2025 + 4 months → 30 Oct 2025", Facts{Grant: day("2025-06-30")}, "post-grant-assistance-ends/grant", "2025-10-30"},
		{"assistance ends: 31 Oct 2025 + 4 months → 28 Feb 2026 (earlier)", Facts{Grant: day("2025-10-31")}, "post-grant-assistance-ends/grant", "2026-02-28"},
	}
	for _, tt := range tests {
		if got := find(t, Compute(rs, tt.facts), tt.key).Due; got != day(tt.want) {
			t.Errorf("%s: got %v, want %s", tt.name, got, tt.want)
		}
	}
	// A month count that opens a window: 31 Jan + 1 month opens on 1 March
	// (also in a leap year, where 29 February exists but 31 February not).
	for _, tt := range []struct{ kind, trigger, want string }{
		{"opens", "2026-01-31", "2026-03-01"},
		{"opens", "2024-01-31", "2024-03-01"},
		{"info", "2026-01-31", "2026-03-01"},
		{"due_by", "2026-01-31", "2026-02-28"},
		{"expires", "2024-01-31", "2024-02-29"},
		{"opens", "2026-01-28", "2026-02-28"},
	} {
		r := baseRuleFor(t, tt.kind, 1, "months")
		d := find(t, Compute(r, Facts{Decisions: []Event{{Date: day(tt.trigger)}}}), "test-rule/decision#1")
		if d.Due != day(tt.want) {
			t.Errorf("%s, %s + 1 month: got %v, want %s", tt.kind, tt.trigger, d.Due, tt.want)
		}
	}
}
