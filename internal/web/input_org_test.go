package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"puente/internal/model"
)

func TestInputGroupCreate(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	net := e.orgs["network"]
	c := e.signIn(emailNetAdmin)
	path := "/orgs/" + net.ID + "/groups"
	cases := []inCase{
		{name: "empty", form: url.Values{"name": {""}}, errs: map[string]string{"name": inNeedGroupName}},
		{name: "missing", form: url.Values{}, errs: map[string]string{"name": inNeedGroupName}},
		{name: "empty in Spanish", form: url.Values{"name": {""}}, lang: "es", errs: map[string]string{"name": inNeedGroupNameES}},
		{name: "only spaces", form: url.Values{"name": {"  \t  "}}, errs: map[string]string{"name": inNeedGroupName}},
		{name: "too long", form: url.Values{"name": {inLong(201)}}, errs: map[string]string{"name": inMax("200")}, keep: []string{inLong(201)}},
		{name: "too long in Spanish", form: url.Values{"name": {inLong(201)}}, lang: "es", errs: map[string]string{"name": inMaxES("200")}},
		{name: "too long in characters, not bytes", form: url.Values{"name": {strings.Repeat("ñ", 201)}},
			errs: map[string]string{"name": inMax("200")}, keep: []string{strings.Repeat("ñ", 201)}},
		{name: "invalid UTF-8", form: url.Values{"name": {"Riverside\xff\xfe"}}, errs: map[string]string{"name": inChars}},
		{name: "invalid UTF-8 in Spanish", form: url.Values{"name": {"Riverside\xff\xfe"}}, lang: "es", errs: map[string]string{"name": inCharsES}},
		{name: "control character", form: url.Values{"name": {"River\x01side"}}, errs: map[string]string{"name": inChars}},
		{name: "escape character", form: url.Values{"name": {"River\x1b[31mside"}}, errs: map[string]string{"name": inChars}},
		{name: "C1 control character", form: url.Values{"name": {"River\u0085side"}}, errs: map[string]string{"name": inChars}},
	}
	inRun(t, e, c, path, cases, nil)
	inOversize(t, e, c, path, "name")
	// 200 characters, the most allowed, are accepted (even when not ASCII).
	before := e.count("organisations")
	res := c.post(path, url.Values{"name": {strings.Repeat("ñ", 200)}})
	if res.status != http.StatusSeeOther {
		t.Errorf("200-character name: got %d, want 303; body: %.400s", res.status, secSnippet(res.body))
	}
	if got := e.count("organisations"); got != before+1 {
		t.Errorf("organisations after a valid name: got %d, want %d", got, before+1)
	}
}

func TestInputInvitationCreate(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	c := e.signIn(emailAlphaCoord)
	path := "/orgs/" + alpha.ID + "/invitations"
	cases := []inCase{
		{name: "all empty", form: url.Values{"email": {""}, "role": {""}},
			errs: map[string]string{"email": inNeedInviteEmail, "role": inNeedRole}},
		{name: "all empty in Spanish", form: url.Values{"email": {""}, "role": {""}}, lang: "es",
			errs: map[string]string{"email": inNeedInviteEmailES, "role": inNeedRoleES}},
		{name: "email too long", form: url.Values{"email": {inEmailOfLen(255)}, "role": {"member"}},
			errs: map[string]string{"email": inMax("254")}, keep: []string{inEmailOfLen(255)}},
		{name: "invalid email", form: url.Values{"email": {"rosa-at-alpha"}, "role": {"member"}},
			errs: map[string]string{"email": inEmail}, keep: []string{"rosa-at-alpha"}, absent: []string{inChoice}},
		{name: "invalid email in Spanish", form: url.Values{"email": {"rosa-at-alpha"}, "role": {"member"}}, lang: "es",
			errs: map[string]string{"email": inEmailES}, keep: []string{"rosa-at-alpha"}},
		{name: "invalid UTF-8 in email", form: url.Values{"email": {"rosa\xff\xfe@alpha.example.org"}, "role": {"member"}},
			errs: map[string]string{"email": inChars}},
		{name: "control character in email", form: url.Values{"email": {"rosa\x01@alpha.example.org"}, "role": {"member"}},
			errs: map[string]string{"email": inChars}},
		{name: "role that groups do not have", form: url.Values{"email": {"rosa@alpha.example.org"}, "role": {"admin"}},
			errs: map[string]string{"role": inChoice}, keep: []string{"rosa@alpha.example.org"}},
		{name: "role that does not exist", form: url.Values{"email": {"rosa@alpha.example.org"}, "role": {"owner"}},
			errs: map[string]string{"role": inChoice}, keep: []string{"rosa@alpha.example.org"}},
		{name: "role with invalid UTF-8", form: url.Values{"email": {"rosa@alpha.example.org"}, "role": {"member\xff"}},
			errs: map[string]string{"role": inChoice}},
	}
	inRun(t, e, c, path, cases, nil)
	inOversize(t, e, c, path, "email")
	if page := c.get("/orgs/" + alpha.ID); !strings.Contains(page.body, "No pending invitations.") {
		t.Errorf("alpha lists pending invitations after rejected forms")
	}
}

func TestInputMemberRole(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	c := e.signIn(emailAlphaCoord)
	miguel := secUser(t, e, emailAlphaMem)
	victim := e.signIn(emailAlphaMem)
	path := "/orgs/" + alpha.ID + "/members/" + miguel.ID + "/role"
	unchanged := func(t *testing.T) {
		if got := secRole(t, e, alpha, miguel.ID); got != model.RoleMember {
			t.Errorf("role after a rejected change: got %q, want %q", got, model.RoleMember)
		}
		if got := secUser(t, e, emailAlphaMem).SessionEpoch; got != miguel.SessionEpoch {
			t.Errorf("session epoch after a rejected change: got %d, want %d", got, miguel.SessionEpoch)
		}
	}
	cases := []inCase{
		{name: "empty", form: url.Values{"role": {""}}, errs: map[string]string{"": inNeedRole}},
		{name: "missing", form: url.Values{}, errs: map[string]string{"": inNeedRole}},
		{name: "empty in Spanish", form: url.Values{"role": {""}}, lang: "es", errs: map[string]string{"": inNeedRoleES}},
		{name: "role that does not exist", form: url.Values{"role": {"owner"}}, errs: map[string]string{"": inChoice}},
		{name: "role that groups do not have", form: url.Values{"role": {"admin"}}, errs: map[string]string{"": inChoice}},
		{name: "too long", form: url.Values{"role": {inLong(300)}}, errs: map[string]string{"": inChoice}},
		{name: "invalid UTF-8", form: url.Values{"role": {"coordinator\xff\xfe"}}, errs: map[string]string{"": inChoice}},
		{name: "control character", form: url.Values{"role": {"coordinator\x01"}}, errs: map[string]string{"": inChoice}},
	}
	inRun(t, e, c, path, cases, unchanged)
	inOversize(t, e, c, path, "role")
	unchanged(t)
	secStatus(t, "the member's session survives rejected changes", victim.get("/"), http.StatusOK)
}
