package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"puente/internal/checklist"
)

// TestGuideIsPublicCacheableAndTheSameForEveryone: /guide, each stage's
// page and the privacy page answer without signing in, in English and
// Spanish, with public caching and an ETag (304 when it matches); they
// hold every shipped item's title and no case data: a signed-in
// coordinator gets the very same bytes as someone not signed in, even
// after the canary case is seeded.
func TestGuideIsPublicCacheableAndTheSameForEveryone(t *testing.T) {
	e := newEnv(t)
	pvFixClock(e)
	cn := pvSeedCanary(t, e)
	anon, coord := e.client(), e.signIn(emailAlphaCoord)
	login := anon.get("/login").body
	if !strings.Contains(login, `href="/guide"`) || !strings.Contains(login, "How sponsorship works") {
		t.Errorf("sign-in page: got no link to the guide")
	}
	paths := []string{"/guide", "/guide/safety"}
	for _, st := range checklist.Stages {
		paths = append(paths, "/guide/"+string(st))
	}
	markers := append(append(append([]string{cn.code, cn.id}, cn.plain...), cn.sensitive...), cn.people...)
	for _, p := range paths {
		a := anon.get(p)
		if a.status != http.StatusOK {
			t.Fatalf("GET %s not signed in: got %d, want 200", p, a.status)
		}
		if cc := a.header.Get("Cache-Control"); cc != "public, max-age=3600" {
			t.Errorf("GET %s: Cache-Control %q, want public", p, cc)
		}
		etag := a.header.Get("ETag")
		if etag == "" {
			t.Fatalf("GET %s: no ETag", p)
		}
		if c := coord.get(p); c.body != a.body || c.header.Get("ETag") != etag {
			t.Errorf("GET %s: a signed-in coordinator got another page than someone not signed in", p)
		}
		if found := pvFound(a.body, markers); len(found) > 0 {
			t.Errorf("GET %s: holds case data %q", p, found)
		}
		if res := secGet(anon, p, secHeader("If-None-Match", etag)); res.status != http.StatusNotModified || res.body != "" {
			t.Errorf("GET %s with its ETag: got %d and %d bytes, want 304 and none", p, res.status, len(res.body))
		}
	}
	first := anon.get("/guide/first_week").body
	for _, want := range []string{"Send the EOIR-33 change of address to the court", "https://www.justice.gov/eoir/", "Confirm every date and form with the lawyer"} {
		if !strings.Contains(first, want) {
			t.Errorf("/guide/first_week: got no %q", want)
		}
	}
	if safety := anon.get("/guide/safety").body; !strings.Contains(safety, "What an A-number reveals") || !strings.Contains(safety, "If someone asks for the group") {
		t.Errorf("/guide/safety: got no A-number or records section")
	}
	if res := anon.get("/guide/castle"); res.status != http.StatusNotFound {
		t.Errorf("/guide/castle: got %d, want 404", res.status)
	}
	// In Spanish, with another ETag.
	en := anon.get("/guide/first_week")
	pvPost(t, anon, "/lang", url.Values{"lang": {"es"}, "return": {"/guide/first_week"}}, http.StatusSeeOther)
	es := anon.get("/guide/first_week")
	if !strings.Contains(es.body, "Primera semana") || !strings.Contains(es.body, "Envíe el EOIR-33, cambio de dirección, al tribunal") {
		t.Errorf("Spanish guide: got no Spanish words")
	}
	if es.header.Get("ETag") == en.header.Get("ETag") {
		t.Errorf("the Spanish page has the English page's ETag")
	}
}
