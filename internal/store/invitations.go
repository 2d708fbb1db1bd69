package store

import (
	"context"
	"database/sql"
	"errors"

	"puente/internal/model"
)

// invCols are read FROM invitations i JOIN organisations o LEFT JOIN users iu
// (the inviter); invFrom is that clause.
const invCols = `i.id, i.org_id, i.org_kind, o.name, i.email, i.role, coalesce(i.invited_by, ''), coalesce(iu.name, ''),
	i.created_at, i.expires_at, i.accepted_at, i.revoked_at`

const invFrom = `invitations i JOIN organisations o ON o.id = i.org_id LEFT JOIN users iu ON iu.id = i.invited_by`

func scanInvitation(row interface{ Scan(...any) error }) (model.Invitation, error) {
	var inv model.Invitation
	var created, expires string
	var accepted, revoked sql.NullString
	if err := row.Scan(&inv.ID, &inv.OrgID, &inv.OrgKind, &inv.OrgName, &inv.Email, &inv.Role, &inv.InvitedBy, &inv.InvitedByName,
		&created, &expires, &accepted, &revoked); err != nil {
		return model.Invitation{}, translate(err)
	}
	inv.CreatedAt, inv.ExpiresAt = parseTS(created), parseTS(expires)
	inv.AcceptedAt, inv.RevokedAt = parseNullTS(accepted), parseNullTS(revoked)
	return inv, nil
}

