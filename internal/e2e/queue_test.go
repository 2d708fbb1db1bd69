package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"puente/internal/demo"
)

// shot saves a full-page screenshot of the tab as name.png in the
// directory PUENTE_SHOTS names, when it names one: the pages as a person
// sees them, to look at.
func (b *browser) shot(name string) {
	b.t.Helper()
	dir := os.Getenv("PUENTE_SHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		b.t.Logf("screenshot %s: %v", name, err)
	}
}

// TestQueueOnAPhone: at 375 px the network's coordinator reads the queue,
// most urgent first, opens a person with an open offer, sees the A-number
// masked, and reaches the add form; then Alpha's coordinator opens the
// offer waiting for the group and sees only what the group needs. Every
// page passes the page checks (axe, no sideways scrolling, reachable
// controls).
func TestQueueOnAPhone(t *testing.T) {
	srv := startServer(t, true)
	b := newBrowser(t, srv)
	b.setWidth(phoneWidth)
	b.signIn(demo.Accounts[1].Email)
	b.follow(peopleLink, 200)
	b.follow(`main a[href$="/queue"]`, 200)
	b.wantText("main h1", en("queue.title"))
	b.checkPage("the queue")
	b.shot("queue-375")
	if first := b.text(`main .queue-list li:first-child h2`); first != "R.M." {
		b.errorf("the queue: first is %q, want R.M. (decision in 5 days)", first)
	}
	queuePath := b.path()
	switchLanguage(b, "es", queuePath)
	b.wantText("main h1", es("queue.title"))
	b.checkPage("the queue in Spanish")
	b.shot("queue-375-es")
	switchLanguage(b, "en", queuePath)
	b.follow(`main .queue-list li:first-child h2 a`, 200)
	b.checkPage("a person with an open offer")
	b.shot("entry-375")
	main := b.text("main")
	if !strings.Contains(main, "•••-•••-781") || strings.Contains(main, "203456781") || strings.Contains(main, "Demo Processing") {
		b.errorf("the entry: the A-number is not masked or the facility shows")
	}
	b.visit(queuePath + "?state=seeking_sponsor")
	b.follow(`main .queue-list li:first-child h2 a`, 200)
	b.mustExist(`main ol.match-list form[action$="/offers"] button[type=submit]`)
	b.checkPage("a person seeking a sponsor, with the ranking")
	b.shot("entry-ranking-375")
	b.visit(queuePath + "/new")
	b.checkPage("the add form")
	b.shot("queue-new-375")
	b.follow(`main form button[type=submit]`, 422)
	b.checkPage("the add form, refused")
	b.shot("queue-new-rejected-375")
	b.signOut()

	b.signIn(alphaCoord)
	b.follow(peopleLink, 200)
	b.follow(`main a[href$="/offers"]`, 200)
	b.checkPage("the group's offers")
	b.follow(`main .queue-list li:first-child h2 a`, 200)
	b.checkPage("an offer")
	b.shot("offer-375")
	offerPath := b.path()
	switchLanguage(b, "es", offerPath)
	b.checkPage("an offer in Spanish")
	b.shot("offer-375-es")
	if main := b.text("main"); strings.Contains(main, "Demo Processing") || strings.Contains(main, "LAW-2026") || strings.Contains(main, "781") {
		b.errorf("the offer page shows what the group must not see")
	}
}

// TestNetworkPagesOnAPhone: at 375 px the network's coordinator reaches
// the queue, the placements, the dashboard and the reports from the home
// page, and reads the groups' case counts with their caption as wide as
// the page (it was squeezed to a word a line); every page passes the page
// checks, the caption check among them.
func TestNetworkPagesOnAPhone(t *testing.T) {
	srv := startServer(t, true)
	b := newBrowser(t, srv)
	b.setWidth(phoneWidth)
	b.signIn("coordinator@network.example.org")
	b.visit("/")
	for _, area := range []string{"queue", "placements", "dashboard", "reports"} {
		b.mustExist(`a[data-area="` + area + `"]`)
	}
	b.checkPage("network home")
	b.shot("network-home-375")
	b.visit("/cases")
	b.mustExist("#counts-caption")
	b.checkPage("network case counts")
	b.shot("network-cases-375")
	b.visit("/")
	b.follow(`a[data-area="reports"]`, 200)
	b.mustExist("#reports")
	b.checkPage("network dashboard")
	b.shot("network-dashboard-375")
	// A group's case list: next deadline (tagged when overdue) and next
	// appointment on lines of their own.
	b.signOut()
	b.signIn("coord@alpha.example.org")
	b.visit("/cases")
	b.mustExist(`ul.cases .tag-overdue`)
	b.checkPage("group case list")
	b.shot("group-cases-375")
}
