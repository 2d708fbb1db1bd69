package web

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// Commitments and coverage in the case page's structure (issue 9's pages):
// who goes sits in the summary, the court-day card and each appointment;
// the case page holds no form of theirs but one-tap buttons; every other
// form has its own page; cancelling and deleting ask first.

// TestWhoGoesInTheSummaryAndOnTheCard: a member signed up is named, with
// what they do, in the case summary, on the court-day card and under the
// hearing; the appointment's free text (issue 9) follows them; either one
// means someone is going, so the hearing is no longer flagged.
func TestWhoGoesInTheSummaryAndOnTheCard(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord, mem := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)
	c := e.cases["alpha"]
	appt := cmAppointment(t, e, coord, c.ID, "master_hearing", cmDay(6))
	base := "/cases/" + c.ID
	summary := func() string {
		page := html.UnescapeString(coord.get(base).body)
		start, end := strings.Index(page, `id="summary"`), strings.Index(page, `id="deadlines"`)
		if start < 0 || end < start {
			t.Fatalf("case page has no summary before its deadlines")
		}
		return page[start:end]
	}
	card := func() string { return html.UnescapeString(coord.get(base + "/court-card").body) }
	if s := summary(); strings.Count(s, "is going yet") != 1 || !cmFlagged(coord.get(base).body, appt) {
		t.Errorf("nobody going: want the summary to say so, once, and flag the hearing")
	}
	cmPost(t, mem, base+"/appointments/"+appt+"/going", url.Values{"role": {"driver"}}, s303)
	if s := summary(); !strings.Contains(s, "Going with them: Miguel Member (driver)") || strings.Contains(s, "is going yet") {
		t.Errorf("summary after a member signs up: want \"Miguel Member (driver)\"")
	}
	if !strings.Contains(card(), "<dt>Going with them</dt><dd>Miguel Member (driver)</dd>") {
		t.Errorf("court-day card after a member signs up: want them named")
	}
	item := cmItem(coord.get(base).body, appt)
	if !strings.Contains(item, `<a href="`+base+`/appointments/`+appt+`/going">Going with them: Miguel Member (driver)</a>`) {
		t.Errorf("the hearing's item does not say who signed up, linking to its sign-up page: %s", item)
	}
	// The free text follows the members, and alone it means someone goes.
	cmPost(t, coord, base+"/appointments/"+appt, url.Values{"kind": {"master_hearing"}, "date": {cmDay(6)}, "time": {"09:30"},
		"going": {"Ana from the church"}}, s303)
	if s := summary(); !strings.Contains(s, "Going with them: Miguel Member (driver); Ana from the church") {
		t.Errorf("summary with a sign-up and the free text: want both, members first")
	}
	cmPost(t, mem, base+"/appointments/"+appt+"/going/remove", url.Values{}, s303)
	if s := summary(); !strings.Contains(s, "Going with them: Ana from the church") {
		t.Errorf("summary with the free text only: want it named")
	}
	if page := coord.get(base).body; cmFlagged(page, appt) || strings.Contains(cmItem(page, appt), "Nobody is going yet") {
		t.Errorf("a hearing whose free text names someone: flagged, want not")
	}
	counts := e.signIn(emailNetAdmin).get("/cases").body
	if n, _ := cmNetworkCounts(t, counts, "Alpha Group"); n != 0 {
		t.Errorf("network count with the free text naming someone: got %d, want 0", n)
	}
}

