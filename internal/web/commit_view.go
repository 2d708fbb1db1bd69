package web

import (
	"strings"

	"puente/internal/deadline"
	"puente/internal/ledger"
	"puente/internal/model"
)

// commitData is what the commitment and coverage parts of a page show
// (issue 11). It hangs off templateData as one field so that pages which
// do not use it carry nothing, and the case page's block can move as a
// whole (ui/templates/partials_commitments.html).
type commitData struct {
	// Flags: appointments within the window with nobody going, and needed
	// kinds with nobody responsible (coverage.Uncovered, NeedUncovered).
	Flags     []appointmentFlag
	NeedFlags []needFlag
	// MoreFlags is how many flags the home page leaves out (homeFlagLimit).
	MoreFlags int

	// The case page and a commitment's own page.
	Commitments []commitmentView
	EndingSoon  []commitmentView
	// Behind are the money commitments whose instalments passed without
	// being given (ledger.OwingOn), listed first on the case page.
	Behind          []commitmentView
	NothingRecorded []commitmentView
	Charts          []chartView
	Needs           []needView
	Going           map[string]goingView // by appointment id
	Commitment      commitmentView       // a commitment's own page
	Records         []recordView
	RecordsTotal    int
	Members         []model.Member
	Kinds           []model.CommitmentKind
	EndKinds        []model.EndKind
	Frequencies     []string
	Roles           []model.SignUpRole
	Currencies      []string
	CanManage       bool // a coordinator of the group
	CanAdd          bool // may add a commitment (any member of an open case)
	CanChange       bool // may edit and cancel the commitment shown
	CanRecord       bool // may record what was given against it
	CanTakeOn       bool // may become one of its holders
	TakeOn          string
	Holders         []holderView
	Today           string

	// Appointment is the appointment a sign-up page is about, with who
	// goes to it.
	Appointment      *appointmentView
	AppointmentGoing goingView
	// Record is the record of what was given a page is about.
	Record *model.GivenRecord

	// Tasks: the viewer's own list (/me/tasks).
	ThisWeek []taskView
	Later    []taskView
	Ongoing  []taskView
	Group    string
}

// commitmentView is one commitment as a page shows it: its state, period
// and money in words.
type commitmentView struct {
	model.Commitment
	// owing is what money it still owes on the view's day (ledger.OwingOn);
	// zero for help other than money and for a cancelled commitment.
	owing      ledger.Owing
	State      ledger.State
	StateLabel string
	KindLabel  string
	// Name is what the group promised, as pages title it: its description
	// ("Rent and food", cut at nameRunes), else its kind ("Money").
	Name   string
	Period string
	Amount string // "$600.00 a month"; "" unless money
	Given  string // what was recorded, in words
	// Behind is "$300.00 behind since 10 Feb 2026" for money whose
	// instalments passed without it (ledger.OwingOn); DueToday is
	// "$450.00 due today" for one due today and not given yet.
	Behind   string
	DueToday string
	// BehindTag is the Overdue tag shown with Behind.
	BehindTag tagArgs
	Ends      string // the period's last day in full; "" while it has none
	EndsISO   string
	Holders   string // names, comma-separated
	HeldBy    string // "Responsible: …", or that nobody is
	Mine      bool   // the viewer is one of its holders
	// TakeOnLabel is the accessible name of "I will do this" for it;
	// RecordLabel that of "Record" (what was given), which the viewer may
	// use when CanRecord.
	TakeOnLabel string
	RecordLabel string
	CanRecord   bool
}

// holderView is one holder on a commitment's page.
type holderView struct {
	model.Holder
	CanRemove bool
}

// recordView is one record of what was given.
type recordView struct {
	model.GivenRecord
	Amount    string
	CanRemove bool
}

// needView is a needed kind on the case page.
type needView struct {
	model.Need
	KindLabel string
	Until     string
	Uncovered bool
	// Unheld is the page of a commitment of this kind that would meet the
	// need but has nobody responsible ("" when none): an uncovered need
	// links to it, where a member says "I will do this", rather than to a
	// new, duplicate commitment.
	Unheld string
}

// goingView is who goes to one appointment, with the viewer's one-tap
// buttons (go, withdraw, take someone off); the line that says who goes
// links to the page that chooses a role or, for coordinators, anyone in
// the group.
type goingView struct {
	W           *goingWords
	CaseID      string
	ApptID      string
	People      []signUpView
	Mine        model.SignUpRole // the viewer's role, "" when not going
	Flagged     bool
	Accompanied bool
	// Others is set when the appointment's free text names someone going.
	Others bool
	// WhoLine says who goes ("Going with them: …"), "" when nobody does.
	WhoLine string
	// Passed is set once the appointment's day is over or how it went
	// was recorded: nobody signs up any more.
	Passed    bool
	CanSignUp bool
	CanAssign bool
	// IGoLabel and WithdrawLabel are the accessible names of "I will go"
	// and "I can no longer go", naming the appointment.
	IGoLabel, WithdrawLabel string
}

// signUpView is one person going.
type signUpView struct {
	model.SignUp
	RoleLabel   string
	RemoveLabel string
	CanRemove   bool
	Mine        bool // the viewer
}

// goingWords are the words every appointment's sign-up buttons share, put
// in the page's language once per page rather than once per appointment.
type goingWords struct {
	Nobody, NobodySoon, IGo, Withdraw, WithdrawOther string
}

