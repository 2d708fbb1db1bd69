package web

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
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

	checked := 0
	for who, cl := range map[string]*client{"member": mem, "coordinator": coord} {
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
				r := cl.get(target)
				if r.status != s200 {
					t.Errorf("%s, %s: link %s#%s leads to %d", who, p, target, frag, r.status)
					continue
				}
				if !strings.Contains(r.body, `id="`+frag+`"`) {
					t.Errorf("%s, %s: link %s#%s: no element with id %q there", who, p, target, frag, frag)
				}
			}
		}
	}
	if checked < 3 {
		t.Errorf("checked %d fragment links, want at least the appointment's and the flags'", checked)
	}
}
