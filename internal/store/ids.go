package store

import "puente/internal/auth"

// newID returns a random object id: never guessable, never personal data.
func newID() string { return auth.NewID() }
