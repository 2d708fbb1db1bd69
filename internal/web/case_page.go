package web

import (
	"cmp"
	"net/url"
	"slices"
	"strings"

	"puente/internal/deadline"
	"puente/internal/store"
)

// summaryDue is how many things due the case page's summary names.
const summaryDue = 3

// casePage is what the case page shows besides the case itself, in the
// order a sponsor group asks for it: what is overdue or due soon and for
// whom, the next appointment (where, when in the place's local time), the
// lawyer's phone, then everything else with done and past items collapsed.
type casePage struct {
	// Initials are the principal's, shown with the case code: a page held
	// up outside a courtroom should not show a whole name.
	Initials string
	// NextDue are the next things coming up across the household, soonest
	// first (overdue first), at most summaryDue: deadlines due and windows
	// that open, headed "Coming up" (a window that opens is never "due").
	NextDue []deadlineRow
	// OpenRows, LaterRows and ClosedRows are Open, Later and Closed as the
	// "deadline-item" template takes them; ComingRows and PastRows are
	// Coming and Past as "appointment-item" takes them.
	OpenRows, LaterRows, ClosedRows, ComingRows, PastRows []rowArgs
	// History is the case's latest changes in words, newest first.
	History []historyLine
	// Open are the deadlines still to act on or wait for in the next
	// deadline.SayDaysUpTo days (or without a date yet), by date; Later
	// those further ahead, Closed those done, set aside, or only for
	// information (both collapsed).
	Open, Later, Closed []deadlineRow
	// Next is the next appointment from today on, nil when none.
	Next *appointmentView
	// NextGiven is the given name of whom Next is for, as the summary
	// names people ("Rosa"), "" for the household.
	NextGiven string
	// NextFlagged: nobody is going to Next and it is near (a coverage
	// flag); the summary says so in Next's row, once. Flags are the
	// case's other such appointments, for the summary's flag row.
	NextFlagged bool
	Flags       []appointmentFlag
	// NextHearing is the next hearing before the court, for the court-day card.
	NextHearing *appointmentView
	// Coming are the appointments from today on and those passed without
	// an answer to "did they attend?"; Past those attended (collapsed).
	Coming, Past []appointmentView
	// MoreCount is how many deadlines are collapsed (Later and Closed).
	MoreCount int
	// LawyerTel is a tel: address for the lawyer's contact when it is a
	// phone number, "" otherwise.
	LawyerTel string
	// NetworkClosed is when and why the group's placement network ended
	// this placement, nil if it did not: a notice at the top of the page.
	NetworkClosed *store.NetworkClosure
}

// buildCasePage sorts d's deadlines and appointments into the page's parts.
// d.Deadlines must be sorted by date (sortByDate), d.Appointments by
// moment (as the store lists them).
func buildCasePage(d *templateData) *casePage {
	p := &casePage{LawyerTel: telHref(d.Case.LawyerContact)}
	for _, person := range d.People {
		if person.Principal {
			p.Initials = store.Initials(person.Name)
		}
	}
	for _, row := range groupRows(d.Case.ID, d.Deadlines) {
		row.Tag = d.Tag(row.State)
		if d.CanEditCases && row.Markable {
			row.RecordLabel = d.T("mark.record_for", row.Title, row.Names)
		}
		switch row.State {
		case deadline.Done, deadline.DoneLate, deadline.NotApplicable, deadline.Info:
			p.Closed = append(p.Closed, row)
			continue
		case deadline.Overdue, deadline.DueSoon, deadline.Upcoming, deadline.OpensOn:
			if len(p.NextDue) < summaryDue {
				p.NextDue = append(p.NextDue, row)
			}
			if row.Days > deadline.SayDaysUpTo {
				p.Later = append(p.Later, row)
				continue
			}
		}
		p.Open = append(p.Open, row)
	}
	p.MoreCount = len(p.Later) + len(p.Closed)
	for i := range d.Appointments {
		a := &d.Appointments[i]
		a.Tag = d.Tag(a.State)
		a.KindName = d.T("appointment.kind." + string(a.Kind))
		a.Passed = a.State == deadline.ApptPassed
		if d.CanEditCases {
			a.EditLabel = d.T("appointment.edit_for", a.KindName, a.Day)
		}
		a.GoingRow = &noGoing
		if d.Commit != nil {
			if g, ok := d.Commit.Going[a.ID]; ok {
				a.GoingRow = &g
			}
		}
	}
	for i, a := range d.Appointments {
		switch a.State {
		case deadline.ApptAttended:
			p.Past = append(p.Past, a)
			continue
		case deadline.ApptSoon, deadline.ApptUpcoming:
			if p.Next == nil {
				p.Next = &d.Appointments[i]
				p.NextGiven, _, _ = strings.Cut(a.PersonName, " ")
			}
			if p.NextHearing == nil && a.Hearing {
				p.NextHearing = &d.Appointments[i]
			}
		}
		p.Coming = append(p.Coming, a)
	}
	p.OpenRows, p.LaterRows, p.ClosedRows = d.rows(p.Open), d.rows(p.Later), d.rows(p.Closed)
	p.ComingRows, p.PastRows = d.apptRows(p.Coming), d.apptRows(p.Past)
	p.History = d.historyLines(d.History)
	if d.Commit != nil {
		for _, f := range d.Commit.Flags {
			if p.Next != nil && f.ApptID == p.Next.ID {
				p.NextFlagged = true
				continue
			}
			p.Flags = append(p.Flags, f)
		}
	}
	return p
}

