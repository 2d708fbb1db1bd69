package web

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

var (
	dueListRE   = regexp.MustCompile(`(?s)<ol class="items due-list">(.*?)</ol>`)
	laterRE     = regexp.MustCompile(`(?s)<section aria-labelledby="hearings-heading">(.*?)</section>`)
	dueItemRE   = regexp.MustCompile(`(?s)<li class="item">(.*?)</li>`)
	nextLinkRE  = regexp.MustCompile(`<a rel="next" href="([^"]*)"`)
	prevLinkRE  = regexp.MustCompile(`<a rel="prev" href="([^"]*)"`)
	caseLinkRE  = regexp.MustCompile(`href="/cases/([0-9a-f]+)#`)
	dueHeadRE   = regexp.MustCompile(`(?s)<h2 id="due-heading">(.*?)</h2>`)
	countSpanRE = regexp.MustCompile(`<span class="count">`)
)

// TestGroupHomePages: a group of 150 open cases has far more than a page
// of lines in the next 14 days. The home page shows 25, says no total it
// does not know, and links to the next page; the pages follow one another
// without a line twice or a line lost, until the last, which has no next
// link. Later hearings are the 10 soonest cases' with a link to the case
// list by next due date. A page past the end goes back to the first; a
// page number that is not one is the first.
func TestGroupHomePages(t *testing.T) {
	e := newEnv(t)
	importCases(t, e, e.orgs["alpha"], 150, rand.New(rand.NewPCG(3, 4)))
	c := e.signIn(emailAlphaCoord)

	first := c.get("/")
	if first.status != 200 {
		t.Fatalf("GET /: %d", first.status)
	}
	if countSpanRE.MatchString(dueHeadRE.FindString(first.body)) {
		t.Errorf("first of several pages: the heading shows a count of one page")
	}
	later := laterRE.FindStringSubmatch(first.body)
	if later == nil {
		t.Fatal("no later hearings on the home page")
	}
	if n := len(caseLinkRE.FindAllString(later[1], -1)); n != homeLaterHearings {
		t.Errorf("later hearings: %d cases, want %d", n, homeLaterHearings)
	}
	if !strings.Contains(later[1], `href="/cases?sort=next_due"`) {
		t.Errorf("later hearings: no link to the cases by next due date")
	}

	seen := map[string]int{}
	path, page := "/", 1
	for ; path != ""; page++ {
		r := c.get(path)
		if r.status != 200 {
			t.Fatalf("GET %s: %d", path, r.status)
		}
		list := dueListRE.FindStringSubmatch(r.body)
		if list == nil {
			t.Fatalf("GET %s: no list", path)
		}
		items := dueItemRE.FindAllStringSubmatch(list[1], -1)
		next := nextLinkRE.FindStringSubmatch(r.body)
		if next != nil && len(items) != homeDuePage {
			t.Errorf("page %d: %d lines before a next page, want %d", page, len(items), homeDuePage)
		}
		for _, it := range items {
			seen[it[1]]++
		}
		prev := prevLinkRE.FindStringSubmatch(r.body)
		switch {
		case page == 1 && prev != nil:
			t.Errorf("page 1 links to a previous page %q", prev[1])
		case page == 2 && (prev == nil || prev[1] != "/"):
			t.Errorf("page 2: previous page link %v, want /", prev)
		}
		path = ""
		if next != nil {
			path = strings.ReplaceAll(next[1], "&amp;", "&")
		}
		if page > 40 {
			t.Fatal("more than 40 pages")
		}
	}
	if page-1 < 3 {
		t.Fatalf("%d pages, want at least 3 for 150 cases", page-1)
	}
	for line, n := range seen {
		if n > 1 {
			t.Errorf("line on %d pages: %.120s", n, line)
		}
	}
	t.Logf("%d pages, %d lines", page-1, len(seen))

	for _, p := range []string{"/?page=99", "/?page=100"} {
		if r := c.get(p); r.status != 303 || r.header.Get("Location") != "/" {
			t.Errorf("GET %s: %d to %q, want 303 to /", p, r.status, r.header.Get("Location"))
		}
	}
	for _, p := range []string{"/?page=x", "/?page=-3", "/?page=101", "/?page=1"} {
		r := c.get(p)
		if r.status != 200 || prevLinkRE.MatchString(r.body) || !nextLinkRE.MatchString(r.body) {
			t.Errorf("GET %s: %d; want the first page", p, r.status)
		}
	}
}
