package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"puente/internal/model"
	"puente/internal/store"
)

// handlerFunc is a handler that returns its failure; handle turns it into
// a response.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// httpError is an error with the status and message key users see.
type httpError struct {
	status int
	key    string
	retry  time.Duration
}

func (e *httpError) Error() string { return fmt.Sprintf("http %d %s", e.status, e.key) }

var (
	errNotFound     = model.ErrNotFound
	errMethod       = &httpError{status: http.StatusMethodNotAllowed, key: "error.method"}
	errTooLarge     = &httpError{status: http.StatusRequestEntityTooLarge, key: "error.too_large"}
	errCrossOrigin  = &httpError{status: http.StatusForbidden, key: "error.cross_origin"}
	errUnauthorized = &httpError{status: http.StatusUnauthorized, key: "error.unauthorized"}
	errBadRequest   = &httpError{status: http.StatusBadRequest, key: "error.bad_request"}
	// errSetupLocked is /setup without its one-time token: a 404 that says
	// where the link is.
	errSetupLocked = &httpError{status: http.StatusNotFound, key: "setup.locked"}
	errMisdirected = &httpError{status: http.StatusMisdirectedRequest, key: "error.misdirected"}
	// errUnsound: the database failed its integrity check (store.ErrUnsound).
	errUnsound = &httpError{status: http.StatusServiceUnavailable, key: "error.unsound"}
	// errEnrolFirst: a form sent by someone who must set up two-step
	// sign-in before anything else.
	errEnrolFirst = &httpError{status: http.StatusForbidden, key: "error.enrol_first"}
)

func errThrottled(retry time.Duration) error {
	return &httpError{status: http.StatusTooManyRequests, key: "error.throttled", retry: retry}
}

func (s *Server) handle(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.serveError(w, r, err)
		}
	}
}

// serveError answers err as a plain page with the request id. Only the
// status and a fixed message reach the user; the error itself goes to the log.
func (s *Server) serveError(w http.ResponseWriter, r *http.Request, err error) {
	if clientGone(r, err) {
		// Nobody is left to read a page: no error, no page, no second
		// WriteHeader. The request log says what happened (status 499).
		markClientGone(r)
		return
	}
	status, key := http.StatusInternalServerError, "error.internal"
	var he *httpError
	var mbe *http.MaxBytesError
	if errors.Is(err, store.ErrUnsound) {
		err = errUnsound
	}
	switch {
	case errors.As(err, &he):
		status, key = he.status, he.key
		if he.retry > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(int(he.retry.Seconds()+0.999)))
		}
	case errors.As(err, &mbe):
		status, key = http.StatusRequestEntityTooLarge, "error.too_large"
	case errors.Is(err, model.ErrNotFound):
		status, key = http.StatusNotFound, "error.not_found"
	case errors.Is(err, model.ErrForbidden):
		status, key = http.StatusForbidden, "error.forbidden"
	default:
		s.log.Error("request failed", "request_id", requestIDFrom(r), "err", err.Error())
	}
	w.Header().Set("Cache-Control", "no-store")
	d := s.newData(r)
	d.Title = d.T(key + ".title")
	d.Message = d.T(key)
	d.Status = status
	if rerr := s.render(w, r, status, "error", d); rerr != nil {
		s.log.Error("render error page", "request_id", requestIDFrom(r), "err", rerr.Error())
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(status)
		fmt.Fprintf(w, "%d %s (request %s)\n", status, http.StatusText(status), requestIDFrom(r))
	}
}
