package store

import (
	"context"
	"database/sql"

	"puente/internal/model"
)

// What a group does with a case's checklist items. An item tied to a
// deadline rule and the case's deadlines of that rule move together, in
// one transaction, both ways: ticking the item marks them done, and
// marking the last of them done (SetMarks) ticks the item; setting the
// item aside (not applicable, with a reason) sets them aside with that
// reason as their note, and setting the last of them aside sets the item
// aside (its reason left empty: the deadline holds it; the page says
// so). Opening either again opens the other. Marks are keyed
// by deadline key, which never holds a date, so a deadline recomputed
// after its trigger moved keeps its mark, and the item its tick.

// itemTx reads the item itemID of case c for a change, in tx.
func (s *Store) itemTx(ctx context.Context, q dbtx, c model.Case, itemID string) (model.ChecklistItem, error) {
	if err := caseOpenTx(ctx, q, c); err != nil {
		return model.ChecklistItem{}, err
	}
	return scanItem(q.QueryRowContext(ctx, `SELECT `+itemCols+itemFrom+` WHERE i.id = ? AND i.case_id = ?`, itemID, c.ID))
}

// SetItemState ticks item itemID of case c (state done, by actorID, the
// deadline marks of its rule done on today, YYYY-MM-DD), sets it not
// applicable (reason required; the deadlines of its rule still to do are
// set aside with it, the reason their note), or opens it again (and the
// deadline marks of its rule in the state it leaves). model.ErrNotFound
// if the case has no such item.
func (s *Store) SetItemState(ctx context.Context, c model.Case, itemID, actorID string, state model.ItemState, reason, today string) error {
	switch state {
	case model.ItemNotApplicable:
		if reason == "" {
			return model.ErrConflict
		}
	case model.ItemDone, model.ItemOpen:
		reason = ""
	default:
		return model.ErrNotFound
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		q := s.in(tx)
		it, err := s.itemTx(ctx, q, c, itemID)
		if err != nil {
			return err
		}
		now := ts(s.now())
		var tickedBy, tickedAt sql.NullString
		if state == model.ItemDone {
			tickedBy, tickedAt = nullStr(actorID), nullStr(now)
		}
		if _, err := q.ExecContext(ctx, `UPDATE case_checklist_items SET state = ?, na_reason = ?, ticked_by = ?, ticked_at = ?,
			updated_at = ? WHERE id = ?`, state, reason, tickedBy, tickedAt, now, it.ID); err != nil {
			return err
		}
		if it.Rule != "" {
			// The deadlines leave the state the item leaves, then take
			// the one it takes (again, if it had it: a deadline the rule
			// gained since, after a move, follows the item too).
			if it.State != model.ItemOpen && it.State != state {
				if err := s.openRuleTx(ctx, q, c.ID, it.Rule, actorID, model.MarkState(it.State), now); err != nil {
					return err
				}
			}
			var err error
			switch state {
			case model.ItemDone:
				err = s.markRuleTx(ctx, q, c.ID, it.Rule, actorID, true, today, now)
			case model.ItemNotApplicable:
				err = s.setRuleAsideTx(ctx, q, c.ID, it.Rule, actorID, reason, now)
			}
			if err != nil {
				return err
			}
			if err := s.nextDueTx(ctx, tx, c.ID); err != nil {
				return err
			}
		}
		return s.touchTx(ctx, tx, c.ID, actorID, "checklist_item", string(state))
	})
}

