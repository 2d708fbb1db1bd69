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
	d.Title = d.T("commit.assign_title", d.Commit.Commitment.KindLabel)
	return d, nil
}

// holderPost makes a member responsible for the commitment in the URL:
// the viewer themselves ("I'll do this"), or anyone for a coordinator.
func (s *Server) holderPost(w http.ResponseWriter, r *http.Request) error {
	return s.holderChange(w, r, true)
}

// holderRemovePost takes a member off the commitment in the URL.
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
