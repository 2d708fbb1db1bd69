package web

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"puente/internal/i18n"
	"puente/internal/store"
)

var caseIDRE = regexp.MustCompile(`/cases/([0-9a-f]{32})`)

// TestCaseLifecycle walks a coordinator through a case: open it with
// sensitive fields, record facts and a hearing, see the computed deadlines,
// mark one done, correct the trigger date (the mark stays, the date moves),
// reveal the A-number (audited), and close the case.
func TestCaseLifecycle(t *testing.T) {
	e := newEnv(t)
	e.srv.now = func() time.Time { return time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC) }
	c := e.signIn(emailAlphaCoord)

	res := c.post("/cases", url.Values{
		"name": {"Rosa Marker"}, "status": {"arrived"}, "last_us_arrival": {"2026-02-10"},
		"anumber": {"A 987-654-321"}, "dob": {"1991-07-15"}, "facility": {"Marker Facility"},
		"address": {"77 Marker Lane"}, "court": {"Marker Court"},
	})
	if res.status != s303 {
		t.Fatalf("create: got %d, want 303; body %.500s", res.status, res.body)
	}
	m := caseIDRE.FindStringSubmatch(res.header.Get("Location"))
	if m == nil {
		t.Fatalf("create redirected to %q, want /cases/{id}", res.header.Get("Location"))
	}
	id := m[1]
	page := c.get("/cases/" + id)
	if page.status != s200 {
		t.Fatalf("case page: got %d", page.status)
	}
	for _, secret := range []string{"987654321", "987-654-321", "1991-07-15", "Marker Facility", "77 Marker Lane"} {
		if strings.Contains(page.body, secret) {
			t.Errorf("case page shows the sensitive value %q", secret)
		}
	}
	if !strings.Contains(page.body, "•••••321") {
		t.Errorf("case page lacks the masked A-number •••••321")
	}
	// The I-589 deadline is computed from the last arrival: 10 Feb 2027 is a Wednesday.
	if !strings.Contains(page.body, "Wednesday 10 February 2027") {
		t.Errorf("case page lacks the one-year deadline Wednesday 10 February 2027")
	}
	if !strings.Contains(page.body, "confirmed with the lawyer") {
		t.Errorf("case page lacks the confirm-with-the-lawyer notice")
	}

	// Arrival at the sponsor's home: the EOIR-33 is due 5 days later.
	if r := c.post("/cases/"+id+"/facts", url.Values{"kind": {"arrival"}, "date": {"2026-03-03"}}); r.status != s303 {
		t.Fatalf("add arrival: got %d; %.300s", r.status, r.body)
	}
	page = c.get("/cases/" + id)
	if !strings.Contains(page.body, "Sunday 8 March 2026") {
		t.Errorf("case page lacks the EOIR-33 due date Sunday 8 March 2026")
	}
	// A second arrival is refused with a message, and nothing is written.
	if r := c.post("/cases/"+id+"/facts", url.Values{"kind": {"arrival"}, "date": {"2026-03-04"}}); r.status != s422 ||
		!strings.Contains(r.body, "recorded already") {
		t.Errorf("second arrival: got %d, want 422 with the message", r.status)
	}

	// Mark the EOIR-33 done, with a note.
	ctx := context.Background()
	people, _ := e.st.People(ctx, id, "en")
	key := ""
	computed, _ := e.st.ComputeDeadlines(ctx, id)
	for _, d := range computed[0].Deadlines {
		if d.RuleID == "eoir33-change-of-address" {
			key = store.DeadlineKey(people[0].ID, d.Key)
		}
	}
	if key == "" {
		t.Fatal("no EOIR-33 deadline computed")
	}
	if r := c.post("/cases/"+id+"/marks", url.Values{"key": {key}, "state": {"done"}, "done_on": {"2026-03-04"}, "note": {"sent by mail"}}); r.status != s303 {
		t.Fatalf("mark: got %d; %.300s", r.status, r.body)
	}
	// Correct the arrival date: the due date moves, the mark stays.
	facts, _ := e.st.Facts(ctx, id)
	if r := c.post("/cases/"+id+"/facts/"+facts[0].ID, url.Values{"date": {"2026-03-02"}}); r.status != s303 {
		t.Fatalf("correct arrival: got %d", r.status)
	}
	page = c.get("/cases/" + id)
	if !strings.Contains(page.body, "Saturday 7 March 2026") || !strings.Contains(page.body, "sent by mail") {
		t.Errorf("after correcting the arrival: want the new due date Saturday 7 March 2026 and the kept note")
	}
	marks, _ := e.st.Marks(ctx, id)
	if marks[key].State != "done" {
		t.Errorf("mark after recomputation: got %q, want done", marks[key].State)
	}

	// An individual hearing dates the evidence deadline 30 days before.
	if r := c.post("/cases/"+id+"/appointments", url.Values{"kind": {"individual_hearing"}, "date": {"2026-09-15"}, "time": {"09:30"}, "place": {"Room 4"}}); r.status != s303 {
		t.Fatalf("add hearing: got %d; %.300s", r.status, r.body)
	}
	page = c.get("/cases/" + id)
	if !strings.Contains(page.body, "Sunday 16 August 2026") {
		t.Errorf("case page lacks the evidence deadline Sunday 16 August 2026")
	}
	home := c.get("/")
	if !strings.Contains(home.body, "Individual (merits) hearing") || !strings.Contains(home.body, "Room 4") {
		t.Errorf("home page lacks the case's next hearing")
	}
	if strings.Contains(home.body, "Rosa Marker") {
		t.Errorf("home page shows the full name; want the case code and initials")
	}
	if !strings.Contains(home.body, "R.M.") {
		t.Errorf("home page lacks the initials R.M.")
	}

	// Reveal the A-number: shown once, written to the audit log.
	r := c.post("/cases/"+id+"/people/"+people[0].ID+"/reveal", url.Values{"field": {"anumber"}})
	if r.status != s200 || !strings.Contains(r.body, "A987-654-321") {
		t.Fatalf("reveal: got %d, want 200 with the A-number as A987-654-321", r.status)
	}
	e.st.FlushAudit()
	if n := e.count("audit_log"); n < 2 {
		t.Errorf("audit log rows: got %d, want the views and the reveal", n)
	}

	// A member sees the case but none of the sensitive fields, and cannot reveal.
	mem := e.signIn(emailAlphaMem)
	mp := mem.get("/cases/" + id)
	if mp.status != s200 || strings.Contains(mp.body, "•••••321") || strings.Contains(mp.body, "/reveal") {
		t.Errorf("member view: got %d; masked A-number or reveal shown to a member", mp.status)
	}

	// Close with a reason: the case leaves the open list and becomes read-only.
	if r := c.post("/cases/"+id+"/close", url.Values{"reason": {"self_sufficient"}}); r.status != s303 {
		t.Fatalf("close: got %d", r.status)
	}
	if r := c.post("/cases/"+id+"/appointments", url.Values{"kind": {"other"}, "date": {"2026-10-01"}}); r.status != s403 {
		t.Errorf("add to a closed case: got %d, want 403", r.status)
	}
	list := c.get("/cases")
	if strings.Contains(list.body, "Rosa Marker") {
		t.Errorf("closed case still in the open list")
	}
	if list = c.get("/cases?state=closed"); !strings.Contains(list.body, "Rosa Marker") {
		t.Errorf("closed case missing from the closed list")
	}
	hist, _ := e.st.History(ctx, id, 50)
	for _, h := range hist {
		for _, secret := range []string{"987654321", "Marker Facility", "77 Marker Lane", "1991-07-15"} {
			if strings.Contains(h.Fields, secret) {
				t.Errorf("history holds a sensitive value: %+v", h)
			}
		}
	}
}

