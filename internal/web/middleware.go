package web

import (
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"puente/internal/authz"
	"puente/internal/i18n"
	"puente/internal/model"
	"puente/internal/names"
)

// maxFormBytes caps request bodies (SECURITY.md: 1 MiB for forms).
const maxFormBytes = 1 << 20

const csp = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

func (s *Server) requestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b := make([]byte, 8)
		_, _ = rand.Read(b)
		id := hex.EncodeToString(b)
		w.Header().Set("X-Request-Id", id)
		next.ServeHTTP(w, with(r, ctxRequestID, id))
	})
}

func (s *Server) recoverPanic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "request_id", requestIDFrom(r), "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				s.serveError(w, r, errors.New("panic"))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// statusWriter remembers the status for the access log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequest logs the route pattern, never the raw path: paths carry
// one-time tokens and object ids that the log has no need of.
// A request whose client hung up is logged with status 499 and
// client_gone=true, at INFO: it is not a server error.
func (s *Server) logRequest(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		note := &requestNote{}
		r = with(r, ctxNote, note)
		next.ServeHTTP(sw, r)
		pattern := "unmatched"
		if rc := chi.RouteContext(r.Context()); rc != nil && rc.RoutePattern() != "" {
			pattern = rc.RoutePattern()
		}
		attrs := []any{"request_id", requestIDFrom(r), "method", r.Method, "route", pattern,
			"status", sw.status, "duration_ms", float64(time.Since(start).Microseconds()) / 1000}
		if note.clientGone {
			attrs[7] = statusClientGone
			attrs = append(attrs, "client_gone", true)
		}
		s.log.Info("request", attrs...)
	})
}

func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		if s.secure {
			h.Set("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
		}
		next.ServeHTTP(w, r)
	})
}

func noStore(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

func (s *Server) limitBody(next http.Handler) http.Handler { return s.limitBodyTo(maxFormBytes)(next) }

// limitBodyTo caps request bodies at n bytes (413 past it).
func (s *Server) limitBodyTo(n int64) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.ContentLength > n {
				s.serveError(w, r, errTooLarge)
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, n)
			next.ServeHTTP(w, r)
		})
	}
}

// crossOrigin refuses cross-site state changes with Go's own protection
// (Sec-Fetch-Site, then Origin against Host); GET and HEAD pass.
func (s *Server) crossOrigin(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.serveError(w, r, errCrossOrigin)
	}))
	return cop.Handler(next)
}

// loadViewer turns the session into a viewer and picks the language. A
// session from before a password change or role change (older epoch) is
// destroyed.
func (s *Server) loadViewer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		var lang i18n.Lang
		if uid := s.sessions.GetString(ctx, sessUserID); uid != "" {
			v, err := s.viewerFor(r, uid)
			switch {
			case errors.Is(err, model.ErrNotFound):
				if err := s.sessions.Destroy(ctx); err != nil {
					s.serveError(w, r, err)
					return
				}
			case err != nil:
				s.serveError(w, r, err)
				return
			default:
				r = with(r, ctxViewer, v)
				lang, _ = i18n.Parse(v.User.Lang)
			}
		}
		if lang == "" {
			if c, err := r.Cookie(langCookie); err == nil {
				lang, _ = i18n.Parse(c.Value)
			}
		}
		if lang == "" {
			lang = i18n.FromAcceptLanguage(r.Header.Get("Accept-Language"))
		}
		next.ServeHTTP(w, with(r, ctxLang, lang))
	})
}

func (s *Server) viewerFor(r *http.Request, uid string) (*viewer, error) {
	ctx := r.Context()
	u, err := s.store.UserByID(ctx, uid)
	if err != nil {
		return nil, err
	}
	if u.SessionEpoch != s.sessions.GetInt64(ctx, sessEpoch) {
		return nil, model.ErrNotFound
	}
	// Setting a factor up or having it reset ends the account's sessions
	// (the epoch), so this holds already; checked here too so that no path
	// can leave a password-only session on an account with a second factor.
	if u.TwoFactor && !s.sessions.GetBool(ctx, sessTwoFactor) {
		return nil, model.ErrNotFound
	}
	ms, err := s.store.Memberships(ctx, uid)
	if err != nil {
		return nil, err
	}
	sortMemberships(ms, u.Lang)
	v := &viewer{User: u, Viewer: authz.Viewer{UserID: uid, Memberships: ms},
		MustEnrol: !u.TwoFactor && authz.SecondFactorRequired(ms)}
	cur := s.sessions.GetString(ctx, sessOrgID)
	for _, m := range ms {
		if m.OrgID == cur {
			v.Current = m
		}
	}
	if v.Current.OrgID == "" && len(ms) > 0 {
		v.Current = ms[0]
	}
	return v, nil
}

