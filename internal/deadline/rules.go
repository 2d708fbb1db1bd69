package deadline

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Kind says what a rule's date means to the person acting on it.
type Kind string

// The kinds of rule.
const (
	// DueBy: the act must be done (received) on or before the date.
	DueBy Kind = "due_by"
	// Opens: the act may be done from the date on, not before (the
	// work-permit application at clock day 150, a renewal window).
	Opens Kind = "opens"
	// Expires: the date is when something stops being valid (a work permit,
	// post-grant assistance). It is information: nobody can be late for it.
	Expires Kind = "expires"
	// Informational: a date nobody acts on (the earliest day USCIS may
	// grant a work permit). It is shown, never listed as due or counted as
	// overdue.
	Informational Kind = "info"
)

func (k Kind) valid() bool { return k == DueBy || k == Opens || k == Expires || k == Informational }

// Task reports whether someone must act by the date: only a "due by" date
// can be overdue or counted as such.
func (k Kind) Task() bool { return k == DueBy }

// LaterIsSafe reports which reading of an ambiguous date is the safe one
// for the kind: for a "due by" date (and an expiry, which one must plan
// for) the earlier date; for a date that opens a window (or says when
// something becomes possible) the later one, since acting before a window
// opens gets an application rejected. A year from 29 February 2024 is
// 28 February 2025 for a deadline and 1 March 2025 for an "opens on".
func (k Kind) LaterIsSafe() bool { return k == Opens || k == Informational }

// Rule is one version of one deadline rule, as written in rules.json.
// Several versions may share an ID when the law changed; their effective
// ranges must not overlap, and a case uses the version in force on its
// trigger date.
type Rule struct {
	// ID is stable across versions and releases: deadline keys and
	// people's notes hang on it.
	ID string `json:"id"`
	// TextID names the version's texts in the message files:
	// rule.<TextID>.title, .source, .explain, and .note and .late_note
	// where HasNote and HasLateNote say so. Unique to the version.
	TextID      string `json:"text"`
	HasNote     bool   `json:"has_note"`
	HasLateNote bool   `json:"has_late_note"`
	// Title, Source, Explain, Note and LateNote are the texts' keys, set
	// by Load from TextID.
	Title Text `json:"-"`
	Kind  Kind `json:"kind"`
	// Trigger is the fact the period counts from.
	Trigger Trigger `json:"trigger"`
	Counting
	// EffectiveFrom and EffectiveTo bound, inclusively, the trigger dates
	// this version applies to; zero means unbounded on that side.
	EffectiveFrom Date `json:"effective_from"`
	EffectiveTo   Date `json:"effective_to"`
	// CoversOpen extends the version to obligations still running on its
	// effective date: a trigger before EffectiveFrom whose computed date is
	// on or after it (and that no other version covers). The 2025
	// registration rule took effect on 11 April 2025 and covers a child
	// who turned 14 on 20 March 2025, due 19 April 2025.
	CoversOpen bool `json:"covers_open_obligations"`
	// MetBy names the recorded fact that satisfies the rule (the I-589
	// filing meets the one-year deadline); empty when only a person's mark
	// ("done on …") can. See MetByFact.
	MetBy MetByFact `json:"met_by"`
	// LateNote is said when the rule was met after its date (the I-589:
	// the lawyer must argue an exception). Optional.
	LateNote Text `json:"-"`
	// SayWhenMissing asks for the trigger fact when it is not recorded and
	// the rule is not met: "no date of last arrival for D.S.R.: the
	// one-year deadline cannot be computed". See Gaps.
	SayWhenMissing bool `json:"say_when_missing"`
	// Source is the citation, with any words in the reader's language
	// ("(secondary source)", "(fuente secundaria)").
	Source    Text   `json:"-"`
	SourceURL string `json:"source_url"`
	// Explain is the plain-language text: its first sentence says what to
	// do, to whom, by when and why, in words a person with primary-school
	// reading can act on. {trigger_date} and {due_date} are filled in with
	// the case's dates, written in full ("Monday 21 December 2026").
	Explain Text `json:"-"`
	// Note is an optional caveat shown with the date (exceptions, history).
	Note Text `json:"-"`
}

