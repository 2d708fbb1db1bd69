package e2e

import (
	"net/url"
	"strings"
	"testing"

	"puente/internal/demo"
	"puente/internal/i18n"
)

// en and es are the two languages' strings, so that copy edits do not
// break the tests.
var (
	en = i18n.EN.T
	es = i18n.ES.T
)

// Demo accounts by what the tests need them for.
var (
	networkAdmin = demo.Accounts[0].Email
	alphaCoord   = demo.Accounts[2].Email
	alphaMember  = demo.Accounts[3]
)

// A password that passes every rule and names nobody.
const newPassword = "tortuga violeta cruza el puente 7"

// Selectors used by several flows.
const (
	peopleLink   = `nav a[data-nav="people"]`
	signOutBtn   = `form[action="/logout"] button[type=submit]`
	currentOrg   = `header .current strong`
	flash        = `main .flash`
	submitButton = `main form button[type=submit]`
)

// demoOrgName is the name of the demo organisation with key k.
func demoOrgName(t *testing.T, k string) string {
	t.Helper()
	for _, o := range demo.Orgs {
		if o.Key == k {
			return o.Name
		}
	}
	t.Fatalf("no demo organisation %q", k)
	return ""
}

// TestFirstRunSetup: on an empty database every page leads to /setup, which
// is not found without the one-time link printed on the console; the form
// at that link refuses an empty submission field by field, then creates the
// first account and organisation, sets up two-step sign-in (the account
// manages the organisation) and lands on home signed in; /setup is gone.
func TestFirstRunSetup(t *testing.T) {
	srv := startServer(t, false)
	b := newBrowser(t, srv)
	// Without the console's one-time link, /setup is not found.
	for _, p := range []string{"/", "/login", "/account", "/orgs/0123456789abcdef0123456789abcdef"} {
		b.visitStatus(p, 404)
		b.wantPath("/setup")
	}
	b.checkWidths("setup without its link (404)")
	b.visit(srv.SetupPath)
	b.wantPath(srv.SetupPath)
	b.checkWidths("setup")

	b.follow(submitButton, 422)
	for _, f := range []string{"org_name", "time_zone", "name", "email", "password", "password_confirm"} {
		if b.attr("#"+f, "aria-invalid") != "true" || !b.exists("#"+f+"-error") {
			b.errorf("refused setup: field %s has no error message tied to it", f)
		}
	}
	b.checkWidths("setup, refused")

	b.fill("#org_name", "Grupo Esperanza")
	b.click("#org_kind_group")
	b.choose("#time_zone", "America/Chicago")
	b.fill("#name", "Rosa Reyes")
	b.fill("#email", "rosa@example.org")
	b.fill("#password", newPassword)
	b.fill("#password_confirm", newPassword)
	b.submit(submitButton)
	// The first account manages the organisation: two-step sign-in first.
	b.wantPath("/account/2fa")
	b.wantText(flash, en("setup.done"))
	b.checkWidths("two-step sign-in after setup")
	b.enrol("rosa@example.org")
	b.wantPath("/")
	b.wantText("main h1", "Grupo Esperanza")
	b.wantText(currentOrg, "Grupo Esperanza")
	if !b.exists(signOutBtn) {
		b.failf("not signed in after setup")
	}
	b.checkWidths("home after setup")

	b.visitStatus("/setup", 404)
	b.checkWidths("setup after setup (404)")
}

// TestSignInAndOut: a network account and a group account sign in, land on
// their organisation's home page, and sign out; after that a signed-in page
// leads to sign-in. (TestAccessibility signs every demo account in and out.)
func TestSignInAndOut(t *testing.T) {
	srv := startServer(t, true)
	b := newBrowser(t, srv)
	for _, a := range []demo.Account{demo.Accounts[0], alphaMember} {
		b.signIn(a.Email)
		for key := range a.Roles {
			b.wantText(currentOrg, demoOrgName(t, key))
		}
		b.signOut()
		b.visit("/account")
		b.wantPath("/login")
	}
	b.checkWidths("sign-in after sign-out")
}

