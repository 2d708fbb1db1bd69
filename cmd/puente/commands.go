package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
)

// command is one subcommand of puente: serve, backup, restore, rotate-key,
// purge, i18n. Each takes the same (ctx, args, getenv, stdout) as run.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error
}

// commands lists the subcommands in the order help shows them.
func commands() []command {
	return []command{
		{"serve", "run the web server (the default when no command is named)", run},
		{"backup", "write a consistent copy of a database, even while Puente serves it", runBackup},
		{"restore", "check a backup and put it in place of the database (Puente stopped)", runRestore},
		{"rotate-key", "re-encrypt every sensitive field under a new key (Puente stopped)", runRotateKey},
		{"purge", "purge the closed cases whose retention period has passed (as the server does every hour)", runPurge},
		{"i18n", "check the translations: i18n check reports keys, missing, extra and placeholder mismatches per language", runI18n},
		{"help", "list the commands, or show one command's flags: puente help COMMAND", nil},
	}
}

// dispatch runs the command args[0] names. With no name (no arguments, or
// a flag first) it serves, so `puente`, `go run ./cmd/puente` and
// `puente -addr :9000 -demo` behave exactly as before commands existed.
func dispatch(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return run(ctx, args, getenv, stdout)
	}
	name, rest := args[0], args[1:]
	if name == "help" {
		if len(rest) == 0 {
			printHelp(stdout)
			return nil
		}
		if c, ok := findCommand(rest[0]); ok && c.run != nil {
			return c.run(ctx, []string{"-h"}, getenv, stdout)
		}
		return fmt.Errorf("unknown command %q (see puente help)", rest[0])
	}
	c, ok := findCommand(name)
	if !ok {
		return fmt.Errorf("unknown command %q (see puente help)", name)
	}
	return c.run(ctx, rest, getenv, stdout)
}

func findCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func printHelp(w io.Writer) {
	fmt.Fprint(w, "Usage: puente [COMMAND] [flags]\n\nPuente: a case tracker for people who sponsor asylum seekers.\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-11s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nEvery flag has an environment fallback (shown in each command's -h); flags win.\n")
}

// commandFlags is a flag set for a maintenance command, with the -db and
// -key-file flags every one of them shares with serve (same environment
// fallbacks and defaults).
type commandFlags struct {
	*flag.FlagSet
	db      *string
	keyFile *string
}

func newCommandFlags(name, usage string, getenv func(string) string, out io.Writer, withKey bool) commandFlags {
	fs := flag.NewFlagSet("puente "+name, flag.ContinueOnError)
	fs.SetOutput(out)
	env := func(k, def string) string {
		if v := getenv(k); v != "" {
			return v
		}
		return def
	}
	c := commandFlags{FlagSet: fs}
	c.db = fs.String("db", env("PUENTE_DB", "./puente.db"), "SQLite database file (PUENTE_DB)")
	if withKey {
		c.keyFile = fs.String("key-file", env("PUENTE_KEY_FILE", ""), "the key file that opens the sensitive fields (PUENTE_KEY_FILE; default DB.key)")
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: puente %s\n\nFlags:\n", usage)
		fs.PrintDefaults()
	}
	return c
}

// parse parses args, refuses stray arguments and fills the key file's
// default.
func (c commandFlags) parse(args []string) error {
	if err := c.Parse(args); err != nil {
		return err
	}
	if c.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (see puente help %s)", c.Arg(0), strings.TrimPrefix(c.Name(), "puente "))
	}
	if c.keyFile != nil && *c.keyFile == "" {
		*c.keyFile = *c.db + ".key"
	}
	return nil
}
