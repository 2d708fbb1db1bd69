package model

import "time"

// CaseStatus is a step of the placement pipeline (DOMAIN.md).
type CaseStatus string

// CaseStatuses lists the pipeline in order.
var CaseStatuses = []CaseStatus{
	"referred", "details_gathered", "seeking_sponsor", "group_offered", "group_accepted",
	"packet_submitted", "decision_granted", "decision_denied", "bond_set", "bond_paid",
	"released", "arrived", "placement_active", "placement_ended",
}

// StatusEnded is the status of a closed case.
const StatusEnded CaseStatus = "placement_ended"

// ValidStatus reports whether s is a pipeline step.
func ValidStatus(s CaseStatus) bool {
	for _, x := range CaseStatuses {
		if x == s {
			return true
		}
	}
	return false
}

// CloseReasons are why a placement ended.
var CloseReasons = []string{"self_sufficient", "moved", "re_detained", "removed", "other"}

// Case is one household's case, held by one sponsor group. Sensitive
// fields are never here in plain text: only whether they are recorded.
type Case struct {
	ID              string
	GroupID         string
	Code            string
	Status          CaseStatus
	StatusChangedAt time.Time
	ClosedAt        time.Time
	CloseReason     string
	Court           string
	// Judge is the immigration judge's name, when known ("" otherwise).
	Judge         string
	LawyerName    string
	LawyerContact string
	HasAddress    bool
	CreatedAt     time.Time
	UpdatedAt     time.Time
	// PurgedAt is when the closed case's personal fields were purged
	// (zero: not purged). What is left is de-identified: dates, stages,
	// counts (store.PurgeCase).
	PurgedAt time.Time

	PrincipalName string // for lists
	People        int    // household size, for lists
	// NextDue is the earliest date (YYYY-MM-DD) of the case's open "due by"
	// deadlines, overdue ones included; "" when none is due. Windows,
	// expiries, information and appointments are never due, and a date
	// computed from a secret never counts (see store, migration 012).
	NextDue string
}

// Open reports whether the case is still open.
func (c Case) Open() bool { return c.ClosedAt.IsZero() }

// Purged reports whether the case's personal fields were purged.
func (c Case) Purged() bool { return !c.PurgedAt.IsZero() }

// PurgedName is what a purged person's name becomes: the column cannot be
// empty, and a dash says nothing about anyone.
const PurgedName = "—"

// CaseInput is what the case form edits.
type CaseInput struct {
	Status        CaseStatus
	Court         string
	Judge         string
	LawyerName    string
	LawyerContact string
	// Address replaces the stored address when SetAddress is true; an empty
	// Address with SetAddress clears it.
	Address    string
	SetAddress bool
}

// Person is a member of a case's household. Sensitive fields are reduced
// to what a page may show: whether they are recorded, and the A-number's
// last three digits.
type Person struct {
	ID             string
	CaseID         string
	Principal      bool
	Name           string
	PreferredName  string
	Relationship   string
	Languages      string
	CountryOfBirth string
	LastUSArrival  string // YYYY-MM-DD or ""
	ReleaseDate    string // YYYY-MM-DD or ""
	// JoinedOn is the day they joined the household when they came after
	// it had settled (YYYY-MM-DD), "" for a member from the start; see
	// deadline.Facts.Joined.
	JoinedOn     string
	HasDOB       bool
	HasFacility  bool
	HasANumber   bool
	ANumberLast3 string
}

// PersonInput is what the person form edits. Sensitive fields change only
// when their Set flag is true, so an edit form need not echo them back.
type PersonInput struct {
	Name           string
	PreferredName  string
	Relationship   string
	Languages      string
	CountryOfBirth string
	LastUSArrival  string
	ReleaseDate    string
	// JoinedOn is the day they joined the household (YYYY-MM-DD), "" for
	// a member from the start. UpdatePerson changes it only when SetJoined
	// is true; AddPerson always writes it.
	JoinedOn    string
	SetJoined   bool
	DOB         string
	SetDOB      bool
	Facility    string
	SetFacility bool
	ANumber     string
	SetANumber  bool
}

// SensitiveField names a field encrypted at rest.
type SensitiveField string

// The sensitive fields.
const (
	FieldANumber  SensitiveField = "anumber"
	FieldDOB      SensitiveField = "dob"
	FieldFacility SensitiveField = "facility"
	FieldAddress  SensitiveField = "address"
)

// FactKind names a dated fact deadlines count from.
type FactKind string

// Fact kinds. Arrival and moves belong to the household; the rest to a person.
const (
	FactArrival    FactKind = "arrival"
	FactMove       FactKind = "move"
	FactI589Filed  FactKind = "i589_filed"
	FactClockPause FactKind = "clock_pause"
	FactDecision   FactKind = "decision"
	FactFinalOrder FactKind = "final_order"
	FactGrant      FactKind = "grant"
	FactEADExpiry  FactKind = "ead_expiry"
	FactFeeNotice  FactKind = "fee_notice"
	// FactEADApplied is a work-permit application (I-765) filed, the first
	// one or a renewal: it uses the window the deadline engine opened.
	FactEADApplied FactKind = "ead_applied"
	// FactAppealFiled is an appeal to the BIA (EOIR-26) filed: it meets the
	// appeal deadline of the decision it follows.
	FactAppealFiled FactKind = "appeal_filed"
	// FactEADGranted is a work permit granted (the I-765 approved). The
	// first one in a household ends every commitment made "until the work
	// permit" (see package ledger).
	FactEADGranted FactKind = "ead_granted"
)

