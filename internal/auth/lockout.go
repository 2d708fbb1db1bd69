package auth

import (
	"sync"
	"time"
)

// Lockout bounds password checks on one account so that guessing is slow
// without letting a stranger lock the owner out (issue 8, section 5).
//
//   - Strictly per account and client address: perAddress checks per
//     window. An attacker exhausts only their own address's allowance.
//   - Loosely per account as a whole: ceiling checks per window, from
//     addresses the account has not signed in from. This bounds guessing
//     spread over many addresses; addresses the owner has used (known)
//     never count against it and are never refused by it, so however many
//     addresses an attacker uses, the owner still signs in from their own.
//
// The per-address limit of sign-in attempts (any account) is a separate
// Throttle. Lockout is safe for concurrent use.
type Lockout struct {
	mu      sync.Mutex
	pair    *Throttle
	account *Throttle
}

// NewLockout allows perAddress checks per account and address, and ceiling
// checks per account from unknown addresses, within window.
func NewLockout(perAddress, ceiling int, window time.Duration) *Lockout {
	return &Lockout{pair: NewThrottle(perAddress, window), account: NewThrottle(ceiling, window)}
}

// Allow records a password check on account (a lower-cased email or an
// account id) from addr at now, and reports whether it may go ahead; known
// says the account has signed in from addr before. When refused, retry is
// how long until a check is allowed again and first says whether this is
// the first refusal of its kind since the last allowed check (log the
// lock-out once). A refused check is not counted.
func (l *Lockout) Allow(account, addr string, known bool, now time.Time) (ok bool, retry time.Duration, first bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	pk := account + "\x00" + addr
	if ok, retry, first = l.pair.check(pk, now); !ok {
		return false, retry, first
	}
	if !known {
		if ok, retry, first = l.account.check(account, now); !ok {
			return false, retry, first
		}
		l.account.record(account, now)
	}
	l.pair.record(pk, now)
	return true, 0, false
}

// Refund takes back the check Allow recorded for account from addr at at
// (with the same known), because the password or code was right: only
// failed checks count against the lock-out (SECURITY.md). A success does
// not reset the failures before it: the figures stay a bound on failed
// checks per window, whoever signs in between them.
func (l *Lockout) Refund(account, addr string, known bool, at time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pair.Refund(account+"\x00"+addr, at)
	if !known {
		l.account.Refund(account, at)
	}
}
