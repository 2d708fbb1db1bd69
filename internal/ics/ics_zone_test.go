package ics_test

import (
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"

	"puente/internal/ics"
)

// TestWriteTimedEventCarriesItsZone: a hearing at 9:30 in Chicago is
// written as 09:30 with TZID=America/Chicago and a VTIMEZONE that defines
// it, so a reader anywhere gets the right instant; the bug was a
// floating DTSTART:20261215T093000 that Google showed hours off.
func TestWriteTimedEventCarriesItsZone(t *testing.T) {
	cases := []struct {
		zone, start string
		at          time.Time
	}{
		{"America/Chicago", "20261215T093000", time.Date(2026, 12, 15, 15, 30, 0, 0, time.UTC)},
		{"America/Chicago", "20260720T093000", time.Date(2026, 7, 20, 14, 30, 0, 0, time.UTC)},
		{"America/New_York", "20261215T000000", time.Date(2026, 12, 15, 5, 0, 0, 0, time.UTC)},
		{"Pacific/Honolulu", "20261215T235900", time.Date(2026, 12, 16, 9, 59, 0, 0, time.UTC)},
		{"America/Phoenix", "20260720T080000", time.Date(2026, 7, 20, 15, 0, 0, 0, time.UTC)},
	}
	var events []ics.Event
	for i, c := range cases {
		events = append(events, ics.Event{UID: "t" + string(rune('a'+i)) + "@puente", Start: c.at, Zone: c.zone,
			Summary: "PU-TTTTT: hearing"})
	}
	out := icsWrite(t, ics.Calendar{Name: "Puente", Now: icsStamp, Events: events})
	cal := icsParse(t, out)
	evs := icsEvents(t, cal, len(cases))
	for i, c := range cases {
		start := evs[i].Props.Get(ical.PropDateTimeStart)
		if start == nil {
			t.Fatalf("%s %s: no DTSTART", c.zone, c.start)
		}
		if got := start.Value; got != c.start {
			t.Errorf("%s DTSTART: got %q, want the place's local time %q", c.zone, got, c.start)
		}
		if got := start.Params.Get(ical.ParamTimezoneID); got != c.zone {
			t.Errorf("%s DTSTART TZID: got %q, want %q", c.zone, got, c.zone)
		}
		// Read by a parser in another zone, it is the same instant.
		got, err := evs[i].DateTimeStart(time.UTC)
		if err != nil || !got.Equal(c.at) {
			t.Errorf("%s %s start: got %v (%v), want %v", c.zone, c.start, got, err, c.at)
		}
		end, err := evs[i].DateTimeEnd(time.UTC)
		if err != nil || end.Sub(got) != time.Hour {
			t.Errorf("%s %s: end - start: got %v (%v), want 1h", c.zone, c.start, end.Sub(got), err)
		}
	}
	// One VTIMEZONE per zone used, each with the offsets a reader needs.
	zones := map[string]*ical.Component{}
	for _, ch := range cal.Children {
		if ch.Name == ical.CompTimezone {
			id, _ := ch.Props.Text(ical.PropTimezoneID)
			zones[id] = ch
		}
	}
	if len(zones) != 4 {
		t.Errorf("VTIMEZONEs: got %d, want 4 (Chicago, New York, Honolulu, Phoenix)", len(zones))
	}
	offsets := func(id string) map[string]bool {
		m := map[string]bool{}
		z := zones[id]
		if z == nil {
			t.Fatalf("no VTIMEZONE %s", id)
		}
		for _, o := range z.Children {
			if to := o.Props.Get(ical.PropTimezoneOffsetTo); to != nil {
				m[o.Name+" "+to.Value] = true
			}
		}
		return m
	}
	if o := offsets("America/Chicago"); !o["STANDARD -0600"] || !o["DAYLIGHT -0500"] {
		t.Errorf("VTIMEZONE America/Chicago observances: got %v, want STANDARD -0600 and DAYLIGHT -0500", o)
	}
	if o := offsets("America/Phoenix"); len(o) != 1 || !o["STANDARD -0700"] {
		t.Errorf("VTIMEZONE America/Phoenix observances: got %v, want only STANDARD -0700", o)
	}
	if !strings.Contains(out, "\r\nDTSTART;TZID=America/Chicago:20261215T093000\r\n") {
		t.Errorf("raw stream lacks %q", "DTSTART;TZID=America/Chicago:20261215T093000")
	}
}

// TestWriteTimedEventInUTC: without a zone a timed entry is written in UTC.
func TestWriteTimedEventInUTC(t *testing.T) {
	at := time.Date(2026, 3, 20, 13, 30, 0, 0, time.UTC)
	out := icsWrite(t, ics.Calendar{Name: "Puente", Now: icsStamp, Events: []ics.Event{{UID: "u@puente", Start: at, Summary: "x"}}})
	ev := icsEvents(t, icsParse(t, out), 1)[0]
	if got := ev.Props.Get(ical.PropDateTimeStart).Value; got != "20260320T133000Z" {
		t.Errorf("DTSTART: got %q, want 20260320T133000Z", got)
	}
	if strings.Contains(out, "BEGIN:VTIMEZONE") {
		t.Errorf("a calendar without zoned entries has a VTIMEZONE")
	}
}

// TestVTimezoneTransitionsAreExact: each DAYLIGHT/STANDARD onset is the
// local wall time of the change by the previous offset (RFC 5545 3.6.5):
// 2 a.m. on 8 Mar 2026 and 2 a.m. on 1 Nov 2026 in New York.
func TestVTimezoneTransitionsAreExact(t *testing.T) {
	at := time.Date(2026, 6, 1, 13, 0, 0, 0, time.UTC)
	out := icsWrite(t, ics.Calendar{Name: "Puente", Now: icsStamp, Events: []ics.Event{{UID: "v@puente", Start: at, Zone: "America/New_York", Summary: "x"}}})
	for _, want := range []string{
		"BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\nEND:DAYLIGHT",
		"BEGIN:STANDARD\r\nDTSTART:20261101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST\r\nEND:STANDARD",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("VTIMEZONE lacks %q", want)
		}
	}
}
