package deadline

// State is where a deadline or an appointment stands on a given day, for
// lists and tags. Which states a date can take depends on its Kind: only a
// "due by" date can be overdue; a window that opens is "opens on" and then
// "open now"; a date nobody acts on is Info; an appointment has states of
// its own and is never overdue.
type State string

// The states of a deadline.
const (
	// Upcoming: a due-by date more than DueSoonDays away.
	Upcoming State = "upcoming"
	// DueSoon: a due-by date from today through today + DueSoonDays.
	DueSoon State = "due_soon"
	// Overdue: a due-by date before today, not done, not met.
	Overdue State = "overdue"
	// Done: met by a recorded fact, or marked done, on or before the date.
	Done State = "done"
	// DoneLate: met or marked done after the due-by date.
	DoneLate      State = "done_late"
	NotApplicable State = "not_applicable"
	// Undated: no date can be computed yet (the work-permit clock is
	// paused); neither upcoming nor overdue can honestly be said.
	Undated State = "undated"
	// OpensOn: a window that opens after today.
	OpensOn State = "opens_on"
	// OpenNow: a window that opened today or before and is not used yet.
	OpenNow State = "open_now"
	// Info: a date to know, not a task (an expiry, the earliest day a work
	// permit may be granted). Never listed as due, never counted as overdue.
	Info State = "info"
)

// The states of an appointment (hearing, check-in, biometrics).
const (
	ApptUpcoming State = "appt_upcoming"
	// ApptSoon: today through today + DueSoonDays.
	ApptSoon State = "appt_soon"
	// ApptPassed: the day is past and nobody marked it attended: did they
	// attend?
	ApptPassed   State = "appt_passed"
	ApptAttended State = "appt_attended"
)

// DueSoonDays is how far ahead a deadline counts as due soon: a due date
// from today through today + DueSoonDays, inclusive.
const DueSoonDays = 14

// SayDaysUpTo is how far ahead (or back) a phrase counts days ("due in 45
// days"); beyond it the date itself, shown beside the phrase, says enough.
const SayDaysUpTo = 60

// Counts reports whether s is a task state that belongs in "overdue and
// due" lists: information and appointments never do.
func (s State) Counts() bool { return s == Overdue || s == DueSoon || s == Upcoming }

// StateOf returns the state of a "due by" deadline due on due, seen on
// today. What a person recorded wins over the calendar: not applicable
// first, then done. A deadline due today is due soon, not overdue — it
// can still be met. For other kinds, and for lateness, use Assess.
func StateOf(due, today Date, done, notApplicable bool) State {
	return Assess(Input{Kind: DueBy, Due: due, Done: done, NotApplicable: notApplicable}, today).State
}

// Input is what Assess needs about one deadline: its kind and date, the
// fact that met it, and what people recorded.
type Input struct {
	Kind Kind
	// Due is the deadline's date; zero when it cannot be computed yet.
	Due Date
	// Met is the date of the recorded fact that met the rule (the I-589
	// filing date), zero when none has.
	Met Date
	// Done and DoneOn are a person's mark "done" and its date (DoneOn may
	// be zero: done, date not given).
	Done          bool
	DoneOn        Date
	NotApplicable bool
}

// Status is an Input assessed on a day.
type Status struct {
	State State
	Kind  Kind
	// Date is the date the status speaks of: the due date, or the day it
	// was done (zero when done without a date).
	Date Date
	// Days is from today to Date: 3 is in three days, -2 two days ago.
	Days int
	// Early is set when a window was used before it opened (USCIS rejects
	// an application filed too early).
	Early bool
}

// Assess returns where a deadline stands on today. Precedence: not
// applicable, then done (by a recorded fact first, then by a mark), then
// the calendar read according to the kind. A due-by date met after the
// date is DoneLate; an opens date used before it opened is Done with
// Early set.
func Assess(in Input, today Date) Status {
	st := Status{Kind: in.Kind, Date: in.Due}
	done, doneOn := in.Done || !in.Met.IsZero(), in.DoneOn
	if !in.Met.IsZero() {
		doneOn = in.Met
	}
	switch {
	case in.NotApplicable:
		st.State = NotApplicable
		return st
	case done:
		st.State, st.Date = Done, doneOn
		if !doneOn.IsZero() && !in.Due.IsZero() {
			switch {
			case in.Kind == DueBy && doneOn.After(in.Due):
				st.State = DoneLate
			case in.Kind == Opens && doneOn.Before(in.Due):
				st.Early = true
			}
		}
		if !st.Date.IsZero() {
			st.Days = today.DaysUntil(st.Date)
		}
		return st
	case in.Due.IsZero():
		st.State = Undated
		return st
	}
	st.Days = today.DaysUntil(in.Due)
	switch in.Kind {
	case Opens:
		st.State = OpenNow
		if st.Days > 0 {
			st.State = OpensOn
		}
	case Informational, Expires:
		st.State = Info
	default:
		switch {
		case st.Days < 0:
			st.State = Overdue
		case st.Days <= DueSoonDays:
			st.State = DueSoon
		default:
			st.State = Upcoming
		}
	}
	return st
}

// AssessAppointment returns where an appointment on date stands on today.
// An appointment is never overdue: once its day has passed, either someone
// marked it attended or the question is whether they did.
func AssessAppointment(date, today Date, attended bool) Status {
	st := Status{Date: date, Days: today.DaysUntil(date)}
	switch {
	case attended:
		st.State = ApptAttended
	case date.IsZero():
		st.State = ApptUpcoming
	case st.Days < 0:
		st.State = ApptPassed
	case st.Days <= DueSoonDays:
		st.State = ApptSoon
	default:
		st.State = ApptUpcoming
	}
	return st
}