// TestSignInRefused: a wrong password shows the message in the error
// summary, focused, and by the form; keeps the email and empties the
// password field.
func TestSignInRefused(t *testing.T) {
	srv := startServer(t, true)
	b := newBrowser(t, srv)
	b.visit("/login")
	b.fill("#email", alphaCoord)
	b.fill("#password", "not the right password")
	b.follow(submitButton, 422)
	b.wantPath("/login")
	b.wantText("#form-error", en("login.failed"))
	// The error summary says it first, as an alert, and has the focus.
	if got := b.attr(".error-summary", "role"); got != "alert" {
		b.errorf("the error summary has role %q, want alert", got)
	}
	if got := b.text(".error-summary li"); got != en("login.failed") {
		b.errorf("the error summary says %q, want %q", got, en("login.failed"))
	}
	if focused := evalJS[string](b, `document.activeElement.className`); focused != "error-summary" {
		b.errorf("after the refusal the focus is on %q, want the error summary", focused)
	}
	if got := b.value("#email"); got != alphaCoord {
		b.errorf("email after refusal: got %q, want %q", got, alphaCoord)
	}
	if got := b.value("#password"); got != "" {
		b.errorf("password after refusal: got %d characters, want an empty field", len(got))
	}
	if b.exists(signOutBtn) {
		b.failf("signed in with a wrong password")
	}
	b.checkWidths("sign-in refused")
}

// createInvitation has b (signed in as a manager) invite email with role
// to the organisation of its "People" page, and returns the one-time link.
func createInvitation(b *browser, email, role string) string {
	b.t.Helper()
	b.visit("/")
	b.follow(peopleLink, 200)
	org := b.path()
	b.follow(`main a[href="`+org+`/invitations/new"]`, 200)
	b.fill("#email", email)
	b.click("#role-" + role)
	b.submit(`form[action="` + org + `/invitations"] button[type=submit]`)
	b.wantText("main h1", en("invite.issued.title"))
	return b.value("input#link")
}

// linkPath is the path of a one-time link, checked to lead to prefix.
func linkPath(b *browser, link, prefix string) string {
	b.t.Helper()
	u, err := url.Parse(link)
	if err != nil || !strings.HasPrefix(u.Path, prefix) {
		b.failf("one-time link %q: want a URL whose path starts with %s", link, prefix)
	}
	return u.Path
}

// TestInvitationAccepted: the network admin invites a new address; a
// different browser opens the link, chooses a name and password and lands
// signed in to the organisation.
func TestInvitationAccepted(t *testing.T) {
	srv := startServer(t, true)
	admin := newBrowser(t, srv)
	admin.signIn(networkAdmin)
	admin.visit("/")
	admin.follow(peopleLink, 200)
	admin.follow(`main a[href$="/invitations/new"]`, 200)
	admin.checkWidths("new invitation")
	link := createInvitation(admin, "nora@example.org", "coordinator")
	admin.checkWidths("invitation link")
	// Started with -addr 127.0.0.1:0 and no -base-url, the server must still
	// hand out links that lead back to it.
	t.Run("link leads to this server", func(t *testing.T) {
		if !strings.HasPrefix(link, srv.URL+"/invite/") {
			t.Errorf("invitation link %q does not lead to the server at %s", link, srv.URL)
		}
	})

	guest := newBrowser(t, srv)
	guest.visit(linkPath(guest, link, "/invite/"))
	guest.wantText("main h1", en("invite.accept.title"))
	guest.checkWidths("accept invitation")
	guest.fill("#name", "Nora Nueva")
	guest.fill("#password", newPassword)
	guest.fill("#password_confirm", newPassword)
	guest.submit(submitButton)
	guest.wantPath("/")
	guest.wantText(flash, en("invite.accepted"))
	guest.wantText(currentOrg, demoOrgName(t, "network"))
	guest.checkWidths("home after joining")

	// The link works once.
	guest.signOut()
	guest.visitStatus(linkPath(guest, link, "/invite/"), 404)
}

