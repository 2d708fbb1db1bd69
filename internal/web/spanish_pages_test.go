package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"puente/internal/auth"
	"puente/internal/demo"
	"puente/internal/i18n"
	"puente/internal/store"
)

// esNow is the clock of the Spanish crawl: the demo's dates are around it.
var esNow = time.Date(2026, 11, 30, 15, 0, 0, 0, time.UTC)

// newDemoEnv starts a server on the demo data set seeded in lang, its
// clock fixed at esNow.
func newDemoEnv(t *testing.T, lang i18n.Lang) *testEnv {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	hasher := auth.NewHasher(auth.TestParams, 2)
	e := startEnv(t, st, hasher, nil, "", nil)
	e.dbPath = path
	e.srv.now = func() time.Time { return esNow }
	if err := demo.SeedIn(context.Background(), st, hasher, esNow, lang); err != nil {
		t.Fatalf("demo seed: %v", err)
	}
	for _, a := range demo.Accounts {
		if a.NeedsSecondFactor() {
			e.codes.add(a.Email, demo.TOTPSecret)
		}
	}
	return e
}

// signInSpanish signs email in with the demo password and switches to
// Spanish as the language switch does.
func (e *testEnv) signInSpanish(email string) *client {
	e.t.Helper()
	c := e.client()
	res := c.post("/login", url.Values{"email": {email}, "password": {demo.Password}})
	if res.status != http.StatusSeeOther {
		e.t.Fatalf("sign in %s: got %d, want 303", email, res.status)
	}
	if res.header.Get("Location") == "/login/code" {
		e.secondStep(c, email)
	}
	pvPost(e.t, c, "/lang", url.Values{"lang": {"es"}, "return": {"/"}}, http.StatusSeeOther)
	return c
}

// esPage is one answer to check, by where it came from.
type esPage struct {
	what, text string
}

var (
	esLangRE     = regexp.MustCompile(`<html lang="es"`)
	esCaseLinkRE = regexp.MustCompile(`/cases/([0-9a-f]{32})"`)
)

// esCheck fails for each problem on each page; a page that is HTML must
// say lang="es".
func esCheck(t *testing.T, who string, pages []esPage) {
	t.Helper()
	for _, p := range pages {
		for _, problem := range spanishProblems(p.text) {
			t.Errorf("%s, %s: %s", who, p.what, problem)
		}
	}
}

// esHTML turns crawled answers into pages to check, failing for any HTML
// page that is not in Spanish.
func esHTML(t *testing.T, who string, crawled []pvPage) []esPage {
	t.Helper()
	var out []esPage
	for _, p := range crawled {
		body := p.text[strings.Index(p.text, "\n\n")+2:]
		switch {
		case strings.HasPrefix(body, "BEGIN:VCALENDAR"):
			out = append(out, esPage{"GET " + p.path, icsText(body)})
		case strings.Contains(body, "<html"):
			if !esLangRE.MatchString(body) {
				t.Errorf("%s, GET %s: got no <html lang=\"es\">, want the page in Spanish", who, p.path)
			}
			out = append(out, esPage{"GET " + p.path, visibleText(body)})
		}
	}
	return out
}

