package web

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestRegistrationDateByRole (issue 8 §3): the registration at 14 is due on
// the date of birth + 14 years + 30 days, so its date is as secret as the
// date of birth. Coordinators see it, with its date, among the case's
// deadlines and on the home page; members see that one is coming up for
// someone in the household and whom to ask, never the date, the person or
// "turns 14"; no feed carries it.
func TestRegistrationDateByRole(t *testing.T) {
	e := newEnv(t)
	e.srv.now = func() time.Time { return dsNow }
	coord := e.signIn(emailAlphaCoord)
	// Nina turns 14 on Wednesday 25 November 2026: due Friday 25 December 2026.
	id := pvCreateCase(t, coord, url.Values{"name": {"Rosa Ruiz"}, "status": {"arrived"}, "dob": {"1990-02-03"}})
	base := "/cases/" + id
	pvPost(t, coord, base+"/people", url.Values{"name": {"Nina Ruiz"}, "dob": {"2012-11-25"}}, 303)
	pvPost(t, coord, base+"/people", url.Values{"name": {"Pablo Ruiz"}}, 303)
	pvPost(t, coord, base+"/facts", url.Values{"kind": {"arrival"}, "date": {"2026-11-29"}}, 303) // EOIR-33 due 4 Dec: the feed's control
	derived := []string{"25 December 2026", "25 de diciembre de 2026", "2026-12-25", "25 Dec 2026", "25 November 2026", "2026-11-25", "Turns 14"}

	page := pvGet(t, coord, base, 200).body
	dsHas(t, "coordinator's case page", dsBadges(page), dsBadge{"Registration at age 14", "upcoming", "in 25 days"})
	for _, want := range []string{"Friday 25 December 2026", "Turns 14 on Wednesday 25 November 2026.", "For P.R., the date of birth is missing. Without it, the registration at age 14 cannot be computed."} {
		if !strings.Contains(page, want) {
			t.Errorf("coordinator's case page lacks %q", want)
		}
	}
	if strings.Contains(page, "2012") {
		t.Errorf("coordinator's case page shows the year of birth without a reveal")
	}
	if strings.Contains(page, "No date of birth for R.R.") {
		t.Errorf("a missing date of birth is asked of the principal")
	}
	// The home page lists what is due in the next 14 days: 11 days before.
	e.srv.now = func() time.Time { return dsNow.AddDate(0, 0, 14) }
	home := pvGet(t, coord, "/", 200).body
	dsHas(t, "coordinator's home", dsBadges(home), dsBadge{"Registration at age 14", "due_soon", "in 11 days"})

	mem := e.signIn(emailAlphaMem)
	mpage := pvGet(t, mem, base, 200).body
	mhome := pvGet(t, mem, "/", 200).body
	for what, body := range map[string]string{"member's case page": mpage, "member's home": mhome} {
		for _, leak := range append(derived, "Registration at age 14</strong>", "No date of birth") {
			if strings.Contains(body, leak) {
				t.Errorf("%s shows %q", what, leak)
			}
		}
		if !strings.Contains(body, "a registration at age 14 is coming up for someone in the household") &&
			!strings.Contains(body, "A registration at age 14 is coming up for someone in the household") {
			t.Errorf("%s does not say a registration is coming up", what)
		}
		if !strings.Contains(body, "Ask them: Alicia Alpha.") {
			t.Errorf("%s does not say whom to ask", what)
		}
	}
	if !strings.Contains(mhome, pvCaseCode(t, mpage)+": a registration at age 14") {
		t.Errorf("member's home does not name the case by its code")
	}
	pvPost(t, mem, "/lang", url.Values{"lang": {"es"}, "return": {"/"}}, 303)
	if es := pvGet(t, mem, base, 200).body; !strings.Contains(es, "Se acerca el registro de los 14 años de alguien del hogar") ||
		strings.Contains(es, "25 de diciembre de 2026") {
		t.Errorf("member's Spanish case page: want the notice without the date")
	}

	// No feed carries it, whoever subscribes.
	for _, c := range []*client{coord, mem} {
		path, _ := pvNewFeed(t, e, c)
		res, _ := pvFeed(t, e, path)
		if !strings.Contains(res.body, "20261204") {
			t.Errorf("feed lacks the EOIR-33 due 4 Dec 2026 (control)")
		}
		for _, leak := range []string{"20261225", "Registration", "Registro"} {
			if strings.Contains(res.body, leak) {
				t.Errorf("feed carries %q", leak)
			}
		}
	}
}
