package model

// Email is one message Puente sends: a plain-text body to one address. It
// never holds a person's name, an A-number or an address (issue 14): only
// counts, case codes and links, which is what package mail writes.
type Email struct {
	To      string `json:"to"`
	Subject string `json:"subject"`
	Body    string `json:"body"`
}

// EmailKind says why a message was sent; the admin's page counts by it.
type EmailKind string

// The kinds of message.
const (
	EmailInvitation EmailKind = "invitation"
	EmailReset      EmailKind = "reset"
	EmailDigest     EmailKind = "digest"
	// EmailPlacementClosed tells a group's coordinators that their
	// placement network closed a placement (a case code and the reason).
	EmailPlacementClosed EmailKind = "placement_closed"
)

// Digest is how often a person wants a digest of their groups' cases.
type Digest string

// The digest choices; DigestNone is the default.
const (
	DigestNone   Digest = "none"
	DigestDaily  Digest = "daily"
	DigestWeekly Digest = "weekly"
)

// ValidDigest reports whether d is one of the choices.
func ValidDigest(d Digest) bool { return d == DigestNone || d == DigestDaily || d == DigestWeekly }
