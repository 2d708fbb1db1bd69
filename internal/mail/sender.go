package mail

import (
	"context"
	"crypto/tls"
	"log/slog"
	"time"

	"puente/internal/store"
)

// Retry figures: a failed message is tried again after 30 s, then 1, 2, 4
// ... minutes, at most an hour apart, and given up after 12 attempts
// (about 6 hours in all): a reset link works 24 hours, and a message that
// cannot go in 6 hours needs the admin, whose page shows it.
const (
	DefaultBackoff     = 30 * time.Second
	DefaultBackoffCap  = time.Hour
	DefaultMaxAttempts = 12
	// DefaultPoll is how often the sender looks for retries due when
	// nothing wakes it.
	DefaultPoll = 15 * time.Second
	// keepDone is how long the rows of finished messages (no content) stay
	// for the admin's page.
	keepDone = 30 * 24 * time.Hour
)

// Sender sends what the outbox holds, from one goroutine (Run). Requests
// queue messages and call Wake; they never wait for the mail server.
type Sender struct {
	cfg   Config
	store *store.Store
	log   *slog.Logger
	wake  chan struct{}
	// Now is the sender's clock (the real time: retries are about the
	// mail server, not the organisation's day).
	Now func() time.Time
	// Backoff, BackoffCap and MaxAttempts shape retries; Poll is how often
	// it looks when not woken. Tests shorten them.
	Backoff, BackoffCap time.Duration
	MaxAttempts         int
	Poll                time.Duration
	// TLS replaces the TLS settings (tests trust their own certificate).
	TLS *tls.Config
}

// NewSender makes a sender for cfg with the default figures.
func NewSender(cfg Config, st *store.Store, log *slog.Logger) *Sender {
	return &Sender{cfg: cfg, store: st, log: log, wake: make(chan struct{}, 1), Now: time.Now,
		Backoff: DefaultBackoff, BackoffCap: DefaultBackoffCap, MaxAttempts: DefaultMaxAttempts, Poll: DefaultPoll}
}

// Wake asks the sender to look at the outbox now. It never blocks.
func (s *Sender) Wake() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Run sends until ctx ends: at once, whenever woken, and every Poll.
func (s *Sender) Run(ctx context.Context) {
	t := time.NewTicker(s.Poll)
	defer t.Stop()
	lastPrune := time.Time{}
	for {
		s.SendDue(ctx)
		if now := s.Now(); now.Sub(lastPrune) > time.Hour {
			if err := s.store.PruneOutbox(ctx, now.Add(-keepDone)); err != nil && ctx.Err() == nil {
				s.log.Warn("email: pruning the outbox failed", "err", err.Error())
			}
			lastPrune = now
		}
		select {
		case <-ctx.Done():
			return
		case <-s.wake:
		case <-t.C:
		}
	}
}

// SendDue sends every message whose time has come and records each
// result; it returns how many were sent and how many attempts failed.
func (s *Sender) SendDue(ctx context.Context) (sent, failed int) {
	// A message tried once in this pass waits for the next one, however
	// short its backoff.
	tried := map[string]bool{}
	for ctx.Err() == nil {
		items, err := s.store.DueEmails(ctx, s.Now(), 20)
		if err != nil {
			if ctx.Err() == nil {
				s.log.Error("email: reading the outbox failed", "err", err.Error())
			}
			return sent, failed
		}
		fresh := 0
		for _, it := range items {
			if tried[it.ID] {
				continue
			}
			tried[it.ID] = true
			fresh++
			if s.attempt(ctx, it) {
				sent++
			} else {
				failed++
			}
		}
		if fresh == 0 {
			return sent, failed
		}
	}
	return sent, failed
}

// attempt sends one message and records the result: sent, retried later
// with backoff, or given up after MaxAttempts.
func (s *Sender) attempt(ctx context.Context, it store.OutboxItem) bool {
	err := send(ctx, s.cfg, s.TLS, it.Email)
	now := s.Now()
	if err == nil {
		if err := s.store.EmailSent(ctx, it.ID, now); err != nil {
			s.log.Error("email: sent, but recording it failed (it may be sent again)", "id", it.ID, "err", err.Error())
		}
		s.log.Info("email sent", "id", it.ID, "kind", string(it.Kind), "attempt", it.Attempts+1)
		return true
	}
	if ctx.Err() != nil {
		return false // shutting down: the next start tries again
	}
	class := errorClass(err)
	attempt := it.Attempts + 1
	giveUp := attempt >= s.MaxAttempts
	next := now.Add(s.delay(attempt))
	if rerr := s.store.EmailFailed(ctx, it.ID, now, next, giveUp, class); rerr != nil {
		s.log.Error("email: recording a failed attempt failed", "id", it.ID, "err", rerr.Error())
	}
	args := []any{"id", it.ID, "kind", string(it.Kind), "attempt", attempt, "class", class,
		"to_domain", domainOf(it.Email.To), "err", redact(err.Error())}
	if giveUp {
		s.log.Error("email given up: the server's mail settings or the mail server need a look", args...)
	} else {
		s.log.Warn("email not sent; trying again", append(args, "next_in", next.Sub(now).Round(time.Second).String())...)
	}
	return false
}

// delay is the wait after the attempt-th failure: Backoff doubled each
// time, at most BackoffCap.
func (s *Sender) delay(attempt int) time.Duration {
	d := s.Backoff
	for i := 1; i < attempt && d < s.BackoffCap; i++ {
		d *= 2
	}
	return min(d, s.BackoffCap)
}
