package authz

import "puente/internal/model"

// Who may do what with a case's checklists (issue 12). Every group member
// reads them (ViewCases). Members act on items assigned to them and on
// items nobody holds (tick, set aside, note), and take an item nobody
// holds; a group's coordinators act on any item and assign anyone. Only
// coordinators give a case a checklist or pull a newer version's items
// into it (ManageCases); only a network's admins change its templates
// (EditTemplates).

// ActOnItem reports whether v may tick, set aside or annotate an item
// of a case of group org that assignee holds ("" for nobody).
func ActOnItem(v Viewer, org model.Org, assignee string) bool {
	if Can(v, ManageCases, org) {
		return true
	}
	return Can(v, EditCases, org) && (assignee == "" || assignee == v.UserID)
}

// AssignItem reports whether v may make to ("" for nobody) responsible
// for an item that from holds ("" for nobody): a coordinator anyone; a
// member may take an item nobody holds, or give back their own.
func AssignItem(v Viewer, org model.Org, from, to string) bool {
	if Can(v, ManageCases, org) {
		return true
	}
	if !Can(v, EditCases, org) {
		return false
	}
	return (from == "" && to == v.UserID) || (from == v.UserID && (to == "" || to == v.UserID))
}
