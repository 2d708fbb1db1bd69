package web

import (
	"net/http"

	"puente/internal/authz"
	"puente/internal/i18n"
	"puente/internal/model"
)

// summaryOrders are the fields of the inline forms of the case page and a
// commitment's page in the order they show, for their error summary
// (CommitErrors); whole-page forms set commitData.ErrorOrder.
var summaryOrders = map[string][]string{
	"going_":  {"user_id", "role"},
	"need_":   {"kind", "until"},
	"given_":  givenFields,
	"holder_": {"user_id"},
	"cancel_": {"confirm"},
}

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
	s.flash(r, "going.saved")
	http.Redirect(w, r, goingReturn(f.Return, c.ID, r.PathValue("apptID")), http.StatusSeeOther)
	return nil
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
		return s.goingRejected(w, r, &f, errs)
	}
	if err := s.store.Withdraw(r.Context(), c, r.PathValue("apptID"), v.UserID, uid); err != nil {
		return err
	}
	s.flash(r, "going.removed")
	http.Redirect(w, r, goingReturn(f.Return, c.ID, r.PathValue("apptID")), http.StatusSeeOther)
	return nil
}

// goingRejected shows the case page again with 422: the error summary
// links to the appointment whose form was rejected, which shows the
// messages.
func (s *Server) goingRejected(w http.ResponseWriter, r *http.Request, form any, errs map[string]string) error {
	return s.caseViewWith(w, r, http.StatusUnprocessableEntity, prefixed("going_", errs), func(d *templateData) {
		d.FormName, d.Form = "going", form
		if d.Commit != nil {
			d.Commit.ErrorAppt = r.PathValue("apptID")
		}
	})
}

// goingReturn is where a sign-up form leads back to: the page it was on.
func goingReturn(ret, caseID, apptID string) string {
	switch ret {
	case "home":
		return "/"
	case "tasks":
		return "/me/tasks"
	}
	return "/cases/" + caseID + "#appt-" + apptID
}

// needPost marks a kind as needed for the case, until a day or with no
// end (coordinators).
func (s *Server) needPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	var f needForm
	decodeForm(r, &f)
	c, org := caseFrom(r), orgFrom(r)
	lang := langFrom(r)
	errs := s.validateForm(lang, &f)
	if _, bad := errs["kind"]; !bad && !model.ValidCommitmentKind(model.CommitmentKind(f.Kind)) {
		errs["kind"] = lang.T("err.choice")
	}
	if _, bad := errs["until"]; !bad && f.Until != "" && f.Until < s.orgToday(org).String() {
		errs["until"] = lang.T("err.not_past")
	}
	if len(errs) > 0 {
		return s.caseRejected(w, r, "need", &f, prefixed("need_", errs))
	}
	if err := s.store.SetNeed(r.Context(), c, viewerFrom(r).UserID, model.CommitmentKind(f.Kind), f.Until); err != nil {
		return err
	}
	s.flash(r, "need.saved")
	http.Redirect(w, r, "/cases/"+c.ID+"#needs", http.StatusSeeOther)
	return nil
}

// needRemovePost takes a kind off the case's needs (coordinators).
func (s *Server) needRemovePost(w http.ResponseWriter, r *http.Request) error {
	c := caseFrom(r)
	kind := model.CommitmentKind(r.PathValue("kind"))
	if !model.ValidCommitmentKind(kind) {
		return errNotFound
	}
	if err := s.store.RemoveNeed(r.Context(), c, viewerFrom(r).UserID, kind); err != nil {
		return err
	}
	s.flash(r, "need.removed")
	http.Redirect(w, r, "/cases/"+c.ID+"#needs", http.StatusSeeOther)
	return nil
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