// cmItem is appointment apptID's item on a case page.
func cmItem(body, apptID string) string {
	i := strings.Index(body, `id="a-`+apptID+`"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], "</li>\n    <li")
	if k := strings.Index(body[i:], "</ol>"); j < 0 || (k >= 0 && k < j) {
		j = k
	}
	return body[i : i+j]
}

var cmFormRE = regexp.MustCompile(`(?s)<form [^>]*>.*?</form>`)

// TestCasePageHoldsOnlyOneTapForms: on the case page, the commitment and
// coverage parts post nothing but one-tap buttons ("I will go"): no field
// to fill in. Their forms are reached by links to pages of their own, each
// of which answers; so is withdrawing, which asks first.
func TestCasePageHoldsOnlyOneTapForms(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord, mem := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)
	c := e.cases["alpha"]
	base := "/cases/" + c.ID
	appt := cmAppointment(t, e, coord, c.ID, "ice_checkin", cmDay(3))
	cm := cmCommitment(t, coord, c.ID, url.Values{"kind": {"housing"}, "starts_on": {cmDay(-5)}, "end_kind": {"open"}, "holder": {e.userID(emailAlphaMem)}})
	cmPost(t, coord, base+"/needs", url.Values{"kind": {"transport"}}, s303)
	cmPost(t, coord, base+"/appointments/"+appt+"/going", url.Values{"role": {"driver"}, "user_id": {e.userID(emailAlphaMem)}}, s303)
	for who, cl := range map[string]*client{"coordinator": coord, "member": mem} {
		page := cl.get(base).body
		parts := cmItem(page, appt) + cmSectionByID(page, "commitments") + cmSectionByID(page, "needs")
		if !strings.Contains(parts, "<form") && !strings.Contains(parts, "/going/remove?return=case") {
			t.Errorf("%s: no one-tap button or withdraw link found: is the check still looking at the right parts?", who)
		}
		if strings.Contains(parts, `action="/cases/`+c.ID+`/appointments/`+appt+`/going/remove"`) {
			t.Errorf("%s: withdrawing is a one-tap form on the case page, want a link to its confirmation", who)
		}
		for _, f := range cmFormRE.FindAllString(parts, -1) {
			if strings.Contains(f, "<select") || strings.Contains(f, `type="text"`) || strings.Contains(f, `type="date"`) ||
				strings.Contains(f, `type="checkbox"`) || strings.Contains(f, `type="radio"`) {
				t.Errorf("%s: a form with fields on the case page: %s", who, f)
			}
		}
	}
	page := coord.get(base).body
	for _, link := range []string{base + "/commitments/new", base + "/needs/new", base + "/needs/transport/remove",
		base + "/appointments/" + appt + "/going", base + "/commitments/" + cm + "/given/new"} {
		if !strings.Contains(page, `href="`+link+`"`) {
			t.Errorf("case page: no link to %s", link)
		}
		if r := coord.get(link); r.status != s200 {
			t.Errorf("GET %s: got %d, want 200", link, r.status)
		}
	}
}

// cmSectionByID is the section with id on a page.
func cmSectionByID(body, id string) string {
	i := strings.Index(body, `<section id="`+id+`"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], "</section>")
	return body[i : i+j]
}

// TestConfirmationPagesChangeNothing: the pages before cancelling a
// commitment, deleting a record of what was given and taking off a need
// name what goes and change nothing; their button does it.
func TestConfirmationPagesChangeNothing(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord := e.signIn(emailAlphaCoord)
	c := e.cases["alpha"]
	base := "/cases/" + c.ID
	cm := cmCommitment(t, coord, c.ID, url.Values{"kind": {"money"}, "description": {"Rent"}, "starts_on": {cmDay(-40)}, "end_kind": {"open"},
		"amount": {"600"}, "currency": {"USD"}, "frequency": {"monthly"}, "holder": {e.userID(emailAlphaCoord)}})
	cmPost(t, coord, base+"/commitments/"+cm+"/given", url.Values{"given_on": {cmDay(-3)}, "amount": {"250"}}, s303)
	cmPost(t, coord, base+"/needs", url.Values{"kind": {"housing"}}, s303)
	page := coord.get(base + "/commitments/" + cm).body
	del := regexp.MustCompile(`href="(` + regexp.QuoteMeta(base) + `/commitments/[0-9a-f]{32}/given/[0-9a-f]{32}/delete)"`).FindStringSubmatch(page)
	if del == nil {
		t.Fatal("commitment page links to no confirmation before deleting a record")
	}
	for _, tc := range []struct {
		path, want, then string
	}{
		{base + "/commitments/" + cm + "/cancel", "Cancel this commitment (Rent)?", "commitments"},
		{del[1], "$250.00", "commitment_records"},
		{base + "/needs/housing/remove", "Take off the need for Housing?", "case_needs"},
	} {
		before := cmCounts(e)
		r := coord.get(tc.path)
		if r.status != s200 || !strings.Contains(html.UnescapeString(r.body), tc.want) || !strings.Contains(r.body, `action="`+tc.path+`"`) {
			t.Errorf("GET %s: got %d; want 200, %q and a button posting back", tc.path, r.status, tc.want)
		}
		cmSameCounts(t, "GET "+tc.path, before, cmCounts(e))
		cmPost(t, coord, tc.path, url.Values{}, s303)
	}
	if e.count("commitment_records") != 0 || e.count("case_needs") != 0 {
		t.Errorf("after the buttons: want the record and the need gone")
	}
	if st := cmStateOf(coord.get(base).body, cm); st != "cancelled" {
		t.Errorf("after cancelling: state %q, want cancelled", st)
	}
}

