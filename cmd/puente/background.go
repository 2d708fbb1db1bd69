package main

import (
	"context"
	"log/slog"
	"time"

	"puente/internal/store"
)

// checkIntegrity runs the full integrity check (PRAGMA quick_check reads
// every page: seconds on a large database) after the server listens. On a
// failure the store refuses every write, every page but /healthz answers
// 503, and the log says what to do.
func checkIntegrity(ctx context.Context, st *store.Store, dbPath string, log *slog.Logger) {
	t0 := time.Now()
	err := st.QuickCheck(ctx)
	switch {
	case err == nil:
		log.Info("integrity check passed", "duration_ms", time.Since(t0).Milliseconds())
	case ctx.Err() != nil:
		// Stopped by shutdown: the next start checks again.
	default:
		log.Error("DATABASE DAMAGED: the integrity check (PRAGMA quick_check) failed. Puente refuses every change and answers 503 until the database is replaced. "+
			"Stop Puente, restore the latest backup with `puente restore -from BACKUP -db "+dbPath+"` (README, \"Restoring\"), and start it again",
			"db", dbPath, "err", err.Error())
	}
}

// logRecompute waits for the background recomputation of deadlines and
// logs how it went, with its rate.
func logRecompute(ctx context.Context, st *store.Store, log *slog.Logger) {
	rs := st.WaitRecompute(ctx)
	switch {
	case rs.Running:
		// Stopped by shutdown: the next start carries on.
	case rs.Err != nil:
		log.Error("recomputing deadlines stopped; cases not reached are recomputed when opened, and the next start tries again",
			"done", rs.Done, "of", rs.Total, "err", rs.Err.Error())
	default:
		rate := 0.0
		if s := rs.Elapsed.Seconds(); s > 0 {
			rate = float64(rs.Done) / s
		}
		log.Info("deadlines recomputed with the new rules", "cases", rs.Done, "duration_ms", rs.Elapsed.Milliseconds(),
			"cases_per_s", int(rate))
	}
}
