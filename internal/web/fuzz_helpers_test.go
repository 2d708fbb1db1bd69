package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"puente/internal/auth"
	"puente/internal/i18n"
	"puente/internal/store"
)

// Helpers shared by the fuzz targets (fuzz_forms_test.go,
// fuzz_handlers_test.go). Fuzz functions may not call testing.F methods
// inside the fuzz target, so requests here go straight to Server.ServeHTTP
// with an httptest recorder and report through the target's own *testing.T.

// fzLeakMarkers are texts that only appear in a page when internal error
// text reaches a user.
var fzLeakMarkers = []string{"sql:", "sqlite", "runtime error", "goroutine ", "panic:", "invalid memory address",
	"constraint failed", "database is locked", "no such table", "nil pointer", ".go:"}

// fzSeeds returns request bodies for a form whose valid submission is
// valid: the valid form itself, each field emptied, padded, oversized or
// filled with invalid UTF-8, control characters and markup, and bodies
// that are not valid form encoding at all.
func fzSeeds(valid url.Values) []string {
	out := []string{valid.Encode(), ""}
	keys := make([]string, 0, len(valid))
	for k := range valid {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	tricky := []string{
		"", "   ", "%FF%FE%FD", "%C3%28", "%ED%A0%80", "%00", "a%0Db%0Ac", "%09tab", "%1B[31m", "%E2%80%AE%E2%80%8B",
		"%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%3B DROP TABLE users%3B--", "%", "%2", "%zz", "%%25", "+%2B+",
		"%C2%A0nbsp%C2%A0", strings.Repeat("%C3%A9", 300), strings.Repeat("x", 4097),
	}
	for _, k := range keys {
		for _, v := range tricky {
			vals := url.Values{}
			for k2, v2 := range valid {
				vals[k2] = v2
			}
			vals.Del(k)
			out = append(out, vals.Encode()+"&"+url.QueryEscape(k)+"="+v)
		}
		// Repeated key: the first value counts.
		out = append(out, url.QueryEscape(k)+"=first&"+valid.Encode())
	}
	out = append(out,
		"%", "%zz=1", "a=1;b=2", "&&&==&", "=", "==", "a&b&c", "\x00=\x00", "\xff\xfe=\xff",
		strings.Repeat("k=v&", 2000), "k="+strings.Repeat("v", 64<<10),
	)
	return out
}

// fzDecoded is body as a reader sees it once percent-decoded, for telling
// echoed input from leaked error text.
func fzDecoded(body string) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(body))
	for _, part := range strings.FieldsFunc(body, func(r rune) bool { return r == '&' || r == '=' }) {
		if s, err := url.QueryUnescape(part); err == nil {
			b.WriteString("\x00" + strings.ToLower(s))
		}
	}
	return b.String()
}

// fzCheckResponse fails on a 5xx answer or on internal error text in the
// body that did not come from the input itself.
func fzCheckResponse(t *testing.T, what, body string, rec *httptest.ResponseRecorder) {
	t.Helper()
	if rec.Code >= 500 {
		t.Fatalf("%s with body %q: status %d, want < 500; page: %.300s", what, body, rec.Code, rec.Body.String())
	}
	page := strings.ToLower(rec.Body.String())
	in := fzDecoded(body)
	for _, m := range fzLeakMarkers {
		if strings.Contains(page, m) && !strings.Contains(in, m) {
			i := strings.Index(page, m)
			t.Fatalf("%s with body %q: the page shows %q: …%s…", what, body, m, page[max(0, i-120):min(len(page), i+120)])
		}
	}
}

// fzSession is a signed-in browser whose requests go straight to the
// server: its cookies follow every answer, so a renewed session carries on.
type fzSession struct {
	srv  *Server
	base *url.URL
	jar  http.CookieJar
}

// fzSignedIn signs in as email through the harness (outside the fuzz
// target) and returns the session; a nil email gives an anonymous one.
func fzSignedIn(e *testEnv, email string) *fzSession {
	e.t.Helper()
	c := e.client()
	if email != "" {
		c = e.signIn(email)
	}
	u, _ := url.Parse(e.ts.URL)
	return &fzSession{srv: e.srv, base: u, jar: c.http.Jar}
}

// post sends body as a form to path.
func (s *fzSession) post(path, body string) *httptest.ResponseRecorder {
	return fzPost(s.srv, s.base, s.jar, path, body)
}

