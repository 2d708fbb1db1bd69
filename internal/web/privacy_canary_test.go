package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// pvCanary is one case of group alpha with a unique marker in every field.
type pvCanary struct {
	id, code  string
	people    []string // principal first, then the relative
	plain     []string // markers any member of alpha may see
	sensitive []string // markers only a coordinator may see, and only by revealing
}

// pvCanaryPlain are the non-sensitive markers: names and the case's text fields.
var pvCanaryPlain = []string{
	"CANARYNAME1", "CANARYPREFERRED", "CANARYRELATION", "CANARYLANGUAGE", "CANARYCOUNTRY",
	"CANARYCOURT", "CANARYJUDGE", "CANARYLAWYER", "CANARYCONTACT",
	"CANARYFACTNOTE", "CANARYPLACE", "CANARYGOING", "CANARYAPPTNOTE", "CANARYMARKNOTE",
	"CANARYRELATIVE", "CANARYKIN", "CANARYRELPREFERRED",
	// The group's private notes on its sponsor profile (issue 13): the
	// network reads the profile, never these.
	"CANARYGROUPNOTE",
}

// pvCanarySensitive are the sensitive markers, in every form a page could
// show them: A-number digits as stored and as typed, dates as ISO and as
// formatted in English and Spanish.
var pvCanarySensitive = []string{
	"918273645", "918-273-645", "CANARYADDRESS", "1931-07-19", "Jul 1931", "jul 1931", "jul. 1931", "CANARYFACILITY",
	"827364519", "827-364-519", "2012-08-21", "Aug 2012", "ago 2012", "ago. 2012", "CANARYRELFACILITY",
}

// pvSeedCanary creates the canary case through HTTP as alpha's coordinator.
func pvSeedCanary(t *testing.T, e *testEnv) pvCanary {
	t.Helper()
	c := e.signIn(emailAlphaCoord)
	id := pvCreateCase(t, c, url.Values{
		"status": {"arrived"}, "court": {"CANARYCOURT"}, "judge": {"CANARYJUDGE"}, "lawyer_name": {"CANARYLAWYER"},
		"lawyer_contact": {"CANARYCONTACT"}, "address": {"CANARYADDRESS"},
		"name": {"CANARYNAME1"}, "preferred_name": {"CANARYPREFERRED"}, "relationship": {"CANARYRELATION"},
		"languages": {"CANARYLANGUAGE"}, "country_of_birth": {"CANARYCOUNTRY"}, "last_us_arrival": {"2026-02-10"},
		"dob": {"1931-07-19"}, "facility": {"CANARYFACILITY"}, "anumber": {"A 918-273-645"},
	})
	base := "/cases/" + id
	pvPost(t, c, base+"/people", url.Values{
		"name": {"CANARYRELATIVE"}, "relationship": {"CANARYKIN"}, "preferred_name": {"CANARYRELPREFERRED"},
		"dob": {"2012-08-21"}, "facility": {"CANARYRELFACILITY"}, "anumber": {"827364519"},
	}, http.StatusSeeOther)
	pvPost(t, c, base+"/facts", url.Values{"kind": {"arrival"}, "date": {"2026-03-03"}, "note": {"CANARYFACTNOTE"}}, http.StatusSeeOther)
	pvPost(t, c, base+"/appointments", url.Values{"kind": {"master_hearing"}, "date": {"2026-03-20"}, "time": {"09:30"},
		"place": {"CANARYPLACE"}, "going": {"CANARYGOING"}, "note": {"CANARYAPPTNOTE"}}, http.StatusSeeOther)
	pvSeedCommitments(t, e, c, base)
	// The network's regions and vetting items: one of each in use by
	// alpha (its profile, its record), one of each unused, so the crawl
	// meets both kinds of removal page.
	admin := e.signIn(emailNetAdmin)
	netPath := "/orgs/" + e.orgs["network"].ID
	for _, name := range []string{"Canary region used", "Canary region free"} {
		pvPost(t, admin, netPath+"/regions", url.Values{"name": {name}}, http.StatusSeeOther)
	}
	for _, name := range []string{"Canary visit done", "Canary training free"} {
		pvPost(t, admin, netPath+"/vetting-items", url.Values{"item_name": {name}, "valid_days": {"365"}}, http.StatusSeeOther)
	}
	regions, _ := e.st.Regions(context.Background(), e.orgs["network"].ID)
	items, _ := e.st.VettingItems(context.Background(), e.orgs["network"].ID)
	pvPost(t, c, "/orgs/"+e.orgs["alpha"].ID+"/profile", url.Values{"beds": {"2"}, "languages": {"es"},
		"private_notes": {"CANARYGROUPNOTE"}, "region_id": {regions[1].ID}}, http.StatusSeeOther)
	pvPost(t, admin, "/orgs/"+e.orgs["alpha"].ID+"/vetting", url.Values{"item_id": {items[1].ID}, "done_on": {"2026-01-05"}}, http.StatusSeeOther)
	pvSeedChecklists(t, c, base)
	page := pvGet(t, c, base, http.StatusOK)
	key := pvMarkKey(page.body)
	if key == "" {
		t.Fatalf("case page has no deadline to record; body %.800s", page.body)
	}
	pvPost(t, c, base+"/marks", url.Values{"key": {key}, "state": {"open"}, "note": {"CANARYMARKNOTE"}}, http.StatusSeeOther)
	page = pvGet(t, c, base, http.StatusOK)
	people := pvPersonIDs(page.body)
	if len(people) != 2 {
		t.Fatalf("case page edit links: got %d people, want 2", len(people))
	}
	return pvCanary{id: id, code: pvCaseCode(t, page.body), people: people,
		plain: append(append(append([]string{}, pvCanaryPlain...), pvCommitMarkers...), pvChecklistMarkers...), sensitive: pvCanarySensitive}
}

