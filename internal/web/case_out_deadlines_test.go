package web

import (
	"bytes"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"puente/internal/deadline"
	"puente/internal/i18n"
	"puente/internal/model"
)

// TestCaseDeadlinesStates: the checklists and deadlines Go writes are the
// templates' bytes (as TestCaseContentMatchesSpec compares them) in the
// states the demo has none of, each made through the pages, for a
// coordinator and a member: a case without a single deadline (only the
// facts missing for one), a checklist with every item ticked, dates
// stopped by an open clock pause (beside a registration at 14 a member is
// only told of), and a case with nothing open: its one deadline months
// away, then recorded.
func TestCaseDeadlinesStates(t *testing.T) {
	e := newEnv(t)
	pvFixClock(e)
	coord, member := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)
	day := func(n int) string { return pvNow.AddDate(0, 0, n).Format(time.DateOnly) }
	compare := func(what, id string, want ...string) string {
		t.Helper()
		path := "/cases/" + id
		var coordPage string
		for _, c := range []struct {
			email string
			cl    *client
		}{{emailAlphaCoord, coord}, {emailAlphaMem, member}} {
			c.cl.get(path) // takes the one-time message the last form left
			a, b := caseBoth(t, e, c.cl, c.cl, path)
			compareCase(t, i18n.EN, c.email, path, what, a, b)
			if c.cl == coord {
				coordPage = a
			}
		}
		// The state is on the page, or the comparison proved nothing.
		parts := section(coordPage, "checklists") + section(coordPage, "deadlines")
		for _, w := range want {
			if !strings.Contains(parts, w) {
				t.Errorf("%s: the coordinator's case page has no %q", what, w)
			}
		}
		return coordPage
	}
	name := func(n string) string { return n + caseProbe }

	// No date of arrival: no deadline at all, only what is missing.
	bare := pvCreateCase(t, coord, url.Values{"status": {"arrived"}, "name": {name("Rosa Díaz")}, "court": {name("Court")}})
	compare("no deadlines", bare, `<p class="muted">`+i18n.EN.T("case.no_deadlines")+`</p>`, `class="notice gap"`)

	// The same case's first week's checklist, every item ticked: complete,
	// with no next item.
	list := pvPost(t, coord, "/cases/"+bare+"/checklists", url.Values{"stage": {"first_week"}}, http.StatusSeeOther).header.Get("Location")
	items := pvItemRE.FindAllStringSubmatch(pvGet(t, coord, list, http.StatusOK).body, -1)
	if len(items) == 0 {
		t.Fatalf("checklist %s lists no items", list)
	}
	seen := map[string]bool{}
	for _, it := range items {
		if !seen[it[1]] {
			seen[it[1]] = true
			pvPost(t, coord, "/cases/"+bare+"/items/"+it[1]+"/tick", url.Values{"state": {"done"}}, http.StatusSeeOther)
		}
	}
	page := compare("a checklist done", bare, `task-status task-complete`)
	if strings.Contains(section(page, "checklists"), `class="hint"`) {
		t.Errorf("a checklist done: its next item is still named")
	}

	// An asylum application with the clock stopped since a month ago: the
	// work permit's dates have none. A son who turned 14 twenty days ago:
	// his registration is due in ten, which a member is told of without
	// its date.
	paused := pvCreateCase(t, coord, url.Values{"status": {"arrived"}, "name": {name("Ana Ruiz")}, "last_us_arrival": {day(-300)}})
	principal := pvPersonIDs(pvGet(t, coord, "/cases/"+paused, http.StatusOK).body)[0]
	pvPost(t, coord, "/cases/"+paused+"/facts", url.Values{"kind": {"i589_filed"}, "date": {day(-200)}, "person_id": {principal}}, http.StatusSeeOther)
	pvPost(t, coord, "/cases/"+paused+"/facts", url.Values{"kind": {"clock_pause"}, "date": {day(-30)}, "person_id": {principal}}, http.StatusSeeOther)
	pvPost(t, coord, "/cases/"+paused+"/people", url.Values{"name": {name("Tomás Ruiz")}, "relationship": {"son"},
		"dob": {pvNow.AddDate(-14, 0, -20).Format(time.DateOnly)}}, http.StatusSeeOther)
	page = compare("a paused clock", paused, `<p class="due">`+html.EscapeString(i18n.EN.T("deadline.no_date.clock_paused")))
	if !strings.Contains(page, `<p class="due"><time datetime=`) {
		t.Errorf("a paused clock: no deadline with a date beside those without")
	}
	ask, _, _ := strings.Cut(i18n.EN.T("deadline.registration_ask"), "%")
	if m := member.get("/cases/" + paused); !strings.Contains(m.body, `<p class="notice">`+html.EscapeString(ask)) {
		t.Errorf("a paused clock: the member is not told of the registration coming (%q)", ask)
	}

	// A case whose only deadline is months away, then recorded: none
	// open, all collapsed.
	done := pvCreateCase(t, coord, url.Values{"status": {"arrived"}, "name": {name("Luis Paz")}, "last_us_arrival": {day(-20)}})
	page = compare("only later", done, `<span class="count">(0)</span>`, "<h3>"+i18n.EN.T("case.later_items")+"</h3>")
	records := recordLinkRE.FindAllStringSubmatch(page, -1)
	if len(records) == 0 {
		t.Fatalf("case %s: no deadline to record", done)
	}
	for _, m := range records {
		q, err := url.ParseQuery(html.UnescapeString(m[1]))
		if err != nil {
			t.Fatal(err)
		}
		q.Set("state", "done")
		q.Set("done_on", day(-1))
		q.Set("note", name("Sent"))
		pvPost(t, coord, "/cases/"+done+"/marks", q, http.StatusSeeOther)
	}
	page = compare("all recorded", done, `<span class="count">(0)</span>`, `<details class="more">`)
	if s := section(page, "deadlines"); strings.Contains(s, "\n  "+`<ol class="items">`) || strings.Contains(s, `<p class="muted">`+i18n.EN.T("case.no_deadlines")) {
		t.Errorf("all recorded: an open deadline or the words for none:\n%s", s)
	}
}

