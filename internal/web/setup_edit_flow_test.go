package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"puente/internal/model"
	"puente/internal/store"
)

// TestRegionsAndItemsRenamedAndRemoved: a network admin renames a region
// and a vetting item in place (their users follow), a bad or taken name is
// 422 with the error summary and the name kept, nothing written or
// logged; a region a profile names and an item with records cannot be
// removed (the page says why; a POST is 409, nothing written); unused
// ones are removed after a confirmation page. Another network's admin
// reaches neither. Each change is on the network's security log, with the
// intake events, worded in English.
func TestRegionsAndItemsRenamedAndRemoved(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	net, alpha := e.orgs["network"], e.orgs["alpha"]
	admin := e.signIn(emailNetAdmin)
	base := "/orgs/" + net.ID
	for _, n := range []string{"North", "South"} {
		if res := admin.post(base+"/regions", url.Values{"name": {n}}); res.status != http.StatusSeeOther {
			t.Fatalf("add region %s: %d", n, res.status)
		}
	}
	for _, n := range []string{"Home visit", "Training"} {
		if res := admin.post(base+"/vetting-items", url.Values{"item_name": {n}, "valid_days": {"365"}}); res.status != http.StatusSeeOther {
			t.Fatalf("add item %s: %d", n, res.status)
		}
	}
	regions, _ := e.st.Regions(ctx, net.ID)
	items, _ := e.st.VettingItems(ctx, net.ID)
	north, south := regions[0], regions[1]
	visit, training := items[0], items[1]
	setup := admin.get(base + "/vetting/setup").body
	for _, link := range []string{"/regions/" + north.ID + "/edit", "/regions/" + south.ID + "/remove",
		"/vetting-items/" + visit.ID + "/edit", "/vetting-items/" + training.ID + "/remove"} {
		if !strings.Contains(setup, base+link) {
			t.Errorf("the setup page does not link to %s", link)
		}
	}
	logged := func() int {
		evs, err := e.st.Events(ctx, net.ID, 0, 500)
		if err != nil {
			t.Fatal(err)
		}
		return len(evs)
	}
	before := logged()

	// Rejected renames: 422, the summary, the name as typed, nothing written.
	for _, tc := range []struct{ path, name, want string }{
		{"/regions/" + north.ID, "", "Enter the name of the region."},
		{"/regions/" + north.ID, "South", "already"},
		{"/regions/" + north.ID, strings.Repeat("n", 81), "80"},
		{"/vetting-items/" + visit.ID, "Training", "already"},
		{"/vetting-items/" + visit.ID, "bad\u202Ename", ""},
	} {
		res := admin.post(base+tc.path, url.Values{"name": {tc.name}})
		if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, `class="error-summary"`) {
			t.Errorf("rename %s to %q: got %d, want 422 with the error summary", tc.path, tc.name, res.status)
		}
		if !strings.Contains(html.UnescapeString(res.body), tc.want) {
			t.Errorf("rename %s to %q: the page does not say %q", tc.path, tc.name, tc.want)
		}
		if tc.name != "" && !strings.Contains(res.body, `value="`+html.EscapeString(tc.name)+`"`) && !strings.Contains(tc.name, "\u202E") {
			t.Errorf("rename %s to %q: the name typed is not kept", tc.path, tc.name)
		}
	}
	if rs, _ := e.st.Regions(ctx, net.ID); rs[0].Name != "North" || rs[1].Name != "South" {
		t.Errorf("rejected renames wrote: %+v", rs)
	}
	if n := logged(); n != before {
		t.Errorf("rejected renames logged %d events", n-before)
	}

	// Renames in place.
	if res := admin.get(base + "/regions/" + north.ID + "/edit"); res.status != 200 || !strings.Contains(res.body, `value="North"`) {
		t.Errorf("rename form: %d, want 200 with the current name", res.status)
	}
	if res := admin.post(base+"/regions/"+north.ID, url.Values{"name": {"North Texas"}}); res.status != http.StatusSeeOther {
		t.Errorf("rename region: got %d, want 303", res.status)
	}
	if res := admin.post(base+"/vetting-items/"+visit.ID, url.Values{"name": {"Home visit (in person)"}}); res.status != http.StatusSeeOther {
		t.Errorf("rename item: got %d, want 303", res.status)
	}
	if r, _ := e.st.Region(ctx, net.ID, north.ID); r.Name != "North Texas" {
		t.Errorf("renamed region: %+v", r)
	}

	// In use: alpha's profile names North Texas; alpha has a home visit.
	coord := e.signIn(emailAlphaCoord)
	if res := coord.post("/orgs/"+alpha.ID+"/profile", url.Values{"beds": {"1"}, "region_id": {north.ID}}); res.status != http.StatusSeeOther {
		t.Fatalf("alpha's profile: %d", res.status)
	}
	if err := e.st.RecordVetting(ctx, alpha, visit.ID, "", e.srv.today(alpha.TimeZone), e.userID(emailNetAdmin), "192.0.2.9"); err != nil {
		t.Fatal(err)
	}
	before = logged()
	for _, tc := range []struct{ path, why string }{
		{"/regions/" + north.ID, "1 group profile names it."},
		{"/vetting-items/" + visit.ID, "1 vetting record of a group is for it."},
	} {
		page := admin.get(base + tc.path + "/remove")
		if page.status != 200 || !strings.Contains(page.body, tc.why) || strings.Contains(page.body, `action="`+base+tc.path+`/remove"`) {
			t.Errorf("GET %s/remove: %d; want 200 saying %q, without a remove button", tc.path, page.status, tc.why)
		}
		res := admin.post(base+tc.path+"/remove", url.Values{})
		if res.status != http.StatusConflict || !strings.Contains(res.body, `class="error-summary"`) || !strings.Contains(res.body, tc.why) {
			t.Errorf("POST %s/remove in use: got %d, want 409 with the summary and why", tc.path, res.status)
		}
	}
	if n := logged(); n != before {
		t.Errorf("refused removals logged %d events", n-before)
	}
	if _, err := e.st.Region(ctx, net.ID, north.ID); err != nil {
		t.Errorf("a region in use was removed: %v", err)
	}
	if _, err := e.st.VettingItem(ctx, net.ID, visit.ID); err != nil {
		t.Errorf("an item with records was removed: %v", err)
	}

	// Another network's admin: 404 on their own network's address too.
	other := e.signIn(emailOtherAdmin)
	otherBase := "/orgs/" + e.orgs["othernet"].ID
	for _, p := range []string{"/regions/" + south.ID + "/edit", "/regions/" + south.ID + "/remove", "/vetting-items/" + training.ID + "/remove"} {
		if res := other.get(otherBase + p); res.status != http.StatusNotFound {
			t.Errorf("other network's admin GET %s: got %d, want 404", p, res.status)
		}
	}
	if res := other.post(otherBase+"/regions/"+south.ID+"/remove", url.Values{}); res.status != http.StatusNotFound {
		t.Errorf("other network's admin removing our region: got %d, want 404", res.status)
	}

	// Unused: a confirmation page, then removed.
	for _, p := range []string{"/regions/" + south.ID, "/vetting-items/" + training.ID} {
		page := admin.get(base + p + "/remove")
		if page.status != 200 || !strings.Contains(page.body, `action="`+base+p+`/remove"`) {
			t.Errorf("GET %s/remove: %d, want the confirmation form", p, page.status)
		}
		if res := admin.post(base+p+"/remove", url.Values{}); res.status != http.StatusSeeOther {
			t.Errorf("POST %s/remove: got %d, want 303", p, res.status)
		}
		if res := admin.get(base + p + "/remove"); res.status != http.StatusNotFound {
			t.Errorf("GET %s/remove after: got %d, want 404", p, res.status)
		}
	}

	// The intake events, and the log page.
	in := []model.QueueEntryInput{{Pseudonym: "PSEUDOCANARY", Adults: 1, ExternalRef: "X-1"}}
	if _, err := e.st.AddQueueEntries(ctx, net, in, store.IntakeSource{Via: model.EventIntakeAPI, ActorID: e.userID(emailNetAdmin), IP: "198.51.100.4", Token: "Referrals"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.AddQueueEntries(ctx, net, in, store.IntakeSource{Via: model.EventIntakeCSV, ActorID: e.userID(emailNetAdmin), IP: "198.51.100.5"}); err != nil {
		t.Fatal(err)
	}
	log := html.UnescapeString(admin.get(base + "/security").body)
	for _, want := range []string{"Region added", "Region renamed", "North → North Texas", "Vetting item renamed",
		"Home visit → Home visit (in person)", "Vetting recorded for a group", alpha.Name + ": Home visit (in person)",
		"Region deleted", "Vetting item deleted", "People added to the queue through the API", "1 new, 0 already in the queue; token: Referrals",
		"People added to the queue from a CSV file", "0 new, 1 already in the queue", "198.51.100.4", "192.0.2.9"} {
		if !strings.Contains(log, want) {
			t.Errorf("the security log does not show %q", want)
		}
	}
	if strings.Contains(log, "PSEUDOCANARY") || strings.Contains(log, "X-1") || strings.Contains(log, "\x1f") {
		t.Errorf("the security log shows an entry's data or a raw separator")
	}
}

// TestNetworkPagesLinked: the queue links to the CSV import and the
// dashboard, both link back to the queue, and every page of the network's
// staff is reachable from the organisation page by links (the admin's
// setup pages through the sponsor list).
func TestNetworkPagesLinked(t *testing.T) {
	e := newEnv(t)
	base := "/orgs/" + e.orgs["network"].ID
	for _, who := range []string{emailNetAdmin, emailNetCoord} {
		c := e.signIn(who)
		queue := c.get(base + "/queue").body
		for _, p := range []string{"/intake", "/dashboard"} {
			if !strings.Contains(queue, `href="`+base+p+`"`) {
				t.Errorf("%s: the queue does not link to %s", who, p)
			}
			if page := c.get(base + p).body; !strings.Contains(page, `href="`+base+`/queue"`) {
				t.Errorf("%s: %s does not link back to the queue", who, p)
			}
		}
		// Breadth-first over the network's own links from its page.
		seen := map[string]bool{base: true}
		todo := []string{base}
		for len(todo) > 0 {
			p := todo[0]
			todo = todo[1:]
			for _, m := range setupHrefRE.FindAllStringSubmatch(c.get(p).body, -1) {
				u := html.UnescapeString(m[1])
				if i := strings.IndexAny(u, "?#"); i >= 0 {
					u = u[:i]
				}
				if strings.HasPrefix(u, base+"/") && !seen[u] {
					seen[u] = true
					todo = append(todo, u)
				}
			}
		}
		want := []string{"/queue", "/queue/new", "/placements", "/sponsors", "/sponsors/expiring",
			"/matching/weights", "/intake", "/dashboard"}
		if who == emailNetAdmin {
			want = append(want, "/security", "/settings", "/invitations/new", "/vetting/setup", "/checklists", "/api-tokens")
		}
		for _, p := range want {
			if !seen[base+p] {
				t.Errorf("%s: %s is not reachable by links from the network's page", who, p)
			}
		}
	}
}

var setupHrefRE = regexp.MustCompile(`href="([^"]+)"`)

// TestCSVImportLoggedOnce: each CSV file that reaches the queue is one
// event in the network's log with its counts (new, already there,
// refused), never a row's data; a file whose rows are all refused too.
// A file that cannot be read at all (a bad header) is not an import.
func TestCSVImportLoggedOnce(t *testing.T) {
	e := newEnv(t)
	net := e.orgs["network"]
	coord := e.signIn(emailNetCoord)
	uploadCSV(t, coord, net.ID, "mixed.csv", "external_ref,pseudonym,adults\nR-1,LOGCANARY,1\nR-2,B,many\nR-3,C,0\n")
	uploadCSV(t, coord, net.ID, "mixed.csv", "external_ref,pseudonym,adults\nR-1,LOGCANARY,1\n")
	uploadCSV(t, coord, net.ID, "bad.csv", "external_ref,pseudonym,adults\nR-4,D,many\n")
	uploadCSV(t, coord, net.ID, "unreadable.csv", "external_ref,pseudonym,adults,name\nR-5,E,1,Full Name\n")
	evs, err := e.st.Events(context.Background(), net.ID, 0, 50)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ev := range evs {
		if ev.Kind == model.EventIntakeCSV {
			got = append([]string{ev.Detail}, got...)
			if ev.ActorID != e.userID(emailNetCoord) || ev.IP == "" {
				t.Errorf("import event by %q from %q; want the coordinator and an address", ev.ActorID, ev.IP)
			}
		}
	}
	want := []string{store.IntakeDetail(1, 0, 2, ""), store.IntakeDetail(0, 1, 0, ""), store.IntakeDetail(0, 0, 1, "")}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("import events %q, want %q", got, want)
	}
	log := html.UnescapeString(e.signIn(emailNetAdmin).get("/orgs/" + net.ID + "/security").body)
	for _, w := range []string{"1 new, 0 already in the queue, 2 rows refused", "0 new, 1 already in the queue", "0 new, 0 already in the queue, 1 row refused"} {
		if !strings.Contains(log, w) {
			t.Errorf("the security log does not say %q", w)
		}
	}
	if strings.Contains(log, "LOGCANARY") {
		t.Error("the security log shows a row's data")
	}
}
