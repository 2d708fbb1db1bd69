package store

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"puente/internal/model"
)

func epochOf(t *testing.T, s *Store, userID string) int64 {
	t.Helper()
	u, err := s.UserByID(context.Background(), userID)
	if err != nil {
		t.Fatalf("UserByID: %v", err)
	}
	return u.SessionEpoch
}

// TestLastManagerIsKept runs the same story in a network (managers are
// admins) and a group (managers are coordinators): the only manager cannot
// be demoted or removed; with a second one, both work and end the person's
// sessions.
func TestLastManagerIsKept(t *testing.T) {
	tests := []struct {
		orgKey, managerKey string
		other              model.Role // a non-manager role of the organisation
	}{
		{"n1", "n1admin", model.RoleCoordinator},
		{"g1", "g1coord", model.RoleMember},
	}
	for _, tt := range tests {
		t.Run(tt.orgKey, func(t *testing.T) {
			w := newWorld(t)
			ctx := context.Background()
			org := w.orgs[tt.orgKey]
			first := w.users[tt.managerKey]
			mgr := model.ManagerRole(org.Kind)
			epoch := epochOf(t, w.s, first.ID)

			if err := w.s.ChangeRole(ctx, org, first.ID, tt.other, first.ID, ""); !errors.Is(err, model.ErrLastManager) {
				t.Errorf("demote only manager: error %v, want %v", err, model.ErrLastManager)
			}
			if err := w.s.RemoveMember(ctx, org, first.ID, first.ID, ""); !errors.Is(err, model.ErrLastManager) {
				t.Errorf("remove only manager: error %v, want %v", err, model.ErrLastManager)
			}
			if m, err := w.s.Member(ctx, org.ID, first.ID); err != nil || m.Role != mgr {
				t.Errorf("after refusals: Member = %+v, %v; want role %s", m, err, mgr)
			}
			if got := epochOf(t, w.s, first.ID); got != epoch {
				t.Errorf("refused change moved session_epoch to %d, want %d", got, epoch)
			}

			second, err := w.s.CreateMember(ctx, org, "second@example.org", "Second Manager", testHash, mgr)
			if err != nil {
				t.Fatalf("CreateMember: %v", err)
			}
			if err := w.s.ChangeRole(ctx, org, first.ID, tt.other, second.ID, "192.0.2.3"); err != nil {
				t.Fatalf("demote one of two managers: %v", err)
			}
			if m, _ := w.s.Member(ctx, org.ID, first.ID); m.Role != tt.other {
				t.Errorf("role after ChangeRole = %s, want %s", m.Role, tt.other)
			}
			if got := epochOf(t, w.s, first.ID); got != epoch+1 {
				t.Errorf("session_epoch after ChangeRole = %d, want %d", got, epoch+1)
			}
			evs, _ := w.s.Events(ctx, org.ID, 0, 1)
			if len(evs) != 1 || evs[0].Kind != model.EventRoleChanged || evs[0].SubjectID != first.ID || evs[0].ActorID != second.ID {
				t.Errorf("newest event = %+v, want role_changed of %s by %s", evs, first.ID, second.ID)
			}

			// second is now the only manager again.
			if err := w.s.RemoveMember(ctx, org, second.ID, second.ID, ""); !errors.Is(err, model.ErrLastManager) {
				t.Errorf("remove new last manager: error %v, want %v", err, model.ErrLastManager)
			}
			if err := w.s.RemoveMember(ctx, org, first.ID, second.ID, ""); err != nil {
				t.Fatalf("remove non-manager: %v", err)
			}
			if _, err := w.s.Member(ctx, org.ID, first.ID); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("Member after RemoveMember: error %v, want %v", err, model.ErrNotFound)
			}
			if got := epochOf(t, w.s, first.ID); got != epoch+2 {
				t.Errorf("session_epoch after RemoveMember = %d, want %d", got, epoch+2)
			}
			if err := w.s.RemoveMember(ctx, org, first.ID, second.ID, ""); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("remove again: error %v, want %v", err, model.ErrNotFound)
			}
		})
	}
}

func TestChangeRoleToSameRoleKeepsEpoch(t *testing.T) {
	w := newWorld(t)
	u := w.users["g1member"]
	before := epochOf(t, w.s, u.ID)
	if err := w.s.ChangeRole(context.Background(), w.orgs["g1"], u.ID, model.RoleMember, u.ID, ""); err != nil {
		t.Fatalf("ChangeRole to current role: %v", err)
	}
	if got := epochOf(t, w.s, u.ID); got != before {
		t.Errorf("session_epoch = %d, want %d (nothing changed)", got, before)
	}
}

// TestConcurrentDemotionsKeepOneManager: two managers demote each other at
// once; the check runs inside the write transaction, so one must fail.
func TestConcurrentDemotionsKeepOneManager(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	org := w.orgs["n1"]
	a := w.users["n1admin"]
	b, err := w.s.CreateMember(ctx, org, "b@example.org", "B Admin", testHash, model.RoleAdmin)
	if err != nil {
		t.Fatal(err)
	}
	start := make(chan struct{})
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i, id := range []string{a.ID, b.ID} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			errs[i] = w.s.ChangeRole(ctx, org, id, model.RoleCoordinator, id, "")
		}()
	}
	close(start)
	wg.Wait()
	last := 0
	for _, err := range errs {
		if errors.Is(err, model.ErrLastManager) {
			last++
		} else if err != nil {
			t.Errorf("ChangeRole: %v", err)
		}
	}
	if last != 1 {
		t.Errorf("refusals with ErrLastManager = %d (errors %v), want 1", last, errs)
	}
	ms, _ := w.s.Members(ctx, org.ID, "en")
	admins := 0
	for _, m := range ms {
		if m.Role == model.RoleAdmin {
			admins++
		}
	}
	if admins != 1 {
		t.Errorf("admins left = %d, want 1", admins)
	}
}

