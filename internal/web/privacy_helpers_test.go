package web

import (
	"html"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"puente/internal/store"
)

// pvNow is the server's clock in the privacy tests, so that hearings,
// arrivals and the deadlines they start fall inside the home page's and the
// feed's windows.
var pvNow = time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC)

func pvFixClock(e *testEnv) { e.srv.now = func() time.Time { return pvNow } }

var (
	pvCaseLocRE    = regexp.MustCompile(`^/cases/([0-9a-f]{32})$`)
	pvPersonEditRE = regexp.MustCompile(`/cases/[0-9a-f]{32}/people/([0-9a-f]{32})/edit`)
	pvApptEditRE   = regexp.MustCompile(`/cases/[0-9a-f]{32}/appointments/[0-9a-f]{32}/edit`)
	pvFeedLinkRE   = regexp.MustCompile(`<input id="link"[^>]*\svalue="([^"]+)"`)
	pvRevokeRE     = regexp.MustCompile(`href="/calendar/feeds/([0-9a-f]{32})/revoke"`)
	pvMarkKeyRE    = regexp.MustCompile(`href="/cases/[0-9a-f]{32}/marks\?(key=[^"]+)"`)
	pvCodeRE       = regexp.MustCompile(`PU-[A-Z0-9]{5,8}`)
	pvLinkRE       = regexp.MustCompile(`(?i)\s(?:href|src)\s*=\s*"([^"]*)"`)
)

// pvMarkKey is the key of the first deadline the case page offers to
// record ("Record" leads to /cases/{id}/marks?key=…), "" when none.
func pvMarkKey(body string) string {
	m := pvMarkKeyRE.FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	q, err := url.ParseQuery(html.UnescapeString(m[1]))
	if err != nil {
		return ""
	}
	return q.Get("key")
}

// pvCreateCase posts the new-case form as c and returns the new case's id.
func pvCreateCase(t testing.TB, c *client, form url.Values) string {
	t.Helper()
	res := c.post("/cases", form)
	if res.status != http.StatusSeeOther {
		t.Fatalf("create case: got %d, want 303; body %.500s", res.status, res.body)
	}
	m := pvCaseLocRE.FindStringSubmatch(res.header.Get("Location"))
	if m == nil {
		t.Fatalf("create case redirected to %q, want /cases/{id}", res.header.Get("Location"))
	}
	return m[1]
}

// pvPost posts form and fails unless the answer has status want.
func pvPost(t testing.TB, c *client, path string, form url.Values, want int) response {
	t.Helper()
	res := c.post(path, form)
	if res.status != want {
		t.Fatalf("POST %s: got %d, want %d; body %.500s", path, res.status, want, res.body)
	}
	return res
}

// pvGet gets path and fails unless the answer has status want.
func pvGet(t testing.TB, c *client, path string, want int) response {
	t.Helper()
	res := c.get(path)
	if res.status != want {
		t.Fatalf("GET %s: got %d, want %d; body %.500s", path, res.status, want, res.body)
	}
	return res
}

