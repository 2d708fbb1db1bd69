package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"puente/internal/model"
)

// testHash is a well-formed argon2id encoding; the store never checks it
// beyond the schema's prefix rule.
const testHash = "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U"

// openTest opens a fresh, migrated database in t.TempDir and closes it at
// the end of the test. The database is a copy of one migrated once per
// test binary (migrating every test's database took most of this
// package's time under -race); Open on the copy runs every check a
// server's start runs. Tests of migrations themselves build their own.
func openTest(t testing.TB) (*Store, string) {
	t.Helper()
	tpl, err := migratedTemplate()
	if err != nil {
		t.Fatalf("migrated template: %v", err)
	}
	path := filepath.Join(t.TempDir(), "puente.db")
	if err := os.WriteFile(path, tpl, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s, path
}

// migratedTemplate is the bytes of a database freshly created and
// migrated by Open, then closed (so it is all in the one file).
var migratedTemplate = sync.OnceValues(func() ([]byte, error) {
	dir, err := os.MkdirTemp("", "puente-store-test-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "template.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		return nil, err
	}
	if err := s.Close(); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
})

// countRows is CountRows that fails the test on error.
func countRows(t testing.TB, s *Store, table string) int {
	t.Helper()
	n, err := s.CountRows(context.Background(), table)
	if err != nil {
		t.Fatalf("CountRows(%s): %v", table, err)
	}
	return n
}

// clock is a settable time source for Store.SetClock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// useClock fixes s's clock at start and returns it for the test to move.
func useClock(s *Store, start time.Time) *clock {
	c := &clock{t: start}
	s.SetClock(c.now)
	return c
}

// world is a seeded data set: network n1 with groups g1 and g2, network n2
// with group g3, and a standalone group gs, plus one person per role.
type world struct {
	s     *Store
	orgs  map[string]model.Org
	users map[string]model.User
}

func newWorld(t testing.TB) *world {
	t.Helper()
	s, _ := openTest(t)
	return seedWorld(t, s)
}

func seedWorld(t testing.TB, s *Store) *world {
	t.Helper()
	ctx := context.Background()
	seed := Seed{
		Orgs: []SeedOrg{
			{Key: "n1", Kind: model.KindNetwork, Name: "Network One"},
			{Key: "g1", Kind: model.KindGroup, Name: "Group One", NetworkKey: "n1"},
			{Key: "g2", Kind: model.KindGroup, Name: "Group Two", NetworkKey: "n1"},
			{Key: "n2", Kind: model.KindNetwork, Name: "Network Two"},
			{Key: "g3", Kind: model.KindGroup, Name: "Group Three", NetworkKey: "n2"},
			{Key: "gs", Kind: model.KindGroup, Name: "Standalone Group"},
		},
		Users: []SeedUser{
			{Email: "n1admin@example.org", Name: "Ana Admin", PasswordHash: testHash, Roles: map[string]model.Role{"n1": model.RoleAdmin}},
			{Email: "n1coord@example.org", Name: "Carlos Coord", PasswordHash: testHash, Roles: map[string]model.Role{"n1": model.RoleCoordinator}},
			{Email: "g1coord@example.org", Name: "Gina Coord", PasswordHash: testHash, Roles: map[string]model.Role{"g1": model.RoleCoordinator}},
			{Email: "g1member@example.org", Name: "Mario Member", PasswordHash: testHash, Roles: map[string]model.Role{"g1": model.RoleMember}},
			{Email: "g2coord@example.org", Name: "Beto Coord", PasswordHash: testHash, Roles: map[string]model.Role{"g2": model.RoleCoordinator}},
			{Email: "n2admin@example.org", Name: "Otto Other", PasswordHash: testHash, Roles: map[string]model.Role{"n2": model.RoleAdmin}},
			{Email: "gscoord@example.org", Name: "Sol Solo", PasswordHash: testHash, Roles: map[string]model.Role{"gs": model.RoleCoordinator}},
		},
	}
	ids, err := s.ApplySeed(ctx, seed, true)
	if err != nil {
		t.Fatalf("ApplySeed: %v", err)
	}
	w := &world{s: s, orgs: map[string]model.Org{}, users: map[string]model.User{}}
	for _, so := range seed.Orgs {
		w.orgs[so.Key] = model.Org{ID: ids[so.Key], Kind: so.Kind, Name: so.Name, NetworkID: ids[so.NetworkKey]}
	}
	for _, su := range seed.Users {
		u, err := s.UserByEmail(ctx, su.Email)
		if err != nil {
			t.Fatalf("UserByEmail(%s): %v", su.Email, err)
		}
		key, _, _ := strings.Cut(su.Email, "@")
		w.users[key] = u
	}
	return w
}
