package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// crashRounds kills the server once at a random moment within each equal
// slice of the duration, restarting it on the same database each time.
func (l *loadRun) crashRounds(ctx context.Context, start time.Time) ([]time.Duration, error) {
	cfg := l.cfg
	rng := rand.New(rand.NewPCG(cfg.seed, 0xc0ffee))
	slice := cfg.duration / time.Duration(cfg.rounds)
	var restarts []time.Duration
	for i := 1; i <= cfg.rounds; i++ {
		// A random moment in the slice, leaving room to restart before the next.
		at := start.Add(time.Duration(i-1)*slice + time.Duration((0.1+0.7*rng.Float64())*float64(slice)))
		select {
		case <-time.After(time.Until(at)):
		case <-ctx.Done():
			return restarts, ctx.Err()
		}
		gen := l.gate.generation()
		alive := time.Since(start)
		l.gate.shut()
		l.current().kill()
		killed := time.Now()
		listening, err := l.start(ctx)
		if err != nil {
			n, last := l.lw.errorLines()
			return restarts, fmt.Errorf("round %d: restart after kill failed: %w (server log: %d error lines: %s)", i, err, n, strings.Join(last, " | "))
		}
		h, err := healthy(ctx, l.current().base())
		if err != nil {
			return restarts, fmt.Errorf("round %d: %w", i, err)
		}
		down := time.Since(killed)
		restarts = append(restarts, down)
		l.gate.open(l.current().base())
		c := l.rec.counts(gen)
		fmt.Fprintf(l.out, "round %d/%d: SIGKILL at %5.2fs: %5d requests, %4d acknowledged writes, %2d cut off; restart %4.0fms (listening %4.0fms + healthy %3.0fms)\n",
			i, cfg.rounds, alive.Seconds(), c.requests, c.acks, c.interrupted,
			ms64(down), ms64(listening), ms64(h))
	}
	return restarts, nil
}

func ms64(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
