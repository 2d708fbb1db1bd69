package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"puente/internal/model"
)

const secSessionCookie = "puente_session"

func TestSecSessionCookieFlags(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	// The password step sets the cookie (the second step renews it with
	// the same flags); a network coordinator has no second step.
	res := e.client().post("/login", url.Values{"email": {emailNetCoord}, "password": {testPassword}})
	secRedirect(t, "sign in", res, "/")
	ck := secSetCookie(res, secSessionCookie)
	if ck == nil {
		t.Fatalf("sign-in set no %s cookie; Set-Cookie: %q", secSessionCookie, res.header.Values("Set-Cookie"))
	}
	if !ck.HttpOnly {
		t.Errorf("HttpOnly: got false, want true")
	}
	if ck.SameSite != http.SameSiteLaxMode {
		t.Errorf("SameSite: got %v, want %v (Lax)", ck.SameSite, http.SameSiteLaxMode)
	}
	if ck.Path != "/" {
		t.Errorf("Path: got %q, want %q", ck.Path, "/")
	}
	if ck.Secure {
		t.Errorf("Secure over http: got true, want false (the browser would never send it back)")
	}
	if ck.Domain != "" {
		t.Errorf("Domain: got %q, want none (host-only)", ck.Domain)
	}
	if len(ck.Value) < 32 {
		t.Errorf("token %q: got %d characters, want at least 32", ck.Value, len(ck.Value))
	}
	if got := secSetCookie(res, "__Host-puente_session"); got != nil {
		t.Errorf("http server set a __Host- cookie: %v", got)
	}
}

// With an https BaseURL the session cookie takes the __Host- prefix and
// Secure, and every response carries HSTS.
func TestSecHTTPSCookieAndHSTS(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := secHTTPS(t, e)

	res := c.post("/login", url.Values{"email": {emailNetAdmin}, "password": {testPassword}})
	secRedirect(t, "sign in over https", res, "/login/code")
	ck := secSetCookie(res, "__Host-puente_session")
	if ck == nil {
		t.Fatalf("no __Host-puente_session cookie; Set-Cookie: %q", res.header.Values("Set-Cookie"))
	}
	if !ck.Secure || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" || ck.Domain != "" {
		t.Errorf("cookie flags: got Secure=%v HttpOnly=%v SameSite=%v Path=%q Domain=%q, want true true Lax \"/\" \"\"",
			ck.Secure, ck.HttpOnly, ck.SameSite, ck.Path, ck.Domain)
	}
	if got := secSetCookie(res, secSessionCookie); got != nil {
		t.Errorf("https server also set the unprefixed cookie: %v", got)
	}
	// The cookie works: the browser is signed in after its code.
	e.secondStep(c, emailNetAdmin)
	home := c.get("/")
	secStatus(t, "GET / over https", home, http.StatusOK)
	secHas(t, "GET / over https", home.body, "Network One")

	// The language cookie is Secure too.
	lang := c.post("/lang", url.Values{"lang": {"es"}, "return": {"/"}})
	if lc := secSetCookie(lang, langCookie); lc == nil || !lc.Secure || !lc.HttpOnly {
		t.Errorf("language cookie over https: got %v, want Secure and HttpOnly", lc)
	}

	for _, p := range []string{"/", "/login", "/healthz", "/static/app.css", "/no/such/page"} {
		res := c.get(p)
		secCheckHeaders(t, "https GET "+p, res.header)
		hsts := res.header.Get("Strict-Transport-Security")
		age, ok := strings.CutPrefix(hsts, "max-age=")
		if !ok {
			t.Errorf("https GET %s: Strict-Transport-Security got %q, want max-age=…", p, hsts)
			continue
		}
		age, _, _ = strings.Cut(age, ";")
		if n, err := strconv.Atoi(age); err != nil || n < 31536000 {
			t.Errorf("https GET %s: HSTS max-age got %q, want at least a year (31536000)", p, age)
		}
	}

	// Invitation links use the public https address.
	res = c.post("/orgs/"+e.orgs["network"].ID+"/invitations", url.Values{"email": {"https@network.example.org"}, "role": {"coordinator"}})
	secStatus(t, "invite over https", res, http.StatusOK)
	if !strings.Contains(res.body, secHTTPSBaseURL+"/invite/") {
		t.Errorf("invitation link does not start with %s/invite/: %.400s", secHTTPSBaseURL, secSnippet(res.body))
	}
}