// setRuleAsideTx marks every deadline of rule in case caseID that is
// still to do (not met by a recorded fact, not marked) not applicable,
// with reason as its note unless it has one.
func (s *Store) setRuleAsideTx(ctx context.Context, q dbtx, caseID, rule, actorID, reason, now string) error {
	_, err := q.ExecContext(ctx, `
		INSERT INTO marks (case_id, key, state, done_on, note, updated_by, updated_at)
		SELECT d.case_id, d.key, 'not_applicable', NULL, ?, ?, ? FROM deadlines d
		LEFT JOIN marks m ON m.case_id = d.case_id AND m.key = d.key
		WHERE d.case_id = ? AND d.rule_id = ? AND d.met_on IS NULL AND coalesce(m.state, 'open') = 'open'
		ON CONFLICT (case_id, key) DO UPDATE SET state = 'not_applicable', done_on = NULL,
			note = CASE WHEN marks.note = '' THEN excluded.note ELSE marks.note END,
			updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
		reason, nullStr(actorID), now, caseID, rule)
	return err
}

// openRuleTx opens again the deadlines of rule in case caseID marked in
// state (done, or not applicable), as their item opens again.
func (s *Store) openRuleTx(ctx context.Context, q dbtx, caseID, rule, actorID string, state model.MarkState, now string) error {
	if state == model.MarkDone {
		return s.markRuleTx(ctx, q, caseID, rule, actorID, false, "", now)
	}
	_, err := q.ExecContext(ctx, `
		UPDATE marks SET state = 'open', done_on = NULL, updated_by = ?, updated_at = ?
		WHERE case_id = ? AND state = ? AND key IN (SELECT key FROM deadlines WHERE case_id = ? AND rule_id = ?)`,
		nullStr(actorID), now, caseID, state, caseID, rule)
	return err
}

// markRuleTx marks every deadline of rule in case caseID that is still to
// do (not met by a recorded fact, not marked) done on today, or, when
// done is false, opens again those marked done.
func (s *Store) markRuleTx(ctx context.Context, q dbtx, caseID, rule, actorID string, done bool, today, now string) error {
	if done {
		_, err := q.ExecContext(ctx, `
			INSERT INTO marks (case_id, key, state, done_on, note, updated_by, updated_at)
			SELECT d.case_id, d.key, 'done', ?, '', ?, ? FROM deadlines d
			LEFT JOIN marks m ON m.case_id = d.case_id AND m.key = d.key
			WHERE d.case_id = ? AND d.rule_id = ? AND d.met_on IS NULL AND coalesce(m.state, 'open') = 'open'
			ON CONFLICT (case_id, key) DO UPDATE SET state = 'done', done_on = excluded.done_on,
				updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
			today, nullStr(actorID), now, caseID, rule)
		return err
	}
	_, err := q.ExecContext(ctx, `
		UPDATE marks SET state = 'open', done_on = NULL, updated_by = ?, updated_at = ?
		WHERE case_id = ? AND state = 'done' AND key IN (SELECT key FROM deadlines WHERE case_id = ? AND rule_id = ?)`,
		nullStr(actorID), now, caseID, caseID, rule)
	return err
}

// syncItemsTx follows marks recorded on deadlines of rules in case
// caseID: when none of a rule's deadlines is left to do and one was just
// marked done, its open items are ticked (by actorID); when one was just
// marked not applicable, its open items are set aside with it (an empty
// reason: the deadline's mark holds it); when one was opened again, its
// ticked items and those set aside with it open again. Items a person
// set aside with a reason of their own stay.
func (s *Store) syncItemsTx(ctx context.Context, q dbtx, caseID, actorID string, state model.MarkState, rules map[string]bool) error {
	now := ts(s.now())
	for rule := range rules {
		if rule == "" {
			continue
		}
		switch state {
		case model.MarkDone, model.MarkNotApplicable:
			var left int
			if err := q.QueryRowContext(ctx, `SELECT count(*) FROM deadlines d
				LEFT JOIN marks m ON m.case_id = d.case_id AND m.key = d.key
				WHERE d.case_id = ? AND d.rule_id = ? AND d.met_on IS NULL AND coalesce(m.state, 'open') = 'open'`,
				caseID, rule).Scan(&left); err != nil {
				return err
			}
			if left > 0 {
				continue
			}
			if state == model.MarkNotApplicable {
				if _, err := q.ExecContext(ctx, `UPDATE case_checklist_items SET state = 'not_applicable', na_reason = '', updated_at = ?
					WHERE case_id = ? AND rule_id = ? AND state = 'open'`, now, caseID, rule); err != nil {
					return err
				}
				continue
			}
			if _, err := q.ExecContext(ctx, `UPDATE case_checklist_items SET state = 'done', ticked_by = ?, ticked_at = ?, updated_at = ?
				WHERE case_id = ? AND rule_id = ? AND state = 'open'`, nullStr(actorID), now, now, caseID, rule); err != nil {
				return err
			}
		case model.MarkOpen:
			if _, err := q.ExecContext(ctx, `UPDATE case_checklist_items SET state = 'open', ticked_by = NULL, ticked_at = NULL,
				na_reason = '', updated_at = ?
				WHERE case_id = ? AND rule_id = ? AND (state = 'done' OR state = 'not_applicable' AND na_reason = '')`,
				now, caseID, rule); err != nil {
				return err
			}
		}
	}
	return nil
}

