package web

import (
	"net/http"

	"puente/internal/authz"
	"puente/internal/model"
)

// goingView shows the sign-up page of the appointment in the URL: who
// goes, each with a button to take them off, and the form to go in a
// role of one's choosing or, for a coordinator, to sign up anyone in the
// group. The case page signs one up in one tap (as a companion); this
// page is for everything else, so the case page holds no form of its own.
func (s *Server) goingView(w http.ResponseWriter, r *http.Request) error {
	d, err := s.goingPage(r)
	if err != nil {
		return err
	}
	// A coordinator's choice of who goes starts on themselves (what
	// signing up means), never on whoever the list names first.
	f := &goingForm{Role: string(model.RoleCompanion), UserID: viewerFrom(r).UserID}
	if mine := d.Commit.AppointmentGoing.Mine; mine != "" {
		f.Role = string(mine)
	}
	d.Form = f
	return s.render(w, r, http.StatusOK, "going", d)
}

// goingPage starts the sign-up page of the appointment in the URL (404
// for another case's): the appointment in words, who goes, and the group's
// members for a coordinator's choice.
func (s *Server) goingPage(r *http.Request) (*templateData, error) {
	ctx := r.Context()
	d := s.casePageData(r)
	if err := openCase(d.Case); err != nil {
		return nil, err
	}
	a, err := s.store.Appointment(ctx, d.Case.ID, r.PathValue("apptID"))
	if err != nil {
		return nil, err
	}
	if d.People, err = s.store.People(ctx, d.Case.ID, string(d.Lang)); err != nil {
		return nil, err
	}
	v := viewerFrom(r)
	d.CanEditCases = authz.Can(v.Viewer, authz.EditCases, d.Org)
	d.Appointments = s.appointmentViews(d, []model.Appointment{a})
	if err := s.fillCaseCommitments(r, d); err != nil {
		return nil, err
	}
	cd := d.Commit
	av := d.Appointments[0]
	cd.Appointment, cd.AppointmentGoing = &av, cd.Going[a.ID]
	if cd.CanManage {
		if cd.Members, err = s.store.Members(ctx, d.Org.ID, string(d.Lang)); err != nil {
			return nil, err
		}
	}
	d.Title = d.T("going.page_title", d.T("appointment.kind."+string(a.Kind)), av.Day)
	return d, nil
}
