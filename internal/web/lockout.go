package web

import (
	"net/http"
	"strings"
	"time"

	"puente/internal/model"
)

// knownAddressDays is how far back a sign-in from an address makes it one
// of the account's usual addresses, which the account-wide lock-out
// ceiling never refuses (auth.Lockout).
const knownAddressDays = 90

// allowPasswordCheck applies the lock-out to a password check on the
// account with email (u when it exists) from the request's address; it
// returns the 429 to answer, or nil. The first refusal of a known account
// is written to the security log.
func (s *Server) allowPasswordCheck(r *http.Request, u model.User, email string) error {
	ctx := r.Context()
	ip := s.clientIP(r)
	now := s.now()
	known := false
	if u.ID != "" {
		var err error
		if known, err = s.store.SignedInFrom(ctx, u.ID, ip, now.Add(-knownAddressDays*24*time.Hour)); err != nil {
			return err
		}
	}
	ok, retry, first := s.acctLimit.Allow(strings.ToLower(email), ip, known, now)
	if ok {
		return nil
	}
	if first && u.ID != "" {
		if err := s.store.RecordEvent(ctx, model.Event{Kind: model.EventLockout, SubjectID: u.ID, IP: ip}); err != nil {
			return err
		}
	}
	return errThrottled(retry)
}
