package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestCourtCard: the court-day card names the next hearing at the court's
// local time, where, for whom, the judge, the lawyer and phone, and what to
// bring; never the A-number or the home address. Members print it too.
func TestCourtCard(t *testing.T) {
	e := newEnv(t)
	e.srv.now = func() time.Time { return pgNow }
	c := e.signIn(emailAlphaCoord)
	cs, _ := pgFamily(t, e, c)
	for who, cl := range map[string]*client{"coordinator": c, "member": e.signIn(emailAlphaMem)} {
		card := html.UnescapeString(pvGet(t, cl, "/cases/"+cs.ID+"/court-card", 200).body)
		for _, want := range []string{cs.Code, "R.M.", "Master calendar hearing", "Monday 16 March 2026, 8:30 AM", "Court Five, 3rd floor",
			"Judge Example", "Clinic", "(555) 010-0142", "R.M., D.M., S.M.", "What to bring", "The hearing notice."} {
			if !strings.Contains(card, want) {
				t.Errorf("%s's court-day card lacks %q", who, want)
			}
		}
		for _, leak := range []string{"246813579", "246-813-579", "A 246", "•579", "Secret Lane", "Rosa Mena"} {
			if strings.Contains(card, leak) {
				t.Errorf("%s's court-day card shows %q", who, leak)
			}
		}
	}
	// With no hearing ahead, the card says so.
	pvPost(t, c, "/lang", url.Values{"lang": {"es"}, "return": {"/"}}, 303)
	if card := pvGet(t, c, "/cases/"+e.cases["alpha"].ID+"/court-card", 200).body; !strings.Contains(card, "No hay ninguna audiencia anotada") {
		t.Errorf("a card without a hearing: want it to say there is none, in Spanish")
	}
}

// TestWhoIsGoing (issue 9; DOMAIN.md: the gap that hurts most is a hearing
// nobody from the group goes to): an appointment says who from the group
// goes with the family. Until someone does, the case summary says nobody
// is going yet and the court-day card says so; once saved, both name them,
// the history says what changed in words, and the calendar feed does not
// carry it. Too long a text is refused with 422, as typed, and nothing is
// written.
func TestWhoIsGoing(t *testing.T) {
	e := newEnv(t)
	e.srv.now = func() time.Time { return pgNow }
	c := e.signIn(emailAlphaCoord)
	cs, _ := pgFamily(t, e, c)
	base := "/cases/" + cs.ID
	summary := func() string {
		page := html.UnescapeString(pvGet(t, c, base, 200).body)
		start, end := strings.Index(page, `id="summary"`), strings.Index(page, `id="deadlines"`)
		if start < 0 || end < start {
			t.Fatalf("case page has no summary before its deadlines")
		}
		return page[start:end]
	}
	card := func() string { return html.UnescapeString(pvGet(t, c, base+"/court-card", 200).body) }
	if s := summary(); strings.Count(s, "is going yet") != 1 {
		t.Errorf("summary of a hearing nobody goes to: want it to say so, once")
	}
	if !strings.Contains(card(), "<dt>Going with them</dt><dd>Nobody yet</dd>") {
		t.Errorf("court-day card of a hearing nobody goes to: want it to say so")
	}
	edit := pvApptEditRE.FindString(pvGet(t, c, base, 200).body)
	if edit == "" {
		t.Fatal("case page has no appointment to edit")
	}
	if f := pvGet(t, c, edit, 200).body; !strings.Contains(f, `<label for="going">Anyone else going with them</label>`) {
		t.Errorf("the appointment form has no field for who goes")
	}
	form := url.Values{"kind": {"master_hearing"}, "date": {"2026-03-16"}, "time": {"08:30"}, "place": {"Court Five, 3rd floor"}}
	long := url.Values{}
	for k, v := range form {
		long[k] = v
	}
	long.Set("going", strings.Repeat("Ana ", 51))
	res := c.post(strings.TrimSuffix(edit, "/edit"), long)
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, `href="#going"`) || !strings.Contains(res.body, strings.Repeat("Ana ", 50)) {
		t.Errorf("201 characters of who goes: got %d; want 422 with the summary linking to the field and the text kept", res.status)
	}
	if appts, err := e.st.Appointments(context.Background(), cs.ID); err != nil || len(appts) != 1 || appts[0].Going != "" {
		t.Errorf("after the refused edit: %+v (%v), want the hearing unchanged", appts, err)
	}
	form.Set("going", "Ana drives, Luis interprets")
	pvPost(t, c, strings.TrimSuffix(edit, "/edit"), form, 303)
	if s := summary(); !strings.Contains(s, "Going with them: Ana drives, Luis interprets") || strings.Contains(s, "is going yet") {
		t.Errorf("summary after saving who goes: want their names, not that nobody goes")
	}
	if !strings.Contains(card(), "<dt>Going with them</dt><dd>Ana drives, Luis interprets</dd>") {
		t.Errorf("court-day card after saving who goes: want their names")
	}
	if page := pvGet(t, c, base, 200).body; !strings.Contains(page, "(who goes with them)") {
		t.Errorf("history: want the edit named in words, who goes with them")
	}
	feedPath, _ := pvNewFeed(t, e, c)
	if feed := pvGet(t, e.client(), feedPath, 200).body; strings.Contains(feed, "Luis") {
		t.Errorf("the calendar feed names who goes with the family")
	}
}
