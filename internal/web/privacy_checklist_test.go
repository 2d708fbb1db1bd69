package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// pvChecklistMarkers are the checklist canaries (issue 12): a group's own
// item, a note and a reason for setting an item aside.
var pvChecklistMarkers = []string{"CANARYOWNITEM", "CANARYITEMNOTE", "CANARYNAREASON"}

var pvItemRE = regexp.MustCompile(`/cases/[A-Za-z0-9]+/items/([A-Za-z0-9]+)"`)

// pvSeedChecklists gives the canary case the first week's checklist with a
// marker in every free-text field of an item, through HTTP.
func pvSeedChecklists(t *testing.T, c *client, base string) {
	t.Helper()
	res := pvPost(t, c, base+"/checklists", url.Values{"stage": {"first_week"}}, http.StatusSeeOther)
	list := res.header.Get("Location")
	if !strings.HasSuffix(list, "/checklists/first_week") {
		t.Fatalf("adding a checklist: got Location %q", list)
	}
	pvPost(t, c, list+"/items", url.Values{"title": {"CANARYOWNITEM"}}, http.StatusSeeOther)
	items := pvItemRE.FindAllStringSubmatch(pvGet(t, c, list, http.StatusOK).body, -1)
	if len(items) < 2 {
		t.Fatalf("checklist page: got %d item links, want at least 2", len(items))
	}
	pvPost(t, c, base+"/items/"+items[0][1]+"/note", url.Values{"note": {"CANARYITEMNOTE"}}, http.StatusSeeOther)
	pvPost(t, c, base+"/items/"+items[1][1]+"/na", url.Values{"reason": {"CANARYNAREASON"}}, http.StatusSeeOther)
}
