package authz

import (
	"slices"

	"puente/internal/model"
)

// Who may do what with a group's commitments and sign-ups (issue 11).
// Every group member reads them (ViewCases) and signs themselves up;
// only the group's coordinators change what others promised or where
// others go. Network staff never pass ViewCases, so they reach none of
// this: they see counts.

// ActFor reports whether v may act for the group member userID in group
// org: sign them up for an appointment or withdraw them, make them
// responsible for a commitment or take them off it, name them as the one
// who gave. Anyone in the group may act for themselves; a coordinator
// for anyone.
func ActFor(v Viewer, org model.Org, userID string) bool {
	if !Can(v, EditCases, org) {
		return false
	}
	return userID == v.UserID || Can(v, ManageCases, org)
}

// ChangeCommitment reports whether v may edit or cancel a commitment whose
// responsible members are holders: a coordinator any; a member only one
// that is theirs alone (changing a commitment someone else also holds
// changes theirs).
func ChangeCommitment(v Viewer, org model.Org, holders []string) bool {
	if Can(v, ManageCases, org) {
		return true
	}
	return Can(v, EditCases, org) && len(holders) == 1 && holders[0] == v.UserID
}

// RecordGiven reports whether v may record what was given against a
// commitment held by holders: a coordinator, or one of its holders.
func RecordGiven(v Viewer, org model.Org, holders []string) bool {
	if Can(v, ManageCases, org) {
		return true
	}
	return Can(v, EditCases, org) && slices.Contains(holders, v.UserID)
}

// RemoveGiven reports whether v may delete a record of what was given,
// entered by recordedBy: a coordinator, or whoever entered it.
func RemoveGiven(v Viewer, org model.Org, recordedBy string) bool {
	if Can(v, ManageCases, org) {
		return true
	}
	return Can(v, EditCases, org) && recordedBy != "" && recordedBy == v.UserID
}
