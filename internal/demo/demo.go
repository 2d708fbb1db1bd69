// Package demo fills an empty database with a small, fictional data set
// that shows what Puente does at first look.
package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"puente/internal/auth"
	"puente/internal/authz"
	"puente/internal/i18n"
	"puente/internal/model"
	"puente/internal/store"
	"puente/internal/tz"
)

// Password is every demo account's password.
const Password = "puente-demo-2026"

// TOTPSecret is the authenticator key (base32) of every demo account that
// must sign in with a second factor (authz.RoleNeedsSecondFactor: the
// network's admin and the groups' coordinators). Like the password it is
// public: add it to an authenticator app, or compute a code with
// `oathtool --totp -b KEY`, to sign in as them. The demo keeps the rule
// rather than an exception to it; the network coordinator and the member
// sign in with the password alone, and can try setting it up.
const TOTPSecret = "PUENTEDEMOKEYFORTWOSTEPSIGNINXYZ"

// Account is one demo sign-in.
type Account struct {
	Email string
	Name  string
	Roles map[string]model.Role
}

// Accounts are the demo sign-ins, listed in the README.
var Accounts = []Account{
	{"admin@network.example.org", "Ana Admin", map[string]model.Role{"network": model.RoleAdmin}},
	{"coordinator@network.example.org", "Carlos Coordinador", map[string]model.Role{"network": model.RoleCoordinator}},
	{"coord@alpha.example.org", "Alicia Alpha", map[string]model.Role{"alpha": model.RoleCoordinator}},
	{"member@alpha.example.org", "Miguel Miembro", map[string]model.Role{"alpha": model.RoleMember}},
	{"coord@beta.example.org", "Beatriz Beta", map[string]model.Role{"beta": model.RoleCoordinator}},
	{"coord@solo.example.org", "Sol Solo", map[string]model.Role{"solo": model.RoleCoordinator}},
}

// NeedsSecondFactor reports whether a signs in with TOTPSecret after the
// password: a role that always needs a second factor.
func (a Account) NeedsSecondFactor() bool {
	for key, role := range a.Roles {
		for _, o := range Orgs {
			if o.Key == key && authz.RoleNeedsSecondFactor(o.Kind, role) {
				return true
			}
		}
	}
	return false
}

// Orgs are the demo organisations, in three time zones.
var Orgs = []store.SeedOrg{
	{Key: "network", Kind: model.KindNetwork, Name: "Red Puente Demo", TimeZone: "America/New_York"},
	{Key: "alpha", Kind: model.KindGroup, Name: "Alpha Congregation Circle", NetworkKey: "network"},
	{Key: "beta", Kind: model.KindGroup, Name: "Beta Neighbours", NetworkKey: "network", TimeZone: "America/Chicago"},
	{Key: "solo", Kind: model.KindGroup, Name: "Solo Friends Group", TimeZone: "America/Los_Angeles"},
}

// todayOf gives, at now, each demo organisation's own day (as midnight
// UTC of that date, for date arithmetic); a group without a zone has its
// network's, as the store gives it.
func todayOf(now time.Time) func(key string) time.Time {
	zones := map[string]string{}
	for _, o := range Orgs {
		z := o.TimeZone
		if z == "" {
			z = zones[o.NetworkKey]
		}
		zones[o.Key] = z
	}
	return func(key string) time.Time {
		d, _ := time.Parse(time.DateOnly, tz.Today(now, zones[key]))
		return d
	}
}

// ErrNotEmpty means the database already has accounts; nothing was changed.
var ErrNotEmpty = errors.New("the database already has accounts: -demo only fills an empty database, and nothing was changed")

// Seed fills an empty database with the demo data set, cases included, in
// one transaction, dated around now (each group's today, in its zone), its
// free text in English. The store must have its encryption key set.
func Seed(ctx context.Context, st *store.Store, h *auth.Hasher, now time.Time) error {
	return SeedIn(ctx, st, h, now, i18n.EN)
}

// SeedIn is Seed with the cases' free text (courts, places, notes,
// languages, relationships) in lang, as a group that writes in it would
// type them; names stay as they are.
func SeedIn(ctx context.Context, st *store.Store, h *auth.Hasher, now time.Time, lang i18n.Lang) error {
	has, err := st.HasUsers(ctx)
	if err != nil {
		return err
	}
	if has {
		return ErrNotEmpty
	}
	// One hash serves every account: the demo password is public anyway.
	hash, err := h.Hash(ctx, Password)
	if err != nil {
		return err
	}
	seed := store.Seed{Orgs: Orgs, Cases: localise(cases(todayOf(now)), lang), Sponsors: sponsors(now, lang), Queue: queue(now)}
	for _, a := range Accounts {
		su := store.SeedUser{Email: a.Email, Name: a.Name, PasswordHash: hash, Roles: a.Roles}
		if a.NeedsSecondFactor() {
			su.TOTPSecret = TOTPSecret
		}
		seed.Users = append(seed.Users, su)
	}
	if _, err := st.ApplySeed(ctx, seed, true); err != nil {
		if errors.Is(err, model.ErrSetupDone) {
			return ErrNotEmpty
		}
		return fmt.Errorf("demo: %w", err)
	}
	return nil
}
