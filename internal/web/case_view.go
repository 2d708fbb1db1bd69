package web

import (
	"net/http"

	"puente/internal/authz"
	"puente/internal/deadline"
	"puente/internal/model"
	"puente/internal/store"
)

// appointmentView is an appointment with its state on the case page. An
// appointment is never overdue: past and not marked, it asks whether they
// attended (deadline.AssessAppointment).
type appointmentView struct {
	model.Appointment
	PersonName string
	State      deadline.State
	StateLabel string
	When       string
	// LocalTime is the local time at the place ("9:30 AM", with the place's
	// zone when it is not the group's: "9:30 AM (CST)"); "" without a time.
	LocalTime string
	// ISO is the machine-readable moment for <time datetime>.
	ISO string
}

func (s *Server) caseView(w http.ResponseWriter, r *http.Request) error {
	return s.caseViewStatus(w, r, http.StatusOK, nil)
}

// caseRejected shows the case page again with 422: the inline form name
// keeps what was typed (form) and shows its errors.
func (s *Server) caseRejected(w http.ResponseWriter, r *http.Request, name string, form any, errs map[string]string) error {
	return s.caseViewWith(w, r, http.StatusUnprocessableEntity, errs, func(d *templateData) {
		d.FormName, d.Form = name, form
	})
}

func (s *Server) caseViewStatus(w http.ResponseWriter, r *http.Request, status int, errs map[string]string) error {
	return s.caseViewWith(w, r, status, errs, nil)
}

// caseViewWith renders the case page; the inline forms (facts,
// appointments, marks, closing) come back here with 422 and their errors.
func (s *Server) caseViewWith(w http.ResponseWriter, r *http.Request, status int, errs map[string]string, fill func(*templateData)) error {
	ctx := r.Context()
	c := caseFrom(r)
	org := orgFrom(r)
	v := viewerFrom(r)
	d := s.newData(r)
	d.Case, d.Org = c, org
	d.Title = d.T("case.title", c.Code)
	if errs != nil {
		d.Errors = errs
	}
	d.CanManageCases = authz.Can(v.Viewer, authz.ManageCases, org)
	d.CanEditCases = authz.Can(v.Viewer, authz.EditCases, org) && c.Open()
	var err error
	if d.People, err = s.store.People(ctx, c.ID, string(d.Lang)); err != nil {
		return err
	}
	if d.Facts, err = s.store.Facts(ctx, c.ID); err != nil {
		return err
	}
	appts, err := s.store.Appointments(ctx, c.ID)
	if err != nil {
		return err
	}
	marks, err := s.store.Marks(ctx, c.ID)
	if err != nil {
		return err
	}
	computed, err := s.store.ComputeDeadlines(ctx, c.ID)
	if err != nil {
		return err
	}
	if d.History, err = s.store.History(ctx, c.ID, 20); err != nil {
		return err
	}
	historyInWords(d.History, d.Lang)
	if d.StatusChanges, err = s.store.StatusChanges(ctx, c.ID); err != nil {
		return err
	}
	names := map[string]string{}
	for _, p := range d.People {
		names[p.ID] = p.Name
	}
	today := s.todayDate(org.TimeZone)
	lang := dlang(d.Lang)
	// Dates computed from the date of birth are shown to the roles that may
	// see it; a member is told one is coming up and whom to ask.
	seeDOB := d.CanManageCases
	var sealedDue bool
	d.Deadlines, sealedDue = deadlineViews(computed, marks, today, d.Lang, seeDOB)
	d.FactGaps = gapMessages(computed, d.Lang, seeDOB)
	if sealedDue {
		who, err := s.coordinatorNames(ctx, org.ID, string(d.Lang))
		if err != nil {
			return err
		}
		d.SealedNotices = append(d.SealedNotices, d.T("deadline.registration_ask", who))
	}
	for _, a := range appts {
		st := deadline.AssessAppointment(appointmentDay(a.Date, a.Time, a.StartsAt, org.TimeZone), today, a.Mark.State == model.MarkDone)
		d.Appointments = append(d.Appointments, appointmentView{Appointment: a, PersonName: names[a.PersonID],
			State: st.State, StateLabel: d.T("state." + string(st.State)), When: phrase(st, d.Lang),
			LocalTime: placeTime(d.Lang, a.Time, a.TimeZone, a.StartsAt, org.TimeZone),
			ISO:       placeISO(a.Date, a.Time, a.TimeZone, a.StartsAt)})
	}
	d.Disclaimer = deadline.Disclaimer().In(lang)
	d.FactKinds = model.FactKinds
	d.AppointmentKinds = model.AppointmentKinds
	d.CloseReasons = model.CloseReasons
	if fill != nil {
		fill(d)
	}
	s.store.LogView(store.AuditEntry{ActorID: v.UserID, OrgID: org.ID, ObjectType: "case", ObjectID: c.ID})
	return s.render(w, r, status, "case", d)
}

func parseDay(s string) deadline.Date {
	d, err := deadline.ParseDate(s)
	if err != nil {
		return deadline.Date{}
	}
	return d
}
