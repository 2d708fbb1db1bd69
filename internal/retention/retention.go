// Package retention is the server's own purge of closed cases whose
// retention period has passed: "you cannot be made to hand over data you
// no longer hold" (DOMAIN.md, "Privacy and safety"; SECURITY.md,
// "Retention": personal fields purged a set number of days after a
// placement ends, 90 by default). The rules of what a purge clears are in
// store (purgeRules); this package only decides when.
package retention

import (
	"context"
	"log/slog"
	"time"

	"puente/internal/store"
)

// Every is how often the server looks for cases to purge. A case is due
// from the start of a day in its group's own zone (store.PurgeOn), and
// zones start their days at different hours: looking every hour purges
// each case within an hour of its day beginning, for the price of two
// small indexed queries when nothing is due.
const Every = time.Hour

// Run purges what is due at once and then every interval until ctx ends,
// reading the present from now (the server's one clock). A failure is
// logged and tried again at the next interval.
func Run(ctx context.Context, st *store.Store, now func() time.Time, every time.Duration, log *slog.Logger) {
	for {
		if _, err := Once(ctx, st, now(), log); err != nil && ctx.Err() == nil {
			log.Error("purge of closed cases failed", "err", err)
		}
		t := time.NewTimer(every)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// Once purges every case due at now (store.PurgeDue) and logs how many,
// with the counts of rows cleared per table: never a case code, a name or
// any other value.
func Once(ctx context.Context, st *store.Store, now time.Time, log *slog.Logger) (store.PurgeReport, error) {
	rep, err := st.PurgeDue(ctx, now, false)
	if len(rep.Cases) > 0 {
		log.Info("closed cases purged after their retention period", "cases", len(rep.Cases), "cleared", store.FormatCounts(rep.Cleared),
			"wal_truncated", rep.WALCleared)
	}
	return rep, err
}
