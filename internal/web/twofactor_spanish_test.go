package web

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// esTwoFactorPages are the pages of two-step sign-in in Spanish (issue
// 14), for the Spanish crawl: the second step and its refusals, setting it
// up (the key, a refused first code, the recovery codes), the account's
// page with its forms sent back, a coordinator's reset of a member, the
// organisation's requirement and the page that says to set it up first.
func esTwoFactorPages(t *testing.T, e *testEnv, coord *client) []esPage {
	t.Helper()
	var pages []esPage
	add := func(what string, res response, want int) {
		t.Helper()
		if res.status != want {
			t.Errorf("%s: got %d, want %d", what, res.status, want)
		}
		if !esLangRE.MatchString(res.body) {
			t.Errorf("%s: got no <html lang=\"es\">, want the page in Spanish", what)
		}
		pages = append(pages, esPage{what, visibleText(res.body)})
	}
	// The second step, in the language the switch chose before signing in.
	half := e.client()
	pvPost(t, half, "/lang", url.Values{"lang": {"es"}, "return": {"/login"}}, http.StatusSeeOther)
	secRedirect(t, "password step", half.post("/login", url.Values{"email": {"coord@alpha.example.org"}, "password": {"puente-demo-2026"}}), "/login/code")
	add("second step", half.get("/login/code"), http.StatusOK)
	add("second step, malformed code", half.post("/login/code", url.Values{"code": {"12"}}), http.StatusUnprocessableEntity)
	add("second step, wrong code", half.post("/login/code", url.Values{"code": {wrongCode(e.codes.current(t, "coord@alpha.example.org"))}}), http.StatusUnprocessableEntity)
	add("recovery step", half.get("/login/recovery"), http.StatusOK)
	add("recovery step, wrong code", half.post("/login/recovery", url.Values{"code": {"0000-0000-0000-0000"}}), http.StatusUnprocessableEntity)
	add("recovery step, malformed", half.post("/login/recovery", url.Values{"code": {"abc"}}), http.StatusUnprocessableEntity)

	// The member sets it up, in Spanish.
	const member = "member@alpha.example.org"
	m := e.signInSpanish(member)
	add("two-step page, off", m.get("/account/2fa"), http.StatusOK)
	pvPost(t, m, "/account/2fa/setup", url.Values{}, http.StatusSeeOther)
	setup := m.get("/account/2fa")
	add("two-step page, key shown", setup, http.StatusOK)
	key := tfKeyRE.FindStringSubmatch(setup.body)
	if key == nil {
		t.Fatalf("Spanish set-up page shows no key")
	}
	e.codes.add(member, strings.ReplaceAll(html.UnescapeString(key[1]), " ", ""))
	add("two-step page, wrong first code", m.post("/account/2fa/confirm", url.Values{"code": {wrongCode(e.codes.current(t, member))}}), http.StatusUnprocessableEntity)
	e.codes.turn.Lock()
	codes := m.post("/account/2fa/confirm", url.Values{"code": {e.codes.next(t, member)}})
	e.codes.turn.Unlock()
	add("recovery codes", codes, http.StatusOK)
	add("two-step page, on", m.get("/account/2fa"), http.StatusOK)
	add("new codes, refused", m.post("/account/2fa/recovery-codes", url.Values{"renew_password": {"mal"}}), http.StatusUnprocessableEntity)
	add("turning off, refused", m.post("/account/2fa/disable", url.Values{"disable_password": {"puente-demo-2026"}, "disable_code": {"xyz"}}), http.StatusUnprocessableEntity)
	add("new codes", m.post("/account/2fa/recovery-codes", url.Values{"renew_password": {"puente-demo-2026"}}), http.StatusOK)

	// Alpha's coordinator resets the member, after the confirmation page.
	org := pvGet(t, coord, "/orgs/"+esAlphaID(t, coord), http.StatusOK)
	link := regexp.MustCompile(`href="(/orgs/[0-9a-f]{32}/members/[0-9a-f]{32}/2fa/reset)"`).FindStringSubmatch(org.body)
	if link == nil {
		t.Fatalf("alpha's people page offers no reset of the member's two-step sign-in")
	}
	add("reset confirmation", coord.get(link[1]), http.StatusOK)
	pvPost(t, coord, link[1], url.Values{}, http.StatusSeeOther)
	add("people page after the reset", coord.get("/orgs/"+esAlphaID(t, coord)), http.StatusOK)
	add("reset of someone without it", coord.get(link[1]), http.StatusOK)

	// The group requires it of everyone: the member is sent to set it up.
	alpha := esAlphaID(t, coord)
	add("settings, refused", coord.post("/orgs/"+alpha+"/settings", url.Values{"time_zone": {"America/New_York"}, "require_two_factor": {"sí"}}), http.StatusUnprocessableEntity)
	pvPost(t, coord, "/orgs/"+alpha+"/settings", url.Values{"time_zone": {"America/New_York"}, "require_two_factor": {"on"}}, http.StatusSeeOther)
	add("settings, required", coord.get("/orgs/"+alpha+"/settings"), http.StatusOK)
	m = e.signInSpanish(member)
	add("set it up first (a form)", m.post("/cases", url.Values{"status": {"arrived"}, "name": {"X"}}), http.StatusForbidden)
	add("set it up first (the page)", m.get("/account/2fa"), http.StatusOK)
	add("security log", coord.get("/orgs/"+alpha+"/security"), http.StatusOK)
	pvPost(t, coord, "/orgs/"+alpha+"/settings", url.Values{"time_zone": {"America/New_York"}}, http.StatusSeeOther)
	return pages
}

// esAlphaID is the id of the organisation alpha's coordinator works in.
func esAlphaID(t *testing.T, coord *client) string {
	t.Helper()
	m := regexp.MustCompile(`href="/orgs/([0-9a-f]{32})"`).FindStringSubmatch(pvGet(t, coord, "/", http.StatusOK).body)
	if m == nil {
		t.Fatal("alpha coordinator's home page links to no organisation")
	}
	return m[1]
}
