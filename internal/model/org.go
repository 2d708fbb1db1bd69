package model

import "time"

// OrgKind says whether an organisation is a placement network or a sponsor group.
type OrgKind string

// The two kinds of organisation.
const (
	KindNetwork OrgKind = "network"
	KindGroup   OrgKind = "group"
)

// Valid reports whether k is a known kind.
func (k OrgKind) Valid() bool { return k == KindNetwork || k == KindGroup }

// Role is a person's role in one organisation.
type Role string

// Roles: networks have admins and coordinators; groups have coordinators and members.
const (
	RoleAdmin       Role = "admin"
	RoleCoordinator Role = "coordinator"
	RoleMember      Role = "member"
)

// RolesFor lists the roles an organisation of kind k can give, highest first.
func RolesFor(k OrgKind) []Role {
	if k == KindNetwork {
		return []Role{RoleAdmin, RoleCoordinator}
	}
	return []Role{RoleCoordinator, RoleMember}
}

// ValidRole reports whether r exists in organisations of kind k.
func ValidRole(k OrgKind, r Role) bool {
	for _, x := range RolesFor(k) {
		if x == r {
			return true
		}
	}
	return false
}

// ManagerRole is the role an organisation must always keep at least one of.
func ManagerRole(k OrgKind) Role {
	if k == KindNetwork {
		return RoleAdmin
	}
	return RoleCoordinator
}

// Org is a placement network or a sponsor group.
type Org struct {
	ID        string
	Kind      OrgKind
	Name      string
	NetworkID string // a group's network; empty for networks and standalone groups
	// TimeZone is the IANA zone ("America/Chicago") the organisation's days
	// are counted in: its "today", what is overdue, its windows.
	TimeZone string
	// HasCoordinator: a sponsor group with at least one coordinator (one
	// who accepted). From then on the group manages its own people; its
	// network no longer can (issue 8, "the group's space is the group's").
	HasCoordinator bool
	// RequireTwoFactor: everyone in the organisation must sign in with a
	// second factor, not only its managers (authz.SecondFactorRequired).
	RequireTwoFactor bool
	// RetentionDays is how many of its days a sponsor group keeps a closed
	// case before its personal fields are purged (DefaultRetentionDays
	// unless its managers chose another, MinRetentionDays to
	// MaxRetentionDays).
	RetentionDays int
	CreatedAt     time.Time
}

// Retention periods for closed cases, in days of the group's own calendar.
// After a placement ends its personal fields are purged after a set number
// of days (SECURITY.md, "Retention", default 90): what a group no longer
// holds cannot be demanded of it (DOMAIN.md, "Privacy and safety").
const (
	DefaultRetentionDays = 90
	MinRetentionDays     = 1
	// MaxRetentionDays is ten years: a longer wait is no retention at all.
	MaxRetentionDays = 3650
)

// Membership is one person's role in one organisation, with enough of the
// organisation to decide access without another query.
type Membership struct {
	OrgID       string
	OrgKind     OrgKind
	OrgName     string
	NetworkID   string
	OrgTimeZone string // the organisation's IANA zone
	Role        Role
	// OrgHasCoordinator is Org.HasCoordinator of the organisation.
	OrgHasCoordinator bool
	// OrgRequiresTwoFactor is Org.RequireTwoFactor of the organisation.
	OrgRequiresTwoFactor bool
	// OrgRetentionDays is Org.RetentionDays of the organisation.
	OrgRetentionDays int
}

// Org is the organisation of the membership, as far as access decisions need it.
func (m Membership) Org() Org {
	return Org{ID: m.OrgID, Kind: m.OrgKind, Name: m.OrgName, NetworkID: m.NetworkID, TimeZone: m.OrgTimeZone,
		HasCoordinator: m.OrgHasCoordinator, RequireTwoFactor: m.OrgRequiresTwoFactor, RetentionDays: m.OrgRetentionDays}
}

// RoleRank orders the roles of kind k: the manager role ranks 2, the other
// 1, an unknown role 0. A role "grows" when its rank rises.
func RoleRank(k OrgKind, r Role) int {
	roles := RolesFor(k)
	for i, x := range roles {
		if x == r {
			return len(roles) - i
		}
	}
	return 0
}

// GroupSummary is a sponsor group as its network lists it.
type GroupSummary struct {
	Org
	Members int
}
