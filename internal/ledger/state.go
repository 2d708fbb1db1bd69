package ledger

// State is where a commitment stands on a day. It follows from the
// commitment's dates and what was recorded against it; only Cancelled is
// ever set by hand (by recording the cancellation).
type State string

// The states of a commitment.
const (
	// Pledged: promised, its period has not started.
	Pledged State = "pledged"
	// Active: its period has started and not ended.
	Active State = "active"
	// Fulfilled: done. A once pledge as soon as its amount was given; any
	// other commitment when its period ended with what it promised given
	// (money: the whole amount pledged over the period; anything else: at
	// least one record of what was given).
	Fulfilled State = "fulfilled"
	// Lapsed: its period ended without that.
	Lapsed State = "lapsed"
	// Cancelled: someone recorded that it will not go on.
	Cancelled State = "cancelled"
)

// States lists every state, in the order a commitment may go through them.
var States = []State{Pledged, Active, Fulfilled, Lapsed, Cancelled}

// Given is what was recorded against a commitment: how many records, and
// the sum of their amounts (money only).
type Given struct {
	Records int
	Amount  Cents
}

// Add counts one more record of amount (0 for a record without one).
func (g Given) Add(amount Cents) Given {
	return Given{Records: g.Records + 1, Amount: g.Amount + amount}
}

// StateOn is where c stands on today (the organisation's day), given what
// was recorded against it. The period's last day still counts as within it.
func StateOn(c Commitment, g Given, today Date) State {
	if !c.Cancelled.IsZero() {
		return Cancelled
	}
	if today.Before(c.Start) {
		return Pledged
	}
	if c.Money != nil && c.Money.Frequency == Once && g.Amount >= c.Money.Amount {
		return Fulfilled
	}
	end := c.Ends()
	if end.IsZero() || !today.After(end) {
		return Active
	}
	if c.Money != nil {
		if total, _ := c.PledgedInAll(); g.Amount >= total {
			return Fulfilled
		}
		return Lapsed
	}
	if g.Records > 0 {
		return Fulfilled
	}
	return Lapsed
}

// DueSoFar is what a money pledge asked for from its start through today
// (or the end of its period), today's instalment included: the "due so
// far" that what was given is set against. Whether the group is behind is
// OwingOn's to say: an instalment due today is not behind yet.
func DueSoFar(c Commitment, today Date) Cents {
	return c.Pledged(c.Start, today)
}

// NothingRecorded reports whether c's period has started (and it was not
// cancelled) with nothing recorded against it: the case page lists these,
// as they are the promises most likely forgotten.
func NothingRecorded(c Commitment, g Given, today Date) bool {
	return c.Cancelled.IsZero() && !today.Before(c.Start) && g.Records == 0
}

// EndsWithin reports whether c's period ends between today and days days
// from today, inclusive (a cancelled commitment has already stopped).
func EndsWithin(c Commitment, today Date, days int) bool {
	end := c.Ends()
	return c.Cancelled.IsZero() && !end.IsZero() && !end.Before(today) && !end.After(today.AddDays(days))
}
