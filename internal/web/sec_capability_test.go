package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"puente/internal/auth"
	"puente/internal/model"
)

// Issue 8, section 1: a link is a capability, checked when it is used.
// Each test is a sequence of real requests, as the attack was.

// capRefused fails unless org's security log, as seen by c, has a "Link
// refused" row for the kind of link about subject.
func capRefused(t *testing.T, c *client, org model.Org, kind, subject string) {
	t.Helper()
	log := c.get("/orgs/" + org.ID + "/security")
	secStatus(t, "security log", log, http.StatusOK)
	if secLogRow(log.body, "Link refused", kind, subject) == "" {
		t.Errorf("security log of %s has no 'Link refused' row (%s) about %s: %.1500s", org.Name, kind, subject, secSnippet(log.body))
	}
}

// capDead fails unless the link at path answers exactly like an unknown
// link, to GET and POST, and the POST changes no account.
func capDead(t *testing.T, e *testEnv, path, token, kind string) {
	t.Helper()
	unknown := "/" + kind + "/" + auth.NewToken()
	want := secDeadBody(t, e.client(), unknown, strings.TrimPrefix(unknown, "/"+kind+"/"))
	if got := secDeadBody(t, e.client(), path, token); got != want {
		t.Errorf("dead %s link answers differently from an unknown one:\n%s\nvs\n%s", kind, secSnippet(got), secSnippet(want))
	}
	users := e.count("users")
	res := e.client().post(path, url.Values{"name": {"Eve Holder"}, "password": {inOtherPassword}, "password_confirm": {inOtherPassword}})
	secStatus(t, "POST "+kind+" link", res, http.StatusNotFound)
	if secSetCookie(res, secSessionCookie) != nil {
		t.Errorf("POST dead %s link started a session", kind)
	}
	if got := e.count("users"); got != users {
		t.Errorf("POST dead %s link: users %d, want %d", kind, got, users)
	}
}

// capSignsIn fails unless email signs in with password (want true) or not.
func capSignsIn(t *testing.T, e *testEnv, email, password string, want bool) {
	t.Helper()
	res := e.client().post("/login", url.Values{"email": {email}, "password": {password}})
	if got := res.status == http.StatusSeeOther; got != want {
		t.Errorf("sign in as %s: status %d, want success=%v", email, res.status, want)
	}
}

// Reported case 1: a group coordinator issues a password-reset link for a
// member and is then removed from the group; the link must die.
func TestSecResetLinkDiesWithIssuersAuthority(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	alicia := e.signIn(emailAlphaCoord)
	aliciaUser := secUser(t, e, emailAlphaCoord)
	miguel := secUser(t, e, emailAlphaMem)

	// A second coordinator joins through Alicia's invitation.
	res := alicia.post("/orgs/"+alpha.ID+"/invitations", url.Values{"email": {"sam@alpha.example.org"}, "role": {"coordinator"}})
	secStatus(t, "invite Sam", res, http.StatusOK)
	sam := e.client()
	secRedirect(t, "Sam joins", sam.post("/invite/"+secLinkToken(t, res.body, "invite"),
		url.Values{"name": {"Sam Second"}, "password": {inGoodPassword}, "password_confirm": {inGoodPassword}}), "/")
	e.enrol(sam, "sam@alpha.example.org") // a coordinator: two-step sign-in first

	// Alicia issues a reset link for Miguel: it works.
	res = alicia.post("/orgs/"+alpha.ID+"/members/"+miguel.ID+"/reset", url.Values{})
	secStatus(t, "issue reset", res, http.StatusOK)
	token := secLinkToken(t, res.body, "reset")
	secStatus(t, "link while Alicia is coordinator", e.client().get("/reset/"+token), http.StatusOK)

	// Sam removes Alicia from the group.
	secRedirect(t, "Sam removes Alicia", sam.post("/orgs/"+alpha.ID+"/members/"+aliciaUser.ID+"/remove", url.Values{}), "/orgs/"+alpha.ID)

	// The link is dead: its holder cannot set Miguel's password.
	capDead(t, e, "/reset/"+token, token, "reset")
	capSignsIn(t, e, emailAlphaMem, testPassword, true)
	capSignsIn(t, e, emailAlphaMem, inOtherPassword, false)
	capRefused(t, sam, alpha, "password reset link", "Miguel Member")
	if got := secUser(t, e, emailAlphaMem); got.PasswordHash != miguel.PasswordHash {
		t.Errorf("Miguel's password changed through a dead link")
	}
	// It is no longer listed as outstanding.
	secHas(t, "org page", sam.get("/orgs/"+alpha.ID).body, "No password reset links are out.")

	// Demoted rather than removed: the same.
	res = sam.post("/orgs/"+alpha.ID+"/members/"+miguel.ID+"/reset", url.Values{})
	token = secLinkToken(t, res.body, "reset")
	bea, err := e.st.CreateMember(t.Context(), alpha, "third.coord@alpha.example.org", "Tercera Coord", e.hash, model.RoleCoordinator)
	if err != nil {
		t.Fatal(err)
	}
	samUser := secUser(t, e, "sam@alpha.example.org")
	secRedirect(t, "Sam demoted", e.signIn(bea.Email).post("/orgs/"+alpha.ID+"/members/"+samUser.ID+"/role",
		url.Values{"role": {"member"}}), "/orgs/"+alpha.ID)
	capDead(t, e, "/reset/"+token, token, "reset")
}