// pvOrgPaths are an organisation's GET pages, for every organisation of the env,
// and the rename and removal pages of the networks' regions and vetting items.
func pvOrgPaths(e *testEnv) []string {
	var out []string
	for _, k := range []string{"network", "othernet"} {
		id := e.orgs[k].ID
		regions, err := e.st.Regions(context.Background(), id)
		if err != nil {
			e.t.Fatal(err)
		}
		for _, r := range regions {
			out = append(out, "/orgs/"+id+"/regions/"+r.ID+"/edit", "/orgs/"+id+"/regions/"+r.ID+"/remove")
		}
		items, err := e.st.VettingItems(context.Background(), id)
		if err != nil {
			e.t.Fatal(err)
		}
		for _, it := range items {
			out = append(out, "/orgs/"+id+"/vetting-items/"+it.ID+"/edit", "/orgs/"+id+"/vetting-items/"+it.ID+"/remove")
		}
	}
	for _, k := range []string{"network", "alpha", "beta", "othernet", "gamma"} {
		id := e.orgs[k].ID
		out = append(out, "/orgs/"+id, "/orgs/"+id+"/security", "/orgs/"+id+"/groups/new", "/orgs/"+id+"/invitations/new",
			"/orgs/"+id+"/settings", "/orgs/"+id+"/profile", "/orgs/"+id+"/profile/edit", "/orgs/"+id+"/sponsors",
			"/orgs/"+id+"/sponsors/expiring", "/orgs/"+id+"/vetting/setup", "/orgs/"+id+"/matching/weights",
			"/orgs/"+id+"/queue", "/orgs/"+id+"/queue/new", "/orgs/"+id+"/placements", "/orgs/"+id+"/offers",
			"/orgs/"+id+"/api-tokens", "/orgs/"+id+"/intake", "/orgs/"+id+"/dashboard")
	}
	return out
}

