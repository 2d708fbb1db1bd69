package deadline

import (
	"strings"
	"testing"
)

// TestMetBy: each rule names the fact that satisfies it. The I-589 filing
// meets the one-year deadline, a work-permit application uses the window it
// waited for, an appeal meets the appeal deadline; a fact before the
// deadline's window does not count, and with two decisions an appeal meets
// the one it follows.
func TestMetBy(t *testing.T) {
	rs := rules(t)
	tests := []struct {
		name  string
		facts Facts
		key   string
		met   string // "" when not met
		state State  // on 2026-11-30
	}{
		{"I-589 filed on time", Facts{LastUSArrival: day("2025-08-08"), I589Filed: day("2026-05-01")},
			"i589-one-year/last_us_arrival", "2026-05-01", Done},
		{"I-589 filed on the rolled last day", Facts{LastUSArrival: day("2025-08-08"), I589Filed: day("2026-08-10")},
			"i589-one-year/last_us_arrival", "2026-08-10", Done},
		{"I-589 filed a day late", Facts{LastUSArrival: day("2025-08-08"), I589Filed: day("2026-08-11")},
			"i589-one-year/last_us_arrival", "2026-08-11", DoneLate},
		{"no I-589: overdue", Facts{LastUSArrival: day("2025-08-08")},
			"i589-one-year/last_us_arrival", "", Overdue},
		{"I-589 filed before the last arrival does not meet it", Facts{LastUSArrival: day("2025-08-08"), I589Filed: day("2025-01-01")},
			"i589-one-year/last_us_arrival", "", Overdue},
		{"EAD applied after the window opened", Facts{I589Filed: day("2026-01-02"), EADApplications: []Event{{Ref: "e1", Date: day("2026-06-03")}}},
			"ead-may-file/i589_filed", "2026-06-03", Done},
		{"EAD window not used yet", Facts{I589Filed: day("2026-01-02")},
			"ead-may-file/i589_filed", "", OpenNow},
		{"first EAD application does not use the renewal window", Facts{EADExpiry: day("2027-06-01"), EADApplications: []Event{{Date: day("2025-03-01")}}},
			"ead-renewal-window/ead_expiry", "", OpensOn},
		{"renewal filed in the window", Facts{EADExpiry: day("2027-03-01"), EADApplications: []Event{{Date: day("2025-03-01")}, {Date: day("2026-09-15")}}},
			"ead-renewal-window/ead_expiry", "2026-09-15", Done},
		{"appeal filed on time", Facts{Decisions: []Event{{Ref: "d1", Date: day("2026-10-12")}}, AppealsFiled: []Event{{Ref: "a1", Date: day("2026-11-05")}}},
			"bia-appeal/decision@d1", "2026-11-05", Done},
		{"appeal filed late (due 12 Nov, rolled past Veterans Day)", Facts{Decisions: []Event{{Ref: "d1", Date: day("2026-10-12")}}, AppealsFiled: []Event{{Ref: "a1", Date: day("2026-11-13")}}},
			"bia-appeal/decision@d1", "2026-11-13", DoneLate},
		{"an appeal before the decision does not count", Facts{Decisions: []Event{{Ref: "d1", Date: day("2026-10-12")}}, AppealsFiled: []Event{{Ref: "a1", Date: day("2026-10-01")}}},
			"bia-appeal/decision@d1", "", Overdue},
		{"two decisions, one appeal after the first", Facts{Decisions: []Event{{Ref: "d1", Date: day("2026-06-01")}, {Ref: "d2", Date: day("2026-10-12")}}, AppealsFiled: []Event{{Ref: "a1", Date: day("2026-06-20")}}},
			"bia-appeal/decision@d1", "2026-06-20", Done},
		{"two decisions: the second is not met by the first appeal", Facts{Decisions: []Event{{Ref: "d1", Date: day("2026-06-01")}, {Ref: "d2", Date: day("2026-10-12")}}, AppealsFiled: []Event{{Ref: "a1", Date: day("2026-06-20")}}},
			"bia-appeal/decision@d2", "", Overdue},
	}
	today := day("2026-11-30")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := find(t, Compute(rs, tt.facts), tt.key)
			if d.Met.String() != tt.met {
				t.Errorf("met got %q, want %q", d.Met, tt.met)
			}
			if got := Assess(Input{Kind: d.Kind, Due: d.Due, Met: d.Met}, today).State; got != tt.state {
				t.Errorf("state got %v, want %v", got, tt.state)
			}
		})
	}
	late := find(t, Compute(rs, Facts{LastUSArrival: day("2025-08-08"), I589Filed: day("2026-08-11")}), "i589-one-year/last_us_arrival")
	if in(late.LateNote, English) == "" || in(late.LateNote, Spanish) == "" {
		t.Fatalf("the I-589 rule has no late note")
	}
	for _, want := range []string{"8 CFR 208.4(a)(4) and (5)", "changed or extraordinary circumstances"} {
		if !strings.Contains(in(late.LateNote, English), want) {
			t.Errorf("late note %q lacks %q", in(late.LateNote, English), want)
		}
	}
	if !strings.Contains(in(late.LateNote, Spanish), "circunstancias extraordinarias") {
		t.Errorf("Spanish late note %q lacks the exception", in(late.LateNote, Spanish))
	}
}

// TestMetByOnlyNamedRules: the rules the issue names, and only those, are
// met by a recorded fact; every other rule is met by a person's mark.
func TestMetByOnlyNamedRules(t *testing.T) {
	want := map[string]MetByFact{
		"i589-one-year": MetByI589Filed, "ead-may-file": MetByEADApplied,
		"ead-renewal-window": MetByEADApplied, "bia-appeal": MetByAppealFiled,
	}
	for _, r := range rules(t).Rules() {
		if r.MetBy != want[r.ID] {
			t.Errorf("%s: met_by got %q, want %q", r, r.MetBy, want[r.ID])
		}
	}
}