// Reported case 2: a group coordinator issues a reset link for a member;
// the network admin then makes that member a network admin. A fresh link
// is refused (403), and the old one must be dead too. A role gained
// inside the issuer's own group kills it as well.
func TestSecResetLinkDiesWhenTargetGrows(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	net, alpha := e.orgs["network"], e.orgs["alpha"]
	alicia := e.signIn(emailAlphaCoord)
	miguel := secUser(t, e, emailAlphaMem)
	resetPath := "/orgs/" + alpha.ID + "/members/" + miguel.ID + "/reset"

	res := alicia.post(resetPath, url.Values{})
	secStatus(t, "issue reset", res, http.StatusOK)
	token := secLinkToken(t, res.body, "reset")
	secStatus(t, "link before the promotion", e.client().get("/reset/"+token), http.StatusOK)

	// The network admin makes Miguel a network admin: he accepts with his password.
	ana := e.signIn(emailNetAdmin)
	res = ana.post("/orgs/"+net.ID+"/invitations", url.Values{"email": {emailAlphaMem}, "role": {"admin"}})
	secStatus(t, "invite Miguel to the network", res, http.StatusOK)
	secRedirect(t, "Miguel accepts", e.client().post("/invite/"+secLinkToken(t, res.body, "invite"),
		url.Values{"name": {"Miguel Member"}, "password": {testPassword}, "password_confirm": {testPassword}}), "/")
	if got := secRole(t, e, net, miguel.ID); got != model.RoleAdmin {
		t.Fatalf("Miguel's network role: got %q, want admin", got)
	}

	// A fresh link is refused, and the old one is dead.
	secStatus(t, "fresh link", alicia.post(resetPath, url.Values{}), http.StatusForbidden)
	capDead(t, e, "/reset/"+token, token, "reset")
	capSignsIn(t, e, emailAlphaMem, testPassword, true)
	capRefused(t, alicia, alpha, "password reset link", "Miguel Member")

	// Growth alone kills a link, even when its issuer could still issue it:
	// a reset for a member, who is then made coordinator by the same person.
	beatriz := e.signIn(emailBetaCoord)
	beta := e.orgs["beta"]
	vera, err := e.st.CreateMember(t.Context(), beta, "vera@beta.example.org", "Vera Volunteer", e.hash, model.RoleMember)
	if err != nil {
		t.Fatal(err)
	}
	res = beatriz.post("/orgs/"+beta.ID+"/members/"+vera.ID+"/reset", url.Values{})
	token = secLinkToken(t, res.body, "reset")
	secRedirect(t, "promote Vera", beatriz.post("/orgs/"+beta.ID+"/members/"+vera.ID+"/role", url.Values{"role": {"coordinator"}}),
		"/orgs/"+beta.ID)
	capDead(t, e, "/reset/"+token, token, "reset")
	capRefused(t, beatriz, beta, "password reset link", "Vera Volunteer")
	// A link issued after the promotion works.
	res = beatriz.post("/orgs/"+beta.ID+"/members/"+vera.ID+"/reset", url.Values{})
	secStatus(t, "link after the promotion", e.client().get("/reset/"+secLinkToken(t, res.body, "reset")), http.StatusOK)
}

