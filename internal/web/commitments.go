package web

import (
	"net/http"

	"puente/internal/authz"
	"puente/internal/ledger"
	"puente/internal/model"
)

// recordsShown is how many records of what was given a commitment's page
// lists (newest first); the page says how many there are in all.
const recordsShown = 100

// commitmentPage is the data every commitment page of the case in the URL
// starts from: the group's members (holders, givers) and what the viewer
// may do.
func (s *Server) commitmentPage(r *http.Request, titleKey string) (*templateData, error) {
	d := s.newData(r)
	d.Case, d.Org = caseFrom(r), orgFrom(r)
	d.Title = d.T(titleKey)
	members, err := s.store.Members(r.Context(), d.Org.ID, string(d.Lang))
	if err != nil {
		return nil, err
	}
	v := viewerFrom(r)
	d.CanEditCases = authz.Can(v.Viewer, authz.EditCases, d.Org) && d.Case.Open()
	d.Commit = &commitData{
		Kinds: model.CommitmentKinds, EndKinds: model.EndKinds, Frequencies: model.Frequencies, Members: members,
		Currencies: ledger.Currencies(), Today: s.orgToday(d.Org).String(),
		CanManage: authz.Can(v.Viewer, authz.ManageCases, d.Org) && d.Case.Open(), CanAdd: d.CanEditCases,
	}
	return d, nil
}

func (s *Server) commitmentNewForm(w http.ResponseWriter, r *http.Request) error {
	if !caseFrom(r).Open() {
		return model.ErrForbidden
	}
	d, err := s.commitmentPage(r, "commit.new.title")
	if err != nil {
		return err
	}
	f := &commitmentPost{commitmentForm: commitmentForm{StartsOn: d.Commit.Today, EndKind: string(model.EndWorkPermit),
		Currency: ledger.DefaultCurrency, Frequency: "monthly"}}
	if k := model.CommitmentKind(r.URL.Query().Get("kind")); model.ValidCommitmentKind(k) {
		f.Kind = string(k) // "take this on" from a needed kind
	}
	d.Form = f
	return s.render(w, r, http.StatusOK, "commitment_new", d)
}

// commitmentCreatePost records a commitment. A member holds what they
// promise; a coordinator names who holds it (possibly nobody yet).
func (s *Server) commitmentCreatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d, err := s.commitmentPage(r, "commit.new.title")
	if err != nil {
		return err
	}
	v := viewerFrom(r)
	f := commitmentFormFrom(r)
	if !d.Commit.CanManage {
		f.Holders = []string{v.UserID}
	}
	in, errs := s.checkCommitment(d.Lang, &f, d.Commit.Members)
	if len(errs) > 0 {
		d.Errors = errs
		return s.formRejected(w, r, "commitment_new", d, &f)
	}
	id, err := s.store.AddCommitment(r.Context(), d.Case, v.UserID, in, f.Holders)
	if err != nil {
		return err
	}
	s.flashTo(w, r, "commit.saved", "/cases/"+d.Case.ID+"/commitments/"+id)
	return nil
}

// loadCommitment reads the commitment named in the URL, in the case in the URL.
func (s *Server) loadCommitment(r *http.Request) (model.Commitment, error) {
	return s.store.Commitment(r.Context(), caseFrom(r).ID, r.PathValue("commitmentID"), string(langFrom(r)))
}

// commitmentView is a commitment's own page: what it is and how it
// stands, who is responsible, what was given. Its forms (edit, record,
// make responsible) have pages of their own; cancelling, deleting a
// record and taking someone off a confirmation page; only "I will do this"
// is one tap.
func (s *Server) commitmentView(w http.ResponseWriter, r *http.Request) error {
	cm, err := s.loadCommitment(r)
	if err != nil {
		return err
	}
	d, err := s.commitmentPage(r, "commit.section")
	if err != nil {
		return err
	}
	v := viewerFrom(r)
	today := s.orgToday(d.Org)
	cd := d.Commit
	cd.Commitment = d.commitmentViewOf(cm, today, v.UserID)
	d.Title = d.T("commit.title", cd.Commitment.Name, d.Case.Code)
	holders := cm.HolderIDs()
	open := d.Case.Open()
	live := open && cm.CancelledOn == ""
	cd.CanChange = live && authz.ChangeCommitment(v.Viewer, d.Org, holders)
	cd.CanRecord = open && authz.RecordGiven(v.Viewer, d.Org, holders)
	cd.CanTakeOn = live && cd.CanAdd && !cm.HeldBy(v.UserID)
	cd.CanManage = cd.CanManage && live
	for _, h := range cm.Holders {
		cd.Holders = append(cd.Holders, holderView{Holder: h, CanRemove: live && authz.ActFor(v.Viewer, d.Org, h.UserID)})
	}
	recs, total, err := s.store.GivenRecords(r.Context(), d.Case.ID, cm.ID, recordsShown)
	if err != nil {
		return err
	}
	cd.RecordsTotal = total
	for _, g := range recs {
		rv := recordView{GivenRecord: g, CanRemove: open && authz.RemoveGiven(v.Viewer, d.Org, g.RecordedByID)}
		if g.AmountCents > 0 {
			rv.Amount = ledger.Format(ledger.Cents(g.AmountCents), cm.Currency)
		}
		cd.Records = append(cd.Records, rv)
	}
	return s.render(w, r, http.StatusOK, "commitment", d)
}

