package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"time"

	"puente/internal/auth"
	"puente/internal/model"
	"puente/internal/secret"
	"puente/internal/store"
)

// generator carries what the steps share: the store, the random source and
// the organisations and people made so far, for later steps to refer to.
type generator struct {
	cfg  config
	st   *store.Store
	rng  *rand.Rand
	hash string
	out  io.Writer

	networks []genNetwork
}

// genOrg is one generated organisation with the ids of its people.
type genOrg struct {
	org      model.Org
	managers []string // admins (network) or coordinators (group)
	people   []string // everyone, managers included
}

// genNetwork is a network with its groups.
type genNetwork struct {
	genOrg
	groups []genOrg
}

// step is one kind of record; steps run in order and may use what earlier
// ones made.
type step struct {
	name, unit string
	fn         func(ctx context.Context) (int, error)
}

// run generates the data set that args describe into the database it names
// and reports what it made to stdout.
func run(ctx context.Context, args []string, stdout io.Writer) error {
	cfg, err := parseConfig(args, stdout)
	if err != nil {
		return err
	}
	start := time.Now()
	st, err := store.Open(ctx, cfg.dbPath)
	if err != nil {
		return err
	}
	closed := false
	defer func() {
		if !closed {
			st.Close()
		}
	}()
	had, err := st.HasKey(ctx)
	if err != nil {
		return err
	}
	key, _, err := secret.LoadKeyFile(cfg.keyFile, !had)
	if err != nil {
		return err
	}
	if err := st.UseKey(ctx, key); err != nil {
		return err
	}
	// Record the deadline rules before any case exists: every case is then
	// computed by this binary as it is imported, and the server's first
	// start has nothing to recompute.
	version, err := recordRules(ctx, st)
	if err != nil {
		return err
	}
	// One hash for every account, with the cheap test parameters: see the
	// package comment.
	hash, err := auth.NewHasher(auth.TestParams, 1).Hash(ctx, cfg.password)
	if err != nil {
		return err
	}
	g := &generator{
		cfg:  cfg,
		st:   st,
		rng:  rand.New(rand.NewPCG(cfg.seed, cfg.seed^0x9e3779b97f4a7c15)),
		hash: hash,
		out:  stdout,
	}
	steps := []step{
		{"organisations and people", "people", g.orgs},
		{"invitations", "invitations", g.invitations},
		{"security events", "events", g.events},
		{"cases", "cases", g.cases},
	}
	fmt.Fprintf(stdout, "puente-gen: filling %s (seed %d); deadline rules %s recorded\n", cfg.dbPath, cfg.seed, version)
	for _, s := range steps {
		t0 := time.Now()
		n, err := s.fn(ctx)
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		el := time.Since(t0)
		fmt.Fprintf(stdout, "  %-26s %8d in %7.2fs (%.0f %s/s)\n", s.name, n, el.Seconds(), float64(n)/max(el.Seconds(), 1e-9), s.unit)
	}
	if err := g.report(ctx); err != nil {
		return err
	}
	closed = true
	if err := st.Close(); err != nil {
		return err
	}
	fi, err := os.Stat(cfg.dbPath)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "elapsed %.2fs; %s is %.1f MiB\n", time.Since(start).Seconds(), cfg.dbPath, float64(fi.Size())/(1<<20))
	fmt.Fprintf(stdout, "every account's password: %s\n", cfg.password)
	fmt.Fprintf(stdout, "network admins and group coordinators sign in with a code from the authenticator key %s (oathtool --totp -b KEY)\n", cfg.totpSecret)
	if cfg.networks > 0 {
		fmt.Fprintf(stdout, "sign in as %s (network admin) or %s (group coordinator)\n", netAdminEmail(1), personEmail(1, 1, 1))
	}
	return nil
}

// recordRules records the deadline rules this binary computes with, on a
// database with no case yet (the server's SyncRules does it, and finds no
// case to recompute), and returns their fingerprint.
func recordRules(ctx context.Context, st *store.Store) (string, error) {
	if n, err := st.CountRows(ctx, "cases"); err != nil {
		return "", err
	} else if n > 0 {
		return "", errNotEmpty
	}
	if _, err := st.SyncRules(ctx); err != nil {
		return "", err
	}
	if rs := st.WaitRecompute(ctx); rs.Err != nil {
		return "", rs.Err
	}
	return st.RulesVersion(ctx)
}

// report prints the row count of every table, as the database holds them.
func (g *generator) report(ctx context.Context) error {
	fmt.Fprintln(g.out, "rows:")
	for _, t := range []string{"organisations", "users", "memberships", "invitations", "security_events",
		"cases", "people", "facts", "appointments", "deadlines"} {
		n, err := g.st.CountRows(ctx, t)
		if err != nil {
			return err
		}
		fmt.Fprintf(g.out, "  %-16s %8d\n", t, n)
	}
	return nil
}

// errNotEmpty: the generator only fills an empty database, so a run never
// mixes with real accounts or with an earlier run's.
var errNotEmpty = errors.New("the database already has accounts; puente-gen only fills an empty one")

// pick returns a random element of s.
func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }
