package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"puente/internal/model"
)

// A network admin creates a group and invites its first coordinator, who
// joins with a new account.
func TestFlowGroupAndInvitation(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	net := e.orgs["network"]
	ana := e.signIn(emailNetAdmin)
	const group = "Riverside Sponsors"
	const email = "rivera@riverside.example.org"

	res := ana.post("/orgs/"+net.ID+"/groups", url.Values{"name": {group}})
	loc := res.header.Get("Location")
	m := regexp.MustCompile(`^/orgs/([0-9a-f]{32})$`).FindStringSubmatch(loc)
	if res.status != http.StatusSeeOther || m == nil {
		t.Fatalf("create group: got %d to %q, want 303 to /orgs/{id}", res.status, loc)
	}
	gid := m[1]
	page := ana.get(loc)
	secStatus(t, "group page", page, http.StatusOK)
	secHas(t, "group page", page.body, "Group created. Invite its first coordinator.")
	netPage := ana.get("/orgs/" + net.ID)
	if !strings.Contains(netPage.body, `<a href="/orgs/`+gid+`">`+group+`</a>`) {
		t.Errorf("network page does not list %q linking to its page", group)
	}

	res = ana.post("/orgs/"+gid+"/invitations", url.Values{"email": {email}, "role": {"coordinator"}})
	secStatus(t, "invite", res, http.StatusOK)
	secHas(t, "invite", res.body, "Send this link to "+email+", who will join as Coordinator of "+group+". It works once, for 7 days.")
	if !strings.Contains(res.body, `value="`+e.ts.URL+`/invite/`) {
		t.Errorf("link page has no %s/invite/ link", e.ts.URL)
	}
	token := secLinkToken(t, res.body, "invite")
	if got := ana.get("/orgs/" + gid); !strings.Contains(got.body, email) {
		t.Errorf("group page does not list the pending invitation for %s", email)
	}

	newcomer := e.client()
	form := newcomer.get("/invite/" + token)
	secStatus(t, "GET invitation", form, http.StatusOK)
	secHas(t, "GET invitation", form.body, "You are invited to "+group+" as Coordinator.")
	secHas(t, "GET invitation", form.body, "Write your name and a password for "+email+".")
	res = newcomer.post("/invite/"+token, url.Values{"name": {"Ramón Rivera"}, "password": {inGoodPassword}, "password_confirm": {inGoodPassword}})
	secRedirect(t, "accept", res, "/")
	// A coordinator sets up two-step sign-in before reaching the group.
	secRedirect(t, "home before two-step sign-in", newcomer.get("/"), "/account/2fa")
	secHas(t, "two-step page after accepting", newcomer.get("/account/2fa").body, "Welcome. You have joined the organisation.")
	e.enrol(newcomer, email)
	home := newcomer.get("/")
	secStatus(t, "home after accepting", home, http.StatusOK)
	if want := flowCurrentOrg(group, "Sponsor group · Coordinator"); !strings.Contains(home.body, want) {
		t.Errorf("home after accepting: want %q; body: %.800s", want, secSnippet(home.body))
	}
	ramon := secUser(t, e, email)
	if ramon.Name != "Ramón Rivera" {
		t.Errorf("new account name: got %q, want %q", ramon.Name, "Ramón Rivera")
	}
	if got := secRole(t, e, model.Org{ID: gid}, ramon.ID); got != model.RoleCoordinator {
		t.Errorf("role in the group: got %q, want coordinator", got)
	}
	// The new coordinator manages the group.
	secStatus(t, "new coordinator opens the invitation form", newcomer.get("/orgs/"+gid+"/invitations/new"), http.StatusOK)

	// The link works once.
	before := secCounts(e)
	secStatus(t, "GET used link", e.client().get("/invite/"+token), http.StatusNotFound)
	again := e.client().post("/invite/"+token, url.Values{"name": {"Eve"}, "password": {inOtherPassword}, "password_confirm": {inOtherPassword}})
	secStatus(t, "POST used link", again, http.StatusNotFound)
	secSameCounts(t, "used link", before, secCounts(e))

	log := ana.get("/orgs/" + gid + "/security")
	if secLogRow(log.body, "Invitation issued", "Ana Admin") == "" {
		t.Errorf("group log has no 'Invitation issued' by Ana Admin")
	}
	if secLogRow(log.body, "Invitation accepted", "Ramón Rivera") == "" {
		t.Errorf("group log has no 'Invitation accepted' by Ramón Rivera")
	}
	if secLogRow(ana.get("/orgs/"+net.ID+"/security").body, "Sponsor group created", "Ana Admin") == "" {
		t.Errorf("network log has no 'Sponsor group created' by Ana Admin")
	}
}

