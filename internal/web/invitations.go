package web

import (
	"errors"
	"net/http"

	"puente/internal/auth"
	"puente/internal/authz"
	"puente/internal/model"
)

type invitationForm struct {
	Email string `form:"email" validate:"required,safetext,max=254,email" required:"invite_email"`
	Role  string `form:"role" validate:"required,oneof=admin coordinator member" required:"role"`
}

// invitationPage offers the roles the viewer may invite with here: a
// network admin setting up a new group offers only its first coordinator.
func (s *Server) invitationPage(r *http.Request) *templateData {
	d := s.newData(r)
	d.Org = orgFrom(r)
	d.Roles = authz.InviteRoles(viewerFrom(r).Viewer, d.Org)
	d.Title = d.T("invite.new.title")
	return d
}

func (s *Server) invitationNewForm(w http.ResponseWriter, r *http.Request) error {
	d := s.invitationPage(r)
	if len(d.Roles) == 0 {
		return model.ErrForbidden
	}
	d.Form = &invitationForm{Role: string(d.Roles[len(d.Roles)-1])}
	return s.render(w, r, http.StatusOK, "invite_new", d)
}

// invitationCreatePost records the invitation and shows its link once: only
// the link's hash is kept, so it cannot be shown again. On a server that
// sends email, the link is also queued for the invited address.
func (s *Server) invitationCreatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	org := orgFrom(r)
	var f invitationForm
	decodeForm(r, &f)
	d := s.invitationPage(r)
	d.Errors = s.validateForm(d.Lang, &f)
	if _, bad := d.Errors["role"]; !bad && !authz.CanInvite(viewerFrom(r).Viewer, org, model.Role(f.Role)) {
		d.Errors["role"] = d.T("err.choice")
	}
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "invite_new", d, &f)
	}
	token := auth.NewToken()
	if _, err := s.store.CreateInvitation(r.Context(), org, f.Email, model.Role(f.Role), auth.HashToken(token),
		viewerFrom(r).UserID, s.clientIP(r)); err != nil {
		return err
	}
	d.Title = d.T("invite.issued.title")
	d.Link = s.cfg.BaseURL + "/invite/" + token
	d.Message = d.T("invite.issued.body", f.Email, d.RoleName(model.Role(f.Role)), org.Name)
	// With email, the link goes to the address too; the page keeps it
	// (folded) for when the message does not arrive.
	sent, err := s.sendLink(r.Context(), invitationEmail(d.Lang, f.Email, d.Link), model.EmailInvitation)
	if err != nil {
		return err
	}
	if sent {
		linkSent(d, f.Email)
		d.Message = d.T("invite.sent.body", f.Email, d.RoleName(model.Role(f.Role)), org.Name)
	}
	return s.render(w, r, http.StatusOK, "link", d)
}

func (s *Server) invitationRevokePost(w http.ResponseWriter, r *http.Request) error {
	org := orgFrom(r)
	if err := s.store.RevokeInvitation(r.Context(), org.ID, r.PathValue("invID"), viewerFrom(r).UserID, s.clientIP(r)); err != nil {
		return err
	}
	s.flashTo(w, r, "invite.revoked", orgPath(org))
	return nil
}

// acceptForm is the one form of an invitation link, whether or not its
// address already has an account: the page must not tell whoever holds
// the link which it is (issue 8). A newcomer's name and password make their
// account; an existing account's password proves it is theirs, and the name
// is then left as the account has it.
type acceptForm struct {
	Name            string `form:"name" validate:"required,safetext,max=100" required:"your_name"`
	Password        string `form:"password" validate:"required,safetext,max=128" required:"new_password"`
	PasswordConfirm string `form:"password_confirm" validate:"required,eqfield=Password" required:"password_again"`
}

// acceptPage reads the invitation, checked against today's facts: one whose
// issuer may no longer invite into its organisation answers 404 like any
// dead link (and the attempt is in the security log).
func (s *Server) acceptPage(r *http.Request) (*templateData, error) {
	inv, err := s.store.InvitationByToken(r.Context(), auth.HashToken(r.PathValue("token")), s.clientIP(r), authz.LinkLive)
	if err != nil {
		return nil, err
	}
	d := s.newData(r)
	d.Invitation = inv
	d.Title = d.T("invite.accept.title")
	return d, nil
}

func (s *Server) inviteAcceptForm(w http.ResponseWriter, r *http.Request) error {
	d, err := s.acceptPage(r)
	if err != nil {
		return err
	}
	d.Form = &acceptForm{}
	return s.render(w, r, http.StatusOK, "invite_accept", d)
}

// inviteAcceptPost: both paths validate the same fields first and look
// alike until the password is checked, against the existing account's
// hash or, for a new address, against the strength rules.
func (s *Server) inviteAcceptPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	ctx := r.Context()
	ip := s.clientIP(r)
	refundAttempt, err := s.allowAttempt(r)
	if err != nil {
		return err
	}
	d, err := s.acceptPage(r)
	if err != nil {
		return err
	}
	var f acceptForm
	decodeForm(r, &f)
	if d.Errors = s.validateForm(d.Lang, &f); len(d.Errors) > 0 {
		return s.formRejected(w, r, "invite_accept", d, &f)
	}
	existing, err := s.store.UserByEmail(ctx, d.Invitation.Email)
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		return err
	}
	tokenHash := auth.HashToken(r.PathValue("token"))
	var u model.User
	if existing.ID != "" {
		match, err := s.checkPassword(r, existing, existing.Email, f.Password)
		if err != nil {
			return err
		}
		if !match {
			if err := s.store.RecordEvent(ctx, model.Event{Kind: model.EventSigninFailed, SubjectID: existing.ID, IP: ip}); err != nil {
				return err
			}
			d.Errors["password"] = d.T("invite.accept.wrong_password")
			return s.formRejected(w, r, "invite_accept", d, &f)
		}
		if u, err = s.store.AcceptInvitation(ctx, tokenHash, "", "", existing.ID, ip, authz.LinkLive); err != nil {
			return err
		}
	} else {
		p := auth.Personal{Name: f.Name, Email: d.Invitation.Email, Orgs: []string{d.Invitation.OrgName}}
		if key := auth.PasswordProblem(f.Password, p); key != "" {
			d.Errors["password"] = d.T(key)
			return s.formRejected(w, r, "invite_accept", d, &f)
		}
		hash, err := s.hasher.Hash(ctx, f.Password)
		if err != nil {
			return err
		}
		if u, err = s.store.AcceptInvitation(ctx, tokenHash, f.Name, hash, "", ip, authz.LinkLive); err != nil {
			return err
		}
	}
	refundAttempt() // accepted: only failures count
	if u.TwoFactor {
		// The password alone opens no session for an account with a
		// second factor: the invitation is accepted, the sign-in waits
		// for the code.
		if err := s.beginSecondStep(r, u, d.Invitation.OrgID); err != nil {
			return err
		}
		s.flashTo(w, r, "invite.accepted", "/login/code")
		return nil
	}
	if err := s.signIn(r, u, d.Invitation.OrgID, false); err != nil {
		return err
	}
	s.flashTo(w, r, "invite.accepted", "/")
	return nil
}
