package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"puente/internal/auth"
	"puente/internal/model"
)

// pgNow is the server's day in these tests: Wednesday 4 March 2026.
var pgNow = time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)

// pgFamily opens a case of three in alpha, who moved on 1 March 2026 (their
// EOIR-33s are due on 6 March, one each), with a hearing on 16 March at the
// court and the lawyer's phone; it returns the case and its people by name.
func pgFamily(t *testing.T, e *testEnv, c *client) (model.Case, map[string]string) {
	t.Helper()
	id := pvCreateCase(t, c, url.Values{"name": {"Rosa Mena"}, "status": {"arrived"}, "court": {"Court Five"}, "judge": {"Judge Example"},
		"lawyer_name": {"Clinic"}, "lawyer_contact": {"(555) 010-0142"}, "address": {"9 Secret Lane"}, "anumber": {"A 246-813-579"}})
	base := "/cases/" + id
	pvPost(t, c, base+"/people", url.Values{"name": {"Dani Mena"}}, 303)
	pvPost(t, c, base+"/people", url.Values{"name": {"Sofi Mena"}}, 303)
	pvPost(t, c, base+"/facts", url.Values{"kind": {"move"}, "date": {"2026-03-01"}}, 303)
	pvPost(t, c, base+"/facts", url.Values{"kind": {"decision"}, "person_id": {pgPrincipal(t, e, id)}, "date": {"2026-02-20"}}, 303)
	pvPost(t, c, base+"/appointments", url.Values{"kind": {"master_hearing"}, "date": {"2026-03-16"}, "time": {"08:30"},
		"place": {"Court Five, 3rd floor"}}, 303)
	cs, err := e.st.CaseForUser(context.Background(), e.userID(emailAlphaCoord), id)
	if err != nil {
		t.Fatal(err)
	}
	people, err := e.st.People(context.Background(), id, "en")
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]string{}
	for _, p := range people {
		byName[p.Name] = p.ID
	}
	return cs, byName
}

// pgPrincipal is the id of the case's principal.
func pgPrincipal(t *testing.T, e *testEnv, caseID string) string {
	t.Helper()
	people, err := e.st.People(context.Background(), caseID, "en")
	if err != nil || len(people) == 0 {
		t.Fatalf("people: %v", err)
	}
	return people[0].ID
}