// TestSpanishPagesHaveNoKeysCodeOrEnglish (issue 15) walks every page each
// demo account reaches, in Spanish, on the demo data set seeded in Spanish
// plus one case that holds every kind of date, appointment and history
// line; then the pages a form shows after a POST (a new feed, a revealed
// field, a link, a rejected form), every error page, the pages of people
// not signed in, and a calendar feed made in Spanish. No page may show a
// message key, a code identifier (snake_case) or an English fragment.
func TestSpanishPagesHaveNoKeysCodeOrEnglish(t *testing.T) {
	e := newDemoEnv(t, i18n.ES)
	coord := e.signInSpanish("coord@alpha.example.org")
	everything := esEverythingCase(t, e, coord)

	total := 0
	for _, a := range demo.Accounts {
		c := e.signInSpanish(a.Email)
		crawled := pvCrawl(t, e, c, 400, "/", "/cases", "/cases?state=all", "/calendar", "/account", "/cases/new")
		pages := esHTML(t, a.Email, crawled)
		if len(pages) < 5 {
			t.Errorf("%s: crawled %d pages, want at least 5", a.Email, len(pages))
		}
		// The calendar feed, made from a Spanish page, fetched as an app
		// would; network staff may make none, and are told so in Spanish.
		var feed response
		if a.Roles["network"] == "" {
			feedPath, feedPage := pvNewFeed(t, e, c)
			pages = append(pages, esPage{"POST /calendar/feeds", visibleText(feedPage.body)})
			feed = pvGet(t, e.client(), feedPath, http.StatusOK)
			pages = append(pages, esPage{"the calendar feed", icsText(feed.body)})
		} else {
			refused := pvPost(t, c, "/calendar/feeds", url.Values{}, http.StatusForbidden)
			pages = append(pages, esPage{"POST /calendar/feeds (refused)", visibleText(refused.body)})
		}
		esCheck(t, a.Email, pages)
		t.Logf("%s: %d Spanish pages and its feed checked", a.Email, len(pages))
		total += len(pages)
		if a.Email == "coord@alpha.example.org" {
			// The control: the crawl reached the case with everything, and
			// its feed holds an appointment of each kind.
			var all strings.Builder
			for _, p := range crawled {
				all.WriteString(p.text)
			}
			if !strings.Contains(all.String(), "/cases/"+everything) {
				t.Errorf("alpha coordinator: the crawl never reached the case with every kind of date")
			}
			for _, want := range []string{"Audiencia de calendario principal", "Cita de servicios biométricos"} {
				if !strings.Contains(icsText(feed.body), want) {
					t.Errorf("alpha coordinator's feed: got no %q, want every appointment kind in Spanish", want)
				}
			}
		}
	}

	pages := esPostPages(t, e, coord, everything)
	pages = append(pages, esErrorPages(t, e)...)
	pages = append(pages, esAnonymousPages(t, e, coord)...)
	pages = append(pages, esTwoFactorPages(t, e, coord)...)
	esCheck(t, "other pages", pages)
	total += len(pages)
	t.Logf("%d Spanish pages and feeds checked against %d English fragments and %d English messages", total, len(esEnglish), len(englishPhrases))
}

