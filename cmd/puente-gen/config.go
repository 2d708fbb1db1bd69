package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"puente/internal/auth"
	"puente/internal/gen"
)

// config is the size and shape of the data set.
type config struct {
	dbPath      string
	networks    int
	groups      int // per network
	people      int // per group
	invitations int
	events      int
	cases       int // per group
	keyFile     string
	days        int // how far back the security log reaches
	seed        uint64
	password    string
	totpSecret  string
}

// defaultPassword is every generated account's password unless -password
// says otherwise. The data set is fictional; so is the secret.
const defaultPassword = "puente-gen-load-2026"

func parseConfig(args []string, out io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("puente-gen", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&c.dbPath, "db", "./puente-gen.db", "SQLite database to fill; created if missing, must have no accounts")
	fs.IntVar(&c.networks, "networks", 5, "placement networks")
	fs.IntVar(&c.groups, "groups", 40, "sponsor groups per network")
	fs.IntVar(&c.people, "people", 6, "people per sponsor group (the first is its coordinator)")
	fs.IntVar(&c.invitations, "invitations", 200, "pending invitations, spread over networks and groups")
	fs.IntVar(&c.events, "events", 50000, "security log entries, spread over -days")
	fs.IntVar(&c.cases, "cases", 10, "cases per sponsor group, each with household, facts, appointments and computed deadlines")
	fs.StringVar(&c.keyFile, "key-file", "", "key file for the sensitive fields (default: the database path + .key, as the server uses; created if missing)")
	fs.IntVar(&c.days, "days", 365, "days of history the security log covers")
	fs.Uint64Var(&c.seed, "seed", 1, "random seed: the same seed gives the same names, emails and events")
	fs.StringVar(&c.password, "password", defaultPassword, "password of every generated account")
	fs.StringVar(&c.totpSecret, "totp-secret", gen.TOTPSecret, "authenticator key (base32) of every generated network admin and group coordinator, who must sign in with a code")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: puente-gen [flags]\n\nFills an empty Puente database with a large fictional data set.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.keyFile == "" {
		c.keyFile = c.dbPath + ".key"
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q (see -h)", fs.Arg(0))
	}
	switch {
	case c.dbPath == "":
		return c, errors.New("-db is required")
	case c.networks < 0 || c.groups < 0 || c.people < 0 || c.invitations < 0 || c.events < 0 || c.cases < 0:
		return c, errors.New("sizes cannot be negative")
	case c.groups > 0 && c.people < 1:
		return c, errors.New("-people must be at least 1: every group needs its coordinator")
	case c.networks == 0 && (c.invitations > 0 || c.events > 0):
		return c, errors.New("invitations and events need at least one network")
	case c.days < 1:
		return c, errors.New("-days must be at least 1")
	case len(c.password) < 12 || len(c.password) > 128:
		return c, errors.New("-password must be 12 to 128 bytes")
	}
	if _, err := auth.TOTPCode(c.totpSecret, 1); err != nil || len(c.totpSecret) < 16 {
		return c, errors.New("-totp-secret must be a base32 key of at least 16 characters (80 bits)")
	}
	return c, nil
}

// span is the period the security log covers, ending now.
func (c config) span() time.Duration { return time.Duration(c.days) * 24 * time.Hour }
