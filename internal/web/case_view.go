package web

import (
	"errors"
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
	// Day is the appointment's date in full, in the page's language
	// ("lunes 11 de enero de 2027").
	Day string
	// LocalTime is the local time at the place ("9:30 AM", with the place's
	// zone when it is not the group's: "9:30 AM (CST)"); "" without a time.
	LocalTime string
	// ISO is the machine-readable moment for <time datetime>.
	ISO string
	// Hearing is set for a hearing before the immigration court.
	Hearing bool
	// Who says who goes with them: the members signed up, with what they
	// do there, then anyone else the appointment's free text names
	// (whoGoes); "" when nobody is going yet.
	Who string
	// Tag is its state's tag; KindName its kind in words ("Master calendar
	// hearing"); EditLabel the accessible name of its "Edit" link, ""
	// when the viewer may not edit; Passed is set when its day is over
	// without an answer to "did they attend?".
	Tag       tagArgs
	KindName  string
	EditLabel string
	Passed    bool
	// GoingRow is who goes and the viewer's "I will go" button (never nil).
	GoingRow *goingView
}

// caseView is the case page: what is next first (casePage), then the
// sections, each with its done and past items collapsed. Its forms live on
// pages of their own, so a rejected form comes back on a short page.
func (s *Server) caseView(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	c := caseFrom(r)
	org := orgFrom(r)
	v := viewerFrom(r)
	d := s.newData(r)
	d.Case, d.Org = c, org
	d.GoContent = !s.caseSpec
	d.Title = d.T("case.title", c.Code)
	d.CanManageCases = authz.Can(v.Viewer, authz.ManageCases, org)
	d.CanEditCases = authz.Can(v.Viewer, authz.EditCases, org) && c.Open()
	if c.Purged() {
		return s.casePurgedView(w, r, d)
	}
	if !c.Open() {
		d.Purge = &purgeView{On: store.PurgeOn(c.ClosedAt, org.TimeZone, org.RetentionDays)}
	}
	// After a rule change the background pass may not have reached this
	// case yet: its stored deadlines (lists, feeds, counts) are brought up
	// to date now.
	if err := s.store.EnsureCurrent(ctx, c.ID); err != nil {
		return err
	}
	var err error
	// The last digits of A-numbers are opened for those who see them only.
	people := s.store.People
	if d.CanManageCases {
		people = s.store.PeopleWithANumberEnd
	}
	if d.People, err = people(ctx, c.ID, string(d.Lang)); err != nil {
		return err
	}
	if d.Facts, err = s.store.Facts(ctx, c.ID); err != nil {
		return err
	}
	appts, err := s.store.Appointments(ctx, c.ID)
	if err != nil {
		return err
	}
	if err := s.fillDeadlines(r, d); err != nil {
		return err
	}
	if d.History, err = s.store.History(ctx, c.ID, 20); err != nil {
		return err
	}
	historyInWords(d.History, d.Lang)
	if d.StatusChanges, err = s.store.StatusChanges(ctx, c.ID); err != nil {
		return err
	}
	d.Appointments = s.appointmentViews(d, appts)
	if err := s.fillCaseCommitments(r, d); err != nil {
		return err
	}
	if err := s.fillChecklists(ctx, d, v.Viewer); err != nil {
		return err
	}
	d.CasePage = buildCasePage(d)
	switch nc, err := s.store.NetworkClosed(ctx, c.ID); {
	case err == nil:
		d.CasePage.NetworkClosed = &nc
	case !errors.Is(err, model.ErrNotFound):
		return err
	}
	s.store.LogView(store.AuditEntry{ActorID: v.UserID, OrgID: org.ID, ObjectType: "case", ObjectID: c.ID})
	return s.render(w, r, http.StatusOK, "case", d)
}

// fillDeadlines computes the case's deadlines with what people recorded
// about them, as d's viewer may see them, sorted by date across the
// household; with the missing facts and, for members, whom to ask about
// the dates only coordinators see. d.People must be loaded.
func (s *Server) fillDeadlines(r *http.Request, d *templateData) error {
	ctx := r.Context()
	marks, err := s.store.Marks(ctx, d.Case.ID)
	if err != nil {
		return err
	}
	computed, err := s.store.ComputeDeadlines(ctx, d.Case.ID)
	if err != nil {
		return err
	}
	today := s.todayDate(d.Org.TimeZone)
	// Dates computed from the date of birth are shown to the roles that may
	// see it; a member is told one is coming up and whom to ask.
	seeDOB := authz.Can(viewerFrom(r).Viewer, authz.ManageCases, d.Org)
	var sealedDue bool
	d.Deadlines, sealedDue = deadlineViews(computed, marks, today, d.Lang, seeDOB)
	sortByDate(d.Deadlines)
	d.FactGaps = gapMessages(computed, d.Lang, seeDOB)
	if sealedDue {
		who, err := s.coordinatorNames(ctx, d.Org.ID, string(d.Lang))
		if err != nil {
			return err
		}
		d.SealedNotices = append(d.SealedNotices, d.T("deadline.registration_ask", who))
	}
	d.Disclaimer = say(deadline.Disclaimer(), d.Lang)
	return nil
}

// appointmentViews gives each appointment its state on the group's today
// and its local time at the place, in d's language.
func (s *Server) appointmentViews(d *templateData, appts []model.Appointment) []appointmentView {
	names := make(map[string]string, len(d.People))
	for _, p := range d.People {
		names[p.ID] = p.Name
	}
	today := s.todayDate(d.Org.TimeZone)
	out := make([]appointmentView, 0, len(appts))
	for _, a := range appts {
		day := appointmentDay(a.Date, a.Time, a.StartsAt, d.Org.TimeZone)
		st := deadline.AssessAppointment(day, today, a.Mark.State == model.MarkDone)
		out = append(out, appointmentView{Appointment: a, PersonName: names[a.PersonID],
			State: st.State, StateLabel: d.T("state." + string(st.State)), When: phrase(st, d.Lang),
			Day:       deadline.FullDate(parseDay(a.Date), d.Lang.T),
			LocalTime: placeTime(d.Lang, a.Time, a.TimeZone, a.StartsAt, d.Org.TimeZone),
			ISO:       placeISO(a.Date, a.Time, a.TimeZone, a.StartsAt),
			Hearing:   a.Kind == "master_hearing" || a.Kind == model.KindIndividualHearing})
	}
	return out
}

func parseDay(s string) deadline.Date {
	d, err := deadline.ParseDate(s)
	if err != nil {
		return deadline.Date{}
	}
	return d
}
