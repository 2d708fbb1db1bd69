package web

import (
	"net/http"

	"puente/internal/authz"
	"puente/internal/i18n"
	"puente/internal/model"
)

// goingPost signs a member up for the appointment in the URL, in one tap:
// the viewer themselves, or anyone in the group for a coordinator. Signed
// up already, the role changes.
func (s *Server) goingPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	var f goingForm
	decodeForm(r, &f)
	v, c, org := viewerFrom(r), caseFrom(r), orgFrom(r)
	uid := f.UserID
	if uid == "" {
		uid = v.UserID
	}
	if !authz.ActFor(v.Viewer, org, uid) {
		return model.ErrForbidden
	}
	lang := langFrom(r)
	errs := s.validateForm(lang, &f)
	if _, bad := errs["user_id"]; !bad && uid != v.UserID {
		members, err := s.store.Members(r.Context(), org.ID, string(langFrom(r)))
		if err != nil {
			return err
		}
		if !isMember(members, uid) {
			errs["user_id"] = lang.T("err.choice")
		}
	}
	if len(errs) > 0 {
		return s.goingRejected(w, r, &f, errs)
	}
	if err := s.store.SignUp(r.Context(), c, r.PathValue("apptID"), v.UserID, uid, model.SignUpRole(f.Role)); err != nil {
		return err
	}
	s.flashTo(w, r, "going.saved", goingReturn(f.Return, c.ID, r.PathValue("apptID")))
	return nil
}

// goingRemoveForm asks before a member (?user_id=, the viewer when
// absent) is taken off the appointment in the URL: a hearing left with
// nobody is what the group's flags warn about, so the page says when
// nobody else goes. ?return= is where the form leads back (goingReturn).
// 404 for someone not signed up.
func (s *Server) goingRemoveForm(w http.ResponseWriter, r *http.Request) error {
	d, err := s.goingPage(r)
	if err != nil {
		return err
	}
	v, q := viewerFrom(r), r.URL.Query()
	uid := q.Get("user_id")
	if uid == "" {
		uid = v.UserID
	}
	if !authz.ActFor(v.Viewer, d.Org, uid) {
		return model.ErrForbidden
	}
	g := d.Commit.AppointmentGoing
	var who *signUpView
	for i := range g.People {
		if g.People[i].UserID == uid {
			who = &g.People[i]
		}
	}
	if who == nil {
		return model.ErrNotFound
	}
	a := d.Commit.Appointment
	kind := d.T("appointment.kind." + string(a.Kind))
	ret := q.Get("return")
	switch ret {
	case "home", "tasks", "page", "case":
	default:
		ret = "case"
	}
	cv := &confirmView{Title: d.T("going.confirm.title", who.Name, kind, a.Day), Lead: d.T("going.confirm.lead", who.Name),
		Button: d.T("going.withdraw_for", who.Name)}
	if uid == v.UserID {
		cv.Title, cv.Lead, cv.Button = d.T("going.confirm.title_mine", kind, a.Day), d.T("going.confirm.lead_mine"), d.T("going.withdraw")
	}
	if len(g.People) == 1 && !g.Others && g.Accompanied {
		cv.Lost = []string{d.T("going.confirm.nobody")}
	}
	cv.Action = "/cases/" + d.Case.ID + "/appointments/" + a.ID + "/going/remove"
	cv.Cancel = goingReturn(ret, d.Case.ID, a.ID)
	cv.Hidden = []hiddenField{{Name: "user_id", Value: uid}, {Name: "return", Value: ret}}
	return s.confirm(w, r, http.StatusOK, d, cv)
}

// goingRemovePost withdraws a member from the appointment in the URL: the
// viewer themselves, or anyone for a coordinator.
func (s *Server) goingRemovePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	var f personForm
	decodeForm(r, &f)
	v, c := viewerFrom(r), caseFrom(r)
	uid := f.UserID
	if uid == "" {
		uid = v.UserID
	}
	if !authz.ActFor(v.Viewer, orgFrom(r), uid) {
		return model.ErrForbidden
	}
	if errs := s.validateForm(langFrom(r), &f); len(errs) > 0 {
		return s.goingRejected(w, r, &goingForm{UserID: f.UserID, Return: f.Return}, errs)
	}
	if err := s.store.Withdraw(r.Context(), c, r.PathValue("apptID"), v.UserID, uid); err != nil {
		return err
	}
	s.flashTo(w, r, "going.removed", goingReturn(f.Return, c.ID, r.PathValue("apptID")))
	return nil
}

// goingRejected shows the appointment's sign-up page again with 422, the
// form as sent and a message per field.
func (s *Server) goingRejected(w http.ResponseWriter, r *http.Request, form *goingForm, errs map[string]string) error {
	d, err := s.goingPage(r)
	if err != nil {
		return err
	}
	d.Errors = errs
	return s.formRejected(w, r, "going", d, form)
}

// goingReturn is where a sign-up form leads back to: the page it was on.
func goingReturn(ret, caseID, apptID string) string {
	switch ret {
	case "home":
		return "/"
	case "tasks":
		return "/me/tasks"
	case "page":
		return "/cases/" + caseID + "/appointments/" + apptID + "/going"
	}
	return "/cases/" + caseID + "#a-" + apptID
}

// feedSummary titles a calendar entry by case code, never by name: "PU-7K3QXM:
// Master calendar hearing", or, for an appointment the feed's owner goes
// to, the case code and what they do there ("PU-7K3QXM · court, driving").
func feedSummary(it model.DueItem, title string, lang i18n.Lang) string {
	if it.Role == "" {
		return it.CaseCode + ": " + title
	}
	return it.CaseCode + " · " + lang.T("feed.going", lang.T("feed.place."+it.Kind), lang.T("going.doing."+string(it.Role)))
}
