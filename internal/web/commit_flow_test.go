package web

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"puente/internal/model"
)

// TestMembersActForThemselves: a member holds what they promise, changes
// only what is theirs alone, signs themselves up and takes on others'
// commitments; a coordinator changes anything.
func TestMembersActForThemselves(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord, mem := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)
	c := e.cases["alpha"]
	memID, coordID := e.userID(emailAlphaMem), e.userID(emailAlphaCoord)
	base := "/cases/" + c.ID + "/commitments/"

	// A member's new commitment is theirs, whoever they tick.
	own := cmCommitment(t, mem, c.ID, url.Values{"kind": {"school"}, "starts_on": {cmDay(0)}, "end_kind": {"open"}, "holder": {coordID}})
	got, err := e.st.Commitment(context.Background(), c.ID, own, "en")
	if err != nil || len(got.Holders) != 1 || got.Holders[0].UserID != memID {
		t.Fatalf("member's commitment holders: got %+v, %v; want only the member", got.Holders, err)
	}
	if r := mem.get(base + own + "/edit"); r.status != s200 {
		t.Errorf("member edits their own: got %d, want 200", r.status)
	}
	theirs := cmCommitment(t, coord, c.ID, url.Values{"kind": {"housing"}, "starts_on": {cmDay(0)}, "end_kind": {"open"}, "holder": {coordID}})
	for _, p := range []string{"/edit", "/cancel", "/given/new", "/holders/new"} {
		if r := mem.get(base + theirs + p); r.status != s403 {
			t.Errorf("member GET %s of the coordinator's: got %d, want 403", p, r.status)
		}
	}
	for _, p := range []struct {
		path string
		form url.Values
	}{
		{"", url.Values{"kind": {"housing"}, "starts_on": {cmDay(0)}, "end_kind": {"open"}}},
		{"/cancel", url.Values{}},
		{"/given", url.Values{"given_on": {cmDay(0)}, "description": {"x"}}},
	} {
		before := cmCounts(e)
		if r := mem.post(base+theirs+p.path, p.form); r.status != s403 {
			t.Errorf("member POST %s on the coordinator's: got %d, want 403", p.path, r.status)
		}
		cmSameCounts(t, "member POST "+p.path, before, cmCounts(e))
	}
	// Taking it on makes it shared: records yes, edits still no.
	cmPost(t, mem, base+theirs+"/holders", url.Values{"return": {"case"}}, s303)
	cmPost(t, mem, base+theirs+"/given", url.Values{"given_on": {cmDay(0)}, "description": {"Fixed the heater"}}, s303)
	if r := mem.get(base + theirs + "/edit"); r.status != s403 {
		t.Errorf("member edits a shared commitment: got %d, want 403", r.status)
	}
	// The coordinator removes the member's record; the member cannot remove the coordinator's.
	rid, err := e.st.AddGivenRecord(context.Background(), c, theirs, coordID, cmGiven(cmDay(0)))
	if err != nil {
		t.Fatal(err)
	}
	if r := mem.post(base+theirs+"/given/"+rid+"/delete", url.Values{}); r.status != s403 {
		t.Errorf("member deletes the coordinator's record: got %d, want 403", r.status)
	}
	cmPost(t, coord, base+theirs+"/given/"+rid+"/delete", url.Values{}, s303)
	// The member cancels their own, through its confirmation page.
	if r := mem.get(base + own + "/cancel"); r.status != s200 || !strings.Contains(r.body, `action="`+base+own+`/cancel"`) {
		t.Errorf("member's confirmation page before cancelling their own: got %d", r.status)
	}
	cmPost(t, mem, base+own+"/cancel", url.Values{}, s303)
	if r := mem.get(base + own + "/edit"); r.status != s403 {
		t.Errorf("editing a cancelled commitment: got %d, want 403", r.status)
	}
	// The case history says who did what for whom, never a note.
	page := coord.get("/cases/" + c.ID)
	hist := cmHistory(page.body)
	for _, want := range []string{
		`Miguel Member · made responsible: Miguel Member <span class="muted">(Housing)</span>`,
		`Miguel Member · cancelled a commitment <span class="muted">(School)</span>`,
		`Alicia Alpha · deleted a record of what was given <span class="muted">(Housing)</span>`,
	} {
		if !strings.Contains(hist, want) {
			t.Errorf("case history: got no %q; %s", want, hist)
		}
	}
	if strings.Contains(hist, "Fixed the heater") {
		t.Errorf("case history shows the text of a record")
	}
}