// TestCaseListSearchFilterPaginate checks the list's search, status filter
// and pages.
func TestCaseListSearchFilterPaginate(t *testing.T) {
	e := newEnv(t)
	c := e.signIn(emailAlphaCoord)
	for i := 0; i < 30; i++ {
		status := "arrived"
		if i%3 == 0 {
			status = "released"
		}
		if r := c.post("/cases", url.Values{"name": {"Person " + string(rune('A'+i%26)) + strings.Repeat("x", i/26)}, "status": {status}}); r.status != s303 {
			t.Fatalf("create %d: got %d", i, r.status)
		}
	}
	first := c.get("/cases?sort=name")
	if !strings.Contains(first.body, "Page 1 of 2") || !strings.Contains(first.body, "rel=\"next\"") {
		t.Errorf("first page: want page 1 of 2 with a next link")
	}
	second := c.get("/cases?sort=name&page=2")
	if !strings.Contains(second.body, "Page 2 of 2") || strings.Contains(second.body, "rel=\"next\"") {
		t.Errorf("second page: want page 2 of 2 without a next link")
	}
	search := c.get("/cases?q=Person+Bx")
	if !strings.Contains(search.body, "Person Bx") || strings.Contains(search.body, "Person C") {
		t.Errorf("search for Person Bx: wrong results")
	}
	released := c.get("/cases?status=released")
	if strings.Count(released.body, "<li>\n    <a href=\"/cases/") != 10 {
		t.Errorf("status filter: got %d cases, want 10", strings.Count(released.body, "<li>\n    <a href=\"/cases/"))
	}
	// A LIKE wildcard typed by the user matches itself only.
	if r := c.get("/cases?q=%25"); strings.Contains(r.body, "Person A") {
		t.Errorf("searching for %% matched every case")
	}
}

