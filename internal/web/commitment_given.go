package web

import (
	"net/http"

	"puente/internal/authz"
	"puente/internal/ledger"
	"puente/internal/model"
)

// givenNewForm is the page that records what was given against the
// commitment in the URL: by one of its holders, or a coordinator.
func (s *Server) givenNewForm(w http.ResponseWriter, r *http.Request) error {
	cm, err := s.loadCommitment(r)
	if err != nil {
		return err
	}
	d, err := s.givenPage(r, cm)
	if err != nil {
		return err
	}
	d.Form = &givenForm{GivenOn: d.Commit.Today, GivenBy: viewerFrom(r).UserID}
	return s.render(w, r, http.StatusOK, "given_new", d)
}

// givenPage starts givenNewForm's page (403 for whoever may not record).
func (s *Server) givenPage(r *http.Request, cm model.Commitment) (*templateData, error) {
	v := viewerFrom(r)
	if !caseFrom(r).Open() || !authz.RecordGiven(v.Viewer, orgFrom(r), cm.HolderIDs()) {
		return nil, model.ErrForbidden
	}
	d, err := s.commitmentPage(r, "given.add")
	if err != nil {
		return nil, err
	}
	d.Commit.Commitment = d.commitmentViewOf(cm, s.orgToday(d.Org), v.UserID)
	d.Title = d.T("given.add_for", d.Commit.Commitment.Name)
	return d, nil
}

// givenDeleteForm asks before a record of what was given is deleted: the
// commitment's totals and state change with it.
func (s *Server) givenDeleteForm(w http.ResponseWriter, r *http.Request) error {
	c, org, v := caseFrom(r), orgFrom(r), viewerFrom(r)
	if err := openCase(c); err != nil {
		return err
	}
	g, err := s.store.GivenRecord(r.Context(), c.ID, r.PathValue("commitmentID"), r.PathValue("recordID"))
	if err != nil {
		return err
	}
	if !authz.RemoveGiven(v.Viewer, org, g.RecordedByID) {
		return model.ErrForbidden
	}
	cm, err := s.loadCommitment(r)
	if err != nil {
		return err
	}
	d := s.casePageData(r)
	what := d.Day(g.GivenOn)
	if g.AmountCents > 0 {
		what += " · " + ledger.Format(ledger.Cents(g.AmountCents), cm.Currency)
	}
	if g.Description != "" {
		what += " · " + g.Description
	}
	base := "/cases/" + c.ID + "/commitments/" + cm.ID
	return s.confirm(w, r, http.StatusOK, d, &confirmView{
		Title: d.T("confirm.given.title"), Lead: d.T("confirm.given.lead", d.commitmentName(cm)),
		Lost:   []string{what, d.T("confirm.given.totals")},
		Action: base + "/given/" + g.ID + "/delete", Button: d.T("given.delete_for", d.Day(g.GivenOn)),
		Cancel: base + "#given",
	})
}

// givenCreatePost records what was given against the commitment in the URL.
func (s *Server) givenCreatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	cm, err := s.loadCommitment(r)
	if err != nil {
		return err
	}
	v, c, org := viewerFrom(r), caseFrom(r), orgFrom(r)
	if !authz.RecordGiven(v.Viewer, org, cm.HolderIDs()) {
		return model.ErrForbidden
	}
	members, err := s.store.Members(r.Context(), org.ID, string(langFrom(r)))
	if err != nil {
		return err
	}
	var f givenForm
	decodeForm(r, &f)
	lang := langFrom(r)
	mayName := func(id string) bool { return isMember(members, id) && authz.ActFor(v.Viewer, org, id) }
	g, errs := s.checkGiven(lang, &f, cm, s.orgToday(org).String(), mayName)
	if len(errs) > 0 {
		d, err := s.givenPage(r, cm)
		if err != nil {
			return err
		}
		d.Errors = errs
		return s.formRejected(w, r, "given_new", d, &f)
	}
	if _, err := s.store.AddGivenRecord(r.Context(), c, cm.ID, v.UserID, g); err != nil {
		return err
	}
	s.flashTo(w, r, "given.saved", "/cases/"+c.ID+"/commitments/"+cm.ID+"#given")
	return nil
}

// givenDeletePost removes a record entered by mistake: by whoever entered
// it, or a coordinator.
func (s *Server) givenDeletePost(w http.ResponseWriter, r *http.Request) error {
	c, org, v := caseFrom(r), orgFrom(r), viewerFrom(r)
	g, err := s.store.GivenRecord(r.Context(), c.ID, r.PathValue("commitmentID"), r.PathValue("recordID"))
	if err != nil {
		return err
	}
	if !authz.RemoveGiven(v.Viewer, org, g.RecordedByID) {
		return model.ErrForbidden
	}
	if err := s.store.DeleteGivenRecord(r.Context(), c, g.CommitmentID, g.ID, v.UserID); err != nil {
		return err
	}
	s.flashTo(w, r, "given.removed", "/cases/"+c.ID+"/commitments/"+g.CommitmentID+"#given")
	return nil
}
