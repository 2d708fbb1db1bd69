package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	"puente/internal/model"
)

// Two-factor sign-in (issue 14, migration 014). The authenticator key is
// sealed like every sensitive field; recovery codes are stored as hashes
// only (auth.HashRecoveryCode); each code and each time step works once.

// ErrReplay means a code was right but its time step was already used:
// each code works once.
var ErrReplay = errors.New("store: this code was already used")

// TwoFactorState says where userID stands: enabled, a key waiting for its
// first code, and how many recovery codes are left.
func (s *Store) TwoFactorState(ctx context.Context, userID string) (model.TwoFactorState, error) {
	var st model.TwoFactorState
	var enabled sql.NullString
	err := s.db.QueryRowContext(ctx, `
		SELECT k.enabled_at,
		       (SELECT count(*) FROM recovery_codes c WHERE c.user_id = k.user_id AND c.used_at IS NULL)
		FROM totp_keys k WHERE k.user_id = ?`, userID).Scan(&enabled, &st.RecoveryLeft)
	if errors.Is(err, sql.ErrNoRows) {
		return st, nil
	}
	if err != nil {
		return st, err
	}
	st.Enabled = enabled.Valid
	st.Pending = !enabled.Valid
	if enabled.Valid {
		st.EnabledAt = parseTS(enabled.String)
	}
	return st, nil
}

// TwoFactorKey opens userID's authenticator key (base32) and returns it
// with the last time step used and whether it is enabled (else it waits
// for its first code). model.ErrNotFound if the account has none.
func (s *Store) TwoFactorKey(ctx context.Context, userID string) (secret string, lastStep int64, enabled bool, err error) {
	var sealed []byte
	var en sql.NullString
	err = s.db.QueryRowContext(ctx, `SELECT secret_enc, last_step, enabled_at FROM totp_keys WHERE user_id = ?`, userID).
		Scan(&sealed, &lastStep, &en)
	if err != nil {
		return "", 0, false, translate(err)
	}
	secret, err = s.open(sealed, "totp_keys", "secret_enc", userID)
	return secret, lastStep, en.Valid, err
}

// BeginTwoFactor keeps secret as userID's new key, waiting for its first
// code; a key that was waiting is replaced. model.ErrConflict if the
// account already signs in with one (turn it off first).
func (s *Store) BeginTwoFactor(ctx context.Context, userID, secret string) error {
	sealed, err := s.seal(secret, "totp_keys", "secret_enc", userID)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			INSERT INTO totp_keys (user_id, secret_enc, created_at) VALUES (?, ?, ?)
			ON CONFLICT (user_id) DO UPDATE SET secret_enc = excluded.secret_enc, created_at = excluded.created_at
			WHERE totp_keys.enabled_at IS NULL`, userID, sealed, ts(s.now()))
		if err != nil {
			return translate(err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return model.ErrConflict
		}
		return nil
	})
}

// EnableTwoFactor turns on the key waiting for userID, whose first code
// matched time step step, with new recovery codes (their hashes). Every
// session of the account ends (the caller renews its own): they were
// opened with the password alone. model.ErrNotFound if no key waits.
func (s *Store) EnableTwoFactor(ctx context.Context, userID string, step int64, codeHashes []string, ip string) (model.User, error) {
	var u model.User
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE totp_keys SET enabled_at = ?, last_step = ? WHERE user_id = ? AND enabled_at IS NULL`,
			ts(s.now()), step, userID)
		if err := mustAffect(res, err); err != nil {
			return err
		}
		if err := s.putRecoveryCodesTx(ctx, tx, userID, codeHashes); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET session_epoch = session_epoch + 1 WHERE id = ?`, userID); err != nil {
			return err
		}
		if err := s.recordTx(ctx, tx, model.Event{Kind: model.EventTwoFactorEnabled, ActorID: userID, SubjectID: userID, IP: ip}); err != nil {
			return err
		}
		u, err = scanUser(tx.QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE id = ?`, userID))
		return err
	})
	return u, err
}

// putRecoveryCodesTx replaces userID's recovery codes with codeHashes.
func (s *Store) putRecoveryCodesTx(ctx context.Context, tx *sql.Tx, userID string, codeHashes []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM recovery_codes WHERE user_id = ?`, userID); err != nil {
		return err
	}
	now := ts(s.now())
	for _, h := range codeHashes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (?, ?, ?)`, userID, h, now); err != nil {
			return translate(err)
		}
	}
	return nil
}

