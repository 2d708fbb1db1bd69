package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/go-chi/chi/v5"

	"puente/internal/auth"
	"puente/internal/model"
)

// The roles of the access matrix, in column order of the tables below.
var matrixRoles = []struct{ name, email string }{
	{"anonymous", ""},
	{"member", emailAlphaMem},          // member of group alpha
	{"group-coord", emailAlphaCoord},   // coordinator of group alpha
	{"network-coord", emailNetCoord},   // coordinator of the network that owns alpha and beta
	{"network-admin", emailNetAdmin},   // admin of that network
	{"other-network", emailOtherAdmin}, // admin of another network (owns gamma)
}

// The organisations an org route is tried on, in column order:
// the network, its groups alpha and beta, another network and its group gamma.
var matrixTargets = []string{"network", "alpha", "beta", "othernet", "gamma"}

// cell prepares one request: path parameters and form.
type cell struct {
	path string
	form url.Values
}

// matrixRow is one route: either one status per role (plain routes), or
// one line per role with a status per target (an organisation, a case, a feed).
type matrixRow struct {
	method, pattern string
	// prepare builds the request for an org route on org (nil for other routes).
	prepare func(e *testEnv, org model.Org) cell
	// targets and on build the request for a case or feed route, per role
	// (index into matrixRoles) and target name.
	targets []string
	on      func(e *testEnv, role int, target string) cell
	// form is the body of a plain POST route.
	form url.Values
	// path overrides pattern for plain routes with parameters.
	path string
	// plain: a status per role. org: per role, a status per organisation.
	// want: per role, a status per target of targets.
	plain [6]int
	org   [6][5]int
	want  [6][]int
}

const (
	s200 = http.StatusOK
	s400 = http.StatusBadRequest
	s303 = http.StatusSeeOther
	s401 = http.StatusUnauthorized
	s403 = http.StatusForbidden
	s404 = http.StatusNotFound
	s422 = http.StatusUnprocessableEntity
)

var anonGet = [5]int{s303, s303, s303, s303, s303}
var anonPost = [5]int{s401, s401, s401, s401, s401}

// Network-admin actions (create a group): only on one's own network.
var onlyOwnNetworkAdmin = func(ok int) [6][5]int {
	return [6][5]int{
		{},
		{s404, s403, s404, s404, s404},
		{s404, s403, s404, s404, s404},
		{s403, s403, s403, s404, s404},
		{ok, s403, s403, s404, s404},
		{s404, s404, s404, ok, s403},
	}
}

// People management: a group's coordinators in their group, a network's
// admins in the network. Every group here has its own coordinator, so the
// group's space is the group's (issue 8): a network admin inviting into it,
// changing roles, removing or issuing a reset link there gets 403.
var managePeople = func(ok int) [6][5]int {
	return [6][5]int{
		{},
		{s404, s403, s404, s404, s404},
		{s404, ok, s404, s404, s404},
		{s403, s403, s403, s404, s404},
		{ok, s403, s403, s404, s404},
		{s404, s404, s404, ok, s403},
	}
}

// The security log: an organisation's managers, and a network's admins for
// the network and its groups.
var readLog = func(ok int) [6][5]int {
	return [6][5]int{
		{},
		{s404, s403, s404, s404, s404},
		{s404, ok, s404, s404, s404},
		{s403, s403, s403, s404, s404},
		{ok, ok, ok, s404, s404},
		{s404, s404, s404, ok, ok},
	}
}

var victims atomic.Int64

// newVictim adds a fresh member to org so that removing or resetting them
// cannot disturb other cells.
func newVictim(e *testEnv, org model.Org) string {
	n := victims.Add(1)
	role := model.RolesFor(org.Kind)[1]
	u, err := e.st.CreateMember(context.Background(), org, fmt.Sprintf("victim%d@example.org", n), fmt.Sprintf("Victim %d", n), e.hash, role)
	if err != nil {
		e.t.Fatalf("victim: %v", err)
	}
	return u.ID
}

func newInvitation(e *testEnv, org model.Org) string {
	n := victims.Add(1)
	inv, err := e.st.CreateInvitation(context.Background(), org, fmt.Sprintf("invitee%d@example.org", n),
		model.RolesFor(org.Kind)[1], auth.HashToken(auth.NewToken()), "", "127.0.0.1")
	if err != nil {
		e.t.Fatalf("invitation: %v", err)
	}
	return inv.ID
}

