package e2e

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"puente/internal/demo"
)

// maxPagesPerRole caps a crawl; the demo has fewer pages today (every page
// kind is checked once: forms, confirmations, the court-day card).
const maxPagesPerRole = 50

// idRE matches an object id in a path (16 random bytes, hex).
var idRE = regexp.MustCompile(`\b[0-9a-f]{32}\b`)

// pageKey is a path with its ids replaced, so that one page of each kind
// is checked, whatever object it shows.
func pageKey(path string) string { return idRE.ReplaceAllString(path, "{id}") }

// crawl checks, breadth first, every same-origin page reachable by GET
// links from start (sign-out is a form, so it is never followed), at both
// widths. It returns the paths it checked and the number of findings.
func crawl(b *browser, start string) (paths []string, findings int) {
	b.t.Helper()
	seen := map[string]bool{pageKey(start): true}
	queue := []string{start}
	for len(queue) > 0 && len(paths) < maxPagesPerRole {
		p := queue[0]
		queue = queue[1:]
		b.visit(p)
		paths = append(paths, p)
		findings += b.checkWidths(pageKey(p))
		for _, href := range evalJS[[]string](b, `Array.from(document.querySelectorAll('a[href]'), a => a.href)`) {
			u, err := url.Parse(href)
			if err != nil || u.Scheme+"://"+u.Host != b.srv.URL || u.Path == "/logout" {
				continue
			}
			u.Fragment = ""
			if k := pageKey(u.Path); !seen[k] {
				seen[k] = true
				queue = append(queue, u.RequestURI())
			}
		}
	}
	return paths, findings
}

// recheck checks paths again at both widths (in another language: longer
// words overflow first on a phone, and an accessible name that does not
// contain the visible label is wrong at any width).
func recheck(b *browser, paths []string, suffix string) (findings int) {
	b.t.Helper()
	for _, p := range paths {
		b.visit(p)
		findings += b.checkWidths(pageKey(p) + suffix)
	}
	return findings
}

func roleNames(a demo.Account) string {
	var rs []string
	for k, r := range a.Roles {
		rs = append(rs, string(r)+" of "+k)
	}
	sort.Strings(rs)
	return strings.Join(rs, ", ")
}

// TestAccessibility checks every page each demo account can reach (in
// Spanish too for one account of each kind, at both widths), the pages of people who are
// not signed in (sign-in, first-run setup, an invitation and a password
// reset opened from real links) and the error page, at desktop and phone
// width: no serious or critical axe violation (WCAG 2.1 A and AA), no
// horizontal scrolling, every control reachable by Tab, no CSP violation,
// no failed request.
func TestAccessibility(t *testing.T) {
	srv := startServer(t, true)
	// One-time links made through the UI by the roles below, for the
	// anonymous pages. The invitations stay pending, so the managers'
	// pages list them with their buttons.
	var inviteNew, inviteExisting, resetPath string

	// Two accounts at a time (go test's -parallel is the number of cores):
	// much of a check is waiting on the browser, not computing.
	t.Run("roles", func(t *testing.T) {
		for _, a := range demo.Accounts {
			t.Run(a.Email, func(t *testing.T) {
				t.Parallel()
				checkRole(t, srv, a, &inviteNew, &inviteExisting, &resetPath)
			})
		}
	})

	t.Run("anonymous", func(t *testing.T) {
		b := newBrowser(t, srv)
		n, checked := 0, 0
		check := func(b *browser, name string) {
			n += b.checkWidths(name)
			checked++
		}
		links := []struct{ name, path string }{
			{"invitation, new account", inviteNew},
			{"invitation, existing account", inviteExisting},
			{"password reset", resetPath},
		}
		for _, lang := range []string{"en", "es"} {
			b.visit("/login")
			if lang == "es" {
				switchLanguage(b, "es", "/login")
			}
			check(b, "sign-in ("+lang+")")
			for _, l := range links {
				if l.path == "" {
					t.Errorf("%s: no link to check (the subtest that makes it failed)", l.name)
					continue
				}
				b.visit(l.path)
				check(b, l.name+" ("+lang+")")
			}
			b.visitStatus("/no-such-page", 404)
			check(b, "not found ("+lang+")")

			// Halfway through signing in: the second step's two pages.
			h := newBrowser(t, srv)
			h.visit("/login")
			if lang == "es" {
				switchLanguage(h, "es", "/login")
			}
			h.fill("#email", alphaCoord)
			h.fill("#password", "puente-demo-2026")
			h.submit(`form[action="/login"] button[type=submit]`)
			h.wantPath("/login/code")
			check(h, "second step ("+lang+")")
			h.follow(`main a[href="/login/recovery"]`, 200)
			check(h, "recovery code step ("+lang+")")
		}

		empty := startServer(t, false)
		e := newBrowser(t, empty)
		e.visit(empty.SetupPath)
		check(e, "setup (en)")
		switchLanguage(e, "es", empty.SetupPath)
		check(e, "setup (es)")
		t.Logf("anonymous: %d pages checked at %d and %d px, %d findings", checked, desktopWidth, phoneWidth, n)
	})
}

