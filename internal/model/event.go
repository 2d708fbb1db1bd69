package model

import "time"

// EventKind names an entry in the security log.
type EventKind string

// Security log entries.
const (
	EventSignin             EventKind = "signin"
	EventSigninFailed       EventKind = "signin_failed"
	EventLockout            EventKind = "lockout"
	EventSignout            EventKind = "signout"
	EventInvitationIssued   EventKind = "invitation_issued"
	EventInvitationAccepted EventKind = "invitation_accepted"
	EventInvitationRevoked  EventKind = "invitation_revoked"
	EventRoleChanged        EventKind = "role_changed"
	EventMemberRemoved      EventKind = "member_removed"
	EventResetIssued        EventKind = "reset_issued"
	EventResetUsed          EventKind = "reset_used"
	EventPasswordChanged    EventKind = "password_changed"
	EventGroupCreated       EventKind = "group_created"
	EventSetup              EventKind = "setup"
	// EventLinkRefused: a bearer link was used after its issuer lost the
	// authority it needed or its target gained a role; Detail is the LinkKind.
	EventLinkRefused EventKind = "link_refused"
	// EventResetRevoked: a password-reset link was withdrawn before use.
	EventResetRevoked EventKind = "reset_revoked"
	// Two-factor sign-in (issue 14). Enabled, disabled, failed, a recovery
	// code used and new recovery codes are the account's own events (no
	// organisation); a reset by a coordinator names the organisation it
	// was done from. EventTwoFactorFailed's Detail is "replay" for a code
	// already used, "recovery" for a wrong recovery code, else empty;
	// EventRecoveryCodeUsed's is "left:N", the codes still unused.
	EventTwoFactorEnabled     EventKind = "two_factor_enabled"
	EventTwoFactorDisabled    EventKind = "two_factor_disabled"
	EventTwoFactorReset       EventKind = "two_factor_reset"
	EventTwoFactorFailed      EventKind = "two_factor_failed"
	EventRecoveryCodeUsed     EventKind = "recovery_code_used"
	EventRecoveryCodesRenewed EventKind = "recovery_codes_renewed"
	// EventTwoFactorRequired: an organisation's managers turned the
	// requirement for everyone on or off; Detail is "on" or "off".
	EventTwoFactorRequired EventKind = "two_factor_required"
)

// Event is one security log entry. OrgID is empty for account events (sign-ins).
// Detail never holds personal data: role names, organisation names at most.
type Event struct {
	ID          int64
	At          time.Time
	Kind        EventKind
	OrgID       string
	ActorID     string
	ActorName   string
	SubjectID   string
	SubjectName string
	Detail      string
	IP          string
}
