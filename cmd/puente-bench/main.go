// Command puente-bench measures Puente at network scale from outside, the
// way a user's server would be loaded: it builds the binaries, generates
// (once, cached by its parameters) a large database with puente-gen, starts
// the server, signs in as a group coordinator and drives the busiest pages
// with wrk at 1 and 32 connections. It prints req/s, p50/p99 latency, the
// server's CPU time per request (from /proc), idle and peak memory, and the
// cold-start time, as a Markdown block for BENCHMARKS.md.
//
// It is not part of `make test`: a run takes minutes and its figures depend
// on the machine. scripts/bench.sh installs wrk (Debian's) and runs it.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "puente-bench:", err)
		os.Exit(1)
	}
}