// newResetLink issues a reset link from org, by one of its managers, for a
// fresh member, and returns the link's id.
func newResetLink(e *testEnv, org model.Org) string {
	victim := newVictim(e, org)
	ms, err := e.st.Members(context.Background(), org.ID, "en")
	if err != nil {
		e.t.Fatalf("members: %v", err)
	}
	issuer := ""
	for _, m := range ms {
		if m.Role == model.ManagerRole(org.Kind) {
			issuer = m.UserID
		}
	}
	if err := e.st.CreateReset(context.Background(), auth.HashToken(auth.NewToken()), victim, org.ID, issuer, "127.0.0.1"); err != nil {
		e.t.Fatalf("reset: %v", err)
	}
	rs, err := e.st.PendingResets(context.Background(), org.ID)
	if err != nil {
		e.t.Fatalf("pending resets: %v", err)
	}
	for _, r := range rs {
		if r.UserID == victim {
			return r.ID
		}
	}
	e.t.Fatalf("no pending reset for the new member")
	return ""
}

// accessMatrix is every route's row; each GET row is tried again as HEAD,
// which must answer exactly as GET does, without a body.
func accessMatrix() []matrixRow {
	rows := append(append(append(append(append(append(append(append(orgMatrix(), twoFactorMatrix()...), caseMatrix()...), commitMatrix()...), sponsorMatrix()...), checklistMatrix()...), templateMatrix()...), queueMatrix()...), intakeMatrix()...)
	for _, r := range rows {
		if r.method == "GET" {
			h := r
			h.method = "HEAD"
			rows = append(rows, h)
		}
	}
	return rows
}

func orgMatrix() []matrixRow {
	orgPath := func(suffix string) func(e *testEnv, o model.Org) cell {
		return func(e *testEnv, o model.Org) cell { return cell{path: "/orgs/" + o.ID + suffix} }
	}
	all := func(s int) [6]int { return [6]int{s, s, s, s, s, s} }
	signedIn := func(anon, s int) [6]int { return [6]int{anon, s, s, s, s, s} }
	return []matrixRow{
		{method: "GET", pattern: "/static/*", path: "/static/app.css", plain: all(s200)},
		{method: "GET", pattern: "/healthz", plain: all(s200)},
		{method: "GET", pattern: "/guide", plain: all(s200)},
		{method: "GET", pattern: "/guide/{stage}", path: "/guide/first_week", plain: all(s200)},
		{method: "GET", pattern: "/setup", plain: all(s404)},
		{method: "POST", pattern: "/setup", form: url.Values{}, plain: all(s404)},
		{method: "GET", pattern: "/login", plain: signedIn(s200, s303)},
		{method: "POST", pattern: "/login", form: url.Values{"email": {""}}, plain: all(s422)},
		{method: "POST", pattern: "/lang", form: url.Values{"lang": {"es"}, "return": {"/"}}, plain: all(s303)},
		{method: "GET", pattern: "/invite/{token}", path: "/invite/" + auth.NewToken(), plain: all(s404)},
		{method: "POST", pattern: "/invite/{token}", path: "/invite/" + auth.NewToken(), form: url.Values{}, plain: all(s404)},
		{method: "GET", pattern: "/reset/{token}", path: "/reset/" + auth.NewToken(), plain: all(s404)},
		{method: "POST", pattern: "/reset/{token}", path: "/reset/" + auth.NewToken(), form: url.Values{}, plain: all(s404)},
		{method: "GET", pattern: "/", plain: signedIn(s303, s200)},
		{method: "POST", pattern: "/logout", form: url.Values{}, plain: signedIn(s401, s303)},
		{method: "GET", pattern: "/account", plain: signedIn(s303, s200)},
		{method: "POST", pattern: "/account/password", form: url.Values{}, plain: signedIn(s401, s422)},
		{method: "POST", pattern: "/account/digest", form: url.Values{"digest": {"none"}}, plain: signedIn(s401, s303)},

		{method: "POST", pattern: "/orgs/switch",
			prepare: func(e *testEnv, o model.Org) cell {
				return cell{path: "/orgs/switch", form: url.Values{"org_id": {o.ID}}}
			},
			org: [6][5]int{
				anonPost,
				{s404, s303, s404, s404, s404},
				{s404, s303, s404, s404, s404},
				{s303, s404, s404, s404, s404},
				{s303, s404, s404, s404, s404},
				{s404, s404, s404, s303, s404},
			}},
		{method: "GET", pattern: "/orgs/{orgID}", prepare: orgPath(""),
			org: [6][5]int{
				anonGet,
				{s404, s200, s404, s404, s404},
				{s404, s200, s404, s404, s404},
				{s200, s200, s200, s404, s404},
				{s200, s200, s200, s404, s404},
				{s404, s404, s404, s200, s200},
			}},
		{method: "GET", pattern: "/orgs/{orgID}/groups/new", prepare: orgPath("/groups/new"),
			org: withAnon(onlyOwnNetworkAdmin(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/groups",
			prepare: func(e *testEnv, o model.Org) cell {
				return cell{path: "/orgs/" + o.ID + "/groups", form: url.Values{"name": {""}}}
			},
			org: withAnon(onlyOwnNetworkAdmin(s422), anonPost)},
		{method: "GET", pattern: "/orgs/{orgID}/invitations/new", prepare: orgPath("/invitations/new"),
			org: withAnon(managePeople(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/invitations",
			prepare: func(e *testEnv, o model.Org) cell {
				return cell{path: "/orgs/" + o.ID + "/invitations", form: url.Values{"email": {"not-an-email"}}}
			},
			org: withAnon(managePeople(s422), anonPost)},
		{method: "GET", pattern: "/orgs/{orgID}/invitations/{invID}/revoke",
			prepare: func(e *testEnv, o model.Org) cell {
				return cell{path: "/orgs/" + o.ID + "/invitations/" + newInvitation(e, o) + "/revoke"}
			},
			org: withAnon(managePeople(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/invitations/{invID}/revoke",
			prepare: func(e *testEnv, o model.Org) cell {
				return cell{path: "/orgs/" + o.ID + "/invitations/" + newInvitation(e, o) + "/revoke"}
			},
			org: withAnon(managePeople(s303), anonPost)},
		{method: "POST", pattern: "/orgs/{orgID}/members/{userID}/role",
			prepare: func(e *testEnv, o model.Org) cell {
				return cell{path: "/orgs/" + o.ID + "/members/" + newVictim(e, o) + "/role", form: url.Values{"role": {"owner"}}}
			},
			org: withAnon(managePeople(s422), anonPost)},
		{method: "GET", pattern: "/orgs/{orgID}/members/{userID}/remove",
			prepare: func(e *testEnv, o model.Org) cell {
				return cell{path: "/orgs/" + o.ID + "/members/" + newVictim(e, o) + "/remove"}
			},
			org: withAnon(managePeople(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/members/{userID}/remove",
			prepare: func(e *testEnv, o model.Org) cell {
				return cell{path: "/orgs/" + o.ID + "/members/" + newVictim(e, o) + "/remove"}
			},
			org: withAnon(managePeople(s303), anonPost)},
		{method: "POST", pattern: "/orgs/{orgID}/members/{userID}/reset",
			prepare: func(e *testEnv, o model.Org) cell {
				return cell{path: "/orgs/" + o.ID + "/members/" + newVictim(e, o) + "/reset"}
			},
			org: withAnon(managePeople(s200), anonPost)},
		{method: "GET", pattern: "/orgs/{orgID}/resets/{resetID}/revoke",
			prepare: func(e *testEnv, o model.Org) cell {
				return cell{path: "/orgs/" + o.ID + "/resets/" + newResetLink(e, o) + "/revoke"}
			},
			org: withAnon(managePeople(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/resets/{resetID}/revoke",
			prepare: func(e *testEnv, o model.Org) cell {
				return cell{path: "/orgs/" + o.ID + "/resets/" + newResetLink(e, o) + "/revoke"}
			},
			org: withAnon(managePeople(s303), anonPost)},
		{method: "GET", pattern: "/orgs/{orgID}/security", prepare: orgPath("/security"),
			org: withAnon(readLog(s200), anonGet)},
		// Settings follow people management: a network admin no longer
		// changes a group's settings once it has its own coordinator.
		{method: "GET", pattern: "/orgs/{orgID}/settings", prepare: orgPath("/settings"),
			org: withAnon(managePeople(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/settings",
			prepare: func(e *testEnv, o model.Org) cell {
				return cell{path: "/orgs/" + o.ID + "/settings", form: url.Values{"time_zone": {"Mars/Olympus_Mons"}}}
			},
			org: withAnon(managePeople(s422), anonPost)},
	}
}

// TestAccessMatrix tries every route × method × role × organisation and
// checks the status of each cell.
func TestAccessMatrix(t *testing.T) {
	e := newEnv(t)
	clients := make([]*client, len(matrixRoles))
	for i, r := range matrixRoles {
		if r.email == "" {
			clients[i] = e.client()
		} else {
			clients[i] = e.signIn(r.email)
		}
	}
	// A logout ends the session it is sent with, so those cells get a fresh one.
	clientFor := func(i int, row matrixRow) *client {
		if row.pattern == "/logout" && matrixRoles[i].email != "" {
			return e.signIn(matrixRoles[i].email)
		}
		return clients[i]
	}
	cells := 0
	send := func(c *client, method, path string, form url.Values) response {
		cells++
		switch method {
		case "GET":
			return c.get(path)
		case "POST":
			res := c.post(path, form)
			if res.status == s422 {
				checkErrorSummary(t, "POST "+path, res.body)
			}
			return res
		case "HEAD":
			res := c.head(path)
			if res.body != "" {
				t.Errorf("HEAD %s: got a %d-byte body, want none", path, len(res.body))
			}
			return res
		}
		t.Fatalf("no way to send %s", method)
		return response{}
	}
	for _, row := range accessMatrix() {
		for i, role := range matrixRoles {
			if row.on != nil {
				for j, target := range row.targets {
					c := row.on(e, i, target)
					got := send(clientFor(i, row), row.method, c.path, c.form).status
					if want := row.want[i][j]; got != want {
						t.Errorf("%s %s as %s on %s: got %d, want %d", row.method, row.pattern, role.name, target, got, want)
					}
				}
				continue
			}
			if row.prepare == nil {
				path := row.pattern
				if row.path != "" {
					path = row.path
				}
				got := send(clientFor(i, row), row.method, path, row.form).status
				if want := row.plain[i]; got != want {
					t.Errorf("%s %s as %s: got %d, want %d", row.method, row.pattern, role.name, got, want)
				}
				continue
			}
			for j, target := range matrixTargets {
				c := row.prepare(e, e.orgs[target])
				got := send(clientFor(i, row), row.method, c.path, c.form).status
				if want := row.org[i][j]; got != want {
					t.Errorf("%s %s as %s on %s: got %d, want %d", row.method, row.pattern, role.name, target, got, want)
				}
			}
		}
	}
	t.Logf("%d cells: %d routes × %d roles × their targets", cells, len(accessMatrix()), len(matrixRoles))
}

// TestEveryRouteHasARule fails when a route exists that the access matrix
// does not cover, or a matrix row names a route that no longer exists.
func TestEveryRouteHasARule(t *testing.T) {
	e := newEnv(t)
	registered := map[string]bool{}
	for _, r := range e.srv.Routes() {
		if r.Rule.Kind == 0 {
			t.Errorf("%s %s has no access rule", r.Method, r.Pattern)
		}
		registered[r.Method+" "+r.Pattern] = true
	}
	// Walk the real router too: a route added around add() would show here.
	walked := map[string]bool{}
	err := chi.Walk(e.srv.handler.(chi.Routes), func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		walked[method+" "+route] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	inMatrix := map[string]bool{}
	for _, row := range accessMatrix() {
		inMatrix[row.method+" "+row.pattern] = true
	}
	var problems []string
	for k := range walked {
		if !registered[k] {
			problems = append(problems, "routed without a rule: "+k)
		}
		if !inMatrix[k] {
			problems = append(problems, "missing from the access matrix: "+k)
		}
	}
	for k := range inMatrix {
		if !walked[k] {
			problems = append(problems, "in the matrix but not routed: "+k)
		}
	}
	sort.Strings(problems)
	if len(problems) > 0 {
		t.Errorf("route coverage:\n%s", strings.Join(problems, "\n"))
	}
	if len(walked) < 25 {
		t.Errorf("walked %d routes, want at least 25", len(walked))
	}
}

// withAnon is m with its first row (the signed-out visitor) replaced by anon.
func withAnon(m [6][5]int, anon [5]int) [6][5]int { m[0] = anon; return m }

// onOrg is a matrix cell on each target organisation's page at suffix,
// with form as the body of a POST.
func onOrg(suffix string, form url.Values) func(e *testEnv, o model.Org) cell {
	return func(e *testEnv, o model.Org) cell { return cell{path: "/orgs/" + o.ID + suffix, form: form} }
}
