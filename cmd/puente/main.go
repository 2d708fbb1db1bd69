// Command puente runs Puente: a self-hosted case tracker for people who
// sponsor asylum seekers, in one binary with an embedded SQLite database.
// `puente` (or `puente serve`) serves; `puente help` lists the maintenance
// commands (backup, restore, rotate-key).
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
	if err := dispatch(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "puente:", err)
		os.Exit(1)
	}
}
