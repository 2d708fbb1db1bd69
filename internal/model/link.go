package model

import (
	"sort"
	"strings"
	"time"
)

// LinkKind names a kind of bearer link: a URL whose secret token is its
// holder's only credential. Each kind is a capability, checked when it is
// used (SECURITY.md, "Authority at the moment of use").
type LinkKind string

// The kinds of bearer link. A new kind (a placement offer, an export link)
// joins this list, gives authz.LinkLive its rule, and is redeemed through
// the store's link checks like these.
const (
	LinkReset      LinkKind = "reset"
	LinkInvitation LinkKind = "invitation"
	LinkFeed       LinkKind = "feed"
)

// LinkFacts is everything deciding whether a bearer link still works needs,
// read in the transaction that uses the link: the facts of that moment,
// never those of the day it was issued (except AtIssue, kept for comparison).
type LinkFacts struct {
	Kind LinkKind
	// Org is the organisation the link was issued in: the one an invitation
	// joins, the one a reset link was issued from. Zero for feeds.
	Org Org
	// Role is the role an invitation grants; empty for other kinds.
	Role Role
	// IssuerID is who issued the link; empty if that account is gone.
	IssuerID string
	// Issuer is the issuer's memberships today.
	Issuer []Membership
	// TargetID is the account the link acts on (a reset's account, a feed's
	// owner, the existing account accepting an invitation); empty when
	// there is none yet (an invitation for a new address).
	TargetID string
	// Target is the target's memberships today.
	Target []Membership
	// AtIssue is the target's memberships when the link was issued (OrgID
	// and Role only).
	AtIssue []Membership
}

// EncodeRoles is the stored form of a snapshot of memberships: "org:role"
// entries, sorted, joined by ",". The database triggers of migration 004
// write the same form (unsorted); ParseRoles reads both.
func EncodeRoles(ms []Membership) string {
	parts := make([]string, 0, len(ms))
	for _, m := range ms {
		parts = append(parts, m.OrgID+":"+string(m.Role))
	}
	sort.Strings(parts)
	return strings.Join(parts, ",")
}

// ParseRoles reads a snapshot written by EncodeRoles or the triggers.
// Malformed entries are skipped: a missing entry can only make a link
// look grown (and so dead), never alive.
func ParseRoles(s string) []Membership {
	var out []Membership
	for _, part := range strings.Split(s, ",") {
		org, role, ok := strings.Cut(part, ":")
		if !ok || org == "" || role == "" {
			continue
		}
		out = append(out, Membership{OrgID: org, Role: Role(role)})
	}
	return out
}

// Reset is a one-time password-reset link, as its holder and the
// organisation it was issued from see it.
type Reset struct {
	ID           string
	UserID       string
	Email        string
	Name         string
	OrgID        string
	IssuedBy     string
	IssuedByName string
	CreatedAt    time.Time
	ExpiresAt    time.Time
}
