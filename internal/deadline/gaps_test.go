package deadline

import (
	"slices"
	"strings"
	"testing"
)

// TestGaps: a fact a rule needs is asked for when it is missing, unless the
// rule is already met ("no date of last arrival for D.S.R.: the one-year
// deadline cannot be computed").
func TestGaps(t *testing.T) {
	rs := rules(t)
	tests := []struct {
		name  string
		facts Facts
		want  map[Trigger][]string
	}{
		{"nothing recorded", Facts{}, map[Trigger][]string{
			TriggerAddressChange:      {"eoir33-change-of-address", "ar11-change-of-address"},
			TriggerLastUSArrival:      {"i589-one-year"},
			TriggerFourteenthBirthday: {"child-registration-14"},
		}},
		{"everything recorded", Facts{Arrival: day("2026-03-03"), LastUSArrival: day("2026-01-10"), BirthDate: day("1990-05-01")}, map[Trigger][]string{}},
		{"I-589 filed: the last arrival no longer matters", Facts{Arrival: day("2026-03-03"), I589Filed: day("2026-02-01"), BirthDate: day("1990-05-01")}, map[Trigger][]string{}},
		{"only a move recorded counts as an address", Facts{Moves: []Event{{Date: day("2026-05-01")}}, LastUSArrival: day("2026-01-10"), BirthDate: day("1990-05-01")}, map[Trigger][]string{}},
		{"no date of birth", Facts{Arrival: day("2026-03-03"), LastUSArrival: day("2026-01-10")}, map[Trigger][]string{
			TriggerFourteenthBirthday: {"child-registration-14"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[Trigger][]string{}
			for _, g := range Gaps(rs, tt.facts) {
				got[g.Trigger] = g.RuleIDs
				if g.Household != (g.Trigger == TriggerAddressChange) {
					t.Errorf("%s: household %v", g.Trigger, g.Household)
				}
				if g.Sensitive != (g.Trigger == TriggerFourteenthBirthday) {
					t.Errorf("%s: sensitive %v", g.Trigger, g.Sensitive)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for tr, ids := range tt.want {
				if !slices.Equal(got[tr], ids) {
					t.Errorf("%s: got %v, want %v", tr, got[tr], ids)
				}
			}
		})
	}
}

// TestSensitiveDeadlines: only dates computed from the date of birth are
// sensitive, and their working never prints the year of birth.
func TestSensitiveDeadlines(t *testing.T) {
	f := realisticFacts()
	for _, d := range Compute(rules(t), f) {
		if d.Sensitive != (d.RuleID == "child-registration-14") {
			t.Errorf("%s: sensitive %v", d.Key, d.Sensitive)
		}
		if d.Sensitive {
			for _, s := range []string{in(d.Working, English), in(d.Working, Spanish), in(d.Explanation, English), in(d.Explanation, Spanish)} {
				if strings.Contains(s, "2013") {
					t.Errorf("%s: text %q shows the year of birth", d.Key, s)
				}
			}
		}
	}
}
