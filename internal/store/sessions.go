package store

import (
	"bytes"
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
type Sessions struct {
	db   *sql.DB
	w    gatedExec
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

// Sessions returns the session store and starts its sweeper, which deletes
// expired sessions every interval until Stop is called.
func (s *Store) Sessions(interval time.Duration) *Sessions {
	ss := &Sessions{db: s.db, w: s.writer(), stop: make(chan struct{}), done: make(chan struct{})}
	go ss.sweep(interval)
	return ss
}

func hashSessionToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// FindCtx returns the data of an unexpired session.
func (ss *Sessions) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	var b []byte
	err := ss.db.QueryRowContext(ctx,
		`SELECT data FROM sessions WHERE token_hash = ? AND expiry > ?`,
		hashSessionToken(token), unixFloat(time.Now())).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return b, true, nil
}

// touchSlack is how far a session's idle expiry may lag before it is
// written again. With an idle timeout scs commits the session on every
// request; skipping unchanged sessions whose expiry moved less than this
// keeps a page view from costing a synchronous write.
const touchSlack = time.Minute

// CommitCtx saves a session, unless only its idle expiry moved, and by less
// than touchSlack.
func (ss *Sessions) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	var old []byte
	var oldExpiry float64
	err := ss.db.QueryRowContext(ctx, `SELECT data, expiry FROM sessions WHERE token_hash = ?`, hashSessionToken(token)).Scan(&old, &oldExpiry)
	if err == nil && bytes.Equal(old, b) && unixFloat(expiry)-oldExpiry < touchSlack.Seconds() && unixFloat(expiry) >= oldExpiry {
		return nil
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	_, err = ss.w.ExecContext(ctx,
		`INSERT INTO sessions (token_hash, data, expiry) VALUES (?, ?, ?)
		 ON CONFLICT (token_hash) DO UPDATE SET data = excluded.data, expiry = excluded.expiry`,
		hashSessionToken(token), b, unixFloat(expiry))
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
			_, _ = ss.w.ExecContext(context.Background(), `DELETE FROM sessions WHERE expiry <= ?`, unixFloat(time.Now()))
		}
	}
}

func unixFloat(t time.Time) float64 { return float64(t.UnixNano()) / 1e9 }
