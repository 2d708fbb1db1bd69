package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"puente/internal/model"
)

func TestFlowOrgSwitch(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	net, alpha := e.orgs["network"], e.orgs["alpha"]
	if _, err := e.st.CreateMember(t.Context(), alpha, emailNetAdmin, "", "", model.RoleMember); err != nil {
		t.Fatal(err)
	}
	ana := e.signIn(emailNetAdmin)
	pages := []string{
		"/", "/account", "/orgs/" + net.ID, "/orgs/" + alpha.ID, "/orgs/" + net.ID + "/security",
		"/orgs/" + net.ID + "/groups/new", "/orgs/" + net.ID + "/invitations/new",
		"/orgs/" + e.orgs["gamma"].ID, // 404 page
		"/no/such/page/but/signed/in", // an unmatched address still shows the signed-in header
	}
	for _, p := range pages {
		res := ana.get(p)
		has := strings.Contains(res.body, `action="/orgs/switch"`) &&
			strings.Contains(res.body, `<option value="`+net.ID+`"`) && strings.Contains(res.body, `<option value="`+alpha.ID+`"`)
		want := true
		if has != want {
			t.Errorf("GET %s (%d): switch with both organisations shown: got %v, want %v", p, res.status, has, want)
		}
	}
	single := e.signIn(emailAlphaMem).get("/")
	if strings.Contains(single.body, `action="/orgs/switch"`) {
		t.Errorf("a person in one organisation is offered a switch")
	}

	netLine := flowCurrentOrg("Network One", "Placement network · Admin")
	alphaLine := flowCurrentOrg("Alpha Group", "Sponsor group · Member")
	if home := ana.get("/"); !strings.Contains(home.body, netLine) {
		t.Errorf("before switching: want %q", netLine)
	}
	secRedirect(t, "switch to alpha", ana.post("/orgs/switch", url.Values{"org_id": {alpha.ID}}), "/")
	home := ana.get("/")
	if !strings.Contains(home.body, alphaLine) {
		t.Errorf("after switching: want %q; body: %.800s", alphaLine, secSnippet(home.body))
	}
	if !strings.Contains(home.body, `<option value="`+alpha.ID+`" selected>`) {
		t.Errorf("after switching: the switch does not show alpha selected")
	}
	// The choice holds on other pages too.
	if acc := ana.get("/account"); !strings.Contains(acc.body, alphaLine) {
		t.Errorf("account page after switching: want %q", alphaLine)
	}
	// An organisation the person does not belong to is refused and changes nothing.
	secStatus(t, "switch to gamma", ana.post("/orgs/switch", url.Values{"org_id": {e.orgs["gamma"].ID}}), http.StatusNotFound)
	secStatus(t, "switch to beta (visible through the network, not a membership)", ana.post("/orgs/switch", url.Values{"org_id": {e.orgs["beta"].ID}}), http.StatusNotFound)
	if home := ana.get("/"); !strings.Contains(home.body, alphaLine) {
		t.Errorf("after refused switches: want %q", alphaLine)
	}
	secRedirect(t, "switch back", ana.post("/orgs/switch", url.Values{"org_id": {net.ID}}), "/")
	if home := ana.get("/"); !strings.Contains(home.body, netLine) {
		t.Errorf("after switching back: want %q", netLine)
	}
}
