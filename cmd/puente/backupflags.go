package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"sync"
	"time"

	"puente/internal/backup"
	"puente/internal/store"
)

// backupConfig is the server's backup schedule; an empty dir turns it off.
type backupConfig struct {
	dir   string
	every time.Duration
	keep  int
}

// minBackupEvery keeps a mistyped -backup-every (1s, 1m) from filling the
// disk: nobody needs a full copy more often than every 5 minutes (for a
// recovery point under that, see Litestream in the README).
const minBackupEvery = 5 * time.Minute

// addBackupFlags defines -backup-dir, -backup-every and -backup-keep on fs
// with their environment fallbacks; the returned function validates them
// after fs.Parse.
func addBackupFlags(fs *flag.FlagSet, env func(name, def string) string) func() (backupConfig, error) {
	var b backupConfig
	var every, keep string
	fs.StringVar(&b.dir, "backup-dir", env("PUENTE_BACKUP_DIR", ""), "directory for scheduled backups, created (mode 0700) if missing; must not hold the key file (PUENTE_BACKUP_DIR; default: no scheduled backups)")
	fs.StringVar(&every, "backup-every", env("PUENTE_BACKUP_EVERY", "24h"), "time between scheduled backups, at least 5m (PUENTE_BACKUP_EVERY)")
	fs.StringVar(&keep, "backup-keep", env("PUENTE_BACKUP_KEEP", "14"), "how many scheduled backups to keep; older ones are deleted (PUENTE_BACKUP_KEEP)")
	return func() (backupConfig, error) {
		var err error
		if b.every, err = time.ParseDuration(every); err != nil {
			return b, fmt.Errorf("-backup-every %q: want a duration such as 24h or 6h30m", every)
		}
		if b.every < minBackupEvery {
			return b, fmt.Errorf("-backup-every %s: at least %s", b.every, minBackupEvery)
		}
		if b.keep, err = strconv.Atoi(keep); err != nil || b.keep < 1 {
			return b, fmt.Errorf("-backup-keep %q: want a whole number of at least 1", keep)
		}
		return b, nil
	}
}

// startBackups starts the backup schedule, if one is set, after checking
// that its directory can be made and does not hold the key file. The
// returned stop function ends it and waits, so the database closes after.
func startBackups(ctx context.Context, st *store.Store, b backupConfig, keyFile string, log *slog.Logger) (stop func(), err error) {
	if b.dir == "" {
		return func() {}, nil
	}
	if err := os.MkdirAll(b.dir, 0o700); err != nil {
		return nil, fmt.Errorf("-backup-dir: %w", err)
	}
	if err := backup.CheckApart(b.dir, keyFile); err != nil {
		return nil, fmt.Errorf("-backup-dir: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		backup.Run(ctx, st, backup.Schedule{Dir: b.dir, Every: b.every, Keep: b.keep}, log)
	})
	log.Info("scheduled backups", "dir", b.dir, "every", b.every.String(), "keep", b.keep)
	return func() { cancel(); wg.Wait() }, nil
}