// Signing in replaces whatever session the browser had: a token that
// existed before (planted or from an earlier sign-in) is dead afterwards.
func TestSecNewTokenAtSignIn(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()

	t.Run("anonymous session before sign-in", func(t *testing.T) {
		// A real, stored anonymous session, as an attacker could plant.
		sctx, err := e.srv.sessions.Load(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		e.srv.sessions.Put(sctx, "planted", "yes")
		pre, _, err := e.srv.sessions.Commit(sctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, found, _ := e.srv.sessions.Store.Find(pre); !found {
			t.Fatalf("planted session not stored")
		}
		c := secClientWithCookie(e, secSessionCookie, pre)
		secStatus(t, "GET /login with planted session", c.get("/login"), http.StatusOK)
		res := c.post("/login", url.Values{"email": {emailNetAdmin}, "password": {testPassword}})
		secRedirect(t, "sign in", res, "/login/code")
		ck := secSetCookie(res, secSessionCookie)
		if ck == nil || ck.Value == "" {
			t.Fatalf("sign-in set no session cookie")
		}
		if ck.Value == pre {
			t.Errorf("token after sign-in: got the pre-login token %q, want a new one", pre)
		}
		if _, found, err := e.srv.sessions.Store.Find(pre); found || err != nil {
			t.Errorf("pre-login token still in the store: found=%v err=%v, want gone", found, err)
		}
		// The second step renews it again: the half-signed-in token is
		// not the signed-in one.
		e.secondStep(c, emailNetAdmin)
		if got := secJarValue(c, secSessionCookie); got == "" || got == ck.Value || got == pre {
			t.Errorf("token after the second step: got %q, want a new one (password step's was %q)", got, ck.Value)
		}
		secRedirect(t, "GET / with the half-signed-in token", secClientWithCookie(e, secSessionCookie, ck.Value).get("/"), "/login")
		// Whoever planted it holds nothing.
		secRedirect(t, "GET / with the pre-login token", secClientWithCookie(e, secSessionCookie, pre).get("/"), "/login")
		secStatus(t, "GET / with the new token", c.get("/"), http.StatusOK)
	})

	t.Run("forged token", func(t *testing.T) {
		c := secClientWithCookie(e, secSessionCookie, "attacker-chosen-token-0123456789abcdef")
		res := c.post("/login", url.Values{"email": {emailNetAdmin}, "password": {testPassword}})
		secRedirect(t, "sign in", res, "/login/code")
		if got := secJarValue(c, secSessionCookie); got == "attacker-chosen-token-0123456789abcdef" || got == "" {
			t.Errorf("token after sign-in: got %q, want a fresh server-made token", got)
		}
		c2 := secClientWithCookie(e, secSessionCookie, "attacker-chosen-token-0123456789abcdef")
		secRedirect(t, "GET / with the forged token", c2.get("/"), "/login")
	})

	t.Run("signed-in session before another sign-in", func(t *testing.T) {
		c := e.signIn(emailAlphaMem)
		first := secJarValue(c, secSessionCookie)
		res := c.post("/login", url.Values{"email": {emailNetAdmin}, "password": {testPassword}})
		secRedirect(t, "second sign-in", res, "/login/code")
		// Halfway through the new sign-in, the member's sign-in is gone too.
		secRedirect(t, "GET / halfway", c.get("/"), "/login/code")
		e.secondStep(c, emailNetAdmin)
		second := secJarValue(c, secSessionCookie)
		if first == "" || second == "" || first == second {
			t.Errorf("tokens: got before %q after %q, want two different tokens", first, second)
		}
		secRedirect(t, "GET / with the old token", secClientWithCookie(e, secSessionCookie, first).get("/"), "/login")
		home := c.get("/")
		secStatus(t, "GET / with the new token", home, http.StatusOK)
		secHas(t, "GET / with the new token", home.body, "Network One")
	})
}

func TestSecSignOutEndsSession(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.signIn(emailNetAdmin)
	token := secJarValue(c, secSessionCookie)
	sessions := e.count("sessions")
	res := c.post("/logout", url.Values{})
	secRedirect(t, "sign out", res, "/login")
	if ck := secSetCookie(res, secSessionCookie); ck == nil || ck.MaxAge >= 0 || ck.Value != "" {
		t.Errorf("sign-out cookie: got %v, want the cookie deleted", ck)
	}
	if got, want := e.count("sessions"), sessions-1; got != want {
		t.Errorf("sessions after sign-out: got %d, want %d", got, want)
	}
	secRedirect(t, "replayed cookie GET /", secClientWithCookie(e, secSessionCookie, token).get("/"), "/login")
	secStatus(t, "replayed cookie POST /account/password",
		secClientWithCookie(e, secSessionCookie, token).post("/account/password", url.Values{}), http.StatusUnauthorized)
	secRedirect(t, "GET / after sign-out", c.get("/"), "/login")
	if n := secCountEvents(t, e, e.orgs["network"], model.EventSignout, secUser(t, e, emailNetAdmin).ID); n != 1 {
		t.Errorf("sign-out events: got %d, want 1", n)
	}
}

func TestSecPasswordChangeEndsOtherSessions(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	const newPassword = "Lantern-Orchard-Meadow-27"
	here := e.signIn(emailAlphaMem)
	other := e.signIn(emailAlphaMem)
	before := secJarValue(here, secSessionCookie)
	res := here.post("/account/password", url.Values{
		"current_password": {testPassword}, "password": {newPassword}, "password_confirm": {newPassword}})
	secRedirect(t, "change password", res, "/account")
	secRedirect(t, "other session GET /", other.get("/"), "/login")
	page := here.get("/account")
	secStatus(t, "this session GET /account", page, http.StatusOK)
	secHas(t, "this session GET /account", page.body, "Password changed. Your other sessions were signed out.")
	if after := secJarValue(here, secSessionCookie); after == before {
		t.Errorf("this session's token after a password change: got the old token, want a new one")
	}
	secRedirect(t, "old token replayed", secClientWithCookie(e, secSessionCookie, before).get("/"), "/login")
	secStatus(t, "sign in with the old password",
		e.client().post("/login", url.Values{"email": {emailAlphaMem}, "password": {testPassword}}), http.StatusUnprocessableEntity)
	secRedirect(t, "sign in with the new password",
		e.client().post("/login", url.Values{"email": {emailAlphaMem}, "password": {newPassword}}), "/")
}

func TestSecResetEndsSessions(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	const newPassword = "Lantern-Orchard-Meadow-27"
	alpha := e.orgs["alpha"]
	victim := e.signIn(emailAlphaMem)
	coord := e.signIn(emailAlphaCoord)
	miguel := secUser(t, e, emailAlphaMem)
	res := coord.post("/orgs/"+alpha.ID+"/members/"+miguel.ID+"/reset", url.Values{})
	secStatus(t, "issue reset", res, http.StatusOK)
	token := secLinkToken(t, res.body, "reset")
	secStatus(t, "victim still signed in before the link is used", victim.get("/"), http.StatusOK)
	res = e.client().post("/reset/"+token, url.Values{"password": {newPassword}, "password_confirm": {newPassword}})
	secRedirect(t, "use reset", res, "/login?reset=1")
	secRedirect(t, "session from before the reset", victim.get("/"), "/login")
	secStatus(t, "the coordinator is not affected", coord.get("/"), http.StatusOK)
}

func TestSecRoleChangeEndsSessions(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	miguel := secUser(t, e, emailAlphaMem)
	coord := e.signIn(emailAlphaCoord)

	victim := e.signIn(emailAlphaMem)
	res := coord.post("/orgs/"+alpha.ID+"/members/"+miguel.ID+"/role", url.Values{"role": {"coordinator"}})
	secRedirect(t, "change role", res, "/orgs/"+alpha.ID)
	secRedirect(t, "session from before the role change", victim.get("/"), "/login")
	again := e.signIn(emailAlphaMem)
	secHas(t, "after signing in again", again.get("/").body, "(Sponsor group · Coordinator)")

	// Removal ends the sessions too.
	res = coord.post("/orgs/"+alpha.ID+"/members/"+miguel.ID+"/remove", url.Values{})
	secRedirect(t, "remove", res, "/orgs/"+alpha.ID)
	secRedirect(t, "session from before the removal", again.get("/"), "/login")
	secStatus(t, "the coordinator is not affected", coord.get("/"), http.StatusOK)
}