func (d *templateData) goingWordsOf() *goingWords {
	return &goingWords{Nobody: d.T("going.nobody"), NobodySoon: d.T("going.nobody_soon"),
		IGo: d.T("going.i_go"), Withdraw: d.T("going.withdraw"), WithdrawOther: d.T("going.withdraw_other")}
}

// appointmentFlag is an appointment in the window with nobody going.
type appointmentFlag struct {
	CaseID, CaseCode, Initials string
	ApptID, Kind, Date, When   string
	Place                      string
	CanSignUp                  bool
}

// needFlag is a needed kind with nobody responsible.
type needFlag struct {
	CaseID, CaseCode, Initials string
	Kind, Until                string
}

// ledgerOf is what the ledger needs of c.
func ledgerOf(c model.Commitment) ledger.Commitment {
	lc := ledger.Commitment{Start: parseDay(c.StartsOn), Cancelled: optDay(c.CancelledOn)}
	switch c.EndKind {
	case model.EndDate:
		lc.Until = optDay(c.EndsOn)
	case model.EndWorkPermit:
		lc.UntilWorkPermit, lc.WorkPermit = true, optDay(c.WorkPermitOn)
	}
	if c.Kind == model.KindMoney {
		lc.Money = &ledger.Pledge{Amount: ledger.Cents(c.AmountCents), Currency: c.Currency, Frequency: ledger.Frequency(c.Frequency)}
	}
	return lc
}

// optDay is parseDay for a date that may be "".
func optDay(s string) deadline.Date {
	if s == "" {
		return deadline.Date{}
	}
	return parseDay(s)
}

func givenOf(c model.Commitment) ledger.Given {
	return ledger.Given{Records: c.Records, Amount: ledger.Cents(c.GivenCents)}
}

// commitmentViewOf puts c in words for d's language on today, for viewer.
func (d *templateData) commitmentViewOf(c model.Commitment, today deadline.Date, viewerID string) commitmentView {
	lc, g := ledgerOf(c), givenOf(c)
	v := commitmentView{Commitment: c, State: ledger.StateOn(lc, g, today), KindLabel: d.T("commit.kind." + string(c.Kind)),
		Mine: c.HeldBy(viewerID)}
	v.StateLabel = d.T("commit.state." + string(v.State))
	v.Name = d.commitmentName(c)
	start := d.Day(c.StartsOn)
	switch c.EndKind {
	case model.EndDate:
		v.Period = d.T("commit.period.dates", start, d.Day(c.EndsOn))
	case model.EndWorkPermit:
		if c.WorkPermitOn != "" {
			v.Period = d.T("commit.period.work_permit_on", start, d.Day(c.WorkPermitOn))
		} else {
			v.Period = d.T("commit.period.work_permit", start)
		}
	default:
		v.Period = d.T("commit.period.open", start)
	}
	if c.CancelledOn != "" {
		v.Period += " · " + d.T("commit.cancelled_on", d.Day(c.CancelledOn))
	}
	if end := lc.Ends(); !end.IsZero() {
		v.Ends, v.EndsISO = d.Day(end.String()), end.String()
	}
	names := make([]string, len(c.Holders))
	for i, h := range c.Holders {
		names[i] = h.Name
	}
	v.Holders = strings.Join(names, ", ")
	v.HeldBy = d.T("commit.nobody")
	if v.Holders != "" {
		v.HeldBy = d.T("commit.held_by", v.Holders)
	}
	v.TakeOnLabel = d.T("commit.take_on_for", v.Name)
	v.RecordLabel = d.T("given.add_for", v.Name)
	if lc.Money == nil {
		if c.Records == 0 {
			v.Given = d.T("commit.given_none")
		} else {
			v.Given = d.T("commit.given_records", c.Records, d.Day(c.LastGiven))
		}
		return v
	}
	v.Amount = d.T("commit.amount."+c.Frequency, ledger.Format(ledger.Cents(c.AmountCents), c.Currency))
	due := ledger.DueSoFar(lc, today)
	v.Given = d.T("commit.given_money", ledger.Format(g.Amount, c.Currency), ledger.Format(due, c.Currency))
	if v.State == ledger.Cancelled {
		return v
	}
	o := ledger.OwingOn(lc, g.Amount, today)
	v.owing = o
	if o.Behind > 0 {
		v.Behind = d.T("commit.behind_since", ledger.Format(o.Behind, c.Currency), d.Day(o.Since.String()))
		v.BehindTag = d.Tag(deadline.Overdue)
	}
	if o.Next == today {
		v.DueToday = d.T("commit.due_today", ledger.Format(o.NextAmount, c.Currency))
	}
	return v
}

// nameRunes is how much of a description a title shows.
const nameRunes = 60

// commitmentName names c for titles and questions: its description when it
// has one ("Rent and food"), cut at nameRunes runes with "…", else its
// kind in d's language ("Money").
func (d *templateData) commitmentName(c model.Commitment) string {
	name := strings.Join(strings.Fields(c.Description), " ")
	if name == "" {
		return d.T("commit.kind." + string(c.Kind))
	}
	if r := []rune(name); len(r) > nameRunes {
		name = strings.TrimSpace(string(r[:nameRunes])) + "…"
	}
	return name
}
