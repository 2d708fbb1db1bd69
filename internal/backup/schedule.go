package backup

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"time"

	"puente/internal/store"
)

// Schedule is the server's own backup plan: a copy every Every into Dir,
// keeping the newest Keep copies.
type Schedule struct {
	Dir   string
	Every time.Duration
	Keep  int
}

// nameLayout names scheduled backups by their UTC time, to the millisecond,
// so that name order is time order.
const nameLayout = "20060102T150405.000Z"

// scheduledName matches the files Run makes, and only those: pruning never
// touches anything else in the directory.
var scheduledName = regexp.MustCompile(`^puente-[0-9]{8}T[0-9]{6}\.[0-9]{3}Z\.db$`)

// maxRetry bounds the wait after a failed attempt.
const maxRetry = time.Hour

// Run makes backups on sch until ctx ends. The first comes at once unless
// the last successful one (recorded in the database) is younger than Every;
// after a failure it tries again after Every or an hour, whichever is
// sooner. Each result is recorded for the admin's page (Store.Backups) and
// logged; after a success, scheduled backups beyond the newest Keep are
// deleted.
func Run(ctx context.Context, st *store.Store, sch Schedule, log *slog.Logger) {
	wait := time.Duration(0)
	if bs, err := st.Backups(ctx); err == nil && !bs.LastOK.IsZero() && !bs.Failing() {
		wait = max(0, time.Until(bs.LastOK.Add(sch.Every)))
	}
	for {
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		if err := Once(ctx, st, sch, log); err != nil {
			if ctx.Err() != nil {
				return
			}
			wait = min(sch.Every, maxRetry)
			continue
		}
		wait = sch.Every
	}
}

// Once makes one scheduled backup now, records and logs the result and
// prunes old copies.
func Once(ctx context.Context, st *store.Store, sch Schedule, log *slog.Logger) error {
	name := "puente-" + time.Now().UTC().Format(nameLayout) + ".db"
	res, err := Make(ctx, st, filepath.Join(sch.Dir, name))
	if err != nil {
		if ctx.Err() != nil {
			return err
		}
		log.Error("backup failed", "dir", sch.Dir, "err", err)
		if rerr := st.RecordBackupFailed(context.WithoutCancel(ctx)); rerr != nil {
			log.Error("backup status not recorded", "err", rerr)
		}
		return err
	}
	log.Info("backup made", "file", res.Path, "bytes", res.Bytes, "ms", res.Duration.Milliseconds())
	if err := st.RecordBackupOK(ctx, name, res.Bytes); err != nil {
		log.Error("backup status not recorded", "err", err)
	}
	removed, err := Prune(sch.Dir, sch.Keep)
	for _, r := range removed {
		log.Info("old backup removed", "file", r)
	}
	if err != nil {
		log.Error("pruning old backups failed", "dir", sch.Dir, "err", err)
	}
	return nil
}

// Prune deletes the scheduled backups in dir beyond the newest keep and
// returns their paths. Files not named like a scheduled backup are never
// touched.
func Prune(dir string, keep int) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && scheduledName.MatchString(e.Name()) {
			names = append(names, e.Name())
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(names)))
	var removed []string
	for i, n := range names {
		if i < keep {
			continue
		}
		p := filepath.Join(dir, n)
		if err := os.Remove(p); err != nil {
			return removed, err
		}
		removed = append(removed, p)
	}
	return removed, nil
}
