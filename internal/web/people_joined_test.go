package web

import (
	"html"
	"net/url"
	"strings"
	"testing"
	"time"
)

// joinedItem is one line of the home page's list: its state, its days and
// whose it is (initials).
type joinedItem struct{ state, when, who, title string }

func joinedItems(body string) []joinedItem {
	var out []joinedItem
	for _, item := range strings.Split(body, `<li class="item"`)[1:] {
		m := dsItemRE.FindStringSubmatch(item)
		if m == nil {
			continue
		}
		who := ""
		if _, rest, ok := strings.Cut(item, `<span class="for">`); ok {
			who, _, _ = strings.Cut(rest, "<")
		}
		out = append(out, joinedItem{m[2], html.UnescapeString(m[3]), who, html.UnescapeString(m[4])})
	}
	return out
}

// joinedCase is the reviewer's case: Rosa Vega's household arrived at the
// sponsor's home on 20 October 2025, 406 days before today (Monday
// 30 November 2026), moved on 20 November 2026 and has an individual
// hearing on 20 December 2026 (evidence due 20 November: overdue).
func joinedCase(t *testing.T, c *client) string {
	t.Helper()
	id := pvCreateCase(t, c, url.Values{"name": {"Rosa Vega"}, "status": {"arrived"}})
	base := "/cases/" + id
	pvPost(t, c, base+"/facts", url.Values{"kind": {"arrival"}, "date": {"2025-10-20"}}, 303)
	pvPost(t, c, base+"/facts", url.Values{"kind": {"move"}, "date": {"2026-11-20"}}, 303)
	pvPost(t, c, base+"/appointments", url.Values{"kind": {"individual_hearing"}, "date": {"2026-12-20"}}, 303)
	return base
}

// TestAddMemberWhoJoinedLater: a cousin who joined the household today
// gets no "days overdue" line on the group's home page — not for the
// arrival 406 days ago, not for the move, not for the family's hearing
// evidence — and their own EOIR-33 and AR-11 from today; the family's
// overdue lines stay. In English and in Spanish.
func TestAddMemberWhoJoinedLater(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		t.Run(lang, func(t *testing.T) {
			e := newEnv(t)
			e.srv.now = func() time.Time { return dsNow }
			c := e.signIn(emailAlphaCoord)
			if lang == "es" {
				pvPost(t, c, "/lang", url.Values{"lang": {"es"}, "return": {"/"}}, 303)
			}
			base := joinedCase(t, c)
			form := pvGet(t, c, base+"/people/new", 200).body
			question := map[string]string{"en": "When did they join this household?", "es": "¿Cuándo se unió a este hogar?"}[lang]
			if !strings.Contains(html.UnescapeString(form), question) {
				t.Fatalf("the add-member form does not ask %q", question)
			}
			// Asked plainly first: nothing between the question and its two
			// choices; the EOIR-33/AR-11 explanation is the hint of "They
			// joined later", before the day is asked (the review found a long
			// hint saying "that day" before any day was asked).
			fs := strings.Index(form, `<fieldset id="joined"`)
			legend := fs + strings.Index(form[max(fs, 0):], "</legend>")
			start := strings.Index(form, `id="joined-start"`)
			later, day := strings.Index(form, `id="joined-later"`), strings.Index(form, `id="joined_on"`)
			if fs < 0 || legend < fs || start < legend || later < start || day < later {
				t.Fatalf("the joined fieldset is not question, choices, day")
			}
			if between := form[legend:start]; strings.Contains(between, "EOIR") || strings.Contains(between, `class="hint"`) {
				t.Errorf("a hint stands between the question and its choices: %q", between)
			}
			if hint := form[later:day]; !strings.Contains(hint, `aria-describedby="joined-later-hint"`) ||
				!strings.Contains(hint, `id="joined-later-hint"`) || !strings.Contains(hint, "EOIR-33") || !strings.Contains(hint, "AR-11") {
				t.Errorf("\"joined later\" has no hint on EOIR-33 and AR-11 from the joining day: %q", hint)
			}
			pvPost(t, c, base+"/people", url.Values{"name": {"Beto Vega"}, "relationship": {"cousin"},
				"joined": {"later"}, "joined_on": {"2026-11-30"}}, 303)

			items := joinedItems(pvGet(t, c, "/", 200).body)
			var rosaOverdue, betoSoon int
			for _, it := range items {
				// A line for several people names them all: "R.V., B.V.".
				if strings.Contains(it.who, "B.V.") {
					if it.state == "overdue" || strings.Contains(it.when, "overdue") || strings.Contains(it.when, "venció") {
						t.Errorf("the cousin who joined today has an overdue line: %+v", it)
					}
					if it.state == "due_soon" {
						betoSoon++
					}
				}
				if strings.Contains(it.who, "R.V.") && it.state == "overdue" {
					rosaOverdue++
				}
			}
			// Rosa: EOIR-33 and AR-11 of the move (due 25 and 30 Nov; the
			// 30th is due today) and the hearing evidence (20 Nov).
			if rosaOverdue < 2 {
				t.Errorf("Rosa's overdue lines: %d, want the move's EOIR-33 and the evidence; items %+v", rosaOverdue, items)
			}
			// Beto: EOIR-33 due 5 December, AR-11 due 10 December.
			if betoSoon != 2 {
				t.Errorf("the cousin's lines due soon: %d, want EOIR-33 and AR-11 from today; items %+v", betoSoon, items)
			}
			want := map[string][]string{"en": {"in 5 days", "in 10 days"}, "es": {"en 5 días", "en 10 días"}}[lang]
			for _, w := range want {
				found := false
				for _, it := range items {
					found = found || (it.who == "B.V." && it.when == w)
				}
				if !found {
					t.Errorf("no line %q for the cousin; items %+v", w, items)
				}
			}
		})
	}
}

