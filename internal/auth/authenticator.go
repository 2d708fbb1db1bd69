package auth

import (
	"context"
	"sync"
	"time"
)

// Authenticator is an authenticator app for programs that sign in as
// people: the load and crash tests, the benchmark and the browser tests.
// Puente accepts each time step's code once per account (replay refused)
// and steps from one before to one after its own, so an account can sign
// in about three times at once and then once per 30 s. Authenticator hands
// out each step once per account, the earliest still accepted first, and
// waits for the next step when it has used all it may, as a person would.
// It assumes it runs on the server's clock. Safe for concurrent use.
type Authenticator struct {
	// Now is the clock (nil: time.Now).
	Now func() time.Time

	mu    sync.Mutex
	last  map[string]int64       // by account: the last step handed out
	turns map[string]*sync.Mutex // by account: held while a code is sent (Use)
}

// edge is how close to a step's end the step before it is no longer
// offered: the request might reach the server in the next step, when that
// code is two steps old and refused.
const edge = 3 * time.Second

// Code returns a code of secret for account (any name the caller keys
// accounts by) that the server has not been given yet, waiting up to about
// one step if the account has used every step the server accepts now. It
// fails only when ctx ends first or secret is not a key.
func (a *Authenticator) Code(ctx context.Context, account, secret string) (string, error) {
	for {
		step, wait := a.next(account)
		if wait == 0 {
			return TOTPCode(secret, step)
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return "", ctx.Err()
		case <-t.C:
		}
	}
}

// Use calls send with a code of secret for account, as Code gives, while
// no other caller of Use for the same account holds one: the server sees
// an account's codes in the order they were handed out. (Sent out of
// order, a later step would arrive first and make the earlier one a
// replay.) It returns send's error.
func (a *Authenticator) Use(ctx context.Context, account, secret string, send func(code string) error) error {
	a.mu.Lock()
	if a.turns == nil {
		a.turns = map[string]*sync.Mutex{}
	}
	turn, ok := a.turns[account]
	if !ok {
		turn = &sync.Mutex{}
		a.turns[account] = turn
	}
	a.mu.Unlock()
	turn.Lock()
	defer turn.Unlock()
	code, err := a.Code(ctx, account, secret)
	if err != nil {
		return err
	}
	return send(code)
}

// Seen records that account used step elsewhere (a code typed from
// another app), so that no code of that step or an earlier one is handed
// out for it.
func (a *Authenticator) Seen(account string, step int64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.last == nil {
		a.last = map[string]int64{}
	}
	a.last[account] = max(a.last[account], step)
}

// next claims a step for account, or says how long to wait for one.
func (a *Authenticator) next(account string) (step int64, wait time.Duration) {
	now := time.Now()
	if a.Now != nil {
		now = a.Now()
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.last == nil {
		a.last = map[string]int64{}
	}
	cur := TOTPStep(now)
	end := time.Unix((cur+1)*int64(TOTPPeriod/time.Second), 0)
	lowest := cur - TOTPSkew
	if end.Sub(now) < edge {
		lowest = cur
	}
	step = max(a.last[account]+1, lowest)
	if step > cur+TOTPSkew {
		// The server accepts step once its own step is step-1.
		return 0, max(time.Unix((step-TOTPSkew)*int64(TOTPPeriod/time.Second), 0).Sub(now), 50*time.Millisecond)
	}
	a.last[account] = step
	return step, 0
}