// fzPost sends body as a form to path on srv, with jar's cookies if any.
func fzPost(srv *Server, base *url.URL, jar http.CookieJar, path, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, base.String()+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if jar != nil {
		for _, c := range jar.Cookies(base) {
			req.AddCookie(c)
		}
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if jar != nil {
		jar.SetCookies(base, rec.Result().Cookies())
	}
	return rec
}

// fzEmpty is a server on a database with no accounts yet, for first-run
// setup. A successful setup uses it up, so the fuzz target opens another;
// the harness's newEmptyEnv cannot be called inside a fuzz target.
type fzEmpty struct {
	srv  *Server
	st   *store.Store
	ss   *store.Sessions
	path string
}

// fzSetupToken is the setup token of fzOpenEmpty's servers.
const fzSetupToken = "fuzz-setup-token-0123456789abcdef0123456789"

func fzOpenEmpty(dir string, n int) (*fzEmpty, error) {
	path := filepath.Join(dir, "setup-"+strconv.Itoa(n)+".db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		return nil, err
	}
	ss := st.Sessions(time.Hour)
	cfg := DefaultConfig()
	cfg.IPLimit, cfg.AccountLimit, cfg.AccountCeiling = 1<<30, 1<<30, 1<<30
	cfg.SetupToken = fzSetupToken
	srv, err := New(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), st, ss, auth.NewHasher(auth.TestParams, 2))
	if err != nil {
		ss.Stop()
		st.Close()
		return nil, err
	}
	return &fzEmpty{srv: srv, st: st, ss: ss, path: path}, nil
}

func (e *fzEmpty) close() {
	e.ss.Stop()
	e.st.Close()
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(e.path + suffix)
	}
}

// fzFormRequest is a POST carrying body as a form.
func fzFormRequest(body string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return r
}

// fzValidator is a Server with only what validateForm uses.
func fzValidator() *Server { return &Server{validate: newValidator()} }

// fzCheckForm decodes body into a new T and validates it, then checks
// what the handlers rely on: decoding never fails or panics, non-password
// values are trimmed and passwords kept as typed, every message belongs to
// a field and is translated, and a form that passes validation meets every
// rule its tags state. Decoding the decoded values again changes nothing.
func fzCheckForm[T any](t *testing.T, s *Server, body string, es bool) {
	t.Helper()
	lang := i18n.EN
	if es {
		lang = i18n.ES
	}
	r := fzFormRequest(body)
	if err := parseForm(r); err != nil {
		if err != errBadRequest && err != errTooLarge {
			t.Fatalf("parseForm(%q): got %v, want errBadRequest or errTooLarge", body, err)
		}
		return
	}
	var f T
	decodeForm(r, &f)
	errs := s.validateForm(lang, &f)

	v := reflect.ValueOf(&f).Elem()
	typ := v.Type()
	names := map[string]bool{}
	byField := map[string]string{}
	for i := range typ.NumField() {
		byField[typ.Field(i).Name] = v.Field(i).String()
	}
	for i := range typ.NumField() {
		sf := typ.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("form"), ",")
		if name == "" {
			continue
		}
		names[name] = true
		val, raw := v.Field(i).String(), r.PostForm.Get(name)
		if strings.Contains(name, "password") {
			if val != raw {
				t.Fatalf("%s: password field %q changed from %q to %q", typ.Name(), name, raw, val)
			}
		} else if val != strings.TrimSpace(raw) {
			t.Fatalf("%s: field %q: got %q, want the trimmed %q", typ.Name(), name, val, strings.TrimSpace(raw))
		}
		if msg, bad := errs[name]; bad {
			if msg == "" || strings.HasPrefix(msg, "err.") {
				t.Fatalf("%s: field %q: untranslated message %q", typ.Name(), name, msg)
			}
			continue
		}
		rules := strings.Split(sf.Tag.Get("validate"), ",")
		if val == "" && slices.Contains(rules, "omitempty") {
			continue // an empty optional field (a checkbox left off) has no rule to keep
		}
		for _, rule := range rules {
			if !fzRuleHolds(rule, val, byField) {
				t.Fatalf("%s: field %q = %q passed validation but breaks %q (body %q)", typ.Name(), name, val, rule, body)
			}
		}
	}
	for k := range errs {
		if !names[k] {
			t.Fatalf("%s: message for unknown field %q", typ.Name(), k)
		}
	}

	// Decoding what was decoded gives the same form.
	again := url.Values{}
	for name := range names {
		again.Set(name, r.PostForm.Get(name))
	}
	r2 := fzFormRequest(again.Encode())
	if err := parseForm(r2); err != nil {
		t.Fatalf("re-encoded form does not parse: %v", err)
	}
	var f2 T
	decodeForm(r2, &f2)
	if !reflect.DeepEqual(f, f2) {
		t.Fatalf("decoding twice: got %+v, then %+v", f, f2)
	}
}

// fzRuleHolds checks one validate rule independently of the validator.
func fzRuleHolds(rule, val string, fields map[string]string) bool {
	name, param, _ := strings.Cut(rule, "=")
	switch name {
	case "required":
		return val != ""
	case "safetext":
		return safeText(val)
	case "max":
		n, _ := strconv.Atoi(param)
		return utf8.RuneCountInString(val) <= n
	case "email":
		at := strings.LastIndex(val, "@")
		return at > 0 && at < len(val)-1
	case "oneof":
		return slices.Contains(strings.Fields(param), val)
	case "eqfield":
		return val == fields[param]
	}
	return true
}
