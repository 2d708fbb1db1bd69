// Package authz decides who may do what to which organisation. It is pure:
// callers load the viewer's memberships and the target, and every handler
// reaches an organisation's data only after a decision made here.
package authz

import "puente/internal/model"

// Action is something a viewer wants to do with an organisation.
type Action int

// Actions on an organisation.
const (
	// ViewOrg: see the organisation's page and its people.
	ViewOrg Action = iota + 1
	// ManagePeople: invite, change roles, remove, issue password resets.
	ManagePeople
	// CreateGroup: create a sponsor group inside a network.
	CreateGroup
	// ViewSecurityLog: read the organisation's security log.
	ViewSecurityLog
	// ViewCases: read a sponsor group's cases (names, household, dates).
	ViewCases
	// EditCases: record what happens in a case: dated facts, hearings and
	// appointments, marks on deadlines and appointments; add a household
	// member and correct their details (never the sensitive fields).
	EditCases
	// ManageCases: change a case's details (status, court, judge, lawyer,
	// address), remove a household member, open and close cases, set and
	// reveal sensitive fields. The group's coordinators only.
	ManageCases
	// ViewCaseCounts: see a network's groups' cases as statuses and counts only.
	ViewCaseCounts
	// EditSettings: change the organisation's settings (its time zone).
	EditSettings
	// ViewBackups: see whether the server's backups succeed. Only the top of
	// a tree of organisations, the people who look after the installation:
	// a network's admins, and the coordinators of a group outside any
	// network.
	ViewBackups
	// ViewSponsorProfile: see a sponsor group's profile and vetting: the
	// group's own people, and the staff of the network it belongs to.
	// Never another group (issue 13).
	ViewSponsorProfile
	// EditSponsorProfile: change a group's profile. Its own coordinators
	// only: network staff read it, the group keeps it.
	EditSponsorProfile
	// RecordVetting: record a vetting item done for a group, and declare
	// its stage. The staff of the group's network.
	RecordVetting
	// ViewSponsors: a network's list of its groups with their stages and
	// what vetting expires soon. The network's staff.
	ViewSponsors
	// DefineVetting: a network's regions and required vetting items. Its
	// admins.
	DefineVetting
	// EditTemplates: change a network's checklist templates (issue 12):
	// its admins only. A group's cases keep the items they were given.
	EditTemplates
	// ManageAPITokens: create, list and revoke a network's API tokens for
	// structured intake (issue 13). Its admins.
	ManageAPITokens
	// ImportIntake: add people to a network's queue from a CSV file. Its
	// staff (admins and coordinators).
	ImportIntake
	// ViewNetworkDashboard: a network's dashboard and its de-identified
	// reports. Its staff.
	ViewNetworkDashboard
	// ManageQueue: a network's queue of people who need a sponsor, their
	// restricted fields, offers to its groups and the placements that
	// followed (issue 13). The network's staff, admins and coordinators.
	ManageQueue
	// AnswerOffers: see the offers a network made to a group and accept or
	// decline them. The group's coordinators only: accepting opens a case.
	AnswerOffers
)

var actionNames = map[Action]string{
	ViewOrg:         "view-org",
	ManagePeople:    "manage-people",
	CreateGroup:     "create-group",
	ViewSecurityLog: "view-security-log",
	ViewCases:       "view-cases",
	EditCases:       "edit-cases",
	ManageCases:     "manage-cases",
	ViewCaseCounts:  "view-case-counts",
	EditSettings:    "edit-settings",
	ViewBackups:     "view-backups",

	ViewSponsorProfile: "view-sponsor-profile",
	EditSponsorProfile: "edit-sponsor-profile",
	RecordVetting:      "record-vetting",
	ViewSponsors:       "view-sponsors",
	DefineVetting:      "define-vetting",
	EditTemplates:      "edit-templates",

	ManageAPITokens:      "manage-api-tokens",
	ImportIntake:         "import-intake",
	ViewNetworkDashboard: "view-network-dashboard",
	ManageQueue:          "manage-queue",
	AnswerOffers:         "answer-offers",
}

// String names the action for tests and logs.
func (a Action) String() string {
	if n, ok := actionNames[a]; ok {
		return n
	}
	return "unknown"
}

// Viewer is the signed-in person and every membership they hold.
type Viewer struct {
	UserID      string
	Memberships []model.Membership
}

// RoleIn returns the viewer's own role in org, if any.
func (v Viewer) RoleIn(orgID string) (model.Role, bool) {
	for _, m := range v.Memberships {
		if m.OrgID == orgID {
			return m.Role, true
		}
	}
	return "", false
}

