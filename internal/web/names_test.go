package web

import (
	"context"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"puente/internal/model"
	"puente/internal/store"
)

var (
	caseNameRE   = regexp.MustCompile(`<a href="/cases/[^"]+"><strong>([^<]+)</strong></a>`)
	memberNameRE = regexp.MustCompile(`<div class="who"><strong>([^<]+)</strong>`)
)

// listed returns the names a list page shows, in order.
func listed(re *regexp.Regexp, body string) []string {
	var out []string
	for _, m := range re.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

// spanish switches c's language to Spanish.
func spanish(t *testing.T, c *client) {
	t.Helper()
	if r := c.post("/lang", url.Values{"lang": {"es"}, "return": {"/"}}); r.status != s303 {
		t.Fatalf("switch to Spanish: got %d", r.status)
	}
}

// TestCaseSearchPage is the search through the page: "perez",
// "ángel" and "NÚÑEZ" find María José Pérez and Ángel Núñez; the case code
// in any case, with or without its dash; never an A-number.
func TestCaseSearchPage(t *testing.T) {
	e := newEnv(t)
	c := e.signIn(emailAlphaCoord)
	for _, form := range []url.Values{
		{"name": {"María José Pérez"}, "status": {"arrived"}, "anumber": {"A 246-813-579"}},
		{"name": {"Ángel Núñez"}, "status": {"arrived"}},
	} {
		if r := c.post("/cases", form); r.status != s303 {
			t.Fatalf("create %s: got %d", form.Get("name"), r.status)
		}
	}
	all, _, err := e.st.ListCases(context.Background(), e.orgs["alpha"].ID, store.CaseQuery{Search: "Ángel", State: "all"})
	if err != nil || len(all) != 1 {
		t.Fatalf("the Ángel case: %v, %v", all, err)
	}
	code := all[0].Code
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"perez", []string{"María José Pérez"}},
		{"ángel", []string{"Ángel Núñez"}},
		{"NÚÑEZ", []string{"Ángel Núñez"}},
		{"maria jose", []string{"María José Pérez"}},
		{code, []string{"Ángel Núñez"}},
		{strings.ToLower(code), []string{"Ángel Núñez"}},
		{strings.ReplaceAll(code, "-", ""), []string{"Ángel Núñez"}},
		{strings.ToLower(strings.ReplaceAll(code, "-", "")), []string{"Ángel Núñez"}},
		{"246813579", nil},
		{"A246-813-579", nil},
		{"principal beta", nil}, // another group's case
	} {
		r := c.get("/cases?state=all&q=" + url.QueryEscape(tc.q))
		if got := listed(caseNameRE, r.body); r.status != s200 || !slices.Equal(got, tc.want) {
			t.Errorf("GET /cases?q=%s: got %d %q, want 200 %q", tc.q, r.status, got, tc.want)
		}
		if !strings.Contains(r.body, `value="`+tc.q+`"`) && !strings.Contains(r.body, "value=\""+strings.ReplaceAll(tc.q, "&", "&amp;")) {
			t.Errorf("GET /cases?q=%s: the search box lost what was typed", tc.q)
		}
	}
	// The hint says how the search works, in the viewer's language.
	if r := c.get("/cases"); !strings.Contains(r.body, "accents and capitals do not matter") {
		t.Errorf("case list: want the search hint")
	}
	spanish(t, c)
	r := c.get("/cases?q=" + url.QueryEscape("PÉREZ"))
	if got := listed(caseNameRE, r.body); !slices.Equal(got, []string{"María José Pérez"}) || !strings.Contains(r.body, "sin importar tildes ni mayúsculas") {
		t.Errorf("Spanish search PÉREZ: got %q; want María José Pérez and the Spanish hint", got)
	}
}