// String names the rule version for logs and test failures, e.g.
// "ead-may-file [2020-08-25..2022-02-06] +365 calendar_days". Without it the
// embedded Counting's String would stand in for the whole rule.
func (r Rule) String() string {
	return fmt.Sprintf("%s [%s..%s] %s", r.ID, r.EffectiveFrom, r.EffectiveTo, r.Counting)
}

// InForce reports whether r applies to a trigger on d.
func (r Rule) InForce(d Date) bool {
	if !r.EffectiveFrom.IsZero() && d.Before(r.EffectiveFrom) {
		return false
	}
	return r.EffectiveTo.IsZero() || !d.After(r.EffectiveTo)
}

// ruleFile is the layout of rules.json.
type ruleFile struct {
	// Updated is when a person last checked the file against its sources.
	Updated Date   `json:"updated"`
	Rules   []Rule `json:"rules"`
}

// RuleSet is a validated, read-only set of rules. It is safe for concurrent
// use because nothing changes it after Load.
type RuleSet struct {
	updated Date
	rules   []Rule
	// ids keeps file order, which is also the order rules are computed in.
	ids []string
	// versions holds each id's versions, earliest effective first, made
	// once by Load: Compute reads them for every person of every case.
	versions map[string][]Rule
}

//go:embed rules.json
var embeddedRules []byte

// Default parses and validates the rule file embedded in the binary. It
// parses afresh on each call so that no package state is shared; callers
// keep the result.
func Default() (*RuleSet, error) {
	return Load(bytes.NewReader(embeddedRules))
}

// MustDefault is Default for program start-up and tests: the embedded file
// is checked by a test, so an error here is a build defect.
func MustDefault() *RuleSet {
	rs, err := Default()
	if err != nil {
		panic(err)
	}
	return rs
}