// SetItemNote writes the note of item itemID of case c ("" clears it).
func (s *Store) SetItemNote(ctx context.Context, c model.Case, itemID, actorID, note string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		q := s.in(tx)
		it, err := s.itemTx(ctx, q, c, itemID)
		if err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, `UPDATE case_checklist_items SET note = ?, updated_at = ? WHERE id = ?`,
			note, ts(s.now()), it.ID); err != nil {
			return err
		}
		return s.touchTx(ctx, tx, c.ID, actorID, "checklist_note", "")
	})
}

// AssignItem makes group member assigneeID responsible for item itemID
// of case c, by dueOn (YYYY-MM-DD, "" for no day), or nobody when
// assigneeID is "". model.ErrNotFound if the assignee is not in the
// case's group.
func (s *Store) AssignItem(ctx context.Context, c model.Case, itemID, actorID, assigneeID, dueOn string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		q := s.in(tx)
		it, err := s.itemTx(ctx, q, c, itemID)
		if err != nil {
			return err
		}
		if assigneeID != "" {
			var one int
			if err := q.QueryRowContext(ctx, `SELECT 1 FROM memberships WHERE user_id = ? AND org_id = ?`, assigneeID, c.GroupID).Scan(&one); err != nil {
				return translate(err)
			}
		} else {
			dueOn = ""
		}
		if _, err := q.ExecContext(ctx, `UPDATE case_checklist_items SET assignee_id = ?, due_on = ?, updated_at = ? WHERE id = ?`,
			nullStr(assigneeID), nullStr(dueOn), ts(s.now()), it.ID); err != nil {
			return err
		}
		return s.touchTx(ctx, tx, c.ID, actorID, "checklist_assigned", "")
	})
}

// AddOwnItem adds the group's own item, title as typed, to case c's
// checklist of stage, after its other items. It returns the item's id.
func (s *Store) AddOwnItem(ctx context.Context, c model.Case, actorID, stage, title string) (string, error) {
	var itemID string
	err := s.tx(ctx, func(tx *sql.Tx) error {
		q := s.in(tx)
		if err := caseOpenTx(ctx, q, c); err != nil {
			return err
		}
		var id string
		var last int
		if err := q.QueryRowContext(ctx, `SELECT l.id, coalesce(max(i.position), -1) FROM case_checklists l
			LEFT JOIN case_checklist_items i ON i.checklist_id = l.id
			WHERE l.case_id = ? AND l.stage = ? GROUP BY l.id`, c.ID, stage).Scan(&id, &last); err != nil {
			return translate(err)
		}
		key := "own-" + newID()
		if err := s.insertItemTx(ctx, q, c, id, last+1, true, model.TemplateItem{Key: key,
			EN: model.ItemText{Title: title}, ES: model.ItemText{Title: title}}, ts(s.now())); err != nil {
			return err
		}
		if err := q.QueryRowContext(ctx, `SELECT id FROM case_checklist_items WHERE checklist_id = ? AND item_key = ?`, id, key).Scan(&itemID); err != nil {
			return err
		}
		return s.touchTx(ctx, tx, c.ID, actorID, "checklist_own_item", stage)
	})
	return itemID, err
}
