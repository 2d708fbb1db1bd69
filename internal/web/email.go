package web

import (
	"context"
	"net/http"
	"slices"
	"time"

	"puente/internal/i18n"
	"puente/internal/mail"
	"puente/internal/model"
	"puente/internal/store"
)

// emailData is the email part of a page.
type emailData struct {
	// On says the server sends email.
	On bool
	// SentTo is, on a link's page, the address the link was sent to.
	SentTo string
	// Digest is the account's digest choice, among Choices; InGroup says
	// whether the person is in a sponsor group (a digest is about a
	// group's cases).
	Digest  model.Digest
	Choices []model.Digest
	InGroup bool
	// Status is the outbox's status, on the admin's page; Since is the
	// day its count of given-up messages starts.
	Status *store.MailStatus
}

// mailFailedDays is how far back the admin's page counts messages given up.
const mailFailedDays = 7

// sendLink queues the message that carries a one-time link (an invitation
// or a reset), when the server sends email, and wakes the sender; the
// request never waits for the mail server. It reports whether it queued.
func (s *Server) sendLink(ctx context.Context, e model.Email, kind model.EmailKind) (bool, error) {
	if !s.cfg.Mail {
		return false, nil
	}
	if err := s.store.EnqueueEmail(ctx, kind, e); err != nil {
		return false, err
	}
	if s.cfg.MailWake != nil {
		s.cfg.MailWake()
	}
	return true, nil
}

// linkSent fills the link page for a link that was also sent by email.
func linkSent(d *templateData, to string) {
	d.Email = &emailData{On: true, SentTo: to}
}

// fillDigest puts the account's digest choice on the account page.
func (s *Server) fillDigest(r *http.Request, d *templateData) error {
	v := viewerFrom(r)
	dg, err := s.store.UserDigest(r.Context(), v.UserID)
	if err != nil {
		return err
	}
	d.Email = &emailData{On: s.cfg.Mail, Digest: dg,
		Choices: []model.Digest{model.DigestNone, model.DigestDaily, model.DigestWeekly},
		InGroup: slices.ContainsFunc(v.Memberships, func(m model.Membership) bool { return m.OrgKind == model.KindGroup })}
	return nil
}

type digestForm struct {
	Digest string `form:"digest" validate:"required,oneof=none daily weekly" required:"digest"`
}

// accountDigestPost records the viewer's digest choice. Choosing none is
// always possible; daily or weekly only on a server that sends email.
func (s *Server) accountDigestPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	var f digestForm
	decodeForm(r, &f)
	d, err := s.accountPage(r)
	if err != nil {
		return err
	}
	d.Errors = s.validateForm(d.Lang, &f)
	if len(d.Errors) == 0 && !s.cfg.Mail && model.Digest(f.Digest) != model.DigestNone {
		d.Errors["digest"] = d.T("account.digest.off")
	}
	if len(d.Errors) > 0 && (!d.Email.On || !d.Email.InGroup) {
		// The page shows no digest choice (no email, or no group): the
		// message is about the request, and links to no field.
		d.FormError, d.Errors = d.Errors["digest"], map[string]string{}
	}
	if d.HasErrors() {
		d.FormName = "digest"
		d.Form = &passwordForm{}
		d.Email.Digest = model.Digest(f.Digest)
		return s.render(w, r, http.StatusUnprocessableEntity, "account", d)
	}
	if err := s.store.SetDigest(r.Context(), viewerFrom(r).UserID, model.Digest(f.Digest)); err != nil {
		return err
	}
	s.flashTo(w, r, "account.digest.saved", "/account#digest-heading")
	return nil
}

// mailStatus reads the outbox's status for the admin's page; nil fields
// when the server sends no email.
func (s *Server) mailStatus(ctx context.Context) (*emailData, error) {
	e := &emailData{On: s.cfg.Mail}
	if !s.cfg.Mail {
		return e, nil
	}
	st, err := s.store.MailStatus(ctx, s.now().Add(-mailFailedDays*24*time.Hour))
	if err != nil {
		return nil, err
	}
	e.Status = &st
	return e, nil
}

// invitationEmail and resetEmail write the messages of the two links, in
// the issuer's page language (the recipient may have none yet).
func invitationEmail(lang i18n.Lang, to, link string) model.Email {
	return mail.Invitation(lang, to, link)
}
func resetEmail(lang i18n.Lang, to, link string) model.Email { return mail.Reset(lang, to, link) }
