// Package ics writes Puente's calendar feeds (RFC 5545) with
// github.com/arran4/golang-ical, a maintained iCalendar library, instead of
// a writer of our own: all-day deadlines as VALUE=DATE, timed appointments
// at their place's local time with a TZID and the VTIMEZONE that defines
// it, so that calendar apps show a 9:30 hearing at 9:30 where the court is.
package ics

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	ical "github.com/arran4/golang-ical"

	"puente/internal/tz"
)

// Event is one calendar entry: all-day on Date when Start is zero, else
// timed from Start for Duration (one hour when zero), shown in Zone.
type Event struct {
	UID string
	// Date is the day of an all-day entry; only year, month and day count.
	Date time.Time
	// Start is the instant a timed entry begins.
	Start time.Time
	// Zone is the IANA zone a timed entry is written in (with a TZID and a
	// VTIMEZONE); "" writes it in UTC.
	Zone        string
	Duration    time.Duration
	Summary     string
	Description string
	URL         string
}

// Calendar is a feed.
type Calendar struct {
	Name        string
	Description string // what the feed covers, for apps that show it
	Events      []Event
	Now         time.Time // DTSTAMP of every event
}

const (
	localLayout = "20060102T150405"
	dateLayout  = "20060102"
)

// Write writes c as an iCalendar stream with CRLF line ends and lines
// folded at 75 octets.
func Write(w io.Writer, c Calendar) error {
	cal := ical.NewCalendarFor("Puente")
	cal.SetProductId("-//Puente//Case calendar//EN")
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ical.MethodPublish)
	cal.SetXWRCalName(clean(c.Name))
	cal.SetName(clean(c.Name))
	if c.Description != "" {
		cal.SetXWRCalDesc(clean(c.Description))
		cal.SetDescription(clean(c.Description))
	}
	for _, z := range timezones(c.Events) {
		cal.AddVTimezone(z)
	}
	stamp := c.Now.UTC()
	for _, e := range c.Events {
		ev := cal.AddEvent(clean(e.UID))
		ev.SetDtStampTime(stamp)
		if e.Start.IsZero() {
			ev.SetAllDayStartAt(e.Date)
			ev.SetAllDayEndAt(e.Date.AddDate(0, 0, 1))
		} else {
			d := e.Duration
			if d <= 0 {
				d = time.Hour
			}
			if e.Zone == "" {
				ev.SetStartAt(e.Start)
				ev.SetEndAt(e.Start.Add(d))
			} else {
				loc := tz.Location(e.Zone)
				ev.SetProperty(ical.ComponentPropertyDtStart, e.Start.In(loc).Format(localLayout), ical.WithTZID(e.Zone))
				ev.SetProperty(ical.ComponentPropertyDtEnd, e.Start.Add(d).In(loc).Format(localLayout), ical.WithTZID(e.Zone))
			}
		}
		ev.SetSummary(clean(e.Summary))
		if e.Description != "" {
			ev.SetDescription(clean(e.Description))
		}
		if e.URL != "" {
			ev.SetURL(e.URL)
		}
		ev.SetProperty(ical.ComponentPropertyTransp, "TRANSPARENT")
	}
	return cal.SerializeTo(w, ical.WithNewLineWindows)
}

// clean turns carriage returns into line breaks: the library escapes "\n"
// in text but would pass a bare CR into the stream.
func clean(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// timezones builds one VTIMEZONE per zone the timed events use, with every
// offset change from a year before the first event to a year after the
// last, read from the embedded zone database.
func timezones(events []Event) []*ical.VTimezone {
	type span struct{ from, to time.Time }
	spans := map[string]span{}
	for _, e := range events {
		if e.Start.IsZero() || e.Zone == "" {
			continue
		}
		sp, ok := spans[e.Zone]
		if !ok || e.Start.Before(sp.from) {
			sp.from = e.Start
		}
		if !ok || e.Start.After(sp.to) {
			sp.to = e.Start
		}
		spans[e.Zone] = sp
	}
	names := make([]string, 0, len(spans))
	for n := range spans {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []*ical.VTimezone
	for _, n := range names {
		sp := spans[n]
		out = append(out, vtimezone(n, sp.from.AddDate(-1, 0, 0), sp.to.AddDate(1, 0, 0)))
	}
	return out
}

// vtimezone describes zone name between from and to: the offset in force
// at from, then one observance per change.
func vtimezone(name string, from, to time.Time) *ical.VTimezone {
	loc := tz.Location(name)
	vt := ical.NewTimezone(name)
	_, off := from.In(loc).Zone()
	vt.Components = append(vt.Components, observance(from.In(loc), off))
	for t := from; t.Before(to); {
		next := t.Add(24 * time.Hour)
		if _, o := next.In(loc).Zone(); o != off {
			// The change is within this day: narrow it to the second.
			lo, hi := t, next
			for hi.Sub(lo) > time.Second {
				mid := lo.Add(hi.Sub(lo) / 2)
				if _, o := mid.In(loc).Zone(); o == off {
					lo = mid
				} else {
					hi = mid
				}
			}
			vt.Components = append(vt.Components, observance(hi.In(loc), off))
			_, off = hi.In(loc).Zone()
			next = hi
		}
		t = next
	}
	return vt
}

// observance is a STANDARD or DAYLIGHT block for the offset that starts at
// onset (a time in the zone), coming from offset prev (seconds east of
// UTC). Its DTSTART is the onset in local time by the previous offset, as
// RFC 5545 3.6.5 asks.
func observance(onset time.Time, prev int) ical.Component {
	abbr, off := onset.Zone()
	base := ical.ComponentBase{}
	base.SetProperty(ical.ComponentPropertyDtStart, onset.UTC().Add(time.Duration(prev)*time.Second).Format(localLayout))
	base.SetProperty(ical.ComponentProperty(ical.PropertyTzoffsetfrom), utcOffset(prev))
	base.SetProperty(ical.ComponentProperty(ical.PropertyTzoffsetto), utcOffset(off))
	if abbr != "" {
		base.SetProperty(ical.ComponentProperty(ical.PropertyTzname), abbr)
	}
	if onset.IsDST() {
		return &ical.Daylight{ComponentBase: base}
	}
	return &ical.Standard{ComponentBase: base}
}

// utcOffset writes seconds east of UTC as RFC 5545's UTC-OFFSET: "-0500",
// "+0530", "+003000" when there are seconds.
func utcOffset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	s := fmt.Sprintf("%c%02d%02d", sign, sec/3600, sec%3600/60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}
