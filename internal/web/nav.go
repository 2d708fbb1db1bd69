package web

import (
	"strings"

	"puente/internal/authz"
	"puente/internal/model"
)

// navLink is one link of the site's navigation, or one of the areas an
// organisation's home page lists. ID names it for tests and styles
// (data-nav); Hint, on the home page only, says what is there.
type navLink struct {
	ID, Href, Label, Hint string
	// Here marks the link of the section the page is in (markHere).
	Here bool
}

// markHere marks the navigation link of the section path (a request's
// URL path, whatever its method) is in: the link whose address is path or
// the longest one path starts with as a folder ("/cases/x/commitments" is
// under "/cases"). "/" is only the home page. A form refused with 422 is
// in the section of the address it was posted to, as its GET page is.
func markHere(links []navLink, path string) {
	best := -1
	for i, l := range links {
		under := path == l.Href || (l.Href != "/" && strings.HasPrefix(path, l.Href+"/"))
		if under && (best < 0 || len(l.Href) > len(links[best].Href)) {
			best = i
		}
	}
	if best >= 0 {
		links[best].Here = true
	}
}

// navLinks is the navigation of the signed-in viewer in their current
// organisation: the main areas their role there may reach (authz.Can),
// so that no link answers 404 and none is missing. A network's staff have
// the queue, the placements, the dashboard and the sponsor groups; a
// group has its cases and, for its coordinators, the network's offers.
// The calendar is offered only to someone in a sponsor group: a feed
// carries the hearings and deadlines of groups' cases, and network staff
// never see cases (authz.CanHaveFeed).
func navLinks(d *templateData, v *viewer) []navLink {
	out := []navLink{{ID: "home", Href: "/", Label: d.T("nav.home")}}
	if v.Current.OrgID != "" {
		org := v.Current.Org()
		base := orgPath(org)
		if authz.Can(v.Viewer, authz.ManageQueue, org) {
			out = append(out,
				navLink{ID: "queue", Href: base + "/queue", Label: d.T("nav.queue")},
				navLink{ID: "placements", Href: base + "/placements", Label: d.T("placements.title")})
		}
		if authz.Can(v.Viewer, authz.ViewNetworkDashboard, org) {
			out = append(out, navLink{ID: "dashboard", Href: base + "/dashboard", Label: d.T("org.dashboard")})
		}
		if authz.Can(v.Viewer, authz.ViewSponsors, org) {
			out = append(out, navLink{ID: "sponsors", Href: base + "/sponsors", Label: d.T("org.sponsors")})
		}
		if authz.Can(v.Viewer, authz.ViewCases, org) || authz.Can(v.Viewer, authz.ViewCaseCounts, org) {
			out = append(out, navLink{ID: "cases", Href: "/cases", Label: d.T("nav.cases")})
		}
		if authz.Can(v.Viewer, authz.AnswerOffers, org) {
			out = append(out, navLink{ID: "offers", Href: base + "/offers", Label: d.T("nav.offers")})
		}
		out = append(out, navLink{ID: "people", Href: base, Label: d.T("nav.people")})
	}
	if authz.CanHaveFeed(v.Viewer) {
		out = append(out, navLink{ID: "calendar", Href: "/calendar", Label: d.T("nav.calendar")})
	}
	return append(out, navLink{ID: "account", Href: "/account", Label: d.T("nav.account")})
}

// networkAreas are the main areas of a network its home page lists for
// the viewer, each with what is there: the day's work first (the queue,
// placements, the dashboard and its reports), then the groups and the
// case counts, then what only admins set up. Each is offered only where
// the viewer's role reaches it.
func networkAreas(d *templateData, v *viewer, org model.Org) []navLink {
	base := orgPath(org)
	can := func(a authz.Action) bool { return authz.Can(v.Viewer, a, org) }
	var out []navLink
	add := func(ok bool, id, href, label, hint string) {
		if ok {
			out = append(out, navLink{ID: id, Href: href, Label: d.T(label), Hint: d.T(hint)})
		}
	}
	add(can(authz.ManageQueue), "queue", base+"/queue", "queue.title", "home.area.queue")
	add(can(authz.ManageQueue), "placements", base+"/placements", "placements.title", "home.area.placements")
	add(can(authz.ViewNetworkDashboard), "dashboard", base+"/dashboard", "org.dashboard", "home.area.dashboard")
	add(can(authz.ViewNetworkDashboard), "reports", base+"/dashboard#reports", "dash.reports", "home.area.reports")
	add(can(authz.ViewSponsors), "sponsors", base+"/sponsors", "org.sponsors", "home.area.sponsors")
	add(can(authz.ViewCaseCounts), "cases", "/cases", "home.area.cases.title", "home.area.cases")
	add(can(authz.ImportIntake), "intake", base+"/intake", "intake.import.title", "home.area.intake")
	add(can(authz.DefineVetting), "vetting", base+"/vetting/setup", "vetting.setup.title", "home.area.vetting")
	add(can(authz.EditTemplates), "templates", base+"/checklists", "template.title", "home.area.templates")
	add(can(authz.ManageAPITokens), "api-tokens", base+"/api-tokens", "apitoken.title", "home.area.api_tokens")
	add(can(authz.EditSettings), "settings", base+"/settings", "settings.title", "home.area.settings")
	add(can(authz.ViewSecurityLog), "security", base+"/security", "security.title", "home.area.security")
	return out
}
