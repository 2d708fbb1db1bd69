package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// config is one benchmark run: the data set's size (puente-gen's flags),
// how long and how wide wrk drives each page, and where results go.
type config struct {
	networks, groups, people, cases, events int
	seed                                    uint64
	duration                                time.Duration
	conns                                   []int
	starts                                  int
	cacheDir                                string
	out                                     string
	regen                                   bool
}

// genPassword is puente-gen's default password for every account.
const genPassword = "puente-gen-load-2026"

// coordinatorEmail is the coordinator of the first group of the first
// network in a generated data set (puente-gen's naming).
const coordinatorEmail = "p1@g1.net1.gen.example.org"

func parseConfig(args []string, out io.Writer) (config, error) {
	c := config{}
	var conns string
	fs := flag.NewFlagSet("puente-bench", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.IntVar(&c.networks, "networks", 5, "placement networks in the generated data set")
	fs.IntVar(&c.groups, "groups", 400, "sponsor groups per network")
	fs.IntVar(&c.people, "people", 6, "people per sponsor group")
	fs.IntVar(&c.cases, "cases", 10, "cases per sponsor group")
	fs.IntVar(&c.events, "events", 50000, "security log entries")
	fs.Uint64Var(&c.seed, "seed", 1, "puente-gen's random seed")
	fs.DurationVar(&c.duration, "duration", 15*time.Second, "how long wrk drives each page at each connection count")
	fs.StringVar(&conns, "conns", "1,32", "comma-separated wrk connection counts")
	fs.IntVar(&c.starts, "starts", 5, "cold starts to time (the median is reported)")
	fs.StringVar(&c.cacheDir, "cache", ".bench", "folder for binaries and generated databases, one per parameter set")
	fs.StringVar(&c.out, "out", "", "also append the Markdown results to this file (e.g. BENCHMARKS.md)")
	fs.BoolVar(&c.regen, "regen", false, "generate the database again even if a cached one exists")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: puente-bench [flags]\n\nMeasures Puente at network scale with wrk (see scripts/bench.sh).\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q (see -h)", fs.Arg(0))
	}
	for _, f := range strings.Split(conns, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return c, fmt.Errorf("-conns: %q is not a positive number", f)
		}
		c.conns = append(c.conns, n)
	}
	switch {
	case c.networks < 1 || c.groups < 1 || c.people < 1 || c.cases < 1:
		return c, errors.New("the data set needs at least one network, group, person and case")
	case c.duration < time.Second:
		return c, errors.New("-duration must be at least 1s")
	case c.starts < 1:
		return c, errors.New("-starts must be at least 1")
	}
	return c, nil
}

// genVersion changes when puente-gen makes other data from the same
// parameters (2: every case its own opening and change times; deadline
// rules recorded; 3: network admins and group coordinators come with an
// authenticator key, for two-step sign-in; 4: hearings, check-ins and
// appointments fall on court days), so that a cached database of the old
// kind is not used.
const genVersion = 4

// key names the cached database of this parameter set.
func (c config) key() string {
	return fmt.Sprintf("v%d-n%d-g%d-p%d-c%d-e%d-s%d", genVersion, c.networks, c.groups, c.people, c.cases, c.events, c.seed)
}

// genArgs are puente-gen's flags for this data set.
func (c config) genArgs(db string) []string {
	return []string{"-db", db, "-networks", strconv.Itoa(c.networks), "-groups", strconv.Itoa(c.groups),
		"-people", strconv.Itoa(c.people), "-cases", strconv.Itoa(c.cases), "-events", strconv.Itoa(c.events),
		"-invitations", "200", "-seed", strconv.FormatUint(c.seed, 10)}
}
