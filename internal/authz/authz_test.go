package authz_test

import (
	"fmt"
	"testing"

	"puente/internal/authz"
	"puente/internal/model"
)

// The organisations of every test: network n1 with groups g1 and g2 (each
// with its own coordinator) and g0 (just created, no coordinator yet),
// network n2 with group g3, and a standalone group gs.
var (
	n1 = model.Org{ID: "net-one-000000000", Kind: model.KindNetwork, Name: "Network One"}
	n2 = model.Org{ID: "net-two-000000000", Kind: model.KindNetwork, Name: "Network Two"}
	g1 = model.Org{ID: "group-one-0000000", Kind: model.KindGroup, Name: "Group One", NetworkID: n1.ID, HasCoordinator: true}
	g2 = model.Org{ID: "group-two-0000000", Kind: model.KindGroup, Name: "Group Two", NetworkID: n1.ID, HasCoordinator: true}
	g0 = model.Org{ID: "group-new-0000000", Kind: model.KindGroup, Name: "Group New", NetworkID: n1.ID}
	g3 = model.Org{ID: "group-three-00000", Kind: model.KindGroup, Name: "Group Three", NetworkID: n2.ID, HasCoordinator: true}
	gs = model.Org{ID: "group-alone-00000", Kind: model.KindGroup, Name: "Standalone", HasCoordinator: true}
)

func membership(o model.Org, r model.Role) model.Membership {
	return model.Membership{OrgID: o.ID, OrgKind: o.Kind, OrgName: o.Name, NetworkID: o.NetworkID, Role: r,
		OrgHasCoordinator: o.HasCoordinator}
}

func viewer(ms ...model.Membership) authz.Viewer {
	return authz.Viewer{UserID: "viewer-0000000000", Memberships: ms}
}

// Viewers, seen from g1 and n1: "own group" is g1, "own network" is n1.
var viewers = map[string]authz.Viewer{
	"member":            viewer(membership(g1, model.RoleMember)),
	"group coordinator": viewer(membership(g1, model.RoleCoordinator)),
	"net coordinator":   viewer(membership(n1, model.RoleCoordinator)),
	"net admin":         viewer(membership(n1, model.RoleAdmin)),
	"other net admin":   viewer(membership(n2, model.RoleAdmin)),
	"no memberships":    viewer(),
}

var targets = map[string]model.Org{
	"own group":             g1,
	"other group, same net": g2,
	"own network":           n1,
	"other network":         n2,
	"group of other net":    g3,
	"standalone group":      gs,
	"new group, same net":   g0,
}

// cell is one expected decision per target, in the order of targetOrder.
type cell struct {
	ownGroup, otherGroup, ownNet, otherNet, otherNetGroup, standalone, newGroup bool
}

var targetOrder = []string{"own group", "other group, same net", "own network", "other network", "group of other net", "standalone group", "new group, same net"}

func (c cell) values() []bool {
	return []bool{c.ownGroup, c.otherGroup, c.ownNet, c.otherNet, c.otherNetGroup, c.standalone, c.newGroup}
}