// TestTasksLinkedFromEveryPage: signed in, every page links to /me/tasks
// (in the top bar); signed out, none does.
func TestTasksLinkedFromEveryPage(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	mem, admin := e.signIn(emailAlphaMem), e.signIn(emailNetAdmin)
	c := e.cases["alpha"]
	cm := cmCommitment(t, mem, c.ID, url.Values{"kind": {"school"}, "starts_on": {cmDay(0)}, "end_kind": {"open"}})
	for who, cl := range map[string]*client{"member": mem, "network admin": admin} {
		paths := []string{"/", "/me/tasks", "/calendar", "/account", "/no-such-page"}
		if cl == mem {
			paths = append(paths, "/cases", "/cases/"+c.ID, "/cases/"+c.ID+"/commitments/"+cm, "/cases/"+c.ID+"/commitments/new")
		}
		for _, p := range paths {
			if body := cl.get(p).body; !strings.Contains(body, `<a class="tasks-link" href="/me/tasks">`) {
				t.Errorf("%s, GET %s: no link to /me/tasks", who, p)
			}
		}
	}
	if body := e.client().get("/login").body; strings.Contains(body, `href="/me/tasks"`) {
		t.Errorf("sign-in page links to /me/tasks, want no link when signed out")
	}
}

// TestSignUpPage: on an appointment's sign-up page a coordinator signs up
// anyone in the group in a role, and takes them off, coming back to the
// page each time; a member's page has no choice of person, only of role.
func TestSignUpPage(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord, mem := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)
	c := e.cases["alpha"]
	appt := cmAppointment(t, e, coord, c.ID, "biometrics", cmDay(4))
	page := "/cases/" + c.ID + "/appointments/" + appt + "/going"
	if body := mem.get(page).body; strings.Contains(body, `id="user_id"`) || !strings.Contains(body, `id="role-interpreter"`) {
		t.Errorf("member's sign-up page: want a choice of role and none of person")
	}
	res := cmPost(t, coord, page, url.Values{"user_id": {e.userID(emailAlphaMem)}, "role": {"interpreter"}, "return": {"page"}}, s303)
	if loc := res.header.Get("Location"); loc != page {
		t.Errorf("signed up from the page: redirected to %q, want %q", loc, page)
	}
	if body := html.UnescapeString(coord.get(page).body); !strings.Contains(body, "<strong>Miguel Member</strong> (interpreter)") {
		t.Errorf("sign-up page: got no \"Miguel Member (interpreter)\"")
	}
	res = cmPost(t, coord, page+"/remove", url.Values{"user_id": {e.userID(emailAlphaMem)}, "return": {"page"}}, s303)
	if loc := res.header.Get("Location"); loc != page {
		t.Errorf("taken off from the page: redirected to %q, want %q", loc, page)
	}
	if body := coord.get(page).body; strings.Contains(body, "<strong>Miguel Member</strong>") {
		t.Errorf("sign-up page still lists the member taken off")
	}
}
