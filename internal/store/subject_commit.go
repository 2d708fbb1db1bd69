package store

import (
	"context"
	"database/sql"
)

// SubjectCommitment is one commitment of the person's case (commitments
// are the household's), with what was given under it. Who holds it and who
// gave are volunteers: their names are theirs, not the person's, and are
// not part of the export.
type SubjectCommitment struct {
	ID          string         `json:"id"`
	Kind        string         `json:"kind"`
	Description string         `json:"description"`
	StartsOn    string         `json:"starts_on"`
	EndKind     string         `json:"end_kind"`
	EndsOn      string         `json:"ends_on"`
	AmountCents int64          `json:"amount_cents"`
	Currency    string         `json:"currency"`
	Frequency   string         `json:"frequency"`
	CancelledOn string         `json:"cancelled_on"`
	CreatedAt   string         `json:"created_at"`
	UpdatedAt   string         `json:"updated_at"`
	Given       []SubjectGiven `json:"given"`
}

// SubjectGiven is one record of what was given under a commitment.
type SubjectGiven struct {
	ID          string `json:"id"`
	GivenOn     string `json:"given_on"`
	AmountCents int64  `json:"amount_cents"`
	Description string `json:"description"`
	Note        string `json:"note"`
	CreatedAt   string `json:"created_at"`
}

// SubjectNeed is a kind of help the group marked as needed for the case.
type SubjectNeed struct {
	Kind  string `json:"kind"`
	Until string `json:"until"`
}

// subjectCommitmentsTx reads the case's commitments, what was given under
// each (two queries, through commitments_case and commitment_records_case),
// and its needs.
func subjectCommitmentsTx(ctx context.Context, tx *sql.Tx, caseID string, rec *SubjectRecord) error {
	rec.Commitments = []SubjectCommitment{}
	at := map[string]int{}
	if err := queryEach(ctx, tx, `
		SELECT id, kind, description, starts_on, end_kind, coalesce(ends_on, ''), coalesce(amount_cents, 0),
		       coalesce(currency, ''), coalesce(frequency, ''), coalesce(cancelled_on, ''), created_at, updated_at
		FROM commitments WHERE case_id = ? ORDER BY starts_on, id`, []any{caseID}, func(rows *sql.Rows) error {
		var c SubjectCommitment
		if err := rows.Scan(&c.ID, &c.Kind, &c.Description, &c.StartsOn, &c.EndKind, &c.EndsOn, &c.AmountCents,
			&c.Currency, &c.Frequency, &c.CancelledOn, &c.CreatedAt, &c.UpdatedAt); err != nil {
			return err
		}
		c.CreatedAt, c.UpdatedAt, c.Given = tsOut(c.CreatedAt), tsOut(c.UpdatedAt), []SubjectGiven{}
		at[c.ID] = len(rec.Commitments)
		rec.Commitments = append(rec.Commitments, c)
		return nil
	}); err != nil {
		return err
	}
	if err := queryEach(ctx, tx, `
		SELECT commitment_id, id, given_on, coalesce(amount_cents, 0), description, note, created_at
		FROM commitment_records WHERE case_id = ? ORDER BY given_on, id`, []any{caseID}, func(rows *sql.Rows) error {
		var cid string
		var g SubjectGiven
		if err := rows.Scan(&cid, &g.ID, &g.GivenOn, &g.AmountCents, &g.Description, &g.Note, &g.CreatedAt); err != nil {
			return err
		}
		g.CreatedAt = tsOut(g.CreatedAt)
		if i, ok := at[cid]; ok {
			rec.Commitments[i].Given = append(rec.Commitments[i].Given, g)
		}
		return nil
	}); err != nil {
		return err
	}
	rec.Needs = []SubjectNeed{}
	return queryEach(ctx, tx, `SELECT kind, coalesce(until, '') FROM case_needs WHERE case_id = ? ORDER BY kind`,
		[]any{caseID}, func(rows *sql.Rows) error {
			var n SubjectNeed
			if err := rows.Scan(&n.Kind, &n.Until); err != nil {
				return err
			}
			rec.Needs = append(rec.Needs, n)
			return nil
		})
}
