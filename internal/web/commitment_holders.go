package web

import (
	"net/http"

	"puente/internal/authz"
	"puente/internal/model"
)

// holderNewForm is the page on which a coordinator makes anyone in the
// group responsible for the commitment in the URL. Members take a
// commitment on themselves in one tap ("I will do this").
func (s *Server) holderNewForm(w http.ResponseWriter, r *http.Request) error {
	cm, err := s.loadCommitment(r)
	if err != nil {
		return err
	}
	d, err := s.holderPage(r, cm)
	if err != nil {
		return err
	}
	d.Form = &personForm{}
	return s.render(w, r, http.StatusOK, "holder_new", d)
}

// holderPage starts holderNewForm's page: only a coordinator of an open
// case, for a commitment not cancelled.
func (s *Server) holderPage(r *http.Request, cm model.Commitment) (*templateData, error) {
	d, err := s.commitmentPage(r, "commit.assign")
	if err != nil {
		return nil, err
	}
	if !d.Commit.CanManage || cm.CancelledOn != "" {
		return nil, model.ErrForbidden
	}
	d.Commit.Commitment = d.commitmentViewOf(cm, s.orgToday(d.Org), viewerFrom(r).UserID)
	d.Title = d.T("commit.assign_title", d.Commit.Commitment.Name)
	return d, nil
}

// holderPost makes a member responsible for the commitment in the URL:
// the viewer themselves ("I'll do this"), or anyone for a coordinator.
func (s *Server) holderPost(w http.ResponseWriter, r *http.Request) error {
	return s.holderChange(w, r, true)
}

// holderRemoveForm asks before a member (?user_id=, the viewer when
// absent) is taken off the commitment in the URL: GOV.UK's confirmation
// pattern, as for every removal. It says whether the commitment is left
// with nobody responsible. 404 for someone who does not hold it.
func (s *Server) holderRemoveForm(w http.ResponseWriter, r *http.Request) error {
	cm, err := s.loadCommitment(r)
	if err != nil {
		return err
	}
	v, c, org := viewerFrom(r), caseFrom(r), orgFrom(r)
	if !c.Open() || cm.CancelledOn != "" {
		return model.ErrForbidden
	}
	uid := r.URL.Query().Get("user_id")
	if uid == "" {
		uid = v.UserID
	}
	if !authz.ActFor(v.Viewer, org, uid) {
		return model.ErrForbidden
	}
	var holder *model.Holder
	for i := range cm.Holders {
		if cm.Holders[i].UserID == uid {
			holder = &cm.Holders[i]
		}
	}
	if holder == nil {
		return model.ErrNotFound
	}
	d := s.casePageData(r)
	kind := d.commitmentName(cm)
	cv := &confirmView{Title: d.T("confirm.holder.title", holder.Name, kind), Lead: d.T("confirm.holder.lead", holder.Name),
		Button: d.T("commit.drop_for", holder.Name)}
	if uid == v.UserID {
		cv.Title, cv.Lead, cv.Button = d.T("confirm.holder.title_mine", kind), d.T("confirm.holder.lead_mine"), d.T("commit.drop_mine")
	}
	if len(cm.Holders) == 1 {
		cv.Lost = []string{d.T("confirm.holder.nobody")}
	}
	base := "/cases/" + c.ID + "/commitments/" + cm.ID
	cv.Action, cv.Cancel = base+"/holders/remove", base+"#holders"
	cv.Hidden = []hiddenField{{Name: "user_id", Value: uid}}
	return s.confirm(w, r, http.StatusOK, d, cv)
}

// holderRemovePost takes a member off the commitment in the URL (from its
// confirmation page, holderRemoveForm).
func (s *Server) holderRemovePost(w http.ResponseWriter, r *http.Request) error {
	return s.holderChange(w, r, false)
}

func (s *Server) holderChange(w http.ResponseWriter, r *http.Request, add bool) error {
	if err := parseForm(r); err != nil {
		return err
	}
	cm, err := s.loadCommitment(r)
	if err != nil {
		return err
	}
	var f personForm
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
	if _, bad := errs["user_id"]; !bad && add && f.Pick == "1" && f.UserID == "" {
		errs["user_id"] = lang.T("err.required.holder")
	}
	if len(errs) == 0 && add {
		members, err := s.store.Members(r.Context(), org.ID, string(langFrom(r)))
		if err != nil {
			return err
		}
		if !isMember(members, uid) {
			errs["user_id"] = lang.T("err.choice")
		}
	}
	if len(errs) > 0 {
		d, err := s.holderPage(r, cm)
		if err != nil {
			return err
		}
		d.Errors = errs
		return s.formRejected(w, r, "holder_new", d, &f)
	}
	if add {
		err = s.store.AddHolder(r.Context(), c, cm.ID, v.UserID, uid)
	} else {
		err = s.store.RemoveHolder(r.Context(), c, cm.ID, v.UserID, uid)
	}
	if err != nil {
		return err
	}
	target := "/cases/" + c.ID + "/commitments/" + cm.ID
	switch f.Return {
	case "case":
		target = "/cases/" + c.ID + "#commitments"
	case "tasks":
		target = "/me/tasks"
	}
	s.flashTo(w, r, "commit.holders_saved", target)
	return nil
}
