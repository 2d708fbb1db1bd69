package authz_test

import (
	"testing"

	"puente/internal/authz"
	"puente/internal/model"
)

func TestCommitmentRules(t *testing.T) {
	self := "viewer-0000000000"
	other := "someone-else-0000"
	type row struct {
		actForSelf, actForOther, changeOwn, changeShared, changeOthers, recordHeld, recordNotHeld, removeOwn, removeOthers bool
	}
	want := map[string]row{
		"member":            {true, false, true, false, false, true, false, true, false},
		"group coordinator": {true, true, true, true, true, true, true, true, true},
		"net coordinator":   {},
		"net admin":         {},
		"other net admin":   {},
		"no memberships":    {},
	}
	for name, v := range viewers {
		w := want[name]
		got := row{
			actForSelf:    authz.ActFor(v, g1, self),
			actForOther:   authz.ActFor(v, g1, other),
			changeOwn:     authz.ChangeCommitment(v, g1, []string{self}),
			changeShared:  authz.ChangeCommitment(v, g1, []string{self, other}),
			changeOthers:  authz.ChangeCommitment(v, g1, []string{other}),
			recordHeld:    authz.RecordGiven(v, g1, []string{other, self}),
			recordNotHeld: authz.RecordGiven(v, g1, []string{other}),
			removeOwn:     authz.RemoveGiven(v, g1, self),
			removeOthers:  authz.RemoveGiven(v, g1, other),
		}
		if got != w {
			t.Errorf("%s in their own group: got %+v, want %+v", name, got, w)
		}
		// Outside the viewer's own group, nothing at all.
		for _, o := range []string{"other group, same net", "own network", "group of other net", "standalone group"} {
			org := targets[o]
			if authz.ActFor(v, org, self) || authz.ChangeCommitment(v, org, []string{self}) ||
				authz.RecordGiven(v, org, []string{self}) || authz.RemoveGiven(v, org, self) {
				t.Errorf("%s on %s: got an allowed action, want none", name, o)
			}
		}
	}
	if authz.RemoveGiven(viewers["member"], g1, "") {
		t.Errorf("member removing a record nobody is named as having entered: got allowed, want refused")
	}
}

// TestChecklistItems (issue 12): a member acts on items nobody holds and
// on their own, takes an unheld item and gives back their own; a
// coordinator acts on and assigns any; nobody outside the group does.
func TestChecklistItems(t *testing.T) {
	me, other := "viewer-0000000000", "someone-else-0000"
	member := viewer(membership(g1, model.RoleMember))
	coord := viewer(membership(g1, model.RoleCoordinator))
	netAdmin := viewer(membership(n1, model.RoleAdmin))
	for _, tt := range []struct {
		name     string
		v        authz.Viewer
		assignee string
		want     bool
	}{
		{"member, nobody's", member, "", true},
		{"member, own", member, me, true},
		{"member, another's", member, other, false},
		{"coordinator, another's", coord, other, true},
		{"network admin, nobody's", netAdmin, "", false},
	} {
		if got := authz.ActOnItem(tt.v, g1, tt.assignee); got != tt.want {
			t.Errorf("ActOnItem %s: got %v, want %v", tt.name, got, tt.want)
		}
	}
	for _, tt := range []struct {
		name     string
		v        authz.Viewer
		from, to string
		want     bool
	}{
		{"member takes an unheld item", member, "", me, true},
		{"member gives back their own", member, me, "", true},
		{"member gives an unheld item to another", member, "", other, false},
		{"member takes another's", member, other, me, false},
		{"member passes their own on", member, me, other, false},
		{"coordinator assigns anyone", coord, other, me, true},
		{"network admin", netAdmin, "", me, false},
	} {
		if got := authz.AssignItem(tt.v, g1, tt.from, tt.to); got != tt.want {
			t.Errorf("AssignItem %s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}
