package model

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The placement network's queue (issue 13): people who need a sponsor,
// recorded with the least data that serves. Dates are YYYY-MM-DD strings.

// QueueState is a step of the placement pipeline as the network follows it
// (DOMAIN.md, "Placement pipeline").
type QueueState string

// The queue's states, in pipeline order.
const (
	QueueReferred QueueState = "referred"
	QueueDetails  QueueState = "details_gathered"
	QueueSeeking  QueueState = "seeking_sponsor"
	QueueOffered  QueueState = "offered"
	QueueAccepted QueueState = "accepted"
	QueuePacket   QueueState = "packet_submitted"
	QueueGranted  QueueState = "decision_granted"
	QueueDenied   QueueState = "decision_denied"
	QueueBondSet  QueueState = "bond_set"
	QueueBondPaid QueueState = "bond_paid"
	QueueReleased QueueState = "released"
	QueueArrived  QueueState = "arrived"
	QueueClosed   QueueState = "closed"
)

// QueueStates lists the pipeline in order.
var QueueStates = []QueueState{QueueReferred, QueueDetails, QueueSeeking, QueueOffered, QueueAccepted,
	QueuePacket, QueueGranted, QueueDenied, QueueBondSet, QueueBondPaid, QueueReleased, QueueArrived, QueueClosed}

// ValidQueueState reports whether s is a step of the queue's pipeline.
func ValidQueueState(s QueueState) bool {
	for _, x := range QueueStates {
		if x == s {
			return true
		}
	}
	return false
}

// SettableQueueState reports whether a coordinator may move an entry to s
// by hand. Offered and accepted follow from offers (an offer made, an offer
// accepted with its hand-off), and closed needs a reason (CloseQueueEntry).
func SettableQueueState(s QueueState) bool {
	return ValidQueueState(s) && s != QueueOffered && s != QueueAccepted && s != QueueClosed
}

// AfterHandOff reports whether s is a step that only follows a group's
// acceptance (packet submitted to arrived): an entry reaches it only once
// it is linked to the group's case.
func AfterHandOff(s QueueState) bool {
	for i, x := range QueueStates {
		if x == s {
			return i > 4 && s != QueueClosed // after QueueAccepted
		}
	}
	return false
}

// QueueCloseReasons are why an entry left the queue.
var QueueCloseReasons = []string{"placement_ended", "found_elsewhere", "released_elsewhere", "removed", "withdrew", "other"}

// QueueNeeds are the needs a person may have, as flags.
var QueueNeeds = []string{"wheelchair", "medical", "schooling"}

// ValidQueueNeed reports whether n is on QueueNeeds.
func ValidQueueNeed(n string) bool {
	for _, x := range QueueNeeds {
		if x == n {
			return true
		}
	}
	return false
}

// Limits of a queue entry.
const (
	PseudonymMax   = 80
	QueueAdultsMax = 20
	// QueueChildrenMax: more children than this are not a household one
	// sponsor group takes.
	QueueChildrenMax = 12
	ChildAgeMax      = 17
	ExternalRefMax   = 100
	FacilityMax      = 200
)

// QueueEntryInput is a person for the queue as typed or sent (the form, the
// CSV import, the intake API). Dates are "YYYY-MM-DD" or "". ANumber and
// Facility are sealed at rest; ANumber in any form ParseANumber accepts.
type QueueEntryInput struct {
	Pseudonym     string
	Languages     []string
	Adults        int
	ChildAges     []int
	DecisionDate  string
	DetainedSince string
	RegionID      string
	Needs         []string
	ExternalRef   string
	ANumber       string
	Facility      string
}

// QueueProblem is one thing wrong with a QueueEntryInput: the field (the
// form's and the CSV's column name) and a code. Messages are
// "queue.problem.<code>" in the i18n catalog.
type QueueProblem struct {
	Field string
	Code  string
}

// The codes of QueueProblem.
const (
	ProblemRequired = "required" // empty but needed
	ProblemTooLong  = "too_long" // longer than the field's limit
	ProblemText     = "text"     // control or bidirectional characters
	ProblemChoice   = "choice"   // not one of the listed values (language, region, need)
	ProblemCount    = "count"    // a number out of range
	ProblemDate     = "date"     // not a real date as YYYY-MM-DD
	ProblemFuture   = "future"   // a day after today where only a past one makes sense
	ProblemANumber  = "anumber"  // not an A-number in an accepted form
)

