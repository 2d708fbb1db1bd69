package coverage

import (
	"testing"
	"time"

	"puente/internal/deadline"
	"puente/internal/model"
)

// The cases, on an injected day: the caller's today is the
// organisation's day, so "the 14th day ends at local midnight" is the
// edge between today+14 and today+15 here (see the web tests for the
// clock side of it).
func TestUncovered(t *testing.T) {
	today := deadline.NewDate(2026, 3, 4)
	hearing := func(days, going int) Appointment {
		return Appointment{Kind: "master_hearing", Day: today.AddDays(days), Going: going}
	}
	for _, tc := range []struct {
		name string
		a    Appointment
		want bool
	}{
		{"hearing in 10 days with nobody", hearing(10, 0), true},
		{"someone signs up", hearing(10, 1), false},
		{"they withdraw", hearing(10, 0), true},
		{"hearing 20 days away", hearing(20, 0), false},
		{"moved to 10 days away", hearing(10, 0), true},
		{"today", hearing(0, 0), true},
		{"the 14th day", hearing(14, 0), true},
		{"the 15th day", hearing(15, 0), false},
		{"yesterday: passed, not flagged", hearing(-1, 0), false},
		{"two going", hearing(3, 2), false},
		{"ICE check-in", Appointment{Kind: "ice_checkin", Day: today.AddDays(2)}, true},
		{"biometrics", Appointment{Kind: "biometrics", Day: today.AddDays(2)}, true},
		{"individual hearing", Appointment{Kind: "individual_hearing", Day: today.AddDays(2)}, true},
		{"other appointment", Appointment{Kind: "other", Day: today.AddDays(2)}, false},
		{"already marked attended", Appointment{Kind: "ice_checkin", Day: today, Settled: true}, false},
		{"no date", Appointment{Kind: "ice_checkin"}, false},
	} {
		if got := Uncovered(tc.a, today); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestWindowMovesAtMidnight: the same hearing, 15 days off, is not flagged
// until the organisation's day turns.
func TestWindowMovesAtMidnight(t *testing.T) {
	day := deadline.NewDate(2026, 11, 20)
	a := Appointment{Kind: "master_hearing", Day: day}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	before := time.Date(2026, 11, 5, 23, 59, 0, 0, ny) // 15 days before, one minute to midnight in New York
	after := before.Add(time.Minute)                   // midnight: 14 days before
	for _, tc := range []struct {
		now  time.Time
		want bool
	}{{before, false}, {after, true}} {
		today := deadline.DateOf(tc.now.In(ny))
		if got := Uncovered(a, today); got != tc.want {
			t.Errorf("at %s (New York day %s): got %v, want %v", tc.now, today, got, tc.want)
		}
		// In UTC it is already the next day at 23:59 New York time: the
		// organisation's zone, not UTC, decides.
		if utc := deadline.DateOf(tc.now.UTC()); tc.now == before && !Uncovered(a, utc) {
			t.Errorf("control: at %s the UTC day %s should already be inside the window", tc.now, utc)
		}
	}
}

func TestNeedUncovered(t *testing.T) {
	today := deadline.NewDate(2026, 3, 4)
	housing := Need{Kind: "housing", Until: deadline.NewDate(2026, 9, 1)}
	cover := func(mod func(*Cover)) []Cover {
		c := Cover{Kind: "housing", Holders: 1, Start: deadline.NewDate(2026, 1, 1)}
		mod(&c)
		return []Cover{c}
	}
	for _, tc := range []struct {
		name   string
		need   Need
		covers []Cover
		want   bool
	}{
		{"nothing promised", housing, nil, true},
		{"a commitment with someone responsible", housing, cover(func(*Cover) {}), false},
		{"a commitment with nobody responsible", housing, cover(func(c *Cover) { c.Holders = 0 }), true},
		{"another kind", housing, cover(func(c *Cover) { c.Kind = "money" }), true},
		{"cancelled", housing, cover(func(c *Cover) { c.Stopped = true }), true},
		{"its period ended yesterday", housing, cover(func(c *Cover) { c.Ends = today.AddDays(-1) }), true},
		{"its period ends today", housing, cover(func(c *Cover) { c.Ends = today }), false},
		{"starts after the need is over", housing, cover(func(c *Cover) { c.Start = deadline.NewDate(2026, 10, 1) }), true},
		{"starts next week, within the need", housing, cover(func(c *Cover) { c.Start = today.AddDays(7) }), false},
		{"the need is over", Need{Kind: "housing", Until: today.AddDays(-1)}, nil, false},
		{"the need ends today", Need{Kind: "housing", Until: today}, nil, true},
		{"a need with no end", Need{Kind: "transport"}, nil, true},
	} {
		if got := NeedUncovered(tc.need, tc.covers, today); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
	_ = model.CommitmentKind("")
}
