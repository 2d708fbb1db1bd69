package model

import "time"

// User is a person with an account.
type User struct {
	ID           string
	Email        string
	Name         string
	PasswordHash string
	Lang         string // "" (follow the browser) or a language of the locale files ("en", "es", …)
	SessionEpoch int64
	// TwoFactor: the account signs in with a code from an authenticator app
	// after its password (its key is confirmed, not only shown).
	TwoFactor bool
	CreatedAt time.Time
}

// Member is a person as listed in one organisation.
type Member struct {
	UserID string
	Name   string
	Email  string
	Role   Role
	Since  time.Time
	// TwoFactor is User.TwoFactor of the person.
	TwoFactor bool
}

// Invitation is a one-time link that lets a person join an organisation.
type Invitation struct {
	ID        string
	OrgID     string
	OrgKind   OrgKind
	OrgName   string
	Email     string
	Role      Role
	InvitedBy string
	// InvitedByName is the inviter's name, for the list of pending invitations.
	InvitedByName string
	CreatedAt     time.Time
	ExpiresAt     time.Time
	AcceptedAt    time.Time
	RevokedAt     time.Time
}

// Pending reports whether the invitation can still be accepted at now.
func (i Invitation) Pending(now time.Time) bool {
	return i.AcceptedAt.IsZero() && i.RevokedAt.IsZero() && now.Before(i.ExpiresAt)
}

// InvitationTTL is how long an invitation link stays valid.
const InvitationTTL = 7 * 24 * time.Hour

// ResetTTL is how long a password-reset link stays valid.
const ResetTTL = 24 * time.Hour

// TwoFactorState is where an account stands with two-factor sign-in.
type TwoFactorState struct {
	// Enabled: sign-in asks for a code after the password.
	Enabled   bool
	EnabledAt time.Time
	// Pending: a key was made and shown, and waits for its first code.
	Pending bool
	// RecoveryLeft is how many recovery codes are still unused.
	RecoveryLeft int
}

// TwoFactorProof is what a person gave to show they hold their second
// factor: a code from their authenticator app, as the time step it matched
// (Step > 0), or one of their recovery codes, as its stored hash.
type TwoFactorProof struct {
	Step         int64
	RecoveryHash string
}
