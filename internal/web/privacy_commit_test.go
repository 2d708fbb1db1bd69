package web

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"
)

// pvCommitMarkers are the canary's commitment texts: what was promised,
// what was given and its note. Like the other plain markers, only alpha's
// people may see them.
var pvCommitMarkers = []string{"CANARYCOMMIT", "CANARYGIVEN", "CANARYGIVNOTE"}

var pvApptRE = regexp.MustCompile(`<li class="item" id="a-([0-9a-f]{32})"`)

// pvSeedCommitments gives the canary case (at base) a money commitment
// with a record of what was given, a needed kind, and a sign-up for its
// hearing, through HTTP as alpha's coordinator c.
func pvSeedCommitments(t *testing.T, e *testEnv, c *client, base string) {
	t.Helper()
	res := pvPost(t, c, base+"/commitments", url.Values{"kind": {"money"}, "description": {"CANARYCOMMIT"},
		"starts_on": {"2026-02-01"}, "end_kind": {"open"}, "amount": {"123.45"}, "currency": {"USD"}, "frequency": {"monthly"},
		"holder": {e.userID(emailAlphaCoord)}}, http.StatusSeeOther)
	cid := res.header.Get("Location")
	pvPost(t, c, cid+"/given", url.Values{"given_on": {"2026-03-01"}, "amount": {"123.45"}, "description": {"CANARYGIVEN"},
		"note": {"CANARYGIVNOTE"}}, http.StatusSeeOther)
	pvPost(t, c, base+"/needs", url.Values{"kind": {"transport"}}, http.StatusSeeOther)
	page := pvGet(t, c, base, http.StatusOK)
	m := pvApptRE.FindStringSubmatch(page.body)
	if m == nil {
		t.Fatalf("canary case page shows no appointment to go to")
	}
	pvPost(t, c, base+"/appointments/"+m[1]+"/going", url.Values{"role": {"interpreter"}}, http.StatusSeeOther)
}
