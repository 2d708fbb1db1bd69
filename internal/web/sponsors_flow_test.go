package web

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Sponsor groups as their network sees them (issue 13), through HTTP.

var spStageRE = regexp.MustCompile(`data-stage="([a-z]+)"`)

// spStage is the first stage tag on a page.
func spStage(t *testing.T, body string) string {
	t.Helper()
	m := spStageRE.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no stage tag on the page: %.400s", body)
	}
	return m[1]
}

// spClock fixes the server's and the store's clocks at t; the setter moves both.
func spClock(e *testEnv, t time.Time) func(time.Time) {
	cur := t
	e.srv.now = func() time.Time { return cur }
	e.st.SetClock(func() time.Time { return cur })
	return func(n time.Time) { cur = n }
}

func TestSponsorVettingAndApproval(t *testing.T) {
	e := newEnv(t)
	start := time.Date(2026, 3, 4, 18, 0, 0, 0, time.UTC)
	setNow := spClock(e, start)
	net, alpha := e.orgs["network"].ID, e.orgs["alpha"].ID
	admin := e.signIn(emailNetAdmin)
	coord := e.signIn(emailNetCoord)
	alphaCoord := e.signIn(emailAlphaCoord)

	// The network's admin defines a region and two items. Bad input: 422,
	// kept, nothing written.
	for _, bad := range []url.Values{
		{"item_name": {"Background check"}, "valid_days": {"abc"}},
		{"item_name": {"Background check"}, "valid_days": {"0"}},
		{"item_name": {"Background check"}, "valid_days": {"3651"}},
		{"item_name": {"Background check"}, "valid_days": {"+365"}},
		{"item_name": {""}, "valid_days": {"365"}},
	} {
		res := admin.post("/orgs/"+net+"/vetting-items", bad)
		if res.status != s422 {
			t.Errorf("item %v: got %d, want 422", bad, res.status)
		}
		checkErrorSummary(t, "item", res.body)
		if kept := strings.ReplaceAll(bad.Get("valid_days"), "+", "&#43;"); !strings.Contains(res.body, `value="`+kept+`"`) {
			t.Errorf("item %v: the days typed were not kept", bad)
		}
	}
	if n := e.count("vetting_items"); n != 0 {
		t.Fatalf("refused items wrote %d rows", n)
	}
	mustPost := func(c *client, path string, form url.Values) {
		t.Helper()
		if res := c.post(path, form); res.status != s303 {
			t.Fatalf("POST %s %v: got %d; %s", path, form, res.status, secSnippet(res.body))
		}
	}
	mustPost(admin, "/orgs/"+net+"/regions", url.Values{"name": {"North Texas"}})
	if res := admin.post("/orgs/"+net+"/regions", url.Values{"name": {"North Texas"}}); res.status != s422 || e.count("network_regions") != 1 {
		t.Errorf("a repeated region: got %d and %d rows, want 422 and 1", res.status, e.count("network_regions"))
	}
	mustPost(admin, "/orgs/"+net+"/vetting-items", url.Values{"item_name": {"Background check"}, "valid_days": {"365"}, "per_adult": {"on"}})
	mustPost(admin, "/orgs/"+net+"/vetting-items", url.Values{"item_name": {"Home visit"}, "valid_days": {"730"}})
	regions, _ := e.st.Regions(context.Background(), net)
	items, _ := e.st.VettingItems(context.Background(), net)
	bg, visit := items[0].ID, items[1].ID

	// Alpha's coordinator fills in the profile. Bad input: 422, nothing.
	otherRegion := "0123456789abcdef0123456789abcdef"
	for name, bad := range map[string]url.Values{
		"adults":         {"adults": {"-1"}},
		"beds":           {"beds": {"lots"}},
		"max_placements": {"max_placements": {"21"}},
		"host_months":    {"host_months": {"2.5"}},
		"languages":      {"languages": {"xx"}},
		"region_id":      {"region_id": {otherRegion}},
		"pledge":         {"pledge": {"a lot"}},
		"available_from": {"available_from": {"2026-02-30"}},
	} {
		res := alphaCoord.post("/orgs/"+alpha+"/profile", bad)
		if res.status != s422 {
			t.Errorf("profile with bad %s: got %d, want 422", name, res.status)
			continue
		}
		checkErrorSummary(t, "profile "+name, res.body)
		if !strings.Contains(res.body, `id="`+name+`-error"`) {
			t.Errorf("profile with bad %s: no message at the field", name)
		}
	}
	if n := e.count("sponsor_profiles"); n != 0 {
		t.Fatalf("refused profiles wrote %d rows", n)
	}
	mustPost(alphaCoord, "/orgs/"+alpha+"/profile", url.Values{"region_id": {regions[0].ID}, "languages": {"es", "en"},
		"adults": {"2"}, "beds": {"2"}, "max_placements": {"1"}, "pledge": {"1500"}, "accepts_children": {"on"},
		"available_from": {"2026-04-01"}, "private_notes": {"Spare key with the neighbour"}})

	// Vetting: a day after today, a per-adult item without initials, an
	// item of no network: 422, nothing written.
	for _, bad := range []url.Values{
		{"item_id": {visit}, "done_on": {"2026-03-05"}},
		{"item_id": {bg}, "done_on": {"2026-03-01"}},
		{"item_id": {otherRegion}, "done_on": {"2026-03-01"}},
		{"item_id": {visit}, "done_on": {"2026-13-01"}},
	} {
		res := coord.post("/orgs/"+alpha+"/vetting", bad)
		if res.status != s422 {
			t.Errorf("vetting %v: got %d, want 422", bad, res.status)
		}
		checkErrorSummary(t, "vetting", res.body)
	}
	if n := e.count("vetting_records"); n != 0 {
		t.Fatalf("refused vetting wrote %d rows", n)
	}
	mustPost(coord, "/orgs/"+alpha+"/stage", url.Values{"stage": {"applied"}})
	mustPost(coord, "/orgs/"+alpha+"/vetting", url.Values{"item_id": {bg}, "subject": {"AB"}, "done_on": {"2026-03-01"}})
	mustPost(coord, "/orgs/"+alpha+"/vetting", url.Values{"item_id": {visit}, "done_on": {"2026-02-15"}})
	if got := spStage(t, coord.get("/orgs/"+alpha+"/profile").body); got != "applied" {
		t.Errorf("one of two adults checked: stage %s, want applied", got)
	}
	mustPost(coord, "/orgs/"+alpha+"/vetting", url.Values{"item_id": {bg}, "subject": {"CD"}, "done_on": {"2026-03-04"}})
	page := admin.get("/orgs/" + alpha + "/profile")
	if got := spStage(t, page.body); got != "approved" {
		t.Errorf("every item valid: stage %s, want approved", got)
	}
	for _, want := range []string{"North Texas", "$1,500.00", "Spanish", "English"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the network's view of the profile lacks %q", want)
		}
	}
	if strings.Contains(page.body, "Spare key") {
		t.Errorf("the network sees the group's private notes")
	}
	if !strings.Contains(alphaCoord.get("/orgs/"+alpha+"/profile").body, "Spare key") {
		t.Errorf("the group's coordinator does not see its own notes")
	}
	if res := e.signIn(emailBetaCoord).get("/orgs/" + alpha + "/profile"); res.status != s404 {
		t.Errorf("another group reads alpha's profile: got %d, want 404", res.status)
	}

	// 310 days on (2027-01-08): AB's check (expires 2027-03-01)
	// shows among what expires in the next 60 days.
	setNow(start.AddDate(0, 0, 310))
	exp := admin.get("/orgs/" + net + "/sponsors/expiring").body
	if !strings.Contains(exp, "AB") || strings.Contains(exp, "Home visit") {
		t.Errorf("expiring in 60 days: want AB's check and not the visit; got %.1500s", exp)
	}
	list := admin.get("/orgs/" + net + "/sponsors").body
	if !strings.Contains(list, "Not updated in 90 days") || spStage(t, list) != "approved" {
		t.Errorf("the list after 310 days: want approved and not updated in 90 days")
	}
	// The day AB's check expires, in the network's calendar, alpha is no
	// longer approved: nobody changed anything.
	setNow(time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC))
	if got := spStage(t, admin.get("/orgs/"+alpha+"/profile").body); got != "applied" {
		t.Errorf("after a check expired: stage %s, want applied", got)
	}
	// At 03:00 UTC on 1 March it is still 28 February in New York, the
	// network's zone: the check's last day, so still approved.
	setNow(time.Date(2027, 3, 1, 3, 0, 0, 0, time.UTC))
	if got := spStage(t, admin.get("/orgs/"+alpha+"/profile").body); got != "approved" {
		t.Errorf("the last day of the check in New York: stage %s, want approved", got)
	}
}

