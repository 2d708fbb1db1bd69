package store

import (
	"context"
	"database/sql"

	"puente/internal/model"
)

// GivenRecords lists the latest limit records of what was given against
// commitment commitmentID of case caseID, newest first, and how many there
// are in all.
func (s *Store) GivenRecords(ctx context.Context, caseID, commitmentID string, limit int) ([]model.GivenRecord, int, error) {
	var total int
	if err := s.rd().QueryRowContext(ctx, `SELECT count(*) FROM commitment_records WHERE commitment_id = ? AND case_id = ?`,
		commitmentID, caseID).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.rd().QueryContext(ctx, `
		SELECT r.id, r.commitment_id, r.given_on, coalesce(r.amount_cents, 0), r.description,
		       coalesce(r.given_by, ''), coalesce(u.name, ''), r.note, coalesce(r.recorded_by, '')
		FROM commitment_records r LEFT JOIN users u ON u.id = r.given_by
		WHERE r.commitment_id = ? AND r.case_id = ?
		ORDER BY r.given_on DESC, r.id DESC LIMIT +?`, commitmentID, caseID, limit)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []model.GivenRecord
	for rows.Next() {
		var g model.GivenRecord
		if err := rows.Scan(&g.ID, &g.CommitmentID, &g.GivenOn, &g.AmountCents, &g.Description,
			&g.GivenByID, &g.GivenByName, &g.Note, &g.RecordedByID); err != nil {
			return nil, 0, err
		}
		out = append(out, g)
	}
	return out, total, rows.Err()
}

// CaseGift is one amount of money given in a case, for the monthly chart.
type CaseGift struct {
	CommitmentID string
	GivenOn      string
	AmountCents  int64
}

// CaseGifts lists every amount of money given in case caseID, by day.
func (s *Store) CaseGifts(ctx context.Context, caseID string) ([]CaseGift, error) {
	rows, err := s.rd().QueryContext(ctx, `
		SELECT commitment_id, given_on, amount_cents FROM commitment_records
		WHERE case_id = ? AND amount_cents IS NOT NULL ORDER BY given_on`, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CaseGift
	for rows.Next() {
		var g CaseGift
		if err := rows.Scan(&g.CommitmentID, &g.GivenOn, &g.AmountCents); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// AddGivenRecord records what was given against commitment commitmentID:
// the giver (GivenByID, if any) must belong to the case's group
// (model.ErrNotFound otherwise, nothing written).
func (s *Store) AddGivenRecord(ctx context.Context, c model.Case, commitmentID, actorID string, g model.GivenRecord) (string, error) {
	id := newID()
	err := s.tx(ctx, func(t *sql.Tx) error {
		tx := s.in(t)
		if err := caseOpenTx(ctx, tx, c); err != nil {
			return err
		}
		kind, _, err := commitmentTx(ctx, tx, c, commitmentID)
		if err != nil {
			return err
		}
		if g.GivenByID != "" {
			if err := memberTx(ctx, tx, c.GroupID, g.GivenByID); err != nil {
				return err
			}
		}
		var amount any
		if g.AmountCents > 0 {
			amount = g.AmountCents
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO commitment_records (id, commitment_id, case_id, given_on, amount_cents, description, given_by, note, recorded_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, commitmentID, c.ID, g.GivenOn, amount, g.Description, nullStr(g.GivenByID), g.Note, nullStr(actorID), ts(s.now())); err != nil {
			return translate(err)
		}
		return s.touchSubjectTx(ctx, tx, c.ID, actorID, g.GivenByID, "given_recorded", kind)
	})
	return id, err
}

// GivenRecord returns one record of commitment commitmentID of case caseID.
func (s *Store) GivenRecord(ctx context.Context, caseID, commitmentID, id string) (model.GivenRecord, error) {
	var g model.GivenRecord
	err := s.rd().QueryRowContext(ctx, `
		SELECT id, commitment_id, given_on, coalesce(amount_cents, 0), description, coalesce(given_by, ''), note, coalesce(recorded_by, '')
		FROM commitment_records WHERE id = ? AND commitment_id = ? AND case_id = ?`, id, commitmentID, caseID).
		Scan(&g.ID, &g.CommitmentID, &g.GivenOn, &g.AmountCents, &g.Description, &g.GivenByID, &g.Note, &g.RecordedByID)
	return g, translate(err)
}

// DeleteGivenRecord removes a record entered by mistake.
func (s *Store) DeleteGivenRecord(ctx context.Context, c model.Case, commitmentID, id, actorID string) error {
	return s.tx(ctx, func(t *sql.Tx) error {
		tx := s.in(t)
		if err := caseOpenTx(ctx, tx, c); err != nil {
			return err
		}
		kind, _, err := commitmentTx(ctx, tx, c, commitmentID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM commitment_records WHERE id = ? AND commitment_id = ? AND case_id = ?`,
			id, commitmentID, c.ID)
		if err := mustAffect(res, err); err != nil {
			return err
		}
		return s.touchTx(ctx, t, c.ID, actorID, "given_removed", kind)
	})
}
