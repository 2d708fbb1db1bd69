package ics_test

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"

	"puente/internal/ics"
)

// icsStamp is the DTSTAMP of every test calendar.
var icsStamp = time.Date(2026, 3, 4, 12, 30, 15, 0, time.UTC)

// icsLongSpanish is a summary far longer than one line, full of two-byte
// characters, so that a fold lands next to (and, if done by byte count
// alone, inside) a multi-byte character at several offsets.
const icsLongSpanish = "PU-7K3QX: Audiencia en la Corte de Inmigración — señora Peña, " +
	"niño José María, acción diferida, petición de asilo, revisión del caso, " +
	"información adicional, ¿dónde está el expediente? ¡Atención! " +
	"Ñandú, pingüino, corazón, canción, camión, acá, allá, también, además"

func icsWrite(t *testing.T, c ics.Calendar) string {
	t.Helper()
	var buf bytes.Buffer
	if err := ics.Write(&buf, c); err != nil {
		t.Fatalf("Write: got %v, want nil", err)
	}
	return buf.String()
}

func icsParse(t *testing.T, out string) *ical.Calendar {
	t.Helper()
	cal, err := ical.NewDecoder(strings.NewReader(out)).Decode()
	if err != nil {
		t.Fatalf("go-ical Decode: got %v, want nil; stream:\n%s", err, out)
	}
	return cal
}

// icsLines splits the stream into physical lines, failing unless every
// line ends with CRLF and no bare CR or LF appears anywhere.
func icsLines(t *testing.T, out string) []string {
	t.Helper()
	if !strings.HasSuffix(out, "\r\n") {
		t.Fatalf("stream ends with %q, want CRLF", out[max(0, len(out)-10):])
	}
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d = %q holds a bare CR or LF, want every line to end in CRLF", i+1, l)
		}
	}
	return lines
}

func icsEvents(t *testing.T, cal *ical.Calendar, want int) []ical.Event {
	t.Helper()
	evs := cal.Events()
	if len(evs) != want {
		t.Fatalf("events: got %d, want %d", len(evs), want)
	}
	return evs
}

func icsText(t *testing.T, ev ical.Event, name string) string {
	t.Helper()
	p := ev.Props.Get(name)
	if p == nil {
		t.Fatalf("event has no %s property", name)
	}
	s, err := p.Text()
	if err != nil {
		t.Fatalf("%s as text: got %v, want nil", name, err)
	}
	return s
}

func TestWriteParsesWithGoICal(t *testing.T) {
	out := icsWrite(t, ics.Calendar{Name: "Puente", Now: icsStamp, Events: []ics.Event{
		{UID: "a1@puente", Date: time.Date(2026, 3, 8, 0, 0, 0, 0, time.UTC), Summary: "PU-AAAAA: EOIR-33",
			Description: "Confirm with the lawyer.", URL: "http://127.0.0.1:8080/cases/0123456789abcdef0123456789abcdef"},
		{UID: "b2@puente", Start: time.Date(2026, 3, 20, 13, 30, 0, 0, time.UTC), Zone: "America/New_York", Summary: "PU-BBBBB: Master hearing"},
	}})
	cal := icsParse(t, out)
	if got := cal.Name; got != ical.CompCalendar {
		t.Errorf("top component: got %q, want %q", got, ical.CompCalendar)
	}
	if got, err := cal.Props.Text(ical.PropVersion); err != nil || got != "2.0" {
		t.Errorf("VERSION: got %q (%v), want 2.0", got, err)
	}
	if got, err := cal.Props.Text("X-WR-CALNAME"); err != nil || got != "Puente" {
		t.Errorf("X-WR-CALNAME: got %q (%v), want Puente", got, err)
	}
	if p := cal.Props.Get(ical.PropProductID); p == nil || p.Value == "" {
		t.Errorf("PRODID: got %v, want a value", p)
	}
	evs := icsEvents(t, cal, 2)
	for i, want := range []struct{ uid, summary string }{{"a1@puente", "PU-AAAAA: EOIR-33"}, {"b2@puente", "PU-BBBBB: Master hearing"}} {
		if got := icsText(t, evs[i], ical.PropUID); got != want.uid {
			t.Errorf("event %d UID: got %q, want %q", i, got, want.uid)
		}
		if got := icsText(t, evs[i], ical.PropSummary); got != want.summary {
			t.Errorf("event %d SUMMARY: got %q, want %q", i, got, want.summary)
		}
		stamp, err := evs[i].Props.DateTime(ical.PropDateTimeStamp, nil)
		if err != nil || !stamp.Equal(icsStamp) {
			t.Errorf("event %d DTSTAMP: got %v (%v), want %v", i, stamp, err, icsStamp)
		}
	}
	if got := icsText(t, evs[0], ical.PropDescription); got != "Confirm with the lawyer." {
		t.Errorf("DESCRIPTION: got %q, want %q", got, "Confirm with the lawyer.")
	}
	u, err := evs[0].Props.URI(ical.PropURL)
	if err != nil || u == nil || u.Path != "/cases/0123456789abcdef0123456789abcdef" {
		t.Errorf("URL: got %v (%v), want path /cases/0123456789abcdef0123456789abcdef", u, err)
	}
	if p := evs[1].Props.Get(ical.PropDescription); p != nil {
		t.Errorf("DESCRIPTION of an event without one: got %q, want none", p.Value)
	}
}

