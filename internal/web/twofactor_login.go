package web

import (
	"errors"
	"net/http"
	"time"

	"puente/internal/auth"
	"puente/internal/model"
	"puente/internal/store"
)

// The second step of signing in (issue 14). After a right password, an
// account with a second factor holds only a half-signed-in session: the
// sessPending* keys, which no data route reads (loadViewer knows only
// sessUserID), so every page sends it back here and every form gets 401.
// A code from the authenticator app, or a recovery code, turns it into a
// sign-in; each works once.

// pendingTTL is how long the second step waits after the password.
const pendingTTL = 10 * time.Minute

type codeForm struct {
	Code string `form:"code" validate:"required,safetext,max=40" required:"code"`
}

// beginSecondStep records in a fresh session (new token, no sign-in) that
// u gave the right password, to land in orgID ("" for their first
// organisation) once the second step is done.
func (s *Server) beginSecondStep(r *http.Request, u model.User, orgID string) error {
	ctx := r.Context()
	if err := s.sessions.RenewToken(ctx); err != nil {
		return err
	}
	for _, k := range []string{sessUserID, sessEpoch, sessOrgID, sessTwoFactor} {
		s.sessions.Remove(ctx, k)
	}
	s.sessions.Put(ctx, sessPendingUser, u.ID)
	s.sessions.Put(ctx, sessPendingEpoch, u.SessionEpoch)
	s.sessions.Put(ctx, sessPendingAt, s.now().Unix())
	s.sessions.Put(ctx, sessPendingOrg, orgID)
	return nil
}

func (s *Server) clearPending(r *http.Request) {
	for _, k := range []string{sessPendingUser, sessPendingEpoch, sessPendingAt, sessPendingOrg} {
		s.sessions.Remove(r.Context(), k)
	}
}

// pendingUser is the account halfway through signing in, if the password
// was given less than pendingTTL ago and nothing about the account's
// sessions or second factor changed since.
func (s *Server) pendingUser(r *http.Request) (model.User, bool, error) {
	ctx := r.Context()
	uid := s.sessions.GetString(ctx, sessPendingUser)
	if uid == "" {
		return model.User{}, false, nil
	}
	at := time.Unix(s.sessions.GetInt64(ctx, sessPendingAt), 0)
	u, err := s.store.UserByID(ctx, uid)
	if errors.Is(err, model.ErrNotFound) || (err == nil && (!u.TwoFactor || u.SessionEpoch != s.sessions.GetInt64(ctx, sessPendingEpoch) ||
		s.now().Sub(at) > pendingTTL || s.now().Before(at.Add(-time.Minute)))) {
		s.clearPending(r)
		return model.User{}, false, nil
	}
	return u, err == nil, err
}

// secondStep loads what both second-step pages need, or answers for them:
// a signed-in person goes home, a session without a pending password (or
// one too old) goes back to the password.
func (s *Server) secondStep(w http.ResponseWriter, r *http.Request, titleKey string) (model.User, *templateData, bool, error) {
	if viewerFrom(r) != nil {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return model.User{}, nil, false, nil
	}
	u, ok, err := s.pendingUser(r)
	if err != nil || !ok {
		if err == nil {
			http.Redirect(w, r, "/login", http.StatusSeeOther)
		}
		return model.User{}, nil, false, err
	}
	d := s.newData(r)
	d.Title = d.T(titleKey)
	d.Flash = s.sessions.PopString(r.Context(), sessFlash)
	d.Form = &codeForm{}
	return u, d, true, nil
}

func (s *Server) loginCodeForm(w http.ResponseWriter, r *http.Request) error {
	_, d, ok, err := s.secondStep(w, r, "login.code.title")
	if !ok {
		return err
	}
	return s.render(w, r, http.StatusOK, "login_code", d)
}

func (s *Server) loginRecoveryForm(w http.ResponseWriter, r *http.Request) error {
	_, d, ok, err := s.secondStep(w, r, "login.recovery.title")
	if !ok {
		return err
	}
	return s.render(w, r, http.StatusOK, "login_recovery", d)
}

// loginCodePost checks a code from the authenticator app: throttled per
// address and per account and address, each time step once.
func (s *Server) loginCodePost(w http.ResponseWriter, r *http.Request) error {
	return s.secondStepPost(w, r, "login_code", "login.code.title")
}

// loginRecoveryPost checks a recovery code, which then stops working.
func (s *Server) loginRecoveryPost(w http.ResponseWriter, r *http.Request) error {
	return s.secondStepPost(w, r, "login_recovery", "login.recovery.title")
}