// esEverythingCase opens, as c (alpha's coordinator), a case with every
// kind of fact and appointment and every kind of history line, and returns
// its id.
func esEverythingCase(t *testing.T, e *testEnv, c *client) string {
	t.Helper()
	day := func(n int) string { return esNow.AddDate(0, 0, n).Format(time.DateOnly) }
	id := pvCreateCase(t, c, url.Values{"status": {"arrived"}, "court": {"Tribunal de Inmigración de prueba"},
		"name": {"Rosa Díaz"}, "last_us_arrival": {day(-300)}, "dob": {"1990-05-06"}, "anumber": {"123456789"},
		"address": {"Calle Falsa 123"}})
	base := "/cases/" + id
	pvPost(t, c, base+"/people", url.Values{"name": {"Tomás Díaz"}, "relationship": {"hijo"}, "dob": {day(-14*365 + 20)}}, http.StatusSeeOther)
	facts := [][2]string{{"arrival", day(-290)}, {"move", day(-3)}, {"i589_filed", day(-200)}, {"clock_pause", day(-100)},
		{"ead_applied", day(-40)}, {"decision", day(-10)}, {"appeal_filed", day(-5)}, {"final_order", day(-2)},
		{"grant", day(-1)}, {"ead_expiry", day(120)}, {"fee_notice", day(-20)}}
	principal := pvPersonIDs(pvGet(t, c, base, http.StatusOK).body)[0]
	for _, f := range facts {
		form := url.Values{"kind": {f[0]}, "date": {f[1]}}
		if f[0] != "arrival" && f[0] != "move" {
			form.Set("person_id", principal)
		}
		if f[0] == "clock_pause" {
			form.Set("end_date", day(-94))
		}
		pvPost(t, c, base+"/facts", form, http.StatusSeeOther)
	}
	for i, k := range []string{"master_hearing", "individual_hearing", "ice_checkin", "biometrics", "other"} {
		pvPost(t, c, base+"/appointments", url.Values{"kind": {k}, "date": {day(5*i - 8)}, "time": {"08:30"},
			"place": {"Oficina de prueba"}}, http.StatusSeeOther)
	}
	// A hearing in another zone, then edited: the time zone and the time change.
	pvPost(t, c, base+"/appointments", url.Values{"kind": {"master_hearing"}, "date": {day(30)}, "time": {"09:00"},
		"time_zone": {"America/Denver"}, "place": {"Tribunal en Denver"}}, http.StatusSeeOther)
	page := pvGet(t, c, base, http.StatusOK)
	edits := pvApptEditRE.FindAllString(page.body, -1)
	if len(edits) == 0 {
		t.Fatalf("case page has no appointment edit link")
	}
	pvPost(t, c, strings.TrimSuffix(edits[len(edits)-1], "/edit"), url.Values{"kind": {"master_hearing"}, "date": {day(31)}, "time": {"10:00"},
		"time_zone": {"America/Chicago"}, "place": {"Tribunal en Denver"}}, http.StatusSeeOther)
	// Case details and a person changed, a deadline marked, a fact and an
	// appointment deleted: each leaves its own history line.
	pvPost(t, c, base, url.Values{"status": {"placement_active"}, "court": {"Otro tribunal"}, "lawyer_name": {"Lic. Ruiz"},
		"lawyer_contact": {"555-0101"}, "address": {"Calle Nueva 4"}}, http.StatusSeeOther)
	people := pvPersonIDs(page.body)
	if len(people) != 2 {
		t.Fatalf("case page: got %d people, want 2", len(people))
	}
	pvPost(t, c, base+"/people/"+people[1], url.Values{"name": {"Tomás Díaz"}, "relationship": {"hijo"},
		"preferred_name": {"Tomi"}, "languages": {"español"}}, http.StatusSeeOther)
	key := pvMarkKey(page.body)
	if key == "" {
		t.Fatalf("case page offers no deadline to record")
	}
	pvPost(t, c, base+"/marks", url.Values{"key": {key}, "state": {"done"}, "done_on": {day(-1)}}, http.StatusSeeOther)
	pvPost(t, c, base+"/people", url.Values{"name": {"Persona de paso"}, "joined": {"start"}}, http.StatusSeeOther)
	page = pvGet(t, c, base, http.StatusOK)
	if ids := pvPersonIDs(page.body); len(ids) == 3 {
		pvPost(t, c, base+"/people/"+ids[2]+"/remove", url.Values{}, http.StatusSeeOther)
	}
	pvPost(t, c, base+"/facts", url.Values{"kind": {"move"}, "date": {day(-1)}}, http.StatusSeeOther)
	// A date is deleted from its confirmation page, reached from its edit page.
	f := regexp.MustCompile(`href="(/cases/[0-9a-f]{32}/facts/[0-9a-f]{32})/edit"`).FindAllStringSubmatch(pvGet(t, c, base, http.StatusOK).body, -1)
	if len(f) == 0 {
		t.Fatalf("case page links to no date to correct")
	}
	pvPost(t, c, f[len(f)-1][1]+"/delete", url.Values{}, http.StatusSeeOther)
	esCommitments(t, c, id)
	// A closed case of the same group, for "closed" and its reason.
	closed := pvCreateCase(t, c, url.Values{"status": {"arrived"}, "name": {"Caso cerrado"}})
	pvPost(t, c, "/cases/"+closed+"/close", url.Values{"reason": {"re_detained"}}, http.StatusSeeOther)
	return id
}

