package web

import (
	"cmp"
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
	// NextDue are the next things due across the household, soonest first
	// (overdue first), at most summaryDue.
	NextDue []deadlineView
	// Open are the deadlines still to act on or wait for, by date; Closed
	// are those done, set aside, or only for information (collapsed).
	Open, Closed []deadlineView
	// Next is the next appointment from today on, nil when none.
	Next *appointmentView
	// NextHearing is the next hearing before the court, for the court-day card.
	NextHearing *appointmentView
	// Coming are the appointments from today on and those passed without
	// an answer to "did they attend?"; Past those attended (collapsed).
	Coming, Past []appointmentView
	// LawyerTel is a tel: address for the lawyer's contact when it is a
	// phone number, "" otherwise.
	LawyerTel string
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
	for _, dv := range d.Deadlines {
		switch dv.State {
		case deadline.Done, deadline.DoneLate, deadline.NotApplicable, deadline.Info:
			p.Closed = append(p.Closed, dv)
			continue
		case deadline.Overdue, deadline.DueSoon, deadline.Upcoming, deadline.OpensOn:
			if len(p.NextDue) < summaryDue {
				p.NextDue = append(p.NextDue, dv)
			}
		}
		p.Open = append(p.Open, dv)
	}
	for i, a := range d.Appointments {
		switch a.State {
		case deadline.ApptAttended:
			p.Past = append(p.Past, a)
			continue
		case deadline.ApptSoon, deadline.ApptUpcoming:
			if p.Next == nil {
				p.Next = &d.Appointments[i]
			}
			if p.NextHearing == nil && a.Hearing {
				p.NextHearing = &d.Appointments[i]
			}
		}
		p.Coming = append(p.Coming, a)
	}
	return p
}

// sortByDate orders deadlines by their date across the household (a
// child's overdue item before the mother's February one), those without a
// date last; on one day by title, then person.
func sortByDate(ds []deadlineView) {
	slices.SortStableFunc(ds, func(a, b deadlineView) int {
		if (a.DueISO == "") != (b.DueISO == "") {
			if a.DueISO == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(strings.Compare(a.DueISO, b.DueISO), strings.Compare(a.Title, b.Title),
			strings.Compare(a.PersonName, b.PersonName))
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