// TestNameOrderPages: every name-sorted page follows the viewer's language.
func TestNameOrderPages(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	alpha := e.orgs["alpha"]
	for _, n := range []string{"Zoe", "ana", "Óscar", "Beatriz"} {
		if _, err := e.st.CreateMember(ctx, alpha, strings.ToLower(n)+"@alpha.example.org", n, e.hash, model.RoleMember); err != nil {
			t.Fatal(err)
		}
	}
	c := e.signIn(emailAlphaCoord)
	// Members: the coordinator first, then the order (strcmp gave
	// Beatriz, Zoe, ana, Óscar).
	want := []string{"Alicia Alpha", "ana", "Beatriz", "Miguel Member", "Óscar", "Zoe"}
	if got := listed(memberNameRE, c.get("/orgs/"+alpha.ID).body); !slices.Equal(got, want) {
		t.Errorf("members (en): got %q, want %q", got, want)
	}
	for _, n := range []string{"Cañas Zamora", "Cantú Álvarez", "Canales Ruiz"} {
		if r := c.post("/cases", url.Values{"name": {n}, "status": {"arrived"}}); r.status != s303 {
			t.Fatalf("create %s: got %d", n, r.status)
		}
	}
	en := []string{"Canales Ruiz", "Cañas Zamora", "Cantú Álvarez", "Principal alpha"}
	if got := listed(caseNameRE, c.get("/cases?sort=name").body); !slices.Equal(got, en) {
		t.Errorf("cases by name (en): got %q, want %q", got, en)
	}
	spanish(t, c)
	es := []string{"Canales Ruiz", "Cantú Álvarez", "Cañas Zamora", "Principal alpha"} // ñ after n
	if got := listed(caseNameRE, c.get("/cases?sort=name").body); !slices.Equal(got, es) {
		t.Errorf("cases by name (es): got %q, want %q", got, es)
	}
	if got := listed(memberNameRE, c.get("/orgs/"+alpha.ID).body); !slices.Equal(got, want) {
		t.Errorf("members (es): got %q, want %q", got, want)
	}
}

