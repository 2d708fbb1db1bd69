package demo

import (
	"testing"
	"time"

	"puente/internal/deadline"
	"puente/internal/model"
)

// TestDemoCourtDaysAreBusinessDays: a reviewer found demo hearings on
// weekends; immigration courts and ICE offices sit on business days. For a
// demo loaded on any of 400 days from 1 January 2026 (every federal holiday
// crossed, and an observed one: Independence Day 2026 is a Saturday,
// observed on Friday 3 July), every appointment and every oral decision
// falls on a weekday that is not a federal holiday or observed holiday.
func TestDemoCourtDaysAreBusinessDays(t *testing.T) {
	start := time.Date(2026, 1, 1, 15, 0, 0, 0, time.UTC)
	checked := 0
	for n := 0; n < 400; n++ {
		now := start.AddDate(0, 0, n)
		for group, seeds := range cases(todayOf(now)) {
			for i, c := range seeds {
				var days []string
				for _, a := range c.Appointments {
					days = append(days, a.Appointment.Date)
				}
				for _, f := range c.Facts {
					if f.Fact.Kind == model.FactDecision {
						days = append(days, f.Fact.Date)
					}
				}
				for _, s := range days {
					d, err := deadline.ParseDate(s)
					if err != nil {
						t.Fatal(err)
					}
					checked++
					if !deadline.IsBusinessDay(d) {
						h, _ := deadline.HolidayOn(d)
						t.Errorf("demo loaded %s: %s case %d has a court day on %s %s %v", now.Format(time.DateOnly), group, i, d.Weekday(), s, h)
					}
				}
			}
		}
	}
	if checked < 400*10 {
		t.Errorf("checked %d court days, want at least %d", checked, 400*10)
	}
}
