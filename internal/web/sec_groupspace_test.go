package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"puente/internal/model"
)

// Issue 8, section 2: the group's space is the group's. A network creates
// a group and invites its first coordinator; once one has accepted, only
// the group's own coordinators add people, change roles or issue reset
// links there, and network staff cannot let themselves in.
func TestSecGroupSpace(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	net := e.orgs["network"]
	ana := e.signIn(emailNetAdmin)
	anaUser := secUser(t, e, emailNetAdmin)

	res := ana.post("/orgs/"+net.ID+"/groups", url.Values{"name": {"Harbour Hosts"}})
	m := regexp.MustCompile(`^/orgs/([0-9a-f]{32})$`).FindStringSubmatch(res.header.Get("Location"))
	if res.status != http.StatusSeeOther || m == nil {
		t.Fatalf("create group: got %d to %q", res.status, res.header.Get("Location"))
	}
	group := model.Org{ID: m[1], Kind: model.KindGroup, Name: "Harbour Hosts", NetworkID: net.ID}
	invite := func(c *client, email, role string) response {
		return c.post("/orgs/"+group.ID+"/invitations", url.Values{"email": {email}, "role": {role}})
	}

	// Before it has a coordinator: the network admin invites its first
	// coordinator, and only a coordinator.
	form := ana.get("/orgs/" + group.ID + "/invitations/new")
	secStatus(t, "invitation form", form, http.StatusOK)
	secHas(t, "invitation form", form.body, "This group has no coordinator yet. Invite its first coordinator")
	if strings.Contains(form.body, `value="member"`) || !strings.Contains(form.body, `value="coordinator"`) {
		t.Errorf("invitation form for a new group offers other roles than coordinator")
	}
	before := secCounts(e)
	res = invite(ana, "member@harbour.example.org", "member")
	secStatus(t, "network admin invites a member", res, http.StatusUnprocessableEntity)
	secHas(t, "network admin invites a member", res.body, inChoice)
	secSameCounts(t, "refused member invitation", before, secCounts(e))
	self := secLinkToken(t, invite(ana, emailNetAdmin, "coordinator").body, "invite")
	colleague := secLinkToken(t, invite(ana, emailNetCoord, "coordinator").body, "invite")
	first := secLinkToken(t, invite(ana, "first@harbour.example.org", "coordinator").body, "invite")
	spare := secLinkToken(t, invite(ana, "spare@harbour.example.org", "coordinator").body, "invite")

	// Network staff cannot accept the network's invitation into the group:
	// their own password is right, and still the link is dead.
	for _, tc := range []struct{ token, email, name string }{{self, emailNetAdmin, "Ana Admin"}, {colleague, emailNetCoord, "Carlos Coord"}} {
		res := e.client().post("/invite/"+tc.token, url.Values{"name": {tc.name}, "password": {testPassword}, "password_confirm": {testPassword}})
		secStatus(t, tc.name+" accepts the network's invitation", res, http.StatusNotFound)
		if got := secRole(t, e, group, secUser(t, e, tc.email).ID); got != "" {
			t.Errorf("%s got role %q in the group, want none", tc.name, got)
		}
		secStatus(t, "the link after the refusal", e.client().get("/invite/"+tc.token), http.StatusNotFound)
	}
	if secCountEvents(t, e, group, model.EventLinkRefused, anaUser.ID) != 1 {
		t.Errorf("Ana's refused self-invitation is not in the group's security log")
	}

	// The first coordinator accepts: from now on the group is its own.
	firstC := e.client()
	secRedirect(t, "first coordinator accepts", firstC.post("/invite/"+first,
		url.Values{"name": {"Fiona First"}, "password": {inGoodPassword}, "password_confirm": {inGoodPassword}}), "/")
	e.enrol(firstC, "first@harbour.example.org")
	fiona := secUser(t, e, "first@harbour.example.org")
	capDead(t, e, "/invite/"+spare, spare, "invite")

	member, err := e.st.CreateMember(t.Context(), group, "vol@harbour.example.org", "Valeria Volunteer", e.hash, model.RoleMember)
	if err != nil {
		t.Fatal(err)
	}
	before = secCounts(e)
	for _, tc := range []struct {
		name string
		res  response
	}{
		{"invitation form", ana.get("/orgs/" + group.ID + "/invitations/new")},
		{"invite into a group with a coordinator", invite(ana, "late@harbour.example.org", "coordinator")},
		{"reset a group member", ana.post("/orgs/"+group.ID+"/members/"+member.ID+"/reset", url.Values{})},
		{"reset the group's coordinator", ana.post("/orgs/"+group.ID+"/members/"+fiona.ID+"/reset", url.Values{})},
		{"change a role", ana.post("/orgs/"+group.ID+"/members/"+member.ID+"/role", url.Values{"role": {"coordinator"}})},
		{"remove", ana.post("/orgs/"+group.ID+"/members/"+member.ID+"/remove", url.Values{})},
	} {
		secStatus(t, "network admin: "+tc.name, tc.res, http.StatusForbidden)
		if secLinkRE.MatchString(tc.res.body) {
			t.Errorf("network admin: %s shows a link", tc.name)
		}
	}
	secSameCounts(t, "network admin in a group with a coordinator", before, secCounts(e))
	// The organisation page offers the network admin nothing to manage.
	if page := ana.get("/orgs/" + group.ID); strings.Contains(page.body, "/members/"+member.ID+"/") || strings.Contains(page.body, "/invitations/new") {
		t.Errorf("group page offers the network admin people management")
	}
	// The group's own coordinator does all of it.
	secStatus(t, "coordinator resets a member", firstC.post("/orgs/"+group.ID+"/members/"+member.ID+"/reset", url.Values{}), http.StatusOK)
	secStatus(t, "coordinator invites a member", invite(firstC, "late@harbour.example.org", "member"), http.StatusOK)

	// Network staff never reach the group's cases through these screens.
	c, err := e.st.CreateCase(t.Context(), group.ID, fiona.ID, model.CaseInput{Status: "arrived"}, model.PersonInput{Name: "Principal Harbour"})
	if err != nil {
		t.Fatal(err)
	}
	for _, who := range []string{emailNetAdmin, emailNetCoord} {
		secStatus(t, who+" opens the group's case", e.signIn(who).get("/cases/"+c.ID), http.StatusNotFound)
	}

	// Every change to the group's people is shown to its coordinators,
	// whoever made it: here the network admin's invitations and the refusals.
	page := firstC.get("/orgs/" + group.ID)
	secHas(t, "group page", page.body, "Recent changes to people")
	changes := page.body[strings.Index(page.body, "Recent changes to people"):]
	for _, want := range []string{"Invitation issued</strong> (coordinator) · by Ana Admin", "Invitation accepted</strong> (coordinator) · by Fiona First",
		"Link refused: its issuer no longer had the authority, or the person had gained a role</strong> (invitation link) · for Ana Admin"} {
		if !strings.Contains(changes, want) {
			t.Errorf("recent changes lack %q: %.2500s", want, changes)
		}
	}
	home := firstC.get("/")
	secHas(t, "coordinator's home", home.body, "Recent changes to people")
}
