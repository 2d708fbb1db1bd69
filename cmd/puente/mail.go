package main

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"puente/internal/digest"
	"puente/internal/mail"
	"puente/internal/store"
	"puente/internal/web"
)

// startMail starts the sender and the digest schedule when email is
// configured, in background (they end with ctx), and tells the web layer.
// Without email nothing starts and every page shows its links as before.
func startMail(ctx context.Context, background *sync.WaitGroup, cfg mail.Config, st *store.Store, clock func() time.Time, wc *web.Config, log *slog.Logger) {
	if !cfg.Enabled() {
		return
	}
	sender := mail.NewSender(cfg, st, log)
	wc.Mail, wc.MailWake = true, sender.Wake
	runner := &digest.Runner{Store: st, Now: clock, BaseURL: wc.BaseURL, Wake: sender.Wake, Log: log}
	background.Go(func() { sender.Run(ctx) })
	background.Go(func() { runner.Run(ctx, digest.Every) })
	log.Info("email on: invitations and reset links are sent, digests at 7:00 in each group's time zone",
		"smtp", cfg.String(), "from", cfg.From)
}
