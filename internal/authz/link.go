package authz

import "puente/internal/model"

// LinkLive reports whether a bearer link may be used now, given the facts
// of this moment (SECURITY.md, "Authority at the moment of use"). A link is
// a capability its issuer handed out; it works only while
//
//   - its issuer still holds the authority the link needed, over every
//     organisation the link reaches today, and
//   - the account it acts on has gained no organisation and no higher role
//     since it was issued (a link made for a member must not reach the
//     network admin that member has since become).
//
// Per kind:
//
//   - reset: the issuer manages every organisation the account belongs to
//     today (CanManageUser), and the account has not grown.
//   - invitation: the issuer may still invite into the organisation with
//     the role (CanInvite: a network admin's invitation into a group dies
//     once the group has its own coordinator). An invitation does not act
//     on an existing account (accepting it needs that account's password),
//     so it has no growth check; but an invitation issued through network
//     authority cannot be accepted by the network's own staff, who would
//     otherwise let themselves into the group's cases.
//   - api_token: the network's admin who created it is still one
//     (ManageAPITokens on the network); an admin who left takes their
//     tokens' authority with them.
//   - feed: the owner is issuer and target; the feed shows only the groups
//     the owner belongs to today, so the check is that the owner has not
//     grown (a feed made by a member shows nothing of a group joined later
//     unless a new feed is made).
//
// Unknown kinds and links whose issuer is gone are dead.
func LinkLive(f model.LinkFacts) bool {
	if f.IssuerID == "" {
		return false
	}
	issuer := Viewer{UserID: f.IssuerID, Memberships: f.Issuer}
	switch f.Kind {
	case model.LinkReset:
		return f.TargetID != "" && CanManageUser(issuer, f.Target) && !Grown(f.AtIssue, f.Target)
	case model.LinkInvitation:
		if !CanInvite(issuer, f.Org, f.Role) {
			return false
		}
		if own, _ := issuer.RoleIn(f.Org.ID); own != model.ManagerRole(f.Org.Kind) && f.Org.NetworkID != "" {
			for _, m := range f.Target {
				if m.OrgID == f.Org.NetworkID {
					return false
				}
			}
		}
		return true
	case model.LinkFeed:
		return f.TargetID == f.IssuerID && !Grown(f.AtIssue, f.Target)
	case model.LinkAPIToken:
		return Can(issuer, ManageAPITokens, f.Org)
	}
	return false
}

// Grown reports whether now holds an organisation then did not, or a
// higher role in one (model.RoleRank). Losing roles is not growth.
func Grown(then, now []model.Membership) bool {
	had := make(map[string]model.Role, len(then))
	for _, m := range then {
		had[m.OrgID] = m.Role
	}
	for _, m := range now {
		r, ok := had[m.OrgID]
		if !ok || model.RoleRank(m.OrgKind, m.Role) > model.RoleRank(m.OrgKind, r) {
			return true
		}
	}
	return false
}