// Validate checks in against the network's regions on today and returns
// every problem, in field order; none when in may be written. It also
// normalises in: languages and needs deduplicated and sorted, children's
// ages sorted, text trimmed. Callers validate each row before
// store.AddQueueEntries, which writes what it is given.
func (in *QueueEntryInput) Validate(regions []Region, today string) []QueueProblem {
	var ps []QueueProblem
	add := func(field, code string) { ps = append(ps, QueueProblem{Field: field, Code: code}) }
	in.Pseudonym = strings.TrimSpace(in.Pseudonym)
	in.ExternalRef = strings.TrimSpace(in.ExternalRef)
	in.Facility = strings.TrimSpace(in.Facility)
	in.ANumber = strings.TrimSpace(in.ANumber)
	switch {
	case in.Pseudonym == "":
		add("pseudonym", ProblemRequired)
	case utf8.RuneCountInString(in.Pseudonym) > PseudonymMax:
		add("pseudonym", ProblemTooLong)
	case !plainText(in.Pseudonym):
		add("pseudonym", ProblemText)
	}
	langs, ok := uniqueSorted(in.Languages, ValidLanguage)
	if !ok {
		add("languages", ProblemChoice)
	}
	in.Languages = langs
	if in.Adults < 1 || in.Adults > QueueAdultsMax {
		add("adults", ProblemCount)
	}
	if len(in.ChildAges) > QueueChildrenMax {
		add("child_ages", ProblemCount)
	} else {
		for _, a := range in.ChildAges {
			if a < 0 || a > ChildAgeMax {
				add("child_ages", ProblemCount)
				break
			}
		}
	}
	sort.Ints(in.ChildAges)
	// The decision may still be expected (a future day is fine), but it
	// decides on a detention, so it cannot come before the detention began.
	switch code := CheckDay(in.DecisionDate, today, false); {
	case code != "":
		add("decision_date", code)
	case !InOrder(in.DetainedSince, in.DecisionDate):
		add("decision_date", ProblemBeforeDetained)
	}
	if code := CheckDay(in.DetainedSince, today, true); code != "" {
		add("detained_since", code)
	}
	if in.RegionID != "" {
		found := false
		for _, r := range regions {
			found = found || r.ID == in.RegionID
		}
		if !found {
			add("region_id", ProblemChoice)
		}
	}
	needs, ok := uniqueSorted(in.Needs, ValidQueueNeed)
	if !ok {
		add("needs", ProblemChoice)
	}
	in.Needs = needs
	switch {
	case utf8.RuneCountInString(in.ExternalRef) > ExternalRefMax:
		add("external_ref", ProblemTooLong)
	case !plainText(in.ExternalRef):
		add("external_ref", ProblemText)
	}
	if in.ANumber != "" {
		if _, err := ParseANumber(in.ANumber); err != nil {
			add("anumber", ProblemANumber)
		}
	}
	switch {
	case utf8.RuneCountInString(in.Facility) > FacilityMax:
		add("facility", ProblemTooLong)
	case !plainText(in.Facility):
		add("facility", ProblemText)
	}
	return ps
}

// IsDate reports whether s is a real calendar date written YYYY-MM-DD.
func IsDate(s string) bool {
	if len(s) != 10 {
		return false
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// plainText refuses invalid UTF-8, control characters (line breaks too:
// these are one-line fields) and bidirectional controls.
func plainText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x2028 || r == 0x2029 {
			return false
		}
	}
	return true
}

// uniqueSorted keeps the values valid accepts, once each, sorted; ok is
// false if any value was refused.
func uniqueSorted(in []string, valid func(string) bool) ([]string, bool) {
	ok := true
	seen := map[string]bool{}
	var out []string
	for _, v := range in {
		v = strings.TrimSpace(v)
		if !valid(v) {
			ok = false
			continue
		}
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out, ok
}

// QueueUrgency is the sort key of an entry's urgency: its decision date
// (soonest first), then the start of its detention (longest first); a date
// not known sorts after every known one.
func QueueUrgency(decisionDate, detainedSince string) string {
	const unknown = "9999-12-31"
	if decisionDate == "" {
		decisionDate = unknown
	}
	if detainedSince == "" {
		detainedSince = unknown
	}
	return decisionDate + "|" + detainedSince
}

// QueueEntry is a person in the queue as the network's staff see it. The
// restricted fields are never here in plain text: whether they are
// recorded and the A-number's last three digits.
type QueueEntry struct {
	ID             string
	NetworkID      string
	Pseudonym      string
	Languages      []string
	Adults         int
	ChildAges      []int
	DecisionDate   string
	DetainedSince  string
	RegionID       string
	RegionName     string
	Needs          []string
	ExternalRef    string
	HasANumber     bool
	ANumberLast3   string
	HasFacility    bool
	State          QueueState
	StateChangedAt time.Time
	CloseReason    string
	CaseID         string
	GroupID        string
	GroupName      string
	// LeftDetention is when the entry last moved to released, arrived or
	// closed and stayed there (zero otherwise): detention days stop then.
	LeftDetention time.Time
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// HasNeed reports whether the entry has need n.
func (e QueueEntry) HasNeed(n string) bool {
	for _, x := range e.Needs {
		if x == n {
			return true
		}
	}
	return false
}

// QueueDecided reports whether an entry in state s has had its release
// decision (or left the queue): from decision granted or denied on.
func QueueDecided(s QueueState) bool {
	for i, x := range QueueStates {
		if x == s {
			return i >= 6 // QueueGranted and after
		}
	}
	return false
}

// DaysDetained is how many days the person has been detained on today
// (-1 when not known).
func (e QueueEntry) DaysDetained(today string) int {
	if e.DetainedSince == "" {
		return -1
	}
	a, err1 := time.Parse("2006-01-02", e.DetainedSince)
	b, err2 := time.Parse("2006-01-02", today)
	if err1 != nil || err2 != nil || b.Before(a) {
		return -1
	}
	return int(b.Sub(a).Hours() / 24)
}

// QueueStateChange is one change of an entry's state.
type QueueStateChange struct {
	State     QueueState
	Reason    string
	At        time.Time
	ActorName string
}
