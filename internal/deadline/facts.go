package deadline

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// Facts are the dates of one person's case that deadlines count from. A zero
// Date means the fact is not known (yet); rules that need it yield nothing.
//
// List facts are Events so that each item can carry the app's own id (Ref):
// deadline keys use it, and a note recorded against "the EOIR-33 for the
// second move" stays attached even when an earlier move is deleted.
type Facts struct {
	// Arrival is the arrival at the sponsor's home.
	Arrival Date
	// Moves are later changes of address, each restarting the change of
	// address deadlines.
	Moves []Event
	// Joined is the day the person joined the household, for someone who
	// came after it had settled (a cousin who moves in months after the
	// family arrived); zero for a member from the start. See JoinedLater
	// for what it changes.
	Joined Date
	// LastUSArrival is the date of the last arrival in the United States.
	LastUSArrival Date
	// I589Filed is the date the asylum application was filed (received).
	I589Filed Date
	// EADApplications are the dates work-permit applications (I-765) were
	// filed, the first one and every renewal.
	EADApplications []Event
	// AppealsFiled are the dates appeals to the BIA (EOIR-26) were filed.
	AppealsFiled []Event
	// ClockPauses are applicant-caused stops of the work-permit clock.
	ClockPauses []Pause
	// IndividualHearings are individual (merits) hearing dates.
	IndividualHearings []Event
	// Decisions are immigration judge decisions that can be appealed: the
	// date of an oral decision, or the mailing date of a written one.
	Decisions []Event
	// FinalOrder is the date of a final administrative order.
	FinalOrder Date
	// Grant is the date asylum was granted.
	Grant Date
	// EADExpiry is the expiry date printed on the current work permit.
	EADExpiry Date
	// BirthDate is the person's date of birth; it dates the registration
	// due after the 14th birthday. It is a sensitive field, and so is every
	// date computed from it (see Trigger.Sensitive).
	BirthDate Date
	// FeeNotices are the dates of annual asylum fee notices.
	FeeNotices []Event
}

// Event is one dated item of a list fact. Ref is the app's stable id for the
// item; when empty, the item's 1-based position in the list stands in, which
// is stable only as long as the app never reorders or deletes items.
type Event struct {
	Ref  string
	Date Date
}

// Validate reports facts Compute cannot date well: a clock pause without a
// start or ending before it starts, and a Ref used twice in one list (two
// deadlines would share a key).
func (f Facts) Validate() error {
	var errs []error
	for _, p := range f.ClockPauses {
		if err := p.Validate(); err != nil {
			errs = append(errs, err)
		}
	}
	lists := []struct {
		name   string
		events []Event
	}{
		{"moves", f.Moves}, {"individual hearings", f.IndividualHearings},
		{"decisions", f.Decisions}, {"fee notices", f.FeeNotices},
		{"work-permit applications", f.EADApplications}, {"appeals", f.AppealsFiled},
	}
	for _, l := range lists {
		seen := map[string]bool{}
		for _, e := range l.events {
			if e.Ref != "" && seen[e.Ref] {
				errs = append(errs, fmt.Errorf("deadline: %s: ref %q used twice", l.name, e.Ref))
			}
			seen[e.Ref] = true
		}
	}
	return errors.Join(errs...)
}

// Trigger names the fact a rule counts from, as written in rules.json.
type Trigger string

// The triggers a rule may use.
const (
	// TriggerAddressChange is the arrival at the sponsor's home and every
	// later move: one deadline each.
	TriggerAddressChange     Trigger = "address_change"
	TriggerLastUSArrival     Trigger = "last_us_arrival"
	TriggerI589Filed         Trigger = "i589_filed"
	TriggerFeeNotice         Trigger = "annual_fee_notice"
	TriggerEADExpiry         Trigger = "ead_expiry"
	TriggerIndividualHearing Trigger = "individual_hearing"
	TriggerDecision          Trigger = "decision"
	TriggerFinalOrder        Trigger = "final_order"
	TriggerGrant             Trigger = "grant"
	// TriggerFourteenthBirthday is computed from Facts.BirthDate; a birthday
	// on 29 February falls on 28 February in a common year.
	TriggerFourteenthBirthday Trigger = "fourteenth_birthday"
)

// Sensitive reports whether dates counted from t are computed from a
// sensitive field (the date of birth) and must be treated like it: sealed
// at rest, shown only to the roles that may see the field, never in a feed.
func (t Trigger) Sensitive() bool { return t == TriggerFourteenthBirthday }

func (t Trigger) valid() bool {
	switch t {
	case TriggerAddressChange, TriggerLastUSArrival, TriggerI589Filed, TriggerFeeNotice,
		TriggerEADExpiry, TriggerIndividualHearing, TriggerDecision, TriggerFinalOrder,
		TriggerGrant, TriggerFourteenthBirthday:
		return true
	}
	return false
}

// Fact names the specific fact one deadline counted from. It equals the
// rule's Trigger except for TriggerAddressChange, which yields FactArrival
// or FactMove.
type Fact string

// Facts a deadline can count from that are not also trigger names.
const (
	FactArrival Fact = "arrival"
	FactMove    Fact = "move"
	// FactJoined is the day a person joined the household after it had
	// settled (Facts.Joined): their own move to the sponsor's address.
	FactJoined Fact = "joined"
)

