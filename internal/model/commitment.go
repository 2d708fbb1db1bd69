package model

import "time"

// CommitmentKind is what a group promises a household (DOMAIN.md, "What a
// group commits to").
type CommitmentKind string

// KindMoney is the one kind of commitment with an amount.
const KindMoney CommitmentKind = "money"

// CommitmentKinds lists every kind, in the order forms show them.
var CommitmentKinds = []CommitmentKind{"housing", KindMoney, "transport", "court", "checkin", "legal",
	"health", "school", "language", "jobs", "orientation", "other"}

// ValidCommitmentKind reports whether k is known.
func ValidCommitmentKind(k CommitmentKind) bool {
	for _, x := range CommitmentKinds {
		if x == k {
			return true
		}
	}
	return false
}

// EndKind says how a commitment's period ends.
type EndKind string

// How a period ends: on a date, when the household's work permit is granted
// (a FactEADGranted is recorded), or not at all.
const (
	EndDate       EndKind = "date"
	EndWorkPermit EndKind = "work_permit"
	EndOpen       EndKind = "open"
)

// EndKinds lists the ways a period ends, in the order forms show them.
var EndKinds = []EndKind{EndDate, EndWorkPermit, EndOpen}

// Frequencies lists how often a money commitment falls due.
var Frequencies = []string{"monthly", "weekly", "once"}

// Commitment is one promise of a group to a case. Money is in integer
// cents. The state is never stored: it follows from the dates and the
// records (see package ledger); only the cancellation is recorded.
type Commitment struct {
	ID          string
	CaseID      string
	GroupID     string
	Kind        CommitmentKind
	Description string
	StartsOn    string // YYYY-MM-DD
	EndKind     EndKind
	EndsOn      string // YYYY-MM-DD when EndKind is EndDate
	AmountCents int64  // money only
	Currency    string // ISO 4217, money only
	Frequency   string // once, weekly, monthly; money only
	CancelledOn string // YYYY-MM-DD, "" unless cancelled
	Holders     []Holder
	// What was recorded against it: how many records, their amounts'
	// sum, and the latest day one was given.
	Records    int
	GivenCents int64
	LastGiven  string
	// WorkPermitOn is the day the household's first work permit was
	// granted, "" while none was: it ends a commitment "until the work
	// permit".
	WorkPermitOn string
}

// HeldBy reports whether userID is responsible for c.
func (c Commitment) HeldBy(userID string) bool {
	for _, h := range c.Holders {
		if h.UserID == userID {
			return true
		}
	}
	return false
}

// HolderIDs lists the ids of c's holders.
func (c Commitment) HolderIDs() []string {
	out := make([]string, len(c.Holders))
	for i, h := range c.Holders {
		out[i] = h.UserID
	}
	return out
}

// Holder is a group member responsible for a commitment.
type Holder struct {
	UserID string
	Name   string
}

// CommitmentInput is what the commitment form edits.
type CommitmentInput struct {
	Kind        CommitmentKind
	Description string
	StartsOn    string
	EndKind     EndKind
	EndsOn      string
	AmountCents int64
	Currency    string
	Frequency   string
}

// GivenRecord is one record of what was actually given against a
// commitment: an amount (money) or a description, by whom, with a note.
type GivenRecord struct {
	ID           string
	CommitmentID string
	GivenOn      string // YYYY-MM-DD
	AmountCents  int64  // 0 when not money
	Description  string
	GivenByID    string
	GivenByName  string
	Note         string
	RecordedByID string
}

// Need is a kind of help a group marked as needed for a case, until a day
// ("" for no end).
type Need struct {
	CaseID string
	Kind   CommitmentKind
	Until  string
}

// SignUpRole is what a person does at an appointment they go to.
type SignUpRole string

// The roles of a sign-up.
const (
	RoleCompanion   SignUpRole = "companion"
	RoleDriver      SignUpRole = "driver"
	RoleInterpreter SignUpRole = "interpreter"
)

// SignUpRoles lists the roles, in the order forms show them.
var SignUpRoles = []SignUpRole{RoleCompanion, RoleDriver, RoleInterpreter}

// ValidSignUpRole reports whether r is known.
func ValidSignUpRole(r SignUpRole) bool {
	for _, x := range SignUpRoles {
		if x == r {
			return true
		}
	}
	return false
}

// SignUp is a group member going to an appointment, in a role.
type SignUp struct {
	AppointmentID string
	UserID        string
	Name          string
	Role          SignUpRole
}

// CoverageItem is an appointment that coverage rules look at: enough to
// decide whether it is flagged and to list it without reading the case.
type CoverageItem struct {
	GroupID  string
	CaseID   string
	CaseCode string
	Initials string
	ApptID   string
	Kind     AppointmentKind
	Date     string // at its place
	Time     string // HH:MM at its place, or ""
	TimeZone string // the place's zone
	StartsAt time.Time
	Place    string
	// Going is how many go: the members signed up, plus one when the
	// appointment's free text (Appointment.Going) names someone.
	Going   int
	Settled bool // marked attended or not applicable
	// Done: marked attended. ForInitials are the initials of the person
	// it is for (the principal's when it is for the whole household).
	Done        bool
	ForInitials string
}

// NeedCoverage is a need with the commitments of its kind in the same
// case, for coverage rules.
type NeedCoverage struct {
	GroupID  string
	CaseID   string
	CaseCode string
	Initials string
	Need     Need
	Covers   []CoverCandidate // the case's commitments of the need's kind
}

// CoverCandidate is what coverage rules need of a commitment that may meet
// a need: its period, whether it was cancelled, how many hold it.
type CoverCandidate struct {
	StartsOn     string
	EndKind      EndKind
	EndsOn       string
	CancelledOn  string
	WorkPermitOn string
	Holders      int
}

// CoverageCounts is what a network sees of a group's coverage: numbers,
// never which case or appointment.
type CoverageCounts struct {
	UncoveredAppointments int
	UncoveredNeeds        int
}