// section is the part of page from <section id="id" to its end, "" if
// the page has none.
func section(page, id string) string {
	_, s, ok := strings.Cut(page, `<section id="`+id+`"`)
	if !ok {
		return ""
	}
	s, _, _ = strings.Cut(s, "</section>")
	return s
}

var recordLinkRE = regexp.MustCompile(`href="/cases/[0-9a-f]{32}/marks\?(key=[^"]+)"`)

// TestDeadlineItemAsTemplate: a deadline's line Go writes is
// "deadline-item"'s, for values no case page can have: a rule without a
// link to its source (rules.json requires one), a source link that is not
// http(s), every text made of what html/template escapes, and the
// one-time message on the line's second person.
func TestDeadlineItemAsTemplate(t *testing.T) {
	pages, err := parseAllTemplates()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ES} {
		for i, p := range escapeProbes {
			row := deadlineRow{
				deadlineView: deadlineView{Key: "k1" + p, Title: p, Due: p, State: deadline.DueSoon, When: p, MetBy: p,
					Explanation: p, Working: p, RuleNote: p, StateNote: p, Source: p, SourceURL: p, Mark: model.Mark{Note: p}},
				Names: p, Keys: []string{"k1" + p, "k2" + p}, RecordURL: p, Tag: tagArgs{State: deadline.DueSoon, Label: p}, RecordLabel: p,
			}
			if i%2 == 0 {
				row.DueISO = p
			}
			for _, flashAt := range []string{"", "d-k1" + p, "d-k2" + p, "d-k3"} {
				spec := &templateData{Lang: lang, Flash: "Saved" + p, FlashAnchor: flashAt}
				var want bytes.Buffer
				if err := pages["case"].ExecuteTemplate(&want, "deadline-item", rowArgs{D: spec, V: &row, DV: &row.deadlineView}); err != nil {
					t.Fatal(err)
				}
				d := &templateData{Lang: lang, Flash: spec.Flash, FlashAnchor: flashAt}
				var o htmlOut
				o.deadlineItems(d, []deadlineRow{row})
				if string(o.b) != want.String() {
					t.Errorf("%s %q flash at %q:\nGo:       %q\ntemplate: %q", lang, p, flashAt, o.b, want.String())
				}
				if d.flashPlaced != spec.flashPlaced {
					t.Errorf("%s %q flash at %q: Go placed the message: %v, the template: %v", lang, p, flashAt, d.flashPlaced, spec.flashPlaced)
				}
			}
		}
	}
}