// TestCanMatrix writes every decision out. The rules, from authz.go:
// members view their own group only; group coordinators view and manage
// their own group; network coordinators view their network and its groups
// and manage nothing; network admins view their network and its groups,
// manage their network, and manage a group only until it has its own
// coordinator; only they create groups, in their own network. The security
// log is read by an organisation's managers and its network's admins.
// Cases belong to their group alone: its members and coordinators view and
// edit them, only its coordinators manage them, and network staff see
// counts for their own network, never a group's cases.
func TestCanMatrix(t *testing.T) {
	const T, F = true, false
	want := map[authz.Action]map[string]cell{
		authz.ViewOrg: {
			"member":            {T, F, F, F, F, F, F},
			"group coordinator": {T, F, F, F, F, F, F},
			"net coordinator":   {T, T, T, F, F, F, T},
			"net admin":         {T, T, T, F, F, F, T},
			"other net admin":   {F, F, F, T, T, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		// A group with its own coordinator manages its own people: the
		// network admin reaches only the new group, which has none yet.
		authz.ManagePeople: {
			"member":            {F, F, F, F, F, F, F},
			"group coordinator": {T, F, F, F, F, F, F},
			"net coordinator":   {F, F, F, F, F, F, F},
			"net admin":         {F, F, T, F, F, F, T},
			"other net admin":   {F, F, F, T, F, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		authz.CreateGroup: {
			"member":            {F, F, F, F, F, F, F},
			"group coordinator": {F, F, F, F, F, F, F},
			"net coordinator":   {F, F, F, F, F, F, F},
			"net admin":         {F, F, T, F, F, F, F},
			"other net admin":   {F, F, F, T, F, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		authz.ViewSecurityLog: {
			"member":            {F, F, F, F, F, F, F},
			"group coordinator": {T, F, F, F, F, F, F},
			"net coordinator":   {F, F, F, F, F, F, F},
			"net admin":         {T, T, T, F, F, F, T},
			"other net admin":   {F, F, F, T, T, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		authz.ViewCases: {
			"member":            {T, F, F, F, F, F, F},
			"group coordinator": {T, F, F, F, F, F, F},
			"net coordinator":   {F, F, F, F, F, F, F},
			"net admin":         {F, F, F, F, F, F, F},
			"other net admin":   {F, F, F, F, F, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		authz.EditCases: {
			"member":            {T, F, F, F, F, F, F},
			"group coordinator": {T, F, F, F, F, F, F},
			"net coordinator":   {F, F, F, F, F, F, F},
			"net admin":         {F, F, F, F, F, F, F},
			"other net admin":   {F, F, F, F, F, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		authz.ManageCases: {
			"member":            {F, F, F, F, F, F, F},
			"group coordinator": {T, F, F, F, F, F, F},
			"net coordinator":   {F, F, F, F, F, F, F},
			"net admin":         {F, F, F, F, F, F, F},
			"other net admin":   {F, F, F, F, F, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		authz.ViewCaseCounts: {
			"member":            {F, F, F, F, F, F, F},
			"group coordinator": {F, F, F, F, F, F, F},
			"net coordinator":   {F, F, T, F, F, F, F},
			"net admin":         {F, F, T, F, F, F, F},
			"other net admin":   {F, F, F, T, F, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		// Settings (the time zone) follow ManagePeople: a group with its
		// own coordinator sets its own.
		authz.EditSettings: {
			"member":            {F, F, F, F, F, F, F},
			"group coordinator": {T, F, F, F, F, F, F},
			"net coordinator":   {F, F, F, F, F, F, F},
			"net admin":         {F, F, T, F, F, F, T},
			"other net admin":   {F, F, F, T, F, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		// The installation's backups: a network's own admins only (a
		// standalone group's coordinator: TestViewBackupsStandalone).
		authz.ViewBackups: {
			"member":            {F, F, F, F, F, F, F},
			"group coordinator": {F, F, F, F, F, F, F},
			"net coordinator":   {F, F, F, F, F, F, F},
			"net admin":         {F, F, T, F, F, F, F},
			"other net admin":   {F, F, F, T, F, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		// Sponsor groups (issue 13): a group's profile is seen by the group
		// and its own network's staff, never by another group; kept by the
		// group's coordinators; vetted by its network's staff. A standalone
		// group has no network, so no profile.
		authz.ViewSponsorProfile: {
			"member":            {T, F, F, F, F, F, F},
			"group coordinator": {T, F, F, F, F, F, F},
			"net coordinator":   {T, T, F, F, F, F, T},
			"net admin":         {T, T, F, F, F, F, T},
			"other net admin":   {F, F, F, F, T, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		authz.EditSponsorProfile: {
			"member":            {F, F, F, F, F, F, F},
			"group coordinator": {T, F, F, F, F, F, F},
			"net coordinator":   {F, F, F, F, F, F, F},
			"net admin":         {F, F, F, F, F, F, F},
			"other net admin":   {F, F, F, F, F, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		authz.RecordVetting: {
			"member":            {F, F, F, F, F, F, F},
			"group coordinator": {F, F, F, F, F, F, F},
			"net coordinator":   {T, T, F, F, F, F, T},
			"net admin":         {T, T, F, F, F, F, T},
			"other net admin":   {F, F, F, F, T, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		authz.ViewSponsors: {
			"member":            {F, F, F, F, F, F, F},
			"group coordinator": {F, F, F, F, F, F, F},
			"net coordinator":   {F, F, T, F, F, F, F},
			"net admin":         {F, F, T, F, F, F, F},
			"other net admin":   {F, F, F, T, F, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		authz.DefineVetting: {
			"member":            {F, F, F, F, F, F, F},
			"group coordinator": {F, F, F, F, F, F, F},
			"net coordinator":   {F, F, F, F, F, F, F},
			"net admin":         {F, F, T, F, F, F, F},
			"other net admin":   {F, F, F, T, F, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		// A network's checklist templates: its own admins only (issue 12).
		authz.EditTemplates: {
			"member":            {F, F, F, F, F, F, F},
			"group coordinator": {F, F, F, F, F, F, F},
			"net coordinator":   {F, F, F, F, F, F, F},
			"net admin":         {F, F, T, F, F, F, F},
			"other net admin":   {F, F, F, T, F, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		// Structured intake (issue 13): a network's API tokens are its
		// admins'; the CSV import and the dashboard its staff's.
		authz.ManageAPITokens: {
			"member":            {F, F, F, F, F, F, F},
			"group coordinator": {F, F, F, F, F, F, F},
			"net coordinator":   {F, F, F, F, F, F, F},
			"net admin":         {F, F, T, F, F, F, F},
			"other net admin":   {F, F, F, T, F, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		authz.ImportIntake: {
			"member":            {F, F, F, F, F, F, F},
			"group coordinator": {F, F, F, F, F, F, F},
			"net coordinator":   {F, F, T, F, F, F, F},
			"net admin":         {F, F, T, F, F, F, F},
			"other net admin":   {F, F, F, T, F, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		authz.ViewNetworkDashboard: {
			"member":            {F, F, F, F, F, F, F},
			"group coordinator": {F, F, F, F, F, F, F},
			"net coordinator":   {F, F, T, F, F, F, F},
			"net admin":         {F, F, T, F, F, F, F},
			"other net admin":   {F, F, F, T, F, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		// The queue, offers and placements: the network's staff (issue 13).
		authz.ManageQueue: {
			"member":            {F, F, F, F, F, F, F},
			"group coordinator": {F, F, F, F, F, F, F},
			"net coordinator":   {F, F, T, F, F, F, F},
			"net admin":         {F, F, T, F, F, F, F},
			"other net admin":   {F, F, F, T, F, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
		// Answering an offer opens a case: the group's own coordinators.
		authz.AnswerOffers: {
			"member":            {F, F, F, F, F, F, F},
			"group coordinator": {T, F, F, F, F, F, F},
			"net coordinator":   {F, F, F, F, F, F, F},
			"net admin":         {F, F, F, F, F, F, F},
			"other net admin":   {F, F, F, F, F, F, F},
			"no memberships":    {F, F, F, F, F, F, F},
		},
	}
	// Every named action has its rows: a new action cannot skip this table.
	for _, a := range knownActions() {
		if _, ok := want[a]; !ok {
			t.Errorf("action %s has no rows in the matrix", a)
		}
	}
	cells := 0
	for action, rows := range want {
		if len(rows) != len(viewers) {
			t.Fatalf("%s: %d viewer rows, want %d", action, len(rows), len(viewers))
		}
		for vname, row := range rows {
			v, ok := viewers[vname]
			if !ok {
				t.Fatalf("unknown viewer %q", vname)
			}
			for i, w := range row.values() {
				tname := targetOrder[i]
				if got := authz.Can(v, action, targets[tname]); got != w {
					t.Errorf("Can(%s, %s, %s) = %v, want %v", vname, action, tname, got, w)
				}
				cells++
			}
		}
	}
	if want := len(want) * len(viewers) * len(targets); cells != want {
		t.Errorf("checked %d cells, want %d", cells, want)
	}
}

// TestViewBackupsStandalone: a group outside any network looks after
// itself, so its coordinators (not its members) see the backup status; a
// coordinator of a group inside a network does not (its network's admins do).
func TestViewBackupsStandalone(t *testing.T) {
	tests := []struct {
		name string
		v    authz.Viewer
		org  model.Org
		want bool
	}{
		{"standalone coordinator", viewer(membership(gs, model.RoleCoordinator)), gs, true},
		{"standalone member", viewer(membership(gs, model.RoleMember)), gs, false},
		{"standalone coordinator, another group", viewer(membership(gs, model.RoleCoordinator)), g1, false},
		{"network group coordinator", viewer(membership(g1, model.RoleCoordinator)), g1, false},
		{"net admin, own group", viewer(membership(n1, model.RoleAdmin)), g1, false},
	}
	for _, tt := range tests {
		if got := authz.Can(tt.v, authz.ViewBackups, tt.org); got != tt.want {
			t.Errorf("%s: Can(ViewBackups) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// knownActions lists the named actions: they are numbered from 1 with no
// gaps, so the first unnamed number ends the list.
func knownActions() []authz.Action {
	var out []authz.Action
	for a := authz.Action(1); a.String() != "unknown"; a++ {
		out = append(out, a)
	}
	return out
}

func TestCanUnknownActionDenied(t *testing.T) {
	admin := viewers["net admin"]
	known := knownActions()
	if len(known) < 4 {
		t.Fatalf("known actions = %v, want at least the 4 of the foundation", known)
	}
	next := known[len(known)-1] + 1
	for _, a := range []authz.Action{0, -1, next, next + 100} {
		for tname, org := range targets {
			if authz.Can(admin, a, org) {
				t.Errorf("Can(net admin, Action(%d), %s) = true, want false", int(a), tname)
			}
		}
		if got := a.String(); got != "unknown" {
			t.Errorf("Action(%d).String() = %q, want %q", int(a), got, "unknown")
		}
	}
}

// TestCanIgnoresForgedTargets: a membership only counts for its own org id,
// and a network role only reaches groups whose NetworkID names that network.
func TestCanIgnoresForgedTargets(t *testing.T) {
	admin := viewers["net admin"]
	tests := []struct {
		name string
		org  model.Org
	}{
		{"network claiming a parent", model.Org{ID: "net-x-00000000000", Kind: model.KindNetwork, NetworkID: n1.ID}},
		{"group with empty id", model.Org{Kind: model.KindGroup}},
		{"unknown kind under n1", model.Org{ID: "odd-kind-00000000", Kind: "team", NetworkID: n1.ID}},
	}
	for _, tt := range tests {
		for _, a := range knownActions() {
			if authz.Can(admin, a, tt.org) {
				t.Errorf("Can(net admin, %s, %s) = true, want false", a, tt.name)
			}
		}
	}
}

func TestActionAndRuleNames(t *testing.T) {
	tests := []struct{ got, want string }{
		{authz.ViewOrg.String(), "view-org"},
		{authz.ManagePeople.String(), "manage-people"},
		{authz.CreateGroup.String(), "create-group"},
		{authz.ViewSecurityLog.String(), "view-security-log"},
		{authz.Public.String(), "public"},
		{authz.SignedIn.String(), "signed-in"},
		{authz.OnOrg(authz.ManagePeople).String(), "org:manage-people"},
		{authz.OnCase(authz.EditCases).String(), "case:edit-cases"},
		{authz.Feed.String(), "feed-token"},
		{authz.Rule{}.String(), "none"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("name = %q, want %q", tt.got, tt.want)
		}
	}
}

func TestCanManageUser(t *testing.T) {
	tests := []struct {
		viewer string
		target []model.Membership
		want   bool
	}{
		// Network admins reset only in their network and in groups without
		// a coordinator of their own: never a group member once the group
		// has one (issue 8: a reset link would hand them the member's access).
		{"net admin", []model.Membership{membership(g1, model.RoleMember)}, false},
		{"net admin", []model.Membership{membership(g1, model.RoleCoordinator)}, false},
		{"net admin", []model.Membership{membership(n1, model.RoleCoordinator)}, true},
		{"net admin", []model.Membership{membership(n1, model.RoleAdmin), membership(g0, model.RoleCoordinator)}, true},
		{"net admin", []model.Membership{membership(n1, model.RoleAdmin), membership(g1, model.RoleMember)}, false},
		{"net admin", []model.Membership{membership(n1, model.RoleCoordinator), membership(gs, model.RoleMember)}, false},
		{"net admin", []model.Membership{membership(n1, model.RoleCoordinator), membership(n2, model.RoleCoordinator)}, false},
		{"group coordinator", []model.Membership{membership(g1, model.RoleMember)}, true},
		// A group coordinator must not take over a network admin sitting in their group.
		{"group coordinator", []model.Membership{membership(g1, model.RoleMember), membership(n1, model.RoleAdmin)}, false},
		{"group coordinator", []model.Membership{membership(g1, model.RoleMember), membership(g2, model.RoleMember)}, false},
		{"net coordinator", []model.Membership{membership(g1, model.RoleMember)}, false},
		{"member", []model.Membership{membership(g1, model.RoleMember)}, false},
		{"other net admin", []model.Membership{membership(g1, model.RoleMember)}, false},
		{"other net admin", []model.Membership{membership(g3, model.RoleCoordinator)}, false},
		{"other net admin", []model.Membership{membership(n2, model.RoleCoordinator)}, true},
		{"net admin", nil, false},
		{"net admin", []model.Membership{}, false},
		{"no memberships", nil, false},
	}
	for i, tt := range tests {
		t.Run(fmt.Sprintf("%d %s", i, tt.viewer), func(t *testing.T) {
			if got := authz.CanManageUser(viewers[tt.viewer], tt.target); got != tt.want {
				t.Errorf("CanManageUser(%s, %+v) = %v, want %v", tt.viewer, tt.target, got, tt.want)
			}
		})
	}
}

func TestRoleIn(t *testing.T) {
	v := viewer(membership(g1, model.RoleCoordinator), membership(n2, model.RoleAdmin))
	tests := []struct {
		org    model.Org
		want   model.Role
		wantOK bool
	}{
		{g1, model.RoleCoordinator, true},
		{n2, model.RoleAdmin, true},
		{g3, "", false}, // a group of n2: network role is not a role in the group
		{n1, "", false},
	}
	for _, tt := range tests {
		if got, ok := v.RoleIn(tt.org.ID); got != tt.want || ok != tt.wantOK {
			t.Errorf("RoleIn(%s) = %q, %v; want %q, %v", tt.org.Name, got, ok, tt.want, tt.wantOK)
		}
	}
}

// TestCanHaveFeed: a calendar feed is for people in a sponsor group; a
// network's staff alone would get an empty one.
func TestCanHaveFeed(t *testing.T) {
	net := model.Membership{OrgID: "n", OrgKind: model.KindNetwork, Role: model.RoleCoordinator}
	grp := model.Membership{OrgID: "g", OrgKind: model.KindGroup, Role: model.RoleMember}
	for _, tt := range []struct {
		name string
		ms   []model.Membership
		want bool
	}{
		{"nobody's", nil, false},
		{"network staff only", []model.Membership{net}, false},
		{"group member", []model.Membership{grp}, true},
		{"network staff in a group too", []model.Membership{net, grp}, true},
	} {
		if got := authz.CanHaveFeed(authz.Viewer{UserID: "u", Memberships: tt.ms}); got != tt.want {
			t.Errorf("%s: CanHaveFeed got %v, want %v", tt.name, got, tt.want)
		}
	}
}
