package gen

import (
	"math/rand/v2"
	"testing"
	"time"

	"puente/internal/deadline"
)

// TestGeneratedAppointmentsOnCourtDays: generated hearings, check-ins and
// other appointments fall on business days (no weekend, no federal holiday
// or observed holiday), as immigration courts and ICE offices sit, for data
// generated on any of 60 days around the year's end holidays.
func TestGeneratedAppointmentsOnCourtDays(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	checked := 0
	for n := 0; n < 60; n++ {
		today := time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
		for _, c := range Cases(rng, today, 20) {
			for _, a := range c.Appointments {
				d, err := deadline.ParseDate(a.Appointment.Date)
				if err != nil {
					t.Fatal(err)
				}
				checked++
				if !deadline.IsBusinessDay(d) {
					t.Fatalf("generated on %s: a %s on %s %s", today.Format(time.DateOnly), a.Appointment.Kind, d.Weekday(), a.Appointment.Date)
				}
			}
		}
	}
	if checked < 60*20*6 {
		t.Errorf("checked %d appointments, want at least %d", checked, 60*20*6)
	}
}
