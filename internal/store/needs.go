package store

import (
	"context"
	"database/sql"

	"puente/internal/model"
)

// Needs lists the kinds of help a case needs, in the order of
// model.CommitmentKinds' table (by kind name here; callers sort for show).
func (s *Store) Needs(ctx context.Context, caseID string) ([]model.Need, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT case_id, kind, coalesce(until, '') FROM case_needs WHERE case_id = ? ORDER BY kind`, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Need
	for rows.Next() {
		var n model.Need
		if err := rows.Scan(&n.CaseID, &n.Kind, &n.Until); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// SetNeed marks kind as needed for case c until until ("" for no end); a
// kind already marked gets the new day.
func (s *Store) SetNeed(ctx context.Context, c model.Case, actorID string, kind model.CommitmentKind, until string) error {
	return s.tx(ctx, func(t *sql.Tx) error {
		tx := s.in(t)
		if err := caseOpenTx(ctx, tx, c); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO case_needs (case_id, group_id, kind, until, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (case_id, kind) DO UPDATE SET until = excluded.until`,
			c.ID, c.GroupID, kind, nullStr(until), nullStr(actorID), ts(s.now())); err != nil {
			return translate(err)
		}
		return s.touchTx(ctx, t, c.ID, actorID, "need_set", string(kind))
	})
}

// RemoveNeed takes kind off case c's needs.
func (s *Store) RemoveNeed(ctx context.Context, c model.Case, actorID string, kind model.CommitmentKind) error {
	return s.tx(ctx, func(t *sql.Tx) error {
		tx := s.in(t)
		if err := caseOpenTx(ctx, tx, c); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM case_needs WHERE case_id = ? AND kind = ?`, c.ID, kind)
		if err := mustAffect(res, err); err != nil {
			return err
		}
		return s.touchTx(ctx, t, c.ID, actorID, "need_removed", string(kind))
	})
}