// TestPrivacyCanaryCrawl seeds one case of group alpha with unique markers
// in every field, then crawls as every role outside alpha: not one marker
// may appear on any page, feed, error page or in the server log; alpha's
// member sees the case but none of its sensitive fields.
func TestPrivacyCanaryCrawl(t *testing.T) {
	e := newEnv(t)
	pvFixClock(e)
	cn := pvSeedCanary(t, e)
	all := append(append(append([]string{}, cn.plain...), cn.sensitive...), cn.code)
	withIDs := append(append(append([]string{}, all...), cn.id), cn.people...)

	// Control: alpha's coordinator finds every plain marker by crawling, and
	// every sensitive one by revealing it; so the markers are there to find.
	coord := e.signIn(emailAlphaCoord)
	pages := pvCrawl(t, e, coord, 200, "/")
	t.Logf("alpha coordinator (control): %d pages crawled", len(pages))
	var seen strings.Builder
	for _, p := range pages {
		seen.WriteString(p.text)
	}
	if !strings.Contains(seen.String(), "/cases/"+cn.id) {
		t.Fatalf("control crawl never reached the canary case")
	}
	for _, field := range []string{"anumber", "dob", "facility"} {
		for _, pid := range cn.people {
			seen.WriteString(pvPost(t, coord, "/cases/"+cn.id+"/people/"+pid+"/reveal", url.Values{"field": {field}}, http.StatusOK).body)
		}
	}
	seen.WriteString(pvPost(t, coord, "/cases/"+cn.id+"/address/reveal", url.Values{}, http.StatusOK).body)
	// The data-subject export opens everything of its person.
	for _, pid := range cn.people {
		seen.WriteString(pvPost(t, coord, "/cases/"+cn.id+"/people/"+pid+"/export", url.Values{"format": {"json"}}, http.StatusOK).body)
	}
	for _, m := range append(append([]string{cn.code}, cn.plain...), "A918-273-645", "A827-364-519", "1931-07-19", "2012-08-21",
		"CANARYADDRESS", "CANARYFACILITY", "CANARYRELFACILITY") {
		if !strings.Contains(seen.String(), m) {
			t.Errorf("control: alpha's coordinator never saw %q: got absent, want present", m)
		}
	}

	roles := []struct{ name, email string }{
		{"beta coordinator", emailBetaCoord},
		{"network admin", emailNetAdmin},
		{"network coordinator", emailNetCoord},
		{"other network admin", emailOtherAdmin},
		{"gamma coordinator", emailGammaCoord},
	}
	caseBase := "/cases/" + cn.id
	caseGets := []string{caseBase, caseBase + "/edit", caseBase + "/people/new", caseBase + "/purge",
		caseBase + "/checklists/first_week", caseBase + "/checklists/new"}
	for _, m := range pvItemRE.FindAllStringSubmatch(pvGet(t, coord, caseBase+"/checklists/first_week", http.StatusOK).body, 3) {
		caseGets = append(caseGets, caseBase+"/items/"+m[1], caseBase+"/items/"+m[1]+"/note")
	}
	appts := pvApptEditRE.FindAllString(pvGet(t, coord, caseBase, http.StatusOK).body, -1)
	if len(appts) != 1 {
		t.Fatalf("canary case page: got %d appointment edit links, want 1", len(appts))
	}
	caseGets = append(caseGets, appts...)
	for _, pid := range cn.people {
		caseGets = append(caseGets, caseBase+"/people/"+pid+"/edit", caseBase+"/people/"+pid+"/export")
	}
	caseGets = append(caseGets, caseBase+"/people/"+cn.people[1]+"/remove")
	for _, r := range roles {
		c := e.signIn(r.email)
		start := append([]string{"/", "/cases", "/cases?state=all", "/cases?q=CANARY&state=all", "/calendar", "/account",
			"/account/2fa", "/account/2fa/qr.png", "/login/code", "/login/recovery"}, pvOrgPaths(e)...)
		pages := pvCrawl(t, e, c, 200, start...)
		t.Logf("%s: %d pages crawled", r.name, len(pages))
		if len(pages) < len(start) {
			t.Errorf("%s: crawled %d pages, want at least the %d start pages", r.name, len(pages), len(start))
		}
		pvNoMarkers(t, r.name, pages, withIDs)

		// The de-identified queue reports and an intake call of each
		// network (issue 13): answered or refused, never a marker.
		var exports []pvPage
		for _, k := range []string{"network", "othernet"} {
			for _, report := range []string{"queue", "placements", "groups"} {
				p := "/orgs/" + e.orgs[k].ID + "/reports/" + report
				res := c.post(p, url.Values{})
				exports = append(exports, pvPage{path: "POST " + p, status: res.status, text: pvText(res)})
			}
		}
		secret, _ := newAPIToken(t, e, e.orgs["network"], e.userID(emailNetAdmin))
		api := apiPost(t, e, secret, `{"entries":[{"external_ref":"PROBE-1","pseudonym":"P.P.","adults":1}]}`, nil)
		exports = append(exports, pvPage{path: "POST /api/v1/intake", status: api.status, text: pvText(api)})
		pvNoMarkers(t, r.name+" exports", exports, withIDs)

		// Their own calendar feed, fetched as a calendar app would; network
		// staff may make none (authz.CanHaveFeed), and the refusal shows
		// nothing either.
		if !strings.Contains(r.name, "network") {
			feedPath, feedPage := pvNewFeed(t, e, c)
			feed := pvGet(t, e.client(), feedPath, http.StatusOK)
			pvNoMarkers(t, r.name+" feed", []pvPage{{path: "POST /calendar/feeds", status: feedPage.status, text: pvText(feedPage)},
				{path: "/calendar/{token}.ics", status: feed.status, text: pvText(feed)}}, withIDs)
			if !strings.HasPrefix(feed.body, "BEGIN:VCALENDAR") {
				t.Errorf("%s feed: got %.80q, want a calendar", r.name, feed.body)
			}
		} else {
			res := pvPost(t, c, "/calendar/feeds", url.Values{}, http.StatusForbidden)
			pvNoMarkers(t, r.name+" feed", []pvPage{{path: "POST /calendar/feeds", status: res.status, text: pvText(res)}}, withIDs)
		}

		// The canary case's own addresses answer 404, as for a missing case.
		var probes []pvPage
		for _, p := range caseGets {
			res := c.get(p)
			if res.status != http.StatusNotFound {
				t.Errorf("%s: GET %s: got %d, want 404", r.name, p, res.status)
			}
			probes = append(probes, pvPage{path: p, status: res.status, text: pvText(res)})
		}
		for _, pid := range cn.people {
			p := caseBase + "/people/" + pid + "/reveal"
			res := c.post(p, url.Values{"field": {"anumber"}})
			if res.status != http.StatusNotFound {
				t.Errorf("%s: POST %s: got %d, want 404", r.name, p, res.status)
			}
			probes = append(probes, pvPage{path: "POST " + p, status: res.status, text: pvText(res)})
		}
		posts := map[string]url.Values{caseBase + "/address/reveal": {}, caseBase + "/purge": {}}
		for _, pid := range cn.people {
			posts[caseBase+"/people/"+pid+"/export"] = url.Values{"format": {"json"}}
		}
		for p, form := range posts {
			res := c.post(p, form)
			if res.status != http.StatusNotFound {
				t.Errorf("%s: POST %s: got %d, want 404", r.name, p, res.status)
			}
			probes = append(probes, pvPage{path: "POST " + p, status: res.status, text: pvText(res)})
		}
		pvNoMarkers(t, r.name, probes, all)
	}

	// Alpha's own coordinator halfway through signing in (the password
	// given, not the code): not one marker, not even the case code.
	half := e.passwordOnly(emailAlphaCoord)
	halfStart := append(append([]string{"/", "/cases", "/cases?state=all", "/calendar", "/account", "/account/2fa",
		"/login/code", "/login/recovery"}, pvOrgPaths(e)...), caseGets...)
	pages = pvCrawl(t, e, half, 200, halfStart...)
	for _, p := range pages {
		if p.status != http.StatusOK && p.status != http.StatusSeeOther {
			t.Errorf("halfway through sign-in: GET %s: got %d, want a redirect to the second step (or that page)", p.path, p.status)
		}
	}
	t.Logf("alpha coordinator halfway through sign-in: %d pages crawled", len(pages))
	pvNoMarkers(t, "alpha coordinator halfway through sign-in", pages, withIDs)

	// Alpha's member: the case and its name, never a sensitive field.
	mem := e.signIn(emailAlphaMem)
	pages = pvCrawl(t, e, mem, 200, "/", "/cases", "/cases?state=all", "/calendar", "/account")
	t.Logf("alpha member: %d pages crawled", len(pages))
	// And again in Spanish: dates are formatted per language.
	pvPost(t, mem, "/lang", url.Values{"lang": {"es"}, "return": {"/"}}, http.StatusSeeOther)
	es := pvCrawl(t, e, mem, 200, "/", "/cases", "/cases?state=all", "/calendar", "/account")
	t.Logf("alpha member (Spanish): %d pages crawled", len(es))
	if len(es) == 0 || !strings.Contains(es[0].text, `lang="es"`) {
		t.Errorf("alpha member: Spanish home page: got no lang=\"es\", want the Spanish pages crawled")
	}
	pages = append(pages, es...)
	feedPath, feedPage := pvNewFeed(t, e, mem)
	feed := pvGet(t, e.client(), feedPath, http.StatusOK)
	pages = append(pages, pvPage{path: "POST /calendar/feeds", status: feedPage.status, text: pvText(feedPage)},
		pvPage{path: "/calendar/{token}.ics", status: feed.status, text: pvText(feed)})
	for _, pid := range cn.people {
		p := caseBase + "/people/" + pid + "/reveal"
		res := mem.post(p, url.Values{"field": {"anumber"}})
		if res.status != http.StatusForbidden {
			t.Errorf("alpha member: POST %s: got %d, want 403", p, res.status)
		}
		pages = append(pages, pvPage{path: "POST " + p, status: res.status, text: pvText(res)})
	}
	memPosts := map[string]url.Values{caseBase + "/address/reveal": {}, caseBase + "/purge": {}}
	memGets := []string{caseBase + "/purge"}
	for _, pid := range cn.people {
		memPosts[caseBase+"/people/"+pid+"/export"] = url.Values{"format": {"json"}}
		memGets = append(memGets, caseBase+"/people/"+pid+"/export")
	}
	for p, form := range memPosts {
		res := mem.post(p, form)
		if res.status != http.StatusForbidden {
			t.Errorf("alpha member: POST %s: got %d, want 403", p, res.status)
		}
		pages = append(pages, pvPage{path: "POST " + p, status: res.status, text: pvText(res)})
	}
	for _, p := range memGets {
		res := mem.get(p)
		if res.status != http.StatusForbidden {
			t.Errorf("alpha member: GET %s: got %d, want 403", p, res.status)
		}
		pages = append(pages, pvPage{path: p, status: res.status, text: pvText(res)})
	}
	var memSeen strings.Builder
	for _, p := range pages {
		memSeen.WriteString(p.text)
	}
	for _, want := range []string{"CANARYNAME1", "CANARYRELATIVE", "/cases/" + cn.id + "/facts/new"} {
		if !strings.Contains(memSeen.String(), want) {
			t.Errorf("alpha member: %q: got absent, want present (the member works on the case)", want)
		}
	}
	// Members record what happens; the case's details are the coordinators'.
	if strings.Contains(memSeen.String(), "/cases/"+cn.id+"/edit") {
		t.Errorf("alpha member: a page leads to the case's edit form, which is the coordinators'")
	}
	pvNoMarkers(t, "alpha member", pages, cn.sensitive)

	// The server log: no marker at all, not even the case code.
	if found := pvFound(e.logs.String(), all); len(found) > 0 {
		t.Errorf("server log: got markers %q, want none", found)
	}
	if !strings.Contains(e.logs.String(), "/cases/{caseID}") {
		t.Errorf("server log: got no request line for /cases/{caseID}, want the access log to be captured")
	}
}
