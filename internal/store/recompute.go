package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"puente/internal/deadline"
)

// deadlinesFormat changes whenever what a stored deadline row holds
// changes, so that a new release rewrites every row even when the rules
// did not change (2: met_on, and sealed dates in due_enc; 3: the case's
// next_due, written with its deadlines).
const deadlinesFormat = 3

// rulesFingerprint identifies the rule set's content and the row format:
// 16 hex digits (64 bits of SHA-256), stored in meta 'rules_version'.
func rulesFingerprint(rs *deadline.RuleSet) string {
	h := sha256.New()
	fmt.Fprintf(h, "format %d\n", deadlinesFormat)
	for _, r := range rs.Rules() {
		fmt.Fprintf(h, "%s|%s|%s|%s|%s|%s|%v|%s\n", r.ID, r.Kind, r.Trigger, r.Counting, r.EffectiveFrom, r.EffectiveTo,
			r.CoversOpen, r.MetBy)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// nextDueFrom is a case's next due date (migration 012) as a one-row
// subquery over its deadlines (case ?1): the earliest date of its "due by"
// deadlines that no recorded fact met and nobody marked done or not
// applicable, overdue ones included; NULL when there is none. Only "due by"
// dates are tasks with a due state (deadline.State.Counts): windows,
// expiries, information and appointments never are, and a date sealed
// because it is computed from a secret (due NULL) never feeds it.
const nextDueFrom = `(SELECT min(d.due) AS due FROM deadlines d
		LEFT JOIN marks m ON m.case_id = d.case_id AND m.key = d.key
		WHERE d.case_id = ?1 AND d.kind = 'due_by' AND d.due IS NOT NULL AND d.met_on IS NULL
		  AND coalesce(m.state, 'open') = 'open') n`

// nextDueTx rewrites the case's next_due from its stored deadlines and
// marks, when it changed; every transaction that changes either calls it.
func (s *Store) nextDueTx(ctx context.Context, tx *sql.Tx, caseID string) error {
	_, err := s.in(tx).ExecContext(ctx, `UPDATE cases SET next_due = n.due FROM `+nextDueFrom+`
		WHERE cases.id = ?1 AND cases.next_due IS NOT n.due`, caseID)
	return err
}

// RecomputeStatus says how far the background recomputation of deadlines
// after a rule change is (see SyncRules).
type RecomputeStatus struct {
	// Running is true from SyncRules until every open case is done.
	Running bool
	// Done of Total open cases have been recomputed (Total is counted when
	// the pass starts).
	Done, Total int
	// Elapsed is the pass's running time so far, or its whole time.
	Elapsed time.Duration
	// Err is why the pass stopped early, if it did.
	Err error
}

// recomputer is the state of the background pass. The pass walks the open
// cases in id order and records, in the transaction of each batch, how far
// it got (meta 'rules_pass': the rules' fingerprint and the last case
// id), so that a case's place in the walk says whether it is done, without
// a write to every case, and a restart carries on where it stopped.
type recomputer struct {
	// stale is set while some case may hold deadlines computed with other
	// rules: from a SyncRules that found them until a pass completes.
	stale atomic.Bool
	mu    sync.Mutex
	st    RecomputeStatus
	// after is the last case id the pass has committed; cases at or before
	// it are done, and so are those in onTheSpot (EnsureCurrent).
	after     string
	onTheSpot map[string]bool
	start     time.Time
	stop      context.CancelFunc
	done      chan struct{}
	// beforeBatch, when set (tests), runs before each batch's transaction.
	beforeBatch func()
}

// recomputeBatch is how many cases one transaction recomputes: large
// enough that the commit's fsync is a small part of the time, small enough
// that other writers wait at most a fraction of a second for the lock.
const recomputeBatch = 50

// SyncRules compares the rules the stored deadlines were computed with
// (one read of meta 'rules_version') with this binary's. When they differ
// (a new release changed a rule or the row format) it starts recomputing
// every open case in the background and returns true; RecomputeStatus
// follows it, WaitRecompute waits for it, and Close stops it (the next
// start carries on where it stopped). It never makes the caller wait for
// the cases, however many there are.
func (s *Store) SyncRules(ctx context.Context) (bool, error) {
	var have, pass []byte
	err := s.rd().QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'rules_version'`).Scan(&have)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, err
	}
	if string(have) == s.rulesFP {
		return false, nil
	}
	err = s.rd().QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'rules_pass'`).Scan(&pass)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, err
	}
	r := &s.recompute
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.st.Running {
		return true, nil
	}
	r.after, r.onTheSpot = "", map[string]bool{}
	if fp, after, ok := strings.Cut(string(pass), " "); ok && fp == s.rulesFP {
		r.after = after // an interrupted pass for these rules
	}
	r.stale.Store(true)
	bg, cancel := context.WithCancel(context.Background())
	r.stop, r.done, r.start = cancel, make(chan struct{}), time.Now()
	r.st = RecomputeStatus{Running: true}
	go s.recomputeAll(bg)
	return true, nil
}

