package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"puente/internal/store"
)

// runPurge is `puente purge`: it purges the closed cases whose group's
// retention period has passed, exactly as the server does every hour
// (store.PurgeDue), and prints what it did. Like backup it shares the
// database's lock, so it works while Puente serves (SQLite's own locks
// order the writes). With -dry-run it lists the cases due and changes
// nothing.
func runPurge(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	f := newCommandFlags("purge", "purge -db PATH [-dry-run]", getenv, stdout, false)
	dry := f.Bool("dry-run", false, "list the closed cases whose retention period has passed, and change nothing")
	if err := f.parse(args); err != nil {
		return err
	}
	st, err := store.OpenExisting(ctx, *f.db, false, true)
	if err != nil {
		return fmt.Errorf("purge: %w", err)
	}
	defer st.Close()
	mr, err := st.CompareMigrations(ctx)
	if err != nil {
		return fmt.Errorf("purge: %w", err)
	}
	if len(mr.Unknown) > 0 {
		return fmt.Errorf("purge: this database was made by a newer Puente (migrations %v): purge with that version", mr.Unknown)
	}
	if len(mr.Pending) > 0 {
		return fmt.Errorf("purge: this database lacks migrations %v: start this version of Puente once (it applies them), then purge", mr.Pending)
	}
	start := time.Now()
	rep, err := st.PurgeDue(ctx, start, *dry)
	if err != nil {
		if len(rep.Cases) > 0 {
			fmt.Fprintf(stdout, "purged %d cases before the failure\n", len(rep.Cases))
		}
		return fmt.Errorf("purge: %w", err)
	}
	if *dry {
		fmt.Fprintf(stdout, "%d closed cases are due for purging (dry run: nothing was changed)\n", len(rep.Cases))
		for _, c := range rep.Cases {
			fmt.Fprintf(stdout, "  %s\n", c.Code)
		}
		return nil
	}
	fmt.Fprintf(stdout, "purged %d closed cases in %s\n", len(rep.Cases), time.Since(start).Round(time.Millisecond))
	for _, c := range rep.Cases {
		fmt.Fprintf(stdout, "  %s\n", c.Code)
	}
	if len(rep.Cases) > 0 {
		fmt.Fprintf(stdout, "rows cleared: %s\n", store.FormatCounts(rep.Cleared))
	}
	// Truncate the WAL even when nothing was due, so that running the
	// command again finishes a truncation a reader prevented before.
	if !rep.WALCleared {
		if err := st.Checkpoint(ctx); err != nil {
			return fmt.Errorf("purge: the purged values may still be in the WAL (%w): run puente purge again when Puente is idle", err)
		}
	}
	fmt.Fprintln(stdout, "the WAL was checkpointed and truncated: the purged values are gone from the database files (backups made before keep them)")
	return nil
}
