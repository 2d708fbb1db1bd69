package web

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"puente/internal/model"
)

// clItemLine is the home page's line (<li>) of the checklist item at link.
func clItemLine(body, link string) string {
	i := strings.Index(body, `href="`+link+`"`)
	if i < 0 {
		return ""
	}
	start := strings.LastIndex(body[:i], "<li")
	end := strings.Index(body[i:], "</li>")
	if start < 0 || end < 0 {
		return ""
	}
	return body[start : i+end]
}

// TestItemWindowOpensIsNeverDue (fresh-eyes review): "File for the work
// permit at day 150" is tied to a window that opens ("not before"): the
// group's home page and the member's tasks say it opens in 6 days, never
// "Due soon" nor "due in 6 days", as the item's own page does; once the
// window is open it is "since", never overdue. The case page's
// summary heads its list "Coming up", not "Next due".
func TestItemWindowOpensIsNeverDue(t *testing.T) {
	e := newEnv(t)
	set := cmClock(e, cmNow)
	ctx := context.Background()
	c, err := e.st.CreateCase(ctx, e.orgs["alpha"].ID, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: "Marta Ventana"})
	if err != nil {
		t.Fatal(err)
	}
	// Filed 144 days ago with no pause: clock day 150 is in 6 days.
	people, err := e.st.People(ctx, c.ID, "en")
	if err != nil || len(people) != 1 {
		t.Fatalf("People: %v, %v", people, err)
	}
	if _, err := e.st.AddFact(ctx, c, "", model.Fact{Kind: model.FactI589Filed, PersonID: people[0].ID, Date: cmDay(-144)}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.AddChecklist(ctx, c, "", "legal"); err != nil {
		t.Fatal(err)
	}
	pds, err := e.st.ComputeDeadlines(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	opens := ""
	for _, pd := range pds {
		for _, d := range pd.Deadlines {
			if d.RuleID == "ead-may-file" && !d.Due.IsZero() {
				opens = d.Due.String()
			}
		}
	}
	if opens != cmDay(6) {
		t.Fatalf("work permit may be filed from %q, want %s", opens, cmDay(6))
	}
	coord, mem := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)
	ead := clItem(t, e, c.ID, "legal", "ead")
	link := "/cases/" + c.ID + "/items/" + ead.ID
	cmPost(t, coord, link+"/assign", url.Values{"assignee_id": {e.userID(emailAlphaMem)}}, s303)

	dueWords := regexp.MustCompile(`(?i)due soon|due in|overdue|due today`)
	// 6 days before the window opens.
	line := clItemLine(coord.get("/").body, link)
	if !strings.Contains(line, "Opens later") || !strings.Contains(line, "in 6 days") || dueWords.MatchString(line) {
		t.Errorf("home, 6 days before the window: got %q, want Opens later · in 6 days, nothing due", line)
	}
	if item := coord.get(link).body; !strings.Contains(item, "in 6 days") {
		t.Errorf("the item's own page does not say \"in 6 days\"")
	}
	week := cmSection(mem.get("/me/tasks").body, `id="week-heading"`)
	if !strings.Contains(week, "Opens Tuesday 10 Mar 2026") || strings.Contains(week, "Overdue") {
		t.Errorf("tasks, 6 days before the window: got %q, want \"Opens Tuesday 10 Mar 2026\", not overdue", week)
	}
	casePage := coord.get("/cases/" + c.ID).body
	if !strings.Contains(casePage, "<dt>Coming up</dt>") || strings.Contains(casePage, "Next due") {
		t.Errorf("case page summary: want the heading \"Coming up\", not \"Next due\"")
	}

	// Two days after it opened.
	set(cmNow.Add(8 * 24 * time.Hour))
	line = clItemLine(coord.get("/").body, link)
	if !strings.Contains(line, "since") || dueWords.MatchString(line) {
		t.Errorf("home, window open 2 days: got %q, want open since, nothing due or overdue", line)
	}
	week = cmSection(mem.get("/me/tasks").body, `id="week-heading"`)
	if !strings.Contains(week, "Open since Tuesday 10 Mar 2026") || strings.Contains(week, "Overdue") || strings.Contains(week, ` late"`) {
		t.Errorf("tasks, window open 2 days: got %q, want \"Open since Tuesday 10 Mar 2026\", not overdue", week)
	}

	// Once open, a day given with the assignment is when it is due, and
	// it is overdue after that day.
	cmPost(t, coord, link+"/assign", url.Values{"assignee_id": {e.userID(emailAlphaMem)}, "due_on": {cmDay(7)}}, s303)
	line = clItemLine(coord.get("/").body, link)
	if !strings.Contains(line, "Overdue</span> <span class=\"when\">by 1 day</span>") {
		t.Errorf("home, open with a day given yesterday: got %q, want Overdue by 1 day", line)
	}
	if week := cmSection(mem.get("/me/tasks").body, `id="week-heading"`); !strings.Contains(week, "Overdue: Wednesday 11 Mar 2026") {
		t.Errorf("tasks, open with a day given yesterday: got %q, want Overdue: Wednesday 11 Mar 2026", week)
	}
}

