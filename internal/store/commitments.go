package store

import (
	"context"
	"database/sql"
	"strings"

	"puente/internal/model"
)

// commitmentCols reads a commitment with what was recorded against it and
// the household's first work permit (which ends a commitment "until the
// work permit"). Each subquery is one index seek.
const commitmentCols = `cm.id, cm.case_id, cm.group_id, cm.kind, cm.description, cm.starts_on, cm.end_kind,
	coalesce(cm.ends_on, ''), coalesce(cm.amount_cents, 0), coalesce(cm.currency, ''), coalesce(cm.frequency, ''),
	coalesce(cm.cancelled_on, ''),
	(SELECT count(*) FROM commitment_records r WHERE r.commitment_id = cm.id),
	(SELECT coalesce(sum(r.amount_cents), 0) FROM commitment_records r WHERE r.commitment_id = cm.id),
	(SELECT coalesce(max(r.given_on), '') FROM commitment_records r WHERE r.commitment_id = cm.id),
	coalesce((SELECT min(f.date) FROM facts f WHERE f.case_id = cm.case_id AND f.kind = 'ead_granted'), '')`

func scanCommitment(row interface{ Scan(...any) error }, extra ...any) (model.Commitment, error) {
	var c model.Commitment
	dest := []any{&c.ID, &c.CaseID, &c.GroupID, &c.Kind, &c.Description, &c.StartsOn, &c.EndKind,
		&c.EndsOn, &c.AmountCents, &c.Currency, &c.Frequency, &c.CancelledOn,
		&c.Records, &c.GivenCents, &c.LastGiven, &c.WorkPermitOn}
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return model.Commitment{}, translate(err)
	}
	return c, nil
}

// holderQueries read holders by name in each sorting language's collation
// (users.sort_*): byCase every holder of a case's commitments, byOne those
// of one commitment. A commitment has a handful of holders, so the sort
// step is on a few rows.
var holderQueries = map[string]struct{ byCase, byOne string }{}

func init() {
	for _, col := range sortColumns {
		holderQueries[col] = struct{ byCase, byOne string }{
			byCase: `
		SELECT h.commitment_id, u.id, u.name FROM commitments cm
		JOIN commitment_holders h ON h.commitment_id = cm.id
		JOIN users u ON u.id = h.user_id
		WHERE cm.case_id = ? ORDER BY u.` + col + `, u.id`,
			byOne: `
		SELECT u.id, u.name FROM commitment_holders h JOIN users u ON u.id = h.user_id
		WHERE h.commitment_id = ? ORDER BY u.` + col + `, u.id`,
		}
	}
}

