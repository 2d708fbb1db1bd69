package main

import (
	"context"
	"fmt"

	"puente/internal/gen"
	"puente/internal/model"
	"puente/internal/store"
)

// genPassword is the password puente-load asks the generator to give every
// account.
const genPassword = "puente-load-password-2026"

// genTOTPSecret is the authenticator key puente-gen gives every network
// admin and group coordinator (its default): the managers the clients sign
// in as must give a code after the password.
const genTOTPSecret = gen.TOTPSecret

// target is an organisation an account manages: it may read its page and
// security log and invite people to it.
type target struct {
	orgID string
	role  model.Role // the role its invitations offer
}

// account is a manager the clients sign in as.
type account struct {
	email   string
	targets []target
}

// managerEmails lists the managers puente-gen made, in the order clients
// take them: each network's admin, then the groups' coordinators
// round-robin over the networks. The addresses follow puente-gen's
// documented scheme.
func managerEmails(c config) []string {
	var out []string
	for n := 1; n <= c.networks; n++ {
		out = append(out, fmt.Sprintf("admin@net%d.gen.example.org", n))
	}
	coords := 1
	if c.people >= 5 {
		coords = 2
	}
	for p := 1; p <= coords; p++ {
		for g := 1; g <= c.groups; g++ {
			for n := 1; n <= c.networks; n++ {
				out = append(out, fmt.Sprintf("p%d@g%d.net%d.gen.example.org", p, g, n))
			}
		}
	}
	return out
}

// loadAccounts resolves the organisations each manager may write to, by
// reading the generated database before the server starts.
func loadAccounts(ctx context.Context, db string, c config) ([]account, error) {
	st, err := store.Open(ctx, db)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	var out []account
	for _, email := range managerEmails(c) {
		u, err := st.UserByEmail(ctx, email)
		if err != nil {
			return nil, fmt.Errorf("generated account %s: %w", email, err)
		}
		ms, err := st.Memberships(ctx, u.ID)
		if err != nil {
			return nil, err
		}
		a := account{email: email}
		for _, m := range ms {
			if m.Role != model.ManagerRole(m.OrgKind) {
				continue
			}
			// Only an organisation's own managers invite into it: a network's
			// admins no longer manage a group that has its own coordinator
			// (issue 8), and every generated group has one.
			roles := model.RolesFor(m.OrgKind)
			a.targets = append(a.targets, target{orgID: m.OrgID, role: roles[len(roles)-1]})
		}
		if len(a.targets) == 0 {
			return nil, fmt.Errorf("generated account %s manages nothing", email)
		}
		out = append(out, a)
	}
	return out, nil
}