// TestAddMemberJoinedRefused: on a case whose household has an address,
// the add-member form must say when the person joined; a day in the
// future, a missing day or one before the household's arrival is refused
// with a message at the field and in the summary, in the user's language,
// and nothing is written.
func TestAddMemberJoinedRefused(t *testing.T) {
	e := newEnv(t)
	e.srv.now = func() time.Time { return dsNow }
	c := e.signIn(emailAlphaCoord)
	base := joinedCase(t, c)
	id := strings.TrimPrefix(base, "/cases/")
	tests := []struct {
		name string
		form url.Values
		en   string
		es   string
	}{
		{"no answer", url.Values{"name": {"Beto Vega"}},
			"Select whether they came with the family or joined the household later.",
			"Elija si llegó con la familia o se unió al hogar después."},
		{"later without a day", url.Values{"name": {"Beto Vega"}, "joined": {"later"}},
			"Enter the day they joined the household.", "Escriba el día en que se unió al hogar."},
		{"tomorrow", url.Values{"name": {"Beto Vega"}, "joined": {"later"}, "joined_on": {"2026-12-01"}},
			"The date must be today or in the past.", ""},
		{"before the arrival", url.Values{"name": {"Beto Vega"}, "joined": {"later"}, "joined_on": {"2025-10-19"}},
			"That is before the household's arrival or first move (Monday 20 October 2025).",
			"Esa fecha es anterior a la llegada o la primera mudanza del hogar (lunes 20 de octubre de 2025)."},
		{"not a day", url.Values{"name": {"Beto Vega"}, "joined": {"later"}, "joined_on": {"2026-02-30"}}, "", ""},
		{"not an answer", url.Values{"name": {"Beto Vega"}, "joined": {"sometime"}}, "", ""},
	}
	for _, lang := range []string{"en", "es"} {
		pvPost(t, c, "/lang", url.Values{"lang": {lang}, "return": {"/"}}, 303)
		for _, tt := range tests {
			res := pvPost(t, c, base+"/people", tt.form, 422)
			body := html.UnescapeString(res.body)
			want := map[string]string{"en": tt.en, "es": tt.es}[lang]
			if want != "" && !strings.Contains(body, want) {
				t.Errorf("%s (%s): the page lacks %q", tt.name, lang, want)
			}
			if !strings.Contains(res.body, `class="error-summary"`) {
				t.Errorf("%s (%s): no error summary", tt.name, lang)
			}
			if !strings.Contains(body, "Beto Vega") {
				t.Errorf("%s (%s): the name typed is not kept", tt.name, lang)
			}
			if ps, err := e.st.People(t.Context(), id, "en"); err != nil || len(ps) != 1 {
				t.Fatalf("%s (%s): %d people after a refused form (%v)", tt.name, lang, len(ps), err)
			}
		}
	}
	// "They came with the family": every household deadline is theirs,
	// as for people entered when the case was opened.
	pvPost(t, c, "/lang", url.Values{"lang": {"en"}, "return": {"/"}}, 303)
	pvPost(t, c, base+"/people", url.Values{"name": {"Beto Vega"}, "joined": {"start"}, "joined_on": {"2026-11-30"}}, 303)
	ps, err := e.st.People(t.Context(), id, "en")
	if err != nil || len(ps) != 2 || ps[1].JoinedOn != "" {
		t.Fatalf("came with the family: %+v (%v)", ps, err)
	}
	overdue := 0
	for _, it := range joinedItems(pvGet(t, c, "/", 200).body) {
		if strings.Contains(it.who, "B.V.") && it.state == "overdue" {
			overdue++
		}
	}
	if overdue < 2 {
		t.Errorf("a member who came with the family has %d overdue lines, want the household's: %+v", overdue, joinedItems(pvGet(t, c, "/", 200).body))
	}
}