func TestWriteLinesCRLFAndAtMost75Octets(t *testing.T) {
	long := strings.Repeat("abcdefghij", 30) // 300 ASCII octets
	out := icsWrite(t, ics.Calendar{Name: "Puente " + long, Now: icsStamp, Events: []ics.Event{
		{UID: "x@puente", Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Summary: long, Description: icsLongSpanish,
			URL: "http://example.org/" + long},
		{UID: "y@puente", Start: time.Date(2026, 1, 3, 17, 45, 0, 0, time.UTC), Summary: icsLongSpanish},
	}})
	lines := icsLines(t, out)
	folded := 0
	for i, l := range lines {
		if len(l) > 75 {
			t.Errorf("line %d: got %d octets, want at most 75: %q", i+1, len(l), l)
		}
		if strings.HasPrefix(l, " ") {
			folded++
		}
	}
	// 300 octets need at least four physical lines: three continuations.
	if folded < 3*4 {
		t.Errorf("continuation lines: got %d, want at least 12 (five long values were written)", folded)
	}
	cal := icsParse(t, out)
	if got, err := cal.Props.Text("X-WR-CALNAME"); err != nil || got != "Puente "+long {
		t.Errorf("X-WR-CALNAME after unfolding: got %q (%v), want %q", got, err, "Puente "+long)
	}
	evs := icsEvents(t, cal, 2)
	if got := icsText(t, evs[0], ical.PropSummary); got != long {
		t.Errorf("SUMMARY after unfolding: got %q, want %q", got, long)
	}
	if u, err := evs[0].Props.URI(ical.PropURL); err != nil || u.String() != "http://example.org/"+long {
		t.Errorf("URL after unfolding: got %v (%v), want %q", u, err, "http://example.org/"+long)
	}
}

func TestWriteFoldingKeepsUTF8Whole(t *testing.T) {
	// Shift the text by 0..3 ASCII octets so that folds fall at every
	// position relative to the two- and three-byte characters.
	for shift := 0; shift < 4; shift++ {
		summary := strings.Repeat("x", shift) + icsLongSpanish
		out := icsWrite(t, ics.Calendar{Name: "Puente", Now: icsStamp, Events: []ics.Event{
			{UID: "u@puente", Date: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), Summary: summary, Description: summary},
		}})
		for i, l := range icsLines(t, out) {
			if len(l) > 75 {
				t.Errorf("shift %d line %d: got %d octets, want at most 75", shift, i+1, len(l))
			}
			if !utf8.ValidString(l) {
				t.Errorf("shift %d line %d: got invalid UTF-8 %q, want folds between characters", shift, i+1, l)
			}
		}
		ev := icsEvents(t, icsParse(t, out), 1)[0]
		if got := icsText(t, ev, ical.PropSummary); got != summary {
			t.Errorf("shift %d SUMMARY round trip: got %q, want %q", shift, got, summary)
		}
		if got := icsText(t, ev, ical.PropDescription); got != summary {
			t.Errorf("shift %d DESCRIPTION round trip: got %q, want %q", shift, got, summary)
		}
	}
}