// esPostPages are the pages answers to a POST show: a revealed field, the
// links made once, and every form sent back with its errors.
func esPostPages(t *testing.T, e *testEnv, coord *client, caseID string) []esPage {
	t.Helper()
	var pages []esPage
	add := func(what string, res response) {
		if !esLangRE.MatchString(res.body) {
			t.Errorf("%s: got no <html lang=\"es\">, want the page in Spanish", what)
		}
		pages = append(pages, esPage{what, visibleText(res.body)})
	}
	base := "/cases/" + caseID
	page := pvGet(t, coord, base, http.StatusOK)
	people := pvPersonIDs(page.body)
	for _, f := range []string{"anumber", "dob"} {
		add("reveal "+f, pvPost(t, coord, base+"/people/"+people[0]+"/reveal", url.Values{"field": {f}}, http.StatusOK))
	}
	add("reveal address", pvPost(t, coord, base+"/address/reveal", url.Values{}, http.StatusOK))
	// A person's data-subject export, and a closed case's purge: its
	// confirmation page, a refusal on an open case, the purged case.
	add("export", pvPost(t, coord, base+"/people/"+people[0]+"/export", url.Values{"format": {"page"}}, http.StatusOK))
	add("export of a relative", pvPost(t, coord, base+"/people/"+people[1]+"/export", url.Values{"format": {"page"}}, http.StatusOK))
	add("purge of an open case", coord.get(base+"/purge"))
	closed := pvCreateCase(t, coord, url.Values{"status": {"arrived"}, "name": {"Caso para borrar"}})
	pvPost(t, coord, "/cases/"+closed+"/close", url.Values{"reason": {"self_sufficient"}}, http.StatusSeeOther)
	add("closed case", pvGet(t, coord, "/cases/"+closed, http.StatusOK))
	add("purge confirmation", pvGet(t, coord, "/cases/"+closed+"/purge", http.StatusOK))
	pvPost(t, coord, "/cases/"+closed+"/purge", url.Values{}, http.StatusSeeOther)
	add("purged case", pvGet(t, coord, "/cases/"+closed, http.StatusOK))
	add("removal confirmation", pvGet(t, coord, base+"/people/"+people[1]+"/remove", http.StatusOK))
	// Rejected forms: each field's error in Spanish, and the summary.
	rejected := []esForm{
		{"/cases", url.Values{"status": {"arrived"}, "name": {""}, "anumber": {"12"}, "dob": {"ayer"}}},
		{base, url.Values{"status": {"nope"}}},
		{base + "/facts", url.Values{"kind": {"clock_pause"}, "date": {"2026-05-05"}, "end_date": {"2026-05-01"}}},
		{base + "/appointments", url.Values{"kind": {"master_hearing"}, "date": {"mañana"}, "time": {"25:99"}, "time_zone": {"Nowhere/City"}}},
		{base + "/marks", url.Values{"key": {pvMarkKey(page.body)}, "state": {"done"}, "done_on": {"nunca"}}},
		{"/orgs/" + esOrgOf(t, coord) + "/settings", url.Values{"time_zone": {"America/Chicago"}, "retention_days": {"0"}}},
		{"/account/password", url.Values{"current_password": {"mal"}, "new_password": {"corta"}, "password_confirm": {"otra"}}},
	}
	rejected = append(rejected, esRejectedCommitmentForms(t, coord, caseID)...)
	for _, r := range rejected {
		res := coord.post(r.path, r.form)
		if res.status != http.StatusUnprocessableEntity {
			t.Errorf("POST %s: got %d, want 422", r.path, res.status)
			continue
		}
		add("rejected "+r.path, res)
	}
	return pages
}

// esForm is a form to send and where.
type esForm struct {
	path string
	form url.Values
}

// esErrorPages are the error pages in Spanish: not found, forbidden,
// wrong method, a request from another site, a form that cannot be read,
// too much data.
func esErrorPages(t *testing.T, e *testEnv) []esPage {
	t.Helper()
	var pages []esPage
	c := e.signInSpanish("member@alpha.example.org")
	add := func(what string, res response, want int) {
		if res.status != want {
			t.Errorf("%s: got %d, want %d", what, res.status, want)
		}
		if !esLangRE.MatchString(res.body) {
			t.Errorf("%s: got no <html lang=\"es\">, want the page in Spanish", what)
		}
		pages = append(pages, esPage{what, visibleText(res.body)})
	}
	add("not found", c.get("/no-such-page"), http.StatusNotFound)
	add("forbidden", c.post("/cases/"+esAnyCase(t, c)+"/address/reveal", url.Values{}), http.StatusForbidden)
	req, _ := http.NewRequest(http.MethodDelete, c.base+"/", nil)
	add("method", c.do(req), http.StatusMethodNotAllowed)
	add("cross origin", c.postRaw("/lang", "lang=es", http.Header{"Origin": {"https://evil.example"}, "Sec-Fetch-Site": {"cross-site"}}), http.StatusForbidden)
	add("bad request", c.post("/lang", url.Values{"lang": {"xx"}}), http.StatusBadRequest)
	add("too large", c.postRaw("/lang", "lang=es&x="+strings.Repeat("a", 2<<20), nil), http.StatusRequestEntityTooLarge)
	return pages
}