func (s *Server) secondStepPost(w http.ResponseWriter, r *http.Request, page, titleKey string) error {
	if err := parseForm(r); err != nil {
		return err
	}
	u, d, ok, err := s.secondStep(w, r, titleKey)
	if !ok {
		return err
	}
	refundAttempt, err := s.allowAttempt(r)
	if err != nil {
		return err
	}
	var f codeForm
	decodeForm(r, &f)
	recovery := page == "login_recovery"
	proof, refundCheck, errKey, err := s.checkSecondFactor(r, u, f.Code, recovery)
	if err != nil {
		return err
	}
	if errKey == "" {
		if errKey, err = s.spendSignIn(r, u, proof); err != nil {
			return err
		}
	}
	if errKey != "" {
		d.Errors = map[string]string{"code": d.T(errKey)}
		return s.formRejected(w, r, page, d, &f)
	}
	// Signed in: neither the address's attempt nor the account's check
	// counts (only failures do, SECURITY.md).
	refundAttempt()
	refundCheck()
	orgID := s.sessions.GetString(r.Context(), sessPendingOrg)
	if err := s.signIn(r, u, orgID, true); err != nil {
		return err
	}
	if recovery {
		left, err := s.store.RecoveryCodesLeft(r.Context(), u.ID)
		if err != nil {
			return err
		}
		s.sessions.Put(r.Context(), sessFlash, d.T("login.recovery.used", left))
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}

// spendSignIn completes u's sign-in with proof, or says why not (a
// message key): a code already used, a recovery code spent meanwhile.
func (s *Server) spendSignIn(r *http.Request, u model.User, proof model.TwoFactorProof) (string, error) {
	return s.proofRefused(r, u, proof, s.store.CompleteSignIn(r.Context(), u.ID, proof, s.clientIP(r)))
}

// proofRefused turns a refusal of proof (err: the store's, or
// errWrongCode) into a message key and writes it to the security log as a
// failed code; any other error is returned as it is.
func (s *Server) proofRefused(r *http.Request, u model.User, proof model.TwoFactorProof, err error) (string, error) {
	var detail, msg string
	switch {
	case err == nil:
		return "", nil
	case errors.Is(err, store.ErrReplay):
		detail, msg = "replay", "twofactor.err.used"
	case errors.Is(err, model.ErrNotFound) && proof.RecoveryHash != "":
		detail, msg = "recovery", "twofactor.err.recovery_wrong"
	case errors.Is(err, errWrongCode):
		msg = "twofactor.err.wrong"
	default:
		return "", err
	}
	return msg, s.store.RecordEvent(r.Context(), model.Event{Kind: model.EventTwoFactorFailed, SubjectID: u.ID, Detail: detail, IP: s.clientIP(r)})
}

// checkSecondFactor reads a code u typed (a code from the app, or a
// recovery code if recovery) and, once the lock-out allows the check,
// checks it. It returns the proof to spend and a func that takes the check
// back once the proof is spent (only failures count), or a message key
// when the code is missing, malformed (neither costs an attempt) or wrong
// (written to the security log); err is a failure or a 429. refund is
// never nil.
func (s *Server) checkSecondFactor(r *http.Request, u model.User, typed string, recovery bool) (proof model.TwoFactorProof, refund func(), msg string, err error) {
	none := func() {}
	if typed == "" {
		if recovery {
			return model.TwoFactorProof{}, none, "err.required.recovery_code", nil
		}
		return model.TwoFactorProof{}, none, "err.required.code", nil
	}
	if recovery {
		code, ok := auth.NormalizeRecoveryCode(typed)
		if !ok {
			return model.TwoFactorProof{}, none, "twofactor.err.recovery_format", nil
		}
		// A recovery code is checked when it is spent (spendSignIn,
		// DisableTwoFactor): the allowance is taken here.
		refund, err := s.allowCodeCheck(r, u)
		if err != nil {
			return model.TwoFactorProof{}, none, "", err
		}
		return model.TwoFactorProof{RecoveryHash: auth.HashRecoveryCode(u.ID, code)}, refund, "", nil
	}
	code, ok := auth.NormalizeTOTPCode(typed)
	if !ok {
		return model.TwoFactorProof{}, none, "twofactor.err.format", nil
	}
	refund, err = s.allowCodeCheck(r, u)
	if err != nil {
		return model.TwoFactorProof{}, none, "", err
	}
	secret, last, enabled, err := s.store.TwoFactorKey(r.Context(), u.ID)
	if err != nil || !enabled {
		return model.TwoFactorProof{}, none, "", errors.Join(err, errors.New("second factor: no enabled key"))
	}
	step, ok, replay := auth.MatchTOTP(secret, code, s.codeNow(), last)
	switch {
	case replay:
		msg, err := s.proofRefused(r, u, model.TwoFactorProof{}, store.ErrReplay)
		return model.TwoFactorProof{}, none, msg, err
	case !ok:
		msg, err := s.proofRefused(r, u, model.TwoFactorProof{}, errWrongCode)
		return model.TwoFactorProof{}, none, msg, err
	}
	return model.TwoFactorProof{Step: step}, refund, "", nil
}

// errWrongCode is a code that matches no step allowed now.
var errWrongCode = errors.New("wrong code")

// allowCodeCheck applies the lock-out to a second-step check on u from the
// request's address, as allowPasswordCheck does to passwords but with its
// own allowance (Server.codeLimit); the first refusal is logged. refund
// takes the check back when the code was right.
func (s *Server) allowCodeCheck(r *http.Request, u model.User) (refund func(), err error) {
	ip := s.clientIP(r)
	now := s.now()
	known, err := s.store.SignedInFrom(r.Context(), u.ID, ip, now.Add(-knownAddressDays*24*time.Hour))
	if err != nil {
		return nil, err
	}
	ok, retry, first := s.codeLimit.Allow(u.ID, ip, known, now)
	if ok {
		return func() { s.codeLimit.Refund(u.ID, ip, known, now) }, nil
	}
	if first {
		if err := s.store.RecordEvent(r.Context(), model.Event{Kind: model.EventLockout, SubjectID: u.ID, Detail: "code", IP: ip}); err != nil {
			return nil, err
		}
	}
	return nil, errThrottled(retry)
}