// FactKinds lists every fact kind, household ones first, then in the order
// a case usually meets them.
var FactKinds = []FactKind{FactArrival, FactMove, FactI589Filed, FactClockPause, FactEADApplied, FactEADGranted,
	FactDecision, FactAppealFiled, FactFinalOrder, FactGrant, FactEADExpiry, FactFeeNotice}

// DatedAhead reports whether a fact of kind k may be dated after today.
// Only a work permit's expiry may: it is printed on the card, years ahead.
// Every other kind records something that has happened (an arrival, a
// move, a filing, a decision, a notice received), and the deadlines it
// starts count from that day: an EOIR-33 or AR-11 is filed after a move
// (8 CFR 1003.15(d)(2); INA 265), never before it, so a move dated
// tomorrow is a slip that would put every due date in the wrong place.
func DatedAhead(k FactKind) bool { return k == FactEADExpiry }

// HouseholdFact reports whether facts of kind k belong to the whole household.
func HouseholdFact(k FactKind) bool { return k == FactArrival || k == FactMove }

// ValidFactKind reports whether k is known.
func ValidFactKind(k FactKind) bool {
	for _, x := range FactKinds {
		if x == k {
			return true
		}
	}
	return false
}

// Fact is one dated fact.
type Fact struct {
	ID       string
	CaseID   string
	PersonID string // empty for household facts
	Kind     FactKind
	Date     string // YYYY-MM-DD
	EndDate  string // clock pauses only; "" while still paused
	Note     string
}

// AppointmentKind names a scheduled appointment.
type AppointmentKind string

// AppointmentKinds lists the kinds of appointment.
var AppointmentKinds = []AppointmentKind{"master_hearing", "individual_hearing", "ice_checkin", "biometrics", "other"}

// KindIndividualHearing is the hearing that dates the evidence deadline.
const KindIndividualHearing AppointmentKind = "individual_hearing"

// ValidAppointmentKind reports whether k is known.
func ValidAppointmentKind(k AppointmentKind) bool {
	for _, x := range AppointmentKinds {
		if x == k {
			return true
		}
	}
	return false
}

// Appointment is a hearing, check-in or other appointment of a case. Its
// date and time are the place's local ones, as the notice gives them.
type Appointment struct {
	ID       string
	CaseID   string
	PersonID string // empty: the whole household
	Kind     AppointmentKind
	Date     string // YYYY-MM-DD, at the place
	Time     string // HH:MM at the place, or "" (a day without a time)
	// TimeZone is the IANA zone of the place; new appointments default to
	// the group's.
	TimeZone string
	// StartsAt is the instant Date and Time name in TimeZone (the start of
	// the day when there is no time): what lists order by.
	StartsAt time.Time
	Place    string
	// Going is who from the group goes with them ("Ana, driving"), or ""
	// while nobody is.
	Going string
	Note  string
	Mark  Mark
}

// MarkState is what people recorded about a deadline or appointment.
type MarkState string

// Mark states.
const (
	MarkOpen          MarkState = "open"
	MarkDone          MarkState = "done"
	MarkNotApplicable MarkState = "not_applicable"
)

// Mark is what people recorded about a deadline or appointment.
type Mark struct {
	Key       string
	State     MarkState
	DoneOn    string
	Note      string
	UpdatedAt time.Time
}

// DueItem is one deadline or appointment on a group's home page or in a
// calendar feed: enough to list it without reading the case.
type DueItem struct {
	CaseID   string
	CaseCode string
	Initials string
	Key      string
	RuleID   string // deadlines; empty for appointments
	Kind     string // appointment kind for appointments
	Due      string // YYYY-MM-DD (an appointment's: at its place)
	Time     string // HH:MM at the place, appointments only
	TimeZone string // the place's IANA zone, appointments only
	StartsAt time.Time
	Place    string
	// Done is set for an appointment someone marked attended.
	Done bool
	// Sensitive marks a date computed from a sensitive field (the
	// registration at 14, from the date of birth): only roles that may see
	// the field see it (see store.GroupSealedDue).
	Sensitive bool
	// Role is what the feed's owner does at an appointment they signed up
	// for ("" if they did not): feeds title it by case code and role.
	Role SignUpRole
}

// HistoryEntry is one change to a case: field names, never values.
type HistoryEntry struct {
	At        time.Time
	ActorName string
	Action    string
	Fields    string
	// SubjectName is the group member an entry is about (who was signed
	// up for an appointment or made responsible for a commitment), if any.
	SubjectName string
}

// GroupCaseCounts is what a network sees of a group's cases.
type GroupCaseCounts struct {
	GroupID  string
	Open     int
	Overdue  int
	ByStatus map[CaseStatus]int
}

// StatusChange is one step of a case through the placement pipeline.
type StatusChange struct {
	Status    CaseStatus
	At        time.Time
	ActorName string
}