// TestCommitmentStates: states follow from dates and records; the case
// page lists what ends in 30 days and what started with nothing recorded;
// a commitment "until the work permit" ends when one is granted.
func TestCommitmentStates(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord := e.signIn(emailAlphaCoord)
	c := e.cases["alpha"]
	add := func(kv ...string) string {
		v := url.Values{"holder": {e.userID(emailAlphaCoord)}}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return cmCommitment(t, coord, c.ID, v)
	}
	pledged := add("kind", "housing", "starts_on", "2026-04-01", "end_kind", "open")
	started := add("kind", "school", "starts_on", "2026-02-01", "end_kind", "open")
	endsSoon := add("kind", "language", "starts_on", "2026-01-01", "end_kind", "date", "ends_on", "2026-03-20")
	lapsed := add("kind", "transport", "starts_on", "2026-01-01", "end_kind", "date", "ends_on", "2026-02-01")
	once := add("kind", "money", "starts_on", "2026-02-01", "end_kind", "open", "amount", "500", "currency", "usd", "frequency", "once")
	cancelled := add("kind", "health", "starts_on", "2026-02-01", "end_kind", "open")
	permit := add("kind", "money", "starts_on", "2026-01-05", "end_kind", "work_permit", "amount", "100", "currency", "USD", "frequency", "monthly")
	base := "/cases/" + c.ID + "/commitments/"
	cmPost(t, coord, base+once+"/given", url.Values{"given_on": {"2026-02-03"}, "amount": {"500"}}, s303)
	cmPost(t, coord, base+cancelled+"/cancel", url.Values{"confirm": {"1"}}, s303)
	cmPost(t, coord, base+permit+"/given", url.Values{"given_on": {"2026-01-05"}, "amount": {"100"}}, s303)
	cmPost(t, coord, base+permit+"/given", url.Values{"given_on": {"2026-02-05"}, "amount": {"100"}}, s303)
	cmPost(t, coord, base+endsSoon+"/given", url.Values{"given_on": {"2026-02-05"}, "description": {"Week 1"}}, s303)

	page := coord.get("/cases/" + c.ID)
	for _, tc := range []struct{ id, want string }{
		{pledged, "pledged"}, {started, "active"}, {endsSoon, "active"}, {lapsed, "lapsed"}, {once, "fulfilled"},
		{cancelled, "cancelled"}, {permit, "active"},
	} {
		if got := cmStateOf(page.body, tc.id); got != tc.want {
			t.Errorf("state of %s: got %q, want %q", tc.id, got, tc.want)
		}
	}
	soon := cmSection(page.body, "Ending in the next 30 days")
	if !strings.Contains(soon, endsSoon) || strings.Contains(soon, lapsed) || strings.Contains(soon, pledged) {
		t.Errorf("ending in the next 30 days: got %q, want only the language classes", soon)
	}
	none := cmSection(page.body, "Started, with nothing recorded")
	for _, id := range []string{started, lapsed} {
		if !strings.Contains(none, id) {
			t.Errorf("started with nothing recorded: %s missing", id)
		}
	}
	for _, id := range []string{pledged, once, cancelled, permit, endsSoon} {
		if strings.Contains(none, id) {
			t.Errorf("started with nothing recorded: %s listed, want not", id)
		}
	}
	// The work permit is granted on 20 February: the commitment ended then,
	// with both months given.
	cmPost(t, coord, "/cases/"+c.ID+"/facts", url.Values{"kind": {"ead_granted"}, "person_id": {e.principal(c)}, "date": {"2026-02-20"}}, s303)
	page = coord.get("/cases/" + c.ID)
	if got := cmStateOf(page.body, permit); got != "fulfilled" {
		t.Errorf("until the work permit, granted: got %q, want fulfilled", got)
	}
	if !strings.Contains(page.body, "until the work permit (granted 20 Feb 2026)") {
		t.Errorf("the period does not say when the work permit was granted")
	}
}

