package web

import (
	"context"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"puente/internal/model"
	"puente/internal/store"
)

// tmApptRE reads the case page's appointments: the <time> element and
// its text, in page order.
var tmApptRE = regexp.MustCompile(`<time datetime="([^"]+)">([^<]+)</time>(?:<br>([^<]+))?`)

type tmAppt struct{ iso, text, place string }

func tmAppointments(body string) []tmAppt {
	i := strings.Index(body, `id="appointments"`)
	j := strings.Index(body, `id="household"`)
	if i < 0 || j < i {
		return nil
	}
	var out []tmAppt
	for _, m := range tmApptRE.FindAllStringSubmatch(body[i:j], -1) {
		out = append(out, tmAppt{iso: m[1], text: html.UnescapeString(m[2]), place: strings.TrimSpace(html.UnescapeString(m[3]))})
	}
	return out
}

// TestAppointmentShowsThePlacesTime: a time is the local time at the
// place, on the 12-hour clock of the page's language, with the place's
// zone only when it is not the group's; a day without a time shows no
// time; the list is in the order things happen, whatever zone each place
// is in.
func TestAppointmentShowsThePlacesTime(t *testing.T) {
	e := newEnv(t)
	tmAt(e, time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC))
	c := e.signIn(emailAlphaCoord) // alpha: America/New_York
	base := "/cases/" + e.cases["alpha"].ID
	for _, a := range []url.Values{
		// 09:00 in Los Angeles is 12:00 in New York: after the 11:00 one.
		{"kind": {"ice_checkin"}, "date": {"2026-12-15"}, "time": {"09:00"}, "time_zone": {"America/Los_Angeles"}, "place": {"LA office"}},
		{"kind": {"master_hearing"}, "date": {"2026-12-15"}, "time": {"11:00"}, "time_zone": {"America/New_York"}, "place": {"NY court"}},
		{"kind": {"individual_hearing"}, "date": {"2026-12-15"}, "time": {"08:30"}, "time_zone": {"America/Chicago"}, "place": {"Chicago court"}},
		{"kind": {"biometrics"}, "date": {"2026-12-14"}, "place": {"ASC"}}, // no time, no zone sent: the group's
		{"kind": {"other"}, "date": {"2026-12-16"}, "time": {"13:00"}, "time_zone": {"America/Detroit"}, "place": {"Detroit"}},
	} {
		pvPost(t, c, base+"/appointments", a, 303)
	}
	want := []tmAppt{
		{"2026-12-14", "Monday 14 December 2026", "ASC"},
		{"2026-12-15T08:30:00-06:00", "Tuesday 15 December 2026, 8:30 AM (CST)", "Chicago court"},
		{"2026-12-15T11:00:00-05:00", "Tuesday 15 December 2026, 11:00 AM", "NY court"},
		{"2026-12-15T09:00:00-08:00", "Tuesday 15 December 2026, 9:00 AM (PST)", "LA office"},
		// Detroit keeps New York's clock: no zone shown.
		{"2026-12-16T13:00:00-05:00", "Wednesday 16 December 2026, 1:00 PM", "Detroit"},
	}
	got := tmAppointments(pvGet(t, c, base, 200).body)
	if len(got) != len(want) {
		t.Fatalf("appointments on the case page: got %d %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("appointment %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	// In Spanish: "8:30 a. m. (hora del Centro)", "1:00 p. m.", never "UTC"
	// nor an English zone abbreviation.
	pvPost(t, c, "/lang", url.Values{"lang": {"es"}, "return": {base}}, 303)
	es := pvGet(t, c, base, 200).body
	var texts []string
	for _, a := range tmAppointments(es) {
		texts = append(texts, a.text)
	}
	joined := strings.Join(texts, " | ")
	for _, w := range []string{"8:30\u00a0a.\u00a0m. (hora del Centro)", "11:00\u00a0a.\u00a0m.", "9:00\u00a0a.\u00a0m. (hora del Pacífico)", "1:00\u00a0p.\u00a0m."} {
		if !strings.Contains(joined, w) {
			t.Errorf("Spanish appointments: got %q, want %q among them", joined, w)
		}
	}
	for _, w := range []string{"UTC", "(CST)", "(PST)", "(EST)"} {
		if strings.Contains(es, w) {
			t.Errorf("Spanish case page says %s", w)
		}
	}
}

// TestAppointmentEdit: a hearing's date, time, place zone and person are
// corrected in place; the history says what changed; the evidence
// deadline follows the new date; what was recorded about it (attended, a
// note) stays; a closed case's appointment cannot be edited.
func TestAppointmentEdit(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	tmAt(e, time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC))
	cs := e.cases["alpha"]
	id, err := e.st.AddAppointment(ctx, cs, "", model.Appointment{Kind: "individual_hearing", Date: "2026-12-15", Time: "09:30", Place: "Room 4"})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.st.SetMark(ctx, cs, "", model.Mark{Key: store.AppointmentKey(id), State: model.MarkOpen, Note: "bring the file"}); err != nil {
		t.Fatal(err)
	}
	evidence := func() string {
		t.Helper()
		people, err := e.st.ComputeDeadlines(ctx, cs.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range people {
			for _, d := range p.Deadlines {
				if d.RuleID == "individual-hearing-evidence" {
					return d.Due.String()
				}
			}
		}
		return ""
	}
	if got := evidence(); got != "2026-11-15" {
		t.Fatalf("evidence deadline before the edit: got %s, want 2026-11-15", got)
	}
	c := e.signIn(emailAlphaMem)
	edit := "/cases/" + cs.ID + "/appointments/" + id + "/edit"
	form := pvGet(t, c, edit, 200).body
	for _, w := range []string{`value="2026-12-15"`, `value="09:30"`, `value="Room 4"`, `<option value="America/New_York" selected>`,
		`<option value="individual_hearing" selected>`, `action="/cases/` + cs.ID + `/appointments/` + id + `"`} {
		if !strings.Contains(form, w) {
			t.Errorf("edit form: want %q", w)
		}
	}
	person := e.principal(cs)
	pvPost(t, c, "/cases/"+cs.ID+"/appointments/"+id, url.Values{"kind": {"individual_hearing"}, "person_id": {person},
		"date": {"2027-01-20"}, "time": {"13:15"}, "time_zone": {"America/Chicago"}, "place": {"Room 4"}, "note": {""}}, 303)
	a, err := e.st.Appointment(ctx, cs.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	wantAt := time.Date(2027, 1, 20, 19, 15, 0, 0, time.UTC)
	if a.Date != "2027-01-20" || a.Time != "13:15" || a.TimeZone != "America/Chicago" || a.PersonID != person || !a.StartsAt.Equal(wantAt) {
		t.Errorf("after the edit: got %+v, want 2027-01-20 13:15 America/Chicago for the principal, starting %v", a, wantAt)
	}
	if a.Mark.Note != "bring the file" {
		t.Errorf("the appointment's mark note after the edit: got %q, want it kept", a.Mark.Note)
	}
	if got := evidence(); got != "2026-12-21" {
		t.Errorf("evidence deadline after the hearing moved to 20 Jan 2027: got %s, want 2026-12-21", got)
	}
	hist, err := e.st.History(ctx, cs.ID, 1)
	if err != nil || len(hist) != 1 || hist[0].Action != "appointment_updated" || hist[0].Fields != "person,date,time,time_zone" {
		t.Errorf("history after the edit: got %+v (%v), want appointment_updated person,date,time,time_zone", hist, err)
	}
	page := pvGet(t, c, "/cases/"+cs.ID, 200).body
	if !strings.Contains(page, "edited an appointment") || !strings.Contains(page, "(for whom, date, time, time zone)") || !strings.Contains(page, "Wednesday 20 January 2027, 1:15 PM (CST)") {
		t.Errorf("case page after the edit: want the history line in words and %q", "Wednesday 20 January 2027, 1:15 PM (CST)")
	}
	// Sending the same values again changes nothing and writes no history.
	before := secCounts(e)
	pvPost(t, c, "/cases/"+cs.ID+"/appointments/"+id, url.Values{"kind": {"individual_hearing"}, "person_id": {person},
		"date": {"2027-01-20"}, "time": {"13:15"}, "time_zone": {"America/Chicago"}, "place": {"Room 4"}}, 303)
	secSameCounts(t, "unchanged edit", before, secCounts(e))
	// An appointment of another case through this case's address: 404.
	other, err := e.st.AddAppointment(ctx, e.cases["beta"], "", model.Appointment{Kind: "ice_checkin", Date: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	pvGet(t, c, "/cases/"+cs.ID+"/appointments/"+other+"/edit", 404)
	if res := c.post("/cases/"+cs.ID+"/appointments/"+other, url.Values{"kind": {"ice_checkin"}, "date": {"2026-12-02"}}); res.status != 404 {
		t.Errorf("editing another case's appointment: got %d, want 404", res.status)
	}
	// A closed case is read-only.
	coord := e.signIn(emailAlphaCoord)
	pvPost(t, coord, "/cases/"+cs.ID+"/close", url.Values{"reason": {"moved"}}, 303)
	pvGet(t, c, edit, 403)
}

// TestNextHearingsInOrderOfInstant: the home page lists each case's next
// hearing in the order they happen, with the place's local time.
func TestNextHearingsInOrderOfInstant(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	tmAt(e, time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC))
	second, err := e.st.CreateCase(ctx, e.orgs["alpha"].ID, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: "Second Case"})
	if err != nil {
		t.Fatal(err)
	}
	// 10:00 in Honolulu is 15:00 in New York; 14:00 in New York comes first.
	if _, err := e.st.AddAppointment(ctx, e.cases["alpha"], "", model.Appointment{Kind: "master_hearing", Date: "2026-05-01", Time: "10:00", TimeZone: "Pacific/Honolulu"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.AddAppointment(ctx, second, "", model.Appointment{Kind: "master_hearing", Date: "2026-05-01", Time: "14:00"}); err != nil {
		t.Fatal(err)
	}
	// Yesterday's hearing of the first case is not "next".
	if _, err := e.st.AddAppointment(ctx, e.cases["alpha"], "", model.Appointment{Kind: "master_hearing", Date: "2026-03-03", Time: "09:00"}); err != nil {
		t.Fatal(err)
	}
	home := pvGet(t, e.signIn(emailAlphaCoord), "/", 200).body
	i, j := strings.Index(home, "2:00 PM"), strings.Index(home, "10:00 AM (HST)")
	if i < 0 || j < 0 || i > j {
		t.Errorf("next hearings: want 2:00 PM (New York) before 10:00 AM (HST); positions %d, %d", i, j)
	}
	if strings.Contains(home, "3 Mar 2026") {
		t.Errorf("next hearings: a hearing of yesterday is listed")
	}
}
