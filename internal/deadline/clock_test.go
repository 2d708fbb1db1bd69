package deadline

import (
	"math/rand/v2"
	"testing"
)

func TestMergePauses(t *testing.T) {
	p := func(from, to string) Pause {
		var end Date
		if to != "" {
			end = day(to)
		}
		return Pause{From: day(from), To: end}
	}
	tests := []struct {
		name string
		in   []Pause
		want []Pause
	}{
		{"none", nil, nil},
		{"disjoint unsorted",
			[]Pause{p("2026-03-10", "2026-03-12"), p("2026-02-01", "2026-02-05")},
			[]Pause{p("2026-02-01", "2026-02-05"), p("2026-03-10", "2026-03-12")}},
		{"overlapping",
			[]Pause{p("2026-02-01", "2026-02-10"), p("2026-02-05", "2026-02-20")},
			[]Pause{p("2026-02-01", "2026-02-20")}},
		{"contained",
			[]Pause{p("2026-02-01", "2026-02-20"), p("2026-02-05", "2026-02-06")},
			[]Pause{p("2026-02-01", "2026-02-20")}},
		{"adjacent",
			[]Pause{p("2026-02-01", "2026-02-10"), p("2026-02-11", "2026-02-12")},
			[]Pause{p("2026-02-01", "2026-02-12")}},
		{"open swallows later",
			[]Pause{p("2026-02-01", ""), p("2026-03-01", "2026-03-05")},
			[]Pause{p("2026-02-01", "")}},
		{"overlap into open",
			[]Pause{p("2026-02-01", "2026-02-10"), p("2026-02-05", "")},
			[]Pause{p("2026-02-01", "")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := MergePauses(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
	if _, err := MergePauses([]Pause{p("2026-02-10", "2026-02-01")}); err == nil {
		t.Errorf("got no error for a pause that ends before it starts")
	}
	if _, err := MergePauses([]Pause{{To: day("2026-02-01")}}); err == nil {
		t.Errorf("got no error for a pause without a start")
	}
}

func TestClockDays(t *testing.T) {
	p := func(from, to string) Pause {
		var end Date
		if to != "" {
			end = day(to)
		}
		return Pause{From: day(from), To: end}
	}
	// I-589 filed 2 Jan 2026: 150 clock days without pauses is 1 Jun 2026.
	tests := []struct {
		name    string
		pauses  []Pause
		due     string // "" when no date
		paused  int
		counted int // clock days run before an open pause
		invalid bool
	}{
		{"no pauses", nil, "2026-06-01", 0, 0, false},
		{"one pause", []Pause{p("2026-02-01", "2026-02-12")}, "2026-06-13", 12, 0, false},
		{"overlapping pauses count once",
			[]Pause{p("2026-02-01", "2026-02-12"), p("2026-02-10", "2026-02-15")}, "2026-06-16", 15, 0, false},
		{"pause before the trigger", []Pause{p("2025-12-01", "2025-12-20")}, "2026-06-01", 0, 0, false},
		{"pause across the trigger", []Pause{p("2025-12-20", "2026-01-05")}, "2026-06-04", 3, 0, false},
		{"pause on the trigger day only", []Pause{p("2026-01-02", "2026-01-02")}, "2026-06-01", 0, 0, false},
		{"pause after the clock ran out", []Pause{p("2026-06-02", "2026-07-01")}, "2026-06-01", 0, 0, false},
		{"pause starting on the last day", []Pause{p("2026-06-01", "2026-06-03")}, "2026-06-04", 3, 0, false},
		{"pause pushed into by an earlier pause",
			[]Pause{p("2026-02-01", "2026-02-10"), p("2026-06-05", "2026-06-06")}, "2026-06-13", 12, 0, false},
		{"open pause before the count", []Pause{p("2026-03-01", "")}, "", 0, 57, false},
		{"open pause after a closed one",
			[]Pause{p("2026-02-01", "2026-02-12"), p("2026-03-01", "")}, "", 12, 45, false},
		{"open pause since before the trigger", []Pause{p("2025-12-01", "")}, "", 0, 0, false},
		{"open pause after the clock ran out", []Pause{p("2026-06-02", "")}, "2026-06-01", 0, 0, false},
		{"invalid pause", []Pause{p("2026-03-10", "2026-03-01")}, "", 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := addClockDays(day("2026-01-02"), 150, tt.pauses)
			want := Date{}
			if tt.due != "" {
				want = day(tt.due)
			}
			if r.due != want {
				t.Errorf("due got %v, want %v", r.due, want)
			}
			if r.pausedDays != tt.paused {
				t.Errorf("paused days got %v, want %v", r.pausedDays, tt.paused)
			}
			if r.paused && r.counted != tt.counted {
				t.Errorf("counted got %v, want %v", r.counted, tt.counted)
			}
			if (r.invalid != nil) != tt.invalid {
				t.Errorf("invalid got %v, want %v", r.invalid, tt.invalid)
			}
			if tt.due == "" && !tt.invalid && !r.paused {
				t.Errorf("got no paused flag for an open pause")
			}
		})
	}
}

// clockByHand counts clock days one day at a time: slow and obviously
// right, the reference addClockDays must agree with.
func clockByHand(trigger Date, n int, pauses []Pause) (due Date, paused bool) {
	inPause := func(d Date) (in, open bool) {
		for _, p := range pauses {
			if !d.Before(p.From) && (p.Open() || !d.After(p.To)) {
				in = true
				open = open || p.Open()
			}
		}
		return in, open
	}
	d := trigger
	for counted := 0; counted < n; {
		d = d.AddDays(1)
		in, open := inPause(d)
		if open {
			return Date{}, true
		}
		if !in {
			counted++
		}
	}
	return d, false
}

func TestClockDaysAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	trigger := day("2026-01-02")
	for i := 0; i < 3000; i++ {
		var pauses []Pause
		for j := rng.IntN(5); j > 0; j-- {
			from := trigger.AddDays(rng.IntN(260) - 40)
			p := Pause{From: from}
			if rng.IntN(6) > 0 {
				p.To = from.AddDays(rng.IntN(40))
			}
			pauses = append(pauses, p)
		}
		n := 1 + rng.IntN(200)
		want, wantPaused := clockByHand(trigger, n, pauses)
		got := addClockDays(trigger, n, pauses)
		if got.due != want || got.paused != wantPaused {
			t.Fatalf("n=%d pauses=%v: got %v paused=%v, want %v paused=%v", n, pauses, got.due, got.paused, want, wantPaused)
		}
		if !got.paused && trigger.DaysUntil(got.due) != n+got.pausedDays {
			t.Fatalf("n=%d pauses=%v: paused days %d do not add up to %v", n, pauses, got.pausedDays, got.due)
		}
	}
}
