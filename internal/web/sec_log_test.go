package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// One-time tokens travel in paths; the log records the route pattern
// instead, and no names, emails or passwords.
func TestSecTokensNeverLogged(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	coord := e.signIn(emailAlphaCoord)
	miguel := secUser(t, e, emailAlphaMem)
	const invitee = "rosa.quintero@alpha.example.org"
	const inviteeName = "Rosa Quintero"
	const newPassword = "Lantern-Orchard-Meadow-27"

	res := coord.post("/orgs/"+alpha.ID+"/invitations", url.Values{"email": {invitee}, "role": {"member"}})
	secStatus(t, "invite", res, http.StatusOK)
	inv := secLinkToken(t, res.body, "invite")
	res = coord.post("/orgs/"+alpha.ID+"/members/"+miguel.ID+"/reset", url.Values{})
	secStatus(t, "reset link", res, http.StatusOK)
	rst := secLinkToken(t, res.body, "reset")
	unknown := "unknownTokenAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

	anon := e.client()
	secStatus(t, "GET invite", anon.get("/invite/"+inv), http.StatusOK)
	secStatus(t, "POST invite, rejected", anon.post("/invite/"+inv, url.Values{"name": {inviteeName}, "password": {"short"}}), http.StatusUnprocessableEntity)
	secRedirect(t, "POST invite", anon.post("/invite/"+inv, url.Values{
		"name": {inviteeName}, "password": {newPassword}, "password_confirm": {newPassword}}), "/")
	secStatus(t, "GET invite again", e.client().get("/invite/"+inv), http.StatusNotFound)
	secStatus(t, "GET unknown invite", e.client().get("/invite/"+unknown), http.StatusNotFound)
	secStatus(t, "GET reset", e.client().get("/reset/"+rst), http.StatusOK)
	secRedirect(t, "POST reset", e.client().post("/reset/"+rst, url.Values{
		"password": {newPassword}, "password_confirm": {newPassword}}), "/login?reset=1")
	secStatus(t, "GET unknown reset", e.client().get("/reset/"+unknown), http.StatusNotFound)
	secStatus(t, "failed sign-in", e.client().post("/login", url.Values{"email": {invitee}, "password": {"Wrong-Password-Typed-Here"}}), http.StatusUnprocessableEntity)
	secStatus(t, "unmatched path", e.client().get("/secret/"+unknown), http.StatusNotFound)

	logs := e.logs.String()
	for _, s := range []string{inv, rst, unknown, invitee, inviteeName, newPassword, "Wrong-Password-Typed-Here", testPassword,
		emailAlphaCoord, emailAlphaMem, miguel.ID} {
		if strings.Contains(logs, s) {
			t.Errorf("log contains %q; log:\n%s", s, logs)
		}
	}
	for _, want := range []string{"route=/invite/{token}", "route=/reset/{token}", "route=/orgs/{orgID}/members/{userID}/reset", "route=unmatched"} {
		if !strings.Contains(logs, want) {
			t.Errorf("log has no %q; log:\n%s", want, logs)
		}
	}
}
