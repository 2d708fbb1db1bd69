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

// checkPassword checks password against u's hash (u may be the zero User
// of an unknown email, which costs the same hash and never matches) under
// the lock-out for email. Only a wrong password counts against it: a right
// one takes its check back (SECURITY.md's figures bound failures). err is
// a failure or the 429 to answer.
func (s *Server) checkPassword(r *http.Request, u model.User, email, password string) (bool, error) {
	refund, err := s.allowPasswordCheck(r, u, email)
	if err != nil {
		return false, err
	}
	match, err := s.hasher.Verify(r.Context(), u.PasswordHash, password)
	if err != nil {
		return false, err
	}
	if match {
		refund()
	}
	return match, nil
}

// allowPasswordCheck applies the lock-out to a password check on the
// account with email (u when it exists) from the request's address; it
// returns the 429 to answer, or nil and a func that takes the check back
// when it succeeds. The first refusal of a known account is written to the
// security log.
func (s *Server) allowPasswordCheck(r *http.Request, u model.User, email string) (refund func(), err error) {
	ctx := r.Context()
	ip := s.clientIP(r)
	now := s.now()
	known := false
	if u.ID != "" {
		var err error
		if known, err = s.store.SignedInFrom(ctx, u.ID, ip, now.Add(-knownAddressDays*24*time.Hour)); err != nil {
			return nil, err
		}
	}
	account := strings.ToLower(email)
	ok, retry, first := s.acctLimit.Allow(account, ip, known, now)
	if ok {
		return func() { s.acctLimit.Refund(account, ip, known, now) }, nil
	}
	if first && u.ID != "" {
		if err := s.store.RecordEvent(ctx, model.Event{Kind: model.EventLockout, SubjectID: u.ID, IP: ip}); err != nil {
			return nil, err
		}
	}
	return nil, errThrottled(retry)
}

// allowAttempt applies the per-address allowance of sign-in attempts (any
// account: passwords, codes, invitations) to the request; it returns the
// 429 to answer, or nil and a func that takes the attempt back when it
// succeeds, since only failures count (SECURITY.md: 20 per 10 minutes).
func (s *Server) allowAttempt(r *http.Request) (refund func(), err error) {
	ip, now := s.clientIP(r), s.now()
	if ok, retry, _ := s.ipLimit.Allow(ip, now); !ok {
		return nil, errThrottled(retry)
	}
	return func() { s.ipLimit.Refund(ip, now) }, nil
}