// CreateInvitation records an invitation into org whose link token hashes to
// tokenHash, valid for model.InvitationTTL.
func (s *Store) CreateInvitation(ctx context.Context, org model.Org, email string, role model.Role, tokenHash, actorID, ip string) (model.Invitation, error) {
	now := s.now()
	inv := model.Invitation{ID: newID(), OrgID: org.ID, OrgKind: org.Kind, OrgName: org.Name, Email: email, Role: role,
		InvitedBy: actorID, CreatedAt: now, ExpiresAt: now.Add(model.InvitationTTL)}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := s.in(tx).ExecContext(ctx, `
			INSERT INTO invitations (id, token_hash, org_id, org_kind, email, role, invited_by, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			inv.ID, tokenHash, org.ID, org.Kind, email, role, nullStr(actorID), ts(inv.CreatedAt), ts(inv.ExpiresAt))
		if err != nil {
			return translate(err)
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventInvitationIssued, OrgID: org.ID, ActorID: actorID,
			Detail: string(role), IP: ip})
	})
	return inv, err
}

// PendingInvitations lists org's invitations that can still be accepted,
// newest first, with who issued them.
func (s *Store) PendingInvitations(ctx context.Context, orgID string) ([]model.Invitation, error) {
	rows, err := s.rd().QueryContext(ctx, `
		SELECT `+invCols+` FROM `+invFrom+`
		WHERE i.org_id = ? AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > ?
		ORDER BY i.created_at DESC`, orgID, ts(s.now()))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Invitation
	for rows.Next() {
		inv, err := scanInvitation(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, inv)
	}
	return out, rows.Err()
}

// InvitationByToken returns the pending invitation whose token hashes to
// tokenHash, if check still allows it today. Used, revoked, expired and
// unknown tokens all answer model.ErrNotFound: the holder of a dead link
// learns nothing. So does a link check refuses, after the refusal is
// written to the security log (from ip) and the invitation revoked.
func (s *Store) InvitationByToken(ctx context.Context, tokenHash, ip string, check LinkCheck) (model.Invitation, error) {
	var inv model.Invitation
	var refused bool
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		if inv, err = s.pendingInvitation(ctx, tx, tokenHash); err != nil {
			return err
		}
		refused, err = s.checkInvitationTx(ctx, tx, inv, "", ip, check)
		return err
	})
	if err := afterLink(refused, err); err != nil {
		return model.Invitation{}, err
	}
	return inv, nil
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (s *Store) pendingInvitation(ctx context.Context, q querier, tokenHash string) (model.Invitation, error) {
	inv, err := scanInvitation(q.QueryRowContext(ctx, `
		SELECT `+invCols+` FROM `+invFrom+`
		WHERE i.token_hash = ?`, tokenHash))
	if err != nil {
		return model.Invitation{}, err
	}
	if !inv.Pending(s.now()) {
		return model.Invitation{}, model.ErrNotFound
	}
	return inv, nil
}

// checkInvitationTx applies check to inv with today's facts; accepterID is
// the existing account accepting it, if any. It reports whether the
// invitation was refused (and then revoked and logged).
func (s *Store) checkInvitationTx(ctx context.Context, tx *sql.Tx, inv model.Invitation, accepterID, ip string, check LinkCheck) (bool, error) {
	org, err := orgTx(ctx, tx, inv.OrgID)
	if err != nil {
		return false, err
	}
	f := model.LinkFacts{Kind: model.LinkInvitation, Org: org, Role: inv.Role, IssuerID: inv.InvitedBy, TargetID: accepterID}
	ok, err := s.checkLinkTx(ctx, tx, f, check, ip, func() error {
		_, err := s.in(tx).ExecContext(ctx, `UPDATE invitations SET revoked_at = ? WHERE id = ?`, ts(s.now()), inv.ID)
		return err
	})
	return !ok, err
}

// AcceptInvitation checks the invitation against today's facts (as
// InvitationByToken, now knowing who accepts it) and consumes it. If no
// account has its email, one is created with name and passwordHash; if one
// exists, existingUserID must be that account (the caller checked its
// password) and it gains the membership. A person already in the
// organisation keeps their current role.
func (s *Store) AcceptInvitation(ctx context.Context, tokenHash, name, passwordHash, existingUserID, ip string, check LinkCheck) (model.User, error) {
	var u model.User
	var refused bool
	err := s.tx(ctx, func(tx *sql.Tx) error {
		inv, err := s.pendingInvitation(ctx, tx, tokenHash)
		if err != nil {
			return err
		}
		u, err = scanUser(s.in(tx).QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE email = ?`, inv.Email))
		switch {
		case errors.Is(err, model.ErrNotFound):
			if existingUserID != "" {
				return model.ErrNotFound
			}
		case err != nil:
			return err
		case u.ID != existingUserID:
			// The email belongs to an account whose password was not checked.
			return model.ErrForbidden
		}
		if refused, err = s.checkInvitationTx(ctx, tx, inv, existingUserID, ip, check); err != nil || refused {
			return err
		}
		if u.ID == "" {
			if u, err = s.createUserTx(ctx, tx, inv.Email, name, passwordHash); err != nil {
				return err
			}
		}
		org := model.Org{ID: inv.OrgID, Kind: inv.OrgKind}
		if err := s.addMemberTx(ctx, tx, u.ID, org, inv.Role); err != nil && !errors.Is(err, model.ErrConflict) {
			return err
		}
		if _, err := s.in(tx).ExecContext(ctx, `UPDATE invitations SET accepted_at = ?, accepted_by = ? WHERE id = ?`,
			ts(s.now()), u.ID, inv.ID); err != nil {
			return err
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventInvitationAccepted, OrgID: inv.OrgID, ActorID: u.ID,
			SubjectID: u.ID, Detail: string(inv.Role), IP: ip})
	})
	if err := afterLink(refused, err); err != nil {
		return model.User{}, err
	}
	return u, nil
}

// RevokeInvitation cancels a pending invitation of org.
func (s *Store) RevokeInvitation(ctx context.Context, orgID, invID, actorID, ip string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := s.in(tx).ExecContext(ctx, `UPDATE invitations SET revoked_at = ?
			WHERE id = ? AND org_id = ? AND accepted_at IS NULL AND revoked_at IS NULL`, ts(s.now()), invID, orgID)
		if err := mustAffect(res, err); err != nil {
			return err
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventInvitationRevoked, OrgID: orgID, ActorID: actorID, IP: ip})
	})
}
