package deadline

import (
	"encoding/binary"
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// factReader turns fuzz bytes into dates between 1990 and about 2045, with
// an occasional zero date, so that every branch of Compute is reachable.
type factReader struct{ b []byte }

func (r *factReader) u16() int {
	if len(r.b) < 2 {
		r.b = nil
		return 0
	}
	v := binary.LittleEndian.Uint16(r.b)
	r.b = r.b[2:]
	return int(v)
}

func (r *factReader) date() Date {
	v := r.u16()
	if v%11 == 0 {
		return Date{}
	}
	return NewDate(1990, 1, 1).AddDays(v % 20000)
}

func (r *factReader) events(prefix string) []Event {
	n := r.u16() % 4
	es := make([]Event, n)
	for i := range es {
		es[i].Date = r.date()
		if i%2 == 1 {
			es[i].Ref = fmt.Sprintf("%s%d", prefix, i)
		}
	}
	return es
}

func factsFrom(b []byte) Facts {
	r := &factReader{b: b}
	f := Facts{
		Arrival:       r.date(),
		Moves:         r.events("m"),
		LastUSArrival: r.date(),
		I589Filed:     r.date(),
	}
	for n := r.u16() % 5; n > 0; n-- {
		p := Pause{From: r.date()}
		if v := r.u16(); v%6 != 0 {
			// Mostly closed pauses near their start, sometimes reversed.
			p.To = p.From.AddDays(v%200 - 10)
		}
		f.ClockPauses = append(f.ClockPauses, p)
	}
	f.IndividualHearings = r.events("h")
	f.Decisions = r.events("d")
	f.FinalOrder = r.date()
	f.Grant = r.date()
	f.EADExpiry = r.date()
	f.BirthDate = r.date()
	f.FeeNotices = r.events("f")
	f.EADApplications = r.events("e")
	f.AppealsFiled = r.events("a")
	f.Joined = r.date()
	return f
}

func FuzzCompute(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Add(slices.Repeat([]byte{0xff, 0x7f, 0x01}, 40))
	f.Add(slices.Repeat([]byte{0x2c, 0x4c}, 60)) // 29 Feb–ish dates
	rs := rules(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		facts := factsFrom(b)
		ds := Compute(rs, facts)
		// ComputeDates is the same without the texts.
		dates := ComputeDates(rs, facts)
		if len(dates) != len(ds) {
			t.Fatalf("ComputeDates gave %d deadlines, Compute %d", len(dates), len(ds))
		}
		for i, d := range ds {
			d.Working, d.Explanation = nil, Text{}
			if !reflect.DeepEqual(d, dates[i]) {
				t.Fatalf("ComputeDates %d: %+v, want Compute's without texts %+v", i, dates[i], d)
			}
		}
		// A person who joined later: no change of address before the day
		// they joined, and one on it per rule (more only when the
		// household recorded several moves that day, as for everyone).
		if facts.JoinedLater() {
			onJoined := map[string]int{}
			for _, d := range ds {
				if d.Trigger != TriggerAddressChange {
					continue
				}
				if d.TriggerDate.Before(facts.Joined) {
					t.Fatalf("%s: counted from %v, before they joined on %v", d.Key, d.TriggerDate, facts.Joined)
				}
				if d.TriggerDate == facts.Joined {
					onJoined[d.RuleID]++
				}
			}
			for _, id := range []string{"eoir33-change-of-address", "ar11-change-of-address"} {
				if onJoined[id] < 1 {
					t.Fatalf("%s: no deadline from the day they joined (%v)", id, facts.Joined)
				}
			}
		}
		keys := map[string]bool{}
		for i, d := range ds {
			if i > 0 {
				prev := ds[i-1]
				if !prev.Due.IsZero() && !d.Due.IsZero() && d.Due.Before(prev.Due) || prev.Due.IsZero() && !d.Due.IsZero() {
					t.Fatalf("not sorted: %v (%v) after %v (%v)", d.Key, d.Due, prev.Key, prev.Due)
				}
			}
			if keys[d.Key] {
				t.Fatalf("duplicate key %q", d.Key)
			}
			keys[d.Key] = true
			if d.Due.IsZero() != (d.NoDate != "") {
				t.Fatalf("%s: due %v with reason %q", d.Key, d.Due, d.NoDate)
			}
			if in(d.Explanation, English) == "" || in(d.Explanation, Spanish) == "" || in(d.Working, English) == "" || in(d.Working, Spanish) == "" {
				t.Fatalf("%s: empty explanation or working", d.Key)
			}
			if !d.Met.IsZero() && (d.MetBy == "" || d.Met.Before(d.windowStart())) {
				t.Fatalf("%s: met on %v by %q, before its window %v", d.Key, d.Met, d.MetBy, d.windowStart())
			}
			// Whatever today is, only a due-by date can be overdue or due.
			for _, today := range []Date{d.TriggerDate, d.Due, d.TriggerDate.AddDays(400)} {
				if today.IsZero() {
					continue
				}
				st := Assess(Input{Kind: d.Kind, Due: d.Due, Met: d.Met}, today)
				if st.State.Counts() != (d.Kind == DueBy && d.Met.IsZero() && !d.Due.IsZero()) {
					t.Fatalf("%s (%s) on %v: state %s", d.Key, d.Kind, today, st.State)
				}
				if st.Phrase().Key == "" {
					t.Fatalf("%s: no phrase for %s", d.Key, st.State)
				}
			}
			if d.Due.IsZero() {
				continue
			}
			if d.Backward() {
				if !d.Due.Before(d.TriggerDate) {
					t.Fatalf("%s: backward rule due %v not before trigger %v", d.Key, d.Due, d.TriggerDate)
				}
				continue
			}
			if d.Due.Before(d.TriggerDate) {
				t.Fatalf("%s: due %v before trigger %v", d.Key, d.Due, d.TriggerDate)
			}
			if d.Unrolled.After(d.Due) {
				t.Fatalf("%s: rolled back from %v to %v", d.Key, d.Unrolled, d.Due)
			}
			if d.Counting.Roll == NextBusinessDay && !IsBusinessDay(d.Due) {
				t.Fatalf("%s: rolled to %v, not a business day", d.Key, d.Due)
			}
			if d.Counting.Unit == ClockDays {
				want, paused := clockByHand(d.TriggerDate, d.Counting.Offset, facts.ClockPauses)
				if paused || want != d.Due {
					t.Fatalf("%s: clock got %v, reference %v (paused %v)", d.Key, d.Due, want, paused)
				}
			}
		}
	})
}
