package web

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"puente/internal/i18n"
	"puente/internal/model"
)

// TestThirdLanguageSignedIn (issue 12): a third language added as files
// (a draft French) works end to end for a signed-in person. They pick it;
// it is stored as their setting (users.lang takes it since 016), so a new
// session without a cookie or Accept-Language gets it; the case page is in
// it, with the draft notice, the engine's rule title, working and dates in
// French where the draft has them and English where it does not; and a calendar feed made
// from a French page is stored in French and serves French titles. Not
// parallel: it swaps the catalog.
func TestThirdLanguageSignedIn(t *testing.T) {
	const frTitle = "EOIR-33 : donner la nouvelle adresse au tribunal"
	c := draftFrench(t, map[string]string{
		"core.fr.toml": "\"lang.draft\" = \"Cette traduction est un brouillon.\"\n",
		"deadline_engine.fr.toml": "\"rule.eoir33_change_of_address.title\" = \"" + frTitle + "\"\n" +
			"\"engine.subject.arrival\" = \"Arrivés chez le parrain le %s.\"\n" +
			"\"engine.weekday.2\" = \"mardi\"\n\"engine.month.3\" = \"mars\"\n",
	})
	defer i18n.Use(c)()

	e := newEnv(t)
	ctx := context.Background()
	tmAt(e, time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC))
	cs, err := e.st.CreateCase(ctx, e.orgs["alpha"].ID, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: "Zoila Ramos"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.AddFact(ctx, cs, "", model.Fact{Kind: model.FactArrival, Date: "2026-03-10"}); err != nil {
		t.Fatal(err)
	}

	first := e.signIn(emailAlphaCoord)
	secRedirect(t, "pick French", first.post("/lang", url.Values{"lang": {"fr"}, "return": {"/"}}), "/")

	// A new session: no cookie, no Accept-Language; the setting decides.
	coord := e.signIn(emailAlphaCoord)
	page := pvGet(t, coord, "/cases/"+cs.ID, 200).body
	for what, want := range map[string]string{
		"the page's language":                 `<html lang="fr"`,
		"the draft notice":                    `<p class="draft-lang" role="note"><span lang="fr">Cette traduction est un brouillon.</span>`,
		"the rule's French title":             frTitle,
		"the working in French":               "Arrivés chez le parrain le ",
		"English where the draft has no text": secEsc(i18n.EN.T("rule.ar11_change_of_address.title")),
	} {
		if !strings.Contains(page, want) {
			t.Errorf("case page in French: %s (%q) missing; body: %.600s", what, want, page)
		}
	}

	// The other pages a signed-in person uses are in it too.
	if _, err := e.st.AddChecklist(ctx, cs, "", "first_week"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/", "/cases", "/me/tasks", "/calendar", "/cases/" + cs.ID + "/checklists/first_week", "/account"} {
		body := pvGet(t, coord, p, 200).body
		if !strings.Contains(body, `<html lang="fr"`) || !strings.Contains(body, "Cette traduction est un brouillon.") {
			t.Errorf("%s: not in the draft French with its notice", p)
		}
	}

	path := tmFeed(t, e, coord, nil)
	feeds, err := e.st.Feeds(ctx, e.userID(emailAlphaCoord))
	if err != nil || len(feeds) != 1 || feeds[0].Lang != "fr" {
		t.Fatalf("feeds: got %+v, %v; want one in fr", feeds, err)
	}
	_, cal := pvFeed(t, e, path)
	code := pvCaseCode(t, page)
	evs := tmEvents(t, cal, code)
	if _, ok := evs[frTitle+" (Z.R.) @20260315"]; !ok {
		t.Errorf("French feed entries of %s: got %q, want the EOIR-33 in French on 15 Mar", code, keys(evs))
	}
}
