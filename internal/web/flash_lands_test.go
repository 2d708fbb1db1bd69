package web

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"puente/internal/i18n"
	"puente/internal/model"
)

// flashWhereItLands follows a POST's redirect as c and fails unless the
// page shows the one-time message want once, where the browser lands: in
// the element the redirect's fragment names (before that element's
// section or list item ends), or at the top of <main> when there is no
// fragment. At 375 px a message at the top of a page that lands on
// "#appointments" is screens away (review of the group pages, finding 3).
func flashWhereItLands(t *testing.T, c *client, what string, res response, want string) {
	t.Helper()
	loc := res.header.Get("Location")
	path, frag, _ := strings.Cut(loc, "#")
	body := c.get(path).body
	const flash = `<p class="flash" role="status">`
	if n := strings.Count(body, flash); n != 1 {
		t.Errorf("%s: %s shows %d messages, want 1", what, loc, n)
		return
	}
	at := strings.Index(body, flash)
	if got := body[at+len(flash):]; !strings.HasPrefix(got, want+"</p>") {
		t.Errorf("%s: the message reads %.80q, want %q", what, got, want)
	}
	if frag == "" {
		if main := strings.Index(body, `<main`); strings.Contains(body[main:at], "<h1") {
			t.Errorf("%s: %s without a fragment shows the message below the page's heading, want it at the top", what, loc)
		}
		return
	}
	target := strings.Index(body, ` id="`+frag+`"`)
	if target < 0 {
		t.Errorf("%s: %s has no element with id %q", what, loc, frag)
		return
	}
	if at < target {
		t.Errorf("%s: the message is above #%s, off the screen the browser lands on", what, frag)
		return
	}
	between := body[target:at]
	for _, end := range []string{"</section>", "</li>", "<section"} {
		if strings.Contains(between, end) {
			t.Errorf("%s: the message is after the end of #%s (%s between them), not where the browser lands", what, frag, end)
		}
	}
}

// TestFlashShowsWhereTheRedirectLands: every form that redirects to a
// part of a page (#appointments, #given, #i-…, #digest-heading …) shows
// its confirmation in that part; one that leads to a page's top shows it
// at the top.
func TestFlashShowsWhereTheRedirectLands(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	ctx := context.Background()
	coord, mem := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)
	c := e.cases["alpha"]
	base := "/cases/" + c.ID

	res := cmPost(t, coord, base+"/appointments", url.Values{"kind": {"master_hearing"}, "date": {cmDay(9)}, "time": {"09:00"}}, s303)
	flashWhereItLands(t, coord, "appointment added", res, i18n.EN.T("appointment.saved"))
	appts, err := e.st.Appointments(ctx, c.ID)
	if err != nil || len(appts) == 0 {
		t.Fatalf("appointments: %v, %d", err, len(appts))
	}
	appt := appts[0].ID
	res = cmPost(t, mem, base+"/appointments/"+appt+"/going", url.Values{"role": {"companion"}, "return": {"case"}}, s303)
	if !strings.HasSuffix(res.header.Get("Location"), "#a-"+appt) {
		t.Fatalf("sign-up from the case page: redirected to %q, want #a-%s", res.header.Get("Location"), appt)
	}
	flashWhereItLands(t, mem, "signed up on the case page", res, i18n.EN.T("going.saved"))
	res = cmPost(t, mem, base+"/appointments/"+appt+"/going/remove", url.Values{"return": {"home"}}, s303)
	flashWhereItLands(t, mem, "withdrawn from the home page", res, i18n.EN.T("going.removed"))

	res = cmPost(t, coord, base+"/facts", url.Values{"kind": {"arrival"}, "date": {cmDay(-3)}}, s303)
	flashWhereItLands(t, coord, "fact recorded", res, i18n.EN.T("fact.saved"))
	res = cmPost(t, coord, base+"/people", url.Values{"name": {"Luis Ruiz"}, "joined": {"start"}}, s303)
	flashWhereItLands(t, coord, "person added", res, i18n.EN.T("person.saved"))
	res = cmPost(t, coord, base+"/needs", url.Values{"kind": {"transport"}, "until": {cmDay(60)}}, s303)
	flashWhereItLands(t, coord, "need added", res, i18n.EN.T("need.saved"))

	cm := cmCommitment(t, coord, c.ID, url.Values{"kind": {"money"}, "starts_on": {cmDay(0)}, "end_kind": {"open"}, "amount": {"600"}, "currency": {"USD"}, "frequency": {"monthly"}, "holder": {e.userID(emailAlphaMem)}})
	res = cmPost(t, mem, base+"/commitments/"+cm+"/given", url.Values{"given_on": {cmDay(0)}, "amount": {"50"}}, s303)
	flashWhereItLands(t, mem, "gift recorded", res, i18n.EN.T("given.saved"))
	res = cmPost(t, coord, base+"/commitments/"+cm+"/holders", url.Values{"user_id": {e.userID(emailAlphaCoord)}, "return": {"case"}}, s303)
	flashWhereItLands(t, coord, "holder added from the case page", res, i18n.EN.T("commit.holders_saved"))

	// Marked attended, a check-in moves into the collapsed past: the
	// message shows in its section.
	past := cmAppointment(t, e, coord, c.ID, "ice_checkin", cmDay(-2))
	res = cmPost(t, coord, base+"/marks", url.Values{"key": {"appointment/" + past}, "state": {"done"}}, s303)
	flashWhereItLands(t, coord, "appointment marked", res, i18n.EN.T("mark.saved"))

	cmPost(t, coord, base+"/checklists", url.Values{"stage": {"first_week"}}, s303)
	it := clItem(t, e, c.ID, "first_week", "health")
	res = cmPost(t, mem, base+"/items/"+it.ID+"/tick", url.Values{"state": {string(model.ItemDone)}}, s303)
	flashWhereItLands(t, mem, "item ticked", res, i18n.EN.T("checklist.saved"))

	res = cmPost(t, mem, "/account/digest", url.Values{"digest": {"none"}}, s303)
	flashWhereItLands(t, mem, "digest saved", res, i18n.EN.T("account.digest.saved"))

	// In Spanish too: the words come from the same place.
	cmPost(t, mem, "/lang", url.Values{"lang": {"es"}, "return": {"/"}}, s303)
	res = cmPost(t, mem, base+"/commitments/"+cm+"/given", url.Values{"given_on": {cmDay(0)}, "amount": {"20"}}, s303)
	flashWhereItLands(t, mem, "gift recorded in Spanish", res, i18n.ES.T("given.saved"))
}
