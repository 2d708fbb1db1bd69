package web

import (
	"context"
	"database/sql"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"puente/internal/store"
)

const secInternalMsg = "Something went wrong on our side. Your last action may not have been saved: check it, then try again."

// secGenericError fails unless res is the generic 500 page: its fixed
// message, the request id for support, and none of the words of the
// internal error.
func secGenericError(t testing.TB, label string, res response, internal ...string) {
	t.Helper()
	secStatus(t, label, res, http.StatusInternalServerError)
	secCheckHeaders(t, label, res.header)
	secHas(t, label, res.body, secInternalMsg)
	id := res.header.Get("X-Request-Id")
	if id == "" {
		t.Errorf("%s: no X-Request-Id header", label)
	} else {
		secHas(t, label, res.body, "Reference for support: "+id)
	}
	lower := strings.ToLower(res.body)
	for _, w := range append([]string{"sql", "database", "sqlite"}, internal...) {
		if strings.Contains(lower, strings.ToLower(w)) {
			t.Errorf("%s: error page contains internal text %q: %.600s", label, w, secSnippet(res.body))
		}
	}
}

// A failing query shows the generic page; the error itself, with the same
// request id, goes only to the log.
func TestSecInternalErrorIsGeneric(t *testing.T) {
	t.Parallel()
	e, path := secEnvAt(t)
	c := e.signIn(emailNetAdmin)
	secStatus(t, "GET / before the failure", c.get("/"), http.StatusOK)

	// Break the database under the running server: the table every signed-in
	// request reads is gone.
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`ALTER TABLE memberships RENAME TO memberships_moved_away`); err != nil {
		t.Fatalf("break the database: %v", err)
	}

	res := c.get("/")
	secGenericError(t, "GET / on a broken database", res, "no such table", "memberships", "moved_away")
	id := res.header.Get("X-Request-Id")
	logs := e.logs.String()
	var logged bool
	for _, line := range strings.Split(logs, "\n") {
		if strings.Contains(line, "request_id="+id) && strings.Contains(line, "no such table") {
			logged = true
		}
	}
	if !logged {
		t.Errorf("log has no line with request_id=%s and the error; log:\n%s", id, logs)
	}
	// Spanish visitors get the generic page in Spanish.
	res = secGet(c, "/account", secHeader("Accept-Language", "es"))
	secStatus(t, "GET /account in Spanish", res, http.StatusInternalServerError)
	secHas(t, "GET /account in Spanish", res.body, "Algo falló de nuestro lado. Puede que lo último que hizo no se haya guardado: revíselo y vuelva a intentarlo.")
}

// With the database closed, pages answer the generic 500 page and the
// health check answers 503.
func TestSecClosedDatabase(t *testing.T) {
	t.Parallel()
	_, path := secEnvAt(t)
	// A second handle on the same file, which this test alone closes.
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	c, logs := secServe(t, st, false, nil)
	secRedirect(t, "sign in", c.post("/login", url.Values{"email": {emailNetAdmin}, "password": {testPassword}}), "/")
	health := c.get("/healthz")
	if health.status != http.StatusOK || health.body != "ok" {
		t.Fatalf("healthz before: got %d %q, want 200 \"ok\"", health.status, health.body)
	}
	if err := st.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	res := c.get("/")
	secGenericError(t, "GET / with the database closed", res, "closed")
	if id := res.header.Get("X-Request-Id"); !strings.Contains(logs.String(), "request_id="+id) {
		t.Errorf("log has no entry for request %s", id)
	}
	health = c.get("/healthz")
	secStatus(t, "healthz with the database closed", health, http.StatusServiceUnavailable)
	secCheckHeaders(t, "healthz 503", health.header)
	if strings.Contains(strings.ToLower(health.body), "sql") || strings.Contains(health.body, "closed") {
		t.Errorf("healthz body shows the internal error: %q", health.body)
	}
}
