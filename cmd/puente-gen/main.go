// Command puente-gen fills an empty Puente database with a large, realistic
// and entirely fictional data set, for load tests, benchmarks and looking at
// the pages with more than a handful of rows:
//
//	go run ./cmd/puente-gen -db big.db -networks 5 -groups 40 -people 6 -invitations 200 -events 50000
//
// Everything goes through the store's exported methods, exactly as the
// server writes it: organisations and accounts with Store.ApplySeed, one
// transaction per network (the network, its groups, its staff and the
// groups' people); invitations with Store.CreateInvitation; the security
// log with Store.RecordEvent, one synchronous commit per entry, which is
// what bounds the generator's speed.
//
// The same -seed gives the same names, emails, roles, invitations and
// events. Object ids, invitation tokens and creation times come from the
// store (random ids, its clock) and differ from run to run.
//
// # Accounts
//
// Every generated account has the same password (-password, printed at the
// end), hashed once per run with auth.TestParams: the data is fictional and
// the cheap hash keeps sign-ins in load tests from measuring argon2 instead
// of the server. Network admins and group coordinators must sign in with a
// second factor: they come with the authenticator key -totp-secret (default
// gen.TOTPSecret, printed at the end). The emails follow a fixed scheme, which cmd/puente-load
// relies on; n, g and p count from 1:
//
//	admin@net<n>.gen.example.org        admin of network n
//	coordinator@net<n>.gen.example.org  coordinator of network n
//	p<p>@g<g>.net<n>.gen.example.org    person p of group g in network n:
//	                                    p1 is the group's coordinator (p2 too
//	                                    when a group has 5 or more people),
//	                                    the others are members
//
// # Extending
//
// Each kind of record has its own file with one step function (orgs.go,
// invitations.go, events.go); run.go lists the steps in order. A new kind
// (cases, milestones) is a new file, a size flag in config.go and one line
// in the step list.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "puente-gen:", err)
		os.Exit(1)
	}
}
