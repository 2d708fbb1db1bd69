// Package ics writes iCalendar (RFC 5545) feeds: just the parts Puente
// needs (all-day and timed events), with the escaping and line folding
// calendar apps require.
package ics

import (
	"bufio"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Event is one calendar entry. Time is "HH:MM" local to the court or
// office ("floating" in iCalendar terms), or "" for an all-day entry.
type Event struct {
	UID         string
	Date        time.Time // the day; only year, month and day are used
	Time        string
	Summary     string
	Description string
	URL         string
}

// Calendar is a feed.
type Calendar struct {
	Name   string
	Events []Event
	Now    time.Time // DTSTAMP of every event
}

// Write writes c as an iCalendar stream with CRLF line ends.
func Write(w io.Writer, c Calendar) error {
	bw := bufio.NewWriter(w)
	line := func(s string) { writeFolded(bw, s) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//Puente//Case calendar//EN")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	line("X-WR-CALNAME:" + escape(c.Name))
	stamp := c.Now.UTC().Format("20060102T150405Z")
	for _, e := range c.Events {
		line("BEGIN:VEVENT")
		line("UID:" + escape(e.UID))
		line("DTSTAMP:" + stamp)
		day := e.Date.Format("20060102")
		if t, err := time.Parse("15:04", e.Time); err == nil && e.Time != "" {
			line("DTSTART:" + day + "T" + t.Format("150405"))
			line("DURATION:PT1H")
		} else {
			line("DTSTART;VALUE=DATE:" + day)
			line("DTEND;VALUE=DATE:" + e.Date.AddDate(0, 0, 1).Format("20060102"))
		}
		line("SUMMARY:" + escape(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION:" + escape(e.Description))
		}
		if e.URL != "" {
			line("URL:" + e.URL)
		}
		line("TRANSP:TRANSPARENT")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return bw.Flush()
}

// escape applies RFC 5545 text escaping.
func escape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `;`, `\;`, `,`, `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)
	return r.Replace(s)
}

// writeFolded writes one content line, folded so that no line is longer
// than 75 octets, never splitting a UTF-8 character.
func writeFolded(w *bufio.Writer, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}