// commitmentEditForm is the edit form of a commitment the viewer may change.
func (s *Server) commitmentEditForm(w http.ResponseWriter, r *http.Request) error {
	cm, err := s.changeable(r)
	if err != nil {
		return err
	}
	d, err := s.commitmentPage(r, "commit.edit.title")
	if err != nil {
		return err
	}
	d.Commit.Commitment = d.commitmentViewOf(cm, s.orgToday(d.Org), viewerFrom(r).UserID)
	d.Form = formOfCommitment(cm)
	return s.render(w, r, http.StatusOK, "commitment_edit", d)
}

// changeable loads the commitment in the URL if the viewer may edit or
// cancel it (model.ErrForbidden otherwise: a cancelled one, a closed case,
// or one a member does not hold alone).
func (s *Server) changeable(r *http.Request) (model.Commitment, error) {
	cm, err := s.loadCommitment(r)
	if err != nil {
		return cm, err
	}
	if !caseFrom(r).Open() || cm.CancelledOn != "" || !authz.ChangeCommitment(viewerFrom(r).Viewer, orgFrom(r), cm.HolderIDs()) {
		return cm, model.ErrForbidden
	}
	return cm, nil
}

func (s *Server) commitmentUpdatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	cm, err := s.changeable(r)
	if err != nil {
		return err
	}
	d, err := s.commitmentPage(r, "commit.edit.title")
	if err != nil {
		return err
	}
	f := commitmentFormFrom(r)
	f.Holders = nil // holders change through their own buttons
	in, errs := s.checkCommitment(d.Lang, &f, d.Commit.Members)
	if err := s.keepGivenInPeriod(r, d, cm, in, errs); err != nil {
		return err
	}
	if len(errs) > 0 {
		d.Commit.Commitment = d.commitmentViewOf(cm, s.orgToday(d.Org), viewerFrom(r).UserID)
		d.Errors = errs
		return s.formRejected(w, r, "commitment_edit", d, &f)
	}
	if err := s.store.UpdateCommitment(r.Context(), d.Case, cm.ID, viewerFrom(r).UserID, in); err != nil {
		return err
	}
	s.flashTo(w, r, "commit.saved", "/cases/"+d.Case.ID+"/commitments/"+cm.ID)
	return nil
}

// commitmentCancelForm asks before a commitment is cancelled: it stops
// falling due and leaves the needs it met, and cannot be undone; what was
// given stays.
func (s *Server) commitmentCancelForm(w http.ResponseWriter, r *http.Request) error {
	cm, err := s.changeable(r)
	if err != nil {
		return err
	}
	d := s.casePageData(r)
	kind := d.T("commit.kind." + string(cm.Kind))
	what := kind
	if cm.Description != "" {
		what += " · " + cm.Description
	}
	return s.confirm(w, r, http.StatusOK, d, &confirmView{
		Title: d.T("confirm.commit.title", d.commitmentName(cm)), Lead: d.T("confirm.commit.lead", what),
		Lost:   []string{d.T("confirm.commit.due"), d.T("confirm.commit.needs"), d.T("confirm.commit.undo")},
		Kept:   d.T("confirm.commit.kept"),
		Action: "/cases/" + d.Case.ID + "/commitments/" + cm.ID + "/cancel", Button: d.T("commit.cancel"),
		Cancel: "/cases/" + d.Case.ID + "/commitments/" + cm.ID,
	})
}

// commitmentCancelPost cancels the commitment in the URL on the group's
// today, from its confirmation page.
func (s *Server) commitmentCancelPost(w http.ResponseWriter, r *http.Request) error {
	cm, err := s.changeable(r)
	if err != nil {
		return err
	}
	c := caseFrom(r)
	if err := s.store.CancelCommitment(r.Context(), c, cm.ID, viewerFrom(r).UserID, s.orgToday(orgFrom(r)).String()); err != nil {
		return err
	}
	s.flashTo(w, r, "commit.cancelled", "/cases/"+c.ID+"/commitments/"+cm.ID)
	return nil
}

// HolderChecked reports whether userID is ticked as a holder in the
// commitment form shown.
func (d *templateData) HolderChecked(userID string) bool {
	f, ok := d.Form.(*commitmentPost)
	if !ok {
		return false
	}
	for _, h := range f.Holders {
		if h == userID {
			return true
		}
	}
	return false
}

// keepGivenInPeriod refuses an edit that would leave what was already
// given outside the commitment's period (see checkGiven): a start after
// the first record, an end date before the last.
func (s *Server) keepGivenInPeriod(r *http.Request, d *templateData, cm model.Commitment, in model.CommitmentInput, errs map[string]string) error {
	if cm.Records == 0 {
		return nil
	}
	recs, _, err := s.store.GivenRecords(r.Context(), d.Case.ID, cm.ID, cm.Records)
	if err != nil || len(recs) == 0 {
		return err
	}
	first := recs[len(recs)-1].GivenOn // newest first
	c := rulesFor(d.Lang, "", errs)
	c.notAfter("starts_on", in.StartsOn, first, "err.start_after_given", d.FullDay(first))
	c.notBefore("ends_on", in.EndsOn, cm.LastGiven, "err.end_before_given", d.FullDay(cm.LastGiven))
	return nil
}
