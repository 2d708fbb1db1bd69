package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"puente/internal/model"
)

func TestSetupCreatesAccountThenCloses(t *testing.T) {
	tests := []struct {
		kind     model.OrgKind
		wantRole model.Role
	}{
		{model.KindNetwork, model.RoleAdmin},
		{model.KindGroup, model.RoleCoordinator},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			s, _ := openTest(t)
			ctx := context.Background()
			in := SetupInput{OrgName: "Primera", OrgKind: tt.kind, TimeZone: "America/Phoenix", Name: "Ana Pérez", Email: "ana@example.org", PasswordHash: testHash, IP: "192.0.2.7"}
			u, org, err := s.Setup(ctx, in)
			if err != nil {
				t.Fatalf("Setup: %v", err)
			}
			if org.Kind != tt.kind || org.Name != in.OrgName || org.NetworkID != "" {
				t.Errorf("org = %+v, want kind %s name %q and no network", org, tt.kind, in.OrgName)
			}
			got, err := s.UserByEmail(ctx, "ANA@example.org")
			if err != nil {
				t.Fatalf("UserByEmail (case-insensitive): %v", err)
			}
			if got.ID != u.ID || got.Name != in.Name || got.PasswordHash != testHash {
				t.Errorf("stored user = %+v, want id %s name %q and the given hash", got, u.ID, in.Name)
			}
			ms, err := s.Memberships(ctx, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			// A group set up by its coordinator has a coordinator of its own.
			want := model.Membership{OrgID: org.ID, OrgKind: tt.kind, OrgName: in.OrgName, OrgTimeZone: "America/Phoenix", Role: tt.wantRole,
				OrgHasCoordinator: tt.kind == model.KindGroup, OrgRetentionDays: model.DefaultRetentionDays}
			if len(ms) != 1 || ms[0] != want {
				t.Errorf("Memberships = %+v, want [%+v]", ms, want)
			}
			evs, err := s.Events(ctx, org.ID, 0, 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != 1 || evs[0].Kind != model.EventSetup || evs[0].ActorID != u.ID || evs[0].IP != in.IP {
				t.Errorf("Events = %+v, want one setup event by %s from %s", evs, u.ID, in.IP)
			}
			if has, err := s.HasUsers(ctx); err != nil || !has {
				t.Errorf("HasUsers = %v, %v; want true, nil", has, err)
			}

			in.Email = "second@example.org"
			if _, _, err := s.Setup(ctx, in); !errors.Is(err, model.ErrSetupDone) {
				t.Errorf("second Setup error = %v, want %v", err, model.ErrSetupDone)
			}
			for table, want := range map[string]int{"users": 1, "organisations": 1, "memberships": 1, "security_events": 1} {
				if n := countRows(t, s, table); n != want {
					t.Errorf("after refused Setup: CountRows(%s) = %d, want %d", table, n, want)
				}
			}
		})
	}
}

func TestSetupConcurrentCreatesOneAccount(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	const n = 8
	start := make(chan struct{})
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, _, errs[i] = s.Setup(ctx, SetupInput{OrgName: fmt.Sprintf("Org %d", i), OrgKind: model.KindGroup,
				Name: fmt.Sprintf("Person %d", i), Email: fmt.Sprintf("p%d@example.org", i), PasswordHash: testHash})
		}()
	}
	close(start)
	wg.Wait()
	ok := 0
	for i, err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, model.ErrSetupDone):
			t.Errorf("Setup %d: error %v, want nil or %v", i, err, model.ErrSetupDone)
		}
	}
	if ok != 1 {
		t.Errorf("successful Setup calls = %d, want 1", ok)
	}
	for _, table := range []string{"users", "organisations", "memberships"} {
		if got := countRows(t, s, table); got != 1 {
			t.Errorf("CountRows(%s) = %d, want 1", table, got)
		}
	}
}

func TestApplySeedRequireEmptyAndConflicts(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	before := countRows(t, w.s, "organisations")
	_, err := w.s.ApplySeed(ctx, Seed{Orgs: []SeedOrg{{Key: "x", Kind: model.KindGroup, Name: "X"}}}, true)
	if !errors.Is(err, model.ErrSetupDone) {
		t.Errorf("ApplySeed(requireEmpty) on a used database: error %v, want %v", err, model.ErrSetupDone)
	}
	// An email that differs only in case is the same account.
	_, err = w.s.ApplySeed(ctx, Seed{
		Orgs:  []SeedOrg{{Key: "x", Kind: model.KindGroup, Name: "X"}},
		Users: []SeedUser{{Email: "N1ADMIN@example.org", Name: "Dup", PasswordHash: testHash}},
	}, false)
	if !errors.Is(err, model.ErrConflict) {
		t.Errorf("ApplySeed with a taken email: error %v, want %v", err, model.ErrConflict)
	}
	if got := countRows(t, w.s, "organisations"); got != before {
		t.Errorf("failed ApplySeed left organisations = %d, want %d (one transaction)", got, before)
	}
}

func TestChangePasswordBumpsEpoch(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	u := w.users["g1member"]
	const newHash = "$argon2id$v=19$m=1024,t=1,p=1$bmV3c2FsdG5ld3NhbHQ$bmV3a2V5bmV3a2V5bmV3a2V5bmV3a2V5bmV3a2V5bmU"
	got, err := w.s.ChangePassword(ctx, u.ID, newHash, "192.0.2.9")
	if err != nil {
		t.Fatalf("ChangePassword: %v", err)
	}
	if got.PasswordHash != newHash || got.SessionEpoch != u.SessionEpoch+1 {
		t.Errorf("after ChangePassword: hash %q epoch %d, want %q epoch %d", got.PasswordHash, got.SessionEpoch, newHash, u.SessionEpoch+1)
	}
	if _, err := w.s.ChangePassword(ctx, "no-such-user-000000", newHash, ""); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("ChangePassword of unknown user: error %v, want %v", err, model.ErrNotFound)
	}
}

func TestUserLookupsAnswerNotFound(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	if _, err := s.UserByEmail(ctx, "nobody@example.org"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("UserByEmail(unknown) error = %v, want %v", err, model.ErrNotFound)
	}
	if _, err := s.UserByID(ctx, "0123456789abcdef0123"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("UserByID(unknown) error = %v, want %v", err, model.ErrNotFound)
	}
	if err := s.SetUserLang(ctx, "0123456789abcdef0123", "es"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("SetUserLang(unknown) error = %v, want %v", err, model.ErrNotFound)
	}
}
