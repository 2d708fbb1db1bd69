package deadline

import "testing"

// The registration rule applies from its 2025 effective date: an adult whose
// 14th birthday is long past has no registration deadline, a child turning
// 14 after it has one.
func TestChildRegistrationEffectiveDate(t *testing.T) {
	rs := MustDefault()
	count := func(dob string) int {
		d, err := ParseDate(dob)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, dl := range Compute(rs, Facts{BirthDate: d}) {
			if dl.RuleID == "child-registration-14" {
				n++
			}
		}
		return n
	}
	if got := count("1992-01-10"); got != 0 {
		t.Errorf("adult born 1992: got %d registration deadlines, want 0", got)
	}
	// DOMAIN.md corrected (2026-11-30): a child whose 30 days were still
	// running on 11 Apr 2025 is covered, so a 14th birthday the day before
	// the rule (due 10 May 2025) now has a deadline.
	if got := count("2011-04-10"); got != 1 {
		t.Errorf("14th birthday 2025-04-10, the day before the rule: got %d, want 1", got)
	}
	if got := count("2012-06-01"); got != 1 {
		t.Errorf("14th birthday 2026-06-01: got %d, want 1", got)
	}
}