func TestSponsorListPages(t *testing.T) {
	e := newEnv(t)
	net := e.orgs["network"]
	for i := 0; i < sponsorPageSize; i++ {
		if _, err := e.st.CreateGroup(context.Background(), net.ID, "Group "+string(rune('A'+i)), "", "127.0.0.1"); err != nil {
			t.Fatal(err)
		}
	}
	admin := e.signIn(emailNetAdmin)
	first := admin.get("/orgs/" + net.ID + "/sponsors")
	second := admin.get("/orgs/" + net.ID + "/sponsors?page=2")
	if n := strings.Count(first.body, "/profile\">"); n != sponsorPageSize {
		t.Errorf("first page: %d groups, want %d", n, sponsorPageSize)
	}
	// alpha, beta and the 25 new ones: 27 groups, 2 on the second page.
	if n := strings.Count(second.body, "/profile\">"); n != 2 {
		t.Errorf("second page: %d groups, want 2", n)
	}
	if !strings.Contains(first.body, `rel="next"`) || !strings.Contains(second.body, `rel="prev"`) {
		t.Errorf("the pages do not link to each other")
	}
}

// TestMatchingWeightsPage: the network's staff read the ranking's weights,
// each criterion with the points it can give, as matching holds them.
func TestMatchingWeightsPage(t *testing.T) {
	e := newEnv(t)
	page := e.signIn(emailNetCoord).get("/orgs/" + e.orgs["network"].ID + "/matching/weights")
	if page.status != s200 {
		t.Fatalf("weights page: got %d, want 200", page.status)
	}
	for _, want := range []string{"Points, out of 100", "Language", "Up to 40 points", "Region", "Up to 20 points",
		"none after 30 days", "All of them after 180 days"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("weights page lacks %q", want)
		}
	}
}