// spanishAlso are the accounts whose pages are checked in Spanish too: one
// of each kind of view (network admin, network coordinator, group
// coordinator, group member); the other group coordinators see the same
// pages as alpha's.
var spanishAlso = map[string]bool{
	demo.Accounts[0].Email: true,
	demo.Accounts[1].Email: true,
	demo.Accounts[2].Email: true,
	demo.Accounts[3].Email: true,
}

// checkRole signs a in, makes the one-time links the anonymous pages need
// (as the network admin and alpha's coordinator), crawls and checks what a
// can reach, in Spanish too if spanishAlso says so, and signs out.
func checkRole(t *testing.T, srv *server, a demo.Account, inviteNew, inviteExisting, resetPath *string) {
	b := newBrowser(t, srv)
	b.signIn(a.Email)
	for key := range a.Roles {
		b.wantText(currentOrg, demoOrgName(t, key))
	}
	switch a.Email {
	case networkAdmin:
		*inviteNew = linkPath(b, createInvitation(b, "nueva@example.org", "coordinator"), "/invite/")
		b.checkWidths("invitation link")
		*inviteExisting = linkPath(b, createInvitation(b, demo.Accounts[5].Email, "coordinator"), "/invite/")
	case alphaCoord:
		createInvitation(b, "tercera@example.org", "member")
		*resetPath = linkPath(b, issueReset(b, alphaMember.Name), "/reset/")
		b.checkWidths("password reset link")
	}
	paths, n := crawl(b, "/")
	paths = append(paths, "/no-such-page", "/orgs/00000000000000000000000000000000")
	n += checkNotFound(b, paths[len(paths)-2:], "")
	spanish := 0
	if spanishAlso[a.Email] {
		b.visit("/")
		switchLanguage(b, "es", "/")
		n += recheck(b, paths[:len(paths)-2], " (es)")
		n += checkNotFound(b, paths[len(paths)-2:], " (es)")
		spanish = len(paths)
		b.visit("/")
		switchLanguage(b, "en", "/")
	}
	b.visit("/")
	b.signOut()

	keys := make([]string, len(paths))
	for i, p := range paths {
		keys[i] = pageKey(p)
	}
	for _, want := range crawlMustReach[a.Email] {
		if !slices.Contains(keys, want) {
			t.Errorf("%s: the crawl never reached %s", a.Email, want)
		}
	}
	t.Logf("%s (%s): %d pages checked at %d and %d px, %d of them in Spanish too; %d findings; pages: %s",
		a.Email, roleNames(a), len(paths), desktopWidth, phoneWidth, spanish, n, strings.Join(keys, " "))
}

// checkNotFound checks the 404 pages at paths (both kinds a signed-in
// person can meet: a path no route matches, and an organisation outside
// their scope) at desktop and phone width, or only at phone width if the
// tab is at phone width.
func checkNotFound(b *browser, paths []string, suffix string) (n int) {
	b.t.Helper()
	for _, p := range paths {
		b.visitStatus(p, 404)
		if b.width == phoneWidth {
			n += b.checkPage("not found " + p + suffix)
		} else {
			n += b.checkWidths("not found " + p + suffix)
		}
	}
	return n
}

// issueReset presses "Password reset link" for the person called name on
// the People page of b's organisation and returns the link it shows.
func issueReset(b *browser, name string) string {
	b.t.Helper()
	b.visit("/")
	b.follow(peopleLink, 200)
	btn := fmt.Sprintf(`ul.people > li form[action$="/reset"] button[aria-label=%s]`, js(en("members.reset_for", name)))
	b.submit(btn)
	b.wantText("main h1", en("reset.issued.title"))
	return b.value("input#link")
}
