package store

import (
	"context"
	"database/sql"
	"fmt"

	"puente/internal/model"
)

// ChecklistSeed is a checklist of a CaseSeed (demo and generated data): a
// stage's shipped template, with the items (by key) that are ticked, and
// those assigned to a group member (by email) with their day.
type ChecklistSeed struct {
	Stage    string
	Done     []string
	Assigned []AssignSeed
	// By is the email of the group member who ticked the Done items.
	By string
}

// AssignSeed assigns a checklist item of a ChecklistSeed.
type AssignSeed struct {
	Key, Email, DueOn string
}

// importChecklistsTx gives a seeded case its checklists, after its
// deadlines are computed: a ticked item tied to a rule marks that rule's
// deadlines done, as ticking it would.
func (s *Store) importChecklistsTx(ctx context.Context, tx *sql.Tx, c model.Case, seeds []ChecklistSeed, today, now string) error {
	q := s.in(tx)
	for _, cs := range seeds {
		v, err := shippedVersion(cs.Stage)
		if err != nil {
			return fmt.Errorf("checklist %q: %w", cs.Stage, err)
		}
		id := newID()
		if _, err := q.ExecContext(ctx, `INSERT INTO case_checklists (id, case_id, group_id, stage, version, created_at)
			VALUES (?, ?, ?, ?, 0, ?)`, id, c.ID, c.GroupID, cs.Stage, now); err != nil {
			return err
		}
		for i, it := range v.Items {
			if err := s.insertItemTx(ctx, q, c, id, i, false, it, now); err != nil {
				return err
			}
		}
		var by string
		if cs.By != "" {
			if by, err = seedMemberTx(ctx, q, c.GroupID, cs.By); err != nil {
				return err
			}
		}
		for _, key := range cs.Done {
			var rule string
			if err := q.QueryRowContext(ctx, `UPDATE case_checklist_items SET state = 'done', ticked_by = ?, ticked_at = ?
				WHERE checklist_id = ? AND item_key = ? RETURNING rule_id`, nullStr(by), now, id, key).Scan(&rule); err != nil {
				return fmt.Errorf("tick %s.%s: %w", cs.Stage, key, translate(err))
			}
			if rule != "" {
				if err := s.markRuleTx(ctx, q, c.ID, rule, by, true, today, now); err != nil {
					return err
				}
			}
		}
		for _, a := range cs.Assigned {
			uid, err := seedMemberTx(ctx, q, c.GroupID, a.Email)
			if err != nil {
				return err
			}
			if _, err := q.ExecContext(ctx, `UPDATE case_checklist_items SET assignee_id = ?, due_on = ?
				WHERE checklist_id = ? AND item_key = ?`, uid, nullStr(a.DueOn), id, a.Key); err != nil {
				return err
			}
		}
	}
	return nil
}
