package ledger

// Owing is where a money pledge stands on a day against what was given in
// all: the amount given is counted against its instalments oldest first,
// so a gift covers the instalment the group is furthest behind on, and
// money given ahead covers the next ones.
//
// An instalment falls behind only once its day has passed: on its own day
// it is due today, not behind (today is the organisation's day in its
// time zone, which the caller passes).
type Owing struct {
	// Behind is what fell due before today and was not given, in cents;
	// Since is the day of the oldest instalment not given in full (zero
	// when Behind is 0).
	Behind Cents
	Since  Date
	// Next is the first instalment due today or later not given in full,
	// zero when none is left (the period ends first); NextAmount is what
	// is left to give of it (less than the pledge's amount when part of it
	// was given ahead).
	Next       Date
	NextAmount Cents
}

// maxInstalments bounds how far ahead money given in advance is counted
// (about 20 years of weekly instalments): no date arithmetic overflows.
const maxInstalments = 1040

// instalment is the day of c's nth instalment (0 is the first, on its
// start), and false when the period ends or it is cancelled before it.
func (c Commitment) instalment(n int) (Date, bool) {
	if c.Money == nil || c.Start.IsZero() || n < 0 || n > maxInstalments {
		return Date{}, false
	}
	var d Date
	switch c.Money.Frequency {
	case Once:
		if n > 0 {
			return Date{}, false
		}
		d = c.Start
	case Weekly:
		d = c.Start.AddDays(7 * n)
	case Monthly:
		d = c.Start.AddMonths(n) // counted from the start, as Due counts
	default:
		return Date{}, false
	}
	if last := c.lastDue(); !last.IsZero() && last.Before(d) {
		return Date{}, false
	}
	return d, true
}

// OwingOn is where c stands on today (the organisation's day) with given
// cents given against it in all. It is the zero Owing for a commitment
// that is not money.
func OwingOn(c Commitment, given Cents, today Date) Owing {
	var o Owing
	if c.Money == nil || c.Money.Amount <= 0 || c.Start.IsZero() {
		return o
	}
	amount := c.Money.Amount
	given = max(given, 0)
	past := len(c.Due(c.Start, today.AddDays(-1))) // instalments whose day has passed
	covered := int(min(given/amount, maxInstalments+1))
	if owed := Cents(past)*amount - given; owed > 0 {
		o.Behind = owed
		o.Since, _ = c.instalment(covered)
	}
	n := max(past, covered)
	if d, ok := c.instalment(n); ok {
		o.Next, o.NextAmount = d, amount
		if n == covered {
			o.NextAmount = amount - (given - Cents(covered)*amount)
		}
	}
	return o
}
