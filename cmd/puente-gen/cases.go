package main

import (
	"context"
	"time"

	"puente/internal/gen"
	"puente/internal/tz"
)

// cases opens -cases fictional cases in every sponsor group, each with its
// household, facts and appointments, and their deadlines computed: one
// transaction per group.
func (g *generator) cases(ctx context.Context) (int, error) {
	n := 0
	// Generated organisations are in tz.Default: their today, not UTC's.
	today, err := time.Parse(time.DateOnly, tz.Today(time.Now(), tz.Default))
	if err != nil {
		return 0, err
	}
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
