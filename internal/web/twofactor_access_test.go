package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"puente/internal/auth"
	"puente/internal/authz"
	"puente/internal/model"
)

// Issue 14: who reaches what before the second factor. The access-matrix
// idea: every route that needs a sign-in, tried by a session halfway
// through signing in and by a person who must still set up a second factor.

// tfRouteCell is one registered route with a real path in group alpha.
type tfRouteCell struct {
	method, pattern, path string
	rule                  authz.Rule
}

// tfSignedInRoutes lists every registered route that needs a session
// (signed-in, organisation, case and enrolment rules), with its
// parameters filled from group alpha: its id, its case, its member.
func tfSignedInRoutes(t *testing.T, e *testEnv) []tfRouteCell {
	t.Helper()
	member := secUser(t, e, emailAlphaMem)
	fill := map[string]string{
		"{orgID}":  e.orgs["alpha"].ID,
		"{caseID}": e.cases["alpha"].ID,
		"{userID}": member.ID,
		"{token}":  auth.NewToken(),
	}
	var out []tfRouteCell
	for _, r := range e.srv.Routes() {
		switch r.Rule.Kind {
		case authz.KindSignedIn, authz.KindOrg, authz.KindCase, authz.KindEnrol:
		default:
			continue
		}
		path := r.Pattern
		for k, v := range fill {
			path = strings.ReplaceAll(path, k, v)
		}
		for strings.Contains(path, "{") {
			i, j := strings.Index(path, "{"), strings.Index(path, "}")
			path = path[:i] + auth.NewID() + path[j+1:]
		}
		out = append(out, tfRouteCell{method: r.Method, pattern: r.Pattern, path: path, rule: r.Rule})
	}
	if len(out) < 40 {
		t.Fatalf("found %d routes that need a session, want at least 40", len(out))
	}
	return out
}

func tfSend(c *client, cell tfRouteCell) response {
	switch cell.method {
	case http.MethodGet:
		return c.get(cell.path)
	case http.MethodHead:
		return c.head(cell.path)
	}
	return c.post(cell.path, url.Values{"name": {"Probe"}, "status": {"arrived"}, "org_id": {"x"}})
}

// After the password and before the code, the session is no sign-in: every
// page sends it to the second step, every form gets 401, and nothing of
// the group shows. The second step still works afterwards.
func TestTwoFactorHalfSignedInReachesNoData(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.passwordOnly(emailAlphaCoord)
	secret := []string{"Principal alpha", "Court of alpha", "Alpha Group", e.cases["alpha"].Code, "Miguel Member"}
	cells := 0
	for _, cell := range tfSignedInRoutes(t, e) {
		res := tfSend(c, cell)
		cells++
		label := cell.method + " " + cell.pattern + " halfway through sign-in"
		if cell.method == http.MethodPost {
			secStatus(t, label, res, http.StatusUnauthorized)
		} else {
			secRedirect(t, label, res, "/login/code")
		}
		for _, s := range secret {
			if strings.Contains(res.body, s) {
				t.Errorf("%s: the answer shows %q", label, s)
			}
		}
	}
	t.Logf("%d routes tried halfway through sign-in", cells)
	e.secondStep(c, emailAlphaCoord)
	secStatus(t, "after the second step", c.get("/cases/"+e.cases["alpha"].ID), http.StatusOK)

	// The second step waits ten minutes for the code, then starts over.
	late := e.passwordOnly(emailAlphaCoord)
	e.srv.now = func() time.Time { return time.Now().Add(11 * time.Minute) }
	secRedirect(t, "code page after 11 minutes", late.get("/login/code"), "/login")
	res := late.post("/login/code", url.Values{"code": {e.codes.current(t, emailAlphaCoord)}})
	secRedirect(t, "code after 11 minutes", res, "/login")
	secRedirect(t, "home after 11 minutes", late.get("/"), "/login")
}