// setupGate sends everyone to /setup until the first account exists, and
// closes /setup for good once one does. Until then /setup answers only
// with the one-time token printed on the server's console (?token=, on
// the form's address too): whoever reaches a new server first must not
// become its admin (issue 8). Without it, the 404 says where the link is.
func (s *Server) setupGate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		done := s.hasUsers.Load()
		if !done {
			var err error
			if done, err = s.store.HasUsers(r.Context()); err != nil {
				s.serveError(w, r, err)
				return
			}
			if done {
				s.hasUsers.Store(true)
			}
		}
		isSetup := r.URL.Path == "/setup"
		switch {
		case done && isSetup:
			s.serveError(w, r, errNotFound)
		case !done && isSetup && !s.setupTokenOK(r):
			s.serveError(w, r, errSetupLocked)
		case !done && !isSetup && r.URL.Path != "/lang":
			http.Redirect(w, r, "/setup", http.StatusSeeOther)
		default:
			next.ServeHTTP(w, r)
		}
	})
}

// setupTokenOK reports whether the request carries the setup token,
// compared in constant time. No token configured: never.
func (s *Server) setupTokenOK(r *http.Request) bool {
	want := s.cfg.SetupToken
	got := r.URL.Query().Get("token")
	return want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// requireSignIn answers a request without a signed-in person: a page is
// sent to sign in (to the second step if the password was given), a form
// gets 401. Halfway through sign-in is not signed in.
func (s *Server) requireSignIn(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if viewerFrom(r) == nil {
			if r.Method == http.MethodGet || r.Method == http.MethodHead {
				to := "/login"
				if s.sessions.GetString(r.Context(), sessPendingUser) != "" {
					to = "/login/code"
				}
				http.Redirect(w, r, to, http.StatusSeeOther)
				return
			}
			s.serveError(w, r, errUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// requireSecondFactor keeps a person who must set up a second factor
// (viewer.MustEnrol) from everything but the authz.Enrol routes: a page
// sends them to set it up, a form gets 403. It runs after requireSignIn.
func (s *Server) requireSecondFactor(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if v := viewerFrom(r); v != nil && v.MustEnrol {
			if r.Method == http.MethodGet || r.Method == http.MethodHead {
				http.Redirect(w, r, "/account/2fa", http.StatusSeeOther)
				return
			}
			s.serveError(w, r, errEnrolFirst)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// onOrg loads the organisation named in the URL through the viewer's
// scope (outside it: 404, as if it did not exist) and checks action on it
// (visible but not allowed: 403).
func (s *Server) onOrg(action authz.Action, h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		v := viewerFrom(r)
		org, err := s.store.OrgInScope(r.Context(), v.Memberships, r.PathValue("orgID"))
		if err != nil {
			return err
		}
		if !authz.Can(v.Viewer, authz.ViewOrg, org) {
			return errNotFound
		}
		if !authz.Can(v.Viewer, action, org) {
			return model.ErrForbidden
		}
		return h(w, with(r, ctxOrg, org))
	}
}

// onCase loads the case named in the URL through the viewer's groups
// (outside them: 404, exactly as for a missing case; network staff are not
// in the group and get 404 too) and checks action on its group (403).
func (s *Server) onCase(action authz.Action, h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		v := viewerFrom(r)
		c, err := s.store.CaseInScope(r.Context(), v.Memberships, r.PathValue("caseID"))
		if err != nil {
			return err
		}
		group, err := s.store.OrgInScope(r.Context(), v.Memberships, c.GroupID)
		if err != nil {
			return err
		}
		if !authz.Can(v.Viewer, authz.ViewCases, group) {
			return errNotFound
		}
		if !authz.Can(v.Viewer, action, group) {
			return model.ErrForbidden
		}
		r = with(r, ctxOrg, group)
		return h(w, with(r, ctxCase, c))
	}
}

// clientIP is the connection's address, or, behind a trusted proxy, the
// nearest untrusted address in X-Forwarded-For. A forged header from an
// untrusted client changes nothing.
func (s *Server) clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	addr, err := netip.ParseAddr(host)
	if err != nil || !s.trusted(addr) {
		return host
	}
	// A proxy may add its own header line: read every line, in order.
	parts := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(parts) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(parts[i]))
		if err != nil {
			return host
		}
		if !s.trusted(a) {
			return a.String()
		}
	}
	return host
}

func (s *Server) trusted(a netip.Addr) bool {
	for _, p := range s.cfg.TrustedProxies {
		if p.Contains(a.Unmap()) {
			return true
		}
	}
	return false
}

// sortMemberships orders a person's organisations as the switcher and the
// account page list them: networks first, then by name in the collation of
// the viewer's language (so "Ñandú" follows "Nube" in Spanish, and "ana"
// sits beside "Ana"). A person belongs to a handful, so the keys are
// computed here rather than read from the stored sort columns.
func sortMemberships(ms []model.Membership, lang string) {
	l := names.LangOf(lang)
	keys := make(map[string][]byte, len(ms))
	for _, m := range ms {
		keys[m.OrgID] = names.Key(l, m.OrgName)
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].OrgKind != ms[j].OrgKind {
			return ms[i].OrgKind > ms[j].OrgKind // "network" before "group"
		}
		return bytes.Compare(keys[ms[i].OrgID], keys[ms[j].OrgID]) < 0
	})
}
