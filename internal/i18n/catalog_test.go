package i18n_test

import (
	"bytes"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"puente/internal/i18n"
)

// TestLocaleFilesAreComplete: every key of the source has a text in every
// language that is not a draft, no file holds a key the source lacks, the
// placeholders of every text match the source's, and nothing is blank.
func TestLocaleFilesAreComplete(t *testing.T) {
	rep := i18n.Check(i18n.LocaleFiles())
	var b bytes.Buffer
	rep.Write(&b)
	if !rep.OK() {
		t.Fatalf("the locale files have problems:\n%s", b.String())
	}
	if len(rep.Langs) < 2 {
		t.Fatalf("Check found %d languages, want en and es at least:\n%s", len(rep.Langs), b.String())
	}
	for _, l := range rep.Langs {
		if l.Draft {
			continue
		}
		if l.Keys != len(i18n.Keys()) {
			t.Errorf("%s has %d keys, en %d", l.Lang, l.Keys, len(i18n.Keys()))
		}
	}
	t.Logf("\n%s", b.String())
}

// TestLanguagesComeFromTheFiles: All, Parse and Name follow the files
// (one _meta file per language), with English first.
func TestLanguagesComeFromTheFiles(t *testing.T) {
	metas, err := fs.Glob(i18n.LocaleFiles(), "_meta.*.toml")
	if err != nil || len(metas) < 2 {
		t.Fatalf("meta files %v (%v), want en and es", metas, err)
	}
	if len(i18n.All) != len(metas) || i18n.All[0] != i18n.EN {
		t.Errorf("All = %v, want one language per meta file %v, English first", i18n.All, metas)
	}
	for _, l := range i18n.All {
		if got, ok := i18n.Parse(string(l)); !ok || got != l {
			t.Errorf("Parse(%q) = %q, %v", l, got, ok)
		}
	}
}

// testFiles is a locales directory with a draft French beside English.
func testFiles() fstest.MapFS {
	return fstest.MapFS{
		"_meta.en.toml": {Data: []byte("name = \"English\"\n")},
		"_meta.fr.toml": {Data: []byte("name = \"Français\"\ndraft = true\n")},
		"core.en.toml":  {Data: []byte("\"nav.home\" = \"Home\"\n\"case.of\" = \"Case of %s\"\n")},
		"core.fr.toml": {Data: []byte("# A translator's note may also be a description.\n[\"nav.home\"]\n" +
			"description = \"The link to the first page\"\nother = \"Accueil\"\n")},
	}
}

// TestLoadDiscoversLanguages: a language is its files; a draft falls back
// to English key by key; the table form with a description reads as the
// same text.
func TestLoadDiscoversLanguages(t *testing.T) {
	c, err := i18n.Load(testFiles())
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Langs(); !slices.Equal(got, []i18n.Lang{"en", "fr"}) {
		t.Errorf("Langs = %v, want [en fr]", got)
	}
	if s, ok := c.Text("fr", "nav.home"); !ok || s != "Accueil" {
		t.Errorf("fr nav.home = %q, %v; want Accueil", s, ok)
	}
	if _, ok := c.Text("fr", "case.of"); ok {
		t.Error("fr case.of exists, want missing")
	}

	restore := i18n.Use(c)
	fr, ok := i18n.Parse("fr")
	if !ok || !fr.Draft() || fr.Name() != "Français" || i18n.EN.Draft() {
		t.Errorf("Parse(fr) = %q, %v; Draft %v, Name %q; want a draft named Français", fr, ok, fr.Draft(), fr.Name())
	}
	if got := fr.T("case.of", "Ana"); got != "Case of Ana" {
		t.Errorf("fr.T(case.of) = %q, want the English fallback", got)
	}
	if got := i18n.FromAcceptLanguage("fr-CA,fr;q=0.9"); got != "fr" {
		t.Errorf("FromAcceptLanguage(fr-CA) = %q, want fr", got)
	}
	if _, ok := i18n.Parse("es"); ok {
		t.Error("Parse(es) with no Spanish files: ok, want refused")
	}
	restore()
	if _, ok := i18n.Parse("fr"); ok {
		t.Error("after restore, Parse(fr) still ok")
	}
	if i18n.ES.Draft() || i18n.ES.Name() != "Español" {
		t.Errorf("after restore, es: Draft %v, Name %q", i18n.ES.Draft(), i18n.ES.Name())
	}
}