// An invitation for an address that already has an account is accepted
// with that account's password; the page looks exactly like a newcomer's
// (issue 8: the link's holder must not learn whether the address has an
// account), and the account keeps its name and password.
func TestFlowInvitationForExistingAccount(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	coord := e.signIn(emailAlphaCoord)
	beatriz := secUser(t, e, emailBetaCoord)
	res := coord.post("/orgs/"+alpha.ID+"/invitations", url.Values{"email": {emailBetaCoord}, "role": {"member"}})
	secStatus(t, "invite", res, http.StatusOK)
	token := secLinkToken(t, res.body, "invite")

	c := e.client()
	form := c.get("/invite/" + token)
	secStatus(t, "GET invitation", form, http.StatusOK)
	secHas(t, "GET invitation", form.body, "Write your name and a password for "+emailBetaCoord+".")
	for _, field := range []string{`name="name"`, `name="password"`, `name="password_confirm"`} {
		if !strings.Contains(form.body, field) {
			t.Errorf("invitation form lacks %s", field)
		}
	}

	wrong := c.post("/invite/"+token, url.Values{"name": {"Someone"}, "password": {inOtherPassword}, "password_confirm": {inOtherPassword}})
	secStatus(t, "wrong password", wrong, http.StatusUnprocessableEntity)
	secHas(t, "wrong password", wrong.body, "That password is not right.")
	if secSetCookie(wrong, secSessionCookie) != nil {
		t.Errorf("a wrong password started a session")
	}
	if got := secRole(t, e, alpha, beatriz.ID); got != "" {
		t.Errorf("role in alpha after a wrong password: got %q, want none", got)
	}
	secRedirect(t, "still signed out", c.get("/"), "/login")

	// Beatriz has two-step sign-in: the invitation is accepted, and her
	// password alone does not sign her in.
	secRedirect(t, "right password", c.post("/invite/"+token,
		url.Values{"name": {"Another Name"}, "password": {testPassword}, "password_confirm": {testPassword}}), "/login/code")
	secRedirect(t, "halfway", c.get("/"), "/login/code")
	secHas(t, "second step after joining", c.get("/login/code").body, "Welcome. You have joined the organisation.")
	e.secondStep(c, emailBetaCoord)
	if got := secRole(t, e, alpha, beatriz.ID); got != model.RoleMember {
		t.Errorf("role in alpha: got %q, want member", got)
	}
	if got := secRole(t, e, e.orgs["beta"], beatriz.ID); got != model.RoleCoordinator {
		t.Errorf("role in beta: got %q, want coordinator (kept)", got)
	}
	if got := secUser(t, e, emailBetaCoord); got.PasswordHash != beatriz.PasswordHash || got.Name != beatriz.Name {
		t.Errorf("accepting changed the existing account")
	}
	home := c.get("/")
	if want := flowCurrentOrg("Alpha Group", "Sponsor group · Member"); !strings.Contains(home.body, want) {
		t.Errorf("home after accepting: want %q; body: %.800s", want, secSnippet(home.body))
	}
	secStatus(t, "link after use", e.client().get("/invite/"+token), http.StatusNotFound)
}

func TestFlowRevokeInvitation(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	coord := e.signIn(emailAlphaCoord)
	const email = "not.anymore@alpha.example.org"
	res := coord.post("/orgs/"+alpha.ID+"/invitations", url.Values{"email": {email}, "role": {"member"}})
	secStatus(t, "invite", res, http.StatusOK)
	token := secLinkToken(t, res.body, "invite")
	secStatus(t, "link before revoking", e.client().get("/invite/"+token), http.StatusOK)

	page := coord.get("/orgs/" + alpha.ID)
	m := regexp.MustCompile(`href="/orgs/` + alpha.ID + `/invitations/([0-9a-f]{32})/revoke"`).FindStringSubmatch(page.body)
	if m == nil || !strings.Contains(page.body, email) {
		t.Fatalf("org page does not list the invitation with a way to cancel it: %.800s", secSnippet(page.body))
	}
	// Cancelling asks first: the confirmation page names the invitation and
	// what stops working; opening it changes nothing.
	confirm := coord.get("/orgs/" + alpha.ID + "/invitations/" + m[1] + "/revoke")
	secStatus(t, "confirmation", confirm, http.StatusOK)
	secHas(t, "confirmation", confirm.body, email)
	secHas(t, "confirmation", confirm.body, "Its link: it will no longer open.")
	secStatus(t, "link after the confirmation page", e.client().get("/invite/"+token), http.StatusOK)
	secRedirect(t, "revoke", coord.post("/orgs/"+alpha.ID+"/invitations/"+m[1]+"/revoke", url.Values{}), "/orgs/"+alpha.ID)
	page = coord.get("/orgs/" + alpha.ID)
	secHas(t, "after revoking", page.body, "Invitation cancelled.")
	if strings.Contains(page.body, email) {
		t.Errorf("org page still lists the revoked invitation for %s", email)
	}

	before := secCounts(e)
	secStatus(t, "GET revoked link", e.client().get("/invite/"+token), http.StatusNotFound)
	secStatus(t, "POST revoked link", e.client().post("/invite/"+token,
		url.Values{"name": {"Late Comer"}, "password": {inGoodPassword}, "password_confirm": {inGoodPassword}}), http.StatusNotFound)
	secSameCounts(t, "revoked link", before, secCounts(e))
	// Revoking twice finds nothing to revoke.
	secStatus(t, "revoke again", coord.post("/orgs/"+alpha.ID+"/invitations/"+m[1]+"/revoke", url.Values{}), http.StatusNotFound)

	if secLogRow(coord.get("/orgs/"+alpha.ID+"/security").body, "Invitation cancelled", "Alicia Alpha") == "" {
		t.Errorf("security log has no 'Invitation cancelled' by Alicia Alpha")
	}
}
