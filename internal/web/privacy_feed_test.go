package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	ical "github.com/emersion/go-ical"
)

// pvFeed fetches a feed without cookies, as a calendar app does, and parses it.
func pvFeed(t *testing.T, e *testEnv, path string) (response, *ical.Calendar) {
	t.Helper()
	res := pvGet(t, e.client(), path, http.StatusOK)
	if ct := res.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/calendar") {
		t.Errorf("feed Content-Type: got %q, want text/calendar", ct)
	}
	cal, err := ical.NewDecoder(strings.NewReader(res.body)).Decode()
	if err != nil {
		t.Fatalf("parse feed: got %v, want nil; body %.500q", err, res.body)
	}
	return res, cal
}

// pvProps lists every property of a component and its children, as
// "NAME: value", with the value both as written and with its text escapes
// undone.
func pvProps(c *ical.Component) []string {
	unescape := strings.NewReplacer(`\,`, ",", `\;`, ";", `\\`, `\`, `\n`, "\n", `\N`, "\n")
	var out []string
	for name, props := range c.Props {
		for _, p := range props {
			out = append(out, name+": "+p.Value, name+": "+unescape.Replace(p.Value))
			for pn, pv := range p.Params {
				out = append(out, name+";"+pn+"="+strings.Join(pv, ","))
			}
		}
	}
	for _, ch := range c.Children {
		out = append(out, pvProps(ch)...)
	}
	return out
}

// pvSummaries lists the SUMMARY of every event.
func pvSummaries(t *testing.T, cal *ical.Calendar) []string {
	t.Helper()
	var out []string
	for _, ev := range cal.Events() {
		s, err := ev.Props.Text(ical.PropSummary)
		if err != nil {
			t.Fatalf("SUMMARY: %v", err)
		}
		out = append(out, s)
	}
	return out
}

// TestPrivacyFeedCarriesCaseCodesOnly: a calendar feed names cases by code,
// never by name, A-number or address; it stops working when revoked; and it
// only carries the cases of its owner's own groups.
func TestPrivacyFeedCarriesCaseCodesOnly(t *testing.T) {
	e := newEnv(t)
	pvFixClock(e)
	coord := e.signIn(emailAlphaCoord)
	const name = "Rosalinda Quintanilla Feedmarker"
	id := pvCreateCase(t, coord, url.Values{
		"status": {"arrived"}, "name": {name}, "anumber": {"A 564-738-291"},
		"address": {"88 Harbourview Avenue, Apt 3"}, "last_us_arrival": {"2026-02-10"}, "court": {"Feed Court"},
	})
	base := "/cases/" + id
	pvPost(t, coord, base+"/facts", url.Values{"kind": {"arrival"}, "date": {"2026-03-03"}}, http.StatusSeeOther)
	pvPost(t, coord, base+"/appointments", url.Values{"kind": {"master_hearing"}, "date": {"2026-03-20"}, "time": {"09:30"},
		"place": {"Courtroom 5"}}, http.StatusSeeOther)
	code := pvCaseCode(t, pvGet(t, coord, base, http.StatusOK).body)
	alphaCodes := []string{code, e.cases["alpha"].Code}

	feedPath, feedPage := pvNewFeed(t, e, coord)
	res, cal := pvFeed(t, e, feedPath)
	if cc := res.header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("feed Cache-Control: got %q, want no-store", cc)
	}

	// Every event is titled by one of alpha's case codes.
	sums := pvSummaries(t, cal)
	t.Logf("alpha coordinator's feed: %d events", len(sums))
	var ours []ical.Event
	for i, s := range sums {
		if !strings.HasPrefix(s, "PU-") {
			t.Errorf("SUMMARY %q: got no case code, want it to start with PU-", s)
		}
		if !strings.HasPrefix(s, alphaCodes[0]+": ") && !strings.HasPrefix(s, alphaCodes[1]+": ") {
			t.Errorf("SUMMARY %q: got a case that is not alpha's, want one of %q", s, alphaCodes)
		}
		if strings.HasPrefix(s, code+": ") {
			ours = append(ours, cal.Events()[i])
		}
	}
	// The new case is there: its hearing at 09:30 and its deadlines as all-day entries.
	var hearing, allDay int
	for _, ev := range ours {
		p := ev.Props.Get(ical.PropDateTimeStart)
		switch {
		case p == nil:
			t.Errorf("event without DTSTART")
		case p.Value == "20260320T093000":
			hearing++
		case p.Params.Get(ical.ParamValue) == "DATE":
			allDay++
		}
	}
	if hearing != 1 {
		t.Errorf("events of %s at 2026-03-20 09:30: got %d, want 1 (the hearing)", code, hearing)
	}
	if allDay == 0 {
		t.Errorf("all-day events of %s: got 0, want its deadlines", code)
	}

	// No property anywhere, nor the raw stream unfolded, holds the name, any
	// part of it, the A-number or the address (the seeded case's neither).
	forbidden := []string{name, "Rosalinda", "Quintanilla", "Feedmarker",
		"564738291", "564-738-291", "88 Harbourview Avenue", "Harbourview",
		"Principal alpha", "123456789", "1 alpha Street", "Facility alpha", "1990-01-02", "Court of alpha", "Feed Court", "Courtroom 5"}
	props := strings.Join(pvProps(cal.Component), "\n")
	if !strings.Contains(props, "SUMMARY: "+code) {
		t.Fatalf("parsed properties lack %q: the check below would prove nothing", "SUMMARY: "+code)
	}
	if found := pvFound(props, forbidden); len(found) > 0 {
		t.Errorf("feed properties: got %q, want none", found)
	}
	unfolded := strings.ReplaceAll(res.body, "\r\n ", "")
	if found := pvFound(unfolded, forbidden); len(found) > 0 {
		t.Errorf("feed stream: got %q, want none", found)
	}
	if found := pvFound(feedPage.body, forbidden); len(found) > 0 {
		t.Errorf("feed creation page: got %q, want none", found)
	}
	if found := pvFound(e.logs.String(), append([]string{feedPath[len("/calendar/"):]}, forbidden...)); len(found) > 0 {
		t.Errorf("server log: got %q, want neither the feed token nor case details", found)
	}

	// Revoked: the same address answers 404, with nothing of the calendar.
	m := pvRevokeRE.FindStringSubmatch(feedPage.body)
	if m == nil {
		t.Fatalf("calendar page lists no feed to revoke")
	}
	pvPost(t, coord, "/calendar/feeds/"+m[1]+"/revoke", url.Values{}, http.StatusSeeOther)
	gone := e.client().get(feedPath)
	if gone.status != http.StatusNotFound {
		t.Errorf("revoked feed: got %d, want 404", gone.status)
	}
	if strings.Contains(gone.body, "BEGIN:VCALENDAR") || strings.Contains(gone.body, code) {
		t.Errorf("revoked feed: got a calendar or the case code in the 404 body, want neither")
	}

	// Another group's coordinator gets only their own group's cases.
	for _, other := range []struct{ email, group string }{{emailBetaCoord, "beta"}, {emailGammaCoord, "gamma"}} {
		c := e.signIn(other.email)
		path, _ := pvNewFeed(t, e, c)
		res, cal := pvFeed(t, e, path)
		sums := pvSummaries(t, cal)
		t.Logf("%s coordinator's feed: %d events", other.group, len(sums))
		own := e.cases[other.group].Code
		n := 0
		for _, s := range sums {
			if strings.HasPrefix(s, own+": ") {
				n++
			}
			for _, ac := range alphaCodes {
				if strings.Contains(s, ac) {
					t.Errorf("%s feed: got alpha's case %s in SUMMARY %q, want only %s's cases", other.group, ac, s, other.group)
				}
			}
		}
		if n == 0 || n != len(sums) {
			t.Errorf("%s feed: got %d of %d events for its own case %s, want all of them (and at least one)", other.group, n, len(sums), own)
		}
		if found := pvFound(res.body, append(append([]string{}, alphaCodes...), forbidden...)); len(found) > 0 {
			t.Errorf("%s feed stream: got %q, want none of alpha's", other.group, found)
		}
	}
}
