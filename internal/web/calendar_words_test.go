package web

import (
	"html"
	"net/url"
	"strings"
	"testing"
)

// TestCalendarPageSaysWhatIsLeftOut: the calendar page tells truthfully
// which deadlines its feeds leave out and why. FeedItems leaves out a date
// counted from a date of birth (sealed, never in a feed: SECURITY.md,
// store.feedExcludedRules), so the page may not say "Nothing in that
// window is left out" (the review found it did), in either language.
func TestCalendarPageSaysWhatIsLeftOut(t *testing.T) {
	e := newEnv(t)
	coord := e.signIn(emailAlphaCoord)
	for _, tt := range []struct{ lang, false_, birth, caseP string }{
		{"en", "Nothing in that window is left out", "deadlines counted from a date of birth", "only on the case page"},
		{"es", "No se deja nada fuera", "plazos contados desde una fecha de nacimiento", "solo aparecen en la página del caso"},
	} {
		cmPost(t, coord, "/lang", url.Values{"lang": {tt.lang}, "return": {"/"}}, s303)
		body := html.UnescapeString(coord.get("/calendar").body)
		if strings.Contains(body, tt.false_) {
			t.Errorf("%s /calendar still says %q", tt.lang, tt.false_)
		}
		for _, want := range []string{tt.birth, tt.caseP} {
			if !strings.Contains(body, want) {
				t.Errorf("%s /calendar does not say %q", tt.lang, want)
			}
		}
	}
}
