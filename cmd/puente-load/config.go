package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"
)

// config is the command line.
type config struct {
	bin, genBin string
	dir         string
	keep        bool
	clients     int
	duration    time.Duration
	writes      float64
	crash       bool
	rounds      int
	seed        uint64

	// The data set, passed to puente-gen.
	networks, groups, people, invitations, events int
}

func parseConfig(args []string, out io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("puente-load", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&c.bin, "bin", "", "server binary (default: go build ./cmd/puente into the work directory)")
	fs.StringVar(&c.genBin, "gen-bin", "", "data generator binary (default: go build ./cmd/puente-gen)")
	fs.StringVar(&c.dir, "dir", "", "work directory for binaries, database and server.log (default: a new temp directory, removed on success)")
	fs.BoolVar(&c.keep, "keep", false, "keep the work directory even on success")
	fs.IntVar(&c.clients, "clients", 16, "concurrent signed-in clients")
	fs.DurationVar(&c.duration, "duration", 60*time.Second, "how long to drive load (in -crash mode: all rounds together)")
	fs.Float64Var(&c.writes, "writes", 0.25, "share of requests that write (4 in 5 of them invitations, the rest /lang)")
	fs.BoolVar(&c.crash, "crash", false, "kill the server with SIGKILL at random moments and restart it")
	fs.IntVar(&c.rounds, "rounds", 5, "with -crash: how many kills, one at a random moment in each equal slice of -duration")
	fs.Uint64Var(&c.seed, "seed", 0, "random seed for the data, the request mix and the kill moments (0: pick one and print it)")
	fs.IntVar(&c.networks, "networks", 2, "generated networks")
	fs.IntVar(&c.groups, "groups", 10, "generated groups per network")
	fs.IntVar(&c.people, "people", 6, "generated people per group")
	fs.IntVar(&c.invitations, "invitations", 100, "generated pending invitations")
	fs.IntVar(&c.events, "events", 10000, "generated security log entries")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: puente-load [flags]\n\nDrives load (and with -crash, kills) against a real Puente server.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.seed == 0 {
		c.seed = uint64(time.Now().UnixNano())
	}
	switch {
	case fs.NArg() > 0:
		return c, fmt.Errorf("unexpected argument %q (see -h)", fs.Arg(0))
	case c.clients < 1 || c.clients > 1000:
		return c, errors.New("-clients must be 1 to 1000")
	case c.duration <= 0 || c.duration > 24*time.Hour:
		return c, errors.New("-duration must be positive and at most 24h")
	case c.writes < 0 || c.writes > 1:
		return c, errors.New("-writes must be between 0 and 1")
	case c.crash && (c.rounds < 1 || c.rounds > 10000):
		return c, errors.New("-rounds must be 1 to 10000")
	case c.crash && c.duration/time.Duration(c.rounds) < time.Second:
		return c, errors.New("-crash needs at least 1s of -duration per round")
	case c.networks < 1 || c.groups < 1 || c.people < 1:
		return c, errors.New("-networks, -groups and -people must be at least 1")
	}
	return c, nil
}
