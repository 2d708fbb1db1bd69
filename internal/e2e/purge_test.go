package e2e

import (
	"strings"
	"testing"
)

// TestPurgeOnPhone (issue 14): at 375 px a group's coordinator closes a
// case, opens the confirmation page from the case page (what goes, what
// stays, one button), and purges it; the case page then says when, and
// no longer shows the principal's name. The export page of a household
// member is checked on the phone too. Each page passes the accessibility,
// overflow and keyboard checks.
func TestPurgeOnPhone(t *testing.T) {
	srv := startServer(t, true)
	b := newBrowser(t, srv)
	b.setWidth(phoneWidth)
	b.signIn(alphaCoord)
	b.visit("/cases")
	b.follow(`ul.cases li a[href^="/cases/"]`, 200)
	casePath := b.path()
	b.click("#household details > summary")
	name := b.text("#household details > summary strong")

	b.follow(`#household a[href$="/export"]`, 200)
	b.checkPage("export intro on a phone")
	b.submit(`button[name=format][value=page]`)
	b.checkPage("export on a phone")

	b.visit(casePath + "/close")
	b.choose("#reason", "moved")
	b.submit(`form[action$="/close"] button[type=submit]`)
	b.wantPath(casePath)
	b.follow(`a[href$="/purge"]`, 200)
	b.wantPath(casePath + "/purge")
	if !strings.Contains(b.text("main"), "cannot be undone") {
		b.failf("confirmation page does not say it cannot be undone")
	}
	b.checkPage("purge confirmation on a phone")
	b.submit(`form[action$="/purge"] button[type=submit]`)
	b.wantPath(casePath)
	main := b.text("main")
	if !strings.Contains(main, "Personal details deleted on") || (name != "" && strings.Contains(main, name)) {
		b.failf("purged case page: got %q, want the purge's date and not the name %q", main, name)
	}
	b.checkPage("purged case on a phone")
}
