package web

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"puente/internal/model"
	"puente/internal/store"
)

// caseLine is the case list's line of the case named name.
func caseLine(t *testing.T, body, name string) string {
	t.Helper()
	m := regexp.MustCompile(`(?s)<li>\s*<a href="/cases/[0-9a-f]+"><strong>` + regexp.QuoteMeta(name) + `</strong></a>.*?</li>`).FindString(body)
	if m == "" {
		t.Fatalf("the case list has no line for %s", name)
	}
	return m
}

// TestCaseListNextDeadlineAndAppointment: the case list's "next due" was
// the next deadline only, while it read as if hearings and check-ins
// counted, and an overdue date looked like any other. The list now says
// "Next deadline" (what cases.next_due holds, still the indexed sort),
// shows each case's next appointment apart (a hearing passes, it is never
// overdue), and tags an overdue deadline "Overdue", counted on the group's
// day in its zone through the one clock: a deadline due on 1 December is
// not overdue at 22:00 that day in New York (03:00 on the 2nd in UTC), and
// is an hour after midnight there. A past appointment and one marked not
// applicable are not the next one.
func TestCaseListNextDeadlineAndAppointment(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	alpha := e.orgs["alpha"]
	newCase := func(name, arrival string) model.Case {
		c, err := e.st.CreateCase(ctx, alpha.ID, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		if arrival != "" {
			if _, err := e.st.AddFact(ctx, c, "", model.Fact{Kind: model.FactArrival, Date: arrival}); err != nil {
				t.Fatal(err)
			}
		}
		return c
	}
	appt := func(c model.Case, kind, date, hhmm string) string {
		id, err := e.st.AddAppointment(ctx, c, "", model.Appointment{Kind: model.AppointmentKind(kind), Date: date, Time: hhmm,
			TimeZone: "America/New_York", Place: "Court"})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	// Arrived 26 Nov: the EOIR-33 is due 1 Dec (5 days), the AR-11 6 Dec.
	due := newCase("Due Today", "2026-11-26")
	appt(due, "master_hearing", "2026-11-20", "09:00") // past
	cancelled := appt(due, "ice_checkin", "2026-12-03", "10:00")
	if err := e.st.SetMark(ctx, due, "", model.Mark{Key: store.AppointmentKey(cancelled), State: model.MarkNotApplicable}); err != nil {
		t.Fatal(err)
	}
	appt(due, "master_hearing", "2026-12-09", "08:30")
	onlyAppt := newCase("Only Hearing", "")
	appt(onlyAppt, "ice_checkin", "2026-12-04", "")

	c := e.signIn(emailAlphaCoord)
	at := func(instant time.Time) string {
		e.srv.now = func() time.Time { return instant }
		res := c.get("/cases?sort=next_due")
		if res.status != 200 {
			t.Fatalf("/cases at %v: got %d", instant, res.status)
		}
		return res.body
	}
	evening := at(time.Date(2026, 12, 2, 3, 0, 0, 0, time.UTC)) // 22:00 on 1 Dec in New York
	line := caseLine(t, evening, "Due Today")
	if !strings.Contains(line, "Next deadline: 1 Dec 2026") || strings.Contains(line, "tag-overdue") {
		t.Errorf("due today, on the group's day: got %q, want next deadline 1 Dec 2026 without an Overdue tag", line)
	}
	if !strings.Contains(line, "Next appointment: Master calendar hearing, 9 Dec 2026, 8:30 AM") {
		t.Errorf("next appointment: got %q, want the 9 Dec hearing (the past one and the cancelled check-in left out)", line)
	}
	if strings.Contains(evening, "Next due") {
		t.Errorf("the list still says \"Next due\"")
	}
	other := caseLine(t, evening, "Only Hearing")
	if strings.Contains(other, "Next deadline") || !strings.Contains(other, "Next appointment: ICE check-in, 4 Dec 2026") {
		t.Errorf("a case with only an appointment: got %q, want its check-in and no deadline", other)
	}
	// Only the group's own cases are read: another group asking gets none.
	if got, err := e.st.NextAppointments(ctx, e.orgs["beta"].ID, []string{due.ID, onlyAppt.ID}, time.Time{}); err != nil || len(got) != 0 {
		t.Errorf("another group's read of alpha's cases: %v, %v; want none", got, err)
	}
	night := at(time.Date(2026, 12, 2, 6, 0, 0, 0, time.UTC)) // 01:00 on 2 Dec in New York
	line = caseLine(t, night, "Due Today")
	if !regexp.MustCompile(`<span class="tag tag-overdue" data-state="overdue">Overdue</span> Next deadline: 1 Dec 2026`).MatchString(line) {
		t.Errorf("a day later on the group's day: got %q, want the Overdue tag before the next deadline", line)
	}
}
