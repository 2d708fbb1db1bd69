package web

import (
	"net/http"

	"puente/internal/auth"
	"puente/internal/model"
)

type passwordForm struct {
	Current         string `form:"current_password" validate:"required,safetext,max=128" required:"current_password"`
	Password        string `form:"password" validate:"required,safetext,max=128" required:"new_password"`
	PasswordConfirm string `form:"password_confirm" validate:"required,eqfield=Password" required:"password_again"`
}

// accountPage lists the account's organisations and its live calendar
// feeds (changing the password stops them, and the page says so), and the
// digest choice.
func (s *Server) accountPage(r *http.Request) (*templateData, error) {
	d := s.newData(r)
	d.Title = d.T("account.title")
	var err error
	if d.Feeds, err = s.store.Feeds(r.Context(), viewerFrom(r).UserID); err != nil {
		return nil, err
	}
	return d, s.fillDigest(r, d)
}

func (s *Server) accountView(w http.ResponseWriter, r *http.Request) error {
	d, err := s.accountPage(r)
	if err != nil {
		return err
	}
	d.Form = &passwordForm{}
	return s.render(w, r, http.StatusOK, "account", d)
}

// accountPasswordPost changes the viewer's password after checking the
// current one; every other session of the account ends, this one is
// renewed, and the account's calendar feeds stop (store.ChangePassword).
func (s *Server) accountPasswordPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	ctx := r.Context()
	v := viewerFrom(r)
	var f passwordForm
	decodeForm(r, &f)
	d, err := s.accountPage(r)
	if err != nil {
		return err
	}
	d.Errors = s.validateForm(d.Lang, &f)
	if _, bad := d.Errors["password"]; !bad {
		if p := auth.PasswordProblem(f.Password, personal(v.User, v.Memberships)); p != "" {
			d.Errors["password"] = d.T(p)
		}
	}
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "account", d, &f)
	}
	match, err := s.checkPassword(r, v.User, v.User.Email, f.Current)
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
	if err := s.signIn(r, u, v.Current.OrgID, s.sessions.GetBool(ctx, sessTwoFactor)); err != nil {
		return err
	}
	if len(d.Feeds) > 0 {
		s.flash(r, "account.password_changed_feeds")
	} else {
		s.flash(r, "account.password_changed")
	}
	http.Redirect(w, r, "/account", http.StatusSeeOther)
	return nil
}

// personal is what u's password must not be made of: their name, email
// and organisations' names.
func personal(u model.User, ms []model.Membership) auth.Personal {
	p := auth.Personal{Name: u.Name, Email: u.Email}
	for _, m := range ms {
		p.Orgs = append(p.Orgs, m.OrgName)
	}
	return p
}
