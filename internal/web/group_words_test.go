package web

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"puente/internal/model"
)

// between is body from the first start to the first end after it ("" when
// start is absent).
func between(body, start, end string) string {
	i := strings.Index(body, start)
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], end)
	if j < 0 {
		return body[i:]
	}
	return body[i : i+j]
}

// TestChecklistSaysWhoInWordsThatFitTheState (review of the group pages,
// finding 1): an open item names whom it is assigned to ("Assigned to",
// never "Done by"); a done item names who ticked it and never says
// "Nobody yet", on the list and on its own page; in English and Spanish.
func TestChecklistSaysWhoInWordsThatFitTheState(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	c, err := e.st.CreateCase(context.Background(), e.orgs["alpha"].ID, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: "Lucía Palabras"})
	if err != nil {
		t.Fatal(err)
	}
	base := "/cases/" + c.ID
	coord, mem := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)
	cmPost(t, coord, base+"/checklists", url.Values{"stage": {"first_week"}}, s303)
	papers := clItem(t, e, c.ID, "first_week", "papers")
	health := clItem(t, e, c.ID, "first_week", "health")
	cmPost(t, mem, base+"/items/"+papers.ID+"/assign", url.Values{"assignee_id": {e.userID(emailAlphaMem)}}, s303)
	cmPost(t, mem, base+"/items/"+health.ID+"/tick", url.Values{"state": {"done"}}, s303)

	for _, lang := range []struct {
		code, assigned, doneBy, nobody, ticked string
	}{
		{"en", "Assigned to Miguel Member", "Done by Miguel Member", "Nobody yet", "Ticked by"},
		{"es", "Responsable: Miguel Member", "Hecho por Miguel Member", "Nadie todavía", "Marcado por"},
	} {
		cmPost(t, mem, "/lang", url.Values{"lang": {lang.code}, "return": {"/"}}, s303)
		list := mem.get(base + "/checklists/first_week").body
		open := between(list, `id="i-`+papers.ID+`"`, "</li>")
		if !strings.Contains(open, lang.assigned) || strings.Contains(open, lang.doneBy) {
			t.Errorf("%s: open assigned item on the list: got %q, want %q and not %q", lang.code, open, lang.assigned, lang.doneBy)
		}
		done := between(list, `id="i-`+health.ID+`"`, "</li>")
		if !strings.Contains(done, lang.doneBy) || strings.Contains(done, lang.nobody) {
			t.Errorf("%s: done item on the list: got %q, want %q and not %q", lang.code, done, lang.doneBy, lang.nobody)
		}
		item := between(mem.get(base+"/items/"+health.ID).body, `<dl class="summary-list">`, "</dl>")
		if !strings.Contains(item, lang.ticked) || strings.Contains(item, lang.nobody) {
			t.Errorf("%s: done item's page: got %q, want %q and not %q", lang.code, item, lang.ticked, lang.nobody)
		}
		other := between(list, `id="i-`+clItem(t, e, c.ID, "first_week", "orientation").ID+`"`, "</li>")
		if !strings.Contains(other, lang.nobody) {
			t.Errorf("%s: open item nobody holds: got %q, want %q", lang.code, other, lang.nobody)
		}
	}
}

// TestPeopleLinkSaysWhatTheViewerMayDo (finding 2): a member's home page
// offers to see everyone, not to manage roles, which only a coordinator
// may do.
func TestPeopleLinkSaysWhatTheViewerMayDo(t *testing.T) {
	e := newEnv(t)
	for _, c := range []struct {
		email, want, not string
	}{
		{emailAlphaMem, "See everyone and their roles", "manage roles"},
		{emailAlphaCoord, "See everyone and manage roles", "See everyone and their roles"},
	} {
		people := between(e.signIn(c.email).get("/").body, `aria-labelledby="people-heading"`, "</section>")
		if !strings.Contains(people, c.want) || strings.Contains(people, c.not) {
			t.Errorf("%s: home page's people: got %q, want %q and not %q", c.email, people, c.want, c.not)
		}
	}
}

// TestSummarySaysNobodyIsGoingOnce (finding 8): when the next appointment
// is the one nobody is going to, the case's summary says so once, in the
// "Next appointment" row, flagged; a second flagged appointment keeps its
// row among the flags.
func TestSummarySaysNobodyIsGoingOnce(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord := e.signIn(emailAlphaCoord)
	c := e.cases["alpha"]
	hearing := cmAppointment(t, e, coord, c.ID, "master_hearing", cmDay(9))
	summary := between(coord.get("/cases/"+c.ID).body, `id="summary"`, "</section>")
	if n := strings.Count(summary, "going yet"); n != 1 {
		t.Errorf("summary: says nobody is going %d times, want once: %s", n, summary)
	}
	if !strings.Contains(summary, `<div class="flagged">`) || !strings.Contains(summary, `href="#a-`+hearing+`"`) {
		t.Errorf("summary: the next appointment's row is not flagged with a link to it: %s", summary)
	}
	checkin := cmAppointment(t, e, coord, c.ID, "ice_checkin", cmDay(12))
	summary = between(coord.get("/cases/"+c.ID).body, `id="summary"`, "</section>")
	if n := strings.Count(summary, "going yet"); n != 2 {
		t.Errorf("summary with two appointments nobody goes to: says nobody %d times, want 2 (one each): %s", n, summary)
	}
	if !strings.Contains(summary, `href="#a-`+checkin+`"`) {
		t.Errorf("summary: the second appointment nobody goes to is not among the flags: %s", summary)
	}
}

// TestCaseListFiltersFoldAway (finding 9): the case list's filters are a
// disclosure, closed on the plain list (its rows first on a phone's first
// screen) and open, saying how many are on, when a filter is set; the sort
// alone is not a filter. The form is the same GET form, without script.
func TestCaseListFiltersFoldAway(t *testing.T) {
	e := newEnv(t)
	coord := e.signIn(emailAlphaCoord)
	for _, c := range []struct {
		query      string
		open       bool
		summaryHas string
	}{
		{"", false, "Filter cases</summary>"},
		{"?sort=name", false, "Filter cases</summary>"},
		{"?q=Principal", true, "(1 filter on)"},
		{"?q=Principal&status=arrived&state=all", true, "(3 filters on)"},
	} {
		body := coord.get("/cases" + c.query).body
		d := between(body, `<details class="filters"`, "</details>")
		if d == "" || !strings.Contains(d, `<form method="get" action="/cases"`) {
			t.Errorf("/cases%s: the filter form is not inside a details disclosure", c.query)
			continue
		}
		head := d[:strings.Index(d, ">")+1]
		if got := strings.Contains(head, " open"); got != c.open {
			t.Errorf("/cases%s: disclosure open %v, want %v", c.query, got, c.open)
		}
		if !strings.Contains(d, c.summaryHas) {
			t.Errorf("/cases%s: summary lacks %q: %.200s", c.query, c.summaryHas, d)
		}
	}
}
