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
