package web

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"

	"puente/internal/auth"
	"puente/internal/deadline"
	"puente/internal/i18n"
	"puente/internal/model"
	"puente/internal/store"
)

// tmFeed creates a feed as c (sending header, if any) and returns its path.
func tmFeed(t *testing.T, e *testEnv, c *client, header http.Header) string {
	t.Helper()
	res := c.postRaw("/calendar/feeds", "", header)
	if res.status != http.StatusOK {
		t.Fatalf("create feed: got %d, want 200", res.status)
	}
	m := pvFeedLinkRE.FindStringSubmatch(res.body)
	if m == nil {
		t.Fatalf("feed page has no link")
	}
	return strings.TrimPrefix(html.UnescapeString(m[1]), e.ts.URL)
}

// tmEvents is the feed's events whose SUMMARY starts with code.
func tmEvents(t *testing.T, cal *ical.Calendar, code string) map[string]ical.Event {
	t.Helper()
	out := map[string]ical.Event{}
	for _, ev := range cal.Events() {
		s, err := ev.Props.Text(ical.PropSummary)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(s, code+": ") {
			start := ev.Props.Get(ical.PropDateTimeStart)
			out[strings.TrimPrefix(s, code+": ")+" @"+start.Value] = ev
		}
	}
	return out
}

func tmTitle(id string, l i18n.Lang) string {
	rs, _ := deadline.Default()
	vs := rs.Versions(id)
	return say(vs[len(vs)-1].Title, l)
}

