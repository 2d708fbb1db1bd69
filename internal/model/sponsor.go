package model

import (
	"sort"
	"time"
)

// Sponsor groups as their placement network sees them (issue 13; DOMAIN.md,
// "Placement pipeline"). Dates are YYYY-MM-DD strings, which compare in
// calendar order.

// Region is a named area a network places people in. A profile names one;
// never a street address.
type Region struct {
	ID   string
	Name string
}

// VettingItem is something a network requires of every group (a background
// check, references, a home visit, training) and how long a record of it
// stays valid, in days. A PerAdult item needs one record for each adult of
// the hosting household.
type VettingItem struct {
	ID        string
	Name      string
	ValidDays int
	PerAdult  bool
}

// VettingRecord is one item done for a group on DoneOn; it is valid from
// DoneOn up to the day before ExpiresOn. Subject is the initials of the
// adult a per-adult item is about.
type VettingRecord struct {
	ID             string
	GroupID        string
	GroupName      string
	ItemID         string
	ItemName       string
	Subject        string
	DoneOn         string
	ExpiresOn      string
	RecordedAt     time.Time
	RecordedByName string
}

// Valid reports whether r is in force on today.
func (r VettingRecord) Valid(today string) bool { return r.DoneOn <= today && today < r.ExpiresOn }

// SponsorStage is where a group is on the way to hosting (DOMAIN.md).
type SponsorStage string

// The stages. Interested, applied and resting are declared by the network;
// vetted and approved are computed (Stage). Matched and hosting follow from
// placements, which are not recorded yet.
const (
	StageInterested SponsorStage = "interested"
	StageApplied    SponsorStage = "applied"
	StageVetted     SponsorStage = "vetted"
	StageApproved   SponsorStage = "approved"
	StageMatched    SponsorStage = "matched"
	StageHosting    SponsorStage = "hosting"
	StageResting    SponsorStage = "resting"
)

// DeclaredStages are the stages a network sets by hand.
var DeclaredStages = []SponsorStage{StageInterested, StageApplied, StageResting}

// ValidDeclaredStage reports whether s may be set by hand.
func ValidDeclaredStage(s SponsorStage) bool {
	for _, d := range DeclaredStages {
		if d == s {
			return true
		}
	}
	return false
}

// Languages are the language codes a profile (and, later, a person in the
// queue) may name: the languages most often spoken by people seeking asylum
// at the southern border, and English. Names are messages "language.<code>".
var Languages = []string{"en", "es", "pt", "fr", "ht", "ar", "ru", "uk", "tr", "zh", "quc", "mam"}

// ValidLanguage reports whether code is on Languages.
func ValidLanguage(code string) bool {
	for _, l := range Languages {
		if l == code {
			return true
		}
	}
	return false
}

// StaleAfterDays is how long a profile goes without an update before the
// network is told it may be out of date.
const StaleAfterDays = 90

// ExpiringWithinDays is how far ahead the network is shown vetting records
// about to expire.
const ExpiringWithinDays = 60

// SponsorProfile is a group's profile. PrivateNotes belong to the group:
// store reads for network staff leave them empty.
type SponsorProfile struct {
	GroupID         string
	GroupName       string
	RegionID        string
	RegionName      string
	Languages       []string
	Adults          int
	Beds            int
	PrivateRoom     bool
	AcceptsChildren bool
	Wheelchair      bool
	HostMonths      int
	AvailableFrom   string
	PledgeCents     int64
	MaxPlacements   int
	Declared        SponsorStage
	PrivateNotes    string
	UpdatedAt       time.Time // zero: never filled in
}

// Complete reports whether the profile says enough to match a person to
// the group: a region, a language, a bed and room for one placement.
func (p SponsorProfile) Complete() bool {
	return p.RegionID != "" && len(p.Languages) > 0 && p.Beds > 0 && p.MaxPlacements > 0
}

// ItemStatus is one required item for one group on a day: its valid
// records, how many it needs, and when the soonest valid one expires.
type ItemStatus struct {
	Item    VettingItem
	Need    int
	Have    int
	Expires string // the earliest expiry among the records counted; "" if none
	Expired bool   // records exist but too few are still valid
}

// Met reports whether the item is satisfied.
func (s ItemStatus) Met() bool { return s.Have >= s.Need }

// VettingStatus is a group's vetting on a day.
type VettingStatus struct {
	Items []ItemStatus
	// Complete: the network requires at least one item and every one is
	// present and unexpired. A network with no items approves nobody.
	Complete bool
}

// Vetting computes a group's vetting on today from the network's items, the
// group's records and the number of adults in its household. A per-adult
// item needs a valid record for max(adults, 1) different subjects; others
// need one valid record. Nothing here is stored: approval lapses by itself
// the day a record expires.
func Vetting(items []VettingItem, records []VettingRecord, adults int, today string) VettingStatus {
	st := VettingStatus{Complete: len(items) > 0}
	for _, it := range items {
		need := 1
		if it.PerAdult && adults > 1 {
			need = adults
		}
		is := ItemStatus{Item: it, Need: need}
		// The latest valid record per subject counts; the item is held until
		// the soonest of those expires.
		latest := map[string]string{}
		any := false
		for _, r := range records {
			if r.ItemID != it.ID {
				continue
			}
			any = true
			key := ""
			if it.PerAdult {
				key = r.Subject
			}
			if r.Valid(today) && r.ExpiresOn > latest[key] {
				latest[key] = r.ExpiresOn
			}
		}
		exp := make([]string, 0, len(latest))
		for _, e := range latest {
			exp = append(exp, e)
		}
		// With more subjects than needed, the need is met until the
		// need-th latest expiry.
		sort.Sort(sort.Reverse(sort.StringSlice(exp)))
		is.Have = len(exp)
		if len(exp) >= need {
			is.Expires = exp[need-1]
		} else if len(exp) > 0 {
			is.Expires = exp[len(exp)-1]
		}
		is.Expired = any && !is.Met()
		if !is.Met() {
			st.Complete = false
		}
		st.Items = append(st.Items, is)
	}
	return st
}

// Stage is a group's stage on a day: resting when the network says so;
// approved while its vetting is complete and its profile complete; vetted
// while its vetting is complete but the profile does not yet say enough to
// match; otherwise what the network declared (interested or applied).
func Stage(p SponsorProfile, v VettingStatus) SponsorStage {
	switch {
	case p.Declared == StageResting:
		return StageResting
	case v.Complete && p.Complete():
		return StageApproved
	case v.Complete:
		return StageVetted
	case p.Declared == "":
		return StageInterested
	}
	return p.Declared
}

// StageWithPlacements is a group's stage once its placements are known:
// an approved group hosting someone who arrived is hosting; one with a
// person handed to it who has not arrived yet is matched. Placements do
// not override resting or a lapsed approval: vetting decides those.
func StageWithPlacements(st SponsorStage, open, hosting int) SponsorStage {
	switch {
	case st != StageApproved:
		return st
	case hosting > 0:
		return StageHosting
	case open > 0:
		return StageMatched
	}
	return st
}
