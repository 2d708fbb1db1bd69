package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"sync"
	"time"
)

// Sessions is an scs session store kept in SQLite that stores only the
// SHA-256 of each token: a copied database file yields no usable session.
//
// It also keeps the idle timeout (see SetIdleTimeout), so that a request
// that changes nothing in its session writes nothing: with scs's own idle
// timeout every request re-encodes and commits its session, because scs
// cannot tell "only the expiry moved" from a change. Here a row holds the
// absolute deadline scs gave it and an idle expiry; Find moves the idle
// expiry forward (a "touch") at most once per touchSlack, and Commit, which
// scs calls only when the data changed, writes both.
type Sessions struct {
	p    prepared
	w    gatedExec
	now  func() time.Time
	idle time.Duration
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

// Sessions returns the session store and starts its sweeper, which deletes
// expired sessions every interval until Stop is called.
func (s *Store) Sessions(interval time.Duration) *Sessions {
	ss := &Sessions{p: s.rd(), w: s.writer(), now: time.Now, stop: make(chan struct{}), done: make(chan struct{})}
	go ss.sweep(interval)
	return ss
}

// SetIdleTimeout makes a session expire after d without a request (0: only
// at its deadline). Call it before the first request; the session manager
// must then have no idle timeout of its own (scs.SessionManager.IdleTimeout
// 0), or it commits every session on every request.
func (ss *Sessions) SetIdleTimeout(d time.Duration) { ss.idle = d }

// SetClock replaces the store's clock; tests use it to move time.
func (ss *Sessions) SetClock(now func() time.Time) { ss.now = now }

func hashSessionToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// touchSlack is how far a session's idle expiry may lag behind "now plus
// the idle timeout" before a request writes it again: a page view costs a
// synchronous write at most once a minute per session, and a session may
// end up to a minute before the full idle timeout, never after.
const touchSlack = time.Minute

// idleExpiry is when a session used now ends: the idle timeout from now,
// but never past its absolute deadline.
func (ss *Sessions) idleExpiry(deadline time.Time) time.Time {
	if ss.idle <= 0 {
		return deadline
	}
	if e := ss.now().Add(ss.idle); e.Before(deadline) {
		return e
	}
	return deadline
}

// FindCtx returns the data of an unexpired session and touches its idle
// expiry when it lags by touchSlack or more. A failed touch is not the
// request's failure: the session stays valid until its stored expiry, and
// the next request touches it again.
func (ss *Sessions) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	var b []byte
	var expiry float64
	var deadline sql.NullFloat64
	hash := hashSessionToken(token)
	err := ss.p.QueryRowContext(ctx,
		`SELECT data, expiry, deadline FROM sessions WHERE token_hash = ? AND expiry > ?`,
		hash, unixFloat(ss.now())).Scan(&b, &expiry, &deadline)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	if ss.idle > 0 && deadline.Valid {
		want := unixFloat(ss.idleExpiry(fromUnixFloat(deadline.Float64)))
		if want-expiry >= touchSlack.Seconds() {
			_, _ = ss.w.ExecContext(ctx, `UPDATE sessions SET expiry = ? WHERE token_hash = ? AND expiry < ?`, want, hash, want)
		}
	}
	return b, true, nil
}

// CommitCtx saves a session whose data changed. deadline is its absolute
// end (scs's lifetime); the stored expiry is the idle timeout from now,
// capped at deadline.
func (ss *Sessions) CommitCtx(ctx context.Context, token string, b []byte, deadline time.Time) error {
	_, err := ss.w.ExecContext(ctx,
		`INSERT INTO sessions (token_hash, data, expiry, deadline) VALUES (?, ?, ?, ?)
		 ON CONFLICT (token_hash) DO UPDATE SET data = excluded.data, expiry = excluded.expiry, deadline = excluded.deadline`,
		hashSessionToken(token), b, unixFloat(ss.idleExpiry(deadline)), unixFloat(deadline))
	return err
}

// DeleteCtx removes a session.
func (ss *Sessions) DeleteCtx(ctx context.Context, token string) error {
	_, err := ss.w.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = ?`, hashSessionToken(token))
	return err
}

// Find implements scs.Store for callers without a context.
func (ss *Sessions) Find(token string) ([]byte, bool, error) {
	return ss.FindCtx(context.Background(), token)
}

// Commit implements scs.Store.
func (ss *Sessions) Commit(token string, b []byte, expiry time.Time) error {
	return ss.CommitCtx(context.Background(), token, b, expiry)
}

// Delete implements scs.Store.
func (ss *Sessions) Delete(token string) error {
	return ss.DeleteCtx(context.Background(), token)
}

// Stop ends the sweeper and waits for it; later calls do nothing.
func (ss *Sessions) Stop() {
	ss.once.Do(func() { close(ss.stop) })
	<-ss.done
}

func (ss *Sessions) sweep(interval time.Duration) {
	defer close(ss.done)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ss.stop:
			return
		case <-t.C:
			_, _ = ss.w.ExecContext(context.Background(), `DELETE FROM sessions WHERE expiry <= ?`, unixFloat(ss.now()))
		}
	}
}

func unixFloat(t time.Time) float64 { return float64(t.UnixNano()) / 1e9 }

func fromUnixFloat(f float64) time.Time { return time.Unix(0, int64(f*1e9)) }
