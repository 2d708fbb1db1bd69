package store

import (
	"context"
	"database/sql"
	"fmt"

	"puente/internal/model"
)

// GoingSeed signs a group member up for an appointment of a CaseSeed.
type GoingSeed struct {
	Email string
	Role  model.SignUpRole
}

// CommitmentSeed is a commitment of a CaseSeed, with the members
// responsible (by email) and what was given.
type CommitmentSeed struct {
	Commitment model.CommitmentInput
	Holders    []string
	Given      []GivenSeed
	// CancelledOn cancels it on that day ("" for not).
	CancelledOn string
}

// GivenSeed is a record of what was given, by a member (email, "" for
// nobody named).
type GivenSeed struct {
	GivenOn     string
	AmountCents int64
	Description string
	By          string
	Note        string
}

// NeedSeed marks a kind as needed for a CaseSeed.
type NeedSeed struct {
	Kind  model.CommitmentKind
	Until string
}

// seedMemberTx is the id of the account with email, which must belong to groupID.
func seedMemberTx(ctx context.Context, tx dbtx, groupID, email string) (string, error) {
	var id string
	if err := tx.QueryRowContext(ctx, `SELECT id FROM users WHERE email = ?`, email).Scan(&id); err != nil {
		return "", fmt.Errorf("member %q: %w", email, translate(err))
	}
	if err := memberTx(ctx, tx, groupID, id); err != nil {
		return "", fmt.Errorf("member %q of the group: %w", email, err)
	}
	return id, nil
}

func importGoingTx(ctx context.Context, tx dbtx, caseID, groupID, apptID string, going []GoingSeed, now string) error {
	for _, g := range going {
		uid, err := seedMemberTx(ctx, tx, groupID, g.Email)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO appointment_signups (appointment_id, user_id, case_id, group_id, role, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, apptID, uid, caseID, groupID, g.Role, uid, now); err != nil {
			return err
		}
	}
	return nil
}

func importCommitmentsTx(ctx context.Context, tx dbtx, caseID, groupID string, seed CaseSeed, now string) error {
	for _, cs := range seed.Commitments {
		in := cs.Commitment
		id := newID()
		amount, currency, freq := moneyArgs(in)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO commitments (id, case_id, group_id, kind, description, starts_on, end_kind, ends_on,
			                         amount_cents, currency, frequency, cancelled_on, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, caseID, groupID, in.Kind, in.Description, in.StartsOn, in.EndKind, endsArg(in),
			amount, currency, freq, nullStr(cs.CancelledOn), now, now); err != nil {
			return fmt.Errorf("commitment: %w", err)
		}
		for _, email := range cs.Holders {
			uid, err := seedMemberTx(ctx, tx, groupID, email)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO commitment_holders (commitment_id, user_id, group_id, created_at)
				VALUES (?, ?, ?, ?)`, id, uid, groupID, now); err != nil {
				return err
			}
		}
		for _, g := range cs.Given {
			by := sql.NullString{}
			if g.By != "" {
				uid, err := seedMemberTx(ctx, tx, groupID, g.By)
				if err != nil {
					return err
				}
				by = nullStr(uid)
			}
			var amount any
			if g.AmountCents > 0 {
				amount = g.AmountCents
			}
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO commitment_records (id, commitment_id, case_id, given_on, amount_cents, description, given_by, note, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				newID(), id, caseID, g.GivenOn, amount, g.Description, by, g.Note, now); err != nil {
				return fmt.Errorf("given: %w", err)
			}
		}
	}
	for _, n := range seed.Needs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO case_needs (case_id, group_id, kind, until, created_at) VALUES (?, ?, ?, ?, ?)`,
			caseID, groupID, n.Kind, nullStr(n.Until), now); err != nil {
			return fmt.Errorf("need: %w", err)
		}
	}
	return nil
}