// TestCaseSummaryFirst: the case page opens with the case code and the
// principal's initials (never the whole name in its heading), then the
// summary: the next three things due across the household, soonest first,
// with the same deadline of several people on one line; the next
// appointment at its place's local time; the lawyer, whose phone dials.
func TestCaseSummaryFirst(t *testing.T) {
	e := newEnv(t)
	e.srv.now = func() time.Time { return pgNow }
	c := e.signIn(emailAlphaCoord)
	cs, _ := pgFamily(t, e, c)
	page := pvGet(t, c, "/cases/"+cs.ID, 200).body
	h1 := regexp.MustCompile(`(?s)<h1 class="case-title">(.*?)</h1>`).FindStringSubmatch(page)
	if h1 == nil || !strings.Contains(h1[1], cs.Code) || !strings.Contains(h1[1], "R.M.") || strings.Contains(h1[1], "Rosa") {
		t.Errorf("case heading: got %q, want the code and R.M.", h1)
	}
	summary := regexp.MustCompile(`(?s)<section id="summary".*?</section>`).FindString(page)
	if strings.Index(page, `<section id="summary"`) > strings.Index(page, `<section id="deadlines"`) {
		t.Errorf("the summary does not come first")
	}
	items := regexp.MustCompile(`(?s)<ol class="next">(.*?)</ol>`).FindStringSubmatch(summary)
	if items == nil || strings.Count(items[1], "<li>") != 3 {
		t.Fatalf("summary: want three things due; got %q", summary)
	}
	first := strings.SplitN(items[1], "<li>", 3)[1]
	for _, want := range []string{`data-state="due_soon"`, "in 2 days", "EOIR-33", "Rosa, Dani, Sofi", `href="#d-`} {
		if !strings.Contains(html.UnescapeString(first), want) {
			t.Errorf("first thing due: want %q in %q", want, first)
		}
	}
	for _, want := range []string{"Master calendar hearing", "Monday 16 March 2026, 8:30 AM", "Court Five, 3rd floor", "Clinic",
		`<a href="tel:5550100142">(555) 010-0142</a>`, "/cases/" + cs.ID + "/court-card"} {
		if !strings.Contains(html.UnescapeString(summary), want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	// The same deadline of the three is one line, and one page records it.
	if n := strings.Count(page, "Rosa Mena, Dani Mena, Sofi Mena"); n < 2 {
		t.Errorf("the household's EOIR-33 of 6 March is not one line for the three (%d)", n)
	}
	if strings.Contains(page, `<form method="post" action="/cases/`+cs.ID+`/facts`) {
		t.Errorf("the case page holds a form for dates; it belongs behind \"Record a date\"")
	}
}

// TestRecordTogether: the same deadline of several people is recorded on
// one page: those ticked are marked in one transaction, the others stay;
// ticking nobody is refused with the summary naming the choice.
func TestRecordTogether(t *testing.T) {
	e := newEnv(t)
	e.srv.now = func() time.Time { return pgNow }
	c := e.signIn(emailAlphaCoord)
	cs, people := pgFamily(t, e, c)
	base := "/cases/" + cs.ID
	page := pvGet(t, c, base, 200).body
	m := regexp.MustCompile(`href="(/cases/[0-9a-f]{32}/marks\?[^"]+)" aria-label="Record: EOIR-33`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no Record action for the household's EOIR-33")
	}
	u, _ := url.Parse(html.UnescapeString(m[1]))
	keys := u.Query()["key"]
	if len(keys) != 3 {
		t.Fatalf("the EOIR-33 line names %d deadlines, want 3", len(keys))
	}
	form := pvGet(t, c, u.RequestURI(), 200).body
	for _, name := range []string{"Rosa Mena", "Dani Mena", "Sofi Mena"} {
		if !strings.Contains(form, name) {
			t.Errorf("the record page does not offer %s", name)
		}
	}
	marks := e.count("marks")
	res := c.post(base+"/marks", url.Values{"all": keys, "state": {"done"}, "done_on": {"2026-03-03"}})
	if res.status != s422 || !strings.Contains(res.body, "Choose at least one person.") {
		t.Errorf("nobody ticked: got %d, want 422 asking to choose", res.status)
	}
	checkErrorSummary(t, "nobody ticked", res.body)
	if e.count("marks") != marks {
		t.Errorf("a refused record wrote marks")
	}
	dani := people["Dani Mena"]
	var daniKey string
	for _, k := range keys {
		if strings.HasPrefix(k, dani+"/") {
			daniKey = k
		}
	}
	pvPost(t, c, base+"/marks", url.Values{"all": keys, "key": {keys[0], daniKey}, "state": {"done"}, "done_on": {"2026-03-03"}}, 303)
	got, err := e.st.Marks(context.Background(), cs.ID)
	if err != nil {
		t.Fatal(err)
	}
	done := 0
	for _, k := range keys {
		if got[k].State == model.MarkDone && got[k].DoneOn == "2026-03-03" {
			done++
		}
	}
	if done != 2 {
		t.Errorf("after ticking two of three: %d marked done, want 2", done)
	}
	// A key that is not the case's: nothing written at all.
	marks = e.count("marks")
	res = c.post(base+"/marks", url.Values{"all": {keys[2], people["Sofi Mena"] + "/no-such-rule"}, "key": {keys[2]}, "state": {"done"}})
	if res.status != http.StatusNotFound || e.count("marks") != marks {
		t.Errorf("a foreign key among the chosen: got %d and %d new marks, want 404 and none", res.status, e.count("marks")-marks)
	}
}

// TestConfirmBeforeDestroying: removing a household member, deleting a
// date or an appointment, closing a case, removing someone from the group,
// cancelling an invitation or a password reset link and turning off a
// calendar link each go through a
// page that says what will be lost; opening it changes nothing; its button
// does the deed.
func TestConfirmBeforeDestroying(t *testing.T) {
	e := newEnv(t)
	e.srv.now = func() time.Time { return pgNow }
	c := e.signIn(emailAlphaCoord)
	cs, people := pgFamily(t, e, c)
	base := "/cases/" + cs.ID
	alpha := e.orgs["alpha"]
	all, err := e.st.Facts(context.Background(), cs.ID)
	if err != nil {
		t.Fatal(err)
	}
	var facts []model.Fact
	for _, f := range all {
		if f.Kind == model.FactMove {
			facts = append(facts, f)
		}
	}
	if len(facts) != 1 {
		t.Fatalf("moves: %v", all)
	}
	appts, err := e.st.Appointments(context.Background(), cs.ID)
	if err != nil || len(appts) != 1 {
		t.Fatalf("appointments: %v %v", appts, err)
	}
	victim := newVictim(e, alpha)
	inv := newInvitation(e, alpha)
	feed, err := e.st.CreateFeed(context.Background(), e.userID(emailAlphaCoord), auth.HashToken(auth.NewToken()), "en")
	if err != nil {
		t.Fatal(err)
	}
	tables := []string{"people", "facts", "appointments", "cases", "memberships", "invitations", "calendar_feeds", "marks"}
	for _, tt := range []struct {
		name, page, linkedFrom string
		lost                   []string
		post                   url.Values
		after                  string
	}{
		{"remove a household member", base + "/people/" + people["Sofi Mena"] + "/remove", base,
			[]string{"Take Sofi Mena off the case?", "Sofi Mena&#39;s details", "Their deadlines, and what was recorded about them: 2."},
			url.Values{}, base + "#household"},
		{"delete a date", base + "/facts/" + facts[0].ID + "/delete", base + "/facts/" + facts[0].ID + "/edit",
			[]string{"Delete this date?", "Move to a new address, Sunday 1 March 2026", "EOIR-33: tell the immigration court the new address (R.M.)"},
			url.Values{}, base + "#facts"},
		{"delete an appointment", base + "/appointments/" + appts[0].ID + "/delete", base + "/appointments/" + appts[0].ID + "/edit",
			[]string{"Delete this appointment?", "Master calendar hearing, Monday 16 March 2026, 8:30 AM"},
			url.Values{}, base + "#appointments"},
		{"remove someone from the group", "/orgs/" + alpha.ID + "/members/" + victim + "/remove", "/orgs/" + alpha.ID,
			[]string{"They are signed out on every device."}, url.Values{}, "/orgs/" + alpha.ID},
		{"cancel an invitation", "/orgs/" + alpha.ID + "/invitations/" + inv + "/revoke", "/orgs/" + alpha.ID,
			[]string{"Its link: it will no longer open."}, url.Values{}, "/orgs/" + alpha.ID},
		{"revoke a calendar feed", "/calendar/feeds/" + feed.ID + "/revoke", "/calendar",
			[]string{"Every calendar app subscribed to it stops getting dates."}, url.Values{}, "/calendar"},
		{"close the case", base + "/close", base,
			[]string{"Close this case?", `<span class="case-code">` + cs.Code + `</span>`, "Nobody can change the case any more", `<select id="reason" name="reason">`},
			url.Values{"reason": {"moved"}}, base},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if from := pvGet(t, c, tt.linkedFrom, 200).body; !strings.Contains(from, `href="`+tt.page+`"`) {
				t.Errorf("%s does not lead to the confirmation %s", tt.linkedFrom, tt.page)
			}
			before := map[string]int{}
			for _, tb := range tables {
				before[tb] = e.count(tb)
			}
			page := pvGet(t, c, tt.page, 200).body
			for _, want := range tt.lost {
				if !strings.Contains(page, want) {
					t.Errorf("confirmation page lacks %q", want)
				}
			}
			if !strings.Contains(page, `<form method="post" action="`+tt.page+`"`) {
				t.Errorf("confirmation page does not post to %s", tt.page)
			}
			for _, tb := range tables {
				if n := e.count(tb); n != before[tb] {
					t.Errorf("opening the confirmation changed %s: %d rows, was %d", tb, n, before[tb])
				}
			}
			res := c.post(tt.page, tt.post)
			if res.status != s303 || res.header.Get("Location") != tt.after {
				t.Errorf("confirmed: got %d to %q, want 303 to %s", res.status, res.header.Get("Location"), tt.after)
			}
		})
	}
	// A password reset link not used yet: its confirmation leaves it
	// working (the row stays, so counting rows would not tell); its button
	// cancels it.
	rst := newResetLink(e, alpha)
	pending := func() bool {
		rs, err := e.st.PendingResets(context.Background(), alpha.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			if r.ID == rst {
				return true
			}
		}
		return false
	}
	revoke := "/orgs/" + alpha.ID + "/resets/" + rst + "/revoke"
	if org := pvGet(t, c, "/orgs/"+alpha.ID, 200).body; !strings.Contains(org, `href="`+revoke+`"`) {
		t.Errorf("the organisation page does not lead to the reset link's confirmation")
	}
	page := pvGet(t, c, revoke, 200).body
	for _, want := range []string{"Cancel this password reset link?", "Its link: it will no longer open.", "Their password stays as it is.",
		`<form method="post" action="` + revoke + `"`} {
		if !strings.Contains(page, want) {
			t.Errorf("reset link's confirmation lacks %q", want)
		}
	}
	if !pending() {
		t.Errorf("opening the reset link's confirmation cancelled it")
	}
	if res := c.post(revoke, url.Values{}); res.status != s303 || pending() {
		t.Errorf("reset link confirmed: got %d, still pending %v; want 303 and cancelled", res.status, pending())
	}
	// Once closed, the case is read-only: no form pages, no confirmations.
	for _, p := range []string{base + "/facts/new", base + "/appointments/new", base + "/close", base + "/people/" + people["Dani Mena"] + "/remove"} {
		if res := c.get(p); res.status != http.StatusForbidden {
			t.Errorf("closed case: GET %s: got %d, want 403", p, res.status)
		}
	}
}

