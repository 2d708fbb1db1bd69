package web

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var emptyOptionRE = regexp.MustCompile(`<option value="">([^<]*)</option>`)

// TestSelectsStartWithAPrompt: a select's empty first choice says what to
// do ("Choose…", "Elija…") as on every other form; the review found the
// new commitment's "What" and "How often" starting on "—".
func TestSelectsStartWithAPrompt(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord := e.signIn(emailAlphaCoord)
	c := e.cases["alpha"]
	money := cmCommitment(t, coord, c.ID, url.Values{"kind": {"money"}, "starts_on": {cmDay(1)}, "end_kind": {"open"},
		"amount": {"50"}, "currency": {"USD"}, "frequency": {"monthly"}})
	base := "/cases/" + c.ID + "/commitments/"
	pages := []string{base + "new", base + money + "/edit", base + money + "/given/new"}
	for lang, prompt := range map[string]string{"en": "Choose…", "es": "Elija…"} {
		cmPost(t, coord, "/lang", url.Values{"lang": {lang}, "return": {"/"}}, s303)
		for _, p := range pages {
			r := coord.get(p)
			if r.status != s200 {
				t.Fatalf("%s %s: got %d", lang, p, r.status)
			}
			ms := emptyOptionRE.FindAllStringSubmatch(r.body, -1)
			if len(ms) == 0 {
				t.Errorf("%s %s: no select with an empty first choice", lang, p)
			}
			for _, m := range ms {
				if strings.TrimSpace(m[1]) == "—" || strings.TrimSpace(m[1]) == "" {
					t.Errorf("%s %s: a select starts on %q, want a prompt like %q", lang, p, m[1], prompt)
				}
			}
		}
		// The commitment form's "What" and "How often" start on the prompt.
		body := coord.get(base + "new").body
		for _, id := range []string{"kind", "frequency"} {
			i := strings.Index(body, `<select id="`+id+`"`)
			if i < 0 || !strings.Contains(body[i:min(len(body), i+400)], `<option value="">`+prompt+`</option>`) {
				t.Errorf("%s new commitment: select %s does not start on %q", lang, id, prompt)
			}
		}
	}
}
