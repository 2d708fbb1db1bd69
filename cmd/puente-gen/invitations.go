package main

import (
	"context"
	"fmt"

	"puente/internal/auth"
	"puente/internal/model"
)

// invitations issues -invitations pending invitations through
// Store.CreateInvitation, each by a manager of its organisation: nine in
// ten to a group, the rest to a network. Their links are random and
// thrown away: nobody can accept them, as with any link not handed out.
func (g *generator) invitations(ctx context.Context) (int, error) {
	for i := 1; i <= g.cfg.invitations; i++ {
		net := pick(g.rng, g.networks)
		o := net.genOrg
		if len(net.groups) > 0 && g.rng.IntN(10) != 0 {
			o = pick(g.rng, net.groups)
		}
		roles := model.RolesFor(o.org.Kind)
		role := roles[len(roles)-1]
		if g.rng.IntN(5) == 0 {
			role = roles[0]
		}
		email := fmt.Sprintf("%s.%d@invited.gen.example.org", emailSlug(personName(g.rng)), i)
		if _, err := g.st.CreateInvitation(ctx, o.org, email, role, auth.HashToken(auth.NewToken()),
			pick(g.rng, o.managers), docIP(g.rng)); err != nil {
			return i - 1, err
		}
	}
	return g.cfg.invitations, nil
}