// TestHomeNextTwoWeeks: the group's home page lists, soonest first and by
// case code, what is overdue or due in the next 14 days and the hearings,
// ICE check-ins and biometrics of the next 14 days (the group's days);
// not what is later, not an appointment marked attended, not another
// group's; and each case's next hearing after that.
func TestHomeNextTwoWeeks(t *testing.T) {
	e := newEnv(t)
	e.srv.now = func() time.Time { return pgNow }
	c := e.signIn(emailAlphaCoord)
	cs, _ := pgFamily(t, e, c)
	base := "/cases/" + cs.ID
	for _, a := range []url.Values{
		{"kind": {"ice_checkin"}, "date": {"2026-03-05"}, "time": {"09:00"}, "place": {"ICE office"}},
		{"kind": {"biometrics"}, "date": {"2026-03-18"}, "place": {"ASC"}},      // day 14: in
		{"kind": {"master_hearing"}, "date": {"2026-03-19"}, "time": {"13:00"}}, // day 15: later
	} {
		pvPost(t, c, base+"/appointments", a, 303)
	}
	past, err := e.st.AddAppointment(context.Background(), cs, "", model.Appointment{Kind: "ice_checkin", Date: "2026-03-04", Time: "08:00", Place: "Attended office"})
	if err != nil {
		t.Fatal(err)
	}
	pvPost(t, c, base+"/marks", url.Values{"key": {"appointment/" + past}, "state": {"done"}}, 303)
	if _, err := e.st.AddAppointment(context.Background(), e.cases["beta"], "", model.Appointment{Kind: "ice_checkin", Date: "2026-03-06", Place: "Beta office"}); err != nil {
		t.Fatal(err)
	}
	home := pvGet(t, c, "/", 200).body
	list := regexp.MustCompile(`(?s)<ol class="items due-list">(.*?)</ol>`).FindStringSubmatch(home)
	if list == nil {
		t.Fatal("home page has no list of the next 14 days")
	}
	var order []string
	for _, b := range dsBadges(list[1]) {
		order = append(order, b.title)
	}
	want := []string{"ICE check-in", "EOIR-33: tell the immigration court the new address", "AR-11: tell USCIS the new address",
		"Master calendar hearing", "Biometrics appointment"}
	if strings.Join(order, " | ") != strings.Join(want, " | ") {
		t.Errorf("home page, next 14 days:\n got %q\nwant %q", order, want)
	}
	for _, absent := range []string{"Attended office", "Beta office"} {
		if strings.Contains(list[1], absent) {
			t.Errorf("home page lists %q", absent)
		}
	}
	if n := strings.Count(list[1], cs.Code); n != len(want) {
		t.Errorf("%d lines name the case code %s, want %d", n, cs.Code, len(want))
	}
	later := regexp.MustCompile(`(?s)<section aria-labelledby="hearings-heading">.*?</section>`).FindString(home)
	if !strings.Contains(later, "Master calendar hearing") || !strings.Contains(later, "Thursday 19 March 2026") {
		t.Errorf("later hearings: want the hearing of 19 March; got %q", later)
	}
	// The household's three EOIR-33s of one day are one line, with their initials.
	for _, item := range strings.Split(list[1], `<li class="item"`) {
		if !strings.Contains(item, "EOIR-33") {
			continue
		}
		for _, who := range []string{"R.M.", "D.M.", "S.M."} {
			if !strings.Contains(item, who) {
				t.Errorf("home page: the household's EOIR-33 line does not name %s", who)
			}
		}
	}
}
