package deadline

import (
	"fmt"
	"slices"
)

// Pause is a stretch of days, From through To inclusive, on which the asylum
// work-permit clock did not run because of a delay the applicant caused (a
// missed biometrics appointment, a requested reschedule). A zero To means
// the clock is still paused.
//
// Pauses may overlap and may begin before the I-589 was filed; only the days
// that would otherwise have counted are left out, each at most once.
type Pause struct {
	From Date `json:"from"`
	To   Date `json:"to"`
}

// Open reports whether p has no end yet.
func (p Pause) Open() bool { return p.To.IsZero() }

// Validate reports a pause that cannot be right: no start, or an end before
// its start. Compute refuses to date the clock rather than guess around it.
func (p Pause) Validate() error {
	if p.From.IsZero() {
		return fmt.Errorf("deadline: clock pause has no start date")
	}
	if !p.Open() && p.To.Before(p.From) {
		return fmt.Errorf("deadline: clock pause ends %s before it starts %s", p.To, p.From)
	}
	return nil
}

// MergePauses returns pauses sorted by start with overlapping and adjacent
// ones joined, so that no day is subtracted twice. An open pause swallows
// every pause that starts after it.
func MergePauses(pauses []Pause) ([]Pause, error) {
	for _, p := range pauses {
		if err := p.Validate(); err != nil {
			return nil, err
		}
	}
	ps := slices.Clone(pauses)
	slices.SortFunc(ps, func(a, b Pause) int { return a.From.Compare(b.From) })
	var out []Pause
	for _, p := range ps {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if last.Open() {
				continue
			}
			if !p.From.After(last.To.AddDays(1)) {
				if p.Open() || p.To.After(last.To) {
					last.To = p.To
				}
				continue
			}
		}
		out = append(out, p)
	}
	return out, nil
}

// clockResult is the work-permit clock counted out.
type clockResult struct {
	// due is the day the last clock day falls on; zero when paused or
	// invalid.
	due Date
	// pausedDays is how many days after the trigger did not count (up to
	// due, or up to pausedSince when still paused).
	pausedDays int
	// paused is set when an open pause stops the clock before it reaches
	// its count; pausedSince is the first day that did not count, counted
	// the clock days that had run by then.
	paused      bool
	pausedSince Date
	counted     int
	// invalid carries a pause that cannot be right; no date is given.
	invalid error
}

// addClockDays counts n clock days from the day after trigger, skipping the
// days inside pauses.
func addClockDays(trigger Date, n int, pauses []Pause) clockResult {
	merged, err := MergePauses(pauses)
	if err != nil {
		return clockResult{invalid: err}
	}
	start := trigger.AddDays(1)
	r := clockResult{due: trigger.AddDays(n)}
	for _, p := range merged {
		s := p.From
		if s.Before(start) {
			s = start
		}
		if !p.Open() && p.To.Before(s) {
			continue // entirely on or before the trigger day
		}
		if s.After(r.due) {
			break // the clock reached n before this pause began
		}
		if p.Open() {
			return clockResult{
				paused:      true,
				pausedSince: s,
				pausedDays:  r.pausedDays,
				counted:     start.DaysUntil(s) - r.pausedDays,
			}
		}
		r.pausedDays += s.DaysUntil(p.To) + 1
		r.due = trigger.AddDays(n + r.pausedDays)
	}
	return r
}