func TestWriteEscapingRoundTrips(t *testing.T) {
	cases := []struct{ in, want string }{
		{`a,b`, `a,b`},
		{`a;b`, `a;b`},
		{`back\slash`, `back\slash`},
		{`\,;\\`, `\,;\\`},
		{"line one\nline two", "line one\nline two"},
		{"crlf\r\nnext", "crlf\nnext"},
		{"cr\rnext", "cr\nnext"},
		{"Juárez, Ciudad; \"Sala 3\"\\B\n¿mañana?", "Juárez, Ciudad; \"Sala 3\"\\B\n¿mañana?"},
	}
	var events []ics.Event
	for i, c := range cases {
		events = append(events, ics.Event{UID: "e" + string(rune('a'+i)) + ",;\\@puente",
			Date: time.Date(2026, 6, 1+i, 0, 0, 0, 0, time.UTC), Summary: c.in, Description: c.in})
	}
	out := icsWrite(t, ics.Calendar{Name: "Puente, a; b\\c", Now: icsStamp, Events: events})
	icsLines(t, out) // a raw newline in a value would break a line here
	cal := icsParse(t, out)
	if got, err := cal.Props.Text("X-WR-CALNAME"); err != nil || got != "Puente, a; b\\c" {
		t.Errorf("X-WR-CALNAME: got %q (%v), want %q", got, err, "Puente, a; b\\c")
	}
	evs := icsEvents(t, cal, len(cases))
	for i, c := range cases {
		if got := icsText(t, evs[i], ical.PropSummary); got != c.want {
			t.Errorf("SUMMARY of %q: got %q, want %q", c.in, got, c.want)
		}
		if got := icsText(t, evs[i], ical.PropDescription); got != c.want {
			t.Errorf("DESCRIPTION of %q: got %q, want %q", c.in, got, c.want)
		}
		// An unescaped comma would make the value a list of several texts.
		l, err := evs[i].Props.Get(ical.PropSummary).TextList()
		if err != nil || len(l) != 1 {
			t.Errorf("SUMMARY of %q as a text list: got %q (%v), want one element", c.in, l, err)
		}
		wantUID := "e" + string(rune('a'+i)) + ",;\\@puente"
		if got := icsText(t, evs[i], ical.PropUID); got != wantUID {
			t.Errorf("UID: got %q, want %q", got, wantUID)
		}
	}
}

func TestWriteAllDayEvent(t *testing.T) {
	days := []struct {
		day      time.Time
		start    string
		nextDay  string
		location string
	}{
		{time.Date(2026, 3, 8, 0, 0, 0, 0, time.UTC), "20260308", "20260309", "UTC"},
		{time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), "20261231", "20270101", "UTC"},
		{time.Date(2028, 2, 28, 0, 0, 0, 0, time.UTC), "20280228", "20280229", "UTC"},
		{time.Date(2027, 2, 28, 0, 0, 0, 0, time.UTC), "20270228", "20270301", "UTC"},
		{time.Date(2026, 1, 31, 0, 0, 0, 0, time.FixedZone("EST", -5*3600)), "20260131", "20260201", "EST"},
	}
	var events []ics.Event
	for i, d := range days {
		events = append(events, ics.Event{UID: "d" + string(rune('a'+i)) + "@puente", Date: d.day, Summary: "PU-DDDDD: due"})
	}
	out := icsWrite(t, ics.Calendar{Name: "Puente", Now: icsStamp, Events: events})
	evs := icsEvents(t, icsParse(t, out), len(days))
	for i, d := range days {
		start := evs[i].Props.Get(ical.PropDateTimeStart)
		if start == nil {
			t.Fatalf("%s: no DTSTART", d.start)
		}
		if got := start.Params.Get(ical.ParamValue); got != "DATE" {
			t.Errorf("%s DTSTART VALUE: got %q, want DATE", d.start, got)
		}
		if got := start.Value; got != d.start {
			t.Errorf("%s (%s) DTSTART: got %q, want %q", d.start, d.location, got, d.start)
		}
		end := evs[i].Props.Get(ical.PropDateTimeEnd)
		if end == nil {
			t.Fatalf("%s: no DTEND", d.start)
		}
		if got := end.Params.Get(ical.ParamValue); got != "DATE" {
			t.Errorf("%s DTEND VALUE: got %q, want DATE", d.start, got)
		}
		if got := end.Value; got != d.nextDay {
			t.Errorf("%s DTEND: got %q, want %q", d.start, got, d.nextDay)
		}
		s, err1 := evs[i].DateTimeStart(time.UTC)
		e, err2 := evs[i].DateTimeEnd(time.UTC)
		if err1 != nil || err2 != nil || e.Sub(s) != 24*time.Hour {
			t.Errorf("%s: end - start: got %v (%v, %v), want 24h", d.start, e.Sub(s), err1, err2)
		}
		if p := evs[i].Props.Get(ical.PropDuration); p != nil {
			t.Errorf("%s: all-day event has DURATION %q, want none (DTEND instead)", d.start, p.Value)
		}
	}
	// The raw form too: DATE values exactly as RFC 5545 spells them.
	if !strings.Contains(out, "\r\nDTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n") {
		t.Errorf("raw stream lacks %q", "DTSTART;VALUE=DATE:20261231 / DTEND;VALUE=DATE:20270101")
	}
}

func TestWriteEmptyCalendar(t *testing.T) {
	out := icsWrite(t, ics.Calendar{Name: "Puente", Now: icsStamp})
	icsLines(t, out)
	cal := icsParse(t, out)
	if n := len(cal.Events()); n != 0 {
		t.Errorf("events: got %d, want 0", n)
	}
	if !strings.HasPrefix(out, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(out, "END:VCALENDAR\r\n") {
		t.Errorf("stream: got %q, want BEGIN:VCALENDAR … END:VCALENDAR", out)
	}
}
