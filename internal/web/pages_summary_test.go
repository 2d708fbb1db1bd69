package web

import (
	"context"
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"puente/internal/i18n"
)

var (
	summaryRE         = regexp.MustCompile(`(?s)<div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title">(.*?)</div>`)
	summaryItemLinkRE = regexp.MustCompile(`<a href="#([^"]+)">([^<]*)</a>`)
	summaryItemRE     = regexp.MustCompile(`<li>`)
)

// checkErrorSummary checks a rejected form's page (GOV.UK's error summary
// pattern): the summary comes first in the main content, takes focus when
// the page loads (autofocus, tabindex -1, role alert), lists at least one
// message, and each of its links leads to an element of the page; a field
// a message links to is marked invalid or is a group of choices.
func checkErrorSummary(t *testing.T, label, body string) {
	t.Helper()
	_, main, ok := strings.Cut(body, `<main id="main" tabindex="-1">`)
	if !ok {
		t.Errorf("%s: no main element", label)
		return
	}
	if !strings.HasPrefix(strings.TrimSpace(main), `<div class="error-summary"`) {
		t.Errorf("%s: the error summary is not the first thing in the main content: %.200q", label, strings.TrimSpace(main))
	}
	m := summaryRE.FindStringSubmatch(body)
	if m == nil {
		t.Errorf("%s: no focusable error summary", label)
		return
	}
	if len(summaryItemRE.FindAllString(m[1], -1)) == 0 {
		t.Errorf("%s: the error summary lists no message", label)
	}
	// A field left empty says what to enter, never a generic message or a key.
	for _, generic := range []string{"This field is required", "Este campo es obligatorio", "err.required", "problem.required"} {
		if strings.Contains(body, generic) {
			t.Errorf("%s: the page says %q", label, generic)
		}
	}
	for _, l := range summaryItemLinkRE.FindAllStringSubmatch(m[1], -1) {
		id := html.UnescapeString(l[1])
		// A message names its field by the field's label ("Time: Enter a
		// time as HH:MM."), or, for a field left empty, by saying what to
		// enter ("Enter the person's name."): then in the field's own
		// words, the same in the summary and at the field.
		msg := html.UnescapeString(l[2])
		if requiredMessages()[i18n.EN][msg] || requiredMessages()[i18n.ES][msg] {
			if !strings.Contains(body, `id="`+l[1]+`-error">`+l[2]+`</p>`) {
				t.Errorf("%s: the summary says %q, the field #%s does not say the same", label, msg, id)
			}
		} else if lab := regexp.MustCompile(`<label for="` + regexp.QuoteMeta(l[1]) + `">([^<]+)</label>`).FindStringSubmatch(body); lab != nil &&
			!strings.HasPrefix(msg, html.UnescapeString(lab[1])+": ") {
			t.Errorf("%s: the summary's message %q does not name its field %q", label, msg, html.UnescapeString(lab[1]))
		}
		el := regexp.MustCompile(`<[a-z]+ [^>]*\bid="` + regexp.QuoteMeta(l[1]) + `"[^>]*>`).FindString(body)
		if el == "" {
			t.Errorf("%s: the error summary links to #%s, which is not on the page", label, id)
			continue
		}
		if !strings.Contains(el, `aria-invalid="true"`) && !strings.HasPrefix(el, "<fieldset") && !strings.HasPrefix(el, "<h2") {
			t.Errorf("%s: #%s, linked from the summary, is not marked invalid: %s", label, id, el)
		}
	}
}

// TestRecordedDatesCount: the collapsed list of recorded dates says how
// many there are in words that agree with the number: "See the 2 recorded
// dates", but "See the recorded date" for one, in both languages.
func TestRecordedDatesCount(t *testing.T) {
	e := newEnv(t)
	e.srv.now = func() time.Time { return pgNow }
	c := e.signIn(emailAlphaCoord)
	cs, _ := pgFamily(t, e, c) // a move and a decision
	base := "/cases/" + cs.ID
	if page := pvGet(t, c, base, 200).body; !strings.Contains(page, "<summary>See the 2 recorded dates</summary>") {
		t.Errorf("two recorded dates: want %q", "See the 2 recorded dates")
	}
	facts, err := e.st.Facts(context.Background(), cs.ID)
	if err != nil || len(facts) != 2 {
		t.Fatalf("facts: %v %v", facts, err)
	}
	pvPost(t, c, base+"/facts/"+facts[0].ID+"/delete", url.Values{}, 303)
	if page := pvGet(t, c, base, 200).body; !strings.Contains(page, "<summary>See the recorded date</summary>") || strings.Contains(page, "See the 1 recorded") {
		t.Errorf("one recorded date: want %q", "See the recorded date")
	}
	pvPost(t, c, "/lang", url.Values{"lang": {"es"}, "return": {base}}, 303)
	if page := pvGet(t, c, base, 200).body; !strings.Contains(page, "<summary>Ver la fecha anotada</summary>") {
		t.Errorf("one recorded date in Spanish: want %q", "Ver la fecha anotada")
	}
}