// TestLoadRefusesBrokenFiles: each fault names its file.
func TestLoadRefusesBrokenFiles(t *testing.T) {
	for name, change := range map[string]func(fstest.MapFS){
		"no meta":        func(m fstest.MapFS) { delete(m, "_meta.fr.toml") },
		"meta, no texts": func(m fstest.MapFS) { m["_meta.de.toml"] = &fstest.MapFile{Data: []byte("name = \"Deutsch\"\n")} },
		"no name":        func(m fstest.MapFS) { m["_meta.fr.toml"] = &fstest.MapFile{Data: []byte("draft = true\n")} },
		"unknown meta": func(m fstest.MapFS) {
			m["_meta.fr.toml"] = &fstest.MapFile{Data: []byte("name = \"F\"\ndraught = true\n")}
		},
		"no source": func(m fstest.MapFS) { delete(m, "core.en.toml"); delete(m, "_meta.en.toml") },
		"bad toml":  func(m fstest.MapFS) { m["core.fr.toml"] = &fstest.MapFile{Data: []byte("\"a.b\" = \n")} },
		"two files": func(m fstest.MapFS) {
			m["more.en.toml"] = &fstest.MapFile{Data: []byte("\"nav.home\" = \"Home again\"\n")}
		},
		"plural": func(m fstest.MapFS) {
			m["more.en.toml"] = &fstest.MapFile{Data: []byte("[\"x.n\"]\none = \"one\"\nother = \"%d\"\n")}
		},
		"key after a table": func(m fstest.MapFS) {
			m["more.en.toml"] = &fstest.MapFile{Data: []byte("[\"x.y\"]\nother = \"a\"\n\"x.z\" = \"swallowed\"\n")}
		},
		"nested section": func(m fstest.MapFS) {
			m["more.en.toml"] = &fstest.MapFile{Data: []byte("[case]\ntitle = \"Case\"\n")}
		},
		"bad name": func(m fstest.MapFS) { m["core.toml"] = &fstest.MapFile{Data: []byte("\"x.y\" = \"z\"\n")} },
	} {
		m := testFiles()
		change(m)
		if _, err := i18n.Load(m); err == nil {
			t.Errorf("%s: loaded, want an error", name)
		} else if !strings.Contains(err.Error(), ".toml") && !strings.Contains(err.Error(), "source") && !strings.Contains(err.Error(), "language") {
			t.Errorf("%s: %v, want the file named", name, err)
		}
	}
}

// TestCheckFindsEveryKindOfProblem: missing (unless a draft), extra,
// placeholders that differ, blank texts.
func TestCheckFindsEveryKindOfProblem(t *testing.T) {
	m := testFiles()
	if rep := i18n.Check(m); !rep.OK() {
		t.Errorf("a draft missing a key: not OK, want OK: %+v", rep)
	}
	m["_meta.fr.toml"] = &fstest.MapFile{Data: []byte("name = \"Français\"\n")}
	rep := i18n.Check(m)
	if rep.OK() || len(rep.Langs) != 2 || !slices.Equal(rep.Langs[1].Missing, []string{"case.of"}) {
		t.Errorf("a complete language missing a key: %+v, want case.of missing", rep)
	}
	m["core.fr.toml"] = &fstest.MapFile{Data: []byte("\"nav.home\" = \" \"\n\"case.of\" = \"Dossier %d\"\n\"nav.typo\" = \"x\"\n")}
	fr := i18n.Check(m).Langs[1]
	if !slices.Equal(fr.Extra, []string{"nav.typo"}) || !slices.Equal(fr.Placeholders, []string{"case.of"}) ||
		!slices.Equal(fr.Empty, []string{"nav.home"}) || len(fr.Missing) != 0 || fr.Keys != 3 {
		t.Errorf("fr = %+v, want extra nav.typo, placeholders case.of, empty nav.home", fr)
	}
	if rep := i18n.Check(fstest.MapFS{}); rep.OK() || rep.Err == nil {
		t.Error("no files: OK, want the load error")
	}
}

func TestSamePlaceholders(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Case %s", "Caso %s", true},
		{"%s of %d", "%s de %d", true},
		{"%s of %d", "%d de %s", false},
		{"Case %s", "Caso", false},
		{"100%% done", "100 hecho", false},
		{"%[1]s's %[2]s", "%[2]s de %[1]s", true},
		{"%[1]s's %[2]s", "%[2]s de %[2]s", false},
		{"%5.2f", "%5.2f", true},
		{"Due {due_date}, from {trigger_date}.", "Desde el {trigger_date}, vence el {due_date}.", true},
		{"Due {due_date}.", "Vence el {trigger_date}.", false},
		{"Due {due_date}.", "Vence pronto.", false},
	} {
		if got := i18n.SamePlaceholders(tt.a, tt.b); got != tt.want {
			t.Errorf("SamePlaceholders(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