// Network admins and group coordinators without a second factor reach
// nothing but setting it up (and signing out) until they have one; a
// network coordinator, for whom it is optional, is not held back.
func TestTwoFactorRequiredRolesBlockedUntilEnrolled(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	if _, err := e.st.CreateMember(ctx, e.orgs["alpha"], "new.coord@alpha.example.org", "Nora Nueva", e.hash, model.RoleCoordinator); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.CreateMember(ctx, e.orgs["network"], "new.admin@network.example.org", "Nico Nuevo", e.hash, model.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	passwordOnly := func(email string) *client {
		c := e.client()
		secRedirect(t, email+" signs in", c.post("/login", url.Values{"email": {email}, "password": {testPassword}}), "/")
		return c
	}
	nora := passwordOnly("new.coord@alpha.example.org")
	cells := 0
	for _, cell := range tfSignedInRoutes(t, e) {
		if cell.pattern == "/logout" {
			continue
		}
		res := tfSend(nora, cell)
		cells++
		label := cell.method + " " + cell.pattern + " before setting two-step sign-in up"
		switch {
		case cell.rule.Kind == authz.KindEnrol:
			if res.status == http.StatusSeeOther && res.header.Get("Location") == "/account/2fa" && cell.pattern != "/account/2fa/setup" {
				t.Errorf("%s: sent to set it up, want the route to answer", label)
			}
		case cell.method == http.MethodPost:
			secStatus(t, label, res, http.StatusForbidden)
			if cell.method == http.MethodPost && !strings.Contains(res.body, "Your role needs two-step sign-in.") {
				t.Errorf("%s: the 403 does not say why", label)
			}
		default:
			secRedirect(t, label, res, "/account/2fa")
		}
		for _, s := range []string{"Principal alpha", e.cases["alpha"].Code, "Miguel Member"} {
			if strings.Contains(res.body, s) {
				t.Errorf("%s: the answer shows %q", label, s)
			}
		}
	}
	t.Logf("%d routes tried before setting two-step sign-in up", cells)
	page := nora.get("/account/2fa")
	secHas(t, "set-up page", page.body, "Your role needs two-step sign-in. Set it up now to continue.")
	if strings.Contains(page.body, `href="/cases"`) || strings.Contains(page.body, `action="/orgs/switch"`) {
		t.Errorf("set-up page offers the navigation to data")
	}
	if !strings.Contains(page.body, `action="/logout"`) {
		t.Errorf("set-up page offers no way to sign out")
	}
	secRedirect(t, "network admin before", passwordOnly("new.admin@network.example.org").get("/"), "/account/2fa")
	secStatus(t, "network coordinator (optional)", passwordOnly(emailNetCoord).get("/"), http.StatusOK)
	secStatus(t, "group member (optional)", passwordOnly(emailAlphaMem).get("/cases"), http.StatusOK)

	e.enrol(nora, "new.coord@alpha.example.org")
	secStatus(t, "after setting it up: case", nora.get("/cases/"+e.cases["alpha"].ID), http.StatusOK)
	secStatus(t, "after setting it up: home", nora.get("/"), http.StatusOK)
	// Next time the password alone is not enough.
	c := e.client()
	secRedirect(t, "sign in again", c.post("/login", url.Values{"email": {"new.coord@alpha.example.org"}, "password": {testPassword}}), "/login/code")
}

// An organisation can require it of everyone: its members are held back
// at their next page until they set it up; turned off, they are not.
func TestTwoFactorOrgRequirement(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	coord := e.signIn(emailAlphaCoord)
	mem := e.signIn(emailAlphaMem)
	secStatus(t, "member before", mem.get("/cases"), http.StatusOK)

	settings := coord.get("/orgs/" + alpha.ID + "/settings")
	secHas(t, "settings page", settings.body, "Everyone here must use two-step sign-in")
	if strings.Contains(settings.body, `value="on" checked`) {
		t.Errorf("settings: the requirement is ticked before anyone set it")
	}
	res := coord.post("/orgs/"+alpha.ID+"/settings", url.Values{"time_zone": {"America/Denver"}, "require_two_factor": {"yes"}})
	secStatus(t, "a value that is not the checkbox's", res, http.StatusUnprocessableEntity)
	if !strings.Contains(res.body, `<option value="America/Denver" selected>`) || !strings.Contains(res.body, `<a href="#require_two_factor">`) {
		t.Errorf("rejected settings: want the zone kept and the error in the summary; body %.2000s", secSnippet(res.body))
	}
	secRedirect(t, "require it", coord.post("/orgs/"+alpha.ID+"/settings",
		url.Values{"time_zone": {"America/New_York"}, "require_two_factor": {"on"}}), "/orgs/"+alpha.ID)
	if !strings.Contains(coord.get("/orgs/"+alpha.ID+"/settings").body, `value="on" checked`) {
		t.Errorf("settings: the requirement is not ticked after saving it")
	}
	var on []model.Event
	for _, ev := range secEvents(t, e, alpha) {
		if ev.Kind == model.EventTwoFactorRequired {
			on = append(on, ev)
		}
	}
	if len(on) != 1 || on[0].Detail != "on" || on[0].ActorID != secUser(t, e, emailAlphaCoord).ID {
		t.Errorf("two_factor_required events: %+v, want one 'on' by the coordinator", on)
	}

	// The member's very session is held back now.
	secRedirect(t, "member, page", mem.get("/cases"), "/account/2fa")
	secStatus(t, "member, form", mem.post("/cases", url.Values{"status": {"arrived"}, "name": {"X"}}), http.StatusForbidden)
	secHas(t, "member's set-up page", mem.get("/account/2fa").body, "Your role needs two-step sign-in.")
	// Other organisations are not affected.
	secStatus(t, "network coordinator", e.signIn(emailNetCoord).get("/"), http.StatusOK)

	secRedirect(t, "not required any more", coord.post("/orgs/"+alpha.ID+"/settings",
		url.Values{"time_zone": {"America/New_York"}}), "/orgs/"+alpha.ID)
	secStatus(t, "member after", mem.get("/cases"), http.StatusOK)

	// A network that requires it holds back its own coordinators.
	admin := e.signIn(emailNetAdmin)
	nc := e.signIn(emailNetCoord)
	secRedirect(t, "network requires it", admin.post("/orgs/"+e.orgs["network"].ID+"/settings",
		url.Values{"time_zone": {"America/New_York"}, "require_two_factor": {"on"}}), "/orgs/"+e.orgs["network"].ID)
	secRedirect(t, "network coordinator after", nc.get("/"), "/account/2fa")
}

// A group coordinator resets a member's second factor: after a
// confirmation page, logged with who did it, and the member's sessions
// end. Only for people of their own group, never themselves, never
// someone who also sits higher up; network staff only in a group that has
// no coordinator yet.
func TestTwoFactorCoordinatorResetLoggedAndLimited(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	alpha := e.orgs["alpha"]
	mem := secUser(t, e, emailAlphaMem)
	coordUser := secUser(t, e, emailAlphaCoord)
	e.enrol(e.signIn(emailAlphaMem), emailAlphaMem)
	memSession := e.signIn(emailAlphaMem)
	coord := e.signIn(emailAlphaCoord)
	path := "/orgs/" + alpha.ID + "/members/" + mem.ID + "/2fa/reset"

	people := coord.get("/orgs/" + alpha.ID)
	if !strings.Contains(people.body, `href="`+path+`"`) {
		t.Errorf("people page: no reset link for the member who has two-step sign-in")
	}
	if strings.Contains(people.body, "/members/"+coordUser.ID+"/2fa/reset") {
		t.Errorf("people page: a reset link for the coordinator herself")
	}
	confirm := coord.get(path)
	secStatus(t, "confirmation page", confirm, http.StatusOK)
	secHas(t, "confirmation page", confirm.body, "Reset two-step sign-in of Miguel Member")
	secHas(t, "confirmation page", confirm.body, "All their sessions end now.")
	if u := secUser(t, e, emailAlphaMem); !u.TwoFactor {
		t.Fatalf("the confirmation page (a GET) reset it")
	}

	// Who may not.
	other := secUser(t, e, emailNetAdmin)
	if _, err := e.st.CreateMember(ctx, alpha, emailNetAdmin, "Ana Admin", e.hash, model.RoleMember); err != nil {
		t.Fatal(err) // the network admin also sits in alpha as a member
	}
	for _, tc := range []struct {
		name string
		c    *client
		path string
		want int
	}{
		{"the member herself", memSession, path, http.StatusForbidden},
		{"beta's coordinator", e.signIn(emailBetaCoord), path, http.StatusNotFound},
		{"the network admin (alpha has a coordinator)", e.signIn(emailNetAdmin), path, http.StatusForbidden},
		{"the network coordinator", e.signIn(emailNetCoord), path, http.StatusForbidden},
		{"another network's admin", e.signIn(emailOtherAdmin), path, http.StatusNotFound},
		{"the coordinator on herself", coord, "/orgs/" + alpha.ID + "/members/" + coordUser.ID + "/2fa/reset", http.StatusForbidden},
		{"the coordinator on the network admin", coord, "/orgs/" + alpha.ID + "/members/" + other.ID + "/2fa/reset", http.StatusForbidden},
		{"not signed in", e.client(), path, http.StatusUnauthorized},
	} {
		secStatus(t, tc.name+" (POST)", tc.c.post(tc.path, url.Values{}), tc.want)
		if tc.want != http.StatusUnauthorized {
			secStatus(t, tc.name+" (GET)", tc.c.get(tc.path), tc.want)
		}
	}
	if n := secCountEvents(t, e, alpha, model.EventTwoFactorReset, ""); n != 0 {
		t.Fatalf("reset events after refusals: got %d, want 0", n)
	}
	if u := secUser(t, e, emailNetAdmin); !u.TwoFactor {
		t.Errorf("the network admin lost two-step sign-in")
	}

	secRedirect(t, "reset", coord.post(path, url.Values{}), "/orgs/"+alpha.ID)
	secHas(t, "flash", coord.get("/orgs/"+alpha.ID).body, "Two-step sign-in of Miguel Member was reset, and their sessions ended.")
	if u := secUser(t, e, emailAlphaMem); u.TwoFactor {
		t.Errorf("still on after the reset")
	}
	secRedirect(t, "the member's session after the reset", memSession.get("/cases"), "/login")
	var resets []model.Event
	for _, ev := range secEvents(t, e, alpha) {
		if ev.Kind == model.EventTwoFactorReset {
			resets = append(resets, ev)
		}
	}
	if len(resets) != 1 || resets[0].ActorID != coordUser.ID || resets[0].SubjectID != mem.ID || resets[0].OrgID != alpha.ID {
		t.Errorf("reset events: %+v, want one by the coordinator about the member in alpha", resets)
	}
	log := coord.get("/orgs/" + alpha.ID + "/security")
	if secLogRow(log.body, "Two-step sign-in reset by a coordinator", "Alicia Alpha", "Miguel Member") == "" {
		t.Errorf("security log has no reset row by Alicia about Miguel")
	}
	if secLogRow(log.body, "Two-step sign-in turned on", "Miguel Member") == "" {
		t.Errorf("security log has no row for Miguel turning it on")
	}
	secHas(t, "people page", coord.get("/orgs/"+alpha.ID).body, "Recent changes to people")
	pvPost(t, coord, "/lang", url.Values{"lang": {"es"}, "return": {"/"}}, http.StatusSeeOther)
	es := coord.get("/orgs/" + alpha.ID + "/security")
	if secLogRow(es.body, "Inicio de sesión en dos pasos restablecido por una persona coordinadora", "Alicia Alpha") == "" {
		t.Errorf("Spanish security log has no reset row")
	}
	// The member signs in with the password alone, and may set it up again.
	m := e.signIn(emailAlphaMem)
	secStatus(t, "member after the reset", m.get("/cases"), http.StatusOK)
	// Resetting someone who has none: nothing to do, said so.
	secRedirect(t, "reset again", coord.post(path, url.Values{}), "/orgs/"+alpha.ID)
	if n := secCountEvents(t, e, alpha, model.EventTwoFactorReset, ""); n != 1 {
		t.Errorf("reset events after resetting nothing: got %d, want 1", n)
	}

	// Network staff may, in a group that has no coordinator yet.
	delta, err := e.st.CreateGroup(ctx, e.orgs["network"].ID, "Delta Group", "", "")
	if err != nil {
		t.Fatal(err)
	}
	dm, err := e.st.CreateMember(ctx, delta, "m@delta.example.org", "Dora Delta", e.hash, model.RoleMember)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.st.BeginTwoFactor(ctx, dm.ID, auth.NewTOTPSecret()); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.EnableTwoFactor(ctx, dm.ID, 1, nil, ""); err != nil {
		t.Fatal(err)
	}
	secRedirect(t, "network admin, group without a coordinator", e.signIn(emailNetAdmin).post("/orgs/"+delta.ID+"/members/"+dm.ID+"/2fa/reset", url.Values{}), "/orgs/"+delta.ID)
	if u := secUser(t, e, "m@delta.example.org"); u.TwoFactor {
		t.Errorf("the network admin's reset in a group without a coordinator did nothing")
	}
}
