package web

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"puente/internal/demo"
	"puente/internal/i18n"
)

// rentHelp is the reviewer's "Rent help": $450 a month from day, open.
func rentHelp(day string) url.Values {
	return url.Values{"kind": {"money"}, "description": {"Rent help"}, "starts_on": {day}, "end_kind": {"open"},
		"amount": {"450"}, "currency": {"USD"}, "frequency": {"monthly"}}
}

// TestMyTasksMoneyGiven: money given drops its instalment off the task
// list. A member adds $450 a month of "Rent help" from today (Tuesday
// 1 Dec 2026) and records $450 given today: the commitment says "$450.00
// given of $450.00", and /me/tasks lists January's instalment, not today's.
func TestMyTasksMoneyGiven(t *testing.T) {
	e := newEnv(t)
	cmClock(e, time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC))
	mem := e.signIn(emailAlphaMem)
	c := e.cases["alpha"]
	id := cmCommitment(t, mem, c.ID, rentHelp("2026-12-01"))
	path := "/cases/" + c.ID + "/commitments/" + id

	// Before anything is given: due today, and not behind.
	page := mem.get(path)
	if !strings.Contains(page.body, "$450.00 due today") || strings.Contains(page.body, "behind") {
		t.Errorf("first day, nothing given: want \"$450.00 due today\" and no \"behind\"; got %q", cmSection(page.body, "Given"))
	}
	week := cmSection(mem.get("/me/tasks").body, `id="week-heading"`)
	if !strings.Contains(week, "Tuesday 1 Dec 2026") || !strings.Contains(week, "$450.00 due today") || strings.Contains(week, "Overdue") {
		t.Errorf("first day, nothing given: this week got %q, want $450.00 due today under Tuesday 1 Dec 2026, not overdue", week)
	}

	cmPost(t, mem, path+"/given", url.Values{"given_on": {"2026-12-01"}, "amount": {"450"}}, s303)
	if page := mem.get(path); !strings.Contains(page.body, "$450.00 given of $450.00") || strings.Contains(page.body, "due today") {
		t.Errorf("given in full: commitment page does not say \"$450.00 given of $450.00\" alone")
	}
	tasks := mem.get("/me/tasks").body
	if week := cmSection(tasks, `id="week-heading"`); strings.Contains(week, "$450.00 due") || strings.Contains(week, "Tuesday 1 Dec 2026") {
		t.Errorf("given in full: this week still lists the instalment given: %q", week)
	}
	if later := cmSection(tasks, `id="later-heading"`); !strings.Contains(later, "Friday 1 Jan 2027") || !strings.Contains(later, "$450.00 due") {
		t.Errorf("given in full: later got %q, want $450.00 due on Friday 1 Jan 2027", later)
	}

	// Part of January's given ahead: what is left of it.
	cmPost(t, mem, path+"/given", url.Values{"given_on": {"2026-12-01"}, "amount": {"200"}}, s303)
	if later := cmSection(mem.get("/me/tasks").body, `id="later-heading"`); !strings.Contains(later, "$250.00 due") {
		t.Errorf("$200 of January given ahead: later got %q, want $250.00 due", later)
	}
}

// TestMyTasksMoneyBehind: the demo's case a month behind on rent ($600 a
// month from 17 Oct, October's given) shows on 1 Dec as $600 behind since
// 17 Nov, overdue, before the next instalment on 17 Dec; the case page and
// the commitment's page say the same.
func TestMyTasksMoneyBehind(t *testing.T) {
	e := newEnv(t)
	cmClock(e, time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC))
	mem := e.signIn(emailAlphaMem)
	c := e.cases["alpha"]
	id := cmCommitment(t, mem, c.ID, url.Values{"kind": {"money"}, "description": {"Rent"}, "starts_on": {"2026-10-17"},
		"end_kind": {"open"}, "amount": {"600"}, "currency": {"USD"}, "frequency": {"monthly"}})
	path := "/cases/" + c.ID + "/commitments/" + id
	cmPost(t, mem, path+"/given", url.Values{"given_on": {"2026-10-17"}, "amount": {"600"}}, s303)

	tasks := mem.get("/me/tasks").body
	week := cmSection(tasks, `id="week-heading"`)
	if !strings.Contains(week, `<p class="when late"><time datetime="2026-11-17">Overdue: Tuesday 17 Nov 2026</time></p>`) ||
		!strings.Contains(week, "$600.00 behind") {
		t.Errorf("a month behind: this week got %q, want \"$600.00 behind\", overdue since Tuesday 17 Nov 2026", week)
	}
	if later := cmSection(tasks, `id="later-heading"`); !strings.Contains(later, "Thursday 17 Dec 2026") || !strings.Contains(later, "$600.00 due") {
		t.Errorf("a month behind: later got %q, want the next $600.00 due on Thursday 17 Dec 2026", later)
	}
	for _, p := range []string{path, "/cases/" + c.ID, path + "/given/new"} {
		if body := mem.get(p).body; !strings.Contains(body, `data-state="overdue">Overdue</span> <strong>$600.00 behind since 17 Nov 2026</strong>`) {
			t.Errorf("GET %s: no Overdue tag with \"$600.00 behind since 17 Nov 2026\"", p)
		}
	}
	mem.post("/lang", url.Values{"lang": {"es"}, "return": {"/"}})
	if body := mem.get(path).body; !strings.Contains(body, "faltan $600.00 desde el 17") {
		t.Errorf("Spanish commitment page: no \"faltan $600.00 desde el 17 …\"")
	}
}

