package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"puente/internal/auth"
	"puente/internal/gen"
	"puente/internal/model"
	"puente/internal/secret"
	"puente/internal/store"
)

// TestRunSmall generates a small data set into a temp database and checks
// every table's count, the account scheme and the shared password.
func TestRunSmall(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "gen.db")
	var out bytes.Buffer
	args := []string{"-db", db, "-networks", "2", "-groups", "3", "-people", "5", "-invitations", "10", "-events", "100", "-cases", "4", "-seed", "7"}
	if err := run(ctx, args, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	for _, want := range []string{"elapsed", "MiB", defaultPassword} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}

	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	accounts := 2*2 + 2*3*5
	for table, want := range map[string]int{
		"organisations":   2 + 2*3,
		"users":           accounts,
		"memberships":     accounts,
		"invitations":     10,
		"security_events": 100 + 10, // each invitation logs its issue
		"cases":           2 * 3 * 4,
	} {
		if got, err := st.CountRows(ctx, table); err != nil || got != want {
			t.Errorf("%s: got %d (%v), want %d", table, got, err, want)
		}
	}
	if err := st.Integrity(ctx); err != nil {
		t.Errorf("integrity: %v", err)
	}
	// The deadline rules are recorded: the server's first start has nothing
	// to recompute.
	if started, err := st.SyncRules(ctx); err != nil || started {
		t.Errorf("SyncRules on the generated database: %v, %v; want nothing to recompute", started, err)
	}
	if v, _ := st.RulesVersion(ctx); v == "" || !strings.Contains(out.String(), "deadline rules "+v+" recorded") {
		t.Errorf("rules version %q not recorded or not reported:\n%s", v, out.String())
	}
	if !strings.Contains(out.String(), "cases/s)") {
		t.Errorf("output lacks the cases' rate:\n%s", out.String())
	}
	// Every case its own opening and change times, the change after the
	// opening and never in the future.
	raw, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var n, distinct, bad int
	if err := raw.QueryRow(`SELECT count(*), count(DISTINCT updated_at),
		sum(updated_at < created_at OR updated_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
		FROM cases`).Scan(&n, &distinct, &bad); err != nil {
		t.Fatal(err)
	}
	if distinct != n || bad != 0 {
		t.Errorf("cases' change times: %d distinct of %d, %d before their opening or in the future; want all distinct and none", distinct, n, bad)
	}
	// Cases come with their computed deadlines, readable with the key file
	// written beside the database.
	if n, _ := st.CountRows(ctx, "deadlines"); n < 2*3*4 {
		t.Errorf("deadlines: got %d, want several per case", n)
	}
	key, _, err := secret.LoadKeyFile(db+".key", false)
	if err != nil {
		t.Fatalf("key file: %v", err)
	}
	if err := st.UseKey(ctx, key); err != nil {
		t.Errorf("the generated database does not open with its key file: %v", err)
	}

	// The scheme cmd/puente-load relies on: who is whose manager.
	for _, c := range []struct {
		email string
		kind  model.OrgKind
		role  model.Role
	}{
		{netAdminEmail(2), model.KindNetwork, model.RoleAdmin},
		{netCoordEmail(1), model.KindNetwork, model.RoleCoordinator},
		{personEmail(2, 3, 1), model.KindGroup, model.RoleCoordinator},
		{personEmail(1, 2, 2), model.KindGroup, model.RoleCoordinator},
		{personEmail(1, 1, 5), model.KindGroup, model.RoleMember},
	} {
		u, err := st.UserByEmail(ctx, c.email)
		if err != nil {
			t.Fatalf("%s: %v", c.email, err)
		}
		ms, err := st.Memberships(ctx, u.ID)
		if err != nil || len(ms) != 1 || ms[0].OrgKind != c.kind || ms[0].Role != c.role {
			t.Errorf("%s: got memberships %+v (%v), want one %s %s", c.email, ms, err, c.kind, c.role)
		}
		ok, err := auth.NewHasher(auth.TestParams, 1).Verify(ctx, u.PasswordHash, defaultPassword)
		if err != nil || !ok {
			t.Errorf("%s: the shared password does not verify (%v)", c.email, err)
		}
		// Network admins and group coordinators come with the shared
		// authenticator key; the others sign in with the password alone.
		need := c.role == model.RoleCoordinator && c.kind == model.KindGroup || c.role == model.RoleAdmin
		if u.TwoFactor != need {
			t.Errorf("%s: two-step sign-in %v, want %v", c.email, u.TwoFactor, need)
		}
		if need {
			if secret, _, enabled, err := st.TwoFactorKey(ctx, u.ID); err != nil || !enabled || secret != gen.TOTPSecret {
				t.Errorf("%s: authenticator key %q enabled %v (%v), want gen.TOTPSecret", c.email, secret, enabled, err)
			}
		}
	}
	if !strings.Contains(out.String(), gen.TOTPSecret) {
		t.Errorf("output does not print the authenticator key:\n%s", out.String())
	}
}

// TestRunDeterministic: the same seed gives the same people.
func TestRunDeterministic(t *testing.T) {
	ctx := context.Background()
	names := func(seed string) []string {
		db := filepath.Join(t.TempDir(), "gen.db")
		var out bytes.Buffer
		if err := run(ctx, []string{"-db", db, "-networks", "1", "-groups", "2", "-people", "3", "-invitations", "0", "-events", "5", "-seed", seed}, &out); err != nil {
			t.Fatalf("run: %v\n%s", err, out.String())
		}
		st, err := store.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		var got []string
		for _, e := range []string{netAdminEmail(1), personEmail(1, 1, 1), personEmail(1, 2, 3)} {
			u, err := st.UserByEmail(ctx, e)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, u.Name)
		}
		return got
	}
	a, b := names("42"), names("42")
	if strings.Join(a, "|") != strings.Join(b, "|") {
		t.Errorf("same seed: got %q and %q, want equal", a, b)
	}
}

// TestRunRefusesNonEmpty: a second run on the same database changes nothing.
func TestRunRefusesNonEmpty(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "gen.db")
	args := []string{"-db", db, "-networks", "1", "-groups", "1", "-people", "1", "-invitations", "1", "-events", "1"}
	var out bytes.Buffer
	if err := run(ctx, args, &out); err != nil {
		t.Fatalf("first run: %v\n%s", err, out.String())
	}
	if err := run(ctx, args, &out); !errors.Is(err, errNotEmpty) {
		t.Fatalf("second run: got %v, want errNotEmpty", err)
	}
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, _ := st.CountRows(ctx, "users"); n != 3 {
		t.Errorf("users after refused run: got %d, want 3", n)
	}
}

func TestConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-groups", "2", "-people", "0"}, "-people"},
		{[]string{"-networks", "0", "-events", "5"}, "at least one network"},
		{[]string{"-events", "-1"}, "negative"},
		{[]string{"-password", "short"}, "-password"},
		{[]string{"extra"}, "unexpected argument"},
	} {
		_, err := parseConfig(tc.args, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: got %v, want an error containing %q", tc.args, err, tc.want)
		}
	}
}
