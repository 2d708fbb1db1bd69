package web

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"puente/internal/auth"
	"puente/internal/model"
)

var flowOrgLinkRE = regexp.MustCompile(`href="/orgs/([0-9a-f]{32})"`)

// flowCurrentOrg is the "Working in" line of the layout for org in kind · role.
func flowCurrentOrg(org, kindRole string) string {
	return "Working in: <strong>" + secEsc(org) + `</strong> <span class="kind">(` + secEsc(kindRole) + ")</span>"
}

func TestFlowFirstRunSetup(t *testing.T) {
	for _, tc := range []struct {
		kind     string
		kindRole string
		role     model.Role
	}{
		{"network", "Placement network · Admin", model.RoleAdmin},
		{"group", "Sponsor group · Coordinator", model.RoleCoordinator},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			t.Parallel()
			e := newEmptyEnv(t)
			anon := e.client()
			// Every page leads to setup until the first account exists.
			for _, p := range []string{"/", "/login", "/account", "/orgs/0123456789abcdef0123456789abcdef",
				"/orgs/0123456789abcdef0123456789abcdef/security", "/invite/sometoken", "/reset/sometoken"} {
				secRedirect(t, "GET "+p, anon.get(p), "/setup")
			}
			for _, p := range []string{"/login", "/logout", "/account/password", "/invite/sometoken"} {
				secRedirect(t, "POST "+p, anon.post(p, url.Values{"email": {"x@example.org"}}), "/setup")
			}
			// Except what needs no account at all, and addresses that are no page.
			secStatus(t, "GET unknown path", anon.get("/no/such/page"), http.StatusNotFound)
			if res := anon.get("/healthz"); res.status != http.StatusOK || res.body != "ok" {
				t.Errorf("healthz before setup: got %d %q, want 200 \"ok\"", res.status, res.body)
			}
			secStatus(t, "static before setup", anon.get("/static/app.css"), http.StatusOK)
			// Without the one-time token printed on the console, or with
			// another, /setup is not found (issue 8: whoever reaches a new
			// server first must not become its admin).
			for _, p := range []string{"/setup", "/setup?token=", "/setup?token=" + auth.NewToken(), "/setup?token=" + e.setupToken[:20]} {
				res := anon.get(p)
				secStatus(t, "GET "+p, res, http.StatusNotFound)
				secHas(t, "GET "+p, res.body, "Open the one-time setup link that was printed on the server's console when it started.")
				before := secCounts(e)
				secStatus(t, "POST "+p, anon.post(p, url.Values{
					"org_name": {"Intruders"}, "org_kind": {"network"}, "time_zone": {"America/Chicago"}, "name": {"Eve Intruder"},
					"email": {"eve@intruder.example.org"}, "password": {inOtherPassword}, "password_confirm": {inOtherPassword},
				}), http.StatusNotFound)
				secSameCounts(t, "POST "+p, before, secCounts(e))
			}
			form := anon.get(e.setupPath())
			secStatus(t, "GET /setup", form, http.StatusOK)
			secHas(t, "GET /setup", form.body, "Set up Puente")

			if !strings.Contains(form.body, `action="/setup?token=`+e.setupToken+`"`) {
				t.Errorf("setup form does not post to its link with the token")
			}
			res := anon.post(e.setupPath(), url.Values{
				"org_name": {"Harbour Friends"}, "org_kind": {tc.kind}, "time_zone": {"America/Chicago"}, "name": {"Rosa Quintero"},
				"email": {"rosa@harbour.example.org"}, "password": {inGoodPassword}, "password_confirm": {inGoodPassword},
			})
			secRedirect(t, "POST /setup", res, "/")
			if secSetCookie(res, secSessionCookie) == nil {
				t.Errorf("setup did not sign the person in (no session cookie)")
			}
			// The first account manages the organisation: it sets up
			// two-step sign-in before it reaches anything (issue 14).
			secRedirect(t, "GET / after setup", anon.get("/"), "/account/2fa")
			enrolPage := anon.get("/account/2fa")
			secHas(t, "two-step page after setup", enrolPage.body, "Your account and organisation are ready.")
			secHas(t, "two-step page after setup", enrolPage.body, "Your role needs two-step sign-in. Set it up now to continue.")
			e.enrol(anon, "rosa@harbour.example.org")
			home := anon.get("/")
			secStatus(t, "GET / after setup", home, http.StatusOK)
			if want := flowCurrentOrg("Harbour Friends", tc.kindRole); !strings.Contains(home.body, want) {
				t.Errorf("home after setup: want %q; body: %.800s", want, secSnippet(home.body))
			}
			for tb, want := range map[string]int{"users": 1, "organisations": 1, "memberships": 1} {
				if got := e.count(tb); got != want {
					t.Errorf("%s after setup: got %d, want %d", tb, got, want)
				}
			}
			rosa := secUser(t, e, "rosa@harbour.example.org")
			m := flowOrgLinkRE.FindStringSubmatch(home.body)
			if m == nil {
				t.Fatalf("home has no link to the organisation")
			}
			org := model.Org{ID: m[1]}
			if got := secRole(t, e, org, rosa.ID); got != tc.role {
				t.Errorf("role after setup: got %q, want %q", got, tc.role)
			}
			log := anon.get("/orgs/" + org.ID + "/security")
			if secLogRow(log.body, "Puente set up", "Rosa Quintero") == "" {
				t.Errorf("security log has no setup row by Rosa Quintero: %.800s", secSnippet(log.body))
			}

			// Setup is closed for good, for everyone.
			secStatus(t, "GET /setup after setup", anon.get("/setup"), http.StatusNotFound)
			secStatus(t, "GET /setup anonymous after setup", e.client().get("/setup"), http.StatusNotFound)
			secStatus(t, "GET the setup link after setup", e.client().get(e.setupPath()), http.StatusNotFound)
			before := secCounts(e)
			again := e.client().post(e.setupPath(), url.Values{
				"org_name": {"Second Org"}, "org_kind": {"network"}, "time_zone": {"America/Chicago"}, "name": {"Eve Intruder"},
				"email": {"eve@intruder.example.org"}, "password": {inOtherPassword}, "password_confirm": {inOtherPassword},
			})
			secStatus(t, "POST /setup after setup", again, http.StatusNotFound)
			secSameCounts(t, "second setup", before, secCounts(e))
			secRedirect(t, "anonymous GET / after setup", e.client().get("/"), "/login")
			secRedirect(t, "sign in after setup", e.client().post("/login",
				url.Values{"email": {"rosa@harbour.example.org"}, "password": {inGoodPassword}}), "/login/code")
		})
	}
}