// useProofTx spends proof for userID, whose key must be enabled: a time
// step only if it is later than the last one used (else ErrReplay), a
// recovery code only if it is one of theirs and unused (else
// model.ErrNotFound, as for a wrong code). A recovery code's use is
// recorded with the number of codes left.
func (s *Store) useProofTx(ctx context.Context, tx *sql.Tx, userID string, proof model.TwoFactorProof, ip string) error {
	if proof.RecoveryHash == "" {
		res, err := tx.ExecContext(ctx, `UPDATE totp_keys SET last_step = ?1
			WHERE user_id = ?2 AND enabled_at IS NOT NULL AND last_step < ?1`, proof.Step, userID)
		if err := mustAffect(res, err); errors.Is(err, model.ErrNotFound) {
			return ErrReplay
		} else if err != nil {
			return err
		}
		return nil
	}
	res, err := tx.ExecContext(ctx, `UPDATE recovery_codes SET used_at = ?
		WHERE user_id = ? AND code_hash = ? AND used_at IS NULL
		  AND EXISTS (SELECT 1 FROM totp_keys k WHERE k.user_id = recovery_codes.user_id AND k.enabled_at IS NOT NULL)`,
		ts(s.now()), userID, proof.RecoveryHash)
	if err := mustAffect(res, err); err != nil {
		return err
	}
	var left int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL`, userID).Scan(&left); err != nil {
		return err
	}
	return s.recordTx(ctx, tx, model.Event{Kind: model.EventRecoveryCodeUsed, ActorID: userID, SubjectID: userID,
		Detail: "left:" + strconv.Itoa(left), IP: ip})
}

// CompleteSignIn spends proof as the second step of userID's sign-in and
// records the sign-in, in one transaction: ErrReplay for a code already
// used, model.ErrNotFound for a recovery code that is not theirs or spent.
func (s *Store) CompleteSignIn(ctx context.Context, userID string, proof model.TwoFactorProof, ip string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.useProofTx(ctx, tx, userID, proof, ip); err != nil {
			return err
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventSignin, ActorID: userID, SubjectID: userID, IP: ip})
	})
}

// RecoveryCodesLeft counts userID's unused recovery codes.
func (s *Store) RecoveryCodesLeft(ctx context.Context, userID string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL`, userID).Scan(&n)
	return n, err
}

// DisableTwoFactor turns userID's second factor off after spending proof
// (the person typed their password and a code): the key and the recovery
// codes are deleted. Errors as CompleteSignIn's.
func (s *Store) DisableTwoFactor(ctx context.Context, userID string, proof model.TwoFactorProof, ip string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.useProofTx(ctx, tx, userID, proof, ip); err != nil {
			return err
		}
		if err := deleteTwoFactorTx(ctx, tx, userID); err != nil {
			return err
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventTwoFactorDisabled, ActorID: userID, SubjectID: userID, IP: ip})
	})
}

// RenewRecoveryCodes replaces userID's recovery codes with codeHashes (the
// old ones stop working). model.ErrNotFound unless the key is enabled.
func (s *Store) RenewRecoveryCodes(ctx context.Context, userID string, codeHashes []string, ip string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM totp_keys WHERE user_id = ? AND enabled_at IS NOT NULL`, userID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return model.ErrNotFound
		}
		if err := s.putRecoveryCodesTx(ctx, tx, userID, codeHashes); err != nil {
			return err
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventRecoveryCodesRenewed, ActorID: userID, SubjectID: userID, IP: ip})
	})
}

// ResetTwoFactor takes userID's second factor away at the request of
// actorID, a manager of orgID (the caller checks authz.CanResetSecondFactor),
// and ends every session of the account: whoever holds the password now
// must set a new factor up before reaching anything. Logged in orgID's
// security log. model.ErrNotFound if the account has no key.
func (s *Store) ResetTwoFactor(ctx context.Context, orgID, actorID, userID, ip string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM totp_keys WHERE user_id = ?`, userID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return model.ErrNotFound
		}
		if err := deleteTwoFactorTx(ctx, tx, userID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET session_epoch = session_epoch + 1 WHERE id = ?`, userID); err != nil {
			return err
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventTwoFactorReset, OrgID: orgID, ActorID: actorID, SubjectID: userID, IP: ip})
	})
}

func deleteTwoFactorTx(ctx context.Context, tx *sql.Tx, userID string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM recovery_codes WHERE user_id = ?`, userID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM totp_keys WHERE user_id = ?`, userID)
	return err
}

// seedTwoFactorTx gives userID an enabled key (the demo and the data
// generator: accounts that must use a second factor come with one).
func (s *Store) seedTwoFactorTx(ctx context.Context, tx *sql.Tx, userID, secret string) error {
	sealed, err := s.seal(secret, "totp_keys", "secret_enc", userID)
	if err != nil {
		return err
	}
	now := ts(s.now())
	_, err = tx.ExecContext(ctx, `INSERT INTO totp_keys (user_id, secret_enc, created_at, enabled_at) VALUES (?, ?, ?, ?)`,
		userID, sealed, now, now)
	return translate(err)
}
