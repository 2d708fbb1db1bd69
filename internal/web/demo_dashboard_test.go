package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"puente/internal/demo"
	"puente/internal/i18n"
)

var attentionSectionRE = regexp.MustCompile(`(?s)<section aria-labelledby="attention-heading">.*?</section>`)

// TestDemoDashboardAgreesWithCaseCounts: a reviewer saw the demo
// network's dashboard say 0 placements need attention while its case
// counts showed Alpha with overdue deadlines. The demo's cases were not
// placements; now one is ("Rosa M.", Alpha's busiest case), and both pages
// say what they count: the dashboard lists her with her 2 overdue
// deadlines and says cases a group opened itself are not placements, and
// the case counts say they count every open case.
func TestDemoDashboardAgreesWithCaseCounts(t *testing.T) {
	t.Parallel()
	e := newDemoEnv(t, i18n.EN)
	c := e.client()
	res := c.post("/login", url.Values{"email": {"coordinator@network.example.org"}, "password": {demo.Password}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("sign in: got %d, want 303", res.status)
	}
	home := c.get("/")
	_, areas := links(areaRE, home.body)
	dash := c.get(areas["dashboard"])
	if dash.status != http.StatusOK {
		t.Fatalf("dashboard: got %d, want 200", dash.status)
	}
	sec := attentionSectionRE.FindString(dash.body)
	for _, want := range []string{"Placements that need attention <span class=\"count\">(1)</span>", "Rosa M.", "2 deadlines overdue",
		"Cases a group opened itself are not placements", `href="/cases"`} {
		if !strings.Contains(sec, want) {
			t.Errorf("dashboard's placements needing attention: no %q in %.1500s", want, sec)
		}
	}
	counts := c.get("/cases")
	if !strings.Contains(counts.body, "These count every open case") {
		t.Errorf("case counts: they do not say what they count")
	}
	row := regexp.MustCompile(`(?s)<th scope="row"><a href="/orgs/[0-9a-f]+">Alpha Congregation Circle</a></th>\s*<td[^>]*>(\d+)</td>\s*<td[^>]*>(\d+)</td>`).
		FindStringSubmatch(counts.body)
	if row == nil || row[2] == "0" {
		t.Errorf("case counts: Alpha's overdue deadlines %v, want some", row)
	}
}
