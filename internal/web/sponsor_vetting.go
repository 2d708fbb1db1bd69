package web

import (
	"errors"
	"net/http"

	"puente/internal/model"
	"puente/internal/store"
)

// The network's staff record a group's vetting and declare its stage
// (issue 13). Approval is never set here: it follows from the records.

// vettingForm is one vetting item done for the group: which, for which
// adult (initials, per-adult items only), on which day.
type vettingForm struct {
	ItemID  string `form:"item_id" validate:"required,max=64" required:"vetting_item"`
	Subject string `form:"subject" validate:"max=40,safetext"`
	DoneOn  string `form:"done_on" validate:"required,isodate" required:"vetting_done_on"`
}

// stageForm is the stage the network declares.
type stageForm struct {
	Stage string `form:"stage" validate:"required,oneof=interested applied resting" required:"sponsor_stage"`
}

// vettingPost records a vetting item in one transaction. An item that is
// not the network's, a per-adult item without the adult's initials, or a
// day after today (the organisation's): 422 on the profile page, nothing
// written.
func (s *Server) vettingPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	f := &vettingForm{}
	decodeForm(r, f)
	d, err := s.sponsorPage(r)
	if err != nil {
		return err
	}
	d.FormName = "vetting"
	if len(d.Sponsor.Items) == 0 {
		// The form is not on the page until the network requires something.
		d.Errors = map[string]string{}
		d.FormError = d.T("sponsor.vetting.no_items")
		return s.formRejected(w, r, "sponsor_profile", d, f)
	}
	d.Errors = s.validateForm(d.Lang, f)
	var item *model.VettingItem
	for i := range d.Sponsor.Items {
		if d.Sponsor.Items[i].ID == f.ItemID {
			item = &d.Sponsor.Items[i]
		}
	}
	switch {
	case d.Errors["item_id"] != "":
	case item == nil:
		d.Errors["item_id"] = d.T("err.choice")
	case item.PerAdult && f.Subject == "" && d.Errors["subject"] == "":
		d.Errors["subject"] = d.T("sponsor.err.subject")
	}
	rulesFor(d.Lang, d.Sponsor.Today, d.Errors).past("done_on", f.DoneOn)
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "sponsor_profile", d, f)
	}
	err = s.store.RecordVetting(r.Context(), d.Org, f.ItemID, f.Subject, f.DoneOn, viewerFrom(r).UserID, s.clientIP(r))
	if errors.Is(err, store.ErrBadItem) {
		d.Errors["item_id"] = d.T("err.choice")
		return s.formRejected(w, r, "sponsor_profile", d, f)
	}
	if err != nil {
		return err
	}
	s.flashTo(w, r, "sponsor.vetting.saved", orgPath(d.Org)+"/profile")
	return nil
}

// stagePost declares the group interested, applied or resting.
func (s *Server) stagePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	f := &stageForm{}
	decodeForm(r, f)
	d, err := s.sponsorPage(r)
	if err != nil {
		return err
	}
	d.FormName = "stage"
	if d.Errors = s.validateForm(d.Lang, f); len(d.Errors) > 0 {
		return s.formRejected(w, r, "sponsor_profile", d, f)
	}
	if err := s.store.SetSponsorStage(r.Context(), d.Org, model.SponsorStage(f.Stage), viewerFrom(r).UserID, s.clientIP(r)); err != nil {
		return err
	}
	s.flashTo(w, r, "sponsor.stage.saved", orgPath(d.Org)+"/profile")
	return nil
}
