package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// countingWriter records every WriteHeader call, so a test sees a second
// one ("superfluous response.WriteHeader call" under net/http).
type countingWriter struct {
	header  http.Header
	headers []int
	body    strings.Builder
}

func (w *countingWriter) Header() http.Header { return w.header }

func (w *countingWriter) WriteHeader(code int) { w.headers = append(w.headers, code) }

func (w *countingWriter) Write(b []byte) (int, error) {
	if len(w.headers) == 0 {
		w.WriteHeader(http.StatusOK)
	}
	return w.body.Write(b)
}

// cancelOnRead is a request body that cancels the request's context when
// the handler reads it: the client hangs up while the server works.
type cancelOnRead struct {
	r      io.Reader
	cancel context.CancelFunc
}

func (c *cancelOnRead) Read(p []byte) (int, error) {
	c.cancel()
	return c.r.Read(p)
}

// TestClientGoneIsNotAServerError: a request whose client hung up (its
// context cancelled) before the session was read, while the handler
// wrote, or before the session was saved, is logged once at INFO with
// status 499 and client_gone, never as an ERROR or a 500, and gets no
// second WriteHeader.
func TestClientGoneIsNotAServerError(t *testing.T) {
	e := newEnv(t)
	c := e.signIn(emailAlphaCoord)
	u, _ := url.Parse(e.ts.URL)
	cookies := c.http.Jar.Cookies(u)
	tests := []struct {
		name, method, path string
		form               url.Values
		cancelOnBody       bool
	}{
		// The session is read with a cancelled context.
		{name: "gone before the session is read", method: http.MethodGet, path: "/cases/" + e.cases["alpha"].ID},
		// The handler's own write fails (the language is saved).
		{name: "gone while the handler writes", method: http.MethodPost, path: "/lang",
			form: url.Values{"lang": {"es"}, "return": {"/"}}, cancelOnBody: true},
		// The handler succeeds, then the changed session cannot be saved.
		{name: "gone before the session is saved", method: http.MethodPost, path: "/orgs/switch",
			form: url.Values{"org_id": {e.orgs["alpha"].ID}}, cancelOnBody: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logged := len(e.logs.String())
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var body io.Reader
			if tt.form != nil {
				body = strings.NewReader(tt.form.Encode())
				if tt.cancelOnBody {
					body = &cancelOnRead{r: body, cancel: cancel}
				}
			}
			if !tt.cancelOnBody {
				cancel()
			}
			req := httptest.NewRequestWithContext(ctx, tt.method, tt.path, body)
			if tt.form != nil {
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
			for _, ck := range cookies {
				req.AddCookie(ck)
			}
			w := &countingWriter{header: http.Header{}}
			e.srv.ServeHTTP(w, req)
			if len(w.headers) > 1 {
				t.Errorf("WriteHeader called %d times (%v), want at most once", len(w.headers), w.headers)
			}
			for _, code := range w.headers {
				if code >= 500 {
					t.Errorf("answered %d to a client that hung up", code)
				}
			}
			log := e.logs.String()[logged:]
			if !strings.Contains(log, "status=499") || !strings.Contains(log, "client_gone=true") || !strings.Contains(log, "level=INFO msg=request") {
				t.Errorf("request log: want one INFO line with status=499 client_gone=true; got:\n%s", log)
			}
			for _, bad := range []string{"level=ERROR", "status=500", "superfluous"} {
				if strings.Contains(log, bad) {
					t.Errorf("log has %q for a client that hung up:\n%s", bad, log)
				}
			}
		})
	}
}
