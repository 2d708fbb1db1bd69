package web

import (
	"errors"
	"net/http"
	"strings"

	"puente/internal/auth"
	"puente/internal/model"
)

type invitationForm struct {
	Email string `form:"email" validate:"required,safetext,max=254,email"`
	Role  string `form:"role" validate:"required,oneof=admin coordinator member"`
}

func (s *Server) invitationPage(r *http.Request) *templateData {
	d := s.newData(r)
	d.Org = orgFrom(r)
	d.Roles = model.RolesFor(d.Org.Kind)
	d.Title = d.T("invite.new.title")
	return d
}

func (s *Server) invitationNewForm(w http.ResponseWriter, r *http.Request) error {
	d := s.invitationPage(r)
	d.Form = &invitationForm{Role: string(d.Roles[len(d.Roles)-1])}
	return s.render(w, r, http.StatusOK, "invite_new", d)
}

// invitationCreatePost records the invitation and shows its link once: only
// the link's hash is kept, so it cannot be shown again.
func (s *Server) invitationCreatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	org := orgFrom(r)
	var f invitationForm
	decodeForm(r, &f)
	d := s.invitationPage(r)
	d.Errors = s.validateForm(d.Lang, &f)
	if _, bad := d.Errors["role"]; !bad && !model.ValidRole(org.Kind, model.Role(f.Role)) {
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
	d.Message = d.T("invite.issued.body", f.Email, d.RoleName(model.Role(f.Role)), org.Name)
	d.Link = s.cfg.BaseURL + "/invite/" + token
	return s.render(w, r, http.StatusOK, "link", d)
}

func (s *Server) invitationRevokePost(w http.ResponseWriter, r *http.Request) error {
	org := orgFrom(r)
	if err := s.store.RevokeInvitation(r.Context(), org.ID, r.PathValue("invID"), viewerFrom(r).UserID, s.clientIP(r)); err != nil {
		return err
	}
	s.flash(r, "invite.revoked")
	http.Redirect(w, r, orgPath(org), http.StatusSeeOther)
	return nil
}

// acceptForm serves both cases: a new account (name and password twice)
// and an existing one (its password, to prove it is theirs).
type acceptForm struct {
	Name            string `form:"name" validate:"required,safetext,max=100"`
	Password        string `form:"password" validate:"required,safetext,max=128"`
	PasswordConfirm string `form:"password_confirm" validate:"required,eqfield=Password"`
}

type acceptExistingForm struct {
	Password string `form:"password" validate:"required,safetext,max=128"`
}

func (s *Server) acceptPage(r *http.Request) (*templateData, model.User, error) {
	ctx := r.Context()
	inv, err := s.store.InvitationByToken(ctx, auth.HashToken(r.PathValue("token")))
	if err != nil {
		return nil, model.User{}, err
	}
	d := s.newData(r)
	d.Invitation = inv
	d.Title = d.T("invite.accept.title")
	u, err := s.store.UserByEmail(ctx, inv.Email)
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		return nil, model.User{}, err
	}
	d.HasAccount = u.ID != ""
	return d, u, nil
}

func (s *Server) inviteAcceptForm(w http.ResponseWriter, r *http.Request) error {
	d, _, err := s.acceptPage(r)
	if err != nil {
		return err
	}
	d.Form = &acceptForm{}
	return s.render(w, r, http.StatusOK, "invite_accept", d)
}

func (s *Server) inviteAcceptPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	ctx := r.Context()
	ip := s.clientIP(r)
	if ok, retry, _ := s.ipLimit.Allow(ip, s.now()); !ok {
		return errThrottled(retry)
	}
	d, existing, err := s.acceptPage(r)
	if err != nil {
		return err
	}
	tokenHash := auth.HashToken(r.PathValue("token"))
	var u model.User
	if d.HasAccount {
		var f acceptExistingForm
		decodeForm(r, &f)
		if d.Errors = s.validateForm(d.Lang, &f); len(d.Errors) > 0 {
			return s.formRejected(w, r, "invite_accept", d, &acceptForm{})
		}
		if ok, retry, _ := s.acctLimit.Allow(strings.ToLower(existing.Email), s.now()); !ok {
			return errThrottled(retry)
		}
		match, err := s.hasher.Verify(ctx, existing.PasswordHash, f.Password)
		if err != nil {
			return err
		}
		if !match {
			if err := s.store.RecordEvent(ctx, model.Event{Kind: model.EventSigninFailed, SubjectID: existing.ID, IP: ip}); err != nil {
				return err
			}
			d.Errors["password"] = d.T("invite.accept.wrong_password")
			return s.formRejected(w, r, "invite_accept", d, &acceptForm{})
		}
		if u, err = s.store.AcceptInvitation(ctx, tokenHash, "", "", existing.ID, ip); err != nil {
			return err
		}
	} else {
		var f acceptForm
		decodeForm(r, &f)
		d.Errors = s.validateForm(d.Lang, &f)
		if _, bad := d.Errors["password"]; !bad {
			if p := auth.PasswordProblem(f.Password, d.Invitation.Email, f.Name); p != "" {
				d.Errors["password"] = d.T(p)
			}
		}
		if len(d.Errors) > 0 {
			return s.formRejected(w, r, "invite_accept", d, &f)
		}
		hash, err := s.hasher.Hash(ctx, f.Password)
		if err != nil {
			return err
		}
		if u, err = s.store.AcceptInvitation(ctx, tokenHash, f.Name, hash, "", ip); err != nil {
			return err
		}
	}
	if err := s.signIn(r, u, d.Invitation.OrgID); err != nil {
		return err
	}
	s.flash(r, "invite.accepted")
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}
