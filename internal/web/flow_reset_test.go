package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"puente/internal/model"
)

func TestFlowCoordinatorResetsMember(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	coord := e.signIn(emailAlphaCoord)
	miguel := secUser(t, e, emailAlphaMem)
	path := "/orgs/" + alpha.ID + "/members/" + miguel.ID + "/reset"

	// Only the newest link is live.
	first := secLinkToken(t, coord.post(path, url.Values{}).body, "reset")
	res := coord.post(path, url.Values{})
	secStatus(t, "issue reset", res, http.StatusOK)
	secHas(t, "issue reset", res.body, "Give this link to Miguel Member. It works once, for 24 hours, and ends their current sessions when used.")
	token := secLinkToken(t, res.body, "reset")
	if token == first {
		t.Fatalf("two reset links share a token")
	}
	secStatus(t, "older link", e.client().get("/reset/"+first), http.StatusNotFound)

	c := e.client()
	form := c.get("/reset/" + token)
	secStatus(t, "GET reset", form, http.StatusOK)
	secHas(t, "GET reset", form.body, "Set a new password for "+emailAlphaMem+".")
	secRedirect(t, "POST reset", c.post("/reset/"+token, url.Values{"password": {inGoodPassword}, "password_confirm": {inGoodPassword}}), "/login?reset=1")
	done := c.get("/login?reset=1")
	secHas(t, "after reset", done.body, "Your password was changed. Sign in with it.")

	// The link works once.
	before := secCounts(e)
	secStatus(t, "GET used link", e.client().get("/reset/"+token), http.StatusNotFound)
	secStatus(t, "POST used link", e.client().post("/reset/"+token, url.Values{"password": {inOtherPassword}, "password_confirm": {inOtherPassword}}), http.StatusNotFound)
	secSameCounts(t, "used link", before, secCounts(e))

	old := e.client().post("/login", url.Values{"email": {emailAlphaMem}, "password": {testPassword}})
	secStatus(t, "old password", old, http.StatusUnprocessableEntity)
	secHas(t, "old password", old.body, "The email or password is not right.")
	secRedirect(t, "new password", e.client().post("/login", url.Values{"email": {emailAlphaMem}, "password": {inGoodPassword}}), "/")
	secStatus(t, "the second POST did not set a password",
		e.client().post("/login", url.Values{"email": {emailAlphaMem}, "password": {inOtherPassword}}), http.StatusUnprocessableEntity)

	log := coord.get("/orgs/" + alpha.ID + "/security")
	if secLogRow(log.body, "Password reset link issued", "Alicia Alpha", "Miguel Member") == "" {
		t.Errorf("security log has no reset issued by Alicia Alpha for Miguel Member")
	}
	// Rows of the link being issued also say "Password reset"; set them aside.
	if secLogRow(strings.ReplaceAll(log.body, "Password reset link issued", "ISSUED"), "Password reset", "Miguel Member") == "" {
		t.Errorf("security log has no reset used by Miguel Member")
	}
}

// A reset link takes over the whole account, so a group coordinator may
// not issue one for a person who is also a network admin.
func TestFlowCoordinatorCannotResetNetworkAdmin(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	ana, err := e.st.CreateMember(t.Context(), alpha, emailNetAdmin, "", "", model.RoleMember)
	if err != nil {
		t.Fatal(err)
	}
	coord := e.signIn(emailAlphaCoord)
	if !flowMemberLine("Ana Admin", emailNetAdmin, "Member").MatchString(coord.get("/orgs/" + alpha.ID).body) {
		t.Fatalf("alpha does not list Ana Admin as a member")
	}
	before := secCounts(e)
	res := coord.post("/orgs/"+alpha.ID+"/members/"+ana.ID+"/reset", url.Values{})
	secStatus(t, "reset for a network admin", res, http.StatusForbidden)
	secHas(t, "reset for a network admin", res.body, "Your role does not allow this.")
	if secLinkRE.MatchString(res.body) {
		t.Errorf("refused reset shows a link")
	}
	secSameCounts(t, "refused reset", before, secCounts(e))

	// Nor for a network coordinator who is in the group.
	carlos, err := e.st.CreateMember(t.Context(), alpha, emailNetCoord, "", "", model.RoleMember)
	if err != nil {
		t.Fatal(err)
	}
	secStatus(t, "reset for a network coordinator", coord.post("/orgs/"+alpha.ID+"/members/"+carlos.ID+"/reset", url.Values{}), http.StatusForbidden)
	// Nor for a member of another group too.
	if _, err := e.st.CreateMember(t.Context(), e.orgs["beta"], emailAlphaMem, "", "", model.RoleMember); err != nil {
		t.Fatal(err)
	}
	miguel := secUser(t, e, emailAlphaMem)
	secStatus(t, "reset for a member of two groups", coord.post("/orgs/"+alpha.ID+"/members/"+miguel.ID+"/reset", url.Values{}), http.StatusForbidden)
	// Nor may the network admin, for the member of two of her groups: both
	// have coordinators of their own (issue 8, the group's space).
	res = e.signIn(emailNetAdmin).post("/orgs/"+alpha.ID+"/members/"+miguel.ID+"/reset", url.Values{})
	secStatus(t, "network admin resets a member of two of her groups", res, http.StatusForbidden)
	// The coordinators of both groups are needed: a second coordinator of
	// alpha who also coordinates beta may.
	both, err := e.st.CreateMember(t.Context(), alpha, "both.coord@example.org", "Bea Both", e.hash, model.RoleCoordinator)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.CreateMember(t.Context(), e.orgs["beta"], both.Email, "", "", model.RoleCoordinator); err != nil {
		t.Fatal(err)
	}
	res = e.signIn(both.Email).post("/orgs/"+alpha.ID+"/members/"+miguel.ID+"/reset", url.Values{})
	secStatus(t, "coordinator of both groups resets their member", res, http.StatusOK)
	secLinkToken(t, res.body, "reset")
}
