package web

import (
	"bytes"
	"context"
	"database/sql"
	"go/ast"
	"go/parser"
	"go/token"
	"html/template"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"text/template/parse"
	"time"

	"puente/internal/i18n"
	"puente/internal/model"
)

// escapeProbes are values made of what html/template escapes, differently
// in each place: markup, quotes, the plus, NUL, percent signs valid and
// not, reserved and unreserved URL characters, schemes safe and not,
// non-ASCII letters, invalid UTF-8 and the non-characters html/template
// leaves alone in attributes.
var escapeProbes = []string{
	"", "plain", "Daniel Mejía", `<script>alert("x")</script>`, `'"&+<>`, "a\x00b", "50% off %zz %4A %4",
	"!#$&*+,/:;=?@[]", "-._~", "()' `{}|\\^", "javascript:alert(1)", "JavaScript:x", "http://example.org/a b",
	"HTTPS://example.org/?q=1&r=2#f", "mailto:a@b.c", "data:text/html,x", "/cases/x:y", "a/b:c", "ſtyle:x",
	"\xff\xfe bad", "\ufdd0\uffff", "línea\nnueva\ttab", "日本語", "🙂",
}

// TestHTMLOutEscapesAsTemplate: each htmlOut method writes what
// html/template writes for the same value in the same place.
func TestHTMLOutEscapesAsTemplate(t *testing.T) {
	places := []struct {
		name  string
		tpl   string
		write func(o *htmlOut, s string)
	}{
		{"text", `{{.}}`, (*htmlOut).text},
		{"attribute", `<p title="{{.}}">`, func(o *htmlOut, s string) { o.m(`<p title="`); o.text(s); o.m(`">`) }},
		{"whole URL", `<a href="{{.}}">`, func(o *htmlOut, s string) { o.m(`<a href="`); o.url(s); o.m(`">`) }},
		{"URL path", `<a href="/cases/{{.}}/edit">`, func(o *htmlOut, s string) { o.m(`<a href="/cases/`); o.urlPart(s); o.m(`/edit">`) }},
		{"URL fragment", `<a href="#a-{{.}}">`, func(o *htmlOut, s string) { o.m(`<a href="#a-`); o.urlQuery(s); o.m(`">`) }},
		{"URL query", `<a href="/x?return={{.}}">`, func(o *htmlOut, s string) { o.m(`<a href="/x?return=`); o.urlQuery(s); o.m(`">`) }},
	}
	probes := append([]string{}, escapeProbes...)
	for b := range 256 {
		probes = append(probes, "x"+string(rune(b))+"y", "x"+string([]byte{byte(b)})+"y")
	}
	for _, p := range places {
		tpl := template.Must(template.New(p.name).Parse(p.tpl))
		for _, s := range probes {
			var want bytes.Buffer
			if err := tpl.Execute(&want, s); err != nil {
				t.Fatal(err)
			}
			var o htmlOut
			p.write(&o, s)
			if string(o.b) != want.String() {
				t.Errorf("%s %q: htmlOut wrote %q, html/template %q", p.name, s, o.b, want.String())
			}
		}
		// A template.URL skips the filter, as trustedURL does.
		if p.name == "whole URL" {
			var want bytes.Buffer
			u := template.URL("tel:+1 555")
			if err := tpl.Execute(&want, u); err != nil {
				t.Fatal(err)
			}
			var o htmlOut
			o.m(`<a href="`)
			o.trustedURL(u)
			o.m(`">`)
			if string(o.b) != want.String() {
				t.Errorf("trusted URL: htmlOut wrote %q, html/template %q", o.b, want.String())
			}
		}
	}
}

// TestNoMarkupConversions: no code of the package converts a value to
// markup, which htmlOut.m writes unescaped, nor names markup otherwise;
// only string constants become markup, implicitly. The page parts
// (case_out_*.go) write through htmlOut's methods only, never its buffer.
func TestNoMarkupConversions(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		// Only htmlOut's own file and CaseContent's touch the buffer.
		writer := strings.HasPrefix(name, "case_out") && name != "case_out.go"
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "markup" {
					t.Errorf("%s: a conversion to markup: write values with htmlOut's escaping methods", fset.Position(n.Pos()))
				}
			case *ast.TypeSpec:
				if id, ok := ast.Unparen(n.Type).(*ast.Ident); ok && id.Name == "markup" && n.Name.Name != "markup" {
					t.Errorf("%s: type %s is markup under another name", fset.Position(n.Pos()), n.Name.Name)
				}
			case *ast.SelectorExpr:
				if writer && n.Sel.Name == "b" {
					t.Errorf("%s: a page part writes htmlOut's buffer itself: use its methods", fset.Position(n.Pos()))
				}
			}
			return true
		})
	}
	if checked < 50 {
		t.Fatalf("checked %d files, want the package's", checked)
	}
}

