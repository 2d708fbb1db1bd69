package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/alexedwards/scs/v2"

	"puente/internal/model"
)

// signIn starts a fresh session for u: a new token (no fixation), the
// account's epoch, and orgID as the current organisation if given.
// twoFactor says the person gave their second factor in this session (or
// keeps that of the session it renews); an account with a second factor
// whose session lacks it is signed out (viewerFor).
func (s *Server) signIn(r *http.Request, u model.User, orgID string, twoFactor bool) error {
	ctx := r.Context()
	if err := s.sessions.RenewToken(ctx); err != nil {
		return err
	}
	s.clearPending(r)
	s.sessions.Put(ctx, sessUserID, u.ID)
	s.sessions.Put(ctx, sessEpoch, u.SessionEpoch)
	s.sessions.Put(ctx, sessTwoFactor, twoFactor)
	if orgID != "" {
		s.sessions.Put(ctx, sessOrgID, orgID)
	} else {
		s.sessions.Remove(ctx, sessOrgID)
	}
	return nil
}

// flash leaves a one-time message for the next page.
// It is shown at the top of the page (flashTo places it elsewhere).
func (s *Server) flash(r *http.Request, key string) {
	s.sessions.Put(r.Context(), sessFlash, langFrom(r).T(key))
	s.sessions.Remove(r.Context(), sessFlashAt)
}

// flashTo leaves the one-time message key for the next page and sends
// the browser there (303 See Other). When target has a fragment
// ("/cases/x#appointments") the browser lands on that element, screens
// below the top on a phone: the page then shows the message at that
// element (templateData.FlashAt) rather than at its top, so the person
// sees it where they land.
func (s *Server) flashTo(w http.ResponseWriter, r *http.Request, key, target string) {
	s.flash(r, key)
	if _, frag, ok := strings.Cut(target, "#"); ok && frag != "" {
		s.sessions.Put(r.Context(), sessFlashAt, frag)
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}

// formRejected renders page again with 422: input kept, passwords cleared,
// a message per field.
func (s *Server) formRejected(w http.ResponseWriter, r *http.Request, page string, d *templateData, form any) error {
	clearPasswords(form)
	d.Form = form
	return s.render(w, r, http.StatusUnprocessableEntity, page, d)
}

// loadAndSave is scs's LoadAndSave, changed where it answers a failed
// commit. scs calls ErrorFunc from inside the handler's first WriteHeader
// and then lets the handler's own header through: a second WriteHeader
// ("superfluous response.WriteHeader call") after an error page nobody
// may get whole. Here the session is committed before the handler's first
// byte, as in scs, and a failure replaces the handler's answer: what the
// handler writes after is dropped. A client that hung up (the commit
// failed because the request's context ended) gets nothing (serveError).
func (s *Server) loadAndSave(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Cookie")
		var token string
		if c, err := r.Cookie(s.sessions.Cookie.Name); err == nil {
			token = c.Value
		}
		ctx, err := s.sessions.Load(r.Context(), token)
		if err != nil {
			s.serveError(w, r, err)
			return
		}
		sr := r.WithContext(ctx)
		sw := &sessionWriter{ResponseWriter: w, s: s, r: sr}
		next.ServeHTTP(sw, sr)
		sw.commit()
	})
}

// sessionWriter commits the session before the first byte of the answer.
type sessionWriter struct {
	http.ResponseWriter
	s         *Server
	r         *http.Request
	committed bool
	failed    bool // the commit failed and its error answer was written
}

// commit saves a changed session and sets or clears its cookie, once.
func (sw *sessionWriter) commit() {
	if sw.committed {
		return
	}
	sw.committed = true
	sm, ctx := sw.s.sessions, sw.r.Context()
	switch sm.Status(ctx) {
	case scs.Modified:
		token, expiry, err := sm.Commit(ctx)
		if err != nil {
			sw.failed = true
			sw.s.serveError(sw.ResponseWriter, sw.r, err)
			return
		}
		sm.WriteSessionCookie(ctx, sw.ResponseWriter, token, expiry)
	case scs.Destroyed:
		sm.WriteSessionCookie(ctx, sw.ResponseWriter, "", time.Time{})
	}
}

func (sw *sessionWriter) WriteHeader(code int) {
	sw.commit()
	if !sw.failed {
		sw.ResponseWriter.WriteHeader(code)
	}
}

func (sw *sessionWriter) Write(b []byte) (int, error) {
	sw.commit()
	if sw.failed {
		return len(b), nil
	}
	return sw.ResponseWriter.Write(b)
}

func (sw *sessionWriter) Unwrap() http.ResponseWriter { return sw.ResponseWriter }
