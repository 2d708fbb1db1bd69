package store

import (
	"context"
	"database/sql"

	"puente/internal/model"
)

// singleFacts may be recorded once per person (or once per household).
var singleFacts = map[model.FactKind]bool{
	model.FactArrival: true, model.FactI589Filed: true, model.FactFinalOrder: true,
	model.FactGrant: true, model.FactEADExpiry: true,
}

// Facts lists a case's dated facts by date.
func (s *Store) Facts(ctx context.Context, caseID string) ([]model.Fact, error) {
	rows, err := s.rd().QueryContext(ctx, `
		SELECT id, case_id, coalesce(person_id, ''), kind, date, coalesce(end_date, ''), note
		FROM facts WHERE case_id = ? ORDER BY date, id`, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Fact
	for rows.Next() {
		var f model.Fact
		if err := rows.Scan(&f.ID, &f.CaseID, &f.PersonID, &f.Kind, &f.Date, &f.EndDate, &f.Note); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// AddFact records a fact and recomputes the case's deadlines. A second
// fact of a kind that happens once (arrival, I-589 filing, grant…) for the
// same person answers model.ErrConflict.
func (s *Store) AddFact(ctx context.Context, c model.Case, actorID string, f model.Fact) (string, error) {
	id := newID()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := caseOpenTx(ctx, s.in(tx), c); err != nil {
			return err
		}
		if f.PersonID != "" {
			var n int
			if err := s.in(tx).QueryRowContext(ctx, `SELECT count(*) FROM people WHERE id = ? AND case_id = ?`, f.PersonID, c.ID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return model.ErrNotFound
			}
		}
		if singleFacts[f.Kind] {
			var n int
			if err := s.in(tx).QueryRowContext(ctx, `SELECT count(*) FROM facts WHERE case_id = ? AND kind = ? AND coalesce(person_id, '') = ?`,
				c.ID, f.Kind, f.PersonID).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return model.ErrConflict
			}
		}
		if _, err := s.in(tx).ExecContext(ctx, `
			INSERT INTO facts (id, case_id, person_id, kind, date, end_date, note, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			id, c.ID, nullStr(f.PersonID), f.Kind, f.Date, nullStr(f.EndDate), f.Note, ts(s.now())); err != nil {
			return translate(err)
		}
		if err := s.touchPersonTx(ctx, tx, c.ID, f.PersonID, actorID, "fact_added", string(f.Kind)); err != nil {
			return err
		}
		return s.recomputeTx(ctx, tx, c.ID)
	})
	return id, err
}

// UpdateFactDate moves a fact's date (and a pause's end) and recomputes: the
// deadlines it triggers keep their keys, so what people recorded stays.
func (s *Store) UpdateFactDate(ctx context.Context, c model.Case, factID, actorID, date, endDate string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := caseOpenTx(ctx, s.in(tx), c); err != nil {
			return err
		}
		var kind, personID string
		if err := s.in(tx).QueryRowContext(ctx, `SELECT kind, coalesce(person_id, '') FROM facts WHERE id = ? AND case_id = ?`, factID, c.ID).
			Scan(&kind, &personID); err != nil {
			return translate(err)
		}
		if _, err := s.in(tx).ExecContext(ctx, `UPDATE facts SET date = ?, end_date = ? WHERE id = ? AND case_id = ?`,
			date, nullStr(endDate), factID, c.ID); err != nil {
			return translate(err)
		}
		if err := s.touchPersonTx(ctx, tx, c.ID, personID, actorID, "fact_updated", kind); err != nil {
			return err
		}
		return s.recomputeTx(ctx, tx, c.ID)
	})
}

// DeleteFact removes a fact and recomputes.
func (s *Store) DeleteFact(ctx context.Context, c model.Case, factID, actorID string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := caseOpenTx(ctx, s.in(tx), c); err != nil {
			return err
		}
		var kind, personID string
		if err := s.in(tx).QueryRowContext(ctx, `SELECT kind, coalesce(person_id, '') FROM facts WHERE id = ? AND case_id = ?`, factID, c.ID).
			Scan(&kind, &personID); err != nil {
			return translate(err)
		}
		if _, err := s.in(tx).ExecContext(ctx, `DELETE FROM facts WHERE id = ? AND case_id = ?`, factID, c.ID); err != nil {
			return err
		}
		if err := s.touchPersonTx(ctx, tx, c.ID, personID, actorID, "fact_removed", kind); err != nil {
			return err
		}
		return s.recomputeTx(ctx, tx, c.ID)
	})
}