// networkRole is the viewer's role in the network that owns org, if org is
// a group inside a network.
func (v Viewer) networkRole(org model.Org) (model.Role, bool) {
	if org.Kind != model.KindGroup || org.NetworkID == "" {
		return "", false
	}
	return v.RoleIn(org.NetworkID)
}

// Can reports whether v may do a to org. Unknown actions are denied.
//
// Network staff (admins and coordinators) see their groups. A group's
// people are managed by the group's own coordinators; a network's admins
// manage them only until the group has a coordinator of its own (they set
// a new group up and invite its first coordinator), so that network staff
// cannot give themselves a way into a group's cases (issue 8). Network
// coordinators are operational staff: they see people but do not change
// them, so a coordinator cannot make themselves admin.
func Can(v Viewer, a Action, org model.Org) bool {
	own, isMember := v.RoleIn(org.ID)
	net, isNetStaff := v.networkRole(org)
	manager := isMember && own == model.ManagerRole(org.Kind)
	netAdmin := isNetStaff && net == model.RoleAdmin
	switch a {
	case ViewOrg:
		return isMember || isNetStaff
	case ManagePeople, EditSettings:
		// Whoever manages an organisation's people manages its settings.
		return manager || (netAdmin && !org.HasCoordinator)
	case ViewSecurityLog:
		return manager || netAdmin
	case CreateGroup:
		return org.Kind == model.KindNetwork && manager
	case ViewCases, EditCases:
		// Only the group's own people read its cases: network staff see
		// counts, never names, notes or sensitive fields.
		return org.Kind == model.KindGroup && isMember
	case ManageCases:
		return org.Kind == model.KindGroup && isMember && own == model.RoleCoordinator
	case ViewCaseCounts:
		return org.Kind == model.KindNetwork && isMember
	case ViewSponsorProfile:
		return org.Kind == model.KindGroup && org.NetworkID != "" && (isMember || isNetStaff)
	case EditSponsorProfile:
		return org.Kind == model.KindGroup && org.NetworkID != "" && isMember && own == model.RoleCoordinator
	case RecordVetting:
		return org.Kind == model.KindGroup && isNetStaff
	case ViewSponsors:
		return org.Kind == model.KindNetwork && isMember
	case DefineVetting:
		return org.Kind == model.KindNetwork && isMember && own == model.RoleAdmin
	case EditTemplates, ManageAPITokens:
		return org.Kind == model.KindNetwork && isMember && own == model.RoleAdmin
	case ImportIntake, ViewNetworkDashboard:
		return org.Kind == model.KindNetwork && isMember
	case ManageQueue:
		return org.Kind == model.KindNetwork && isMember
	case AnswerOffers:
		return org.Kind == model.KindGroup && org.NetworkID != "" && isMember && own == model.RoleCoordinator
	case ViewBackups:
		if org.Kind == model.KindNetwork {
			return isMember && own == model.RoleAdmin
		}
		return org.Kind == model.KindGroup && org.NetworkID == "" && isMember && own == model.RoleCoordinator
	}
	return false
}

// CanInvite reports whether v may invite someone into org with role. The
// organisation's own managers invite with any of its roles; a network
// admin setting up a group that has no coordinator yet may only invite
// coordinators (the group's first), never plain members.
func CanInvite(v Viewer, org model.Org, role model.Role) bool {
	if !model.ValidRole(org.Kind, role) || !Can(v, ManagePeople, org) {
		return false
	}
	own, _ := v.RoleIn(org.ID)
	return own == model.ManagerRole(org.Kind) || role == model.ManagerRole(org.Kind)
}

// InviteRoles lists the roles v may invite into org with, highest first.
func InviteRoles(v Viewer, org model.Org) []model.Role {
	var out []model.Role
	for _, r := range model.RolesFor(org.Kind) {
		if CanInvite(v, org, r) {
			out = append(out, r)
		}
	}
	return out
}

// CanManageUser reports whether v may act on a person's account as a whole
// (issue a password-reset link): only if v manages people in every
// organisation the person belongs to. Otherwise a group coordinator could
// take over a network admin who also sits in their group.
func CanManageUser(v Viewer, target []model.Membership) bool {
	if len(target) == 0 {
		return false
	}
	for _, m := range target {
		if !Can(v, ManagePeople, m.Org()) {
			return false
		}
	}
	return true
}

// CanHaveFeed reports whether v may make a calendar feed: only someone in
// a sponsor group. A feed carries the hearings, check-ins and deadlines of
// the cases of the groups its owner belongs to; network staff never see a
// group's cases, so a feed of theirs alone would always be empty, and a
// feature that cannot work is not offered.
func CanHaveFeed(v Viewer) bool {
	for _, m := range v.Memberships {
		if m.OrgKind == model.KindGroup {
			return true
		}
	}
	return false
}