// Commitments lists a case's commitments by start, with their holders (by
// name in the collation of lang, "en" or "es") and what was recorded
// against each.
func (s *Store) Commitments(ctx context.Context, caseID, lang string) ([]model.Commitment, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT `+commitmentCols+` FROM commitments cm
		WHERE cm.case_id = ? ORDER BY cm.starts_on, cm.id`, caseID)
	if err != nil {
		return nil, err
	}
	var out []model.Commitment
	index := map[string]int{}
	for rows.Next() {
		c, err := scanCommitment(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		index[c.ID] = len(out)
		out = append(out, c)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	holders, err := s.caseHolders(ctx, caseID, lang)
	if err != nil {
		return nil, err
	}
	for id, hs := range holders {
		if i, ok := index[id]; ok {
			out[i].Holders = hs
		}
	}
	return out, nil
}

// caseHolders are the holders of every commitment of a case, by commitment, by name.
func (s *Store) caseHolders(ctx context.Context, caseID, lang string) (map[string][]model.Holder, error) {
	rows, err := s.rd().QueryContext(ctx, holderQueries[sortColumn(lang)].byCase, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]model.Holder{}
	for rows.Next() {
		var id string
		var h model.Holder
		if err := rows.Scan(&id, &h.UserID, &h.Name); err != nil {
			return nil, err
		}
		out[id] = append(out[id], h)
	}
	return out, rows.Err()
}

// Commitment returns one commitment of case caseID with its holders (by
// name in the collation of lang); model.ErrNotFound if the case has no
// such commitment.
func (s *Store) Commitment(ctx context.Context, caseID, id, lang string) (model.Commitment, error) {
	c, err := scanCommitment(s.rd().QueryRowContext(ctx, `SELECT `+commitmentCols+` FROM commitments cm
		WHERE cm.id = ? AND cm.case_id = ?`, id, caseID))
	if err != nil {
		return model.Commitment{}, err
	}
	rows, err := s.rd().QueryContext(ctx, holderQueries[sortColumn(lang)].byOne, id)
	if err != nil {
		return model.Commitment{}, err
	}
	defer rows.Close()
	for rows.Next() {
		var h model.Holder
		if err := rows.Scan(&h.UserID, &h.Name); err != nil {
			return model.Commitment{}, err
		}
		c.Holders = append(c.Holders, h)
	}
	return c, rows.Err()
}

// moneyArgs are the money columns of in: NULL unless it is money.
func moneyArgs(in model.CommitmentInput) (amount, currency, frequency any) {
	if in.Kind != model.KindMoney {
		return nil, nil, nil
	}
	return in.AmountCents, in.Currency, in.Frequency
}

func endsArg(in model.CommitmentInput) sql.NullString {
	if in.EndKind != model.EndDate {
		return sql.NullString{}
	}
	return nullStr(in.EndsOn)
}

// AddCommitment records a commitment of case c with the members in
// holders responsible for it. Every holder must belong to the case's group
// (otherwise model.ErrNotFound, nothing written).
func (s *Store) AddCommitment(ctx context.Context, c model.Case, actorID string, in model.CommitmentInput, holders []string) (string, error) {
	id := newID()
	err := s.tx(ctx, func(t *sql.Tx) error {
		tx := s.in(t)
		if err := caseOpenTx(ctx, tx, c); err != nil {
			return err
		}
		now := ts(s.now())
		amount, currency, freq := moneyArgs(in)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO commitments (id, case_id, group_id, kind, description, starts_on, end_kind, ends_on,
			                         amount_cents, currency, frequency, created_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, c.ID, c.GroupID, in.Kind, in.Description, in.StartsOn, in.EndKind, endsArg(in),
			amount, currency, freq, nullStr(actorID), now, now); err != nil {
			return translate(err)
		}
		if err := s.touchTx(ctx, t, c.ID, actorID, "commitment_added", string(in.Kind)); err != nil {
			return err
		}
		for _, uid := range holders {
			if err := s.addHolderTx(ctx, tx, c, id, string(in.Kind), actorID, uid); err != nil {
				return err
			}
		}
		return nil
	})
	return id, err
}

// commitmentTx loads the commitment's kind and whether it was cancelled,
// only if it belongs to case c.
func commitmentTx(ctx context.Context, tx dbtx, c model.Case, id string) (kind string, cancelled bool, err error) {
	var on sql.NullString
	err = tx.QueryRowContext(ctx, `SELECT kind, cancelled_on FROM commitments WHERE id = ? AND case_id = ?`, id, c.ID).Scan(&kind, &on)
	return kind, on.Valid, translate(err)
}

// UpdateCommitment saves the edit form of commitment id. A cancelled
// commitment is not edited (model.ErrForbidden). The history names the
// fields that changed; nothing changed, nothing is written.
func (s *Store) UpdateCommitment(ctx context.Context, c model.Case, id, actorID string, in model.CommitmentInput) error {
	return s.tx(ctx, func(t *sql.Tx) error {
		tx := s.in(t)
		if err := caseOpenTx(ctx, tx, c); err != nil {
			return err
		}
		cur, err := scanCommitment(tx.QueryRowContext(ctx, `SELECT `+commitmentCols+` FROM commitments cm
			WHERE cm.id = ? AND cm.case_id = ?`, id, c.ID))
		if err != nil {
			return err
		}
		if cur.CancelledOn != "" {
			return model.ErrForbidden
		}
		if in.Kind != model.KindMoney {
			in.AmountCents, in.Currency, in.Frequency = 0, "", ""
		}
		if in.EndKind != model.EndDate {
			in.EndsOn = ""
		}
		var changed []string
		for _, f := range []struct {
			name     string
			old, new any
		}{
			{"commitment_kind", cur.Kind, in.Kind}, {"description", cur.Description, in.Description},
			{"starts_on", cur.StartsOn, in.StartsOn}, {"end", string(cur.EndKind) + cur.EndsOn, string(in.EndKind) + in.EndsOn},
			{"amount", cur.AmountCents, in.AmountCents}, {"currency", cur.Currency, in.Currency},
			{"frequency", cur.Frequency, in.Frequency},
		} {
			if f.old != f.new {
				changed = append(changed, f.name)
			}
		}
		if len(changed) == 0 {
			return nil
		}
		amount, currency, freq := moneyArgs(in)
		if _, err := tx.ExecContext(ctx, `
			UPDATE commitments SET kind = ?, description = ?, starts_on = ?, end_kind = ?, ends_on = ?,
			       amount_cents = ?, currency = ?, frequency = ?, updated_at = ?
			WHERE id = ? AND case_id = ?`,
			in.Kind, in.Description, in.StartsOn, in.EndKind, endsArg(in), amount, currency, freq, ts(s.now()),
			id, c.ID); err != nil {
			return translate(err)
		}
		return s.touchTx(ctx, t, c.ID, actorID, "commitment_updated", strings.Join(changed, ","))
	})
}

// CancelCommitment records that commitment id will not go on, from day
// on (the organisation's today). Cancelling twice changes nothing.
func (s *Store) CancelCommitment(ctx context.Context, c model.Case, id, actorID, on string) error {
	return s.tx(ctx, func(t *sql.Tx) error {
		tx := s.in(t)
		if err := caseOpenTx(ctx, tx, c); err != nil {
			return err
		}
		kind, cancelled, err := commitmentTx(ctx, tx, c, id)
		if err != nil || cancelled {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE commitments SET cancelled_on = ?, cancelled_by = ?, updated_at = ?
			WHERE id = ? AND case_id = ?`, on, nullStr(actorID), ts(s.now()), id, c.ID); err != nil {
			return translate(err)
		}
		return s.touchTx(ctx, t, c.ID, actorID, "commitment_cancelled", kind)
	})
}