// TestMoneyChart: the case page charts pledged against given per month as
// an inline SVG with a table of the same figures, with no style attribute
// (the CSP may block them).
func TestMoneyChart(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord := e.signIn(emailAlphaCoord)
	c := e.cases["alpha"]
	rent := cmCommitment(t, coord, c.ID, url.Values{"kind": {"money"}, "starts_on": {"2026-01-10"}, "end_kind": {"open"},
		"amount": {"600"}, "currency": {"USD"}, "frequency": {"monthly"}})
	cmCommitment(t, coord, c.ID, url.Values{"kind": {"money"}, "starts_on": {"2026-02-02"}, "end_kind": {"open"},
		"amount": {"1000"}, "currency": {"MXN"}, "frequency": {"once"}})
	base := "/cases/" + c.ID + "/commitments/" + rent + "/given"
	cmPost(t, coord, base, url.Values{"given_on": {"2026-01-31"}, "amount": {"600"}}, s303)
	cmPost(t, coord, base, url.Values{"given_on": {"2026-02-01"}, "amount": {"300"}}, s303)
	page := coord.get("/cases/" + c.ID)
	for _, row := range []string{
		`<tr><th scope="row">Jan 2026</th><td>$600.00</td><td>$600.00</td></tr>`,
		`<tr><th scope="row">Feb 2026</th><td>$600.00</td><td>$300.00</td></tr>`,
		`<tr><th scope="row">Mar 2026</th><td>$600.00</td><td>$0.00</td></tr>`,
		`<tr><th scope="row">Feb 2026</th><td>1,000.00 MXN</td><td>0.00 MXN</td></tr>`,
	} {
		if !strings.Contains(page.body, row) {
			t.Errorf("chart table: got no row %s", row)
		}
	}
	if !regexp.MustCompile(`<svg role="img" aria-labelledby="chart-usd-title"`).MatchString(page.body) ||
		!strings.Contains(page.body, `<title id="chart-usd-title">Money pledged and given per month (USD)</title>`) {
		t.Errorf("chart: got no <svg role=img> with its title")
	}
	if n := strings.Count(page.body, `class="bar-given"`); n != 2 { // Jan and Feb in USD; nothing given in MXN
		t.Errorf("chart bars of money given: got %d, want 2", n)
	}
	if strings.Contains(page.body, " style=") {
		t.Errorf("case page has a style attribute; the CSP may block it")
	}
	// Due so far: 10 January and 10 February (10 March is still ahead).
	if !strings.Contains(page.body, "$900.00 given of $1,200.00 due so far") || !strings.Contains(page.body, "$300.00 behind") {
		t.Errorf("rent: got no \"$900.00 given of $1,200.00 due so far\" and \"$300.00 behind\"")
	}
}

// TestMyTasks: /me/tasks lists what the member signed up for and holds,
// soonest first, this week first; it is linked from every page.
func TestMyTasks(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord, mem := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)
	c := e.cases["alpha"]
	checkin := cmAppointment(t, e, coord, c.ID, "ice_checkin", cmDay(3))
	cmAppointment(t, e, coord, c.ID, "master_hearing", cmDay(2)) // nobody from here goes: not the member's
	cmPost(t, mem, "/cases/"+c.ID+"/appointments/"+checkin+"/going", url.Values{"role": {"driver"}}, s303)
	cmCommitment(t, mem, c.ID, url.Values{"kind": {"housing"}, "starts_on": {cmDay(4)}, "end_kind": {"open"}})
	cmCommitment(t, mem, c.ID, url.Values{"kind": {"money"}, "starts_on": {"2026-02-24"}, "end_kind": {"open"},
		"amount": {"50"}, "currency": {"USD"}, "frequency": {"monthly"}})
	cmCommitment(t, mem, c.ID, url.Values{"kind": {"court"}, "starts_on": {cmDay(-30)}, "end_kind": {"open"}})
	cmCommitment(t, coord, c.ID, url.Values{"kind": {"legal"}, "starts_on": {cmDay(-30)}, "end_kind": {"open"},
		"holder": {e.userID(emailAlphaCoord)}})

	page := mem.get("/me/tasks")
	if page.status != s200 {
		t.Fatalf("/me/tasks: got %d", page.status)
	}
	week := cmSection(page.body, `id="week-heading"`)
	a, b := strings.Index(week, "ICE check-in · driving"), strings.Index(week, "Starts: Housing")
	if a < 0 || b < 0 || a > b {
		t.Errorf("this week: want the check-in (in 3 days) before the housing (in 4); got %q", week)
	}
	if !strings.Contains(week, "Saturday 7 Mar 2026") {
		t.Errorf("this week: the check-in's day is not in words")
	}
	if later := cmSection(page.body, `id="later-heading"`); !strings.Contains(later, "$50.00 due") || !strings.Contains(later, "Tuesday 24 Mar 2026") {
		t.Errorf("later: got %q, want $50.00 due on Tuesday 24 Mar 2026", later)
	}
	if ongoing := cmSection(page.body, `id="ongoing-heading"`); !strings.Contains(ongoing, "Going with them to court") {
		t.Errorf("ongoing: got %q, want the court accompaniment", ongoing)
	}
	for _, notMine := range []string{"Master calendar hearing", "Legal help"} {
		if strings.Contains(page.body, notMine) {
			t.Errorf("member's tasks list %q, which is not theirs", notMine)
		}
	}
	// Linked from every page, in both groups' views and the network's.
	for _, p := range []string{"/", "/cases", "/cases/" + c.ID, "/account", "/calendar", "/me/tasks"} {
		if r := mem.get(p); !strings.Contains(r.body, `<a class="tasks-link" href="/me/tasks">My tasks</a>`) {
			t.Errorf("GET %s: no link to /me/tasks", p)
		}
	}
	admin := e.signIn(emailNetAdmin)
	if r := admin.get("/me/tasks"); r.status != s200 || !strings.Contains(r.body, "A network sees its groups as counts") {
		t.Errorf("network admin's tasks: got %d without the network's note", r.status)
	}
}