// recomputeAll is the background pass: batches of open cases in id order
// from where a previous pass for the same rules stopped, each batch one
// transaction with its place in meta, then the new version in meta.
func (s *Store) recomputeAll(ctx context.Context) {
	r := &s.recompute
	r.mu.Lock()
	after := r.after
	r.mu.Unlock()
	err := func() error {
		var total int
		if err := s.rd().QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE id > ? AND closed_at IS NULL`, after).Scan(&total); err != nil {
			return err
		}
		r.mu.Lock()
		r.st.Total = total
		r.mu.Unlock()
		for {
			if r.beforeBatch != nil {
				r.beforeBatch()
			}
			ids, err := s.openCasesAfter(ctx, after, recomputeBatch)
			if err != nil || len(ids) == 0 {
				return err
			}
			err = s.tx(ctx, func(tx *sql.Tx) error {
				for _, id := range ids {
					if err := s.recomputeTx(ctx, tx, id); err != nil {
						return fmt.Errorf("case %s: %w", id, err)
					}
				}
				_, err := s.in(tx).ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('rules_pass', ?)
					ON CONFLICT (key) DO UPDATE SET value = excluded.value`, []byte(s.rulesFP+" "+ids[len(ids)-1]))
				return err
			})
			if err != nil {
				return err
			}
			after = ids[len(ids)-1]
			r.mu.Lock()
			r.after = after
			r.st.Done = min(r.st.Done+len(ids), r.st.Total)
			r.mu.Unlock()
		}
	}()
	if err == nil {
		err = s.tx(ctx, func(tx *sql.Tx) error {
			_, err := s.in(tx).ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('rules_version', ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, []byte(s.rulesFP))
			if err == nil {
				_, err = s.in(tx).ExecContext(ctx, `DELETE FROM meta WHERE key = 'rules_pass'`)
			}
			return err
		})
	}
	r.mu.Lock()
	r.st.Running, r.st.Err, r.st.Elapsed = false, err, time.Since(r.start)
	if err == nil {
		r.st.Done = r.st.Total
		r.stale.Store(false)
	}
	close(r.done)
	r.mu.Unlock()
}

// openCasesAfter lists up to n open cases after id after, in id order.
func (s *Store) openCasesAfter(ctx context.Context, after string, n int) ([]string, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT id FROM cases WHERE id > ? AND closed_at IS NULL ORDER BY id LIMIT +?`, after, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// RecomputeStatus reports the background pass (the zero value when none
// ran).
func (s *Store) RecomputeStatus() RecomputeStatus {
	r := &s.recompute
	r.mu.Lock()
	defer r.mu.Unlock()
	st := r.st
	if st.Running {
		st.Elapsed = time.Since(r.start)
	}
	return st
}

// WaitRecompute waits until the background pass ends or ctx does, and
// returns its status.
func (s *Store) WaitRecompute(ctx context.Context) RecomputeStatus {
	r := &s.recompute
	r.mu.Lock()
	done := r.done
	r.mu.Unlock()
	if done != nil {
		select {
		case <-done:
		case <-ctx.Done():
		}
	}
	return s.RecomputeStatus()
}

// stopRecompute ends the background pass, for Close: what it has done is
// committed, and the next start carries on.
func (s *Store) stopRecompute() {
	r := &s.recompute
	r.mu.Lock()
	stop, done := r.stop, r.done
	r.mu.Unlock()
	if stop != nil {
		stop()
		<-done
	}
}

// EnsureCurrent recomputes a case's stored deadlines now if a rule change
// is still being applied in the background and the pass has not reached
// this case: a page that opens the case shows, and lists after it count,
// this binary's dates. Without a pending pass it costs nothing.
func (s *Store) EnsureCurrent(ctx context.Context, caseID string) error {
	r := &s.recompute
	if !r.stale.Load() {
		return nil
	}
	r.mu.Lock()
	done := caseID <= r.after || r.onTheSpot[caseID]
	r.mu.Unlock()
	if done {
		return nil
	}
	if err := s.tx(ctx, func(tx *sql.Tx) error { return s.recomputeTx(ctx, tx, caseID) }); err != nil {
		return err
	}
	r.mu.Lock()
	r.onTheSpot[caseID] = true
	r.mu.Unlock()
	return nil
}

// RulesVersion is the fingerprint of the rules the stored deadlines were
// computed with, as recorded ("" before any was), for the data generator's
// report and tests.
func (s *Store) RulesVersion(ctx context.Context) (string, error) {
	var v []byte
	err := s.rd().QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'rules_version'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return string(v), err
}
