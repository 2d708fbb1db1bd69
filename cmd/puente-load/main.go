// Command puente-load is Puente's load and crash gate. It runs the real
// server binary as a subprocess on a temporary database filled by
// cmd/puente-gen, signs in concurrent clients as the generated network
// admins and group coordinators, and drives a mix of page reads
// (GET /, /orgs/{id}, /orgs/{id}/security, /account) and writes (POST
// /orgs/{id}/invitations with a unique email, POST /lang) for a fixed time.
// It prints requests per second, p50/p95/p99 latency (overall, reads,
// writes), the error count and the server's memory (VmRSS at idle,
// the VmHWM peak), then checks the database: store.Open (quick_check),
// Store.Integrity (integrity_check, foreign_key_check) and every
// acknowledged invitation present.
//
// With -crash it does the same while killing the server with SIGKILL at a
// random moment within each of -rounds equal slices of -duration,
// restarting it on the same database each time; clients keep their
// sessions (they live in SQLite) or sign in again. Every invitation the
// server answered 200 is an acknowledged write and must survive.
//
// The long versions, as SECURITY.md's reliability section asks:
//
//	go run ./cmd/puente-load -duration 60s
//	go run ./cmd/puente-load -crash -rounds 20 -duration 120s
//
// TestCrashShort runs a 3-round crash test in about ten seconds under
// go test. Every server listens on 127.0.0.1 only. By default the program
// builds ./cmd/puente and ./cmd/puente-gen with `go build` (without -race)
// from the module it runs in; -bin and -gen-bin take prebuilt binaries.
// The exit status is non-zero when any request got an unexpected answer,
// an acknowledged write is missing, integrity fails or the server does not
// restart or stop cleanly; the work directory (database, server.log) is
// then kept and named.
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
		fmt.Fprintln(os.Stderr, "puente-load: FAIL:", err)
		os.Exit(1)
	}
}