// JoinedLater reports whether the person joined the household after its
// first recorded address (the arrival at the sponsor's home, or the
// earliest move when no arrival is recorded), or joined a household with
// no address recorded yet. A Joined date on or before the household's
// first address means they came with the family: every household fact is
// theirs, as when Joined is zero.
func (f Facts) JoinedLater() bool {
	if f.Joined.IsZero() {
		return false
	}
	first := f.Arrival
	for _, m := range f.Moves {
		if !m.Date.IsZero() && (first.IsZero() || m.Date.Before(first)) {
			first = m.Date
		}
	}
	return first.IsZero() || f.Joined.After(first)
}

// MetByFact names a recorded fact that satisfies a rule, as written in
// rules.json's met_by.
type MetByFact string

// The facts that can satisfy a rule.
const (
	// MetByI589Filed: the asylum application was filed (the one-year
	// deadline is met).
	MetByI589Filed MetByFact = "i589_filed"
	// MetByEADApplied: a work-permit application was filed (the window it
	// waited for was used).
	MetByEADApplied MetByFact = "ead_applied"
	// MetByAppealFiled: an appeal to the BIA was filed.
	MetByAppealFiled MetByFact = "appeal_filed"
)

func (m MetByFact) valid() bool {
	switch m {
	case "", MetByI589Filed, MetByEADApplied, MetByAppealFiled:
		return true
	}
	return false
}

// events lists the recorded facts of kind m in f, in date order.
func (m MetByFact) events(f Facts) []Event {
	var es []Event
	switch m {
	case MetByI589Filed:
		if !f.I589Filed.IsZero() {
			es = []Event{{Date: f.I589Filed}}
		}
	case MetByEADApplied:
		es = slices.Clone(f.EADApplications)
	case MetByAppealFiled:
		es = slices.Clone(f.AppealsFiled)
	}
	es = slices.DeleteFunc(es, func(e Event) bool { return e.Date.IsZero() })
	slices.SortStableFunc(es, func(a, b Event) int { return a.Date.Compare(b.Date) })
	return es
}

// occurrence is one dated instance of a trigger in a person's facts.
type occurrence struct {
	fact Fact
	// which tells list items apart in the key: "@ref" or "#ordinal"; empty
	// for single facts.
	which string
	date  Date
}

// occurrences lists the dated instances of t in f, in the order given.
func (t Trigger) occurrences(f Facts) []occurrence {
	one := func(d Date) []occurrence {
		if d.IsZero() {
			return nil
		}
		return []occurrence{{fact: Fact(t), date: d}}
	}
	switch t {
	case TriggerAddressChange:
		occ := []occurrence(nil)
		if !f.Arrival.IsZero() {
			occ = append(occ, occurrence{fact: FactArrival, date: f.Arrival})
		}
		occ = append(occ, list(FactMove, f.Moves)...)
		if f.JoinedLater() {
			occ = joinedAddresses(occ, f.Joined)
		}
		return occ
	case TriggerLastUSArrival:
		return one(f.LastUSArrival)
	case TriggerI589Filed:
		return one(f.I589Filed)
	case TriggerFeeNotice:
		return list(Fact(t), f.FeeNotices)
	case TriggerEADExpiry:
		return one(f.EADExpiry)
	case TriggerIndividualHearing:
		return list(Fact(t), f.IndividualHearings)
	case TriggerDecision:
		return list(Fact(t), f.Decisions)
	case TriggerFinalOrder:
		return one(f.FinalOrder)
	case TriggerGrant:
		return one(f.Grant)
	case TriggerFourteenthBirthday:
		if f.BirthDate.IsZero() {
			return nil
		}
		return one(f.BirthDate.AddYears(14))
	}
	return nil
}

// joinedAddresses narrows the household's address changes to those of a
// person who joined it on joined (Facts.JoinedLater): the household's
// arrival and moves dated before that day were not theirs — they lived
// elsewhere and filed, or will file, their own change of address for their
// own moves — and the day they joined is itself a change of address for
// them, with its own EOIR-33 and AR-11: the change of address form is
// owed by each person whose address changes, within 5 days to the court
// (8 CFR 1003.15(d)(2); 8 USC 1229(a)(1)(F)(ii)) and within 10 days to
// USCIS (INA 265, 8 USC 1305), and moving into the sponsor's home is such
// a change. When a household move falls on the day they joined, it is the
// same change of address and stands alone.
func joinedAddresses(occ []occurrence, joined Date) []occurrence {
	occ = slices.DeleteFunc(occ, func(o occurrence) bool { return o.date.Before(joined) })
	if slices.ContainsFunc(occ, func(o occurrence) bool { return o.date == joined }) {
		return occ
	}
	return append([]occurrence{{fact: FactJoined, date: joined}}, occ...)
}

func list(fact Fact, events []Event) []occurrence {
	var occ []occurrence
	for i, e := range events {
		if e.Date.IsZero() {
			continue
		}
		which := "#" + strconv.Itoa(i+1)
		if e.Ref != "" {
			which = "@" + e.Ref
		}
		occ = append(occ, occurrence{fact: fact, which: which, date: e.Date})
	}
	return occ
}
