package web

import (
	"net/http"

	"puente/internal/auth"
	"puente/internal/authz"
	"puente/internal/model"
)

type resetForm struct {
	Password        string `form:"password" validate:"required,safetext,max=128" required:"new_password"`
	PasswordConfirm string `form:"password_confirm" validate:"required,eqfield=Password" required:"password_again"`
}

// resetPage reads the link, checked against today's facts: a link whose
// issuer lost the authority it needed, or whose person gained a role since,
// answers 404 like any dead link (and the attempt is in the security log).
func (s *Server) resetPage(r *http.Request) (*templateData, error) {
	rs, err := s.store.ResetByToken(r.Context(), auth.HashToken(r.PathValue("token")), s.clientIP(r), authz.LinkLive)
	if err != nil {
		return nil, err
	}
	d := s.newData(r)
	d.Reset = rs
	d.Title = d.T("reset.title")
	return d, nil
}

func (s *Server) resetForm(w http.ResponseWriter, r *http.Request) error {
	d, err := s.resetPage(r)
	if err != nil {
		return err
	}
	d.Form = &resetForm{}
	return s.render(w, r, http.StatusOK, "reset", d)
}

// resetPost sets the new password, ends every session of the account,
// stops its calendar feeds (store.UseReset) and sends the person to sign
// in with it.
func (s *Server) resetPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d, err := s.resetPage(r)
	if err != nil {
		return err
	}
	var f resetForm
	decodeForm(r, &f)
	d.Errors = s.validateForm(d.Lang, &f)
	if _, bad := d.Errors["password"]; !bad {
		ms, err := s.store.Memberships(r.Context(), d.Reset.UserID)
		if err != nil {
			return err
		}
		if p := auth.PasswordProblem(f.Password, personal(model.User{Name: d.Reset.Name, Email: d.Reset.Email}, ms)); p != "" {
			d.Errors["password"] = d.T(p)
		}
	}
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "reset", d, &f)
	}
	hash, err := s.hasher.Hash(r.Context(), f.Password)
	if err != nil {
		return err
	}
	if _, err := s.store.UseReset(r.Context(), auth.HashToken(r.PathValue("token")), hash, s.clientIP(r), authz.LinkLive); err != nil {
		return err
	}
	if err := s.sessions.Destroy(r.Context()); err != nil {
		return err
	}
	http.Redirect(w, r, "/login?reset=1", http.StatusSeeOther)
	return nil
}
