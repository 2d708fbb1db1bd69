package authz_test

import (
	"testing"

	"puente/internal/authz"
	"puente/internal/model"
)

func TestCanInvite(t *testing.T) {
	tests := []struct {
		viewer string
		org    model.Org
		role   model.Role
		want   bool
	}{
		{"group coordinator", g1, model.RoleMember, true},
		{"group coordinator", g1, model.RoleCoordinator, true},
		{"group coordinator", g1, model.RoleAdmin, false}, // not a group role
		{"group coordinator", g2, model.RoleMember, false},
		{"net admin", n1, model.RoleAdmin, true},
		{"net admin", n1, model.RoleCoordinator, true},
		// A new group's first coordinator, and only a coordinator.
		{"net admin", g0, model.RoleCoordinator, true},
		{"net admin", g0, model.RoleMember, false},
		// Once the group has its own coordinator: nothing.
		{"net admin", g1, model.RoleCoordinator, false},
		{"net admin", g1, model.RoleMember, false},
		{"net coordinator", g0, model.RoleCoordinator, false},
		{"other net admin", g0, model.RoleCoordinator, false},
		{"member", g1, model.RoleMember, false},
	}
	for _, tt := range tests {
		if got := authz.CanInvite(viewers[tt.viewer], tt.org, tt.role); got != tt.want {
			t.Errorf("CanInvite(%s, %s, %s) = %v, want %v", tt.viewer, tt.org.Name, tt.role, got, tt.want)
		}
	}
	if got := authz.InviteRoles(viewers["net admin"], g0); len(got) != 1 || got[0] != model.RoleCoordinator {
		t.Errorf("InviteRoles(net admin, new group) = %v, want [coordinator]", got)
	}
	if got := authz.InviteRoles(viewers["group coordinator"], g1); len(got) != 2 {
		t.Errorf("InviteRoles(group coordinator, own group) = %v, want both roles", got)
	}
	if got := authz.InviteRoles(viewers["net admin"], g1); len(got) != 0 {
		t.Errorf("InviteRoles(net admin, group with a coordinator) = %v, want none", got)
	}
}

