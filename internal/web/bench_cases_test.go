package web

import (
	"context"
	"html/template"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"puente/internal/gen"
	"puente/internal/i18n"
	"puente/internal/model"
)

// importCases fills group with n generated cases in batches.
func importCases(b testing.TB, e *testEnv, group model.Org, n int, rng *rand.Rand) []string {
	b.Helper()
	var ids []string
	for n > 0 {
		batch := min(n, 500)
		got, err := e.st.ImportCases(context.Background(), group.ID, gen.Cases(rng, time.Now().UTC(), batch))
		if err != nil {
			b.Fatal(err)
		}
		ids = append(ids, got...)
		n -= batch
	}
	return ids
}

// groupBench is the group: 300 open cases with about 6,000
// milestones (deadlines and appointments).
func groupBench(b *testing.B) (*testEnv, []*http.Cookie, []string) {
	e := newEnv(b)
	ids := importCases(b, e, e.orgs["alpha"], 300, rand.New(rand.NewPCG(1, 2)))
	b.Logf("milestones: %d deadlines + %d appointments", e.count("deadlines"), e.count("appointments"))
	c := e.signIn(emailAlphaCoord)
	u, _ := url.Parse(e.ts.URL)
	return e, c.http.Jar.Cookies(u), ids
}

func serveBench(b *testing.B, e *testEnv, cookies []*http.Cookie, path string) {
	b.Helper()
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		for _, c := range cookies {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		e.srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: got %d, want 200", path, rec.Code)
		}
	}
	reportCPU(b, cpu0)
}

// BenchmarkGroupHome300 is the group home page across 300 open cases.
func BenchmarkGroupHome300(b *testing.B) {
	e, cookies, _ := groupBench(b)
	serveBench(b, e, cookies, "/")
}

// BenchmarkCasePage300 is one case page in a group of 300 cases.
func BenchmarkCasePage300(b *testing.B) {
	e, cookies, ids := groupBench(b)
	serveBench(b, e, cookies, "/cases/"+ids[len(ids)/2])
}

// BenchmarkCaseList20k is /cases (first page, a search, a filter) with
// 20,000 cases in the database: 300 in the viewer's group, the rest spread
// over other groups.
func BenchmarkCaseList20k(b *testing.B) {
	e := newEnv(b)
	rng := rand.New(rand.NewPCG(3, 4))
	importCases(b, e, e.orgs["alpha"], 300, rng)
	for i := 0; i < 98; i++ {
		g, err := e.st.CreateGroup(context.Background(), e.orgs["network"].ID, "Bench group "+string(rune('A'+i%26))+string(rune('a'+i/26)), "", "")
		if err != nil {
			b.Fatal(err)
		}
		importCases(b, e, g, 200, rng)
	}
	importCases(b, e, e.orgs["beta"], 100, rng)
	b.Logf("cases in the database: %d", e.count("cases"))
	c := e.signIn(emailAlphaCoord)
	u, _ := url.Parse(e.ts.URL)
	cookies := c.http.Jar.Cookies(u)
	for _, path := range []string{"/cases", "/cases?sort=next_due", "/cases?sort=name&page=3", "/cases?q=Garc", "/cases?q=jose+perez",
		"/cases?status=released&state=all"} {
		b.Run(path, func(b *testing.B) { serveBench(b, e, cookies, path) })
	}
}

// BenchmarkCaseList300 is /cases for a group of 300 cases, the only ones
// in the database: the small sibling of BenchmarkCaseList20k, quick
// enough to run on every change to the list (its next deadline, next
// appointment and overdue tags).
func BenchmarkCaseList300(b *testing.B) {
	e := newEnv(b)
	rng := rand.New(rand.NewPCG(3, 4))
	importCases(b, e, e.orgs["alpha"], 300, rng)
	c := e.signIn(emailAlphaCoord)
	u, _ := url.Parse(e.ts.URL)
	cookies := c.http.Jar.Cookies(u)
	for _, path := range []string{"/cases", "/cases?sort=next_due"} {
		b.Run(path, func(b *testing.B) { serveBench(b, e, cookies, path) })
	}
}

// BenchmarkCasePageFold is BenchmarkCasePage300's page rendered from the
// folded templates (as served) and from templates that translate every
// key at run time, in one process so that the two compare.
func BenchmarkCasePageFold(b *testing.B) {
	e, cookies, ids := groupBench(b)
	unfolded, err := parseAllTemplates()
	if err != nil {
		b.Fatal(err)
	}
	folded := e.srv.pages
	b.Run("folded", func(b *testing.B) {
		e.srv.pages = folded
		serveBench(b, e, cookies, "/cases/"+ids[len(ids)/2])
	})
	b.Run("runtime", func(b *testing.B) {
		e.srv.pages = func(i18n.Lang) (map[string]*template.Template, error) { return unfolded, nil }
		serveBench(b, e, cookies, "/cases/"+ids[len(ids)/2])
	})
}
