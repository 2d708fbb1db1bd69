// Package coverage decides who is missing where: an appointment at court,
// at ICE or for biometrics coming up with nobody going, and a kind of help
// a group said a case needs with nobody responsible for it. These are the
// gaps DOMAIN.md calls the ones that hurt most ("a hearing or check-in on
// the calendar with nobody assigned to go"). The package is pure: callers
// pass the organisation's today and what the store found.
package coverage

import (
	"puente/internal/deadline"
	"puente/internal/model"
)

// WindowDays is how far ahead an appointment with nobody going is flagged:
// today and the next 14 days, counted in the organisation's days. Two weeks
// is enough to find a driver or an interpreter, and matches the "soon"
// of appointments (deadline.DueSoonDays).
const WindowDays = 14

// Accompanied reports whether an appointment of kind k is one where a
// person should not go alone: a hearing (arrests at immigration courts rose
// in 2025), an ICE check-in (likewise), a biometrics appointment (missing
// it stops the work-permit clock, 8 CFR 208.7). "Other" appointments are
// not flagged; anyone may still sign up for them.
func Accompanied(k model.AppointmentKind) bool {
	switch k {
	case "master_hearing", "individual_hearing", "ice_checkin", "biometrics":
		return true
	}
	return false
}

// Appointment is what coverage needs of one appointment.
type Appointment struct {
	Kind model.AppointmentKind
	// Day is the day it falls on in the organisation's time zone.
	Day deadline.Date
	// Going is how many people signed up to go.
	Going int
	// Settled is true when someone already recorded how it went (attended,
	// or not applicable).
	Settled bool
}

// WindowEnd is the last day of the window that starts on today.
func WindowEnd(today deadline.Date) deadline.Date { return today.AddDays(WindowDays) }

// Uncovered reports whether a is flagged on today: an appointment that
// should be accompanied, from today through the 14th day after it, not
// settled, with nobody going. Its 14th day ends at the organisation's local
// midnight, because today is the organisation's day.
func Uncovered(a Appointment, today deadline.Date) bool {
	return Accompanied(a.Kind) && !a.Settled && a.Going == 0 && !a.Day.IsZero() &&
		!a.Day.Before(today) && !a.Day.After(WindowEnd(today))
}

// Need is a kind of help a group marked as needed for a case, until a day
// (zero: with no end).
type Need struct {
	Kind  model.CommitmentKind
	Until deadline.Date
}

// Cover is one commitment that may meet a need: its kind, how many
// members are responsible for it, and its period as the ledger dates it.
type Cover struct {
	Kind    model.CommitmentKind
	Holders int
	// Stopped is true for a cancelled commitment.
	Stopped bool
	Start   deadline.Date
	// Ends is the last day of its period (ledger.Commitment.Ends), zero
	// while it has no end.
	Ends deadline.Date
}

// Open reports whether n still applies on today.
func (n Need) Open(today deadline.Date) bool { return n.Until.IsZero() || !n.Until.Before(today) }

// Meets reports whether c meets n on today: the same kind, someone
// responsible, not cancelled, its period not over, and starting before the
// need does.
func (c Cover) Meets(n Need, today deadline.Date) bool {
	return c.Kind == n.Kind && c.Holders > 0 && !c.Stopped &&
		(c.Ends.IsZero() || !c.Ends.Before(today)) &&
		(n.Until.IsZero() || !c.Start.After(n.Until))
}

// NeedUncovered reports whether n is flagged on today: it still applies and
// no commitment among covers meets it.
func NeedUncovered(n Need, covers []Cover, today deadline.Date) bool {
	if !n.Open(today) {
		return false
	}
	for _, c := range covers {
		if c.Meets(n, today) {
			return false
		}
	}
	return true
}
