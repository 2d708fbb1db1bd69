package web

import (
	"context"
	"net/http"

	"puente/internal/authz"
	"puente/internal/i18n"
	"puente/internal/model"
)

type ctxKey int

const (
	ctxRequestID ctxKey = iota + 1
	ctxViewer
	ctxOrg
	ctxLang
	ctxCase
	ctxNote
)

// viewer is the signed-in person for this request.
type viewer struct {
	User    model.User
	Current model.Membership // the organisation they are working in
	// MustEnrol: the person must sign in with a second factor
	// (authz.SecondFactorRequired) and has not set one up yet. Until they
	// do, only the routes whose rule is authz.Enrol answer them.
	MustEnrol bool
	authz.Viewer
}

func requestIDFrom(r *http.Request) string {
	id, _ := r.Context().Value(ctxRequestID).(string)
	return id
}

func viewerFrom(r *http.Request) *viewer {
	v, _ := r.Context().Value(ctxViewer).(*viewer)
	return v
}

func orgFrom(r *http.Request) model.Org {
	o, _ := r.Context().Value(ctxOrg).(model.Org)
	return o
}

func caseFrom(r *http.Request) model.Case {
	c, _ := r.Context().Value(ctxCase).(model.Case)
	return c
}

func langFrom(r *http.Request) i18n.Lang {
	if l, ok := r.Context().Value(ctxLang).(i18n.Lang); ok {
		return l
	}
	// Outside the session middleware (unmatched routes, static files) the
	// language cookie still holds the person's choice.
	if c, err := r.Cookie(langCookie); err == nil {
		if l, ok := i18n.Parse(c.Value); ok {
			return l
		}
	}
	return i18n.FromAcceptLanguage(r.Header.Get("Accept-Language"))
}

func with(r *http.Request, k ctxKey, v any) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), k, v))
}
