package web

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	"puente/internal/i18n"
)

// foldProbe is page data whose translation answers a text that needs
// escaping in every context.
type foldProbe struct{ Name string }

const foldTricky = `a<b>&"c' /x?y=z&w=1 </script> javascript:alert(1) {{x}}`

func (foldProbe) T(key string, args ...any) string { return key + ":" + foldTricky }
func (foldProbe) English(key string, args ...any) string {
	return "en:" + key
}

// TestFoldedTranslationsEscapeAlike: a translation folded into the
// template as a string constant comes out escaped exactly as the method's
// answer did, in text, attributes (quoted, unquoted, URL), a script, a
// style, an RCDATA element and inside a nested pipeline; calls with
// arguments and calls after a pipe stay calls.
func TestFoldedTranslationsEscapeAlike(t *testing.T) {
	const src = `{{define "page"}}<p title="{{.T "k1"}}" data-x={{$.T "k2"}}>{{.T "k3"}}</p>` +
		`<a href="/s?q={{.T "k4"}}">{{with .Name}}{{$.T "k5"}}{{end}}</a>` +
		`<script>var s = {{.T "k6"}}; var u = "{{.T "k7"}}";</script>` +
		`<style>p { font-family: "{{.T "k8"}}" }</style>` +
		`<textarea>{{.T "k9"}}</textarea><title>{{.T "k10"}}</title>` +
		`{{$d := .}}<p>{{$d.T "k11"}} {{printf "%s|%s" (.T "k12") ($d.English "k13")}} {{.T "k14" .Name}} {{.Name | printf "%s"}}</p>` +
		`{{template "sub" .}}{{end}}` +
		`{{define "sub"}}<b aria-label="{{.T "k15"}}">{{.T "k16"}}</b>{{end}}`
	render := func(fold bool) (string, *template.Template) {
		tpl := template.Must(template.New("x").Parse(src))
		if fold {
			foldTranslations(tpl, func(key string) string { return foldProbe{}.T(key) }, func(key string) string { return foldProbe{}.English(key) })
		}
		var buf bytes.Buffer
		if err := tpl.ExecuteTemplate(&buf, "page", foldProbe{Name: "N"}); err != nil {
			t.Fatalf("fold %v: %v", fold, err)
		}
		return buf.String(), tpl
	}
	want, _ := render(false)
	got, folded := render(true)
	if got != want {
		t.Errorf("folded page differs:\n got %s\nwant %s", got, want)
	}
	for _, k := range []string{"k1", "k6", "k11", "k12", "k13", "k16"} {
		if !strings.Contains(got, k+":") && !strings.Contains(got, "en:"+k) {
			t.Errorf("page lacks %s's text: %s", k, got)
		}
	}
	// The folding happened: no key-only call is left, the call with an
	// argument is.
	tree := folded.Lookup("page").Tree.Root.String() + folded.Lookup("sub").Tree.Root.String()
	for _, call := range []string{`.T "k1"`, `$.T "k2"`, `$d.T "k11"`, `.T "k12"`, `$d.English "k13"`, `.T "k16"`} {
		if strings.Contains(tree, call) {
			t.Errorf("%s was not folded: %s", call, tree)
		}
	}
	if !strings.Contains(tree, `.T "k14" .Name`) {
		t.Errorf("the call with an argument was folded: %s", tree)
	}
}

