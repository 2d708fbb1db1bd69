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
	// one in force on TriggerDate, or one whose CoversOpen reaches back to
	// it (then Covered is set).
	EffectiveFrom Date
	EffectiveTo   Date
	Covered       bool
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
	// MetBy is the kind of fact that satisfies the rule; Met is the date of
	// the recorded fact that did (zero while none has) and MetRef its Ref.
	MetBy  MetByFact
	Met    Date
	MetRef string
	// Sensitive is set when the date is computed from a sensitive field
	// (the date of birth): the app must treat the date as it treats the
	// field (sealed at rest, shown only to roles that may see it, never
	// in a feed).
	Sensitive bool
	// Explanation is the rule's plain text with the case's dates filled in;
	// its first sentence says what to do, to whom and by when. Working is
	// how the date was counted, in words ("Arrived at the sponsor's home on
	// Tuesday 3 March 2026. 5 days later is Sunday 8 March 2026.").
	Explanation Text
	Working     Texts
	Note        Text
	// LateNote is what to say when the rule was met after Due.
	LateNote  Text
	Source    Text
	SourceURL string
}

// Backward reports whether the deadline lies before its trigger by design
// (evidence before a hearing, a renewal window before expiry). For every
// other deadline Due is never before TriggerDate.
func (d Deadline) Backward() bool { return d.Counting.Backward() }

// windowStart is the first day a fact can meet d: the trigger date, or for
// a rule that counts back from its trigger (a renewal window before an
// expiry) the deadline's own date.
func (d Deadline) windowStart() Date {
	if d.Backward() && !d.Due.IsZero() {
		return d.Due
	}
	return d.TriggerDate
}

// Compute applies every rule in rs to f and returns the deadlines sorted by
// due date (undated ones last, then by key). Each trigger uses the rule
// version in force on its own date, or a later version that covers
// obligations still open on its effective date; a trigger no version
// covers yields no deadline. A rule with met_by is matched with the
// recorded facts of that kind (see matchMet). Deadlines are returned
// whatever today is — the app decides what to show (see Assess).
//
// Every date is a computation from recorded facts and must be confirmed with
// the person's lawyer.
func Compute(rs *RuleSet, f Facts) []Deadline { return compute(rs, f, true) }

// ComputeDates is Compute without the texts (Working and Explanation stay
// empty): the same keys, kinds, dates and met facts, for storing and
// listing deadlines, at a fraction of the cost of writing out how every
// date was counted in two languages.
func ComputeDates(rs *RuleSet, f Facts) []Deadline { return compute(rs, f, false) }

func compute(rs *RuleSet, f Facts, texts bool) []Deadline {
	var out []Deadline
	for _, id := range rs.ids {
		versions := rs.versions[id]
		var mine []Deadline
		for _, occ := range versions[0].Trigger.occurrences(f) {
			r, covered, ok := versionFor(versions, occ, f)
			if !ok {
				continue
			}
			mine = append(mine, apply(r, occ, f, covered, texts))
		}
		if m := versions[0].MetBy; m != "" {
			matchMet(mine, m.events(f))
		}
		out = append(out, mine...)
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

// versionFor picks the version of a rule for one occurrence: the one in
// force on the trigger date, else the earliest version that covers open
// obligations and whose computed date falls on or after its effective
// date (the obligation was still running when it took effect).
func versionFor(versions []Rule, occ occurrence, f Facts) (Rule, bool, bool) {
	for _, r := range versions {
		if r.InForce(occ.date) {
			return r, false, true
		}
	}
	for _, r := range versions {
		if !r.CoversOpen || !occ.date.Before(r.EffectiveFrom) {
			continue
		}
		o := count(r.Counting, occ.date, pausesFor(r, f), r.Kind.LaterIsSafe())
		if !o.due.IsZero() && !o.due.Before(r.EffectiveFrom) {
			return r, true, true
		}
	}
	return Rule{}, false, false
}

// matchMet gives each deadline of one rule the earliest recorded fact that
// meets it: dated on or after the deadline's window start and before the
// next deadline's, so that with two decisions an appeal filed after the
// first and before the second meets the first only. ds holds one rule's
// deadlines; events are in date order.
func matchMet(ds []Deadline, events []Event) {
	order := make([]int, len(ds))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return ds[a].windowStart().Compare(ds[b].windowStart()) })
	for n, i := range order {
		lo := ds[i].windowStart()
		var hi Date
		if n+1 < len(order) {
			hi = ds[order[n+1]].windowStart()
		}
		for _, e := range events {
			if e.Date.Before(lo) || (!hi.IsZero() && !e.Date.Before(hi)) {
				continue
			}
			ds[i].Met, ds[i].MetRef = e.Date, e.Ref
			break
		}
	}
}

func pausesFor(r Rule, f Facts) []Pause {
	if r.Unit == ClockDays {
		return f.ClockPauses
	}
	return nil
}

// apply computes one rule for one occurrence, with its texts or not.
func apply(r Rule, occ occurrence, f Facts, covered, texts bool) Deadline {
	o := count(r.Counting, occ.date, pausesFor(r, f), r.Kind.LaterIsSafe())
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
		Covered:       covered,
		Due:           o.due,
		Unrolled:      o.raw,
		PausedDays:    o.clock.pausedDays,
		PausedSince:   o.clock.pausedSince,
		MetBy:         r.MetBy,
		Sensitive:     r.Trigger.Sensitive(),
		Note:          r.Note,
		LateNote:      r.LateNote,
		Source:        r.Source,
		SourceURL:     r.SourceURL,
	}
	switch {
	case o.clock.invalid != nil:
		d.NoDate = InvalidPause
	case o.clock.paused:
		d.NoDate = ClockPaused
	}
	if texts {
		d.Working = working(r, occ, f, o, covered)
		d.Explanation = explanation(r, d)
	}
	return d
}