// An invitation dies with its issuer's authority too, and the attempt is
// logged.
func TestSecInvitationDiesWithIssuersAuthority(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	alicia := e.signIn(emailAlphaCoord)
	aliciaUser := secUser(t, e, emailAlphaCoord)
	res := alicia.post("/orgs/"+alpha.ID+"/invitations", url.Values{"email": {"late@alpha.example.org"}, "role": {"member"}})
	token := secLinkToken(t, res.body, "invite")
	secStatus(t, "invitation while Alicia is coordinator", e.client().get("/invite/"+token), http.StatusOK)

	second, err := e.st.CreateMember(t.Context(), alpha, "second.coord@alpha.example.org", "Segunda Coord", e.hash, model.RoleCoordinator)
	if err != nil {
		t.Fatal(err)
	}
	secondC := e.signIn(second.Email)
	secRedirect(t, "Alicia demoted", secondC.post("/orgs/"+alpha.ID+"/members/"+aliciaUser.ID+"/role",
		url.Values{"role": {"member"}}), "/orgs/"+alpha.ID)
	capDead(t, e, "/invite/"+token, token, "invite")
	if _, err := e.st.UserByEmail(t.Context(), "late@alpha.example.org"); err == nil {
		t.Errorf("an account was made through a dead invitation")
	}
	log := secondC.get("/orgs/" + alpha.ID + "/security")
	if secLogRow(log.body, "Link refused", "invitation link") == "" {
		t.Errorf("security log has no refused invitation: %.1200s", secSnippet(log.body))
	}
	// The pending list no longer offers it.
	if strings.Contains(secondC.get("/orgs/"+alpha.ID).body, "late@alpha.example.org") {
		t.Errorf("the dead invitation is still listed as pending")
	}
}

var capFeedRE = regexp.MustCompile(`/calendar/([A-Za-z0-9_-]{43})\.ics`)

// capFeed makes a calendar feed for c and returns its path.
func capFeed(t *testing.T, c *client) string {
	t.Helper()
	res := c.post("/calendar/feeds", url.Values{})
	secStatus(t, "create feed", res, http.StatusOK)
	m := capFeedRE.FindStringSubmatch(res.body)
	if m == nil {
		t.Fatalf("no feed link in page: %.600s", secSnippet(res.body))
	}
	return m[0]
}

// A calendar feed dies when its owner gains a role (it would show more
// than it was made for), and when the password is changed or reset (the
// account may have been someone else's). The account page lists the feeds
// and says so.
func TestSecFeedCapability(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	miguel := secUser(t, e, emailAlphaMem)
	miguelC := e.signIn(emailAlphaMem)
	alicia := e.signIn(emailAlphaCoord)

	// Gaining a role.
	feed := capFeed(t, miguelC)
	secStatus(t, "feed", e.client().get(feed), http.StatusOK)
	secRedirect(t, "promote Miguel", alicia.post("/orgs/"+alpha.ID+"/members/"+miguel.ID+"/role", url.Values{"role": {"coordinator"}}),
		"/orgs/"+alpha.ID)
	secStatus(t, "feed after Miguel gained a role", e.client().get(feed), http.StatusNotFound)
	secStatus(t, "feed polled again", e.client().get(feed), http.StatusNotFound)
	miguelC = e.signIn(emailAlphaMem)
	if cal := miguelC.get("/calendar"); !strings.Contains(cal.body, "No calendar links.") {
		t.Errorf("calendar page still lists the dead feed")
	}
	// Refused once, logged once: the feed is revoked, so polling does not fill the log.
	if n := secCountEvents(t, e, alpha, model.EventLinkRefused, miguel.ID); n != 1 {
		t.Errorf("refused-feed events: got %d, want 1", n)
	}
	capRefused(t, alicia, alpha, "calendar link", "Miguel Member")

	// A password change stops every feed; the account page says it will.
	feeds := []string{capFeed(t, miguelC), capFeed(t, miguelC)}
	account := miguelC.get("/account")
	secHas(t, "account page", account.body, "Changing your password, or a reset of it, stops all of them")
	if n := strings.Count(account.body, "Created "); n != 2 {
		t.Errorf("account page lists %d feeds, want 2", n)
	}
	res := miguelC.post("/account/password", url.Values{"current_password": {testPassword}, "password": {inGoodPassword}, "password_confirm": {inGoodPassword}})
	secRedirect(t, "change password", res, "/account")
	secHas(t, "after the change", miguelC.get("/account").body, "your calendar links stopped")
	for _, f := range feeds {
		secStatus(t, "feed after a password change", e.client().get(f), http.StatusNotFound)
	}
	log := alicia.get("/orgs/" + alpha.ID + "/security")
	if secLogRow(log.body, "Password changed", "calendar links stopped: 2", "Miguel Member") == "" {
		t.Errorf("security log does not say the change stopped 2 feeds")
	}

	// A reset stops them too, and ends the other sessions.
	feed = capFeed(t, miguelC)
	res = alicia.post("/orgs/"+alpha.ID+"/members/"+miguel.ID+"/reset", url.Values{})
	secStatus(t, "issue reset for the coordinator Miguel", res, http.StatusOK)
	token := secLinkToken(t, res.body, "reset")
	secRedirect(t, "use reset", e.client().post("/reset/"+token, url.Values{"password": {inOtherPassword}, "password_confirm": {inOtherPassword}}),
		"/login?reset=1")
	secStatus(t, "feed after a reset", e.client().get(feed), http.StatusNotFound)
	secRedirect(t, "Miguel's old session after the reset", miguelC.get("/account"), "/login")
}