func TestGrown(t *testing.T) {
	member := membership(g1, model.RoleMember)
	coord := membership(g1, model.RoleCoordinator)
	netAdmin := membership(n1, model.RoleAdmin)
	netCoord := membership(n1, model.RoleCoordinator)
	tests := []struct {
		name      string
		then, now []model.Membership
		want      bool
	}{
		{"same", []model.Membership{member}, []model.Membership{member}, false},
		{"nothing then, nothing now", nil, nil, false},
		{"left the group", []model.Membership{member}, nil, false},
		{"demoted", []model.Membership{coord}, []model.Membership{member}, false},
		{"network admin to coordinator", []model.Membership{netAdmin}, []model.Membership{netCoord}, false},
		{"promoted in the group", []model.Membership{member}, []model.Membership{coord}, true},
		{"network coordinator to admin", []model.Membership{netCoord}, []model.Membership{netAdmin}, true},
		{"joined the network", []model.Membership{member}, []model.Membership{member, netAdmin}, true},
		{"joined from nothing", nil, []model.Membership{member}, true},
		// Snapshots keep only the org and role: the kind comes from today's membership.
		{"snapshot without kinds", model.ParseRoles(model.EncodeRoles([]model.Membership{coord, netCoord})),
			[]model.Membership{coord, netCoord}, false},
		{"snapshot without kinds, promoted", model.ParseRoles(model.EncodeRoles([]model.Membership{coord, netCoord})),
			[]model.Membership{coord, netAdmin}, true},
	}
	for _, tt := range tests {
		if got := authz.Grown(tt.then, tt.now); got != tt.want {
			t.Errorf("%s: Grown = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestLinkLive: each kind of link against the facts of the moment of use,
// including the two reported cases (issue 8, section 1).
func TestLinkLive(t *testing.T) {
	coordG1 := []model.Membership{membership(g1, model.RoleCoordinator)}
	memberG1 := []model.Membership{membership(g1, model.RoleMember)}
	netAdmin := []model.Membership{membership(n1, model.RoleAdmin)}
	tests := []struct {
		name string
		f    model.LinkFacts
		want bool
	}{
		{"reset, nothing changed", model.LinkFacts{Kind: model.LinkReset, Org: g1, IssuerID: "c", Issuer: coordG1,
			TargetID: "m", Target: memberG1, AtIssue: memberG1}, true},
		// Reported: the coordinator who issued it was removed from the group.
		{"reset, issuer removed", model.LinkFacts{Kind: model.LinkReset, Org: g1, IssuerID: "c", Issuer: nil,
			TargetID: "m", Target: memberG1, AtIssue: memberG1}, false},
		{"reset, issuer demoted", model.LinkFacts{Kind: model.LinkReset, Org: g1, IssuerID: "c", Issuer: memberG1,
			TargetID: "m", Target: memberG1, AtIssue: memberG1}, false},
		// Reported: the member became a network admin after the link was issued.
		{"reset, target promoted to network admin", model.LinkFacts{Kind: model.LinkReset, Org: g1, IssuerID: "c", Issuer: coordG1,
			TargetID: "m", Target: append(append([]model.Membership{}, memberG1...), netAdmin...), AtIssue: memberG1}, false},
		// Even when the issuer could manage everything today, growth kills it.
		{"reset, target promoted in the issuer's own group", model.LinkFacts{Kind: model.LinkReset, Org: g1, IssuerID: "c", Issuer: coordG1,
			TargetID: "m", Target: []model.Membership{membership(g1, model.RoleCoordinator)}, AtIssue: memberG1}, false},
		{"reset, target left every organisation", model.LinkFacts{Kind: model.LinkReset, Org: g1, IssuerID: "c", Issuer: coordG1,
			TargetID: "m", Target: nil, AtIssue: memberG1}, false},
		{"reset, issuer gone", model.LinkFacts{Kind: model.LinkReset, Org: g1, Issuer: coordG1,
			TargetID: "m", Target: memberG1, AtIssue: memberG1}, false},
		// A network admin's reset for a group member dies when the group gets its coordinator.
		{"reset by network admin, group now has a coordinator", model.LinkFacts{Kind: model.LinkReset, Org: g1, IssuerID: "a", Issuer: netAdmin,
			TargetID: "m", Target: memberG1, AtIssue: memberG1}, false},

		{"invitation, nothing changed", model.LinkFacts{Kind: model.LinkInvitation, Org: g1, Role: model.RoleMember,
			IssuerID: "c", Issuer: coordG1}, true},
		{"invitation, issuer removed", model.LinkFacts{Kind: model.LinkInvitation, Org: g1, Role: model.RoleMember,
			IssuerID: "c"}, false},
		{"invitation, issuer gone", model.LinkFacts{Kind: model.LinkInvitation, Org: g1, Role: model.RoleMember, Issuer: coordG1}, false},
		{"first coordinator of a new group", model.LinkFacts{Kind: model.LinkInvitation, Org: g0, Role: model.RoleCoordinator,
			IssuerID: "a", Issuer: netAdmin}, true},
		{"first coordinator, group got another meanwhile", model.LinkFacts{Kind: model.LinkInvitation, Org: g1, Role: model.RoleCoordinator,
			IssuerID: "a", Issuer: netAdmin}, false},
		// Network staff cannot let themselves in through the network's invitation.
		{"first coordinator accepted by the network admin", model.LinkFacts{Kind: model.LinkInvitation, Org: g0, Role: model.RoleCoordinator,
			IssuerID: "a", Issuer: netAdmin, TargetID: "a", Target: netAdmin}, false},
		{"first coordinator accepted by a network coordinator", model.LinkFacts{Kind: model.LinkInvitation, Org: g0, Role: model.RoleCoordinator,
			IssuerID: "a", Issuer: netAdmin, TargetID: "nc", Target: []model.Membership{membership(n1, model.RoleCoordinator)}}, false},
		{"first coordinator accepted by a member of another group", model.LinkFacts{Kind: model.LinkInvitation, Org: g0, Role: model.RoleCoordinator,
			IssuerID: "a", Issuer: netAdmin, TargetID: "m", Target: memberG1}, true},
		// The group's own coordinator may invite anyone, network staff included.
		{"group invites a network admin", model.LinkFacts{Kind: model.LinkInvitation, Org: g1, Role: model.RoleMember,
			IssuerID: "c", Issuer: coordG1, TargetID: "a", Target: netAdmin}, true},

		{"feed, nothing changed", model.LinkFacts{Kind: model.LinkFeed, IssuerID: "m", Issuer: memberG1,
			TargetID: "m", Target: memberG1, AtIssue: memberG1}, true},
		{"feed, owner left the group", model.LinkFacts{Kind: model.LinkFeed, IssuerID: "m",
			TargetID: "m", AtIssue: memberG1}, true},
		{"feed, owner joined another group", model.LinkFacts{Kind: model.LinkFeed, IssuerID: "m", Issuer: memberG1,
			TargetID: "m", Target: []model.Membership{membership(g1, model.RoleMember), membership(g2, model.RoleMember)}, AtIssue: memberG1}, false},
		{"feed of someone else", model.LinkFacts{Kind: model.LinkFeed, IssuerID: "m", Issuer: memberG1,
			TargetID: "x", Target: memberG1, AtIssue: memberG1}, false},

		{"unknown kind", model.LinkFacts{Kind: "offer", IssuerID: "c", Issuer: coordG1, TargetID: "m", Target: memberG1, AtIssue: memberG1}, false},
	}
	for _, tt := range tests {
		if got := authz.LinkLive(tt.f); got != tt.want {
			t.Errorf("%s: LinkLive = %v, want %v", tt.name, got, tt.want)
		}
	}
}