// TestMoneyDueTodayIsNotBehind: an instalment is behind only once its day
// has passed in the group's time zone (New York): at 23:30 on 1 Dec there
// (already 2 Dec in UTC) the first instalment is due today; a second after
// midnight there it is behind.
func TestMoneyDueTodayIsNotBehind(t *testing.T) {
	e := newEnv(t)
	if o, err := e.st.OrgForUser(context.Background(), e.userID(emailAlphaMem), e.orgs["alpha"].ID); err != nil || o.TimeZone != "America/New_York" {
		t.Fatalf("alpha's zone is %q (%v); this test counts days in New York", o.TimeZone, err)
	}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	set := cmClock(e, time.Date(2026, 12, 1, 23, 30, 0, 0, ny))
	mem := e.signIn(emailAlphaMem)
	c := e.cases["alpha"]
	id := cmCommitment(t, mem, c.ID, rentHelp("2026-12-01"))
	path := "/cases/" + c.ID + "/commitments/" + id
	for _, st := range []struct {
		at      time.Time
		page    string // on the commitment's page
		notPage string
		late    bool
	}{
		{time.Date(2026, 12, 1, 23, 30, 0, 0, ny), "$450.00 due today", "behind", false},
		{time.Date(2026, 12, 2, 0, 0, 1, 0, ny), "$450.00 behind since 1 Dec 2026", "due today", true},
	} {
		set(st.at)
		when := st.at.Format("15:04 Jan 2") + " in New York"
		for _, p := range []string{path, "/cases/" + c.ID} {
			body := mem.get(p).body
			if !strings.Contains(body, st.page) || strings.Contains(body, st.notPage) {
				t.Errorf("%s, GET %s: want %q and no %q", when, p, st.page, st.notPage)
			}
		}
		week := cmSection(mem.get("/me/tasks").body, `id="week-heading"`)
		if got := strings.Contains(week, "Overdue: Tuesday 1 Dec 2026"); got != st.late {
			t.Errorf("%s: /me/tasks overdue since 1 Dec: got %v, want %v; %q", when, got, st.late, week)
		}
	}
}

// TestDemoRentBehindOnMyTasks: the demo's rent ($600 a month from 75 days
// ago, $1,500 given) is $300 behind since its third instalment: the member
// who holds it sees that as an overdue line this week, and the next $600
// later, not the next instalment alone.
func TestDemoRentBehindOnMyTasks(t *testing.T) {
	t.Parallel()
	e := newDemoEnv(t, i18n.EN)
	c := e.client()
	if res := c.post("/login", url.Values{"email": {"member@alpha.example.org"}, "password": {demo.Password}}); res.status != s303 {
		t.Fatalf("sign in: got %d, want 303", res.status)
	}
	tasks := c.get("/me/tasks").body
	week := cmSection(tasks, `id="week-heading"`)
	i := strings.Index(week, "$300.00 behind")
	if i < 0 || !strings.Contains(week[:i], `<p class="when late">`) {
		t.Errorf("this week: got %q, want an overdue \"$300.00 behind\"", week)
	}
	if later := cmSection(tasks, `id="later-heading"`); !strings.Contains(later, "$600.00 due") {
		t.Errorf("later: got %q, want the next $600.00 due", later)
	}
}