// TestItemDayBeforeWindowOpensIsWarned (fresh-eyes review): "File for the
// work permit at day 150" assigned for a day before clock day 150 is
// warned about, on the item's page and its checklist, in English and in
// Spanish, and the window's date is headed "Opens on", never "Deadline";
// a day after the window opened is no "after its deadline".
func TestItemDayBeforeWindowOpensIsWarned(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	ctx := context.Background()
	c, err := e.st.CreateCase(ctx, e.orgs["alpha"].ID, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: "Marta Ventana"})
	if err != nil {
		t.Fatal(err)
	}
	people, err := e.st.People(ctx, c.ID, "en")
	if err != nil || len(people) != 1 {
		t.Fatalf("People: %v, %v", people, err)
	}
	// Filed 144 days ago: clock day 150 is Tuesday 10 March 2026.
	if _, err := e.st.AddFact(ctx, c, "", model.Fact{Kind: model.FactI589Filed, PersonID: people[0].ID, Date: cmDay(-144)}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.AddChecklist(ctx, c, "", "legal"); err != nil {
		t.Fatal(err)
	}
	coord, es := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)
	cmPost(t, es, "/lang", url.Values{"lang": {"es"}, "return": {"/"}}, s303)
	ead := clItem(t, e, c.ID, "legal", "ead")
	link := "/cases/" + c.ID + "/items/" + ead.ID
	list := "/cases/" + c.ID + "/checklists/legal"
	cmPost(t, coord, link+"/assign", url.Values{"assignee_id": {e.userID(emailAlphaMem)}, "due_on": {cmDay(3)}}, s303)

	en := "The day set for this task is before its window opens, Tuesday 10 March 2026: an application sent earlier is rejected."
	sp := "El día puesto para esta tarea es anterior a la apertura de su plazo, el martes 10 de marzo de 2026: una solicitud enviada antes se rechaza."
	for _, tc := range []struct {
		who                 *client
		warn, opens, notDue string
	}{{coord, en, "<dt>Opens on</dt>", "<dt>Deadline</dt>"}, {es, sp, "<dt>Se abre el</dt>", "<dt>Plazo</dt>"}} {
		item := tc.who.get(link).body
		if !strings.Contains(item, tc.warn) {
			t.Errorf("item page, day 3 before the window: no warning %q", tc.warn)
		}
		if !strings.Contains(item, tc.opens) || strings.Contains(item, tc.notDue) {
			t.Errorf("item page: want the window's date headed %q, not %q", tc.opens, tc.notDue)
		}
		if page := tc.who.get(list).body; !strings.Contains(clItemLine(page, link), tc.warn) {
			t.Errorf("checklist page, day 3 before the window: no warning %q", tc.warn)
		}
	}
	if page := coord.get(list).body; !strings.Contains(clItemLine(page, link), "Opens on Tuesday 10 March 2026") {
		t.Errorf("checklist page: got %q, want \"Opens on Tuesday 10 March 2026\"", clItemLine(page, link))
	}

	// A day after the window opened is what the window is for.
	cmPost(t, coord, link+"/assign", url.Values{"assignee_id": {e.userID(emailAlphaMem)}, "due_on": {cmDay(8)}}, s303)
	item := coord.get(link).body
	if strings.Contains(item, "before its window opens") || strings.Contains(item, "after its deadline") {
		t.Errorf("item page, a day after the window opened: warned; %.400s", secSnippet(item))
	}
}
