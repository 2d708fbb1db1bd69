package web

import (
	"context"
	"net/http"

	"puente/internal/model"
	"puente/internal/tz"
)

// checkAppointment validates what validateForm cannot: the kind, the
// person (one of the case's household, or none), the place's zone (one of
// the list; empty becomes the group's). It adds messages to errs, keyed
// by field name.
func (s *Server) checkAppointment(ctx context.Context, r *http.Request, f *appointmentForm, errs map[string]string) error {
	lang := langFrom(r)
	if _, bad := errs["kind"]; !bad && !model.ValidAppointmentKind(model.AppointmentKind(f.Kind)) {
		errs["kind"] = lang.T("err.choice")
	}
	if f.TimeZone == "" {
		f.TimeZone = orgFrom(r).TimeZone
	}
	if _, bad := errs["time_zone"]; !bad && !tz.Valid(f.TimeZone) {
		errs["time_zone"] = lang.T("err.time_zone")
	}
	if _, bad := errs["person_id"]; !bad && f.PersonID != "" {
		people, err := s.store.People(ctx, caseFrom(r).ID, string(lang))
		if err != nil {
			return err
		}
		found := false
		for _, p := range people {
			found = found || p.ID == f.PersonID
		}
		if !found {
			errs["person_id"] = lang.T("err.choice")
		}
	}
	return nil
}

func (f appointmentForm) appointment() model.Appointment {
	return model.Appointment{PersonID: f.PersonID, Kind: model.AppointmentKind(f.Kind), Date: f.Date, Time: f.Time,
		TimeZone: f.TimeZone, Place: f.Place, Going: f.Going, Note: f.Note}
}

// appointmentNewForm is the form for a new hearing or appointment, in
// the group's zone unless the place is in another.
func (s *Server) appointmentNewForm(w http.ResponseWriter, r *http.Request) error {
	d, err := s.appointmentNewPage(r)
	if err != nil {
		return err
	}
	// No kind unless the link names one: it is chosen, never a hearing
	// by not looking.
	f := &appointmentForm{TimeZone: d.Org.TimeZone}
	if k := r.URL.Query().Get("kind"); model.ValidAppointmentKind(model.AppointmentKind(k)) {
		f.Kind = k
	}
	d.Form = f
	return s.render(w, r, http.StatusOK, "appointment_edit", d)
}

func (s *Server) appointmentNewPage(r *http.Request) (*templateData, error) {
	d := s.casePageData(r)
	if err := openCase(d.Case); err != nil {
		return nil, err
	}
	d.Title = d.T("appointment.add")
	d.AppointmentKinds = model.AppointmentKinds
	var err error
	d.People, err = s.store.People(r.Context(), d.Case.ID, string(d.Lang))
	return d, err
}

// appointmentCreatePost adds a hearing or appointment; a rejected form
// comes back on its own page, as typed.
func (s *Server) appointmentCreatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d, err := s.appointmentNewPage(r)
	if err != nil {
		return err
	}
	var f appointmentForm
	decodeForm(r, &f)
	d.Errors = s.validateForm(d.Lang, &f)
	if err := s.checkAppointment(r.Context(), r, &f, d.Errors); err != nil {
		return err
	}
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "appointment_edit", d, &f)
	}
	if _, err := s.store.AddAppointment(r.Context(), d.Case, viewerFrom(r).UserID, f.appointment()); err != nil {
		return err
	}
	s.flashTo(w, r, "appointment.saved", "/cases/"+d.Case.ID+"#appointments")
	return nil
}

// appointmentEditPage is the edit page of the appointment in the URL.
func (s *Server) appointmentEditPage(r *http.Request) (*templateData, model.Appointment, error) {
	c := caseFrom(r)
	if !c.Open() {
		return nil, model.Appointment{}, model.ErrForbidden
	}
	a, err := s.store.Appointment(r.Context(), c.ID, r.PathValue("apptID"))
	if err != nil {
		return nil, model.Appointment{}, err
	}
	d := s.newData(r)
	d.Case, d.Org = c, orgFrom(r)
	d.Title = d.T("appointment.edit.title")
	d.AppointmentID = a.ID
	d.AppointmentKinds = model.AppointmentKinds
	if d.People, err = s.store.People(r.Context(), c.ID, string(d.Lang)); err != nil {
		return nil, model.Appointment{}, err
	}
	return d, a, nil
}

// appointmentEditForm shows a hearing or check-in to correct: its kind,
// person, date, time, place and the place's zone, who is going.
func (s *Server) appointmentEditForm(w http.ResponseWriter, r *http.Request) error {
	d, a, err := s.appointmentEditPage(r)
	if err != nil {
		return err
	}
	d.Form = &appointmentForm{Kind: string(a.Kind), PersonID: a.PersonID, Date: a.Date, Time: a.Time,
		TimeZone: a.TimeZone, Place: a.Place, Going: a.Going, Note: a.Note}
	return s.render(w, r, http.StatusOK, "appointment_edit", d)
}

// appointmentUpdatePost saves the edit form in one transaction with its
// history entry; a rejected form comes back with 422, as typed.
func (s *Server) appointmentUpdatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d, a, err := s.appointmentEditPage(r)
	if err != nil {
		return err
	}
	var f appointmentForm
	decodeForm(r, &f)
	d.Errors = s.validateForm(d.Lang, &f)
	if err := s.checkAppointment(r.Context(), r, &f, d.Errors); err != nil {
		return err
	}
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "appointment_edit", d, &f)
	}
	if err := s.store.UpdateAppointment(r.Context(), d.Case, a.ID, viewerFrom(r).UserID, f.appointment()); err != nil {
		return err
	}
	s.flashTo(w, r, "appointment.updated", "/cases/"+d.Case.ID+"#appointments")
	return nil
}

func (s *Server) appointmentDeletePost(w http.ResponseWriter, r *http.Request) error {
	c := caseFrom(r)
	if err := s.store.DeleteAppointment(r.Context(), c, r.PathValue("apptID"), viewerFrom(r).UserID); err != nil {
		return err
	}
	s.flashTo(w, r, "appointment.removed", "/cases/"+c.ID+"#appointments")
	return nil
}
