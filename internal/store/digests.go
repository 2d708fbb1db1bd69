package store

import (
	"context"
	"database/sql"

	"puente/internal/model"
)

// DigestTarget is one person and one of their sponsor groups, for the
// digest schedule: the person chose a digest, and the group's time zone
// says when its 7:00 comes.
type DigestTarget struct {
	UserID string
	Email  string
	// Lang is the person's page language ("" when never chosen).
	Lang   string
	Digest model.Digest
	OrgID  string
	Zone   string
	// LastPeriod is the latest period recorded for this person and group
	// ("" if none): the schedule skips a period already done without
	// reading the group's cases.
	LastPeriod string
}

// DigestTargets lists every person who chose a digest, once per sponsor
// group they belong to. The partial index users_digest finds them (CROSS
// JOIN keeps users the outer loop: SQLite would otherwise scan every
// membership), then their memberships by primary key.
func (s *Store) DigestTargets(ctx context.Context) ([]DigestTarget, error) {
	rows, err := s.rd().QueryContext(ctx, `
		SELECT u.id, u.email, u.lang, u.digest, o.id, o.time_zone,
		       coalesce((SELECT max(d.period) FROM digests_sent d WHERE d.user_id = u.id AND d.org_id = o.id), '')
		FROM users u
		CROSS JOIN memberships m ON m.user_id = u.id AND m.org_kind = 'group'
		JOIN organisations o ON o.id = m.org_id
		WHERE u.digest <> 'none'
		ORDER BY o.id, u.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DigestTarget
	for rows.Next() {
		var t DigestTarget
		if err := rows.Scan(&t.UserID, &t.Email, &t.Lang, &t.Digest, &t.OrgID, &t.Zone, &t.LastPeriod); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// UserDigest reads the digest userID chose.
func (s *Store) UserDigest(ctx context.Context, userID string) (model.Digest, error) {
	var d model.Digest
	err := s.rd().QueryRowContext(ctx, `SELECT digest FROM users WHERE id = ?`, userID).Scan(&d)
	return d, translate(err)
}

// SetDigest records the digest userID chose.
func (s *Store) SetDigest(ctx context.Context, userID string, d model.Digest) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := s.in(tx).ExecContext(ctx, `UPDATE users SET digest = ? WHERE id = ?`, string(d), userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errNotFound
		}
		return nil
	})
}

// RecordDigest records that the digest of period for userID in orgID is
// done and, in the same transaction, queues e (nil: nothing to report, no
// message). It reports false, changing nothing, when the period was
// already recorded: a digest goes out once per person, group and period,
// whatever restarts or a second process do. Records older than keepFrom
// (a period) are deleted with it.
func (s *Store) RecordDigest(ctx context.Context, userID, orgID, period, keepFrom string, e *model.Email) (bool, error) {
	var fresh bool
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := s.in(tx).ExecContext(ctx, `INSERT INTO digests_sent (user_id, org_id, period, at) VALUES (?, ?, ?, ?)
			ON CONFLICT DO NOTHING`, userID, orgID, period, ts(s.now()))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		fresh = true
		if _, err := s.in(tx).ExecContext(ctx, `DELETE FROM digests_sent WHERE user_id = ? AND org_id = ? AND period < ?`,
			userID, orgID, keepFrom); err != nil {
			return err
		}
		if e == nil {
			return nil
		}
		return s.enqueueEmailTx(ctx, tx, model.EmailDigest, *e)
	})
	return fresh, err
}
