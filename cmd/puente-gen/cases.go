package main

import (
	"context"
	"time"

	"puente/internal/gen"
)

// cases opens -cases fictional cases in every sponsor group, each with its
// household, facts and appointments, and their deadlines computed: one
// transaction per group.
func (g *generator) cases(ctx context.Context) (int, error) {
	n := 0
	today := time.Now().UTC()
	for _, net := range g.networks {
		for _, grp := range net.groups {
			if g.cfg.cases == 0 {
				return 0, nil
			}
			if _, err := g.st.ImportCases(ctx, grp.org.ID, gen.Cases(g.rng, today, g.cfg.cases)); err != nil {
				return n, err
			}
			n += g.cfg.cases
		}
	}
	return n, nil
}
