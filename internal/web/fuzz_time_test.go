package web

import (
	"context"
	"net/url"
	"testing"

	"puente/internal/model"
)

func FuzzSettingsForm(f *testing.F) {
	fzFormTarget[settingsForm](f, url.Values{"time_zone": {"America/Chicago"}, "retention_days": {"90"}})
}

func FuzzAppointmentForm(f *testing.F) {
	fzFormTarget[appointmentForm](f, url.Values{"kind": {"master_hearing"}, "date": {"2026-12-15"}, "time": {"09:30"},
		"time_zone": {"America/Denver"}, "place": {"Sala 3"}, "note": {"llevar el aviso"}})
}

// FuzzTimePosts sends raw bodies to the settings form and the appointment
// edit form as alpha's coordinator: whatever the body, no 5xx and no
// internal error text.
func FuzzTimePosts(f *testing.F) {
	for i, form := range []url.Values{
		{"time_zone": {"America/Chicago"}, "retention_days": {"30"}},
		{"kind": {"individual_hearing"}, "date": {"2026-11-01"}, "time": {"01:30"}, "time_zone": {"America/New_York"}},
		{"kind": {"ice_checkin"}, "date": {"2026-03-08"}, "time": {"02:30"}, "time_zone": {"Pacific/Kiritimati"}},
	} {
		fzAddSeeds(f, form, uint8(i))
	}
	e := newEnv(f)
	coord := fzSignedIn(e, emailAlphaCoord)
	c := e.cases["alpha"]
	id, err := e.st.AddAppointment(context.Background(), c, "", model.Appointment{Kind: "master_hearing", Date: "2026-12-15"})
	if err != nil {
		f.Fatal(err)
	}
	paths := []string{"/orgs/" + e.orgs["alpha"].ID + "/settings", "/cases/" + c.ID + "/appointments/" + id, "/cases/" + c.ID + "/appointments"}
	f.Fuzz(func(t *testing.T, body string, which uint8) {
		path := paths[int(which)%len(paths)]
		fzCheckResponse(t, "POST "+path, body, coord.post(path, body))
	})
}
