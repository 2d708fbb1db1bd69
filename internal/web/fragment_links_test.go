package web

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

var fragLinkRE = regexp.MustCompile(`href="([^"#]*)#([^"]+)"`)

// TestFragmentLinksLand: every link with a fragment on /me/tasks and the
// home page points at an element id present on the page it leads to (the
// review found /me/tasks linking an appointment as #appt-<id> while the
// case page names it a-<id>: the link landed at the top of a long page).
func TestFragmentLinksLand(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord, mem := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)
	c := e.cases["alpha"]
	checkin := cmAppointment(t, e, coord, c.ID, "ice_checkin", cmDay(3))
	cmAppointment(t, e, coord, c.ID, "master_hearing", cmDay(2)) // nobody going: flagged on home
	cmPost(t, mem, "/cases/"+c.ID+"/appointments/"+checkin+"/going", url.Values{"role": {"driver"}}, s303)
	cmCommitment(t, mem, c.ID, url.Values{"kind": {"housing"}, "starts_on": {cmDay(4)}, "end_kind": {"open"}})
	cmCommitment(t, mem, c.ID, url.Values{"kind": {"money"}, "starts_on": {cmDay(1)}, "end_kind": {"open"},
		"amount": {"50"}, "currency": {"USD"}, "frequency": {"monthly"}})

	checked, kinds := 0, map[string]bool{}
	crawl := func(who string, cl *client) {
		for _, p := range []string{"/me/tasks", "/"} {
			body := cl.get(p).body
			for _, m := range fragLinkRE.FindAllStringSubmatch(body, -1) {
				target, frag := html.UnescapeString(m[1]), html.UnescapeString(m[2])
				if target == "" {
					target = p
				}
				if !strings.HasPrefix(target, "/") {
					continue
				}
				checked++
				kinds[strings.SplitN(frag, "-", 2)[0]] = true
				r := cl.get(target)
				if r.status != s200 {
					t.Errorf("%s, %s: link %s#%s leads to %d", who, p, target, frag, r.status)
					continue
				}
				// A browser looks for the fragment as written, then
				// percent-decoded (HTML, "the indicated part of the
				// document").
				decoded, _ := url.PathUnescape(frag)
				if !strings.Contains(r.body, `id="`+frag+`"`) && !strings.Contains(html.UnescapeString(r.body), `id="`+decoded+`"`) {
					t.Errorf("%s, %s: link %s#%s: no element with id %q there", who, p, target, frag, frag)
				}
			}
		}
	}
	crawl("member", mem)
	crawl("coordinator", coord)
	// A case with deadlines of every state (dsCase), on its day: the home
	// page links each deadline to its place on the case page.
	e.srv.now = func() time.Time { return dsNow }
	dsCase(t, e, coord)
	crawl("coordinator, deadlines", coord)
	for _, k := range []string{"a", "d"} {
		if !kinds[k] {
			t.Errorf("no link to #%s-… was checked (kinds %v): the test no longer reaches it", k, kinds)
		}
	}
	if checked < 5 {
		t.Errorf("checked %d fragment links, want the appointments', the flags' and the deadlines'", checked)
	}
}
