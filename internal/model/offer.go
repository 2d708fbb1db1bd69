package model

import "time"

// An offer of a person in the queue to a sponsor group (issue 13). It is a
// capability: checked at use, never trusted from what a page showed.

// OfferState is where an offer stands as stored. An open offer past its
// expiry is dead whatever the row says (Offer.Live).
type OfferState string

// The states of an offer.
const (
	OfferOpen      OfferState = "open"
	OfferAccepted  OfferState = "accepted"
	OfferDeclined  OfferState = "declined"
	OfferWithdrawn OfferState = "withdrawn"
	OfferExpired   OfferState = "expired"
)

// OfferTTL is how long a group has at least to answer an offer: the
// offer lapses at the end of the day, in the group's time zone, on which
// these hours run out (OfferEnds), so its deadline reads as a date.
const OfferTTL = 72 * time.Hour

// OfferEnds is the moment an offer made at made lapses: midnight at the
// end of the day (in loc, the group's zone) on which made+ttl falls. The
// group has between ttl and ttl+24 hours; "Answer by the end of Friday 4
// December 2026" rather than a moment in the night ("4 Dec, 12:57 AM").
func OfferEnds(made time.Time, ttl time.Duration, loc *time.Location) time.Time {
	y, m, d := made.Add(ttl).In(loc).Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, loc)
}

// LastDay is the last whole day, in loc, on which the offer can still be
// answered: the day before the one its lapsing moment falls in (for an
// offer made by OfferEnds, the day that midnight ends).
func (o Offer) LastDay(loc *time.Location) time.Time {
	y, m, d := o.ExpiresAt.In(loc).Date()
	return time.Date(y, m, d-1, 0, 0, 0, 0, loc)
}

// DeclineReasons are why a group declines an offer.
var DeclineReasons = []string{"no_capacity", "language", "household_fit", "timing", "other"}

// ValidDeclineReason reports whether r is on DeclineReasons.
func ValidDeclineReason(r string) bool {
	for _, x := range DeclineReasons {
		if x == r {
			return true
		}
	}
	return false
}

// Offer is one offer with what the group may see of the person: the
// pseudonym, household shape, languages, needs, urgency and region. Never
// the A-number, the facility or the sender's reference.
type Offer struct {
	ID            string
	NetworkID     string
	EntryID       string
	GroupID       string
	GroupName     string
	State         OfferState
	CreatedAt     time.Time
	CreatedByName string
	ExpiresAt     time.Time
	DecidedAt     time.Time
	DecidedByName string
	Reason        string
	ReasonNote    string
	CaseID        string

	Pseudonym     string
	Languages     []string
	Adults        int
	ChildAges     []int
	Needs         []string
	DecisionDate  string
	DetainedSince string
	RegionName    string
	// LeftDetention is the entry's (QueueEntry.LeftDetention).
	LeftDetention time.Time
}

// Live reports whether the offer may still be answered at now.
func (o Offer) Live(now time.Time) bool { return o.State == OfferOpen && now.Before(o.ExpiresAt) }

// Shown is the offer's state as pages say it: an open offer past its
// expiry is expired.
func (o Offer) Shown(now time.Time) OfferState {
	if o.State == OfferOpen && !now.Before(o.ExpiresAt) {
		return OfferExpired
	}
	return o.State
}

// HasNeed reports whether the person has need n.
func (o Offer) HasNeed(n string) bool {
	for _, x := range o.Needs {
		if x == n {
			return true
		}
	}
	return false
}
