package web

import (
	"io/fs"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"puente/internal/i18n"
)

// draftFrench is the shipped locale files plus a draft French made of
// files (name → content): a language Puente does not ship, added as
// files only.
func draftFrench(t *testing.T, files map[string]string) *i18n.Catalog {
	t.Helper()
	fsys := fstest.MapFS{"_meta.fr.toml": {Data: []byte("name = \"Français\"\ndraft = true\n")}}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	shipped, err := fs.Glob(i18n.LocaleFiles(), "*.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range shipped {
		b, err := fs.ReadFile(i18n.LocaleFiles(), name)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	c, err := i18n.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestDraftLanguageSaysSo: a language added as files (here a draft
// French, built from the shipped files plus two of its own) joins the
// switch and Accept-Language; its pages carry a notice in French and in
// English, show English where the draft lacks a text, and Spanish and
// English pages carry no notice. Not parallel: it swaps the catalog.
func TestDraftLanguageSaysSo(t *testing.T) {
	c := draftFrench(t, map[string]string{"core.fr.toml": "\"lang.draft\" = \"Cette traduction est un brouillon.\"\n" +
		"\"lang.label\" = \"Langue :\"\n"})
	defer i18n.Use(c)()

	e := newEnv(t)
	notice := `<p class="draft-lang" role="note"><span lang="fr">Cette traduction est un brouillon.</span> <span lang="en">` + secEsc(i18n.EN.T("lang.draft")) + `</span></p>`
	page := secGet(e.client(), "/login", secHeader("Accept-Language", "fr-FR"))
	if !strings.Contains(page.body, `<html lang="fr"`) {
		t.Errorf("Accept-Language fr: want <html lang=\"fr\"; body: %.300s", page.body)
	}
	hasHTML := func(label, body, want string) {
		t.Helper()
		if !strings.Contains(body, want) {
			t.Errorf("%s: body lacks %s; body: %.1500s", label, want, body)
		}
	}
	hasHTML("draft notice", page.body, notice)
	secHas(t, "the draft's own text", page.body, "Langue :")
	secHas(t, "English where the draft has no text", page.body, "Sign in")
	hasHTML("the switch offers it", page.body, `value="fr" lang="fr"`)
	secHas(t, "its own name", page.body, "Français")

	cl := e.client()
	secRedirect(t, "switch to French", cl.post("/lang", url.Values{"lang": {"fr"}, "return": {"/login"}}), "/login")
	hasHTML("after the switch", cl.get("/login").body, notice)

	for _, lang := range []string{"en", "es"} {
		body := secGet(e.client(), "/login", secHeader("Accept-Language", lang)).body
		if strings.Contains(body, "draft-lang") {
			t.Errorf("%s page carries the draft notice", lang)
		}
	}
}
