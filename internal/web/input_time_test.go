package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"puente/internal/model"
)

// The time-zone message, English and Spanish.
const (
	inZone   = "Choose a time zone from the list."
	inZoneES = "Elija una zona horaria de la lista."
)

// TestInputOrgSettings: the settings form refuses a zone that is not on
// the list, 422 with the message and an error summary, and changes nothing.
func TestInputOrgSettings(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	c := e.signIn(emailAlphaCoord)
	path := "/orgs/" + alpha.ID + "/settings"
	inRun(t, e, c, path, []inCase{
		{name: "empty", form: url.Values{"time_zone": {""}}, errs: map[string]string{"time_zone": inNeedTimeZone}},
		{name: "no field", form: url.Values{}, errs: map[string]string{"time_zone": inNeedTimeZone}},
		{name: "unknown zone", form: url.Values{"time_zone": {"Mars/Olympus_Mons"}}, errs: map[string]string{"time_zone": inZone}},
		{name: "UTC is not offered", form: url.Values{"time_zone": {"UTC"}}, errs: map[string]string{"time_zone": inZone}},
		{name: "a path", form: url.Values{"time_zone": {"../../../etc/localtime"}}, lang: "es", errs: map[string]string{"time_zone": inZoneES}},
		{name: "too long", form: url.Values{"time_zone": {inLong(65)}}, errs: map[string]string{"time_zone": inMax("64")}},
		{name: "control character", form: url.Values{"time_zone": {"America/\x01Chicago"}}, errs: map[string]string{"time_zone": inZone}},
	}, func(t *testing.T) {
		org, err := e.st.OrgForUser(context.Background(), e.userID(emailAlphaCoord), alpha.ID)
		if err != nil || org.TimeZone != "America/New_York" {
			t.Errorf("alpha's zone after a refused form: got %q (%v), want America/New_York (unchanged)", org.TimeZone, err)
		}
	})
	res := c.post(path, url.Values{"time_zone": {"Mars/Olympus_Mons"}})
	if !strings.Contains(res.body, `class="error-summary"`) || !strings.Contains(res.body, `<a href="#time_zone">Time zone: `+inZone+`</a>`) {
		t.Errorf("refused settings: want an error summary linking to #time_zone; body %.1500s", secSnippet(res.body))
	}
	inOversize(t, e, c, path, "time_zone")
}

// TestInputAppointmentEdit: every field of the appointment edit form is
// checked; a refused form answers 422 with an error summary, keeps what
// was typed, and leaves the appointment, its history and deadlines as
// they were.
func TestInputAppointmentEdit(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	cs := e.cases["alpha"]
	id, err := e.st.AddAppointment(ctx, cs, "", model.Appointment{Kind: "individual_hearing", Date: "2026-12-15", Time: "09:30",
		TimeZone: "America/Chicago", Place: "Room 4"})
	if err != nil {
		t.Fatal(err)
	}
	before, err := e.st.Appointment(ctx, cs.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	c := e.signIn(emailAlphaMem) // members edit appointments
	path := "/cases/" + cs.ID + "/appointments/" + id
	base := url.Values{"kind": {"individual_hearing"}, "person_id": {""}, "date": {"2026-12-16"}, "time": {"10:00"},
		"time_zone": {"America/Denver"}, "place": {"Room 9 KEEPME"}, "note": {"bring the I-589 copy"}}
	other := e.principal(e.cases["beta"])
	inRun(t, e, c, path, []inCase{
		{name: "all empty", form: url.Values{"kind": {""}, "date": {""}, "time": {""}, "time_zone": {""}, "place": {""}, "note": {""}},
			errs: map[string]string{"kind": inNeedApptKind, "date": inNeedApptDate}},
		{name: "kind not offered", form: inWith(base, "kind", "trial_by_combat"), errs: map[string]string{"kind": inChoice},
			keep: []string{"Room 9 KEEPME", "2026-12-16", "10:00"}},
		{name: "date not a date", form: inWith(base, "date", "2026-02-30"), errs: map[string]string{"date": "Enter a real date, with its day, month and year."},
			keep: []string{"2026-02-30", "Room 9 KEEPME"}},
		{name: "time not a time", form: inWith(base, "time", "25:61"), errs: map[string]string{"time": "Enter a time as HH:MM."},
			keep: []string{"25:61"}},
		{name: "time in Spanish", form: inWith(base, "time", "9h30"), lang: "es", errs: map[string]string{"time": "Escriba una hora como HH:MM."}},
		{name: "zone not offered", form: inWith(base, "time_zone", "Atlantis/Capital"), errs: map[string]string{"time_zone": inZone},
			keep: []string{"Room 9 KEEPME"}},
		{name: "person of another case", form: inWith(base, "person_id", other), errs: map[string]string{"person_id": inChoice}},
		{name: "place too long", form: inWith(base, "place", inLong(201)), errs: map[string]string{"place": inMax("200")}, keep: []string{inLong(201)}},
		{name: "note with a control character", form: inWith(base, "note", "a\x01b"), errs: map[string]string{"note": inChars}},
	}, func(t *testing.T) {
		got, err := e.st.Appointment(ctx, cs.ID, id)
		if err != nil || got != before {
			t.Errorf("appointment after a refused form: got %+v (%v), want %+v (unchanged)", got, err, before)
		}
	})
	res := c.post(path, inWith(base, "date", "", "time", "7pm"))
	// Out of its form, each message of the summary names its field.
	// A required field's message names its field already: the summary
	// says it in the field's own words (GOV.UK: the same wording in both).
	for _, want := range []string{`class="error-summary"`, `<a href="#date">` + inNeedApptDate + `</a>`, inFieldError("date", inNeedApptDate),
		`<a href="#time">Time: Enter a time as HH:MM.</a>`} {
		if !strings.Contains(res.body, want) {
			t.Errorf("refused edit: want %q in the page", want)
		}
	}
	if strings.Contains(res.body, "Date: "+inNeedApptDate) {
		t.Errorf("refused edit: the summary labels a message that names its field already")
	}
	if res.status != http.StatusUnprocessableEntity {
		t.Errorf("refused edit: got %d, want 422", res.status)
	}
	inOversize(t, e, c, path, "place")
}