// TestFeedOneEntryPerRuleAndDayForTheHousehold: a household of four gets
// one EOIR-33 on its day, naming them by initials, principal first; a
// person marked done drops out of it; when all are done it is gone.
// Computed entries say "Computed by Puente…", appointments people entered
// do not; an appointment is at its place's time with a TZID and VTIMEZONE.
func TestFeedOneEntryPerRuleAndDayForTheHousehold(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	tmAt(e, time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC))
	cs, err := e.st.CreateCase(ctx, e.orgs["alpha"].ID, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: "Zoila Ramos"})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Carlos Díaz", "Ana Bravo", "Ángel Núñez"} {
		if _, err := e.st.AddPerson(ctx, cs, "", model.PersonInput{Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.st.AddFact(ctx, cs, "", model.Fact{Kind: model.FactArrival, Date: "2026-03-10"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.AddAppointment(ctx, cs, "", model.Appointment{Kind: "master_hearing", Date: "2026-12-15", Time: "09:30",
		TimeZone: "America/Chicago"}); err != nil {
		t.Fatal(err)
	}
	coord := e.signIn(emailAlphaCoord)
	path := tmFeed(t, e, coord, nil)
	code := pvCaseCode(t, pvGet(t, coord, "/cases/"+cs.ID, 200).body)
	eoir := tmTitle("eoir33-change-of-address", i18n.EN)
	ar11 := tmTitle("ar11-change-of-address", i18n.EN)

	_, cal := pvFeed(t, e, path)
	evs := tmEvents(t, cal, code)
	wantEOIR := eoir + " (Z.R., A.B., C.D., Á.N.) @20260315"
	if _, ok := evs[wantEOIR]; !ok {
		t.Errorf("feed entries of %s: got %q, want %q", code, keys(evs), wantEOIR)
	}
	n := 0
	for k := range evs {
		if strings.HasPrefix(k, eoir) {
			n++
		}
	}
	if n != 1 {
		t.Errorf("EOIR-33 entries of a household of four on one day: got %d, want 1", n)
	}
	if _, ok := evs[ar11+" (Z.R., A.B., C.D., Á.N.) @20260320"]; !ok {
		t.Errorf("feed entries: got %q, want one AR-11 for the household on 20 Mar", keys(evs))
	}
	// The disclaimer ("Puente computed these dates…") is on computed dates
	// only; an appointment says people entered it.
	computed := say(deadline.Disclaimer(), i18n.EN)
	entered := i18n.EN.T("feed.appointment")
	for k, ev := range evs {
		desc, _ := ev.Props.Text(ical.PropDescription)
		want := computed
		if strings.HasPrefix(k, "Master calendar hearing") {
			want = entered
		}
		if desc != want {
			t.Errorf("%s: DESCRIPTION %q, want %q: only computed dates say they were computed", k, desc, want)
		}
	}
	// The hearing: 09:30 in Chicago, zoned, the right instant for any reader.
	hearing, ok := evs["Master calendar hearing @20261215T093000"]
	if !ok {
		t.Fatalf("feed entries: got %q, want the hearing at 20261215T093000", keys(evs))
	}
	if tzid := hearing.Props.Get(ical.PropDateTimeStart).Params.Get(ical.ParamTimezoneID); tzid != "America/Chicago" {
		t.Errorf("hearing DTSTART TZID: got %q, want America/Chicago", tzid)
	}
	if at, err := hearing.DateTimeStart(time.UTC); err != nil || !at.Equal(time.Date(2026, 12, 15, 15, 30, 0, 0, time.UTC)) {
		t.Errorf("hearing start: got %v (%v), want 15:30 UTC", at, err)
	}
	var zones []string
	for _, ch := range cal.Children {
		if ch.Name == ical.CompTimezone {
			id, _ := ch.Props.Text(ical.PropTimezoneID)
			zones = append(zones, id)
		}
	}
	if strings.Join(zones, ",") != "America/Chicago" {
		t.Errorf("VTIMEZONEs: got %v, want [America/Chicago]", zones)
	}
	for k, ev := range evs {
		if strings.HasPrefix(k, eoir) && ev.Props.Get(ical.PropDateTimeStart).Params.Get(ical.ParamValue) != "DATE" {
			t.Errorf("%s: want an all-day VALUE=DATE entry", k)
		}
	}

	// Ana Bravo's EOIR-33 is done: the entry names the other three.
	var anaKey string
	ds, err := e.st.ComputeDeadlines(ctx, cs.ID)
	if err != nil {
		t.Fatal(err)
	}
	var eoirKeys []string
	for _, p := range ds {
		for _, d := range p.Deadlines {
			if d.RuleID == "eoir33-change-of-address" {
				k := store.DeadlineKey(p.PersonID, d.Key)
				eoirKeys = append(eoirKeys, k)
				if p.Name == "Ana Bravo" {
					anaKey = k
				}
			}
		}
	}
	if err := e.st.SetMark(ctx, cs, "", model.Mark{Key: anaKey, State: model.MarkDone, DoneOn: "2026-03-12"}); err != nil {
		t.Fatal(err)
	}
	_, cal = pvFeed(t, e, path)
	if _, ok := tmEvents(t, cal, code)[eoir+" (Z.R., C.D., Á.N.) @20260315"]; !ok {
		t.Errorf("after Ana's is done: got %q, want the EOIR-33 naming Z.R., C.D., Á.N.", keys(tmEvents(t, cal, code)))
	}
	for _, k := range eoirKeys {
		if err := e.st.SetMark(ctx, cs, "", model.Mark{Key: k, State: model.MarkDone, DoneOn: "2026-03-12"}); err != nil {
			t.Fatal(err)
		}
	}
	_, cal = pvFeed(t, e, path)
	for k := range tmEvents(t, cal, code) {
		if strings.HasPrefix(k, eoir) {
			t.Errorf("every EOIR-33 done: got %q in the feed, want none", k)
		}
	}
}

func keys(m map[string]ical.Event) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestFeedWindow: a feed holds everything from 90 days ago to 2 years
// ahead in the group's days, and nothing outside; with over 2,000 entries
// in the window none is cut.
func TestFeedWindow(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ny := tmNY(t)
	// 1 Jun 2026 in New York: the window is 3 Mar 2026 to 1 Jun 2028.
	tmAt(e, time.Date(2026, 6, 1, 12, 0, 0, 0, ny))
	group := e.orgs["alpha"].ID
	mk := func(name, arrival string, appts ...model.Appointment) store.CaseSeed {
		s := store.CaseSeed{Case: model.CaseInput{Status: "arrived"}, People: []model.PersonInput{{Name: name}}}
		if arrival != "" {
			s.Facts = []store.FactSeed{{PersonIndex: -1, Fact: model.Fact{Kind: model.FactArrival, Date: arrival}}}
		}
		for _, a := range appts {
			s.Appointments = append(s.Appointments, store.AppointmentSeed{PersonIndex: -1, Appointment: a})
		}
		return s
	}
	var many []model.Appointment
	start := time.Date(2026, 6, 2, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 2100; i++ {
		many = append(many, model.Appointment{Kind: "other", Date: start.AddDate(0, 0, i%700).Format(time.DateOnly), Time: fmt.Sprintf("%02d:%02d", 8+i%10, i%60)})
	}
	ids, err := e.st.ImportCases(ctx, group, []store.CaseSeed{
		mk("Inside Early", "2026-02-26"), // EOIR-33 due 3 Mar: day -90
		mk("Outside Early", "2026-02-25", // EOIR-33 due 2 Mar: day -91
			model.Appointment{Kind: "ice_checkin", Date: "2026-03-02", Time: "23:30"}, // before the window
			model.Appointment{Kind: "biometrics", Date: "2026-03-03", Time: "00:30"},  // its first hour
			model.Appointment{Kind: "master_hearing", Date: "2028-06-01", Time: "23:00"},
			model.Appointment{Kind: "individual_hearing", Date: "2028-06-02", Time: "00:30"}, // after it
			model.Appointment{Kind: "other", Date: "2028-06-01"},                             // all day, last day
		),
		mk("Many Appointments", "", many...),
	})
	if err != nil {
		t.Fatal(err)
	}
	coord := e.signIn(emailAlphaCoord)
	path := tmFeed(t, e, coord, nil)
	began := time.Now()
	res, cal := pvFeed(t, e, path)
	took := time.Since(began)
	codes := map[string]string{}
	for i, id := range ids {
		// From the store: the page of a case with 2,100 appointments is slow to render under -race.
		c, err := e.st.CaseForUser(ctx, e.userID(emailAlphaCoord), id)
		if err != nil {
			t.Fatal(err)
		}
		codes[[]string{"in", "out", "many"}[i]] = c.Code
	}
	eoir := tmTitle("eoir33-change-of-address", i18n.EN)
	in, out := tmEvents(t, cal, codes["in"]), tmEvents(t, cal, codes["out"])
	if _, ok := in[eoir+" (I.E.) @20260303"]; !ok {
		t.Errorf("EOIR-33 due 90 days ago: got %q, want it in the feed", keys(in))
	}
	want := map[string]bool{
		eoir + " (O.E.) @20260302":                     false,
		"ICE check-in @20260302T233000":                false,
		"Biometrics appointment @20260303T003000":      true,
		"Master calendar hearing @20280601T230000":     true,
		"Individual (merits) hearing @20280602T003000": false,
		"Other appointment @20280601":                  true,
	}
	for k, w := range want {
		if _, got := out[k]; got != w {
			t.Errorf("%s in the feed: got %v, want %v", k, got, w)
		}
	}
	if got := len(tmEvents(t, cal, codes["many"])); got != 2100 {
		t.Errorf("entries of the case with 2,100 appointments in the window: got %d, want 2100 (none cut)", got)
	}
	t.Logf("feed with %d events: %d bytes, fetched and parsed in %v", len(cal.Events()), len(res.body), took)
	desc, _ := cal.Props.Text(ical.PropDescription)
	if !strings.Contains(desc, "90 days ago to 2 years ahead") {
		t.Errorf("feed DESCRIPTION: got %q, want it to state the window", desc)
	}
	if page := pvGet(t, coord, "/calendar", 200).body; !strings.Contains(page, "from 90 days ago to 2 years ahead") {
		t.Errorf("calendar page: want the window stated")
	}
}

// TestFeedKeepsTheLanguageItWasMadeIn: someone who follows the browser's
// language (no choice stored) makes a feed from a Spanish page: the feed
// is Spanish when a calendar app fetches it without any language; it stays
// Spanish after they choose English; a feed made from an English page is
// English.
func TestFeedKeepsTheLanguageItWasMadeIn(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	tmAt(e, time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC))
	if _, err := e.st.AddAppointment(ctx, e.cases["alpha"], "", model.Appointment{Kind: "master_hearing", Date: "2026-04-01", Time: "08:30"}); err != nil {
		t.Fatal(err)
	}
	mem := e.signIn(emailAlphaMem)
	es := tmFeed(t, e, mem, secHeader("Accept-Language", "es-MX,es;q=0.9"))
	code := e.cases["alpha"].Code
	summaries := func(path string) string {
		_, cal := pvFeed(t, e, path)
		return strings.Join(keys(tmEvents(t, cal, code)), " | ")
	}
	if got := summaries(es); !strings.Contains(got, "Audiencia") || strings.Contains(got, "Master calendar hearing") {
		t.Errorf("feed made from a Spanish page: got %q, want Spanish titles", got)
	}
	pvPost(t, mem, "/lang", url.Values{"lang": {"en"}, "return": {"/"}}, 303)
	en := tmFeed(t, e, mem, nil)
	if got := summaries(es); !strings.Contains(got, "Audiencia") {
		t.Errorf("Spanish feed after the person chose English: got %q, want it still Spanish", got)
	}
	if got := summaries(en); !strings.Contains(got, "Master calendar hearing") {
		t.Errorf("feed made from an English page: got %q, want English titles", got)
	}
	feeds, err := e.st.Feeds(ctx, e.userID(emailAlphaMem))
	if err != nil || len(feeds) != 2 {
		t.Fatalf("feeds: got %d (%v), want 2", len(feeds), err)
	}
	page := pvGet(t, mem, "/calendar", 200).body
	if !strings.Contains(page, "titles in Spanish") || !strings.Contains(page, "titles in English") {
		t.Errorf("calendar page: want each feed's language listed")
	}
}

// TestFeedAnswersHEAD: a calendar app's HEAD gets the feed's status and
// headers without a body; a revoked feed answers 404 to HEAD too.
func TestFeedAnswersHEAD(t *testing.T) {
	e := newEnv(t)
	token := auth.NewToken()
	f, err := e.st.CreateFeed(context.Background(), e.userID(emailAlphaCoord), auth.HashToken(token), "en")
	if err != nil {
		t.Fatal(err)
	}
	path := "/calendar/" + token + ".ics"
	get, head := e.client().get(path), e.client().head(path)
	if head.status != 200 || head.body != "" || !strings.HasPrefix(head.header.Get("Content-Type"), "text/calendar") {
		t.Errorf("HEAD feed: got %d, %q, %d-byte body; want 200, text/calendar, no body", head.status, head.header.Get("Content-Type"), len(head.body))
	}
	for _, h := range []string{"Content-Type", "Cache-Control", "Content-Security-Policy", "Content-Disposition"} {
		if head.header.Get(h) != get.header.Get(h) {
			t.Errorf("HEAD %s: got %q, want GET's %q", h, head.header.Get(h), get.header.Get(h))
		}
	}
	if err := e.st.RevokeFeed(context.Background(), e.userID(emailAlphaCoord), f.ID); err != nil {
		t.Fatal(err)
	}
	if res := e.client().head(path); res.status != 404 {
		t.Errorf("HEAD revoked feed: got %d, want 404", res.status)
	}
}
