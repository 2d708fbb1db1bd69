package store

import (
	"context"
	"database/sql"
	"strconv"

	"puente/internal/model"
)

// CreateReset records a one-time password-reset link for userID, issued by
// actorID from org, valid for model.ResetTTL. Earlier unused links for the
// same person stop working: only the newest is live. The person's
// memberships at this moment are kept with the link (a trigger of
// migration 004), so that a role gained later kills it.
func (s *Store) CreateReset(ctx context.Context, tokenHash, userID, orgID, actorID, ip string) error {
	now := s.now()
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := s.in(tx).ExecContext(ctx, `UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL`,
			ts(now), userID); err != nil {
			return err
		}
		if _, err := s.in(tx).ExecContext(ctx, `
			INSERT INTO password_resets (id, token_hash, user_id, issued_by, org_id, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, newID(), tokenHash, userID, nullStr(actorID), orgID, ts(now), ts(now.Add(model.ResetTTL))); err != nil {
			return translate(err)
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventResetIssued, OrgID: orgID, ActorID: actorID, SubjectID: userID, IP: ip})
	})
}

// ResetByToken returns the live reset link whose token hashes to tokenHash,
// if check still allows it today. Used, revoked, expired and unknown links
// answer model.ErrNotFound; so does a link check refuses, after the refusal
// is written to the security log (from ip) and the link revoked.
func (s *Store) ResetByToken(ctx context.Context, tokenHash, ip string, check LinkCheck) (model.Reset, error) {
	var r model.Reset
	var refused bool
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		r, refused, err = s.redeemResetTx(ctx, tx, tokenHash, ip, check)
		return err
	})
	if err := afterLink(refused, err); err != nil {
		return model.Reset{}, err
	}
	return r, nil
}

// redeemResetTx reads the live link and checks it against today's facts.
func (s *Store) redeemResetTx(ctx context.Context, tx *sql.Tx, tokenHash, ip string, check LinkCheck) (model.Reset, bool, error) {
	var r model.Reset
	var created, expires, roles string
	err := s.in(tx).QueryRowContext(ctx, `
		SELECT r.id, u.id, u.email, u.name, r.org_id, coalesce(r.issued_by, ''), r.target_roles, r.created_at, r.expires_at
		FROM password_resets r JOIN users u ON u.id = r.user_id
		WHERE r.token_hash = ? AND r.used_at IS NULL AND r.revoked_at IS NULL`, tokenHash).
		Scan(&r.ID, &r.UserID, &r.Email, &r.Name, &r.OrgID, &r.IssuedBy, &roles, &created, &expires)
	if err != nil {
		return model.Reset{}, false, translate(err)
	}
	r.CreatedAt, r.ExpiresAt = parseTS(created), parseTS(expires)
	if !s.now().Before(r.ExpiresAt) {
		return model.Reset{}, false, model.ErrNotFound
	}
	org, err := orgTx(ctx, tx, r.OrgID)
	if err != nil {
		return model.Reset{}, false, err
	}
	f := model.LinkFacts{Kind: model.LinkReset, Org: org, IssuerID: r.IssuedBy, TargetID: r.UserID, AtIssue: model.ParseRoles(roles)}
	ok, err := s.checkLinkTx(ctx, tx, f, check, ip, func() error {
		_, err := s.in(tx).ExecContext(ctx, `UPDATE password_resets SET revoked_at = ? WHERE id = ?`, ts(s.now()), r.ID)
		return err
	})
	if err != nil {
		return model.Reset{}, false, err
	}
	return r, !ok, nil
}

// UseReset checks the link against today's facts (as ResetByToken), then
// consumes it, sets the new password hash and ends every session of the
// account, its calendar feeds and any other reset link for it: whoever
// had the account before may have been someone else.
func (s *Store) UseReset(ctx context.Context, tokenHash, passwordHash, ip string, check LinkCheck) (model.User, error) {
	var u model.User
	var refused bool
	err := s.tx(ctx, func(tx *sql.Tx) error {
		r, bad, err := s.redeemResetTx(ctx, tx, tokenHash, ip, check)
		if err != nil || bad {
			refused = bad
			return err
		}
		if _, err := s.in(tx).ExecContext(ctx, `UPDATE password_resets SET used_at = ? WHERE id = ?`, ts(s.now()), r.ID); err != nil {
			return err
		}
		u, err = s.setPasswordTx(ctx, tx, r.UserID, passwordHash, model.EventResetUsed, ip)
		return err
	})
	if err := afterLink(refused, err); err != nil {
		return model.User{}, err
	}
	return u, nil
}

// setPasswordTx replaces userID's password hash, ends all their sessions
// (the session epoch), stops their calendar feeds and their other unused
// reset links, and logs kind with the number of feeds stopped. A password
// is changed or reset because the account may have been someone else's
// for a while: nothing that person could have copied keeps working.
func (s *Store) setPasswordTx(ctx context.Context, tx *sql.Tx, userID, hash string, kind model.EventKind, ip string) (model.User, error) {
	now := ts(s.now())
	res, err := s.in(tx).ExecContext(ctx, `UPDATE users SET password_hash = ?, session_epoch = session_epoch + 1 WHERE id = ?`, hash, userID)
	if err := mustAffect(res, err); err != nil {
		return model.User{}, err
	}
	res, err = s.in(tx).ExecContext(ctx, `UPDATE calendar_feeds SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL`, now, userID)
	if err != nil {
		return model.User{}, err
	}
	feeds, err := res.RowsAffected()
	if err != nil {
		return model.User{}, err
	}
	if _, err := s.in(tx).ExecContext(ctx, `UPDATE password_resets SET revoked_at = ? WHERE user_id = ? AND used_at IS NULL AND revoked_at IS NULL`,
		now, userID); err != nil {
		return model.User{}, err
	}
	detail := ""
	if feeds > 0 {
		detail = "feeds:" + strconv.FormatInt(feeds, 10)
	}
	if err := s.recordTx(ctx, tx, model.Event{Kind: kind, ActorID: userID, SubjectID: userID, Detail: detail, IP: ip}); err != nil {
		return model.User{}, err
	}
	return scanUser(s.in(tx).QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE id = ?`, userID))
}