// TestRegistrationDeadlineHidesBirthDate: the age-14 registration deadline
// is shown, but its explanation never prints the date of birth.
func TestRegistrationDeadlineHidesBirthDate(t *testing.T) {
	e := newEnv(t)
	c := e.signIn(emailAlphaCoord)
	res := c.post("/cases", url.Values{"name": {"Child Case"}, "status": {"arrived"}, "dob": {"2012-06-01"}})
	if res.status != s303 {
		t.Fatalf("create: got %d", res.status)
	}
	page := c.get(res.header.Get("Location"))
	if !strings.Contains(page.body, "Registration at age 14") {
		t.Fatalf("the registration deadline is missing")
	}
	for _, leak := range []string{"2012-06-01", "1 Jun 2012", "Born"} {
		if strings.Contains(page.body, leak) {
			t.Errorf("case page contains %q: the date of birth leaks", leak)
		}
	}
}

// TestRejectedFormsKeepInput: a rejected fact or appointment comes back
// with 422 on its own page, its message, what was typed, and nothing
// written. "Whole household" is a choice: a fact recorded per person asks
// whom it is for, never says "required".
func TestRejectedFormsKeepInput(t *testing.T) {
	e := newEnv(t)
	c := e.signIn(emailAlphaCoord)
	id := e.cases["alpha"].ID
	facts, appts := e.count("facts"), e.count("appointments")
	r := c.post("/cases/"+id+"/appointments", url.Values{"kind": {"ice_checkin"}, "date": {"2026-13-40"}, "place": {"Typed Place"}, "time": {"25:99"}})
	if r.status != s422 || !strings.Contains(r.body, "Typed Place") || !strings.Contains(r.body, "Enter a real date, with its day, month and year.") ||
		!strings.Contains(r.body, "Enter a time as HH:MM.") {
		t.Errorf("rejected appointment: got %d; want 422 with the typed place and both messages", r.status)
	}
	r = c.post("/cases/"+id+"/facts", url.Values{"kind": {"clock_pause"}, "person_id": {""}, "date": {"2026-05-10"}, "end_date": {"2026-05-01"}, "note": {"Typed note"}})
	if r.status != s422 || !strings.Contains(r.body, "Typed note") || !strings.Contains(r.body, "is recorded for one person: choose whom it is for.") ||
		!strings.Contains(r.body, "The end date must be the same as or after the start date.") {
		t.Errorf("rejected fact: got %d; want 422 with the typed note and the messages", r.status)
	}
	for msg := range requiredMessages()[i18n.EN] {
		if strings.Contains(r.body, secEsc(msg)) {
			t.Errorf("rejected fact: a select holding a value (the whole household) says it is required: %q", msg)
		}
	}
	if e.count("facts") != facts || e.count("appointments") != appts {
		t.Errorf("a rejected form wrote rows")
	}
}

// TestStatusChangesDated: every status change is kept with its date and shown.
func TestStatusChangesDated(t *testing.T) {
	e := newEnv(t)
	c := e.signIn(emailAlphaCoord)
	id := e.cases["alpha"].ID
	if r := c.post("/cases/"+id, url.Values{"status": {"placement_active"}}); r.status != s303 {
		t.Fatalf("status change: got %d", r.status)
	}
	changes, err := e.st.StatusChanges(context.Background(), id)
	if err != nil || len(changes) != 2 || changes[0].Status != "arrived" || changes[1].Status != "placement_active" {
		t.Fatalf("status changes: got %+v, %v; want arrived then placement_active", changes, err)
	}
	page := c.get("/cases/" + id)
	if !strings.Contains(page.body, "Placement stages, by date") || !strings.Contains(page.body, "Placement active") {
		t.Errorf("case page lacks the dated status list: %d %s", page.status, e.logs.String())
	}
}