// Load reads and validates a rule file. Unknown fields, triggers, units or
// kinds, a text id that is malformed or another version's, and
// overlapping effective ranges for one rule id are all errors: a rule file
// is reviewed by people, and a typo must fail loudly rather than drop a
// deadline.
func Load(r io.Reader) (*RuleSet, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var f ruleFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("deadline: rule file: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("deadline: rule file: data after the top-level object")
	}
	if len(f.Rules) == 0 {
		return nil, errors.New("deadline: rule file has no rules")
	}
	var errs []error
	rs := &RuleSet{updated: f.Updated}
	for i, rule := range f.Rules {
		if rule.Roll == "" {
			rule.Roll = NoRoll
		}
		if err := rule.validate(); err != nil {
			errs = append(errs, fmt.Errorf("rule %d (%q): %w", i+1, rule.ID, err))
			continue
		}
		if slices.ContainsFunc(rs.rules, func(r Rule) bool { return r.TextID == rule.TextID }) {
			errs = append(errs, fmt.Errorf("rule %d (%q): text %q is another version's", i+1, rule.ID, rule.TextID))
		}
		rule.setTexts()
		rs.rules = append(rs.rules, rule)
		if !slices.Contains(rs.ids, rule.ID) {
			rs.ids = append(rs.ids, rule.ID)
		}
	}
	rs.versions = map[string][]Rule{}
	for _, id := range rs.ids {
		var vs []Rule
		for _, r := range rs.rules {
			if r.ID == id {
				vs = append(vs, r)
			}
		}
		slices.SortFunc(vs, func(a, b Rule) int { return a.EffectiveFrom.Compare(b.EffectiveFrom) })
		rs.versions[id] = vs
	}
	for _, id := range rs.ids {
		if err := checkVersions(rs.Versions(id)); err != nil {
			errs = append(errs, fmt.Errorf("rule %q: %w", id, err))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("deadline: invalid rule file: %w", errors.Join(errs...))
	}
	return rs, nil
}

// Updated returns the date the rule file says it was last checked.
func (rs *RuleSet) Updated() Date { return rs.updated }

// IDs returns the rule ids in file order.
func (rs *RuleSet) IDs() []string { return slices.Clone(rs.ids) }

// Rules returns every rule version in file order.
func (rs *RuleSet) Rules() []Rule { return slices.Clone(rs.rules) }

// Versions returns the versions of one rule id, earliest effective first.
func (rs *RuleSet) Versions(id string) []Rule { return slices.Clone(rs.versions[id]) }

// InForce returns the version of rule id in force on a trigger date d. It
// does not look at CoversOpen (which depends on the computed date); Compute
// does, through versionFor.
func (rs *RuleSet) InForce(id string, d Date) (Rule, bool) {
	for _, r := range rs.rules {
		if r.ID == id && r.InForce(d) {
			return r, true
		}
	}
	return Rule{}, false
}

func (r Rule) validate() error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }
	if !validID(r.ID) {
		bad("id must be lower-case letters, digits and dashes")
	}
	if !r.Kind.valid() {
		bad("unknown kind %q", r.Kind)
	}
	if !r.Trigger.valid() {
		bad("unknown trigger %q", r.Trigger)
	}
	if !r.Unit.valid() {
		bad("unknown unit %q", r.Unit)
	}
	if !r.Roll.valid() {
		bad("unknown roll %q", r.Roll)
	}
	switch {
	case r.Offset == 0 && r.Unit != CalendarDays:
		bad("offset 0 is only meaningful in calendar_days")
	case r.Offset < 0 && r.Unit == ClockDays:
		bad("clock_days cannot count backwards")
	case r.Offset < 0 && r.Roll != NoRoll:
		// A forward roll could carry a "before" date onto or past its
		// trigger; for those Puente shows the unrolled, earlier date.
		bad("a backward offset cannot roll")
	}
	if !r.EffectiveFrom.IsZero() && !r.EffectiveTo.IsZero() && r.EffectiveTo.Before(r.EffectiveFrom) {
		bad("effective_to %s is before effective_from %s", r.EffectiveTo, r.EffectiveFrom)
	}
	if r.CoversOpen && r.EffectiveFrom.IsZero() {
		bad("covers_open_obligations needs an effective_from")
	}
	if !r.MetBy.valid() {
		bad("unknown met_by %q", r.MetBy)
	}
	if r.MetBy != "" && r.Kind != DueBy && r.Kind != Opens {
		bad("only a due_by or opens rule can be met by a fact")
	}
	if !strings.HasPrefix(r.SourceURL, "https://") {
		bad("source_url must be an https:// address")
	}
	if !validTextID(r.TextID) {
		bad("text must be lower-case words (letters, digits, _) joined by dots")
	}
	return errors.Join(errs...)
}

// checkVersions rejects two versions of one id in force on the same day,
// and versions that disagree on what they count from.
func checkVersions(vs []Rule) error {
	for i := 1; i < len(vs); i++ {
		prev, cur := vs[i-1], vs[i]
		if prev.Trigger != cur.Trigger || prev.Kind != cur.Kind || prev.MetBy != cur.MetBy {
			return errors.New("versions differ in trigger, kind or met_by; use a new id")
		}
		if prev.EffectiveTo.IsZero() || !prev.EffectiveTo.Before(cur.EffectiveFrom) {
			return fmt.Errorf("effective ranges overlap (version from %q and version from %q)",
				prev.EffectiveFrom, cur.EffectiveFrom)
		}
	}
	return nil
}

func validID(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// setTexts names the version's texts after its TextID.
func (r *Rule) setTexts() {
	k := func(field string) Text { return Text{Key: "rule." + r.TextID + "." + field} }
	r.Title, r.Source, r.Explain = k("title"), k("source"), k("explain")
	if r.HasNote {
		r.Note = k("note")
	}
	if r.HasLateNote {
		r.LateNote = k("late_note")
	}
}

func validTextID(id string) bool {
	for _, w := range strings.Split(id, ".") {
		if w == "" {
			return false
		}
		for _, c := range w {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
				return false
			}
		}
	}
	return true
}
