package web

import (
	"context"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"puente/ui"
)

// healthz answers 200 "ok" when the database answers within 2 s, 503
// otherwise, and 503 for good once the database has failed its integrity
// check (the server's log says what to do).
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if s.store.Unsound() != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("unavailable: the database failed its integrity check (see the server's log)\n"))
		return nil
	}
	if err := s.store.Ping(ctx); err != nil {
		s.log.Error("health check", "err", err.Error())
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("unavailable\n"))
		return nil
	}
	_, _ = w.Write([]byte("ok"))
	return nil
}

var staticFS = func() http.Handler {
	sub, err := fs.Sub(ui.Static, "static")
	if err != nil {
		panic(err)
	}
	return http.StripPrefix("/static/", http.FileServer(http.FS(sub)))
}()

// static serves the embedded CSS and images. Directory listings answer 404.
func (s *Server) static(w http.ResponseWriter, r *http.Request) error {
	if len(r.URL.Path) > 0 && r.URL.Path[len(r.URL.Path)-1] == '/' {
		return errNotFound
	}
	w.Header().Set("Cache-Control", staticCacheControl(r))
	staticFS.ServeHTTP(w, r)
	return nil
}

// refuseUnsound answers every request but the health check and static
// files with 503 and a page that says why, once the database has failed
// its integrity check: nothing is written to a damaged file, and nothing
// read from it is shown as if it were sound.
func (s *Server) refuseUnsound(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.store.Unsound() != nil && r.URL.Path != "/healthz" && !strings.HasPrefix(r.URL.Path, "/static/") {
			w.Header().Set("Cache-Control", "no-store")
			s.serveError(w, r, errUnsound)
			return
		}
		next.ServeHTTP(w, r)
	})
}