// TestANumberForms: the A-numbers through the forms. An 8-digit
// number is the 9-digit one with a leading zero; "-123456789" and every
// other malformed value is refused with 422 and a message saying which
// forms are accepted, in the user's language, and nothing is written.
func TestANumberForms(t *testing.T) {
	e := newEnv(t)
	c := e.signIn(emailAlphaCoord)
	tables := []string{"cases", "people", "case_history"}
	counts := func() []int {
		var n []int
		for _, tb := range tables {
			n = append(n, e.count(tb))
		}
		return n
	}
	before := counts()
	for _, bad := range []string{"-123456789", "+123456789", "1234567", "1234567890", "123.456.789", "A--12345678", "12345678-", "A12B45678"} {
		r := c.post("/cases", url.Values{"name": {"Typed Name"}, "status": {"arrived"}, "anumber": {bad}})
		if r.status != s422 || !strings.Contains(r.body, "Enter an A-Number of 8 or 9 digits, like A012-345-678 or 12345678.") ||
			!strings.Contains(r.body, "Typed Name") {
			t.Errorf("new case with A-number %q: got %d; want 422, the message and the name kept", bad, r.status)
		}
		// What was typed is kept, to be corrected (README, "Security notes").
		if !strings.Contains(html.UnescapeString(r.body), `value="`+bad+`"`) {
			t.Errorf("new case with A-number %q: the rejected A-number typed is not kept", bad)
		}
	}
	if after := counts(); !slices.Equal(after, before) {
		t.Errorf("rows after refused A-numbers: got %v, want %v", after, before)
	}

	// Accepted forms; 8 digits and 0 + the same 8 are the same number.
	reveal := func(caseID string) string {
		t.Helper()
		ps, err := e.st.People(context.Background(), caseID, "en")
		if err != nil || len(ps) == 0 {
			t.Fatalf("people of %s: %v", caseID, err)
		}
		r := c.post("/cases/"+caseID+"/people/"+ps[0].ID+"/reveal", url.Values{"field": {"anumber"}})
		m := regexp.MustCompile(`<p class="revealed">([^<]*)</p>`).FindStringSubmatch(r.body)
		if r.status != s200 || m == nil {
			t.Fatalf("reveal: got %d", r.status)
		}
		return m[1]
	}
	for i, tc := range []struct{ typed, shown string }{
		{"12345678", "A012-345-678"},
		{"012345678", "A012-345-678"},
		{"A12345678", "A012-345-678"},
		{"A-012-345-678", "A012-345-678"},
		{"a# 012 345 678", "A012-345-678"},
		{" 987 654 321 ", "A987-654-321"},
	} {
		r := c.post("/cases", url.Values{"name": {"Form " + string(rune('A'+i))}, "status": {"arrived"}, "anumber": {tc.typed}})
		if r.status != s303 {
			t.Fatalf("new case with A-number %q: got %d, want 303", tc.typed, r.status)
		}
		id := strings.TrimPrefix(r.header.Get("Location"), "/cases/")
		if got := reveal(id); got != tc.shown {
			t.Errorf("A-number typed %q: revealed %q, want %q", tc.typed, got, tc.shown)
		}
		// The case page keeps showing only the last three digits.
		page := c.get("/cases/" + id)
		if !strings.Contains(page.body, "•••••"+tc.shown[len(tc.shown)-3:]) || strings.Contains(page.body, tc.shown) ||
			strings.Contains(page.body, strings.ReplaceAll(tc.shown[1:], "-", "")) {
			t.Errorf("case page for %q: want only the last three digits shown", tc.typed)
		}
		if i == 0 {
			// Editing to the 9-digit form changes nothing stored.
			ps, _ := e.st.People(context.Background(), id, "en")
			if r := c.post("/cases/"+id+"/people/"+ps[0].ID, url.Values{"name": {"Form 8"}, "anumber": {"-12345678"}}); r.status != s422 {
				t.Errorf("edit to -12345678: got %d, want 422", r.status)
			}
			if r := c.post("/cases/"+id+"/people/"+ps[0].ID, url.Values{"name": {"Form 8"}, "anumber": {"A012345678"}}); r.status != s303 {
				t.Errorf("edit to A012345678: got %d, want 303", r.status)
			}
			if got := reveal(id); got != "A012-345-678" {
				t.Errorf("after editing to A012345678: got %q", got)
			}
		}
	}

	// The form says which forms are accepted; Spanish says it in Spanish.
	if r := c.get("/cases/new"); !strings.Contains(r.body, "An 8-digit number is kept with a 0 in front") {
		t.Errorf("new-case form: want the A-number hint")
	}
	spanish(t, c)
	r := c.post("/cases", url.Values{"name": {"X"}, "status": {"arrived"}, "anumber": {"-123456789"}})
	if r.status != s422 || !strings.Contains(r.body, "Escriba un Número A de 8 o 9 dígitos") {
		t.Errorf("Spanish, A-number -123456789: got %d; want 422 with the Spanish message", r.status)
	}
}

// TestOrganisationOrder: the organisations a person belongs to (the account
// page and the switcher) follow the viewer's language, networks first;
// byte order gave Alpha Group, Nube, ana, Ñandú.
func TestOrganisationOrder(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	coordID := e.userID(emailAlphaCoord)
	for _, n := range []string{"Ñandú", "Nube", "ana"} {
		g, err := e.st.CreateGroup(ctx, e.orgs["network"].ID, n, coordID, "127.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		hash := fmt.Sprintf("%064x", len(n)) // distinct per group: the names differ in length
		if _, err := e.st.CreateInvitation(ctx, g, emailAlphaCoord, model.RoleMember, hash, coordID, "127.0.0.1"); err != nil {
			t.Fatal(err)
		}
		if _, err := e.st.AcceptInvitation(ctx, hash, "", "", coordID, "127.0.0.1", func(model.LinkFacts) bool { return true }); err != nil {
			t.Fatal(err)
		}
	}
	orgsRE := regexp.MustCompile(`<li>([^<(]+) \(`)
	c := e.signIn(emailAlphaCoord)
	want := []string{"Alpha Group", "ana", "Ñandú", "Nube"}
	if got := listed(orgsRE, c.get("/account").body); !slices.Equal(got, want) {
		t.Errorf("organisations (en): got %q, want %q", got, want)
	}
	spanish(t, c)
	want = []string{"Alpha Group", "ana", "Nube", "Ñandú"} // ñ after n
	if got := listed(orgsRE, c.get("/account").body); !slices.Equal(got, want) {
		t.Errorf("organisations (es): got %q, want %q", got, want)
	}
}
