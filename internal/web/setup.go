package web

import (
	"errors"
	"net/http"
	"net/url"

	"puente/internal/auth"
	"puente/internal/model"
	"puente/internal/store"
	"puente/internal/tz"
)

type setupForm struct {
	OrgName         string `form:"org_name" validate:"required,safetext,max=200" required:"org_name"`
	OrgKind         string `form:"org_kind" validate:"required,oneof=network group" required:"org_kind"`
	TimeZone        string `form:"time_zone" validate:"required,max=64" required:"time_zone"`
	Name            string `form:"name" validate:"required,safetext,max=100" required:"your_name"`
	Email           string `form:"email" validate:"required,safetext,max=254,email" required:"your_email"`
	Password        string `form:"password" validate:"required,safetext,max=128" required:"new_password"`
	PasswordConfirm string `form:"password_confirm" validate:"required,eqfield=Password" required:"password_again"`
}

// setupFormPage keeps the one-time token (checked by setupGate) in the
// form's address and in the language switch's return address.
func (s *Server) setupFormPage(r *http.Request) *templateData {
	d := s.newData(r)
	d.Title = d.T("setup.title")
	d.SetupToken = r.URL.Query().Get("token")
	d.Path = "/setup?" + url.Values{"token": {d.SetupToken}}.Encode()
	return d
}

func (s *Server) setupForm(w http.ResponseWriter, r *http.Request) error {
	d := s.setupFormPage(r)
	d.Form = &setupForm{OrgKind: string(model.KindGroup)}
	return s.render(w, r, http.StatusOK, "setup", d)
}

func (s *Server) setupPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	var f setupForm
	decodeForm(r, &f)
	d := s.setupFormPage(r)
	d.Errors = s.validateForm(d.Lang, &f)
	if _, bad := d.Errors["time_zone"]; !bad && !tz.Valid(f.TimeZone) {
		d.Errors["time_zone"] = d.T("err.time_zone")
	}
	if _, bad := d.Errors["password"]; !bad {
		if p := auth.PasswordProblem(f.Password, auth.Personal{Name: f.Name, Email: f.Email, Orgs: []string{f.OrgName}}); p != "" {
			d.Errors["password"] = d.T(p)
		}
	}
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "setup", d, &f)
	}
	hash, err := s.hasher.Hash(r.Context(), f.Password)
	if err != nil {
		return err
	}
	u, org, err := s.store.Setup(r.Context(), store.SetupInput{
		OrgName: f.OrgName, OrgKind: model.OrgKind(f.OrgKind), TimeZone: f.TimeZone, Name: f.Name, Email: f.Email,
		PasswordHash: hash, IP: s.clientIP(r),
	})
	if errors.Is(err, model.ErrSetupDone) {
		s.hasUsers.Store(true)
		return errNotFound
	}
	if err != nil {
		return err
	}
	s.hasUsers.Store(true)
	if err := s.signIn(r, u, org.ID, false); err != nil {
		return err
	}
	s.flashTo(w, r, "setup.done", "/")
	return nil
}
