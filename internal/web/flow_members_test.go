package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"puente/internal/model"
)

// flowMemberLine matches a person's line on an organisation page with their role.
func flowMemberLine(name, email, role string) *regexp.Regexp {
	return regexp.MustCompile(`<strong>` + regexp.QuoteMeta(secEsc(name)) + `</strong> <span class="muted">` +
		regexp.QuoteMeta(secEsc(email)) + `</span> <span class="role">` + regexp.QuoteMeta(role) + `</span>`)
}

func TestFlowRoleChangeAndRemoval(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	coord := e.signIn(emailAlphaCoord)
	miguel := secUser(t, e, emailAlphaMem)
	base := "/orgs/" + alpha.ID
	if !flowMemberLine("Miguel Member", emailAlphaMem, "Member").MatchString(coord.get(base).body) {
		t.Fatalf("org page does not list Miguel Member as Member")
	}

	secRedirect(t, "change role", coord.post(base+"/members/"+miguel.ID+"/role", url.Values{"role": {"coordinator"}}), base)
	page := coord.get(base)
	secHas(t, "after the role change", page.body, "Role changed.")
	if !flowMemberLine("Miguel Member", emailAlphaMem, "Coordinator").MatchString(page.body) {
		t.Errorf("org page does not list Miguel Member as Coordinator")
	}
	if got := secRole(t, e, alpha, miguel.ID); got != model.RoleCoordinator {
		t.Errorf("stored role: got %q, want coordinator", got)
	}

	secRedirect(t, "remove", coord.post(base+"/members/"+miguel.ID+"/remove", url.Values{}), base)
	page = coord.get(base)
	secHas(t, "after the removal", page.body, "Taken out of the organisation.")
	if regexp.MustCompile(`<strong>Miguel Member</strong>`).MatchString(page.body) {
		t.Errorf("org page still lists Miguel Member after removal")
	}
	if got := secRole(t, e, alpha, miguel.ID); got != "" {
		t.Errorf("stored role after removal: got %q, want none", got)
	}

	log := coord.get(base + "/security")
	secStatus(t, "security log", log, http.StatusOK)
	if secLogRow(log.body, "Role changed", "(member → coordinator)", "Alicia Alpha", "Miguel Member") == "" {
		t.Errorf("security log has no role change of Miguel Member by Alicia Alpha: %.1200s", secSnippet(log.body))
	}
	if secLogRow(log.body, "Taken out of the organisation", "Alicia Alpha", "Miguel Member") == "" {
		t.Errorf("security log has no removal of Miguel Member by Alicia Alpha")
	}
	// The removed person can still sign in, and belongs nowhere now.
	home := e.signIn(emailAlphaMem).get("/")
	secHas(t, "home of the removed person", home.body, "You do not belong to any organisation any more. Ask a coordinator for an invitation.")
	secStatus(t, "removed person opens alpha", e.signIn(emailAlphaMem).get(base), http.StatusNotFound)
}

// An organisation always keeps a manager: the last one cannot be demoted
// or removed, and the refusal changes nothing.
func TestFlowLastManager(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	net, alpha := e.orgs["network"], e.orgs["alpha"]
	ana := secUser(t, e, emailNetAdmin)
	alicia := secUser(t, e, emailAlphaCoord)
	anaC := e.signIn(emailNetAdmin)
	aliciaC := e.signIn(emailAlphaCoord)
	cases := []struct {
		name   string
		c      *client
		org    model.Org
		user   model.User
		action string
		form   url.Values
		role   model.Role
	}{
		{"network admin demotes herself", anaC, net, ana, "role", url.Values{"role": {"coordinator"}}, model.RoleAdmin},
		{"network admin removes herself", anaC, net, ana, "remove", url.Values{}, model.RoleAdmin},
		{"group coordinator demotes herself", aliciaC, alpha, alicia, "role", url.Values{"role": {"member"}}, model.RoleCoordinator},
		{"group coordinator removes herself", aliciaC, alpha, alicia, "remove", url.Values{}, model.RoleCoordinator},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := secCounts(e)
			epoch := secUser(t, e, tc.user.Email).SessionEpoch
			res := tc.c.post("/orgs/"+tc.org.ID+"/members/"+tc.user.ID+"/"+tc.action, tc.form)
			secStatus(t, tc.action, res, http.StatusUnprocessableEntity)
			// Said for the organisation's kind only.
			want, other := inLastManagerGrp, inLastManagerNet
			if tc.org.Kind == model.KindNetwork {
				want, other = other, want
			}
			secHas(t, tc.action, res.body, want)
			if strings.Contains(res.body, other) || strings.Contains(res.body, "(network)") {
				t.Errorf("%s: the refusal speaks of the other kind of organisation", tc.action)
			}
			secSameCounts(t, "refused "+tc.action, before, secCounts(e))
			if got := secRole(t, e, tc.org, tc.user.ID); got != tc.role {
				t.Errorf("role after the refusal: got %q, want %q", got, tc.role)
			}
			if got := secUser(t, e, tc.user.Email).SessionEpoch; got != epoch {
				t.Errorf("session epoch after the refusal: got %d, want %d (sessions kept)", got, epoch)
			}
			secStatus(t, "actor still signed in", tc.c.get("/"), http.StatusOK)
		})
	}
	// Spanish visitors read the refusal in Spanish.
	res := anaC.postRaw("/orgs/"+net.ID+"/members/"+ana.ID+"/remove", "", secHeader("Accept-Language", "es"))
	secStatus(t, "remove in Spanish", res, http.StatusUnprocessableEntity)
	secHas(t, "remove in Spanish", res.body, "Una red necesita al menos una persona administradora: primero dé ese papel a otra persona.")

	// The network admin does not manage a group that has its own
	// coordinator (issue 8): 403, nothing changed.
	for _, action := range []string{"role", "remove"} {
		before := secCounts(e)
		res := anaC.post("/orgs/"+alpha.ID+"/members/"+alicia.ID+"/"+action, url.Values{"role": {"member"}})
		secStatus(t, "network admin "+action+" in the group", res, http.StatusForbidden)
		secSameCounts(t, "network admin "+action+" in the group", before, secCounts(e))
	}

	// With a second coordinator, the first may step down.
	second, err := e.st.CreateMember(t.Context(), alpha, "second.coord@alpha.example.org", "Segunda Coord", e.hash, model.RoleCoordinator)
	if err != nil {
		t.Fatal(err)
	}
	secondC := e.signIn(second.Email)
	secRedirect(t, "demote with a second coordinator", secondC.post("/orgs/"+alpha.ID+"/members/"+alicia.ID+"/role",
		url.Values{"role": {"member"}}), "/orgs/"+alpha.ID)
	if got := secRole(t, e, alpha, alicia.ID); got != model.RoleMember {
		t.Errorf("Alicia's role: got %q, want member", got)
	}
	// And now the second is the last.
	res = secondC.post("/orgs/"+alpha.ID+"/members/"+second.ID+"/remove", url.Values{})
	secStatus(t, "remove the new last coordinator", res, http.StatusUnprocessableEntity)
}
