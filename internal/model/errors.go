// Package model holds Puente's domain types, sentinel errors and the pure
// rules about them. It imports only the standard library.
package model

import "errors"

var (
	// ErrNotFound means the object does not exist or is outside the viewer's
	// organisations; callers must not tell the two apart.
	ErrNotFound = errors.New("not found")
	// ErrConflict means a uniqueness rule was broken (an email already taken).
	ErrConflict = errors.New("conflict")
	// ErrForbidden means the viewer may see the object but not do this to it.
	ErrForbidden = errors.New("forbidden")
	// ErrLastManager means the change would leave an organisation without an
	// admin (network) or coordinator (group).
	ErrLastManager = errors.New("organisation needs at least one admin or coordinator")
	// ErrSetupDone means an account already exists, so first-run setup is closed.
	ErrSetupDone = errors.New("setup already done")
	// ErrExpired means a one-time link is past its validity or already used.
	ErrExpired = errors.New("expired")
)