// TestRoleChange: a group coordinator makes a member a coordinator on the
// organisation page; the page shows the new role, and so does the member's
// own next sign-in.
func TestRoleChange(t *testing.T) {
	srv := startServer(t, true)
	b := newBrowser(t, srv)
	b.signIn(alphaCoord)
	changeRole(b, alphaMember.Name, "coordinator")
	b.checkWidths("organisation after a role change")

	m := newBrowser(t, srv)
	m.signIn(alphaMember.Email)
	if got := m.text(`header .current .kind`); !strings.Contains(got, en("role.coordinator")) {
		m.errorf("the member's header says %q, want the role %q", got, en("role.coordinator"))
	}
}

// changeRole sets the role of the person called name on the People page
// and checks that the page shows it afterwards.
func changeRole(b *browser, name, role string) {
	b.t.Helper()
	b.visit("/")
	b.follow(peopleLink, 200)
	org := b.path()
	row := `ul.people > li:has(.who strong[data-e2e-person])`
	// Mark the person's row; the select's id holds a user id we do not know.
	if !evalJS[bool](b, `(() => {
		for (const s of document.querySelectorAll('ul.people > li .who strong')) {
			if (s.textContent.trim() === `+js(name)+`) { s.setAttribute('data-e2e-person', ''); return true; }
		}
		return false;
	})()`) {
		b.failf("no person called %q on %s", name, org)
	}
	b.choose(row+` select[name=role]`, role)
	b.submit(row + ` form[action$="/role"] button[type=submit]`)
	b.wantPath(org)
	b.wantText(flash, en("members.role_changed"))
	for _, s := range evalJS[[]string](b, `Array.from(document.querySelectorAll('ul.people > li')).filter(li => li.querySelector('.who strong').textContent.trim() === `+js(name)+`).map(li => li.querySelector('.who .role').textContent.trim())`) {
		if s != en("role."+role) {
			b.errorf("%s's role after the change: got %q, want %q", name, s, en("role."+role))
		}
	}
}

// TestLanguageSwitch: "Español" turns the page Spanish (and remembers it
// for the account); "English" turns it back, on the same page.
func TestLanguageSwitch(t *testing.T) {
	srv := startServer(t, true)
	b := newBrowser(t, srv)

	// Signed out, on the sign-in page.
	b.visit("/login")
	switchLanguage(b, "es", "/login")
	b.wantText("main h1", es("login.title"))
	b.checkWidths("sign-in in Spanish")
	switchLanguage(b, "en", "/login")
	b.wantText("main h1", en("login.title"))

	// Signed in: the choice follows the account to other pages.
	b.signIn(alphaMember.Email)
	b.visit("/account")
	switchLanguage(b, "es", "/account")
	b.wantText(signOutBtn, es("nav.signout"))
	b.checkWidths("account in Spanish")
	b.visit("/")
	b.wantText(signOutBtn, es("nav.signout"))
	if got := b.attr("html", "lang"); got != "es" {
		b.errorf("home after switching: html lang %q, want es", got)
	}
	switchLanguage(b, "en", "/")
	b.wantText(signOutBtn, en("nav.signout"))
}

// switchLanguage presses the language button and expects to stay on path
// with the page in lang.
func switchLanguage(b *browser, lang, path string) {
	b.t.Helper()
	btn := `form[action="/lang"] button[name=lang][value=` + lang + `]`
	b.submit(btn)
	b.wantPath(path)
	if got := b.attr("html", "lang"); got != lang {
		b.failf("after pressing %s: html lang %q, want %q", lang, got, lang)
	}
	if got := b.attr(btn, "aria-pressed"); got != "true" {
		b.errorf("the %s button has aria-pressed %q after choosing it, want true", lang, got)
	}
}

// TestPhoneFlows: signing in, changing a role and switching language work
// with the controls as a 375 px wide phone shows them.
func TestPhoneFlows(t *testing.T) {
	srv := startServer(t, true)
	b := newBrowser(t, srv)
	b.setWidth(phoneWidth)
	b.signIn(alphaCoord)
	b.checkPage("home on a phone")
	changeRole(b, alphaMember.Name, "coordinator")
	b.checkPage("organisation on a phone")
	switchLanguage(b, "es", b.path())
	b.checkPage("organisation in Spanish on a phone")
	switchLanguage(b, "en", b.path())
	b.signOut()
	b.checkPage("sign-in on a phone")
}
