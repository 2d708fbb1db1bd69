package web

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// labelOf is the text of the <label for="id"> in body ("" for none).
func labelOf(body, id string) string {
	i := strings.Index(body, `<label for="`+id+`">`)
	if i < 0 {
		return ""
	}
	s := body[i+len(`<label for="`+id+`">`):]
	return html.UnescapeString(s[:strings.Index(s, "</label>")])
}

// TestGivenDetailsLabelMatchesRule: what was given for a commitment that is
// not money must be described, so its label does not say "optional" (the
// review found "Details (optional): Enter what was given."); for money the
// amount says what, and the details stay optional. English and Spanish.
func TestGivenDetailsLabelMatchesRule(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord := e.signIn(emailAlphaCoord)
	c := e.cases["alpha"]
	housing := cmCommitment(t, coord, c.ID, url.Values{"kind": {"housing"}, "starts_on": {cmDay(-10)}, "end_kind": {"open"}})
	money := cmCommitment(t, coord, c.ID, url.Values{"kind": {"money"}, "starts_on": {cmDay(-10)}, "end_kind": {"open"},
		"amount": {"600"}, "currency": {"USD"}, "frequency": {"monthly"}})
	for _, tc := range []struct{ lang, what, optional, msg string }{
		{"en", "What was given", "Details (optional)", "Enter what was given."},
		{"es", "Qué se dio", "Detalles (opcional)", "Escriba qué se dio."},
	} {
		cmPost(t, coord, "/lang", url.Values{"lang": {tc.lang}, "return": {"/"}}, s303)
		path := "/cases/" + c.ID + "/commitments/" + housing + "/given"
		before := cmCounts(e)
		res := coord.post(path, url.Values{"given_on": {cmDay(0)}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("%s: empty details on housing: got %d, want 422", tc.lang, res.status)
		}
		body := html.UnescapeString(res.body)
		if got := labelOf(res.body, "description"); got != tc.what {
			t.Errorf("%s: housing's details labelled %q, want %q", tc.lang, got, tc.what)
		}
		if strings.Contains(body, tc.optional) {
			t.Errorf("%s: a required field is called %q", tc.lang, tc.optional)
		}
		if !strings.Contains(body, tc.msg) {
			t.Errorf("%s: got no %q", tc.lang, tc.msg)
		}
		cmSameCounts(t, tc.lang+" empty details", before, cmCounts(e))
		if got := labelOf(coord.get("/cases/"+c.ID+"/commitments/"+money+"/given/new").body, "description"); got != tc.optional {
			t.Errorf("%s: money's details labelled %q, want %q", tc.lang, got, tc.optional)
		}
	}
}
