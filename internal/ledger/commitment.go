package ledger

import "puente/internal/deadline"

// Date is a calendar day (the deadline engine's type).
type Date = deadline.Date

// Frequency says how often a money pledge falls due.
type Frequency string

// Frequencies of a money pledge.
const (
	Once    Frequency = "once"
	Weekly  Frequency = "weekly"
	Monthly Frequency = "monthly"
)

// Pledge is the money part of a commitment: Amount each time it falls due.
type Pledge struct {
	Amount    Cents
	Currency  string
	Frequency Frequency
}

// Commitment is what a ledger needs to know of one promise: its period,
// whether it is money, and whether it was cancelled.
//
// The period starts on Start and ends on the first of these that applies:
// Until (a date); the day the household's work permit was granted
// (UntilWorkPermit, once WorkPermit is known); never (open). Cancelled is
// the day someone recorded that it will not go on: nothing falls due from
// that day.
type Commitment struct {
	Start           Date
	Until           Date
	UntilWorkPermit bool
	// WorkPermit is the day the household's first work permit was granted
	// (the "ead_granted" fact), zero while nobody has one.
	WorkPermit Date
	Cancelled  Date
	// Money is nil for a commitment that is not money (housing, rides…).
	Money *Pledge
}

// Ends is the last day of c's period, zero while it has no end (open, or
// until a work permit not granted yet). A work permit granted before the
// commitment started ends it on its first day: a period is never shorter
// than one day.
func (c Commitment) Ends() Date {
	switch {
	case !c.Until.IsZero():
		return c.Until
	case c.UntilWorkPermit && !c.WorkPermit.IsZero():
		if c.WorkPermit.Before(c.Start) {
			return c.Start
		}
		return c.WorkPermit
	}
	return Date{}
}

// lastDue is the last day anything may fall due: the end of the period,
// or the day before it was cancelled, whichever is earlier; zero for no limit.
func (c Commitment) lastDue() Date {
	last := c.Ends()
	if !c.Cancelled.IsZero() {
		stop := c.Cancelled.AddDays(-1)
		if last.IsZero() || stop.Before(last) {
			last = stop
		}
	}
	return last
}

// Due lists the days a money pledge falls due from from through to,
// inclusive, within its period. A once pledge falls due on its first day; a
// weekly one every 7 days from its first day (so a month holds 4 or 5 of
// them); a monthly one on its first day's date every month, or the month's
// last day when the month is shorter (a pledge from 31 January falls due
// on 28 or 29 February, then 31 March). Nothing falls due for a
// commitment that is not money.
func (c Commitment) Due(from, to Date) []Date {
	if c.Money == nil || c.Start.IsZero() {
		return nil
	}
	if last := c.lastDue(); !last.IsZero() && last.Before(to) {
		to = last
	}
	if from.Before(c.Start) {
		from = c.Start
	}
	if to.Before(from) {
		return nil
	}
	var out []Date
	switch c.Money.Frequency {
	case Once:
		if !c.Start.Before(from) && !c.Start.After(to) {
			out = append(out, c.Start)
		}
	case Weekly:
		k := (c.Start.DaysUntil(from) + 6) / 7 // first occurrence on or after from
		for d := c.Start.AddDays(7 * k); !d.After(to); d = d.AddDays(7) {
			out = append(out, d)
		}
	case Monthly:
		// Count every month from the start (never chain: 31 Jan → 28 Feb
		// must not turn into 28 Mar).
		fy, fm, _ := from.Civil()
		sy, sm, _ := c.Start.Civil()
		k := max(0, (fy-sy)*12+int(fm)-int(sm)-1)
		for ; ; k++ {
			d := c.Start.AddMonths(k)
			if d.After(to) {
				break
			}
			if !d.Before(from) {
				out = append(out, d)
			}
		}
	}
	return out
}

// Pledged is what c pledges from from through to: its amount times the
// number of times it falls due then.
func (c Commitment) Pledged(from, to Date) Cents {
	if c.Money == nil {
		return 0
	}
	return Cents(len(c.Due(from, to))) * c.Money.Amount
}

// PledgedInAll is what c pledges over its whole period, and false when the
// period has no end (nor a cancellation) and so no total.
func (c Commitment) PledgedInAll() (Cents, bool) {
	last := c.lastDue()
	if last.IsZero() {
		return 0, false
	}
	return c.Pledged(c.Start, last), true
}

// NextDue is the first day on or after today a money pledge falls due, or
// zero when it will not again.
func (c Commitment) NextDue(today Date) Date {
	if c.Money == nil {
		return Date{}
	}
	// One occurrence is enough: look no further than one period ahead.
	horizon := today.AddMonths(1).AddDays(7)
	if c.Start.After(today) {
		horizon = c.Start.AddMonths(1).AddDays(7)
	}
	if due := c.Due(today, horizon); len(due) > 0 {
		return due[0]
	}
	return Date{}
}
