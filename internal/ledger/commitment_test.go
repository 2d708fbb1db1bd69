package ledger

import (
	"slices"
	"testing"
	"time"

	"puente/internal/deadline"
)

func d(y int, m time.Month, day int) Date { return deadline.NewDate(y, m, day) }

func money(amount Cents, f Frequency) *Pledge {
	return &Pledge{Amount: amount, Currency: "USD", Frequency: f}
}

func days(ds []Date) []string {
	out := make([]string, len(ds))
	for i, x := range ds {
		out[i] = x.String()
	}
	return out
}

func TestDue(t *testing.T) {
	for _, tc := range []struct {
		name     string
		c        Commitment
		from, to Date
		want     []string
	}{
		{"once, on its first day", Commitment{Start: d(2026, 3, 10), Money: money(1, Once)},
			d(2026, 3, 1), d(2026, 3, 31), []string{"2026-03-10"}},
		{"once, outside the range", Commitment{Start: d(2026, 3, 10), Money: money(1, Once)},
			d(2026, 4, 1), d(2026, 4, 30), []string{}},
		{"weekly in a 5-week month (Mondays of March 2026)", Commitment{Start: d(2026, 3, 2), Money: money(1, Weekly)},
			d(2026, 3, 1), d(2026, 3, 31), []string{"2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"}},
		{"weekly in a 4-week month", Commitment{Start: d(2026, 3, 2), Money: money(1, Weekly)},
			d(2026, 4, 1), d(2026, 4, 30), []string{"2026-04-06", "2026-04-13", "2026-04-20", "2026-04-27"}},
		{"weekly ends mid-month", Commitment{Start: d(2026, 3, 2), Until: d(2026, 3, 18), Money: money(1, Weekly)},
			d(2026, 3, 1), d(2026, 3, 31), []string{"2026-03-02", "2026-03-09", "2026-03-16"}},
		{"weekly, range starts between two", Commitment{Start: d(2026, 3, 2), Money: money(1, Weekly)},
			d(2026, 3, 10), d(2026, 3, 23), []string{"2026-03-16", "2026-03-23"}},
		{"monthly across a month boundary", Commitment{Start: d(2026, 1, 20), Money: money(1, Monthly)},
			d(2026, 1, 1), d(2026, 3, 31), []string{"2026-01-20", "2026-02-20", "2026-03-20"}},
		{"monthly from the 31st: short months take their last day", Commitment{Start: d(2026, 1, 31), Money: money(1, Monthly)},
			d(2026, 1, 1), d(2026, 5, 31), []string{"2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"}},
		{"monthly from the 31st in a leap year", Commitment{Start: d(2028, 1, 31), Money: money(1, Monthly)},
			d(2028, 2, 1), d(2028, 2, 29), []string{"2028-02-29"}},
		{"monthly ends mid-month after the day it falls due", Commitment{Start: d(2026, 1, 1), Until: d(2026, 3, 15), Money: money(1, Monthly)},
			d(2026, 1, 1), d(2026, 12, 31), []string{"2026-01-01", "2026-02-01", "2026-03-01"}},
		{"monthly ends mid-month before the day it falls due", Commitment{Start: d(2026, 1, 20), Until: d(2026, 3, 15), Money: money(1, Monthly)},
			d(2026, 1, 1), d(2026, 12, 31), []string{"2026-01-20", "2026-02-20"}},
		{"cancelled: nothing from the day of cancelling", Commitment{Start: d(2026, 3, 2), Cancelled: d(2026, 3, 9), Money: money(1, Weekly)},
			d(2026, 3, 1), d(2026, 3, 31), []string{"2026-03-02"}},
		{"until the work permit, granted mid-month", Commitment{Start: d(2026, 1, 5), UntilWorkPermit: true, WorkPermit: d(2026, 3, 4), Money: money(1, Monthly)},
			d(2026, 1, 1), d(2026, 12, 31), []string{"2026-01-05", "2026-02-05"}},
		{"until the work permit, not granted yet: no end", Commitment{Start: d(2026, 1, 5), UntilWorkPermit: true, Money: money(1, Monthly)},
			d(2026, 11, 1), d(2026, 12, 31), []string{"2026-11-05", "2026-12-05"}},
		{"not money: nothing falls due", Commitment{Start: d(2026, 1, 5)}, d(2026, 1, 1), d(2026, 12, 31), []string{}},
		{"range before the start", Commitment{Start: d(2026, 5, 1), Money: money(1, Monthly)}, d(2026, 1, 1), d(2026, 4, 30), []string{}},
	} {
		got := days(tc.c.Due(tc.from, tc.to))
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestEnds(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    Commitment
		want string
	}{
		{"a date", Commitment{Start: d(2026, 1, 1), Until: d(2026, 6, 30)}, "2026-06-30"},
		{"open", Commitment{Start: d(2026, 1, 1)}, "0000-00-00"},
		{"until the work permit, none yet", Commitment{Start: d(2026, 1, 1), UntilWorkPermit: true}, "0000-00-00"},
		{"until the work permit, granted", Commitment{Start: d(2026, 1, 1), UntilWorkPermit: true, WorkPermit: d(2026, 9, 14)}, "2026-09-14"},
		{"work permit granted before the start: one day", Commitment{Start: d(2026, 1, 1), UntilWorkPermit: true, WorkPermit: d(2025, 9, 14)}, "2026-01-01"},
		{"a date wins over the work permit", Commitment{Start: d(2026, 1, 1), Until: d(2026, 2, 1), UntilWorkPermit: true, WorkPermit: d(2026, 9, 14)}, "2026-02-01"},
	} {
		got := tc.c.Ends()
		if s := got.String(); (got.IsZero() && tc.want != "0000-00-00") || (!got.IsZero() && s != tc.want) {
			t.Errorf("%s: Ends() got %v, want %s", tc.name, got, tc.want)
		}
	}
}

func TestStateOn(t *testing.T) {
	today := d(2026, 3, 15)
	for _, tc := range []struct {
		name string
		c    Commitment
		g    Given
		want State
	}{
		{"starts tomorrow", Commitment{Start: today.AddDays(1)}, Given{}, Pledged},
		{"starts today", Commitment{Start: today}, Given{}, Active},
		{"open, long running", Commitment{Start: d(2025, 1, 1)}, Given{}, Active},
		{"last day still counts", Commitment{Start: d(2026, 1, 1), Until: today}, Given{}, Active},
		{"ended with a record", Commitment{Start: d(2026, 1, 1), Until: today.AddDays(-1)}, Given{Records: 1}, Fulfilled},
		{"ended with nothing recorded", Commitment{Start: d(2026, 1, 1), Until: today.AddDays(-1)}, Given{}, Lapsed},
		{"once, given in full before its end", Commitment{Start: d(2026, 3, 1), Until: d(2026, 12, 31), Money: money(50000, Once)},
			Given{Records: 2, Amount: 50000}, Fulfilled},
		{"once, half given, period over", Commitment{Start: d(2026, 3, 1), Until: d(2026, 3, 10), Money: money(50000, Once)},
			Given{Records: 1, Amount: 25000}, Lapsed},
		{"once, nothing given yet, open", Commitment{Start: d(2026, 3, 1), Money: money(50000, Once)}, Given{}, Active},
		{"monthly, 3 months all given", Commitment{Start: d(2025, 12, 1), Until: d(2026, 2, 28), Money: money(30000, Monthly)},
			Given{Records: 3, Amount: 90000}, Fulfilled},
		{"monthly, 3 months, one short", Commitment{Start: d(2025, 12, 1), Until: d(2026, 2, 28), Money: money(30000, Monthly)},
			Given{Records: 3, Amount: 89999}, Lapsed},
		{"monthly, all given, period not over: still active", Commitment{Start: d(2025, 12, 1), Until: d(2026, 5, 31), Money: money(30000, Monthly)},
			Given{Records: 6, Amount: 180000}, Active},
		{"until the work permit, none yet", Commitment{Start: d(2025, 6, 1), UntilWorkPermit: true}, Given{}, Active},
		{"until the work permit, granted last week", Commitment{Start: d(2025, 6, 1), UntilWorkPermit: true, WorkPermit: today.AddDays(-7)},
			Given{Records: 4}, Fulfilled},
		{"cancelled, whatever else", Commitment{Start: d(2025, 6, 1), Cancelled: d(2026, 1, 1)}, Given{Records: 4}, Cancelled},
		{"cancelled before it started", Commitment{Start: today.AddDays(10), Cancelled: today}, Given{}, Cancelled},
	} {
		if got := StateOn(tc.c, tc.g, today); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestNothingRecordedAndEndsWithin(t *testing.T) {
	today := d(2026, 3, 15)
	started := Commitment{Start: d(2026, 3, 1)}
	if !NothingRecorded(started, Given{}, today) {
		t.Error("started with nothing recorded: got false, want true")
	}
	if NothingRecorded(started, Given{Records: 1}, today) {
		t.Error("started with a record: got true, want false")
	}
	if NothingRecorded(Commitment{Start: today.AddDays(1)}, Given{}, today) {
		t.Error("not started: got true, want false")
	}
	if NothingRecorded(Commitment{Start: d(2026, 3, 1), Cancelled: d(2026, 3, 2)}, Given{}, today) {
		t.Error("cancelled: got true, want false")
	}
	for _, tc := range []struct {
		until Date
		want  bool
	}{
		{today, true}, {today.AddDays(30), true}, {today.AddDays(31), false}, {today.AddDays(-1), false},
	} {
		c := Commitment{Start: d(2026, 1, 1), Until: tc.until}
		if got := EndsWithin(c, today, 30); got != tc.want {
			t.Errorf("EndsWithin(until %s, 30 days from %s): got %v, want %v", tc.until, today, got, tc.want)
		}
	}
	if EndsWithin(Commitment{Start: d(2026, 1, 1)}, today, 30) {
		t.Error("open period: EndsWithin got true, want false")
	}
	if EndsWithin(Commitment{Start: d(2026, 1, 1), Until: today.AddDays(3), Cancelled: today}, today, 30) {
		t.Error("cancelled: EndsWithin got true, want false")
	}
}

func TestNextDueAndDueSoFar(t *testing.T) {
	today := d(2026, 3, 15)
	c := Commitment{Start: d(2026, 1, 20), Money: money(10000, Monthly)}
	if got := c.NextDue(today); got != d(2026, 3, 20) {
		t.Errorf("NextDue: got %s, want 2026-03-20", got)
	}
	if got := DueSoFar(c, today); got != 20000 {
		t.Errorf("DueSoFar: got %d, want 20000 (20 Jan and 20 Feb)", got)
	}
	future := Commitment{Start: d(2026, 6, 1), Money: money(10000, Weekly)}
	if got := future.NextDue(today); got != d(2026, 6, 1) {
		t.Errorf("NextDue of a pledge starting later: got %s, want 2026-06-01", got)
	}
	done := Commitment{Start: d(2026, 1, 1), Until: d(2026, 2, 1), Money: money(1, Monthly)}
	if got := done.NextDue(today); !got.IsZero() {
		t.Errorf("NextDue after the end: got %s, want none", got)
	}
	if got := (Commitment{Start: d(2026, 1, 1)}).NextDue(today); !got.IsZero() {
		t.Errorf("NextDue of a commitment that is not money: got %s, want none", got)
	}
	if total, ok := (Commitment{Start: d(2026, 1, 1), Money: money(1, Monthly)}).PledgedInAll(); ok {
		t.Errorf("PledgedInAll of an open pledge: got %d, true; want no total", total)
	}
}

func TestByMonth(t *testing.T) {
	jan, feb, mar, apr := Month{2026, 1}, Month{2026, 2}, Month{2026, 3}, Month{2026, 4}
	monthly := Line{
		Commitment: Commitment{Start: d(2026, 1, 20), Money: money(50000, Monthly)},
		Gifts:      []Gift{{d(2026, 1, 31), 50000}, {d(2026, 2, 1), 20000}, {d(2026, 2, 28), 30000}},
	}
	weekly := Line{Commitment: Commitment{Start: d(2026, 3, 2), Money: money(2500, Weekly)},
		Gifts: []Gift{{d(2026, 3, 2), 2500}}}
	endsMid := Line{Commitment: Commitment{Start: d(2026, 1, 10), Until: d(2026, 3, 5), Money: money(10000, Monthly)}}
	housing := Line{Commitment: Commitment{Start: d(2026, 1, 1)}}
	pesos := Line{Commitment: Commitment{Start: d(2026, 2, 1), Money: &Pledge{Amount: 100000, Currency: "MXN", Frequency: Once}},
		Gifts: []Gift{{d(2025, 12, 24), 5}, {d(2026, 2, 2), 100000}}} // a gift before the range is left out

	got := ByMonth([]Line{monthly, weekly, endsMid, housing, pesos}, jan, apr)
	want := []Series{
		{"MXN", []MonthTotal{{jan, 0, 0}, {feb, 100000, 100000}, {mar, 0, 0}, {apr, 0, 0}}},
		{"USD", []MonthTotal{
			{jan, 50000 + 10000, 50000},     // across the boundary: 31 Jan is January's
			{feb, 50000 + 10000, 50000},     // 1 Feb and 28 Feb are February's
			{mar, 50000 + 5*2500 + 0, 2500}, // 5 Mondays; the pledge ending 5 Mar fell due on the 10th: nothing in March
			{apr, 50000 + 4*2500, 0},        // 4 Mondays
		}},
	}
	if !slices.EqualFunc(got, want, func(a, b Series) bool {
		return a.Currency == b.Currency && slices.Equal(a.Months, b.Months)
	}) {
		t.Errorf("ByMonth:\n got %+v\nwant %+v", got, want)
	}
	if got := ByMonth([]Line{monthly}, apr, jan); got != nil {
		t.Errorf("ByMonth with to before from: got %v, want nil", got)
	}
	if m := (Month{2026, 12}).Next(); m != (Month{2027, 1}) {
		t.Errorf("December's next month: got %v", m)
	}
	if l := feb.Last(); l != d(2026, 2, 28) {
		t.Errorf("February 2026's last day: got %s", l)
	}
	if m := jan.AddMonths(-1); m != (Month{2025, 12}) {
		t.Errorf("January minus a month: got %v", m)
	}
}
