package store

import (
	"context"
	"database/sql"

	"puente/internal/model"
)

// CreateReset records a one-time password-reset link for userID, issued by
// actorID from org, valid for model.ResetTTL. Earlier unused links for the
// same person stop working: only the newest is live.
func (s *Store) CreateReset(ctx context.Context, tokenHash, userID, orgID, actorID, ip string) error {
	now := s.now()
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL`,
			ts(now), userID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO password_resets (token_hash, user_id, issued_by, org_id, created_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?)`, tokenHash, userID, nullStr(actorID), orgID, ts(now), ts(now.Add(model.ResetTTL))); err != nil {
			return translate(err)
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventResetIssued, OrgID: orgID, ActorID: actorID, SubjectID: userID, IP: ip})
	})
}

// ResetByToken returns the live reset link whose token hashes to tokenHash;
// used, expired and unknown links answer model.ErrNotFound.
func (s *Store) ResetByToken(ctx context.Context, tokenHash string) (model.Reset, error) {
	return s.liveReset(ctx, s.db, tokenHash)
}

func (s *Store) liveReset(ctx context.Context, q querier, tokenHash string) (model.Reset, error) {
	var r model.Reset
	var expires string
	err := q.QueryRowContext(ctx, `
		SELECT u.id, u.email, u.name, r.expires_at
		FROM password_resets r JOIN users u ON u.id = r.user_id
		WHERE r.token_hash = ? AND r.used_at IS NULL`, tokenHash).Scan(&r.UserID, &r.Email, &r.Name, &expires)
	if err != nil {
		return model.Reset{}, translate(err)
	}
	r.ExpiresAt = parseTS(expires)
	if !s.now().Before(r.ExpiresAt) {
		return model.Reset{}, model.ErrNotFound
	}
	return r, nil
}

// UseReset consumes the link, sets the new password hash and ends every
// session of the account.
func (s *Store) UseReset(ctx context.Context, tokenHash, passwordHash, ip string) (model.User, error) {
	var u model.User
	err := s.tx(ctx, func(tx *sql.Tx) error {
		r, err := s.liveReset(ctx, tx, tokenHash)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE password_resets SET used_at = ? WHERE token_hash = ?`, ts(s.now()), tokenHash); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = ?, session_epoch = session_epoch + 1 WHERE id = ?`,
			passwordHash, r.UserID); err != nil {
			return err
		}
		if err := s.recordTx(ctx, tx, model.Event{Kind: model.EventResetUsed, ActorID: r.UserID, SubjectID: r.UserID, IP: ip}); err != nil {
			return err
		}
		u, err = scanUser(tx.QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE id = ?`, r.UserID))
		return err
	})
	return u, err
}
