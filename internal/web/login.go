package web

import (
	"errors"
	"net/http"

	"puente/internal/model"
)

type loginForm struct {
	Email    string `form:"email" validate:"required,safetext,max=254,email" required:"your_email"`
	Password string `form:"password" validate:"required,safetext,max=128" required:"your_password"`
}

func (s *Server) loginPage(r *http.Request) *templateData {
	d := s.newData(r)
	d.Title = d.T("login.title")
	return d
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) error {
	if viewerFrom(r) != nil {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return nil
	}
	d := s.loginPage(r)
	d.Flash = s.sessions.PopString(r.Context(), sessFlash)
	if r.URL.Query().Get("reset") == "1" {
		d.Flash = d.T("reset.done")
	}
	d.Form = &loginForm{}
	return s.render(w, r, http.StatusOK, "login", d)
}

// loginPost checks a password. An unknown email and a wrong password cost
// the same hash and give the same answer; both count against the address's
// allowance and the account's lock-out (allowPasswordCheck). A right
// password counts against neither: a person who signs in twenty times in a
// morning is not throttled.
func (s *Server) loginPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	ctx := r.Context()
	ip := s.clientIP(r)
	refundAttempt, err := s.allowAttempt(r)
	if err != nil {
		return err
	}
	var f loginForm
	decodeForm(r, &f)
	d := s.loginPage(r)
	if d.Errors = s.validateForm(d.Lang, &f); len(d.Errors) > 0 {
		return s.formRejected(w, r, "login", d, &f)
	}
	u, err := s.store.UserByEmail(ctx, f.Email)
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		return err
	}
	match, err := s.checkPassword(r, u, f.Email, f.Password)
	if err != nil {
		return err
	}
	if !match {
		if err := s.store.RecordEvent(ctx, model.Event{Kind: model.EventSigninFailed, SubjectID: u.ID, IP: ip}); err != nil {
			return err
		}
		d.FormError, d.FormErrorAt = d.T("login.failed"), "email"
		return s.formRejected(w, r, "login", d, &f)
	}
	// The second step, if any, takes an attempt of its own.
	refundAttempt()
	if u.TwoFactor {
		// Not signed in yet: the sign-in (and its log entry, which makes
		// this address one of the account's usual ones) waits for the code.
		if err := s.beginSecondStep(r, u, ""); err != nil {
			return err
		}
		http.Redirect(w, r, "/login/code", http.StatusSeeOther)
		return nil
	}
	if err := s.store.RecordEvent(ctx, model.Event{Kind: model.EventSignin, ActorID: u.ID, SubjectID: u.ID, IP: ip}); err != nil {
		return err
	}
	if err := s.signIn(r, u, "", false); err != nil {
		return err
	}
	// Whoever must set a second factor up is sent to do so (requireSecondFactor).
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}

func (s *Server) logoutPost(w http.ResponseWriter, r *http.Request) error {
	v := viewerFrom(r)
	if err := s.store.RecordEvent(r.Context(), model.Event{Kind: model.EventSignout, ActorID: v.UserID, SubjectID: v.UserID, IP: s.clientIP(r)}); err != nil {
		return err
	}
	if err := s.sessions.Destroy(r.Context()); err != nil {
		return err
	}
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}