// memberTx fails with model.ErrNotFound unless userID belongs to groupID.
func memberTx(ctx context.Context, tx dbtx, groupID, userID string) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM memberships WHERE org_id = ? AND user_id = ?`, groupID, userID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return model.ErrNotFound
	}
	return nil
}

func (s *Store) addHolderTx(ctx context.Context, tx dbtx, c model.Case, id, kind, actorID, userID string) error {
	if err := memberTx(ctx, tx, c.GroupID, userID); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO commitment_holders (commitment_id, user_id, group_id, created_at)
		VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`, id, userID, c.GroupID, ts(s.now()))
	if err != nil {
		return translate(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil // already responsible
	}
	return s.touchSubjectTx(ctx, tx, c.ID, actorID, userID, "holder_added", kind)
}

// AddHolder makes userID (a member of the case's group) responsible for
// commitment id; already responsible, nothing changes.
func (s *Store) AddHolder(ctx context.Context, c model.Case, id, actorID, userID string) error {
	return s.tx(ctx, func(t *sql.Tx) error {
		tx := s.in(t)
		if err := caseOpenTx(ctx, tx, c); err != nil {
			return err
		}
		kind, cancelled, err := commitmentTx(ctx, tx, c, id)
		if err != nil {
			return err
		}
		if cancelled {
			return model.ErrForbidden
		}
		return s.addHolderTx(ctx, tx, c, id, kind, actorID, userID)
	})
}

// RemoveHolder ends userID's responsibility for commitment id; not
// responsible, nothing changes.
func (s *Store) RemoveHolder(ctx context.Context, c model.Case, id, actorID, userID string) error {
	return s.tx(ctx, func(t *sql.Tx) error {
		tx := s.in(t)
		if err := caseOpenTx(ctx, tx, c); err != nil {
			return err
		}
		kind, _, err := commitmentTx(ctx, tx, c, id)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM commitment_holders WHERE commitment_id = ? AND user_id = ?`, id, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		return s.touchSubjectTx(ctx, tx, c.ID, actorID, userID, "holder_removed", kind)
	})
}

// touchSubjectTx is touchTx for an entry about a group member (subjectID):
// who was signed up, who was made responsible. The history keeps the id,
// never free text about the person.
func (s *Store) touchSubjectTx(ctx context.Context, tx dbtx, caseID, actorID, subjectID, action, fields string) error {
	now := ts(s.now())
	if _, err := tx.ExecContext(ctx, `UPDATE cases SET updated_at = ? WHERE id = ?`, now, caseID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO case_history (case_id, at, actor_id, action, fields, subject_id) VALUES (?, ?, ?, ?, ?, ?)`,
		caseID, now, nullStr(actorID), action, fields, nullStr(subjectID))
	return err
}
