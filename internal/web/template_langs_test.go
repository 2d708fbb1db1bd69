package web

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"puente/internal/i18n"
	"puente/internal/model"
)

// TestTemplateItemInEveryLanguage (issue 12): with a third language in
// the locale files (a draft French), a network admin's item form offers
// it beside the required English and Spanish; its words are optional but
// need a title; they are stored with the version and copied to a case;
// the case shows each viewer their language, and English where an item
// has none in it. Not parallel: it swaps the catalog.
func TestTemplateItemInEveryLanguage(t *testing.T) {
	defer i18n.Use(draftFrench(t, map[string]string{"core.fr.toml": "\"lang.draft\" = \"Brouillon.\"\n"}))()
	e := newEnv(t)
	ctx := context.Background()
	net := e.orgs["network"].ID
	admin := e.signIn(emailNetAdmin)
	items := "/orgs/" + net + "/checklists/ending/items"

	form := admin.get(items + "/new").body
	for _, want := range []string{`<legend>Français (optional)</legend>`, `name="title_fr"`, `name="why_fr"`, `<label for="title_fr">Title (Français)</label>`,
		`name="title_en"`, `name="title_es"`, `<input type="hidden" name="version" value="0">`} {
		if !strings.Contains(form, want) {
			t.Errorf("item form lacks %s", want)
		}
	}
	if n := strings.Count(form, `<option value="ead-may-file"`); n != 1 {
		t.Errorf("the rule choice lists ead-may-file %d times, want once (one per rule, not per version)", n)
	}
	for name, bad := range map[string]struct {
		form  url.Values
		field string
	}{
		"French words without a title": {url.Values{"version": {"0"}, "title_en": {"Dinner"}, "title_es": {"Cena"}, "why_fr": {"Pour bien finir."}}, "title_fr"},
		"still no Spanish title":       {url.Values{"version": {"0"}, "title_en": {"Dinner"}, "title_fr": {"Dîner"}}, "title_es"},
	} {
		res := cmPost(t, admin, items, bad.form, s422)
		if !strings.Contains(res.body, `href="#`+bad.field+`"`) || !strings.Contains(res.body, `value="Dinner"`) {
			t.Errorf("%s: want an error for %s and the input kept; body %.1500s", name, bad.field, secSnippet(res.body))
		}
	}
	if v, _ := e.st.NetworkTemplate(ctx, net, "ending"); v.Version != 0 {
		t.Fatalf("a refused form wrote version %d", v.Version)
	}
	cmPost(t, admin, items, url.Values{"version": {"0"}, "title_en": {"Goodbye dinner"}, "title_es": {"Cena de despedida"},
		"why_en": {"To end well."}, "why_es": {"Para terminar bien."}, "title_fr": {"Dîner d'adieu"}, "why_fr": {"Pour bien finir."}}, s303)
	cmPost(t, admin, items, url.Values{"version": {"1"}, "title_en": {"Thank-you cards"}, "title_es": {"Tarjetas de agradecimiento"}}, s303)
	v, err := e.st.NetworkTemplate(ctx, net, "ending")
	if err != nil || v.Version != 2 {
		t.Fatalf("after two saves: version %d, %v", v.Version, err)
	}
	dinner := v.Items[len(v.Items)-2]
	if got := dinner.More["fr"]; got != (model.ItemText{Title: "Dîner d'adieu", Why: "Pour bien finir."}) {
		t.Errorf("stored French words: got %+v", dinner.More)
	}
	// Editing keeps them, shown in the form.
	if body := admin.get(items + "/" + dinner.Key + "/edit").body; !strings.Contains(body, `value="Dîner d&#39;adieu"`) {
		t.Errorf("edit form: the French title is not filled in")
	}

	c := e.cases["alpha"]
	if _, err := e.st.AddChecklist(ctx, c, "", "ending"); err != nil {
		t.Fatal(err)
	}
	cl, err := e.st.CaseChecklist(ctx, c.ID, "ending")
	if err != nil || cl.Items[len(cl.Items)-2].More["fr"].Title != "Dîner d'adieu" {
		t.Fatalf("the case's copy lacks the French words: %v", err)
	}
	page := "/cases/" + c.ID + "/checklists/ending"
	for lang, want := range map[string][]string{
		"fr": {"Dîner d&#39;adieu", "Thank-you cards"},
		"es": {"Cena de despedida", "Tarjetas de agradecimiento"},
		"en": {"Goodbye dinner", "Thank-you cards"},
	} {
		coord := e.signIn(emailAlphaCoord)
		secRedirect(t, "pick "+lang, coord.post("/lang", url.Values{"lang": {lang}, "return": {"/"}}), "/")
		body := coord.get(page).body
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("checklist in %s: lacks %q", lang, w)
			}
		}
	}
}