// PendingResets lists the reset links issued from org that can still be
// used (not used, revoked or expired), newest first, with who issued them
// and for whom.
func (s *Store) PendingResets(ctx context.Context, orgID string) ([]model.Reset, error) {
	rows, err := s.rd().QueryContext(ctx, `
		SELECT r.id, u.id, u.email, u.name, r.org_id, coalesce(r.issued_by, ''), coalesce(i.name, ''), r.created_at, r.expires_at
		FROM password_resets r
		JOIN users u ON u.id = r.user_id
		LEFT JOIN users i ON i.id = r.issued_by
		WHERE r.org_id = ? AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > ?
		ORDER BY r.created_at DESC`, orgID, ts(s.now()))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Reset
	for rows.Next() {
		var r model.Reset
		var created, expires string
		if err := rows.Scan(&r.ID, &r.UserID, &r.Email, &r.Name, &r.OrgID, &r.IssuedBy, &r.IssuedByName, &created, &expires); err != nil {
			return nil, err
		}
		r.CreatedAt, r.ExpiresAt = parseTS(created), parseTS(expires)
		out = append(out, r)
	}
	return out, rows.Err()
}

// RevokeReset withdraws a reset link issued from org that was not used yet;
// another organisation's link, or one already used or revoked, answers
// model.ErrNotFound.
func (s *Store) RevokeReset(ctx context.Context, orgID, resetID, actorID, ip string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var userID string
		err := s.in(tx).QueryRowContext(ctx, `SELECT user_id FROM password_resets
			WHERE id = ? AND org_id = ? AND used_at IS NULL AND revoked_at IS NULL`, resetID, orgID).Scan(&userID)
		if err != nil {
			return translate(err)
		}
		if _, err := s.in(tx).ExecContext(ctx, `UPDATE password_resets SET revoked_at = ? WHERE id = ?`, ts(s.now()), resetID); err != nil {
			return err
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventResetRevoked, OrgID: orgID, ActorID: actorID, SubjectID: userID, IP: ip})
	})
}
