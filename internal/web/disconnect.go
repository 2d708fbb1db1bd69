package web

import (
	"context"
	"errors"
	"net/http"
)

// statusClientGone is the status the request log gives a request whose
// client hung up before the answer (nginx's 499): not a server error, and
// nothing was sent.
const statusClientGone = 499

// requestNote is what the request log learns from further down the chain:
// logRequest puts one in every request's context.
type requestNote struct {
	clientGone bool
}

func noteFrom(r *http.Request) *requestNote {
	n, _ := r.Context().Value(ctxNote).(*requestNote)
	return n
}

// clientGone reports whether err only says that the request's client went
// away: its context was cancelled (net/http cancels it when the
// connection closes) and the failure is that cancellation.
func clientGone(r *http.Request, err error) bool {
	return errors.Is(err, context.Canceled) && errors.Is(r.Context().Err(), context.Canceled)
}

func markClientGone(r *http.Request) {
	if n := noteFrom(r); n != nil {
		n.clientGone = true
	}
}