// TestEditMemberJoined: the edit form shows the answer stored and changes
// it; the principal's form does not ask; a case without an address asks
// nothing of the add form (a member from the start).
func TestEditMemberJoined(t *testing.T) {
	e := newEnv(t)
	e.srv.now = func() time.Time { return dsNow }
	c := e.signIn(emailAlphaCoord)
	id := pvCreateCase(t, c, url.Values{"name": {"Rosa Vega"}, "status": {"arrived"}})
	base := "/cases/" + id
	pvPost(t, c, base+"/people", url.Values{"name": {"Beto Vega"}}, 303)
	pvPost(t, c, base+"/facts", url.Values{"kind": {"arrival"}, "date": {"2025-10-20"}}, 303)
	ps, err := e.st.People(t.Context(), id, "en")
	if err != nil || len(ps) != 2 {
		t.Fatal(ps, err)
	}
	rosa, beto := ps[0], ps[1]
	if strings.Contains(pvGet(t, c, base+"/people/"+rosa.ID+"/edit", 200).body, `name="joined"`) {
		t.Errorf("the principal's form asks when she joined")
	}
	edit := pvGet(t, c, base+"/people/"+beto.ID+"/edit", 200).body
	if !strings.Contains(edit, `value="start" checked`) {
		t.Errorf("a member from the start is not shown as one")
	}
	pvPost(t, c, base+"/people/"+beto.ID, url.Values{"name": {"Beto Vega"}, "joined": {"later"}, "joined_on": {"2026-11-27"}}, 303)
	if ps, _ := e.st.People(t.Context(), id, "en"); ps[1].JoinedOn != "2026-11-27" {
		t.Errorf("JoinedOn %q after the edit", ps[1].JoinedOn)
	}
	edit = pvGet(t, c, base+"/people/"+beto.ID+"/edit", 200).body
	if !strings.Contains(edit, `value="later" aria-describedby="joined-later-hint" checked`) || !strings.Contains(edit, `value="2026-11-27"`) {
		t.Errorf("the edit form does not show the day they joined")
	}
	if page := pvGet(t, c, base, 200).body; !strings.Contains(page, "Day they joined the household</dt><dd>Friday 27 November 2026") {
		t.Errorf("the case page does not say when Beto joined")
	}
	// An older form without the question keeps the answer.
	pvPost(t, c, base+"/people/"+beto.ID, url.Values{"name": {"Beto V."}}, 303)
	if ps, _ := e.st.People(t.Context(), id, "en"); ps[1].JoinedOn != "2026-11-27" {
		t.Errorf("JoinedOn %q after an edit that did not ask", ps[1].JoinedOn)
	}
	for _, it := range joinedItems(pvGet(t, c, "/", 200).body) {
		if strings.Contains(it.who, "B.V.") && it.state == "overdue" {
			t.Errorf("overdue line for a member who joined on 27 November: %+v", it)
		}
	}
}
