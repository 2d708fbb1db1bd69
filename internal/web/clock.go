package web

import (
	"net/http"
	"time"

	"puente/internal/deadline"
	"puente/internal/i18n"
	"puente/internal/tz"
)

// The clock. Server.now is the one source of the present for every page
// and feed (tests set it); every "today", state and window below comes from
// it, counted in an organisation's own time zone, never in UTC: in New York
// an EOIR-33 due 15 Mar is not overdue at 20:01 on 15 Mar, which is already
// 16 Mar in UTC.

// today is the day it is now in zone (an organisation's), as YYYY-MM-DD.
func (s *Server) today(zone string) string { return tz.Today(s.now(), zone) }

// todayDate is today(zone) as a deadline date.
func (s *Server) todayDate(zone string) deadline.Date { return parseDay(s.today(zone)) }

// dayStart is the instant today began in zone: appointments from then on
// are "upcoming" (a hearing this morning still shows today).
func (s *Server) dayStart(zone string) time.Time {
	t, _ := tz.Instant(s.today(zone), "", zone)
	return t
}

// daysFrom is the day n days after today in zone (n may be negative).
func (s *Server) daysFrom(zone string, n int) string {
	return s.todayDate(zone).AddDays(n).String()
}

// viewerZone is the zone a page's moments are shown in: the organisation
// the page is about (a case's group, an organisation in the URL), else the
// organisation the viewer is working in, else tz.Default.
func viewerZone(r *http.Request) string {
	if o := orgFrom(r); o.ID != "" && o.TimeZone != "" {
		return o.TimeZone
	}
	if v := viewerFrom(r); v != nil && v.Current.OrgTimeZone != "" {
		return v.Current.OrgTimeZone
	}
	return tz.Default
}

// appointmentDay is the day an appointment (on day at hhmm, starting at
// instant at) falls on in the organisation's zone, for its state: a timed
// one by its instant, a day without a time by its own date.
func appointmentDay(day, hhmm string, at time.Time, zone string) deadline.Date {
	if hhmm == "" || at.IsZero() {
		return parseDay(day)
	}
	return parseDay(at.In(tz.Location(zone)).Format(time.DateOnly))
}

// placeTime is how a page shows an appointment's time: the local time at
// the place on the 12-hour clock of lang, followed by the place's zone
// ("9:30 AM (CST)", "9:30 a. m. (hora del Centro)") when it is not the
// organisation's own: a hearing at 9:30 is 9:30 where the court is. "" for
// an appointment without a time.
func placeTime(lang i18n.Lang, hhmm, zone string, at time.Time, orgZone string) string {
	w := lang.ClockHHMM(hhmm)
	if w == "" || zone == "" || zone == orgZone {
		return w
	}
	pa, po := at.In(tz.Location(zone)).Zone()
	oa, oo := at.In(tz.Location(orgZone)).Zone()
	if pa == oa && po == oo {
		return w // another name for the same clock (Detroit and New York)
	}
	return w + " (" + zoneShort(lang, at, zone) + ")"
}

// zoneShort names a place's zone after a time. A language's message file
// says how (tz.style): English uses the US abbreviation ("CST"); Spanish
// says the zone in words ("hora del Centro", "hora de Boise"), since "CST"
// is English (issue 15: no English on a Spanish page).
func zoneShort(lang i18n.Lang, at time.Time, zone string) string {
	if lang.T("tz.style") != "words" {
		return tz.Abbrev(at, zone)
	}
	if tz.IsUS(zone) {
		return lang.T("tz.short." + zone)
	}
	return lang.T("tz.short.city", tz.City(zone))
}

// placeISO is an appointment's moment for a <time datetime> attribute: the
// local time with the place's offset, or the day alone without a time.
func placeISO(day, hhmm, zone string, at time.Time) string {
	if hhmm == "" || at.IsZero() {
		return day
	}
	return at.In(tz.Location(zone)).Format(time.RFC3339)
}
