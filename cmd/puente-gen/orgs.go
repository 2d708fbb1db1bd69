package main

import (
	"context"
	"errors"
	"fmt"

	"puente/internal/authz"
	"puente/internal/model"
	"puente/internal/store"
)

// orgs creates the networks, their groups and everyone in them, one
// Store.ApplySeed transaction per network, and returns how many accounts
// it made. The first batch refuses a database that has accounts.
func (g *generator) orgs(ctx context.Context) (int, error) {
	accounts := 0
	for n := 1; n <= g.cfg.networks; n++ {
		seed, emails := g.networkSeed(n)
		ids, err := g.st.ApplySeed(ctx, seed, n == 1)
		if errors.Is(err, model.ErrSetupDone) {
			return accounts, errNotEmpty
		}
		if err != nil {
			return accounts, fmt.Errorf("network %d: %w", n, err)
		}
		net, err := g.resolve(ctx, seed, ids, emails)
		if err != nil {
			return accounts, fmt.Errorf("network %d: %w", n, err)
		}
		g.networks = append(g.networks, net)
		accounts += len(seed.Users)
	}
	return accounts, nil
}

// orgEmails are the emails of one organisation's people, managers first.
type orgEmails struct {
	managers, others []string
}

// networkSeed describes network n: the network (key "net"), its groups
// (keys "g1", "g2", …), its admin and coordinator, and each group's people.
func (g *generator) networkSeed(n int) (store.Seed, map[string]orgEmails) {
	seed := store.Seed{Orgs: []store.SeedOrg{{Key: "net", Kind: model.KindNetwork, Name: networkName(n)}}}
	emails := map[string]orgEmails{}
	user := func(email, key string, role model.Role) {
		su := store.SeedUser{Email: email, Name: personName(g.rng), PasswordHash: g.hash, Roles: map[string]model.Role{key: role}}
		if authz.RoleNeedsSecondFactor(kindOf(key), role) {
			su.TOTPSecret = g.cfg.totpSecret // they must sign in with a code
		}
		seed.Users = append(seed.Users, su)
		e := emails[key]
		if role == model.ManagerRole(kindOf(key)) {
			e.managers = append(e.managers, email)
		} else {
			e.others = append(e.others, email)
		}
		emails[key] = e
	}
	user(netAdminEmail(n), "net", model.RoleAdmin)
	user(netCoordEmail(n), "net", model.RoleCoordinator)
	for gi := 1; gi <= g.cfg.groups; gi++ {
		key := fmt.Sprintf("g%d", gi)
		seed.Orgs = append(seed.Orgs, store.SeedOrg{Key: key, Kind: model.KindGroup, Name: groupName(g.rng), NetworkKey: "net"})
		for p := 1; p <= g.cfg.people; p++ {
			role := model.RoleMember
			if p == 1 || (p == 2 && g.cfg.people >= 5) {
				role = model.RoleCoordinator
			}
			user(personEmail(n, gi, p), key, role)
		}
	}
	return seed, emails
}

func kindOf(key string) model.OrgKind {
	if key == "net" {
		return model.KindNetwork
	}
	return model.KindGroup
}

// resolve looks up the ids the store gave the batch's organisations and
// accounts, for the steps that refer to them.
func (g *generator) resolve(ctx context.Context, seed store.Seed, ids map[string]string, emails map[string]orgEmails) (genNetwork, error) {
	var net genNetwork
	for _, so := range seed.Orgs {
		o := genOrg{org: model.Org{ID: ids[so.Key], Kind: so.Kind, Name: so.Name}}
		if so.NetworkKey != "" {
			o.org.NetworkID = ids[so.NetworkKey]
		}
		e := emails[so.Key]
		for i, list := range [][]string{e.managers, e.others} {
			for _, email := range list {
				u, err := g.st.UserByEmail(ctx, email)
				if err != nil {
					return net, fmt.Errorf("look up %s: %w", email, err)
				}
				if i == 0 {
					o.managers = append(o.managers, u.ID)
				}
				o.people = append(o.people, u.ID)
			}
		}
		if so.Key == "net" {
			net.genOrg = o
		} else {
			net.groups = append(net.groups, o)
		}
	}
	return net, nil
}

// allOrgs lists every generated organisation, networks first.
func (g *generator) allOrgs() []genOrg {
	var out []genOrg
	for _, n := range g.networks {
		out = append(out, n.genOrg)
	}
	for _, n := range g.networks {
		out = append(out, n.groups...)
	}
	return out
}
