// Package tz is Puente's one place for time zones: which IANA zones a
// person may choose, the zone database itself (embedded, so the binary
// works on a machine without /usr/share/zoneinfo), and the conversions
// between an organisation's or a place's local day and time and an
// instant. It is pure: no HTTP, no SQL.
//
// Why zones matter: "today", "overdue" and "due in 3 days" are counted in
// the organisation's time zone (DOMAIN.md, "Days are the organisation's
// days"), and a hearing at 9:30 is 9:30 where the court is.
//
// zones_all.go is generated from tzdata's zone.tab:
//
//	grep -v '^#' /usr/share/zoneinfo/zone.tab | awk -F'\t' '{print $3}' | sort -u
package tz

import (
	"strings"
	"sync"
	"time"

	// The zone database inside the binary: time.LoadLocation falls back to
	// it when the machine has no zoneinfo (a minimal container).
	_ "time/tzdata"
)

// Default is the zone of an organisation that has not chosen one: those
// created before zones existed (migration 003). Eastern time is the
// earliest of the contiguous US zones, so a deadline there turns overdue
// no later than it would anywhere on the mainland: the safe side.
const Default = "America/New_York"

// US are the zones of the United States and its territories, east to west.
// Every zone select lists them first; an appointment's place (an
// immigration court, an ICE office, a USCIS support centre) is in one of
// them.
var US = []string{
	"America/Puerto_Rico",
	"America/New_York",
	"America/Chicago",
	"America/Denver",
	"America/Phoenix",
	"America/Los_Angeles",
	"America/Anchorage",
	"Pacific/Honolulu",
	"Pacific/Guam",
	"Pacific/Pago_Pago",
}

// All returns every selectable zone name, sorted (a copy).
func All() []string { return append([]string(nil), all...) }

var valid = func() map[string]bool {
	m := make(map[string]bool, len(all)+len(US))
	for _, z := range all {
		m[z] = true
	}
	for _, z := range US {
		m[z] = true
	}
	return m
}()

// Valid reports whether name is a zone a person may choose.
func Valid(name string) bool { return valid[name] }

// IsUS reports whether name is one of the US zones.
func IsUS(name string) bool {
	for _, z := range US {
		if z == name {
			return true
		}
	}
	return false
}

var cache sync.Map // zone name → *time.Location

// Location returns the zone called name. A name that is not a valid
// choice (a damaged row) gives Default's zone rather than UTC, so a day is
// never silently counted in UTC.
func Location(name string) *time.Location {
	if !Valid(name) {
		name = Default
	}
	if l, ok := cache.Load(name); ok {
		return l.(*time.Location)
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		// Unreachable with time/tzdata embedded; TestEveryZoneLoads checks.
		panic("tz: zone " + name + " does not load: " + err.Error())
	}
	cache.Store(name, l)
	return l
}

// Today is the day it is at now in zone name, as YYYY-MM-DD.
func Today(now time.Time, name string) string {
	return now.In(Location(name)).Format(time.DateOnly)
}

// Instant is the moment of day (YYYY-MM-DD) at hhmm ("HH:MM") in zone
// name; an empty hhmm means the start of that day. A local time that a
// daylight-saving change skips (02:30 on the March change in New York) is
// taken as the earlier of its two possible readings (01:30 EST): nobody
// arrives late because of it.
func Instant(day, hhmm, name string) (time.Time, error) {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return time.Time{}, err
	}
	h, m := 0, 0
	if hhmm != "" {
		t, err := time.Parse("15:04", hhmm)
		if err != nil {
			return time.Time{}, err
		}
		h, m = t.Hour(), t.Minute()
	}
	loc := Location(name)
	t := time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, loc)
	if t.Hour() == h && t.Minute() == m {
		return t, nil
	}
	// In a gap time.Date's choice is not guaranteed: take the earlier
	// reading, with the offset in force a day after.
	naive := time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, time.UTC)
	_, before := naive.Add(-24 * time.Hour).In(loc).Zone()
	_, after := naive.Add(24 * time.Hour).In(loc).Zone()
	a := naive.Add(-time.Duration(before) * time.Second)
	b := naive.Add(-time.Duration(after) * time.Second)
	if b.Before(a) {
		a = b
	}
	return a.In(loc), nil
}

// Abbrev is how a page names zone name at moment t: its abbreviation
// ("EST", "CDT", "HST"), or the zone's city ("Sao Paulo") where tzdata has
// only a numeric one ("-03"), because a page never says "UTC".
func Abbrev(t time.Time, name string) string {
	abbr, _ := t.In(Location(name)).Zone()
	if abbr != "" && (abbr[0] >= 'A' && abbr[0] <= 'Z') && abbr != "UTC" && abbr != "GMT" {
		return abbr
	}
	return City(name)
}

// City is the last part of a zone name, readable: "America/Argentina/
// Buenos_Aires" → "Buenos Aires".
func City(name string) string {
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	return strings.ReplaceAll(name, "_", " ")
}

// Label is a zone name as a select lists it: "America/Argentina/Buenos
// Aires".
func Label(name string) string { return strings.ReplaceAll(name, "_", " ") }
