package deadline

import (
	"slices"
	"strings"
)

// Reason says why a Deadline has no due date.
type Reason string

// The reasons a deadline may have no date.
const (
	// ClockPaused: the work-permit clock is stopped by an open pause, so the
	// day it reaches its count is not known yet.
	ClockPaused Reason = "clock_paused"
	// InvalidPause: a recorded pause has no start or ends before it starts;
	// the app should ask for it to be corrected.
	InvalidPause Reason = "invalid_pause"
)

// Deadline is one rule applied to one trigger of one person's facts.
type Deadline struct {
	// Key identifies the deadline across recomputations: rule id, fact and,
	// for list facts, the item's Ref or position — never a date. When a
	// trigger date is corrected the due date moves and the key stays, so
	// what a person recorded against it (done, not applicable, a note)
	// stays attached.
	Key    string
	RuleID string
	Title  Text
	Kind   Kind
	// Trigger is the rule's trigger; Fact the specific fact counted from
	// (arrival or move for TriggerAddressChange) and TriggerDate its date.
	Trigger     Trigger
	Fact        Fact
	TriggerDate Date
	Counting    Counting
	// EffectiveFrom and EffectiveTo identify the rule version applied: the
	// one in force on TriggerDate.
	EffectiveFrom Date
	EffectiveTo   Date
	// Due is the date of the deadline, zero when NoDate says why not.
	Due    Date
	NoDate Reason
	// Unrolled is the last day as counted, before moving to the next
	// business day; equal to Due when no roll was needed.
	Unrolled Date
	// PausedDays is how many days the work-permit clock did not count.
	PausedDays int
	// PausedSince is the first day of an open pause (NoDate == ClockPaused).
	PausedSince Date
	// Explanation is the rule's plain explanation with the working appended;
	// Working is the arithmetic alone ("arrived 3 Mar 2026 + 5 days = ...").
	Explanation Text
	Working     Text
	Note        Text
	Source      string
	SourceURL   string
}

// Backward reports whether the deadline lies before its trigger by design
// (evidence before a hearing, a renewal window before expiry). For every
// other deadline Due is never before TriggerDate.
func (d Deadline) Backward() bool { return d.Counting.Backward() }

// Compute applies every rule in rs to f and returns the deadlines sorted by
// due date (undated ones last, then by key). Each trigger uses the rule
// version in force on its own date; a trigger no version covers yields no
// deadline. Deadlines are returned whatever today is — the app decides what
// to show.
//
// Every date is a computation from recorded facts and must be confirmed with
// the person's lawyer.
func Compute(rs *RuleSet, f Facts) []Deadline {
	var out []Deadline
	for _, id := range rs.ids {
		versions := rs.Versions(id)
		for _, occ := range versions[0].Trigger.occurrences(f) {
			i := slices.IndexFunc(versions, func(r Rule) bool { return r.InForce(occ.date) })
			if i < 0 {
				continue
			}
			out = append(out, apply(versions[i], occ, f))
		}
	}
	slices.SortStableFunc(out, func(a, b Deadline) int {
		switch {
		case a.Due.IsZero() != b.Due.IsZero():
			if a.Due.IsZero() {
				return 1
			}
			return -1
		case a.Due != b.Due:
			return a.Due.Compare(b.Due)
		}
		return strings.Compare(a.Key, b.Key)
	})
	return out
}

// apply computes one rule for one occurrence.
func apply(r Rule, occ occurrence, f Facts) Deadline {
	var pauses []Pause
	if r.Unit == ClockDays {
		pauses = f.ClockPauses
	}
	o := count(r.Counting, occ.date, pauses)
	d := Deadline{
		Key:           r.ID + "/" + string(occ.fact) + occ.which,
		RuleID:        r.ID,
		Title:         r.Title,
		Kind:          r.Kind,
		Trigger:       r.Trigger,
		Fact:          occ.fact,
		TriggerDate:   occ.date,
		Counting:      r.Counting,
		EffectiveFrom: r.EffectiveFrom,
		EffectiveTo:   r.EffectiveTo,
		Due:           o.due,
		Unrolled:      o.raw,
		PausedDays:    o.clock.pausedDays,
		PausedSince:   o.clock.pausedSince,
		Note:          r.Note,
		Source:        r.Source,
		SourceURL:     r.SourceURL,
	}
	switch {
	case o.clock.invalid != nil:
		d.NoDate = InvalidPause
	case o.clock.paused:
		d.NoDate = ClockPaused
	}
	d.Working = working(r, occ, f, o)
	d.Explanation = Text{
		EN: fill(r.Explain.EN, d, English) + " " + upperFirst(d.Working.EN) + ".",
		ES: fill(r.Explain.ES, d, Spanish) + " " + upperFirst(d.Working.ES) + ".",
	}
	return d
}
