package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// flowSpanish fails unless res is a page in Spanish showing want.
func flowSpanish(t *testing.T, label string, res response, want string) {
	t.Helper()
	if !strings.Contains(res.body, `<html lang="es"`) {
		t.Errorf("%s: want <html lang=\"es\"; body: %.300s", label, res.body)
	}
	secHas(t, label, res.body, want)
}

// flowEnglish fails unless res is a page in English showing want.
func flowEnglish(t *testing.T, label string, res response, want string) {
	t.Helper()
	if !strings.Contains(res.body, `<html lang="en"`) {
		t.Errorf("%s: want <html lang=\"en\"; body: %.300s", label, res.body)
	}
	secHas(t, label, res.body, want)
}

func TestFlowLanguageAnonymous(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.client()
	flowEnglish(t, "default", c.get("/login"), "Sign in")
	res := c.post("/lang", url.Values{"lang": {"es"}, "return": {"/login"}})
	secRedirect(t, "switch to Spanish", res, "/login")
	if ck := secSetCookie(res, langCookie); ck == nil || ck.Value != "es" || !ck.HttpOnly || ck.Path != "/" {
		t.Errorf("language cookie: got %v, want es, HttpOnly, Path=/", ck)
	}
	page := c.get("/login")
	flowSpanish(t, "after the switch", page, "Iniciar sesión")
	secHas(t, "after the switch", page.body, "Correo electrónico")
	// The cookie beats the browser's language; the switch goes back too.
	flowSpanish(t, "cookie over Accept-Language", secGet(c, "/login", secHeader("Accept-Language", "en")), "Iniciar sesión")
	secRedirect(t, "switch back", c.post("/lang", url.Values{"lang": {"en"}, "return": {"/login"}}), "/login")
	flowEnglish(t, "after switching back", c.get("/login"), "Sign in")

	// The browser's language, with no choice made.
	flowSpanish(t, "Accept-Language es", secGet(e.client(), "/login", secHeader("Accept-Language", "es")), "Iniciar sesión")
	flowSpanish(t, "Accept-Language es-MX", secGet(e.client(), "/login", secHeader("Accept-Language", "es-MX,es;q=0.9,en;q=0.5")), "Iniciar sesión")
	flowEnglish(t, "Accept-Language fr", secGet(e.client(), "/login", secHeader("Accept-Language", "fr-FR")), "Sign in")
	flowEnglish(t, "Accept-Language en before es", secGet(e.client(), "/login", secHeader("Accept-Language", "en-GB,es;q=0.5")), "Sign in")
	// Errors too.
	flowSpanish(t, "404 in Spanish", secGet(e.client(), "/no/such/page", secHeader("Accept-Language", "es")), "Página no encontrada")

	// Languages that do not exist are refused.
	secStatus(t, "unknown language", e.client().post("/lang", url.Values{"lang": {"xx"}, "return": {"/"}}), http.StatusBadRequest)
}

func TestFlowLanguageSignedInPersists(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.signIn(emailNetAdmin)
	flowEnglish(t, "before", c.get("/"), "Working in:")
	secRedirect(t, "switch", c.post("/lang", url.Values{"lang": {"es"}, "return": {"/account"}}), "/account")
	flowSpanish(t, "account after the switch", c.get("/account"), "Mi cuenta")
	flowSpanish(t, "home after the switch", c.get("/"), "Trabajando en:")
	if u := secUser(t, e, emailNetAdmin); u.Lang != "es" {
		t.Errorf("stored language: got %q, want %q", u.Lang, "es")
	}
	// A new session on another browser, with no cookie and an English
	// browser, follows the account's choice.
	other := e.client()
	res := other.postRaw("/login", url.Values{"email": {emailNetAdmin}, "password": {testPassword}}.Encode(), secHeader("Accept-Language", "en"))
	secRedirect(t, "sign in elsewhere", res, "/login/code")
	e.secondStep(other, emailNetAdmin)
	flowSpanish(t, "new session", secGet(other, "/", secHeader("Accept-Language", "en")), "Trabajando en:")
	// Someone else on the same server is unaffected.
	flowEnglish(t, "another account", e.signIn(emailNetCoord).get("/"), "Working in:")
}
