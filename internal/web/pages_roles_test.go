package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestLinksLocalWarning: when links name this computer only (no -base-url,
// a loopback address), pages that show a link to pass on warn the person
// who made it and say how to set -base-url; with a base URL they do not.
// Each offers a copy button, which stays hidden until the script shows it.
func TestLinksLocalWarning(t *testing.T) {
	for _, local := range []bool{true, false} {
		e := newEnv(t, func(c *Config) { c.LinksLocal = local })
		c := e.signIn(emailAlphaCoord)
		alpha := e.orgs["alpha"]
		pages := map[string]string{
			"invitation": c.post("/orgs/"+alpha.ID+"/invitations", url.Values{"email": {"new@example.org"}, "role": {"member"}}).body,
			"reset":      c.post("/orgs/"+alpha.ID+"/members/"+e.userID(emailAlphaMem)+"/reset", url.Values{}).body,
			"feed":       c.post("/calendar/feeds", url.Values{}).body,
		}
		for name, body := range pages {
			if !strings.Contains(body, `<p class="copy js-only" hidden><button type="button" class="copy-button" data-copy="link"`) {
				t.Errorf("%s link page: no copy button hidden until the script runs", name)
			}
			warned := strings.Contains(body, "This link works only on the computer running Puente.") && strings.Contains(body, "-base-url")
			if warned != local {
				t.Errorf("%s link page with links local %v: warned %v", name, local, warned)
			}
		}
	}
}

// TestMemberRecordsNotDetails (README "Who may do what"): a member records
// dates, appointments and marks and adds household members, but is not
// offered the case's details or a household member's removal, and is
// refused them.
func TestMemberRecordsNotDetails(t *testing.T) {
	e := newEnv(t)
	e.srv.now = func() time.Time { return pgNow }
	cs, people := pgFamily(t, e, e.signIn(emailAlphaCoord))
	m := e.signIn(emailAlphaMem)
	base := "/cases/" + cs.ID
	page := pvGet(t, m, base, 200).body
	for _, offered := range []string{base + "/facts/new", base + "/appointments/new", base + "/people/new", "/marks?key="} {
		if !strings.Contains(page, offered) {
			t.Errorf("member's case page does not offer %s", offered)
		}
	}
	for _, withheld := range []string{base + "/edit", "/remove", base + "/close"} {
		if strings.Contains(page, `href="`+withheld) || strings.Contains(page, withheld+`"`) {
			t.Errorf("member's case page offers %s", withheld)
		}
	}
	pvPost(t, m, base+"/facts", url.Values{"kind": {"i589_filed"}, "person_id": {people["Rosa Mena"]}, "date": {"2026-03-02"}}, 303)
	if r := m.post(base+"/people/"+people["Sofi Mena"]+"/remove", url.Values{}); r.status != http.StatusForbidden {
		t.Errorf("member removing a household member: got %d, want 403", r.status)
	}
	if r := m.post(base, url.Values{"status": {"arrived"}, "lawyer_name": {"Someone else"}}); r.status != http.StatusForbidden {
		t.Errorf("member editing the case's details: got %d, want 403", r.status)
	}
}