func TestFlowSignInOut(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.client()
	page := c.get("/login")
	secStatus(t, "GET /login", page, http.StatusOK)
	secHas(t, "GET /login", page.body, "Sign in")
	secRedirect(t, "GET / signed out", c.get("/"), "/login")
	secRedirect(t, "sign in", c.post("/login", url.Values{"email": {emailNetAdmin}, "password": {testPassword}}), "/login/code")
	secRedirect(t, "GET / halfway", c.get("/"), "/login/code")
	e.secondStep(c, emailNetAdmin)
	home := c.get("/")
	secStatus(t, "GET / signed in", home, http.StatusOK)
	if want := flowCurrentOrg("Network One", "Placement network · Admin"); !strings.Contains(home.body, want) {
		t.Errorf("home: want %q", want)
	}
	secHas(t, "home", home.body, "Alpha Group")
	secRedirect(t, "GET /login signed in", c.get("/login"), "/")
	secRedirect(t, "sign out", c.post("/logout", url.Values{}), "/login")
	secRedirect(t, "GET / after sign-out", c.get("/"), "/login")

	log := e.signIn(emailNetAdmin).get("/orgs/" + e.orgs["network"].ID + "/security")
	for _, ev := range []string{"Signed in", "Signed out"} {
		if secLogRow(log.body, ev, "Ana Admin", "127.0.0.1") == "" {
			t.Errorf("security log has no %q row for Ana Admin from 127.0.0.1", ev)
		}
	}
}

func TestFlowHealthz(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	res := e.client().get("/healthz")
	if res.status != http.StatusOK || res.body != "ok" {
		t.Errorf("healthz: got %d %q, want 200 \"ok\"", res.status, res.body)
	}
	if got := res.header.Get("Content-Type"); got != "text/plain; charset=utf-8" {
		t.Errorf("healthz Content-Type: got %q, want text/plain; charset=utf-8", got)
	}
}

// Setup races: of many first-run forms sent at once, exactly one wins.
func TestFlowSetupOnlyOnce(t *testing.T) {
	t.Parallel()
	e := newEmptyEnv(t)
	const n = 8
	statuses := make(chan int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := e.client()
			req, err := http.NewRequest(http.MethodPost, c.base+e.setupPath(), strings.NewReader(url.Values{
				"org_name": {fmt.Sprintf("Org %d", i)}, "org_kind": {"group"}, "time_zone": {"America/Chicago"}, "name": {fmt.Sprintf("Person %d", i)},
				"email": {fmt.Sprintf("p%d@example.org", i)}, "password": {inGoodPassword}, "password_confirm": {inGoodPassword},
			}.Encode()))
			if err != nil {
				statuses <- -1
				return
			}
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			res, err := c.http.Do(req)
			if err != nil {
				statuses <- -1
				return
			}
			res.Body.Close()
			statuses <- res.StatusCode
		}()
	}
	wg.Wait()
	close(statuses)
	got := map[int]int{}
	for s := range statuses {
		got[s]++
	}
	if got[http.StatusSeeOther] != 1 || got[http.StatusNotFound] != n-1 {
		t.Errorf("statuses of %d concurrent setups: got %v, want one 303 and %d 404", n, got, n-1)
	}
	for tb, want := range map[string]int{"users": 1, "organisations": 1, "memberships": 1} {
		if c := e.count(tb); c != want {
			t.Errorf("%s after concurrent setups: got %d, want %d", tb, c, want)
		}
	}
}
