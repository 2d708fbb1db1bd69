package web

import (
	"errors"
	"net/http"
	"strconv"

	"puente/internal/auth"
	"puente/internal/authz"
	"puente/internal/model"
)

// A person's own second factor (issue 14): set it up (a key shown as a QR
// code and typed out, confirmed by a first code), get new recovery codes
// with the password, turn it off with the password and a code.

// qrSize is the QR code's side in pixels, as served and as shown: it fits
// a 375 px screen with the page's margins and the white border scanners need.
const qrSize = 240

type confirmForm struct {
	Code string `form:"code" validate:"required,safetext,max=40" required:"code"`
}

type renewForm struct {
	Password string `form:"renew_password" validate:"required,safetext,max=128" required:"current_password"`
}

type disableForm struct {
	Password string `form:"disable_password" validate:"required,safetext,max=128" required:"current_password"`
	Code     string `form:"disable_code" validate:"required,safetext,max=40" required:"code_or_recovery"`
}

// twoFactorPage fills the account's two-factor page: its state, and the
// key waiting for its first code, if any.
func (s *Server) twoFactorPage(r *http.Request) (*templateData, error) {
	v := viewerFrom(r)
	d := s.newData(r)
	d.Title = d.T("twofactor.title")
	d.Required = authz.SecondFactorRequired(v.Memberships)
	st, err := s.store.TwoFactorState(r.Context(), v.UserID)
	if err != nil {
		return nil, err
	}
	d.TwoFactor = st
	if st.Pending {
		secret, _, _, err := s.store.TwoFactorKey(r.Context(), v.UserID)
		if err != nil {
			return nil, err
		}
		d.TOTPKey = auth.GroupKey(secret)
		d.QRSize = qrSize
	}
	return d, nil
}

func (s *Server) twoFactorView(w http.ResponseWriter, r *http.Request) error {
	d, err := s.twoFactorPage(r)
	if err != nil {
		return err
	}
	d.Form = &disableForm{}
	return s.render(w, r, http.StatusOK, "twofactor", d)
}

// twoFactorSetupPost makes a new key for the viewer and shows it (a GET
// never makes one). A key already waiting is replaced: "start again".
func (s *Server) twoFactorSetupPost(w http.ResponseWriter, r *http.Request) error {
	v := viewerFrom(r)
	err := s.store.BeginTwoFactor(r.Context(), v.UserID, auth.NewTOTPSecret())
	if err != nil && !errors.Is(err, model.ErrConflict) {
		return err
	}
	http.Redirect(w, r, "/account/2fa", http.StatusSeeOther)
	return nil
}

// twoFactorQR draws the key waiting for its first code as a QR code for
// the authenticator app to scan. It is a secret: served only to its owner,
// never stored by a browser or proxy (no-store, like every page here), and
// gone once the key is confirmed.
func (s *Server) twoFactorQR(w http.ResponseWriter, r *http.Request) error {
	v := viewerFrom(r)
	secret, _, enabled, err := s.store.TwoFactorKey(r.Context(), v.UserID)
	if err != nil {
		return err
	}
	if enabled {
		return errNotFound
	}
	png, err := auth.TOTPQR(secret, v.User.Email, qrSize)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Content-Length", strconv.Itoa(len(png)))
	_, err = w.Write(png)
	return err
}

// twoFactorConfirmPost turns the waiting key on when the code from the app
// matches, and shows the recovery codes once. Every other session of the
// account ends; this one is renewed, with its second factor given.
func (s *Server) twoFactorConfirmPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	ctx := r.Context()
	v := viewerFrom(r)
	var f confirmForm
	decodeForm(r, &f)
	d, err := s.twoFactorPage(r)
	if err != nil {
		return err
	}
	if !d.TwoFactor.Pending {
		http.Redirect(w, r, "/account/2fa", http.StatusSeeOther)
		return nil
	}
	d.Errors = s.validateForm(d.Lang, &f)
	var step int64
	if len(d.Errors) == 0 {
		secret, _, _, err := s.store.TwoFactorKey(ctx, v.UserID)
		if err != nil {
			return err
		}
		code, ok := auth.NormalizeTOTPCode(f.Code)
		if !ok {
			d.Errors["code"] = d.T("twofactor.err.format")
		} else if step, ok, _ = auth.MatchTOTP(secret, code, s.codeNow(), 0); !ok {
			d.Errors["code"] = d.T("twofactor.err.confirm")
		}
	}
	if len(d.Errors) > 0 {
		d.FormName = "confirm"
		return s.formRejected(w, r, "twofactor", d, &f)
	}
	codes, hashes := newRecoveryCodes(v.UserID)
	u, err := s.store.EnableTwoFactor(ctx, v.UserID, step, hashes, s.clientIP(r))
	if errors.Is(err, model.ErrNotFound) {
		http.Redirect(w, r, "/account/2fa", http.StatusSeeOther) // confirmed meanwhile, in another tab
		return nil
	}
	if err != nil {
		return err
	}
	if err := s.signIn(r, u, v.Current.OrgID, true); err != nil {
		return err
	}
	return s.showRecoveryCodes(w, r, codes, "twofactor.enabled")
}

