package e2e

import (
	"strings"
	"testing"
)

// crawlMustReach are pages each account's crawl must have checked, so that
// a page added later is not left out of the accessibility checks by a
// missing link (commitments and coverage, issue 11).
var crawlMustReach = map[string][]string{
	alphaCoord: {"/me/tasks", "/cases/{id}/commitments/new", "/cases/{id}/commitments/{id}", "/cases/{id}/commitments/{id}/edit",
		"/cases/{id}/commitments/{id}/given/new", "/cases/{id}/commitments/{id}/holders/new", "/cases/{id}/commitments/{id}/cancel",
		"/cases/{id}/needs/new", "/cases/{id}/appointments/{id}/going"},
	alphaMember.Email: {"/me/tasks", "/cases/{id}/commitments/new", "/cases/{id}/commitments/{id}", "/cases/{id}/commitments/{id}/given/new",
		"/cases/{id}/appointments/{id}/going"},
	networkAdmin: {"/me/tasks"},
}

// TestCoverageOnAPhone: at 375 px, without JavaScript doing anything, a
// member sees the hearing nobody is going to on the group's home page,
// goes in one tap, finds it on their own task list (this week's part on
// the first screen), and records money given on its own page (a refused
// amount first: 422, the error summary, nothing kept but what they typed).
func TestCoverageOnAPhone(t *testing.T) {
	srv := startServer(t, true)
	b := newBrowser(t, srv)
	b.setWidth(phoneWidth)
	b.signIn(alphaMember.Email)
	b.mustExist(`section.flags`)
	b.checkPage("home with a hearing nobody is going to")
	go1 := `section.flags form[action$="/going"] button[type=submit]`
	b.mustExist(go1)
	b.submit(go1)
	b.wantPath("/")
	b.wantText(flash, en("going.saved"))
	if strings.Contains(b.text("main"), "Master calendar hearing on") {
		b.errorf("home: the hearing is still flagged after signing up")
	}
	b.follow(`header a.tasks-link[href="/me/tasks"]`, 200)
	// The hearing is 9 days away: after this week's check-in and biometrics.
	if later := b.text(`main section:nth-of-type(2)`); !strings.Contains(later, "Master calendar hearing · going along") {
		b.errorf("my tasks, later: got %q, want the hearing they go to", later)
	}
	if week := b.text(`main section:first-of-type`); !strings.Contains(week, "ICE check-in · driving") {
		b.errorf("my tasks, this week: got %q, want the check-in they drive to", week)
	}
	// "What do I have to do this week?" is answered on the first screen:
	// the whole week's list sits above the fold at 375 px.
	if below := evalJS[float64](b, `document.querySelector('main section').getBoundingClientRect().bottom - window.innerHeight`); below > 0 {
		b.errorf("my tasks at %d px: this week's list ends %.0f px below the first screen", phoneWidth, below)
	}
	b.checkPage("my tasks on a phone")

	// Money given against the rent the member holds.
	rent := evalJS[string](b, `(Array.from(document.querySelectorAll('main a')).find(a => a.textContent.includes('$600.00 due')) || {getAttribute: () => ''}).getAttribute('href')`)
	if rent == "" {
		b.failf("my tasks: no \"$600.00 due\" for the rent the member holds")
	}
	b.visit(rent)
	b.checkPage("commitment on a phone")
	b.follow(`a[href$="/given/new"]`, 200)
	b.fill("#amount", "١٢")
	b.follow(`form[action$="/given"] button[type=submit]`, 422)
	b.mustExist(`.error-summary a[href="#amount"]`)
	if b.value("#amount") != "١٢" {
		b.errorf("refused amount: got %q in the field, want what was typed", b.value("#amount"))
	}
	b.checkPage("refused amount on a phone")
	b.fill("#amount", "50")
	b.submit(`form[action$="/given"] button[type=submit]`)
	b.wantText(flash, en("given.saved"))
	b.checkPage("commitment after recording on a phone")
}
