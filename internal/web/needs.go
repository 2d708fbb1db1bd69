package web

import (
	"net/http"

	"puente/internal/model"
)

// needNewForm is the page that marks a kind of help as needed for the
// case (coordinators), until a day or with no end.
func (s *Server) needNewForm(w http.ResponseWriter, r *http.Request) error {
	d, err := s.needPage(r)
	if err != nil {
		return err
	}
	d.Form = &needForm{}
	return s.render(w, r, http.StatusOK, "need_new", d)
}

// needPage starts the page of needNewForm for the case in the URL.
func (s *Server) needPage(r *http.Request) (*templateData, error) {
	d := s.casePageData(r)
	if err := openCase(d.Case); err != nil {
		return nil, err
	}
	d.Title = d.T("need.add")
	d.Commit = &commitData{Kinds: model.CommitmentKinds}
	return d, nil
}

// needRemoveForm asks before a need is taken off the case: the flag it
// raises while nobody is responsible goes with it.
func (s *Server) needRemoveForm(w http.ResponseWriter, r *http.Request) error {
	d := s.casePageData(r)
	if err := openCase(d.Case); err != nil {
		return err
	}
	kind := model.CommitmentKind(r.PathValue("kind"))
	needs, err := s.store.Needs(r.Context(), d.Case.ID)
	if err != nil {
		return err
	}
	found := false
	for _, n := range needs {
		found = found || n.Kind == kind
	}
	if !found {
		return errNotFound
	}
	label := d.T("commit.kind." + string(kind))
	return s.confirm(w, r, http.StatusOK, d, &confirmView{
		Title: d.T("confirm.need.title", label), Lead: d.T("confirm.need.lead", label),
		Lost: []string{d.T("confirm.need.flag")}, Kept: d.T("confirm.need.kept"),
		Action: "/cases/" + d.Case.ID + "/needs/" + string(kind) + "/remove", Button: d.T("need.remove_for", label),
		Cancel: "/cases/" + d.Case.ID + "#needs",
	})
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
		d, err := s.needPage(r)
		if err != nil {
			return err
		}
		d.Errors = errs
		return s.formRejected(w, r, "need_new", d, &f)
	}
	if err := s.store.SetNeed(r.Context(), c, viewerFrom(r).UserID, model.CommitmentKind(f.Kind), f.Until); err != nil {
		return err
	}
	s.flashTo(w, r, "need.saved", "/cases/"+c.ID+"#needs")
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
	s.flashTo(w, r, "need.removed", "/cases/"+c.ID+"#needs")
	return nil
}
