package web

import (
	"net/http"
	"strings"

	"puente/internal/model"
	"puente/internal/store"
)

// confirmView is a confirmation page before something is deleted or
// closed (GOV.UK's confirmation pattern): it names the thing, says what
// will be lost, and posts to Action only when the button is pressed.
// Nothing is deleted by one tap, and a GET never changes anything.
type confirmView struct {
	Title string
	Lead  string
	// Lost lists what goes with it; Kept says what stays, if worth saying.
	Lost []string
	Kept string
	// Action is where the form posts; Button its label; Cancel where
	// "Cancel" leads (back to the thing).
	Action, Button, Cancel string
	// Reasons, when set, asks why (closing a case); Reason is the choice.
	Reasons []string
	Reason  string
	// ReasonPrefix is the reasons' message prefix and ReasonLabel the
	// question ("" for a case's: "close.reason.", case.close.reason).
	ReasonPrefix string
	ReasonLabel  string
	// Hidden are fields the form sends back as they are (the template
	// version the page was made from).
	Hidden []hiddenField
}

// hiddenField is one hidden input of a confirmation form.
type hiddenField struct{ Name, Value string }

// confirm renders a confirmation page with status (422 when a choice it
// asks for was missing).
func (s *Server) confirm(w http.ResponseWriter, r *http.Request, status int, d *templateData, c *confirmView) error {
	d.Title = c.Title
	d.Confirm = c
	return s.render(w, r, status, "confirm", d)
}

// casePageData starts a page about the case in the URL.
func (s *Server) casePageData(r *http.Request) *templateData {
	d := s.newData(r)
	d.Case, d.Org = caseFrom(r), orgFrom(r)
	return d
}

// openCase refuses forms on a closed case: it is read-only.
func openCase(c model.Case) error {
	if !c.Open() {
		return model.ErrForbidden
	}
	return nil
}

// personRemoveForm asks before a household member is taken out of the
// case: their details and sensitive fields, the dates recorded for them,
// their appointments and their deadlines go with them.
func (s *Server) personRemoveForm(w http.ResponseWriter, r *http.Request) error {
	d := s.casePageData(r)
	if err := openCase(d.Case); err != nil {
		return err
	}
	p, err := s.findPerson(r, d.Case)
	if err != nil {
		return err
	}
	if p.Principal {
		return model.ErrNotFound // the principal is never removed, only the case closed
	}
	facts, err := s.store.Facts(r.Context(), d.Case.ID)
	if err != nil {
		return err
	}
	appts, err := s.store.Appointments(r.Context(), d.Case.ID)
	if err != nil {
		return err
	}
	computed, err := s.store.ComputeDeadlines(r.Context(), d.Case.ID)
	if err != nil {
		return err
	}
	nf, na, nd := 0, 0, 0
	for _, f := range facts {
		if f.PersonID == p.ID {
			nf++
		}
	}
	for _, a := range appts {
		if a.PersonID == p.ID {
			na++
		}
	}
	for _, pd := range computed {
		if pd.PersonID == p.ID {
			nd = len(pd.Deadlines)
		}
	}
	lost := []string{d.T("confirm.person.details", p.Name)}
	if p.HasANumber || p.HasDOB || p.HasFacility {
		lost = append(lost, d.T("confirm.person.sensitive"))
	}
	lost = append(lost, d.T("confirm.person.facts", nf), d.T("confirm.person.appointments", na), d.T("confirm.person.deadlines", nd))
	return s.confirm(w, r, http.StatusOK, d, &confirmView{
		Title: d.T("confirm.person.title", p.Name), Lead: d.T("confirm.person.lead", p.Name),
		Lost: lost, Kept: d.T("confirm.person.kept"),
		Action: "/cases/" + d.Case.ID + "/people/" + p.ID + "/remove", Button: d.T("confirm.person.button", p.Name),
		Cancel: "/cases/" + d.Case.ID + "#household",
	})
}

// findFact returns the case's fact named in the URL.
func (s *Server) findFact(r *http.Request, c model.Case) (model.Fact, error) {
	facts, err := s.store.Facts(r.Context(), c.ID)
	if err != nil {
		return model.Fact{}, err
	}
	for _, f := range facts {
		if f.ID == r.PathValue("factID") {
			return f, nil
		}
	}
	return model.Fact{}, model.ErrNotFound
}

