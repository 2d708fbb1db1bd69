package ledger

import (
	"slices"
	"time"

	"puente/internal/deadline"
)

// Month is a calendar month.
type Month struct {
	Year  int
	Month time.Month
}

// MonthOf is the month d falls in.
func MonthOf(d Date) Month { return Month{d.Year(), d.Month()} }

// First is the month's first day.
func (m Month) First() Date { return deadline.NewDate(m.Year, m.Month, 1) }

// Last is the month's last day.
func (m Month) Last() Date { return m.Next().First().AddDays(-1) }

// Next is the month after m.
func (m Month) Next() Month {
	if m.Month == time.December {
		return Month{m.Year + 1, time.January}
	}
	return Month{m.Year, m.Month + 1}
}

// Before reports whether m comes before n.
func (m Month) Before(n Month) bool {
	return m.Year < n.Year || (m.Year == n.Year && m.Month < n.Month)
}

// AddMonths is the month n months after m (n may be negative).
func (m Month) AddMonths(n int) Month { return MonthOf(m.First().AddMonths(n)) }

// Gift is one record of money given: its day and amount.
type Gift struct {
	Day    Date
	Amount Cents
}

// Line is a money commitment with the money recorded against it.
type Line struct {
	Commitment Commitment
	Gifts      []Gift
}

// MonthTotal is one month of a case's money: what fell due (Pledged) and
// what was recorded as given (Given).
type MonthTotal struct {
	Month   Month
	Pledged Cents
	Given   Cents
}

// Series is the months of one currency.
type Series struct {
	Currency string
	Months   []MonthTotal
}

// ByMonth adds up, per currency and per month from from through to, what
// the money commitments in lines pledged (see Commitment.Due) and what was
// given (by the day of each gift). Commitments that are not money are
// skipped. Currencies come out in alphabetical order; every month of the
// range is present, zeros included, so a chart has no gaps.
func ByMonth(lines []Line, from, to Month) []Series {
	if to.Before(from) {
		return nil
	}
	var months []Month
	for m := from; !to.Before(m); m = m.Next() {
		months = append(months, m)
	}
	index := func(d Date) int {
		m := MonthOf(d)
		if m.Before(from) || to.Before(m) {
			return -1
		}
		return (m.Year-from.Year)*12 + int(m.Month) - int(from.Month)
	}
	byCur := map[string][]MonthTotal{}
	for _, l := range lines {
		p := l.Commitment.Money
		if p == nil {
			continue
		}
		totals, ok := byCur[p.Currency]
		if !ok {
			totals = make([]MonthTotal, len(months))
			for i, m := range months {
				totals[i].Month = m
			}
			byCur[p.Currency] = totals
		}
		for _, d := range l.Commitment.Due(from.First(), to.Last()) {
			totals[index(d)].Pledged += p.Amount
		}
		for _, g := range l.Gifts {
			if i := index(g.Day); i >= 0 {
				totals[i].Given += g.Amount
			}
		}
	}
	out := make([]Series, 0, len(byCur))
	for cur, ms := range byCur {
		out = append(out, Series{Currency: cur, Months: ms})
	}
	slices.SortFunc(out, func(a, b Series) int {
		switch {
		case a.Currency < b.Currency:
			return -1
		case a.Currency > b.Currency:
			return 1
		}
		return 0
	})
	return out
}
