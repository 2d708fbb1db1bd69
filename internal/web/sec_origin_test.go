package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// secCrossSite are the ways a browser marks a request from another site.
var secCrossSite = []struct {
	name   string
	header http.Header
}{
	{"Sec-Fetch-Site cross-site", secHeader("Sec-Fetch-Site", "cross-site")},
	{"Sec-Fetch-Site same-site", secHeader("Sec-Fetch-Site", "same-site")},
	{"Origin evil, no Sec-Fetch-Site", secHeader("Origin", "http://evil.example")},
}

// secSameOrigin are the ways a browser marks a request from this site.
func secSameOrigin(e *testEnv) []struct {
	name   string
	header http.Header
} {
	return []struct {
		name   string
		header http.Header
	}{
		{"Sec-Fetch-Site same-origin", secHeader("Sec-Fetch-Site", "same-origin")},
		{"Origin is the server", secHeader("Origin", e.ts.URL)},
		{"both", secHeader("Sec-Fetch-Site", "same-origin", "Origin", e.ts.URL)},
	}
}

const secCrossOriginMsg = "For your safety, Puente blocked this action because it came from another page."

func TestSecCrossSiteLoginRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	form := url.Values{"email": {emailNetAdmin}, "password": {testPassword}}.Encode()
	for _, tc := range secCrossSite {
		t.Run(tc.name, func(t *testing.T) {
			c := e.client()
			before := secCounts(e)
			res := c.postRaw("/login", form, tc.header)
			secStatus(t, "POST /login", res, http.StatusForbidden)
			secHas(t, "POST /login", res.body, secCrossOriginMsg)
			secCheckHeaders(t, "403 cross-origin", res.header)
			if ck := secSetCookie(res, "puente_session"); ck != nil {
				t.Errorf("refused sign-in set a session cookie %q", ck.Value)
			}
			secSameCounts(t, "refused sign-in", before, secCounts(e))
			secRedirect(t, "GET / after refused sign-in", c.get("/"), "/login")
		})
	}
	for _, tc := range secSameOrigin(e) {
		t.Run(tc.name, func(t *testing.T) {
			c := e.client()
			res := c.postRaw("/login", form, tc.header)
			secRedirect(t, "POST /login", res, "/login/code")
			e.secondStep(c, emailNetAdmin)
			secStatus(t, "GET / after sign-in", c.get("/"), http.StatusOK)
		})
	}
}

func TestSecCrossSiteSignedInPostRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	net := e.orgs["network"]
	ana := e.signIn(emailNetAdmin)
	for i, tc := range secCrossSite {
		t.Run(tc.name, func(t *testing.T) {
			name := "Forged Group " + string(rune('A'+i))
			before := secCounts(e)
			res := ana.postRaw("/orgs/"+net.ID+"/groups", url.Values{"name": {name}}.Encode(), tc.header)
			secStatus(t, "POST groups", res, http.StatusForbidden)
			secHas(t, "POST groups", res.body, secCrossOriginMsg)
			secSameCounts(t, "refused group", before, secCounts(e))
			if page := ana.get("/orgs/" + net.ID); strings.Contains(page.body, name) {
				t.Errorf("network page lists %q after a refused cross-site POST", name)
			}

			// Nor can another site sign the person out, or switch their language.
			res = ana.postRaw("/logout", "", tc.header)
			secStatus(t, "POST /logout", res, http.StatusForbidden)
			secStatus(t, "GET / after refused sign-out", ana.get("/"), http.StatusOK)
			res = ana.postRaw("/lang", url.Values{"lang": {"es"}, "return": {"/"}}.Encode(), tc.header)
			secStatus(t, "POST /lang", res, http.StatusForbidden)
			if ck := secSetCookie(res, langCookie); ck != nil {
				t.Errorf("refused language switch set cookie %s=%s", ck.Name, ck.Value)
			}
			if u := secUser(t, e, emailNetAdmin); u.Lang != "" {
				t.Errorf("language after refused switch: got %q, want %q", u.Lang, "")
			}
		})
	}
	for i, tc := range secSameOrigin(e) {
		t.Run(tc.name, func(t *testing.T) {
			name := "Real Group " + string(rune('A'+i))
			before := e.count("organisations")
			res := ana.postRaw("/orgs/"+net.ID+"/groups", url.Values{"name": {name}}.Encode(), tc.header)
			if res.status != http.StatusSeeOther || !strings.HasPrefix(res.header.Get("Location"), "/orgs/") {
				t.Fatalf("POST groups: got %d to %q, want 303 to /orgs/…", res.status, res.header.Get("Location"))
			}
			if got, want := e.count("organisations"), before+1; got != want {
				t.Errorf("organisations: got %d, want %d", got, want)
			}
			secHas(t, "network page", ana.get("/orgs/"+net.ID).body, name)
		})
	}
}

// GET never changes anything, so a cross-site GET (a link from another
// site) is served normally.
func TestSecCrossSiteGetServed(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	res := secGet(e.client(), "/login", secHeader("Sec-Fetch-Site", "cross-site", "Origin", "http://evil.example"))
	secStatus(t, "cross-site GET /login", res, http.StatusOK)
}

// The language switch returns only to a path on this site.
func TestSecLangReturnStaysOnSite(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.client()
	for _, ret := range []string{"//evil.example/", "https://evil.example/", "/\\evil.example", "evil.example", "/ok\r\nSet-Cookie: x=y", ""} {
		res := c.post("/lang", url.Values{"lang": {"en"}, "return": {ret}})
		secRedirect(t, "return "+ret, res, "/")
	}
	secRedirect(t, "return /login", c.post("/lang", url.Values{"lang": {"en"}, "return": {"/login"}}), "/login")
}