// caseProbe is added to every text a group types that the case page
// shows: markup, both quotes, the plus and percent signs.
const caseProbe = ` <i>&"'+%zz/?#:`

// caseProbeEscaped is caseProbe as html/template writes it in text.
const caseProbeEscaped = ` &lt;i&gt;&amp;&#34;&#39;&#43;%zz/?#:`

// TestCaseContentMatchesSpec: the case page's content that Go writes
// (CaseContent) is, byte for byte, what its template (the specification)
// prints: on every case of the demo, for a coordinator and a member, in
// English and Spanish, with every typed text made of what html/template
// escapes, and with the one-time message at each place the page can show
// it.
func TestCaseContentMatchesSpec(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ES} {
		e := newDemoEnv(t, lang)
		probeTexts(t, e.dbPath)
		pages, flashes := 0, 0
		for _, email := range []string{"coord@alpha.example.org", "member@alpha.example.org", "coord@beta.example.org"} {
			// Two sessions of one person: a one-time message is planted in
			// both, then one reads the page as Go writes it, the other as
			// the template does.
			goSide, specSide := e.signInSpanish(email), e.signInSpanish(email)
			if lang == i18n.EN {
				for _, c := range []*client{goSide, specSide} {
					pvPost(t, c, "/lang", map[string][]string{"lang": {"en"}, "return": {"/"}}, 303)
				}
			}
			for _, path := range casePaths(t, goSide) {
				a, b := caseBoth(t, e, goSide, specSide, path)
				pages++
				compareCase(t, lang, email, path, "", a, b)
				anchors := []string{"deadlines", "appointments", "household", "facts", "commitments", "needs", "nowhere"}
				for _, m := range regexp.MustCompile(`id="((?:d|a)-[^"]+)"`).FindAllStringSubmatch(a, 3) {
					anchors = append(anchors, m[1])
				}
				for _, frag := range anchors {
					plantFlash(t, e, goSide, path+"#"+frag)
					plantFlash(t, e, specSide, path+"#"+frag)
					a, b := caseBoth(t, e, goSide, specSide, path)
					if !strings.Contains(a, `class="flash"`) {
						t.Errorf("%s %s %s#%s: the one-time message is nowhere on the page", lang, email, path, frag)
					}
					flashes++
					compareCase(t, lang, email, path, frag, a, b)
				}
			}
		}
		if pages < 8 {
			t.Errorf("%s: compared %d case pages, want at least 8", lang, pages)
		}
		t.Logf("%s: %d case pages compared, and %d with a one-time message", lang, pages, flashes)
	}
}

// caseBoth gets path as Go writes its content (by goSide) and as its
// template does (by specSide).
func caseBoth(t *testing.T, e *testEnv, goSide, specSide *client, path string) (string, string) {
	t.Helper()
	e.srv.caseSpec = false
	a := goSide.get(path)
	e.srv.caseSpec = true
	b := specSide.get(path)
	e.srv.caseSpec = false
	if a.status != http.StatusOK || b.status != http.StatusOK {
		t.Fatalf("GET %s: %d and %d, want 200", path, a.status, b.status)
	}
	return a.body, b.body
}

func compareCase(t *testing.T, lang i18n.Lang, email, path, frag, a, b string) {
	t.Helper()
	if a == b {
		if strings.Contains(a, caseProbe[1:]) || strings.Contains(a, "<i>") {
			t.Errorf("%s %s %s: typed text on the page unescaped", lang, email, path)
		}
		if !strings.Contains(a, caseProbeEscaped) {
			t.Errorf("%s %s %s: no typed text on the page", lang, email, path)
		}
		return
	}
	i := 0
	for i < min(len(a), len(b)) && a[i] == b[i] {
		i++
	}
	from := max(0, i-120)
	t.Errorf("%s %s %s#%s: Go and template differ at byte %d:\nGo:       %q\ntemplate: %q", lang, email, path, frag, i,
		a[from:min(len(a), i+120)], b[from:min(len(b), i+120)])
}

// plantFlash leaves in c's session the one-time message a form leaves
// when it sends the browser to target (flashTo).
func plantFlash(t *testing.T, e *testEnv, c *client, target string) {
	t.Helper()
	base, _ := url.Parse(e.ts.URL)
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	for _, ck := range c.http.Jar.Cookies(base) {
		req.AddCookie(ck)
	}
	rec := httptest.NewRecorder()
	e.srv.sessions.LoadAndSave(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.srv.flashTo(w, r, "mark.saved", target)
	})).ServeHTTP(rec, req)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("plant a message: got %d", rec.Code)
	}
	c.http.Jar.SetCookies(base, rec.Result().Cookies())
}

