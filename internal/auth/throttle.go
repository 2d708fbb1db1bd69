package auth

import (
	"sync"
	"time"
)

// Throttle counts attempts per key in a sliding window and says when a key
// has used up its allowance. It is safe for concurrent use.
type Throttle struct {
	limit  int
	window time.Duration

	mu      sync.Mutex
	hits    map[string][]time.Time
	refused map[string]bool // keys refused since their last allowed attempt
	ops     int
}

// NewThrottle allows limit attempts per key within window.
func NewThrottle(limit int, window time.Duration) *Throttle {
	return &Throttle{limit: limit, window: window, hits: make(map[string][]time.Time), refused: make(map[string]bool)}
}

// Allow records an attempt for key at now and reports whether it is within
// the allowance. When it is not, retry says how long until one is free
// again, and first says whether this is the first refusal since the key was
// last allowed (so a lock-out is logged once, not once per attempt).
// Refused attempts are not recorded, so hammering does not extend the wait.
func (t *Throttle) Allow(key string, now time.Time) (ok bool, retry time.Duration, first bool) {
	// Checked and recorded under one hold of the lock: two holds let
	// concurrent callers all pass the check before any recorded (52 of 50).
	t.mu.Lock()
	defer t.mu.Unlock()
	if ok, retry, first = t.checkLocked(key, now); ok {
		delete(t.refused, key)
		t.hits[key] = append(t.hits[key], now)
	}
	return ok, retry, first
}

// check is Allow without recording the attempt.
func (t *Throttle) check(key string, now time.Time) (ok bool, retry time.Duration, first bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.checkLocked(key, now)
}

// checkLocked is check with t.mu held.
func (t *Throttle) checkLocked(key string, now time.Time) (ok bool, retry time.Duration, first bool) {
	t.ops++
	if t.ops%1024 == 0 {
		t.sweep(now)
	}
	hits := prune(t.hits[key], now.Add(-t.window))
	t.hits[key] = hits
	if len(hits) >= t.limit {
		first = !t.refused[key]
		t.refused[key] = true
		return false, hits[0].Add(t.window).Sub(now), first
	}
	return true, 0, false
}

// record counts an attempt for key at now.
func (t *Throttle) record(key string, now time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.refused, key)
	t.hits[key] = append(t.hits[key], now)
}

// Refund takes back one attempt Allow recorded for key at at, because it
// succeeded: SECURITY.md's figures (10 password checks per account per 15
// minutes, 20 sign-in attempts per address per 10 minutes) count failures.
// Allow records first and Refund takes back after the check, so concurrent
// attempts cannot all pass the check before any is counted; a success does
// not otherwise reset the count (failures before it still stand). Refunding
// an attempt that is no longer held (it left the window) does nothing.
func (t *Throttle) Refund(key string, at time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.refundLocked(key, at)
}

// refundLocked is Refund with t.mu held: it drops the latest hit at at.
func (t *Throttle) refundLocked(key string, at time.Time) {
	hits := t.hits[key]
	for i := len(hits) - 1; i >= 0; i-- {
		if hits[i].Equal(at) {
			t.hits[key] = append(hits[:i:i], hits[i+1:]...)
			return
		}
	}
}

// Reset forgets key. Sign-in does not call it: a success takes back only
// its own attempt (Refund), so the failures before it still bound guessing.
func (t *Throttle) Reset(key string) {
	t.mu.Lock()
	delete(t.hits, key)
	delete(t.refused, key)
	t.mu.Unlock()
}

func (t *Throttle) sweep(now time.Time) {
	cut := now.Add(-t.window)
	for k, v := range t.hits {
		if v = prune(v, cut); len(v) == 0 {
			delete(t.hits, k)
			delete(t.refused, k)
		} else {
			t.hits[k] = v
		}
	}
}

func prune(hits []time.Time, cut time.Time) []time.Time {
	i := 0
	for i < len(hits) && !hits[i].After(cut) {
		i++
	}
	return hits[i:]
}
