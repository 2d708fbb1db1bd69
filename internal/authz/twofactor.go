package authz

import "puente/internal/model"

// RoleNeedsSecondFactor reports whether role in an organisation of kind
// needs a second factor whatever the organisation's setting (SECURITY.md,
// "Two-factor"): a network's admins and a group's coordinators, the people
// who manage others and read or open cases. A network's coordinators and a
// group's members need it only where their organisation requires it.
func RoleNeedsSecondFactor(kind model.OrgKind, role model.Role) bool {
	return (kind == model.KindNetwork && role == model.RoleAdmin) ||
		(kind == model.KindGroup && role == model.RoleCoordinator)
}

// SecondFactorRequired reports whether a person with memberships ms must
// sign in with a second factor before they reach any data: one role that
// needs it (RoleNeedsSecondFactor), or one organisation that requires it of
// everyone, is enough, since the factor belongs to the account.
func SecondFactorRequired(ms []model.Membership) bool {
	for _, m := range ms {
		if m.OrgRequiresTwoFactor || RoleNeedsSecondFactor(m.OrgKind, m.Role) {
			return true
		}
	}
	return false
}

// CanResetSecondFactor reports whether v may take away the second factor
// of a person with memberships target, who is not v: only someone who
// manages every organisation the person belongs to (CanManageUser), so a
// network's staff cannot do it in a group that has its own coordinator, and
// a group coordinator cannot do it to a network admin who sits in their
// group. Nobody resets their own: turning it off needs the password and a
// code (the account page).
func CanResetSecondFactor(v Viewer, targetID string, target []model.Membership) bool {
	return targetID != v.UserID && CanManageUser(v, target)
}