// factDeleteForm asks before a recorded date is deleted, naming the
// deadlines counted from it or met by it, which move or open again.
func (s *Server) factDeleteForm(w http.ResponseWriter, r *http.Request) error {
	d := s.casePageData(r)
	if err := openCase(d.Case); err != nil {
		return err
	}
	f, err := s.findFact(r, d.Case)
	if err != nil {
		return err
	}
	if d.People, err = s.store.People(r.Context(), d.Case.ID, string(d.Lang)); err != nil {
		return err
	}
	computed, err := s.store.ComputeDeadlines(r.Context(), d.Case.ID)
	if err != nil {
		return err
	}
	kind := d.T("fact.kind." + string(f.Kind))
	lost := []string{d.T("confirm.fact.date", kind, d.FullDay(f.Date), d.PersonName(f.PersonID))}
	if names := affectedBy(computed, f, d); len(names) > 0 {
		lost = append(lost, d.T("confirm.fact.deadlines", strings.Join(names, "; ")))
	}
	return s.confirm(w, r, http.StatusOK, d, &confirmView{
		Title: d.T("confirm.fact.title"), Lead: d.T("confirm.fact.lead", kind, d.FullDay(f.Date)),
		Lost: lost, Kept: d.T("confirm.fact.kept"),
		Action: "/cases/" + d.Case.ID + "/facts/" + f.ID + "/delete", Button: d.T("confirm.fact.button"),
		Cancel: "/cases/" + d.Case.ID + "/facts/" + f.ID + "/edit",
	})
}

// affectedBy names ("Title (M.G.)") the deadlines counted from fact f or
// met by it, as far as the viewer may see them: a date computed from a
// date of birth is never counted from a recorded fact, so none is named.
func affectedBy(computed []store.PersonDeadlines, f model.Fact, d *templateData) []string {
	day := parseDay(f.Date)
	var out []string
	for _, pd := range computed {
		if f.PersonID != "" && pd.PersonID != f.PersonID {
			continue
		}
		for _, dl := range pd.Deadlines {
			from := dl.TriggerDate == day && !dl.Sensitive
			met := dl.Met == day && string(dl.MetBy) == string(f.Kind)
			if from || met {
				out = append(out, say(dl.Title, d.Lang)+" ("+store.Initials(pd.Name)+")")
			}
		}
	}
	return out
}

// appointmentDeleteForm asks before a hearing or appointment is deleted.
func (s *Server) appointmentDeleteForm(w http.ResponseWriter, r *http.Request) error {
	d := s.casePageData(r)
	if err := openCase(d.Case); err != nil {
		return err
	}
	a, err := s.store.Appointment(r.Context(), d.Case.ID, r.PathValue("apptID"))
	if err != nil {
		return err
	}
	kind := d.T("appointment.kind." + string(a.Kind))
	when := d.FullDay(a.Date)
	if t := placeTime(d.Lang, a.Time, a.TimeZone, a.StartsAt, d.Org.TimeZone); t != "" {
		when += ", " + t
	}
	lost := []string{d.T("confirm.appointment.what", kind, when)}
	if a.Kind == model.KindIndividualHearing {
		lost = append(lost, d.T("confirm.appointment.evidence"))
	}
	if a.Mark.State == model.MarkDone {
		lost = append(lost, d.T("confirm.appointment.attended"))
	}
	return s.confirm(w, r, http.StatusOK, d, &confirmView{
		Title: d.T("confirm.appointment.title"), Lead: d.T("confirm.appointment.lead", kind, when),
		Lost:   lost,
		Action: "/cases/" + d.Case.ID + "/appointments/" + a.ID + "/delete", Button: d.T("confirm.appointment.button"),
		Cancel: "/cases/" + d.Case.ID + "/appointments/" + a.ID + "/edit",
	})
}

// caseCloseForm asks why the placement ended before a case is closed: a
// closed case can no longer be changed, and leaves the lists of what is due.
func (s *Server) caseCloseForm(w http.ResponseWriter, r *http.Request) error {
	return s.caseCloseConfirm(w, r, http.StatusOK, "")
}

func (s *Server) caseCloseConfirm(w http.ResponseWriter, r *http.Request, status int, reason string) error {
	d := s.casePageData(r)
	if err := openCase(d.Case); err != nil {
		return err
	}
	if status != http.StatusOK {
		d.Errors["reason"] = d.T("err.required.close_reason")
	}
	return s.confirm(w, r, status, d, &confirmView{
		Title: d.T("confirm.close.title"), Lead: d.T("confirm.close.lead"),
		Lost: []string{d.T("confirm.close.readonly"), d.T("confirm.close.lists"), d.T("confirm.close.feeds"),
			d.T("confirm.close.retention", d.Org.RetentionDays)},
		Kept:   d.T("confirm.close.kept"),
		Action: "/cases/" + d.Case.ID + "/close", Button: d.T("case.close"), Cancel: "/cases/" + d.Case.ID,
		Reasons: model.CloseReasons, Reason: reason,
	})
}