// Outstanding links are listed where they were issued (who, for whom,
// until when) and can be revoked there.
func TestSecOutstandingLinksListedAndRevoked(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	alicia := e.signIn(emailAlphaCoord)
	miguel := secUser(t, e, emailAlphaMem)
	res := alicia.post("/orgs/"+alpha.ID+"/members/"+miguel.ID+"/reset", url.Values{})
	token := secLinkToken(t, res.body, "reset")
	alicia.post("/orgs/"+alpha.ID+"/invitations", url.Values{"email": {"listed@alpha.example.org"}, "role": {"member"}})

	page := alicia.get("/orgs/" + alpha.ID)
	secHas(t, "org page", page.body, "Password reset links not used yet")
	m := regexp.MustCompile(`(?s)<li>\s*<div class="who"><strong>Miguel Member</strong>.*?issued by Alicia Alpha · valid until [^<]+</span></div>\s*` +
		`<a class="action danger" href="/orgs/` + alpha.ID + `/resets/([0-9a-f]{32})/revoke"`).FindStringSubmatch(page.body)
	if m == nil {
		t.Fatalf("org page does not list Miguel's reset link with its issuer, expiry and a way to revoke it: %.2000s", secSnippet(page.body))
	}
	if !regexp.MustCompile(`listed@alpha\.example\.org</strong> <span class="role">Member</span> <span class="muted">issued by Alicia Alpha · valid until`).MatchString(page.body) {
		t.Errorf("org page does not list the invitation with its issuer")
	}
	// Another organisation's manager cannot revoke it (404), the group's can.
	secStatus(t, "revoke from beta", e.signIn(emailBetaCoord).post("/orgs/"+e.orgs["beta"].ID+"/resets/"+m[1]+"/revoke", url.Values{}), http.StatusNotFound)
	secStatus(t, "link still alive", e.client().get("/reset/"+token), http.StatusOK)
	secRedirect(t, "revoke", alicia.post("/orgs/"+alpha.ID+"/resets/"+m[1]+"/revoke", url.Values{}), "/orgs/"+alpha.ID)
	secHas(t, "after revoking", alicia.get("/orgs/"+alpha.ID).body, "Password reset link cancelled: it no longer works.")
	secStatus(t, "revoked link", e.client().get("/reset/"+token), http.StatusNotFound)
	secStatus(t, "revoke again", alicia.post("/orgs/"+alpha.ID+"/resets/"+m[1]+"/revoke", url.Values{}), http.StatusNotFound)
	if secLogRow(alicia.get("/orgs/"+alpha.ID+"/security").body, "Password reset link cancelled", "Alicia Alpha", "Miguel Member") == "" {
		t.Errorf("security log has no 'Password reset link cancelled' by Alicia for Miguel")
	}
}
