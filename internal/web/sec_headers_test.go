package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// Every response, error pages and static files included, carries the
// security headers; none carries HSTS over plain http.
func TestSecHeadersOnEveryResponse(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	anon := e.client()
	ana := e.signIn(emailNetAdmin)
	mem := e.signIn(emailAlphaMem)
	net, alpha := e.orgs["network"], e.orgs["alpha"]
	cases := []struct {
		name   string
		send   func() response
		status int
	}{
		{"sign-in page", func() response { return anon.get("/login") }, http.StatusOK},
		{"signed-in page", func() response { return ana.get("/orgs/" + net.ID) }, http.StatusOK},
		{"404 page", func() response { return anon.get("/no/such/page") }, http.StatusNotFound},
		{"404 org page signed in", func() response { return ana.get("/orgs/" + e.orgs["gamma"].ID) }, http.StatusNotFound},
		{"403 cross-origin", func() response {
			return anon.postRaw("/login", "email=a%40b.org&password=x", secHeader("Sec-Fetch-Site", "cross-site"))
		}, http.StatusForbidden},
		{"403 role", func() response { return mem.get("/orgs/" + alpha.ID + "/security") }, http.StatusForbidden},
		{"422 form", func() response { return anon.post("/login", url.Values{}) }, http.StatusUnprocessableEntity},
		{"401 signed out", func() response { return anon.post("/logout", url.Values{}) }, http.StatusUnauthorized},
		{"405 method", func() response { return anon.postRaw("/healthz", "", nil) }, http.StatusMethodNotAllowed},
		{"413 body", func() response {
			return anon.postRaw("/login", "email="+strings.Repeat("a", maxFormBytes), nil)
		}, http.StatusRequestEntityTooLarge},
		{"static css", func() response { return anon.get("/static/app.css") }, http.StatusOK},
		{"static missing", func() response { return anon.get("/static/missing.css") }, http.StatusNotFound},
		{"static directory", func() response { return anon.get("/static/") }, http.StatusNotFound},
		{"healthz", func() response { return anon.get("/healthz") }, http.StatusOK},
		{"redirect", func() response { return anon.get("/") }, http.StatusSeeOther},
	}
	for _, tc := range cases {
		res := tc.send()
		if res.status != tc.status {
			t.Errorf("%s: status got %d, want %d", tc.name, res.status, tc.status)
		}
		secCheckHeaders(t, tc.name, res.header)
		if got := res.header.Get("Strict-Transport-Security"); got != "" {
			t.Errorf("%s: Strict-Transport-Security over http: got %q, want none", tc.name, got)
		}
		if got := res.header.Get("X-Request-Id"); len(got) < 16 {
			t.Errorf("%s: X-Request-Id: got %q, want a request id", tc.name, got)
		}
	}
}

// Pages behind a login, and the pages that show one-time links, are never
// stored by a browser or a proxy.
func TestSecNoStoreOnSignedInPages(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	net, alpha := e.orgs["network"], e.orgs["alpha"]
	ana := e.signIn(emailNetAdmin)
	miguel := secUser(t, e, emailAlphaMem)
	pages := []string{
		"/", "/account", "/orgs/" + net.ID, "/orgs/" + alpha.ID, "/orgs/" + net.ID + "/security",
		"/orgs/" + net.ID + "/groups/new", "/orgs/" + alpha.ID + "/invitations/new",
		"/orgs/" + e.orgs["gamma"].ID, // an error page for a signed-in person
	}
	for _, p := range pages {
		res := ana.get(p)
		if got := res.header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("GET %s (%d): Cache-Control got %q, want %q", p, res.status, got, "no-store")
		}
	}
	coord := e.signIn(emailAlphaCoord)
	links := map[string]response{
		"invitation link page": coord.post("/orgs/"+alpha.ID+"/invitations", url.Values{"email": {"new@alpha.example.org"}, "role": {"member"}}),
		"reset link page":      coord.post("/orgs/"+alpha.ID+"/members/"+miguel.ID+"/reset", url.Values{}),
	}
	for name, res := range links {
		if res.status != http.StatusOK {
			t.Errorf("%s: status got %d, want 200", name, res.status)
		}
		if got := res.header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control got %q, want %q", name, got, "no-store")
		}
	}
	// The public static files may be cached; they hold nothing personal.
	if got := e.client().get("/static/app.css").header.Get("Cache-Control"); !strings.HasPrefix(got, "public") {
		t.Errorf("static Cache-Control: got %q, want public caching", got)
	}
}

// The pages with one-time links in their address are not stored either.
func TestSecNoStoreOnTokenPages(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	inv := secInvite(t, e, e.orgs["alpha"], "cache@alpha.example.org", "member")
	rst := secReset(t, e, secUser(t, e, emailAlphaMem), e.orgs["alpha"])
	for _, p := range []string{"/invite/" + inv, "/reset/" + rst, "/login", "/invite/unknown"} {
		res := e.client().get(p)
		if got := res.header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("GET %s (%d): Cache-Control got %q, want %q", p, res.status, got, "no-store")
		}
	}
}

// The CSP forbids inline script and style, so no page may rely on them.
func TestSecNoInlineScriptOrStyle(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	net, alpha := e.orgs["network"], e.orgs["alpha"]
	ana := e.signIn(emailNetAdmin)
	inv := secInvite(t, e, alpha, "inline@alpha.example.org", "member")
	rst := secReset(t, e, secUser(t, e, emailAlphaMem), alpha)
	pages := map[string]response{}
	for _, p := range []string{"/", "/account", "/orgs/" + net.ID, "/orgs/" + alpha.ID, "/orgs/" + net.ID + "/security",
		"/orgs/" + net.ID + "/groups/new", "/orgs/" + net.ID + "/invitations/new", "/no/such/page"} {
		pages[p] = ana.get(p)
	}
	anon := e.client()
	for _, p := range []string{"/login", "/invite/" + inv, "/reset/" + rst} {
		pages[p] = anon.get(p)
	}
	pages["link page"] = ana.post("/orgs/"+net.ID+"/invitations", url.Values{"email": {"x@network.example.org"}, "role": {"coordinator"}})
	if pages["link page"].status != http.StatusOK {
		t.Errorf("link page: status %d, want 200", pages["link page"].status)
	}
	pages["422 page"] = anon.post("/login", url.Values{})
	bad := regexp.MustCompile(`(?i)<script|<style|\sstyle=|\son[a-z]+=|javascript:`)
	for name, p := range pages {
		if p.status >= 500 {
			t.Errorf("%s: status %d", name, p.status)
		}
		if m := bad.FindString(strings.ReplaceAll(p.body, appScript, "")); m != "" {
			t.Errorf("%s: inline script or style %q, which the CSP blocks", name, m)
		}
	}
}
