package web

import (
	"context"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"puente/internal/model"
)

// TestSharedLineKeepsEachRecord (review 4): two people of one EOIR-33
// line recorded with different notes get a line each, both notes shown;
// the Record page of the old shared line ticks only those whose record it
// shows, so saving it unchanged leaves the other person's note alone.
func TestSharedLineKeepsEachRecord(t *testing.T) {
	e := newEnv(t)
	e.srv.now = func() time.Time { return pgNow }
	c := e.signIn(emailAlphaCoord)
	cs, _ := pgFamily(t, e, c)
	base := "/cases/" + cs.ID
	m := regexp.MustCompile(`href="(/cases/[0-9a-f]{32}/marks\?[^"]+)" aria-label="Record: EOIR-33`).FindStringSubmatch(pvGet(t, c, base, 200).body)
	if m == nil {
		t.Fatal("no Record action for the household's EOIR-33")
	}
	shared, _ := url.Parse(html.UnescapeString(m[1]))
	keys := shared.Query()["key"]
	if len(keys) != 3 {
		t.Fatalf("the EOIR-33 line names %d deadlines, want 3", len(keys))
	}
	for i, note := range []string{"NOTE-0 sent by mail", "NOTE-1 sent with the lawyer"} {
		pvPost(t, c, base+"/marks", url.Values{"all": keys, "key": {keys[i]}, "state": {"done"}, "done_on": {"2026-03-03"}, "note": {note}}, 303)
	}
	page := pvGet(t, c, base, 200).body
	for _, note := range []string{"NOTE-0 sent by mail", "NOTE-1 sent with the lawyer"} {
		if strings.Count(page, note) != 1 {
			t.Errorf("the case page shows %q %d times, want once", note, strings.Count(page, note))
		}
	}
	if n := len(regexp.MustCompile(`aria-label="Record: EOIR-33`).FindAllString(page, -1)); n != 3 {
		t.Errorf("%d EOIR-33 lines, want 3 (each record its own line)", n)
	}

	// The old shared link: the form shows the first person's record and
	// ticks only them.
	form := pvGet(t, c, shared.RequestURI(), 200).body
	ticked := regexp.MustCompile(`name="key" type="checkbox" value="([^"]+)" checked`).FindAllStringSubmatch(form, -1)
	if len(ticked) != 1 || html.UnescapeString(ticked[0][1]) != keys[0] {
		t.Errorf("the shared Record page ticks %v, want only %s", ticked, keys[0])
	}
	if !strings.Contains(form, "NOTE-0 sent by mail") {
		t.Error("the shared Record page does not show the first person's note")
	}
	// Saved unchanged: the ticked box and the note shown.
	pvPost(t, c, base+"/marks", url.Values{"all": keys, "key": {keys[0]}, "state": {"done"}, "done_on": {"2026-03-03"}, "note": {"NOTE-0 sent by mail"}}, 303)
	got, err := e.st.Marks(context.Background(), cs.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got[keys[1]].Note != "NOTE-1 sent with the lawyer" || got[keys[1]].State != model.MarkDone {
		t.Errorf("the second person's record became %+v", got[keys[1]])
	}
	if got[keys[2]].State == model.MarkDone {
		t.Errorf("the third person, never ticked, is recorded done")
	}
}