// esAnyCase is the id of a case c's case list links to.
func esAnyCase(t *testing.T, c *client) string {
	t.Helper()
	m := esCaseLinkRE.FindStringSubmatch(pvGet(t, c, "/cases", http.StatusOK).body)
	if m == nil {
		t.Fatal("case list links to no case")
	}
	return m[1]
}

// esAnonymousPages are the pages of people not signed in, in Spanish from
// their browser's language: sign-in (and a refused one), an invitation, a
// password reset, and first-run setup on an empty server.
func esAnonymousPages(t *testing.T, e *testEnv, coord *client) []esPage {
	t.Helper()
	var pages []esPage
	anon := e.client()
	get := func(c *client, what, path string, want int) {
		req, _ := http.NewRequest(http.MethodGet, c.base+path, nil)
		req.Header.Set("Accept-Language", "es-MX,es;q=0.9")
		res := c.do(req)
		if res.status != want {
			t.Errorf("%s: got %d, want %d", what, res.status, want)
		}
		if !esLangRE.MatchString(res.body) {
			t.Errorf("%s: got no <html lang=\"es\">, want the page in Spanish", what)
		}
		pages = append(pages, esPage{what, visibleText(res.body)})
	}
	get(anon, "sign-in", "/login", http.StatusOK)
	// A refused sign-in, in the language of the cookie the switch set.
	pvPost(t, anon, "/lang", url.Values{"lang": {"es"}, "return": {"/login"}}, http.StatusSeeOther)
	res := anon.post("/login", url.Values{"email": {"nadie@example.org"}, "password": {"incorrecta"}})
	pages = append(pages, esPage{"refused sign-in", visibleText(res.body)})

	// An invitation and a reset link, made by alpha's coordinator in Spanish.
	var alpha string
	if m := regexp.MustCompile(`href="/orgs/([0-9a-f]{32})"`).FindStringSubmatch(pvGet(t, coord, "/", http.StatusOK).body); m != nil {
		alpha = m[1]
	} else {
		t.Fatal("alpha coordinator's home page links to no organisation")
	}
	inv := pvPost(t, coord, "/orgs/"+alpha+"/invitations", url.Values{"email": {"nueva@example.org"}, "role": {"member"}}, http.StatusOK)
	pages = append(pages, esPage{"invitation link", visibleText(inv.body)})
	if m := pvFeedLinkRE.FindStringSubmatch(inv.body); m != nil {
		get(e.client(), "invitation", strings.TrimPrefix(html.UnescapeString(m[1]), e.ts.URL), http.StatusOK)
	} else {
		t.Error("invitation page shows no link")
	}
	org := pvGet(t, coord, "/orgs/"+alpha, http.StatusOK)
	if m := regexp.MustCompile(`action="(/orgs/[0-9a-f]{32}/members/[0-9a-f]{32}/reset)"`).FindStringSubmatch(org.body); m != nil {
		reset := pvPost(t, coord, m[1], url.Values{}, http.StatusOK)
		pages = append(pages, esPage{"reset link", visibleText(reset.body)})
		if l := pvFeedLinkRE.FindStringSubmatch(reset.body); l != nil {
			get(e.client(), "password reset", strings.TrimPrefix(html.UnescapeString(l[1]), e.ts.URL), http.StatusOK)
		}
	} else {
		t.Error("organisation page has no reset button")
	}
	empty := newEmptyEnv(t)
	get(empty.client(), "setup", empty.setupPath(), http.StatusOK)
	get(empty.client(), "setup without its link", "/setup", http.StatusNotFound)
	return pages
}

// esOrgOf is the id of the organisation c's home page links to.
func esOrgOf(t *testing.T, c *client) string {
	t.Helper()
	m := regexp.MustCompile(`href="/orgs/([0-9a-f]{32})"`).FindStringSubmatch(pvGet(t, c, "/", http.StatusOK).body)
	if m == nil {
		t.Fatal("home page links to no organisation")
	}
	return m[1]
}
