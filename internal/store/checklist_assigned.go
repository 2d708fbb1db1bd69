package store

import (
	"context"

	"puente/internal/model"
)

// ruleDue is the earliest date still to act on among the deadlines of an
// item's rule in its case (NULL when none): one index seek.
const ruleDue = `(SELECT min(d.due) FROM deadlines d LEFT JOIN marks m ON m.case_id = d.case_id AND m.key = d.key
		WHERE d.case_id = i.case_id AND d.rule_id = i.rule_id AND i.rule_id <> '' AND d.met_on IS NULL
		AND coalesce(m.state, 'open') = 'open')`

// ruleKind is the kind of the item's rule's deadlines in its case (due_by,
// opens, expires, info; every deadline of a rule has its rule's kind), NULL
// when it has none.
const ruleKind = `(SELECT d.kind FROM deadlines d WHERE d.case_id = i.case_id AND d.rule_id = i.rule_id AND i.rule_id <> '' LIMIT 1)`

// assignedCols add to an item its case's code, the principal's name (for
// initials), ruleDue and ruleKind.
const assignedCols = itemCols + `, c.code, coalesce((SELECT p.name FROM people p WHERE p.case_id = c.id AND p.is_principal = 1), ''),
	coalesce(` + ruleDue + `, ''), coalesce(` + ruleKind + `, '')`

func scanAssigned(row interface{ Scan(...any) error }) (model.AssignedItem, error) {
	var a model.AssignedItem
	var name string
	it, err := scanItem(row, &a.CaseCode, &name, &a.RuleDue, &a.RuleKind)
	if err != nil {
		return a, err
	}
	a.ChecklistItem, a.Initials = it, Initials(name)
	return a, nil
}

// AssignedItems lists the open checklist items assigned to userID in the
// open cases of group groupID (a member's own tasks). limit bounds the list.
func (s *Store) AssignedItems(ctx context.Context, userID, groupID string, limit int) ([]model.AssignedItem, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT `+assignedCols+itemFrom+`
		JOIN cases c ON c.id = i.case_id AND c.closed_at IS NULL
		WHERE i.assignee_id = ? AND i.group_id = ? AND i.state = 'open'
		ORDER BY i.case_id, l.stage, i.position LIMIT +?`, userID, groupID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.AssignedItem
	for rows.Next() {
		a, err := scanAssigned(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// itemDaySQL is an item's day in SQL: the earlier of the day given with
// its assignment and the earliest open deadline of its rule (either may be
// missing); '9999-12-31' when it has neither. A day given after the legal
// deadline never hides the deadline.
const itemDaySQL = `min(coalesce(i.due_on, '9999-12-31'), coalesce(` + ruleDue + `, '9999-12-31'))`

// GroupAssignedDue lists the open, assigned checklist items of group
// groupID's open cases whose day (the earlier of the day given with the
// assignment and the earliest open deadline of the item's rule) is on or
// before until (YYYY-MM-DD): overdue, due soon, or tied to a window that
// opens by then (RuleKind says which), soonest first. limit bounds it.
func (s *Store) GroupAssignedDue(ctx context.Context, groupID, until string, limit int) ([]model.AssignedItem, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT `+assignedCols+itemFrom+`
		JOIN cases c ON c.id = i.case_id AND c.closed_at IS NULL
		WHERE i.group_id = ? AND i.state = 'open' AND i.assignee_id IS NOT NULL
		  AND `+itemDaySQL+` <= ?
		ORDER BY `+itemDaySQL+`, i.id LIMIT +?`, groupID, until, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.AssignedItem
	for rows.Next() {
		a, err := scanAssigned(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