// TestFoldedPagesMatchUnfolded: every page of the demo a coordinator
// reaches, in English and in Spanish, is byte for byte the same rendered
// from the folded templates as from templates that translate at run time.
func TestFoldedPagesMatchUnfolded(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ES} {
		e := newDemoEnv(t, lang)
		c := e.signInSpanish("coord@alpha.example.org")
		if lang == i18n.EN {
			pvPost(t, c, "/lang", map[string][]string{"lang": {"en"}, "return": {"/"}}, 303)
		}
		crawled := pvCrawl(t, e, c, 120, "/", "/cases", "/me/tasks", "/calendar", "/account", "/guide")
		unfolded, err := parseAllTemplates()
		if err != nil {
			t.Fatal(err)
		}
		folded := e.srv.pages
		html := 0
		for _, p := range crawled {
			e.srv.pages = folded
			a := c.get(p.path)
			e.srv.pages = func(i18n.Lang) (map[string]*template.Template, error) { return unfolded, nil }
			b := c.get(p.path)
			if a.status != b.status || a.body != b.body {
				i := 0
				for i < min(len(a.body), len(b.body)) && a.body[i] == b.body[i] {
					i++
				}
				t.Errorf("%s %s: folded %d and unfolded %d differ at byte %d: %q vs %q", lang, p.path, a.status, b.status, i,
					a.body[i:min(len(a.body), i+80)], b.body[i:min(len(b.body), i+80)])
			}
			if strings.Contains(a.header.Get("Content-Type"), "text/html") {
				html++
			}
		}
		e.srv.pages = folded
		if html < 30 {
			t.Errorf("%s: compared %d HTML pages, want at least 30", lang, html)
		}
		t.Logf("%s: %d pages compared, %d of them HTML", lang, len(crawled), html)
	}
}

// TestInlinedConstantsEscapeAlike: after folding, each action that prints
// a constant through escapers alone becomes the text it printed, in text,
// attributes, URLs, scripts, styles and RCDATA, and in a template another
// calls; what "base" and "content" print is unchanged, byte for byte;
// actions with data stay actions.
func TestInlinedConstantsEscapeAlike(t *testing.T) {
	const src = `{{define "base"}}<!doctype html><title>{{.T "k10"}}</title>{{template "content" .}}{{end}}` +
		`{{define "content"}}<p title="{{.T "k1"}}" data-x={{$.T "k2"}}>{{.T "k3"}}</p>` +
		`<a href="/s?q={{.T "k4"}}">{{with .Name}}{{$.T "k5"}}{{end}}</a>` +
		`<script>var s = {{.T "k6"}}; var u = "{{.T "k7"}}";</script>` +
		`<style>p { font-family: "{{.T "k8"}}" }</style>` +
		`<textarea>{{.T "k9"}}</textarea>` +
		`{{$d := .}}<p>{{$d.T "k11"}} {{printf "%s|%s" (.T "k12") ($d.English "k13")}} {{.T "k14" .Name}} {{.Name}}</p>` +
		`{{template "sub" .}}{{end}}` +
		`{{define "sub"}}<b aria-label="{{.T "k15"}}">{{.T "k16"}}</b>{{end}}`
	render := func(inline bool) (base, content string, tpl *template.Template) {
		tpl = template.Must(template.New("x").Parse(src))
		if inline {
			foldTranslations(tpl, func(key string) string { return foldProbe{}.T(key) }, func(key string) string { return foldProbe{}.English(key) })
			if err := inlineConstants(tpl); err != nil {
				t.Fatal(err)
			}
		}
		var b, c bytes.Buffer
		if err := tpl.ExecuteTemplate(&c, "content", foldProbe{Name: "N<"}); err != nil {
			t.Fatalf("inline %v: content: %v", inline, err)
		}
		if err := tpl.ExecuteTemplate(&b, "base", foldProbe{Name: "N<"}); err != nil {
			t.Fatalf("inline %v: base: %v", inline, err)
		}
		return b.String(), c.String(), tpl
	}
	wantBase, wantContent, _ := render(false)
	gotBase, gotContent, tpl := render(true)
	if gotBase != wantBase {
		t.Errorf("base differs:\n got %s\nwant %s", gotBase, wantBase)
	}
	if gotContent != wantContent {
		t.Errorf("content differs:\n got %s\nwant %s", gotContent, wantContent)
	}
	var tree string
	for _, name := range []string{"base", "content", "sub"} {
		tree += tpl.Lookup(name).Tree.Root.String()
	}
	for _, k := range []string{"k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10", "k11", "k15", "k16"} {
		if strings.Contains(tree, `{{"`+k+":") {
			t.Errorf("the constant of %s is still an action: %s", k, tree)
		}
	}
	for _, action := range []string{`.T "k14" .Name`, `.Name | _html_template_htmlescaper`, `printf "%s|%s"`} {
		if !strings.Contains(tree, action) {
			t.Errorf("action %s is gone: %s", action, tree)
		}
	}
}