func TestOrgForUser(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	tests := []struct {
		user, org string
		want      bool
	}{
		{"n1admin", "n1", true},
		{"n1admin", "g1", true}, // a group of their network
		{"n1admin", "g2", true},
		{"n1admin", "n2", false},
		{"n1admin", "g3", false},
		{"n1admin", "gs", false},
		{"n1coord", "n1", true},
		{"n1coord", "g1", true}, // network staff see the network's groups
		{"n1coord", "g3", false},
		{"g1coord", "g1", true},
		{"g1coord", "n1", false}, // a group does not open its network
		{"g1coord", "g2", false},
		{"g1member", "g1", true},
		{"g1member", "g2", false},
		{"g1member", "n1", false},
		{"n2admin", "g1", false},
		{"n2admin", "g3", true},
		{"gscoord", "gs", true},
		{"gscoord", "g1", false},
	}
	// A case in every group, for CaseInScope: only the group's own people
	// reach it, never network staff.
	cases := map[string]model.Case{}
	for _, g := range []string{"g1", "g2", "g3", "gs"} {
		c, err := w.s.CreateCase(ctx, w.orgs[g].ID, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: "Scope " + g})
		if err != nil {
			t.Fatal(err)
		}
		cases[g] = c
	}
	// What access decisions need besides: a group with a coordinator of its own.
	coordinated := func(o model.Org) bool {
		var n int
		if err := w.s.db.QueryRow(`SELECT count(*) FROM memberships WHERE org_id = ? AND role = 'coordinator'`, o.ID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return o.Kind == model.KindGroup && n > 0
	}
	for _, tt := range tests {
		u, org := w.users[tt.user], w.orgs[tt.org]
		ms, err := w.s.Memberships(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		for name, get := range map[string]func() (model.Org, error){
			"OrgForUser": func() (model.Org, error) { return w.s.OrgForUser(ctx, u.ID, org.ID) },
			"OrgInScope": func() (model.Org, error) { return w.s.OrgInScope(ctx, ms, org.ID) },
		} {
			got, err := get()
			switch {
			case tt.want && (err != nil || got.ID != org.ID || got.Kind != org.Kind || got.NetworkID != org.NetworkID || got.Name != org.Name ||
				got.TimeZone == "" || got.HasCoordinator != coordinated(org)):
				t.Errorf("%s(%s, %s) = %+v, %v; want %+v", name, tt.user, tt.org, got, err, org)
			case !tt.want && !errors.Is(err, model.ErrNotFound):
				t.Errorf("%s(%s, %s) error = %v, want %v", name, tt.user, tt.org, err, model.ErrNotFound)
			}
		}
		if c, ok := cases[tt.org]; ok {
			ownRole := strings.HasPrefix(tt.user, tt.org)
			got, err := w.s.CaseInScope(ctx, ms, c.ID)
			switch {
			case ownRole && (err != nil || got.ID != c.ID):
				t.Errorf("CaseInScope(%s, case of %s) = %+v, %v; want the case", tt.user, tt.org, got, err)
			case !ownRole && !errors.Is(err, model.ErrNotFound):
				t.Errorf("CaseInScope(%s, case of %s) error = %v, want %v", tt.user, tt.org, err, model.ErrNotFound)
			}
		}
	}
	if _, err := w.s.OrgForUser(ctx, w.users["n1admin"].ID, "ffffffffffffffffffffffffffffffff"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("OrgForUser(missing org) error = %v, want %v", err, model.ErrNotFound)
	}
	ms, _ := w.s.Memberships(ctx, w.users["n1admin"].ID)
	if _, err := w.s.OrgInScope(ctx, ms, "ffffffffffffffffffffffffffffffff"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("OrgInScope(missing org) error = %v, want %v", err, model.ErrNotFound)
	}
	if _, err := w.s.OrgInScope(ctx, nil, w.orgs["g1"].ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("OrgInScope(no memberships) error = %v, want %v", err, model.ErrNotFound)
	}
}

func TestGroupsAndCreateGroup(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	n1 := w.orgs["n1"]
	g, err := w.s.CreateGroup(ctx, n1.ID, "Another Group", w.users["n1admin"].ID, "")
	if err != nil {
		t.Fatalf("CreateGroup: %v", err)
	}
	if g.Kind != model.KindGroup || g.NetworkID != n1.ID {
		t.Errorf("CreateGroup = %+v, want a group in %s", g, n1.ID)
	}
	gs, err := w.s.Groups(ctx, n1.ID, "en")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	members := map[string]int{}
	for _, x := range gs {
		names = append(names, x.Name)
		members[x.Name] = x.Members
	}
	wantNames := []string{"Another Group", "Group One", "Group Two"}
	if len(names) != len(wantNames) || names[0] != wantNames[0] || names[1] != wantNames[1] || names[2] != wantNames[2] {
		t.Errorf("Groups names = %v, want %v", names, wantNames)
	}
	if members["Group One"] != 2 || members["Another Group"] != 0 {
		t.Errorf("Groups member counts = %v, want Group One 2, Another Group 0", members)
	}
	// A group cannot sit inside a group.
	if _, err := w.s.CreateGroup(ctx, w.orgs["g1"].ID, "Nested", "", ""); err == nil {
		t.Error("CreateGroup inside a group = nil error, want refusal")
	}
}