// TestFeedTitlesSignUps: the member's calendar feed titles an appointment
// they go to by case code and role, never a name.
func TestFeedTitlesSignUps(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord, mem := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)
	c := e.cases["alpha"]
	hearing := cmAppointment(t, e, coord, c.ID, "master_hearing", cmDay(5))
	cmPost(t, mem, "/cases/"+c.ID+"/appointments/"+hearing+"/going", url.Values{"role": {"driver"}}, s303)
	memFeed, _ := pvNewFeed(t, e, mem)
	coordFeed, _ := pvNewFeed(t, e, coord)
	mine := e.client().get(memFeed).body
	if !strings.Contains(mine, "SUMMARY:"+c.Code+" · court\\, driving") {
		t.Errorf("member's feed: got no %q; %.1200s", c.Code+" · court\\, driving", mine)
	}
	if theirs := e.client().get(coordFeed).body; !strings.Contains(theirs, "SUMMARY:"+c.Code+": Master calendar hearing") ||
		strings.Contains(theirs, "driving") {
		t.Errorf("coordinator's feed: want the hearing by its kind, not the member's role")
	}
	// Names never (initials name a deadline's person, as in every feed).
	for _, name := range []string{"Principal alpha", "Miguel", "Member"} {
		if strings.Contains(mine, name) {
			t.Errorf("member's feed holds %q", name)
		}
	}
	// In Spanish too.
	cmPost(t, mem, "/lang", url.Values{"lang": {"es"}, "return": {"/"}}, s303)
	esFeed, _ := pvNewFeed(t, e, mem)
	if es := e.client().get(esFeed).body; !strings.Contains(es, c.Code+" · tribunal\\, usted maneja") {
		t.Errorf("member's Spanish feed: got no %q", c.Code+" · tribunal\\, usted maneja")
	}
}

// TestIdsOfAnotherCase: a commitment, record or appointment is reached
// only through its own case: the id of another case's (even in the same
// group) answers 404 and changes nothing.
func TestIdsOfAnotherCase(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord := e.signIn(emailAlphaCoord)
	one := e.cases["alpha"]
	two, err := e.st.CreateCase(context.Background(), e.orgs["alpha"].ID, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: "Second Case"})
	if err != nil {
		t.Fatal(err)
	}
	cm := cmCommitment(t, coord, two.ID, url.Values{"kind": {"housing"}, "starts_on": {cmDay(0)}, "end_kind": {"open"}})
	appt := cmAppointment(t, e, coord, two.ID, "ice_checkin", cmDay(3))
	rid, err := e.st.AddGivenRecord(context.Background(), two, cm, "", cmGiven(cmDay(0)))
	if err != nil {
		t.Fatal(err)
	}
	wrong := "/cases/" + one.ID
	before := cmCounts(e)
	for _, p := range []string{"/commitments/" + cm, "/commitments/" + cm + "/edit"} {
		if r := coord.get(wrong + p); r.status != s404 {
			t.Errorf("GET %s through another case: got %d, want 404", p, r.status)
		}
	}
	for _, p := range []struct {
		path string
		form url.Values
	}{
		{"/commitments/" + cm, url.Values{"kind": {"housing"}, "starts_on": {cmDay(0)}, "end_kind": {"open"}}},
		{"/commitments/" + cm + "/cancel", url.Values{"confirm": {"1"}}},
		{"/commitments/" + cm + "/holders", url.Values{}},
		{"/commitments/" + cm + "/given", url.Values{"given_on": {cmDay(0)}, "description": {"x"}}},
		{"/commitments/" + cm + "/given/" + rid + "/delete", url.Values{}},
		{"/appointments/" + appt + "/going", url.Values{"role": {"driver"}}},
		{"/appointments/" + appt + "/going/remove", url.Values{}},
	} {
		if r := coord.post(wrong+p.path, p.form); r.status != s404 {
			t.Errorf("POST %s through another case: got %d, want 404", p.path, r.status)
		}
	}
	cmSameCounts(t, "through another case", before, cmCounts(e))
}