// newRecoveryCodes makes a new set of recovery codes for userID and their
// stored hashes.
func newRecoveryCodes(userID string) (codes, hashes []string) {
	codes = auth.NewRecoveryCodes()
	for _, c := range codes {
		n, _ := auth.NormalizeRecoveryCode(c)
		hashes = append(hashes, auth.HashRecoveryCode(userID, n))
	}
	return codes, hashes
}

// showRecoveryCodes shows codes, once: they are stored only as hashes, so
// this answer (never cached) is the only place they appear.
func (s *Server) showRecoveryCodes(w http.ResponseWriter, r *http.Request, codes []string, messageKey string) error {
	d := s.newData(r)
	d.Viewer = viewerFrom(r)
	if v, err := s.viewerFor(r, d.Viewer.UserID); err == nil {
		d.Viewer = v // the renewed session: the person may now reach everything
	}
	d.Title = d.T("twofactor.codes.title")
	d.Message = d.T(messageKey)
	d.RecoveryCodes = codes
	return s.render(w, r, http.StatusOK, "recovery_codes", d)
}

// recoveryCodesPost replaces the viewer's recovery codes after checking
// their password, and shows the new ones once.
func (s *Server) recoveryCodesPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	v := viewerFrom(r)
	var f renewForm
	decodeForm(r, &f)
	d, err := s.twoFactorPage(r)
	if err != nil {
		return err
	}
	if !d.TwoFactor.Enabled {
		http.Redirect(w, r, "/account/2fa", http.StatusSeeOther)
		return nil
	}
	d.FormName = "renew"
	if d.Errors = s.validateForm(d.Lang, &f); len(d.Errors) > 0 {
		return s.formRejected(w, r, "twofactor", d, &f)
	}
	if bad, err := s.passwordWrong(r, f.Password); err != nil {
		return err
	} else if bad {
		d.Errors["renew_password"] = d.T("account.wrong_password")
		return s.formRejected(w, r, "twofactor", d, &f)
	}
	codes, hashes := newRecoveryCodes(v.UserID)
	if err := s.store.RenewRecoveryCodes(r.Context(), v.UserID, hashes, s.clientIP(r)); err != nil {
		return err
	}
	return s.showRecoveryCodes(w, r, codes, "twofactor.codes.renewed")
}

// twoFactorDisablePost turns the viewer's second factor off: it needs
// their password and a code (from the app, or a recovery code, for whoever
// lost the phone), each checked under its lock-out. A person who must use
// a second factor is sent to set one up again.
func (s *Server) twoFactorDisablePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	v := viewerFrom(r)
	var f disableForm
	decodeForm(r, &f)
	d, err := s.twoFactorPage(r)
	if err != nil {
		return err
	}
	if !d.TwoFactor.Enabled {
		http.Redirect(w, r, "/account/2fa", http.StatusSeeOther)
		return nil
	}
	d.FormName = "disable"
	if d.Errors = s.validateForm(d.Lang, &f); len(d.Errors) > 0 {
		return s.formRejected(w, r, "twofactor", d, &f)
	}
	if bad, err := s.passwordWrong(r, f.Password); err != nil {
		return err
	} else if bad {
		d.Errors["disable_password"] = d.T("account.wrong_password")
		return s.formRejected(w, r, "twofactor", d, &f)
	}
	_, isTOTP := auth.NormalizeTOTPCode(f.Code)
	proof, refundCheck, errKey, err := s.checkSecondFactor(r, v.User, f.Code, !isTOTP)
	if err != nil {
		return err
	}
	if errKey == "" {
		errKey, err = s.proofRefused(r, v.User, proof, s.store.DisableTwoFactor(r.Context(), v.UserID, proof, s.clientIP(r)))
		if err != nil {
			return err
		}
	}
	if errKey != "" {
		if errKey == "twofactor.err.recovery_format" {
			errKey = "twofactor.err.either_format"
		}
		d.Errors["disable_code"] = d.T(errKey)
		return s.formRejected(w, r, "twofactor", d, &f)
	}
	refundCheck()
	s.flashTo(w, r, "twofactor.disabled", "/account/2fa")
	return nil
}

// passwordWrong checks the viewer's password under the lock-out (429 as
// an error); a wrong one is written to the security log like a failed
// sign-in.
func (s *Server) passwordWrong(r *http.Request, password string) (bool, error) {
	v := viewerFrom(r)
	match, err := s.checkPassword(r, v.User, v.User.Email, password)
	if err != nil || match {
		return false, err
	}
	return true, s.store.RecordEvent(r.Context(), model.Event{Kind: model.EventSigninFailed, SubjectID: v.UserID, IP: s.clientIP(r)})
}
