package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// secXSS is markup typed into text fields. It must come back as text.
const secXSS = `<script>alert("x")</script><img src=x onerror=alert(1)>'"`

// appScript is the one script element of every page: Puente's own file,
// allowed by the Content-Security-Policy's 'self'.
var appScript = `<script src="` + assetURL("app.js") + `" defer></script>`

// Text typed by one person is shown to others only as text, on every page
// that shows it.
func TestSecTypedMarkupIsEscaped(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	net := e.orgs["network"]
	ana := e.signIn(emailNetAdmin)

	res := ana.post("/orgs/"+net.ID+"/groups", url.Values{"name": {"Group " + secXSS}})
	m := regexp.MustCompile(`^/orgs/([0-9a-f]{32})$`).FindStringSubmatch(res.header.Get("Location"))
	if res.status != http.StatusSeeOther || m == nil {
		t.Fatalf("create group: got %d to %q, want 303 to /orgs/{id}", res.status, res.header.Get("Location"))
	}
	gid := m[1]
	inv := ana.post("/orgs/"+gid+"/invitations", url.Values{"email": {"xss@example.org"}, "role": {"coordinator"}})
	token := secLinkToken(t, inv.body, "invite")
	newcomer := e.client()
	secRedirect(t, "accept", newcomer.post("/invite/"+token, url.Values{
		"name": {"Person " + secXSS}, "password": {inGoodPassword}, "password_confirm": {inGoodPassword}}), "/")

	pages := map[string]response{
		"link page":      inv,
		"network page":   ana.get("/orgs/" + net.ID),
		"group page":     ana.get("/orgs/" + gid),
		"network log":    ana.get("/orgs/" + net.ID + "/security"),
		"group log":      ana.get("/orgs/" + gid + "/security"),
		"newcomer home":  newcomer.get("/"),
		"newcomer acct":  newcomer.get("/account"),
		"invite new":     ana.get("/orgs/" + gid + "/invitations/new"),
		"rejected group": ana.post("/orgs/"+net.ID+"/groups", url.Values{"name": {strings.Repeat("y", 190) + secXSS}}),
	}
	for name, p := range pages {
		if p.status >= 500 {
			t.Errorf("%s: status %d", name, p.status)
		}
		// No template has a script (besides the one vendored file every page
		// loads from /static) or an image, so any is injected.
		body := strings.ReplaceAll(p.body, appScript, "")
		for _, raw := range []string{"<script", "<img"} {
			if strings.Contains(body, raw) {
				t.Errorf("%s: %q appears unescaped", name, raw)
			}
		}
	}
	// And the text itself is there, escaped, where it belongs.
	secHas(t, "network page", pages["network page"].body, "Group "+secXSS)
	secHas(t, "group page", pages["group page"].body, "Person "+secXSS)
}
