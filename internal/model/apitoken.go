package model

import "time"

// APIToken is a network's token for structured intake (POST
// /api/v1/intake, issue 13). Only its hash is stored; Prefix is its first
// characters, shown so that people can tell their tokens apart.
type APIToken struct {
	ID            string
	NetworkID     string
	Name          string
	Prefix        string
	CreatedBy     string
	CreatedByName string
	CreatedAt     time.Time
	LastUsedAt    time.Time // zero: never used
	RevokedAt     time.Time // zero: live
}

// Live reports whether the token has not been revoked.
func (t APIToken) Live() bool { return t.RevokedAt.IsZero() }

// LinkAPIToken is the link kind of an API token refused at use (the
// security log's link_refused detail).
const LinkAPIToken LinkKind = "api_token"

// The security log's API token events; Detail is the token's name.
const (
	EventAPITokenCreated EventKind = "api_token_created"
	EventAPITokenRevoked EventKind = "api_token_revoked"
)

// APITokenPrefix starts every API token, so that a secret scanner (and a
// person) can recognise one.
const APITokenPrefix = "pnt_"