// noGoing is the goingView of an appointment nobody can sign up for
// (the case page without the commitments' part): its template shows
// nothing.
var noGoing goingView

// rows are rs as the "deadline-item" template takes them. Rows, tags and
// labels are built here, once, rather than by method calls in the
// template: each such call costs text/template a reflective call.
func (d *templateData) rows(rs []deadlineRow) []rowArgs {
	out := make([]rowArgs, len(rs))
	for i := range rs {
		out[i] = rowArgs{D: d, V: &rs[i], DV: &rs[i].deadlineView}
	}
	return out
}

// apptRows are as as the "appointment-item" template takes them.
func (d *templateData) apptRows(as []appointmentView) []rowArgs {
	out := make([]rowArgs, len(as))
	for i := range as {
		out[i] = rowArgs{D: d, A: &as[i], AP: &as[i].Appointment}
	}
	return out
}

// deadlineRow is one line of the case page: a deadline, or the same
// deadline of several household members on the same day in the same state
// (after a move, one EOIR-33 per person), which a group files together and
// records together (RecordURL leads to one page for all of them).
type deadlineRow struct {
	deadlineView
	// Names are the household members it is for, "Daniel Mejía, Sofía
	// Mejía"; Short their given names, for the summary ("Daniel, Sofía").
	Names, Short string
	// Keys are each member's deadline.
	Keys []string
	// RecordURL is the page that records it.
	RecordURL string
	// Tag is its state's tag; RecordLabel the accessible name of its
	// "Record" link ("Record: AR-11: tell USCIS the new address, Ana
	// Ruiz"), "" when the viewer may not record it.
	Tag         tagArgs
	RecordLabel string
}

// groupRows joins deadlines (sorted by date) that differ only in whom they
// are for: same title, date, state and words, and the same record (state,
// day done, note). People whose records differ keep a line each: a shared
// line shows one note, and its Record page saves one record for everyone
// ticked (review 4: a second person's note was hidden, then overwritten).
func groupRows(caseID string, ds []deadlineView) []deadlineRow {
	var rows []deadlineRow
	at := map[string]int{}
	for _, dv := range ds {
		k := dv.Title + "\x00" + dv.DueISO + "\x00" + string(dv.State) + "\x00" + dv.When +
			"\x00" + string(dv.Mark.State) + "\x00" + dv.Mark.DoneOn + "\x00" + dv.Mark.Note
		given, _, _ := strings.Cut(dv.PersonName, " ")
		if i, ok := at[k]; ok && dv.DueISO != "" {
			rows[i].Names += ", " + dv.PersonName
			rows[i].Short += ", " + given
			rows[i].Keys = append(rows[i].Keys, dv.Key)
			continue
		}
		at[k] = len(rows)
		rows = append(rows, deadlineRow{deadlineView: dv, Names: dv.PersonName, Short: given, Keys: []string{dv.Key}})
	}
	for i := range rows {
		rows[i].RecordURL = "/cases/" + caseID + "/marks?" + url.Values{"key": rows[i].Keys}.Encode()
	}
	return rows
}

// sortByDate orders deadlines by their date across the household (a
// child's overdue item before the mother's February one), those without a
// date last; on one day by title, each title's people in household order
// (the principal first), as the engine lists them.
func sortByDate(ds []deadlineView) {
	slices.SortStableFunc(ds, func(a, b deadlineView) int {
		if (a.DueISO == "") != (b.DueISO == "") {
			if a.DueISO == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(strings.Compare(a.DueISO, b.DueISO), strings.Compare(a.Title, b.Title))
	})
}

// telHref turns a contact that is a phone number ("555-0100", "+1 (555)
// 010-0100") into a tel: address a phone dials with one tap; anything else
// (an email, a name, words around the number) gives "".
func telHref(contact string) string {
	var digits strings.Builder
	for i, r := range strings.TrimSpace(contact) {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r == '+' && i == 0:
			digits.WriteRune(r)
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		default:
			return ""
		}
	}
	if n := strings.TrimPrefix(digits.String(), "+"); len(n) < 7 || len(n) > 15 {
		return ""
	}
	return "tel:" + digits.String()
}
