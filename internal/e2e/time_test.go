package e2e

import (
	"strings"
	"testing"
	"time"

	"puente/internal/demo"
)

// betaCoord is the demo coordinator of the group in Chicago time.
var betaCoord = demo.Accounts[4].Email

// TestAppointmentEditing: a coordinator corrects a hearing in place: the
// edit form holds its values; a refused edit answers 422 with an error
// summary that links to the field and keeps what was typed; a good one
// lands on the case with the new local time and the place's zone.
func TestAppointmentEditing(t *testing.T) {
	srv := startServer(t, true)
	b := newBrowser(t, srv)
	b.signIn(alphaCoord)
	b.visit("/cases")
	b.follow(`main ul a[href^="/cases/"]`, 200)
	casePath := b.path()
	edit := `#appointments a[href$="/edit"]`
	if !b.exists(edit) {
		// The first listed case has no appointment: take one that does.
		for _, href := range evalJS[[]string](b, `Array.from(document.querySelectorAll('a'), a => a.getAttribute('href')).filter(h => h && /^\/cases\/[0-9a-f]{32}$/.test(h))`) {
			b.visit(href)
			if b.exists(edit) {
				casePath = href
				break
			}
		}
	}
	b.follow(edit, 200)
	b.wantText("main h1", en("appointment.edit.title"))
	if b.value("#date") == "" || b.value("#time_zone") != "America/New_York" {
		b.errorf("edit form: date %q, zone %q; want the appointment's date and the group's zone", b.value("#date"), b.value("#time_zone"))
	}
	b.checkWidths("appointment edit")

	// Refused: no date.
	b.fill("#date", "")
	b.fill("#time", "")
	b.fill("#place", "Courtroom 9, 2nd floor")
	b.follow(`main form button[type=submit]`, 422)
	b.mustExist(`.error-summary a[href="#date"]`)
	if got := b.attr("#date", "aria-invalid"); got != "true" {
		b.errorf("refused edit: #date aria-invalid %q, want true", got)
	}
	if got := b.value("#place"); got != "Courtroom 9, 2nd floor" {
		b.errorf("refused edit: place %q, want what was typed", got)
	}
	b.checkWidths("appointment edit, refused")

	// Saved: 7 Dec 2026 at 14:45 in Chicago.
	b.fill("#date", "2026-12-07")
	b.fill("#time", "14:45")
	b.choose("#time_zone", "America/Chicago")
	b.submit(`main form button[type=submit]`)
	if p := b.path(); p != casePath {
		b.errorf("after saving: on %s, want the case %s", p, casePath)
	}
	b.wantText(flash, en("appointment.updated"))
	if got := b.text("#appointments"); !strings.Contains(got, "Monday 7 December 2026, 2:45 PM (CST)") || !strings.Contains(got, "Courtroom 9, 2nd floor") {
		b.errorf("appointments after the edit: got %q, want Monday 7 December 2026, 2:45 PM (CST) at Courtroom 9, 2nd floor", got)
	}
	// The history is collapsed: read it whole.
	if got := evalJS[string](b, `document.querySelector('#history').textContent`); !strings.Contains(got, en("history.appointment_updated")) {
		b.errorf("case history: want %q", en("history.appointment_updated"))
	}
	b.checkWidths("case after an appointment edit")
}

// TestTimeZoneDecidesOverdue: the same EOIR-33, due today in Pago Pago
// (UTC−11), is "due" while the group keeps Pago Pago's day and "overdue"
// once the group's zone is Kiritimati (UTC+14), where that day is over:
// chosen in the group's settings, with the real clock. The Spanish case
// page shows 12-hour times with "a. m." / "p. m.".
func TestTimeZoneDecidesOverdue(t *testing.T) {
	pago, err := time.LoadLocation("Pacific/Pago_Pago")
	if err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, true)
	b := newBrowser(t, srv)
	b.signIn(betaCoord)
	today := time.Now().In(pago)
	if today.Hour() == 23 && today.Minute() >= 50 {
		t.Skip("too close to midnight in Pago Pago: the day would change during the test")
	}
	due := today.Format(time.DateOnly)
	arrival := today.AddDate(0, 0, -5).Format(time.DateOnly)

	setZone := func(zone string) {
		b.visit("/")
		b.follow(peopleLink, 200)
		b.follow(`main a[href$="/settings"]`, 200)
		b.choose("#time_zone", zone)
		b.submit(`main form button[type=submit]`)
		b.wantText(flash, en("settings.saved"))
	}
	setZone("Pacific/Pago_Pago")

	// A new case that arrived five days ago: its EOIR-33 is due today.
	b.visit("/cases/new")
	b.fill("#name", "Tiempo Prueba")
	b.submit(`main form button[type=submit]`)
	casePath := b.path()
	b.visit(casePath + "/facts/new")
	b.choose("#kind", "arrival")
	b.fill("#date", arrival)
	b.submit(`form[action$="/facts"] button[type=submit]`)
	eoir := `#deadlines li.item:has(time[datetime="` + due + `"]) .item-head .tag`
	b.mustExist(eoir)
	if got := b.attr(eoir, "data-state"); got == "overdue" {
		b.errorf("EOIR-33 due %s seen in Pago Pago's day: state %q, want not overdue", due, got)
	}
	b.checkWidths("case in Pago Pago time")

	setZone("Pacific/Kiritimati")
	b.visit(casePath)
	if got := b.attr(eoir, "data-state"); got != "overdue" {
		b.errorf("EOIR-33 due %s seen in Kiritimati's day: state %q, want overdue", due, got)
	}

	// Spanish: an appointment at 8:30 and one at 13:00 read as 12-hour times.
	switchLanguage(b, "es", casePath)
	for _, a := range []struct{ time, want string }{{"08:30", "8:30\u00a0a.\u00a0m."}, {"13:00", "1:00\u00a0p.\u00a0m."}} {
		b.visit(casePath + "/appointments/new")
		b.choose("#kind", "ice_checkin")
		b.fill("#date", today.AddDate(0, 0, 10).Format(time.DateOnly))
		b.fill("#time", a.time)
		b.submit(`form[action$="/appointments"] button[type=submit]`)
		if got := b.text("#appointments"); !strings.Contains(got, a.want) {
			b.errorf("Spanish appointments: got %q, want %q", got, a.want)
		}
	}
	if strings.Contains(b.text("#main"), "UTC") {
		b.errorf("the Spanish case page says UTC")
	}
	b.checkWidths("case in Spanish with local times")
}
