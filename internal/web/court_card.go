package web

import (
	"net/http"
	"strings"

	"puente/internal/authz"
	"puente/internal/store"
)

// courtCard is the printable court-day card of a case: what a volunteer
// and the family need on the day of a hearing, on one sheet (who goes with
// them is the hearing's Who: the members signed up, then anyone its free
// text names). It never
// holds the A-number or the home address: a card is carried, shown at a
// security desk and left on a seat.
type courtCard struct {
	Initials string
	// Hearing is the next hearing, nil when none is on record.
	Hearing *appointmentView
	// For names who the hearing is for (initials), or the household's.
	For       string
	Judge     string
	Court     string
	Lawyer    string
	LawyerTel string
	Contact   string
}

// courtCardView shows the court-day card of the case's next hearing.
func (s *Server) courtCardView(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	d := s.casePageData(r)
	c := d.Case
	d.Title = d.T("card.title", c.Code)
	var err error
	if d.People, err = s.store.People(ctx, c.ID, string(d.Lang)); err != nil {
		return err
	}
	appts, err := s.store.Appointments(ctx, c.ID)
	if err != nil {
		return err
	}
	d.Appointments = s.appointmentViews(d, appts)
	signups, err := s.store.SignUps(ctx, c.ID, string(d.Lang))
	if err != nil {
		return err
	}
	for i, a := range d.Appointments {
		d.Appointments[i].Who = d.whoGoes(signups[a.ID], a.Going)
	}
	p := buildCasePage(d)
	card := &courtCard{Initials: p.Initials, Hearing: p.NextHearing, Judge: c.Judge, Court: c.Court,
		Lawyer: c.LawyerName, Contact: c.LawyerContact, LawyerTel: p.LawyerTel}
	if h := p.NextHearing; h != nil {
		var who []string
		for _, person := range d.People {
			if h.PersonID == "" || h.PersonID == person.ID {
				who = append(who, store.Initials(person.Name))
			}
		}
		card.For = strings.Join(who, ", ")
	}
	d.Card = card
	d.CanEditCases = authz.Can(viewerFrom(r).Viewer, authz.EditCases, d.Org) && c.Open()
	return s.render(w, r, http.StatusOK, "court_card", d)
}

// Where is the card's "Where" in lines: the hearing's place, then the
// case's court unless the place already names it (the review found "Demo
// Immigration Court, Room 3" above "Demo Immigration Court"), or the court
// alone when no place is recorded. Compared without case or spaces around.
func (c *courtCard) Where() []string {
	place, court := "", strings.TrimSpace(c.Court)
	if c.Hearing != nil {
		place = strings.TrimSpace(c.Hearing.Place)
	}
	switch {
	case place == "" && court == "":
		return nil
	case place == "":
		return []string{court}
	case court == "" || strings.Contains(strings.ToLower(place), strings.ToLower(court)):
		return []string{place}
	case strings.Contains(strings.ToLower(court), strings.ToLower(place)):
		return []string{court}
	}
	return []string{place, court}
}

// BringList is what to bring to a hearing, in the page's language.
func (d *templateData) BringList() []string {
	out := make([]string, 0, len(bringKeys))
	for _, k := range bringKeys {
		out = append(out, d.T(k))
	}
	return out
}

var bringKeys = []string{"card.bring.notice", "card.bring.id", "card.bring.release", "card.bring.filings", "card.bring.address", "card.bring.early", "card.bring.children"}
