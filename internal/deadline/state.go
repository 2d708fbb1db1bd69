package deadline

// State is where a deadline stands on a given day, for lists and badges.
type State string

// The states of a deadline.
const (
	Upcoming      State = "upcoming"
	DueSoon       State = "due_soon"
	Overdue       State = "overdue"
	Done          State = "done"
	NotApplicable State = "not_applicable"
	// Undated: no due date can be computed yet (the work-permit clock is
	// paused); neither upcoming nor overdue can honestly be said.
	Undated State = "undated"
)

// DueSoonDays is how far ahead a deadline counts as due soon: a due date
// from today through today + DueSoonDays, inclusive.
const DueSoonDays = 14

// StateOf returns the state of a deadline due on due, seen on today. What a
// person recorded wins over the calendar: not applicable first, then done.
// A deadline due today is due soon, not overdue — it can still be met.
func StateOf(due, today Date, done, notApplicable bool) State {
	switch {
	case notApplicable:
		return NotApplicable
	case done:
		return Done
	case due.IsZero():
		return Undated
	case due.Before(today):
		return Overdue
	case !due.After(today.AddDays(DueSoonDays)):
		return DueSoon
	}
	return Upcoming
}
