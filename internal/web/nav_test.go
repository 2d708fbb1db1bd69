package web

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var (
	navRE  = regexp.MustCompile(`<a href="([^"]+)" data-nav="([a-z-]+)"`)
	areaRE = regexp.MustCompile(`<a href="([^"]+)" data-area="([a-z-]+)"`)
)

// links are the hrefs of a page's navigation or areas by their ids, in
// page order.
func links(re *regexp.Regexp, body string) (ids []string, hrefs map[string]string) {
	hrefs = map[string]string{}
	for _, m := range re.FindAllStringSubmatch(body, -1) {
		ids = append(ids, m[2])
		hrefs[m[2]] = strings.ReplaceAll(m[1], "&amp;", "&")
	}
	return ids, hrefs
}

// TestNetworkHomeReachesItsAreas: a reviewer found the network's home page
// without a way to the queue, the dashboard, the placements or the
// reports. Each role's home page and navigation now list the main areas
// that role reaches, each link answers 200 for them, and none is offered
// that would answer 404: a network coordinator has the day's work but not
// what only admins set up; a group member has cases but not the network's
// offers, which are the group coordinators'.
func TestNetworkHomeReachesItsAreas(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	netBase := "/orgs/" + e.orgs["network"].ID
	daily := []string{"queue", "placements", "dashboard", "reports", "sponsors", "cases", "intake"}
	admin := []string{"vetting", "templates", "api-tokens", "settings", "security"}
	tests := []struct {
		email           string
		areas, notAreas []string
		nav, notNav     []string
		wantAreaHrefs   map[string]string
	}{
		{emailNetCoord, daily, admin,
			[]string{"home", "queue", "placements", "dashboard", "sponsors", "cases", "people", "account"}, []string{"calendar", "offers"},
			map[string]string{"queue": netBase + "/queue", "placements": netBase + "/placements", "dashboard": netBase + "/dashboard",
				"reports": netBase + "/dashboard#reports"}},
		{emailNetAdmin, append(slices.Clone(daily), admin...), nil,
			[]string{"home", "queue", "placements", "dashboard", "sponsors", "cases", "people", "account"}, []string{"calendar", "offers"}, nil},
		{emailAlphaCoord, nil, append(slices.Clone(daily), admin...),
			[]string{"home", "cases", "offers", "people", "calendar", "account"}, []string{"queue", "placements", "dashboard", "sponsors"}, nil},
		{emailAlphaMem, nil, append(slices.Clone(daily), admin...),
			[]string{"home", "cases", "people", "calendar", "account"}, []string{"offers", "queue", "placements", "dashboard"}, nil},
	}
	for _, tt := range tests {
		c := e.signIn(tt.email)
		home := c.get("/")
		if home.status != http.StatusOK {
			t.Fatalf("%s: home got %d, want 200", tt.email, home.status)
		}
		// Only those who manage the organisation's people are told they can.
		manages := tt.email == emailNetAdmin || tt.email == emailAlphaCoord
		if got := strings.Contains(home.body, "See everyone and manage roles"); got != manages {
			t.Errorf("%s: home page offers to manage roles: %v, want %v", tt.email, got, manages)
		}
		areaIDs, areaHrefs := links(areaRE, home.body)
		navIDs, navHrefs := links(navRE, home.body)
		for _, id := range tt.areas {
			if !slices.Contains(areaIDs, id) {
				t.Errorf("%s: home page lists no %q area (has %v)", tt.email, id, areaIDs)
			}
		}
		for _, id := range tt.notAreas {
			if slices.Contains(areaIDs, id) {
				t.Errorf("%s: home page offers %q, which their role does not reach", tt.email, id)
			}
		}
		for id, want := range tt.wantAreaHrefs {
			if areaHrefs[id] != want {
				t.Errorf("%s: area %q links to %q, want %q", tt.email, id, areaHrefs[id], want)
			}
		}
		if !slices.Equal(navIDs, tt.nav) {
			t.Errorf("%s: navigation got %v, want %v", tt.email, navIDs, tt.nav)
		}
		for _, id := range tt.notNav {
			if _, ok := navHrefs[id]; ok {
				t.Errorf("%s: navigation offers %q", tt.email, id)
			}
		}
		// Every link offered answers 200 for this person.
		for _, set := range []map[string]string{areaHrefs, navHrefs} {
			for id, href := range set {
				path, frag, _ := strings.Cut(href, "#")
				res := c.get(path)
				if res.status != http.StatusOK {
					t.Errorf("%s: %q links to %s, which answers %d", tt.email, id, href, res.status)
				}
				if frag != "" && !strings.Contains(res.body, `id="`+frag+`"`) {
					t.Errorf("%s: %q links to %s, which has no element with that id", tt.email, id, href)
				}
			}
		}
	}
}

// TestCalendarNotOfferedToNetworkStaff: a feed carries the cases of its
// owner's sponsor groups; network staff, who never see cases, were
// offered one that was always empty. Now the page says why there is none
// and offers no button, a POST is refused with 403 and makes no feed;
// someone in a group still makes one.
func TestCalendarNotOfferedToNetworkStaff(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	for _, email := range []string{emailNetCoord, emailNetAdmin} {
		c := e.signIn(email)
		page := c.get("/calendar")
		if page.status != http.StatusOK {
			t.Fatalf("%s: /calendar got %d, want 200", email, page.status)
		}
		if strings.Contains(page.body, `action="/calendar/feeds"`) {
			t.Errorf("%s: the calendar page offers to make a feed", email)
		}
		if !strings.Contains(page.body, "You are not in a sponsor group") {
			t.Errorf("%s: the calendar page does not say why there is no feed", email)
		}
		if res := c.post("/calendar/feeds", url.Values{}); res.status != http.StatusForbidden {
			t.Errorf("%s: POST /calendar/feeds got %d, want 403", email, res.status)
		}
		u := secUser(t, e, email)
		if feeds, err := e.st.Feeds(t.Context(), u.ID); err != nil || len(feeds) != 0 {
			t.Errorf("%s: feeds after a refused POST: %d (%v), want 0", email, len(feeds), err)
		}
	}
	c := e.signIn(emailAlphaMem)
	res := c.post("/calendar/feeds", url.Values{})
	if res.status != http.StatusOK || !strings.Contains(res.body, ".ics") {
		t.Errorf("group member: POST /calendar/feeds got %d, want 200 with the feed's address", res.status)
	}
}