// pvPersonIDs lists the ids of the people whose edit links the case page shows.
func pvPersonIDs(body string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range pvPersonEditRE.FindAllStringSubmatch(body, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	return out
}

// pvCaseCode reads the case code (PU-XXXXX) from a case page.
func pvCaseCode(t testing.TB, body string) string {
	t.Helper()
	code := pvCodeRE.FindString(body)
	if code == "" {
		t.Fatalf("case page shows no case code PU-XXXXX")
	}
	return code
}

// pvNewFeed creates a calendar feed as c and returns the feed's path
// (/calendar/{token}.ics) and the page that showed it.
func pvNewFeed(t testing.TB, e *testEnv, c *client) (string, response) {
	t.Helper()
	res := pvPost(t, c, "/calendar/feeds", url.Values{}, http.StatusOK)
	m := pvFeedLinkRE.FindStringSubmatch(res.body)
	if m == nil {
		t.Fatalf("feed page has no input#link; body %.800s", res.body)
	}
	link := html.UnescapeString(m[1])
	path, ok := strings.CutPrefix(link, e.ts.URL)
	if !ok || !strings.HasPrefix(path, "/calendar/") || !strings.HasSuffix(path, ".ics") {
		t.Fatalf("feed link: got %q, want %s/calendar/{token}.ics", link, e.ts.URL)
	}
	return path, res
}

// pvPage is one crawled answer.
type pvPage struct {
	path   string
	status int
	text   string // body and headers, everything the client received
}

func pvText(res response) string {
	var b strings.Builder
	keys := make([]string, 0, len(res.header))
	for k := range res.header {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		b.WriteString(k + ": " + strings.Join(res.header[k], ", ") + "\n")
	}
	b.WriteString("\n")
	b.WriteString(res.body)
	return b.String()
}

// pvCrawl fetches, breadth-first, every same-origin page reachable by GET
// links (href, src and redirects) from start, skipping /logout, up to max
// pages. Fragments are dropped; query strings are kept.
func pvCrawl(t testing.TB, e *testEnv, c *client, max int, start ...string) []pvPage {
	t.Helper()
	base, err := url.Parse(e.ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	var pages []pvPage
	seen := map[string]bool{}
	queue := []string{}
	enqueue := func(from, ref string) {
		ref = html.UnescapeString(strings.TrimSpace(ref))
		if ref == "" || strings.HasPrefix(ref, "#") {
			return
		}
		fromURL, err := base.Parse(from)
		if err != nil {
			return
		}
		u, err := fromURL.Parse(ref)
		if err != nil || u.Scheme != base.Scheme || u.Host != base.Host {
			return
		}
		u.Fragment, u.RawFragment = "", ""
		p := u.RequestURI()
		if u.Path == "/logout" || seen[p] {
			return
		}
		seen[p] = true
		queue = append(queue, p)
	}
	for _, s := range start {
		enqueue("/", s)
	}
	for len(queue) > 0 && len(pages) < max {
		p := queue[0]
		queue = queue[1:]
		res := c.get(p)
		pages = append(pages, pvPage{path: p, status: res.status, text: pvText(res)})
		if loc := res.header.Get("Location"); loc != "" {
			enqueue(p, loc)
		}
		if !strings.Contains(res.header.Get("Content-Type"), "text/html") {
			continue
		}
		for _, m := range pvLinkRE.FindAllStringSubmatch(res.body, -1) {
			enqueue(p, m[1])
		}
	}
	return pages
}

// pvFound lists the markers that occur in s.
func pvFound(s string, markers []string) []string {
	var out []string
	for _, m := range markers {
		if strings.Contains(s, m) {
			out = append(out, m)
		}
	}
	return out
}

// pvNoMarkers fails for every page that holds one of markers.
func pvNoMarkers(t testing.TB, who string, pages []pvPage, markers []string) {
	t.Helper()
	for _, p := range pages {
		if found := pvFound(p.text, markers); len(found) > 0 {
			t.Errorf("%s: GET %s (status %d): got markers %q, want none", who, p.path, p.status, found)
		}
	}
}

// pvDiskEnv is a test server, seeded like newEnv, whose database path and
// encryption key the test knows, and which the test can shut down itself
// (to checkpoint the WAL and read the files at rest).
type pvDiskEnv struct {
	*testEnv
	path     string
	key      []byte
	ss       *store.Sessions
	stopOnce sync.Once
}

// pvNewDiskEnv is the harness's environment with the database path and
// key at hand, for tests that read the raw files.
func pvNewDiskEnv(t testing.TB) *pvDiskEnv {
	t.Helper()
	e := newEnv(t)
	d := &pvDiskEnv{testEnv: e, path: e.dbPath, key: e.key, ss: e.sessions}
	t.Cleanup(d.shutdown)
	return d
}

// shutdown stops the server and closes the store, which checkpoints the
// WAL into the database file. It runs once.
func (d *pvDiskEnv) shutdown() {
	d.stopOnce.Do(func() {
		d.ts.Close()
		d.ss.Stop()
		if err := d.st.Close(); err != nil {
			d.t.Errorf("close store: %v", err)
		}
	})
}

// pvReadFile returns a file's bytes, or nil if it does not exist.
func pvReadFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return b
}