// TestTemplateConcurrentEdits (issue 12): an admin's open form does not
// write over another admin's save made since it was opened. The late save
// answers 409 with nothing written, says in the admin's language that
// someone else changed it, shows what they saved, and keeps what was
// typed with the version now current, so that saving again is a choice.
// A move on a list that has changed since is refused too.
func TestTemplateConcurrentEdits(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	net := e.orgs["network"].ID
	item := "/orgs/" + net + "/checklists/ending/items/handover"
	for _, lang := range []string{"en", "es"} {
		t.Run(lang, func(t *testing.T) {
			admin := e.signIn(emailNetAdmin)
			secRedirect(t, "pick "+lang, admin.post("/lang", url.Values{"lang": {lang}, "return": {"/"}}), "/")
			v, err := e.st.NetworkTemplate(ctx, net, "ending")
			if err != nil {
				t.Fatal(err)
			}
			form := admin.get(item + "/edit").body
			opened := `<input type="hidden" name="version" value="` + itoaTest(v.Version) + `">`
			if !strings.Contains(form, opened) {
				t.Fatalf("edit form lacks %s", opened)
			}
			// Another admin saves first.
			other := v.Items
			for i := range other {
				if other[i].Key == "handover" {
					other[i] = model.TemplateItem{Key: "handover", EN: model.ItemText{Title: "Their title " + lang}, ES: model.ItemText{Title: "Su título " + lang}}
				}
			}
			if _, err := e.st.SaveTemplate(ctx, net, "ending", "", v.Version, other); err != nil {
				t.Fatal(err)
			}
			mine := url.Values{"version": {itoaTest(v.Version)}, "title_en": {"My title"}, "title_es": {"Mi título"}}
			res := cmPost(t, admin, item, mine, 409)
			l := i18n.Lang(lang)
			theirs := map[string]string{"en": "Their title en", "es": "Su título es"}[lang]
			for what, want := range map[string]string{
				"the message":         secEsc(l.T("template.conflict.form", v.Version+1)),
				"their words":         theirs,
				"the heading of them": secEsc(l.T("template.conflict.theirs")),
				"my words kept":       `value="My title"`,
				"the version now":     `<input type="hidden" name="version" value="` + itoaTest(v.Version+1) + `">`,
			} {
				if !strings.Contains(res.body, want) {
					t.Errorf("409 page lacks %s (%q); body %.1500s", what, want, secSnippet(res.body))
				}
			}
			now, _ := e.st.NetworkTemplate(ctx, net, "ending")
			if now.Version != v.Version+1 || itemByKey(now, "handover").EN.Title != "Their title "+lang {
				t.Errorf("after the refused save: version %d, handover %q; want theirs kept", now.Version, itemByKey(now, "handover").EN.Title)
			}
			// Saving again from the refused form is a deliberate choice.
			mine.Set("version", itoaTest(v.Version+1))
			cmPost(t, admin, item, mine, s303)
			if now, _ = e.st.NetworkTemplate(ctx, net, "ending"); itemByKey(now, "handover").EN.Title != "My title" {
				t.Errorf("the second save did not write: %q", itemByKey(now, "handover").EN.Title)
			}
			// An item another admin took out meanwhile: 409, the words
			// kept, and saving again adds them as a new item.
			before, _ := e.st.NetworkTemplate(ctx, net, "ending")
			goneKey := map[string]string{"en": "review", "es": "in_touch"}[lang]
			gone := "/orgs/" + net + "/checklists/ending/items/" + goneKey
			if body := admin.get(gone + "/edit").body; !strings.Contains(body, `name="version" value="`+itoaTest(before.Version)+`"`) {
				t.Fatalf("edit form of %s: no version %d", goneKey, before.Version)
			}
			var kept []model.TemplateItem
			for _, it := range before.Items {
				if it.Key != goneKey {
					kept = append(kept, it)
				}
			}
			if _, err := e.st.SaveTemplate(ctx, net, "ending", "", before.Version, kept); err != nil {
				t.Fatal(err)
			}
			res = cmPost(t, admin, gone, url.Values{"version": {itoaTest(before.Version)}, "title_en": {"Review " + lang}, "title_es": {"Revisión " + lang}}, 409)
			for what, want := range map[string]string{
				"the message":   secEsc(l.T("template.conflict.gone", before.Version+1)),
				"my words kept": `value="Review ` + lang + `"`,
				"a new item":    `action="/orgs/` + net + `/checklists/ending/items" `,
			} {
				if !strings.Contains(res.body, want) {
					t.Errorf("retired meanwhile: 409 page lacks %s (%q)", what, want)
				}
			}
			cmPost(t, admin, "/orgs/"+net+"/checklists/ending/items", url.Values{"version": {itoaTest(before.Version + 1)},
				"title_en": {"Review " + lang}, "title_es": {"Revisión " + lang}}, s303)
			now, _ = e.st.NetworkTemplate(ctx, net, "ending")
			if last := now.Items[len(now.Items)-1]; last.EN.Title != "Review "+lang {
				t.Errorf("saving again: last item %q, want the words added back", last.EN.Title)
			}
			// A move from a page showing an older list changes nothing.
			cmPost(t, admin, item+"/move", url.Values{"dir": {"down"}, "version": {itoaTest(v.Version)}}, s303)
			if after, _ := e.st.NetworkTemplate(ctx, net, "ending"); after.Version != now.Version {
				t.Errorf("a stale move wrote version %d", after.Version)
			}
			// So does a retirement confirmed on a page of an older version;
			// the confirmation page carries the version it was made from.
			if body := admin.get(item + "/retire").body; !strings.Contains(body, `<input type="hidden" name="version" value="`+itoaTest(now.Version)+`">`) {
				t.Errorf("retire page lacks the version %d", now.Version)
			}
			cmPost(t, admin, item+"/retire", url.Values{"version": {itoaTest(v.Version)}}, s303)
			if after, _ := e.st.NetworkTemplate(ctx, net, "ending"); after.Version != now.Version || itemByKey(after, "handover").Key == "" {
				t.Errorf("a stale retirement wrote version %d", after.Version)
			}
		})
	}
}

func itemByKey(v model.TemplateVersion, key string) model.TemplateItem {
	for _, it := range v.Items {
		if it.Key == key {
			return it
		}
	}
	return model.TemplateItem{}
}

func itoaTest(n int) string { return strconv.Itoa(n) }
