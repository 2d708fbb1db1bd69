package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestIntakePagesOnPhone (issue 13): on a 375 px phone the network admin
// creates an API token and sees it once, imports a CSV file with a bad
// line and reads the report, and opens the dashboard in English and
// Spanish; no page scrolls sideways and axe finds nothing serious. Each
// page is kept as a screenshot for review.
func TestIntakePagesOnPhone(t *testing.T) {
	srv := startServer(t, true)
	b := newBrowser(t, srv)
	b.setWidth(phoneWidth)
	b.signIn("admin@network.example.org")
	b.visit("/")
	org := b.attr(`nav a[data-nav="people"]`, "href")
	if org == "" {
		b.failf("no organisation link in the navigation")
	}
	check := func(name string) {
		b.t.Helper()
		if w := evalJS[int](b, `document.documentElement.scrollWidth`); w > phoneWidth {
			b.errorf("%s: the page is %d px wide at %d px", name, w, phoneWidth)
		}
		for _, v := range b.axeViolations() {
			b.errorf("%s: %s", name, v)
		}
		b.keep(name, true)
	}

	b.visit(org + "/api-tokens")
	b.fill("#name", "Legal aid referrals")
	b.submit(`form[action$="/api-tokens"] button[type=submit]`)
	if v := b.value("#link"); !strings.HasPrefix(v, "pnt_") {
		b.errorf("the new token is not shown: %q", v)
	}
	check("intake-tokens-375")
	b.follow(`a[href$="/revoke"]`, 200)
	check("intake-token-revoke-375")

	dir := t.TempDir()
	file := filepath.Join(dir, "referrals.csv")
	csv := "external_ref,pseudonym,adults,child_ages,languages,needs,decision_date\n" +
		"R-1,M.G.,2,4 9,es,schooling,2026-04-02\n" +
		"R-2,,two,,xx,,2026-02-30\n" +
		"R-3,J.P.,1,,ht,,\n"
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	b.visit(org + "/intake")
	check("intake-import-375")
	if err := b.run(chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{file})); err != nil {
		b.failf("upload: %v", err)
	}
	b.submit(`form[action$="/intake"] button[type=submit]`)
	b.mustExist("#rejected-caption")
	check("intake-report-375")

	b.visit(org + "/dashboard")
	check("intake-dashboard-375")
	switchLanguage(b, "es", org+"/dashboard")
	check("intake-dashboard-es-375")
	b.visit(org + "/intake")
	check("intake-import-es-375")
}
