package web

import (
	"net/http"
	"strings"

	"puente/internal/auth"
)

type passwordForm struct {
	Current         string `form:"current_password" validate:"required,safetext,max=128"`
	Password        string `form:"password" validate:"required,safetext,max=128"`
	PasswordConfirm string `form:"password_confirm" validate:"required,eqfield=Password"`
}

func (s *Server) accountPage(r *http.Request) *templateData {
	d := s.newData(r)
	d.Title = d.T("account.title")
	return d
}

func (s *Server) accountView(w http.ResponseWriter, r *http.Request) error {
	d := s.accountPage(r)
	d.Form = &passwordForm{}
	return s.render(w, r, http.StatusOK, "account", d)
}

// accountPasswordPost changes the viewer's password after checking the
// current one; every other session of the account ends, this one is renewed.
func (s *Server) accountPasswordPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	ctx := r.Context()
	v := viewerFrom(r)
	var f passwordForm
	decodeForm(r, &f)
	d := s.accountPage(r)
	d.Errors = s.validateForm(d.Lang, &f)
	if _, bad := d.Errors["password"]; !bad {
		if p := auth.PasswordProblem(f.Password, v.User.Email, v.User.Name); p != "" {
			d.Errors["password"] = d.T(p)
		}
	}
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "account", d, &f)
	}
	if ok, retry, _ := s.acctLimit.Allow(strings.ToLower(v.User.Email), s.now()); !ok {
		return errThrottled(retry)
	}
	match, err := s.hasher.Verify(ctx, v.User.PasswordHash, f.Current)
	if err != nil {
		return err
	}
	if !match {
		d.Errors["current_password"] = d.T("account.wrong_password")
		return s.formRejected(w, r, "account", d, &f)
	}
	hash, err := s.hasher.Hash(ctx, f.Password)
	if err != nil {
		return err
	}
	u, err := s.store.ChangePassword(ctx, v.UserID, hash, s.clientIP(r))
	if err != nil {
		return err
	}
	if err := s.signIn(r, u, v.Current.OrgID); err != nil {
		return err
	}
	s.flash(r, "account.password_changed")
	http.Redirect(w, r, "/account", http.StatusSeeOther)
	return nil
}