// probeTexts adds caseProbe to every text a group types that the case
// page shows, and to the names of the people in the group.
func probeTexts(t *testing.T, path string) { typedTexts(t, path, caseProbe, true) }

// typedTexts sets every text a group types that the case page shows, and
// the names of the people in the group, to v (appended: the text then v);
// an empty text stays empty, as the page says "—" or nothing for it.
func typedTexts(t *testing.T, path, v string, appended bool) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	set := func(cols ...string) string {
		var set []string
		for _, c := range cols {
			to := "?1"
			if appended {
				to = c + " || ?1"
			}
			set = append(set, c+" = CASE "+c+" WHEN '' THEN '' ELSE "+to+" END")
		}
		return strings.Join(set, ", ")
	}
	for _, q := range []string{
		`UPDATE cases SET ` + set("court", "judge", "lawyer_name", "lawyer_contact"),
		`UPDATE people SET ` + set("name", "preferred_name", "relationship", "languages", "country_of_birth"),
		`UPDATE appointments SET ` + set("place", "note", "going"),
		`UPDATE facts SET ` + set("note"),
		`UPDATE marks SET ` + set("note"),
		`UPDATE users SET ` + set("name"),
		`UPDATE commitments SET ` + set("description"),
		`UPDATE commitment_records SET ` + set("description", "note"),
	} {
		if _, err := db.ExecContext(context.Background(), q, v); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestCaseContentMatchesSpecClosing: the same comparison on a case its
// placement network ended, then once its group closed it (the notices,
// the closing date, the purge, the history of both), for its coordinator
// and a member, in English and Spanish.
func TestCaseContentMatchesSpecClosing(t *testing.T) {
	e := newEnv(t)
	net, alpha := e.orgs["network"], e.orgs["alpha"]
	entry, caseID := placedEntry(t, e, net, alpha, "REF-1")
	// A member who joined later, with no relationship given; an
	// appointment a coordinator signed a member up for (a history line
	// about someone).
	ctx := context.Background()
	coordID := e.userID(emailAlphaCoord)
	c, err := e.st.CaseForUser(ctx, coordID, caseID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.AddPerson(ctx, c, coordID, model.PersonInput{Name: "Leo Mendez", JoinedOn: "2026-10-02"}); err != nil {
		t.Fatal(err)
	}
	appt, err := e.st.AddAppointment(ctx, c, coordID, model.Appointment{Kind: "ice_checkin", Date: "2027-01-12", Time: "09:00", Place: "Field office"})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.st.SignUp(ctx, c, appt, coordID, e.userID(emailAlphaMem), model.RoleDriver); err != nil {
		t.Fatal(err)
	}
	probeTexts(t, e.dbPath)
	nc := e.signIn(emailNetCoord)
	if res := nc.post("/orgs/"+net.ID+"/queue/"+entry+"/close", url.Values{"reason": {"found_elsewhere"}}); res.status != http.StatusSeeOther {
		t.Fatalf("the network closes: got %d, want 303", res.status)
	}
	compareAll := func(path, stage string, want ...string) {
		for _, email := range []string{emailAlphaCoord, emailAlphaMem} {
			for _, lang := range []string{"en", "es"} {
				goSide, specSide := e.signIn(email), e.signIn(email)
				for _, c := range []*client{goSide, specSide} {
					c.post("/lang", url.Values{"lang": {lang}, "return": {"/"}})
				}
				a, b := caseBoth(t, e, goSide, specSide, path)
				compareCase(t, i18n.Lang(lang), email, path, stage, a, b)
				if lang == "en" {
					for _, w := range want {
						if !strings.Contains(a, w) {
							t.Errorf("%s, %s: %q missing from the page", stage, email, w)
						}
					}
				}
			}
		}
	}
	path := "/cases/" + caseID
	compareAll(path, "network closed", "Your placement network ended this placement on")
	// Two months on, a case without checklists has "Add a checklist" in its
	// details rather than the first week's offer.
	now := e.srv.now()
	e.srv.now = func() time.Time { return now.AddDate(0, 2, 0) }
	compareAll(path, "two months on")
	added := 0
	for _, fc := range e.cases {
		if fc.GroupID == alpha.ID && fc.Open() {
			compareAll("/cases/"+fc.ID, "two months on")
			added++
		}
	}
	if coord := e.signIn(emailAlphaCoord); added == 0 || !strings.Contains(coord.get("/cases/"+caseWithout(t, e, alpha.ID)).body, "<dd><a href=\"/cases/") {
		t.Errorf("no case of alpha's fixtures has \"Add a checklist\" in its details (%d compared)", added)
	}
	coord := e.signIn(emailAlphaCoord)
	if res := coord.post(path+"/close", url.Values{"reason": {"moved"}}); res.status != http.StatusSeeOther {
		t.Fatalf("the group closes: got %d, want 303", res.status)
	}
	compareAll(path, "closed", "Closed on", "Its personal details will be deleted on")
}

// caseWithout is the id of a fixture case of group without checklists.
func caseWithout(t *testing.T, e *testEnv, group string) string {
	t.Helper()
	for _, fc := range e.cases {
		if fc.GroupID != group || !fc.Open() {
			continue
		}
		lists, err := e.st.CaseChecklists(context.Background(), fc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(lists) == 0 {
			return fc.ID
		}
	}
	t.Fatal("every open fixture case of the group has a checklist")
	return ""
}

// TestCaseSectionsFollowSpec: caseSections writes the parts that
// "case-content" lists, in its order, and each names a template of the
// case page (a part's specification).
func TestCaseSectionsFollowSpec(t *testing.T) {
	pages, err := parseAllTemplates()
	if err != nil {
		t.Fatal(err)
	}
	spec := pages["case"].Lookup("case-content")
	if spec == nil || spec.Tree == nil {
		t.Fatal(`the case page has no "case-content" template`)
	}
	var want []string
	for _, n := range spec.Tree.Root.Nodes {
		if tn, ok := n.(*parse.TemplateNode); ok {
			want = append(want, tn.Name)
		}
	}
	var got []string
	for _, sec := range caseSections {
		got = append(got, sec.name)
		if pages["case"].Lookup(sec.name) == nil {
			t.Errorf("caseSections names %q, which the case page does not define", sec.name)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("caseSections:\n%v\n\"case-content\" lists:\n%v", got, want)
	}
}

// TestCaseContentMatchesSpecHostile (review 4): the same comparison with
// every typed text replaced by a hostile value, schemes at the start
// included; no raw markup, handler or script link reaches the page.
func TestCaseContentMatchesSpecHostile(t *testing.T) {
	payloads := []string{
		`javascript:alert(1)`,
		`<img src=x onerror=alert(1)>"'><svg onload=alert(2)>`,
		`" autofocus onfocus="alert(5)" x='`,
		`</textarea></title><script>alert(6)</script>{{.}}%zz&amp;`,
		"+1 (555) 010-0100",
		"مرحبا עברית 👨‍👩‍👧‍👦 \u200fx\u200e ñ",
		strings.Repeat("W", 100),
		"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
		"tel:+15550100",
		"%zz%41 %2e%2E/../",
	}
	// One demo, its typed texts replaced by each value in turn (an empty
	// text stays empty), read by the same sessions.
	e := newDemoEnv(t, i18n.EN)
	type pair struct {
		email            string
		goSide, specSide *client
	}
	var readers []pair
	for _, email := range []string{"coord@alpha.example.org", "member@alpha.example.org", "coord@beta.example.org"} {
		readers = append(readers, pair{email, e.signInSpanish(email), e.signInSpanish(email)})
	}
	for pi, pay := range payloads {
		typedTexts(t, e.dbPath, pay, false)
		pages := 0
		for _, r := range readers {
			for _, path := range casePaths(t, r.goSide) {
				a, b := caseBoth(t, e, r.goSide, r.specSide, path)
				pages++
				if a != b {
					i := 0
					for i < min(len(a), len(b)) && a[i] == b[i] {
						i++
					}
					t.Errorf("payload %d, %s %s: Go and template differ at byte %d:\nGo:       %q\ntemplate: %q", pi, r.email, path, i,
						a[max(0, i-100):min(len(a), i+100)], b[max(0, i-100):min(len(b), i+100)])
				}
				for _, bad := range []string{"<img src=x", "<svg onload", "<script>alert", `href="javascript:`, `href="data:`, `" autofocus onfocus=`} {
					if strings.Contains(a, bad) {
						t.Errorf("payload %d, %s %s: raw %q on the page", pi, r.email, path, bad)
					}
				}
				if pay == payloads[1] && !strings.Contains(a, "&lt;img src=x onerror=alert(1)&gt;") {
					t.Errorf("payload %d, %s %s: the value is not on the page, escaped", pi, r.email, path)
				}
			}
		}
		if pages < 8 {
			t.Errorf("payload %d: %d case pages compared, want at least 8", pi, pages)
		}
	}
}

// caseLink is a link to a case page.
var caseLink = regexp.MustCompile(`href="(/cases/[0-9a-f]{32})"`)

// casePaths are the case pages c's case lists link to, open and closed.
func casePaths(t *testing.T, c *client) []string {
	t.Helper()
	var paths []string
	seen := map[string]bool{}
	for _, list := range []string{"/cases", "/cases?status=closed"} {
		for _, m := range caseLink.FindAllStringSubmatch(pvGet(t, c, list, 200).body, -1) {
			if !seen[m[1]] {
				seen[m[1]] = true
				paths = append(paths, m[1])
			}
		}
	}
	return paths
}
