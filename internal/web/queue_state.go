package web

import (
	"errors"
	"net/http"

	"puente/internal/i18n"
	"puente/internal/mail"
	"puente/internal/model"
	"puente/internal/store"
)

// stateForm moves an entry along the pipeline by hand.
type stateForm struct {
	State string `form:"state" validate:"required,max=40" required:"queue_stage"`
}

// queueStatePost moves the entry to the state chosen, recording when and
// who. Offered and accepted follow from offers; closing has a page of its
// own (a reason). A state not settable: 422 on the entry page.
func (s *Server) queueStatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d := s.queuePage(r)
	if err := s.queueEntry(r, d); err != nil {
		return err
	}
	var f stateForm
	decodeForm(r, &f)
	st := model.QueueState(f.State)
	if !model.SettableQueueState(st) {
		d.Errors["state"] = d.T("err.choice")
		d.Form = &f
		return s.renderEntry(w, r, http.StatusUnprocessableEntity, d)
	}
	err := s.store.SetQueueState(r.Context(), d.Org, d.Queue.Entry.ID, st, viewerFrom(r).UserID)
	switch {
	case errors.Is(err, store.ErrOfferOpen):
		d.Errors["state"] = d.T("queue.state.offer_open")
		d.Form = &f
		return s.renderEntry(w, r, http.StatusUnprocessableEntity, d)
	case errors.Is(err, store.ErrQueueNotPlaced):
		d.Errors["state"] = d.T("queue.state.not_placed")
		d.Form = &f
		return s.renderEntry(w, r, http.StatusUnprocessableEntity, d)
	case errors.Is(err, store.ErrQueueLinked):
		d.Errors["state"] = d.T("queue.state.linked")
		d.Form = &f
		return s.renderEntry(w, r, http.StatusUnprocessableEntity, d)
	case errors.Is(err, model.ErrForbidden):
		d.Errors["state"] = d.T("queue.state.is_closed")
		d.Form = &f
		return s.renderEntry(w, r, http.StatusUnprocessableEntity, d)
	case err != nil:
		return err
	}
	s.flashTo(w, r, "queue.state.saved", orgPath(d.Org)+"/queue/"+d.Queue.Entry.ID)
	return nil
}

// queueCloseView is the confirmation page that closes an entry.
func (s *Server) queueCloseView(d *templateData, reason string) *confirmView {
	e := d.Queue.Entry
	path := orgPath(d.Org) + "/queue/" + e.ID
	lead := d.T("queue.close.lead")
	if e.CaseID != "" {
		lead += " " + d.T("queue.close.lead_placed", e.GroupName)
	}
	return &confirmView{Title: d.T("queue.close.title", e.Pseudonym), Lead: lead,
		Action: path + "/close", Button: d.T("queue.close.button"), Cancel: path,
		Reasons: model.QueueCloseReasons, Reason: reason, ReasonPrefix: "queue.close.reason.", ReasonLabel: d.T("queue.close.why")}
}

// queueCloseForm asks why before an entry leaves the queue.
func (s *Server) queueCloseForm(w http.ResponseWriter, r *http.Request) error {
	d := s.queuePage(r)
	if err := s.queueEntry(r, d); err != nil {
		return err
	}
	if d.Queue.Entry.State == model.QueueClosed {
		return model.ErrForbidden
	}
	return s.confirm(w, r, http.StatusOK, d, s.queueCloseView(d, ""))
}

type queueCloseForm struct {
	Reason string `form:"reason" validate:"max=40"`
}

// queueClosePost closes the entry with the reason chosen; none or an
// unknown one: 422, nothing written.
func (s *Server) queueClosePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d := s.queuePage(r)
	if err := s.queueEntry(r, d); err != nil {
		return err
	}
	var f queueCloseForm
	decodeForm(r, &f)
	ok := false
	for _, c := range model.QueueCloseReasons {
		ok = ok || c == f.Reason
	}
	if !ok {
		d.Errors["reason"] = d.T("err.choice")
		d.Form = &f
		return s.confirm(w, r, http.StatusUnprocessableEntity, d, s.queueCloseView(d, ""))
	}
	err := s.store.CloseQueueEntryTelling(r.Context(), d.Org, d.Queue.Entry.ID, f.Reason, viewerFrom(r).UserID, s.placementClosedEmails)
	if errors.Is(err, store.ErrOfferOpen) {
		d.FormError = d.T("queue.state.offer_open")
		d.Form = &f
		return s.confirm(w, r, http.StatusUnprocessableEntity, d, s.queueCloseView(d, f.Reason))
	}
	if err != nil {
		return err
	}
	if d.Queue.Entry.CaseID != "" && s.cfg.Mail && s.cfg.MailWake != nil {
		s.cfg.MailWake()
	}
	s.flashTo(w, r, "queue.closed", orgPath(d.Org)+"/queue/"+d.Queue.Entry.ID)
	return nil
}

// placementClosedEmails writes, when the server sends email, the message
// that tells each coordinator of the group that the network closed the
// placement (mail.PlacementClosed), in the language each chose (English
// if none); nothing otherwise. The store queues them in the transaction
// that closes the entry.
func (s *Server) placementClosedEmails(cp store.ClosedPlacement) []model.Email {
	if !s.cfg.Mail {
		return nil
	}
	var out []model.Email
	for _, c := range cp.Coordinators {
		lang, ok := i18n.Parse(c.Lang)
		if !ok {
			lang = i18n.EN
		}
		out = append(out, mail.PlacementClosed(lang, c.Email, s.cfg.BaseURL, cp.CaseID, cp.CaseCode, cp.Reason))
	}
	return out
}

// queueRevealPost shows one restricted field of the entry, recording the
// reveal in the audit log (store.RevealQueueField), as a case's reveal.
func (s *Server) queueRevealPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	var f revealForm
	decodeForm(r, &f)
	if errs := s.validateForm(langFrom(r), &f); len(errs) > 0 {
		return errBadRequest
	}
	d := s.queuePage(r)
	if err := s.queueEntry(r, d); err != nil {
		return err
	}
	value, err := s.store.RevealQueueField(r.Context(), d.Org, d.Queue.Entry.ID, model.SensitiveField(f.Field), viewerFrom(r).UserID)
	if err != nil {
		return err
	}
	d.Title = d.T("reveal.title")
	d.RevealedLabel = d.T("field." + f.Field)
	d.Revealed = value
	if model.SensitiveField(f.Field) == model.FieldANumber {
		d.Revealed = model.FormatANumber(value)
	}
	return s.render(w, r, http.StatusOK, "queue_reveal", d)
}
