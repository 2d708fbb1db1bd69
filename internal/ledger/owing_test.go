package ledger

import "testing"

func TestOwingOn(t *testing.T) {
	rent := Commitment{Start: d(2026, 12, 1), Money: money(45000, Monthly)}
	behind := Commitment{Start: d(2026, 10, 17), Money: money(60000, Monthly)}
	for _, tc := range []struct {
		name       string
		c          Commitment
		given      Cents
		today      Date
		behind     Cents
		since      string
		next       string
		nextAmount Cents
	}{
		// Its first instalment is due on the day it starts: due today,
		// not behind; the day after, behind.
		{"first day, nothing given", rent, 0, d(2026, 12, 1), 0, "", "2026-12-01", 45000},
		{"the day after, nothing given", rent, 0, d(2026, 12, 2), 45000, "2026-12-01", "2027-01-01", 45000},
		// $450 given on the first day covers it: the next is January's.
		{"first day, given in full", rent, 45000, d(2026, 12, 1), 0, "", "2027-01-01", 45000},
		{"first day, part given", rent, 20000, d(2026, 12, 1), 0, "", "2026-12-01", 25000},
		{"given two months ahead", rent, 90000, d(2026, 12, 1), 0, "", "2027-02-01", 45000},
		// The demo's case a month behind: 17 Oct given, 17 Nov not; on
		// 1 Dec it is $600 behind since 17 Nov, and 17 Dec is next.
		{"a month behind", behind, 60000, d(2026, 12, 1), 60000, "2026-11-17", "2026-12-17", 60000},
		{"part of a month behind", behind, 90000, d(2026, 12, 1), 30000, "2026-11-17", "2026-12-17", 60000},
		{"two months behind", behind, 0, d(2026, 12, 1), 120000, "2026-10-17", "2026-12-17", 60000},
		{"behind, due again today", behind, 60000, d(2026, 12, 17), 60000, "2026-11-17", "2026-12-17", 60000},
		{"before it starts", rent, 0, d(2026, 11, 20), 0, "", "2026-12-01", 45000},
		{"once, given", Commitment{Start: d(2026, 3, 10), Money: money(100000, Once)}, 100000, d(2026, 3, 10), 0, "", "", 0},
		{"once, not given, past", Commitment{Start: d(2026, 3, 10), Money: money(100000, Once)}, 0, d(2026, 3, 11), 100000, "2026-03-10", "", 0},
		{"weekly, one week behind", Commitment{Start: d(2026, 3, 2), Money: money(5000, Weekly)}, 5000, d(2026, 3, 10), 5000, "2026-03-09", "2026-03-16", 5000},
		// Nothing falls due after the period ends or after a cancellation.
		{"ended, all given", Commitment{Start: d(2026, 1, 10), Until: d(2026, 2, 20), Money: money(60000, Monthly)}, 120000, d(2026, 3, 1), 0, "", "", 0},
		{"ended, one behind", Commitment{Start: d(2026, 1, 10), Until: d(2026, 2, 20), Money: money(60000, Monthly)}, 60000, d(2026, 3, 1), 60000, "2026-02-10", "", 0},
		{"cancelled", Commitment{Start: d(2026, 1, 10), Cancelled: d(2026, 2, 5), Money: money(60000, Monthly)}, 60000, d(2026, 3, 1), 0, "", "", 0},
		{"not money", Commitment{Start: d(2026, 1, 10)}, 0, d(2026, 3, 1), 0, "", "", 0},
	} {
		o := OwingOn(tc.c, tc.given, tc.today)
		if o.Behind != tc.behind || dayOrEmpty(o.Since) != tc.since || dayOrEmpty(o.Next) != tc.next || o.NextAmount != tc.nextAmount {
			t.Errorf("%s: got behind %d since %q, next %q for %d; want behind %d since %q, next %q for %d", tc.name,
				o.Behind, dayOrEmpty(o.Since), dayOrEmpty(o.Next), o.NextAmount, tc.behind, tc.since, tc.next, tc.nextAmount)
		}
	}
}

// TestOwingOnGivenFarAhead: money given far beyond any period stops at a
// bound rather than counting instalments without end.
func TestOwingOnGivenFarAhead(t *testing.T) {
	c := Commitment{Start: d(2026, 1, 1), Money: money(1, Weekly)}
	if o := OwingOn(c, 1<<50, d(2026, 1, 1)); o.Behind != 0 || !o.Next.IsZero() {
		t.Errorf("given 2^50 cents against 1 a week: got %+v, want nothing behind or next", o)
	}
}

func dayOrEmpty(x Date) string {
	if x.IsZero() {
		return ""
	}
	return x.String()
}
