// Package web is Puente's HTTP layer: routes, middleware, handlers and
// rendering. It never writes SQL (that is store's) and makes no access
// decision of its own (that is authz's); it wires the two to requests.
package web

import (
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"net/netip"
	"sync/atomic"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/go-playground/validator/v10"

	"puente/internal/auth"
	"puente/internal/i18n"
	"puente/internal/store"
)

// Config is what the web layer needs from the command line.
type Config struct {
	// BaseURL is the public address, used in one-time links; https turns on
	// Secure cookies and HSTS.
	BaseURL string
	// LinksLocal says that BaseURL was not configured and names a loopback
	// address: links made here open only on the computer running Puente,
	// and the pages that show one say so to whoever made it.
	LinksLocal bool
	// TrustedProxies are the addresses whose X-Forwarded-For is believed.
	TrustedProxies []netip.Prefix
	// IPLimit and IPWindow bound sign-in attempts per client address.
	IPLimit  int
	IPWindow time.Duration
	// AccountLimit bounds password checks per account and client address
	// within AccountWindow; AccountCeiling bounds them per account from
	// addresses it never signed in from (auth.Lockout).
	AccountLimit   int
	AccountCeiling int
	AccountWindow  time.Duration
	// Now is the clock every "today" is read from (nil: time.Now). It is
	// the one clock; tests replace Server.now.
	Now func() time.Time
	// BackupEvery and BackupKeep describe the server's backup schedule for
	// the admin's page; zero means no scheduled backups.
	BackupEvery time.Duration
	BackupKeep  int
	// SetupToken is the one-time secret of the first-run setup link, printed
	// on the console; without it /setup answers 404. Empty: setup is closed.
	SetupToken string
	// Mail says that the server sends email (-smtp-url): invitation and
	// reset links go by email, and people may choose a digest. MailWake
	// tells the sender a message waits (nil: nobody to tell).
	Mail     bool
	MailWake func()
	// AllowedHosts, when not empty, are the only Host header values served
	// (host or host:port, compared without case); any other is refused with
	// 421 before a handler runs, against DNS rebinding.
	AllowedHosts []string
	// APILimit and APIWindow bound intake API requests per token.
	APILimit  int
	APIWindow time.Duration
}

// DefaultConfig holds SECURITY.md's figures.
func DefaultConfig() Config {
	return Config{
		BaseURL:        "http://127.0.0.1:8080",
		IPLimit:        20,
		IPWindow:       10 * time.Minute,
		AccountLimit:   10,
		AccountCeiling: 50,
		AccountWindow:  15 * time.Minute,
		APILimit:       defaultAPILimit,
		APIWindow:      defaultAPIWindow,
	}
}

// Server holds every dependency of the handlers, which are its methods.
type Server struct {
	cfg      Config
	secure   bool
	log      *slog.Logger
	store    *store.Store
	sessions *scs.SessionManager
	// pages is the page templates for a language (pagesFor: the
	// translations folded in).
	pages     func(i18n.Lang) (map[string]*template.Template, error)
	validate  *validator.Validate
	hasher    *auth.Hasher
	ipLimit   *auth.Throttle
	acctLimit *auth.Lockout
	// codeLimit bounds second-step checks (codes and recovery codes) per
	// account and address, with the same figures as passwords but its own
	// allowance: ten wrong codes do not lock the password out, nor the
	// other way round.
	codeLimit *auth.Lockout
	// apiLimit bounds intake API requests per token; apiFail bounds
	// requests with an unknown or dead token per client address, with the
	// sign-in figures.
	apiLimit *auth.Throttle
	apiFail  *auth.Throttle
	// codeNow is the clock one-time codes are checked against: the real
	// time, which the person's authenticator app reads too. It is not now:
	// tests fix now to a day, which would allow an account three sign-ins
	// in all (each time step works once).
	codeNow func() time.Time
	// now is the one clock of every page and feed: "today", states and
	// windows are read from it, in an organisation's zone (clock.go).
	now      func() time.Time
	hasUsers atomic.Bool
	// caseSpec renders the case page's content by its template, the
	// specification of CaseContent, for the tests that compare them.
	caseSpec bool
	routes   []Route
	handler  http.Handler
}

// New builds the server and its routes.
func New(cfg Config, log *slog.Logger, st *store.Store, ss *store.Sessions, hasher *auth.Hasher) (*Server, error) {
	if cfg.APILimit <= 0 || cfg.APIWindow <= 0 {
		cfg.APILimit, cfg.APIWindow = defaultAPILimit, defaultAPIWindow
	}
	// A template that does not parse stops the start, not a request.
	if _, err := pagesFor(i18n.Source); err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	s := &Server{
		cfg:       cfg,
		secure:    len(cfg.BaseURL) >= 8 && cfg.BaseURL[:8] == "https://",
		log:       log,
		store:     st,
		pages:     pagesFor,
		validate:  newValidator(),
		hasher:    hasher,
		ipLimit:   auth.NewThrottle(cfg.IPLimit, cfg.IPWindow),
		acctLimit: auth.NewLockout(cfg.AccountLimit, cfg.AccountCeiling, cfg.AccountWindow),
		codeLimit: auth.NewLockout(cfg.AccountLimit, cfg.AccountCeiling, cfg.AccountWindow),
		apiLimit:  auth.NewThrottle(cfg.APILimit, cfg.APIWindow),
		apiFail:   auth.NewThrottle(cfg.IPLimit, cfg.IPWindow),
		now:       cfg.Now,
		codeNow:   time.Now,
	}
	if s.now == nil {
		s.now = time.Now
	}
	s.sessions = s.newSessionManager(ss)
	s.handler = s.buildRoutes()
	return s, nil
}

// ServeHTTP serves every request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Routes lists every registered route with its access rule.
func (s *Server) Routes() []Route { return append([]Route(nil), s.routes...) }

// sessionIdleTimeout ends a session after this long without a request
// (SECURITY.md: 30 minutes idle, 12 hours absolute).
const sessionIdleTimeout = 30 * time.Minute

func (s *Server) newSessionManager(ss *store.Sessions) *scs.SessionManager {
	sm := scs.New()
	sm.Store = ss
	sm.Lifetime = 12 * time.Hour
	// The idle timeout is the store's: scs's own would commit every session
	// on every request, changed or not (store.Sessions.SetIdleTimeout).
	ss.SetIdleTimeout(sessionIdleTimeout)
	sm.Cookie.Name = "puente_session"
	if s.secure {
		// The __Host- prefix pins the cookie to this host, Secure and Path=/.
		sm.Cookie.Name = "__Host-puente_session"
	}
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = s.secure
	sm.Cookie.Path = "/"
	sm.Cookie.Persist = false
	// scs's own middleware is not used (see loadAndSave), but its helpers
	// report through ErrorFunc too.
	sm.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) {
		s.serveError(w, r, err)
	}
	return sm
}
