package deadline

import (
	"slices"
	"strings"
	"testing"
)

// addressKeys lists the change-of-address deadlines in ds as "key due".
func addressKeys(ds []Deadline) []string {
	var out []string
	for _, d := range ds {
		if d.Trigger == TriggerAddressChange {
			out = append(out, d.Key+" "+d.Due.String())
		}
	}
	slices.Sort(out)
	return out
}

// A person who joined the household after it settled owes no change of
// address for the household's arrival and moves before that day, and owes
// one (EOIR-33 within 5 days, AR-11 within 10) for the day they joined:
// the reviewer's case, a cousin joining 400+ days after the arrival.
func TestJoinedLaterAddressChanges(t *testing.T) {
	rs := rules(t)
	household := Facts{
		Arrival: day("2025-10-20"),
		Moves:   []Event{{Ref: "m1", Date: day("2026-06-01")}, {Ref: "m2", Date: day("2026-12-10")}},
	}
	tests := []struct {
		name   string
		joined string
		want   []string
	}{
		{"from the start (no date)", "", []string{
			"ar11-change-of-address/arrival 2025-10-30", "ar11-change-of-address/move@m1 2026-06-11", "ar11-change-of-address/move@m2 2026-12-20",
			"eoir33-change-of-address/arrival 2025-10-25", "eoir33-change-of-address/move@m1 2026-06-06", "eoir33-change-of-address/move@m2 2026-12-15"}},
		{"came with the family (joined on the arrival day)", "2025-10-20", []string{
			"ar11-change-of-address/arrival 2025-10-30", "ar11-change-of-address/move@m1 2026-06-11", "ar11-change-of-address/move@m2 2026-12-20",
			"eoir33-change-of-address/arrival 2025-10-25", "eoir33-change-of-address/move@m1 2026-06-06", "eoir33-change-of-address/move@m2 2026-12-15"}},
		{"joined before the arrival: with the family", "2025-09-01", []string{
			"ar11-change-of-address/arrival 2025-10-30", "ar11-change-of-address/move@m1 2026-06-11", "ar11-change-of-address/move@m2 2026-12-20",
			"eoir33-change-of-address/arrival 2025-10-25", "eoir33-change-of-address/move@m1 2026-06-06", "eoir33-change-of-address/move@m2 2026-12-15"}},
		{"joined between the moves", "2026-08-03", []string{
			"ar11-change-of-address/joined 2026-08-13", "ar11-change-of-address/move@m2 2026-12-20",
			"eoir33-change-of-address/joined 2026-08-08", "eoir33-change-of-address/move@m2 2026-12-15"}},
		{"joined on a move's day: one change of address", "2026-06-01", []string{
			"ar11-change-of-address/move@m1 2026-06-11", "ar11-change-of-address/move@m2 2026-12-20",
			"eoir33-change-of-address/move@m1 2026-06-06", "eoir33-change-of-address/move@m2 2026-12-15"}},
		{"joined after every move", "2026-12-01", []string{
			"ar11-change-of-address/joined 2026-12-11", "ar11-change-of-address/move@m2 2026-12-20",
			"eoir33-change-of-address/joined 2026-12-06", "eoir33-change-of-address/move@m2 2026-12-15"}},
		{"joined today, 417 days after the arrival", "2026-12-11", []string{
			"ar11-change-of-address/joined 2026-12-21", "eoir33-change-of-address/joined 2026-12-16"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := household
			if tt.joined != "" {
				f.Joined = day(tt.joined)
			}
			if got := addressKeys(Compute(rs, f)); !slices.Equal(got, tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
			// The stored dates (ComputeDates) are the same ones.
			if got := addressKeys(ComputeDates(rs, f)); !slices.Equal(got, tt.want) {
				t.Errorf("ComputeDates: got %v", got)
			}
		})
	}
}

// A household with no address recorded yet: the day a person joined is
// their own change of address, and no gap is reported for them.
func TestJoinedWithoutHouseholdAddress(t *testing.T) {
	rs := rules(t)
	f := Facts{Joined: day("2026-11-26")}
	if !f.JoinedLater() {
		t.Fatal("JoinedLater = false for a household without an address")
	}
	d := find(t, Compute(rs, f), "eoir33-change-of-address/joined")
	if d.Due != day("2026-12-01") || d.Fact != FactJoined {
		t.Errorf("EOIR-33 from joining: due %v fact %v, want 2026-12-01 joined", d.Due, d.Fact)
	}
	for _, g := range Gaps(rs, f) {
		if g.Trigger == TriggerAddressChange {
			t.Errorf("gap %+v for a person whose joining day is known", g)
		}
	}
	en, es := in(d.Working, English), in(d.Working, Spanish)
	if !strings.Contains(en, "Joined the household at the sponsor's home on") || !strings.Contains(es, "Se unió al hogar") {
		t.Errorf("working does not say they joined:\n%s\n%s", en, es)
	}
}

func TestJoinedLater(t *testing.T) {
	tests := []struct {
		name string
		f    Facts
		want bool
	}{
		{"no date", Facts{Arrival: day("2026-01-05")}, false},
		{"after the arrival", Facts{Arrival: day("2026-01-05"), Joined: day("2026-01-06")}, true},
		{"on the arrival day", Facts{Arrival: day("2026-01-05"), Joined: day("2026-01-05")}, false},
		{"before the arrival", Facts{Arrival: day("2026-01-05"), Joined: day("2025-12-24")}, false},
		{"after the first move, no arrival", Facts{Moves: []Event{{Date: day("2026-03-01")}, {Date: day("2026-02-01")}}, Joined: day("2026-02-15")}, true},
		{"before the first move, no arrival", Facts{Moves: []Event{{Date: day("2026-03-01")}, {Date: day("2026-02-01")}}, Joined: day("2026-01-15")}, false},
		{"no household address", Facts{Joined: day("2026-01-15")}, true},
	}
	for _, tt := range tests {
		if got := tt.f.JoinedLater(); got != tt.want {
			t.Errorf("%s: JoinedLater = %v, want %v", tt.name, got, tt.want)
		}
	}
}
