package store

import (
	"context"
	"database/sql"
	"slices"

	"puente/internal/checklist"
	"puente/internal/model"
)

// itemCols reads a case checklist item with the names of whoever ticked
// it and whoever does it.
const itemCols = `i.id, i.checklist_id, i.case_id, l.stage, i.position, i.own, i.item_key, i.text_key,
	i.title_en, i.title_es, i.why_en, i.why_es, i.how_en, i.how_es, i.bring_en, i.bring_es, i.texts,
	i.source_url, i.rule_id, i.role, i.state, i.na_reason, coalesce(i.ticked_by, ''), coalesce(tu.name, ''),
	coalesce(i.ticked_at, ''), coalesce(i.assignee_id, ''), coalesce(au.name, ''), coalesce(i.due_on, ''), i.note, i.updated_at`

const itemFrom = ` FROM case_checklist_items i JOIN case_checklists l ON l.id = i.checklist_id
	LEFT JOIN users tu ON tu.id = i.ticked_by LEFT JOIN users au ON au.id = i.assignee_id`

func scanItem(row interface{ Scan(...any) error }, extra ...any) (model.ChecklistItem, error) {
	var it model.ChecklistItem
	var ticked, updated, texts string
	dest := []any{&it.ID, &it.ChecklistID, &it.CaseID, &it.Stage, &it.Position, &it.Own, &it.Key, &it.TextKey,
		&it.EN.Title, &it.ES.Title, &it.EN.Why, &it.ES.Why, &it.EN.How, &it.ES.How, &it.EN.Bring, &it.ES.Bring, &texts,
		&it.Source, &it.Rule, &it.Role, &it.State, &it.NAReason, &it.TickedBy, &it.TickedByName,
		&ticked, &it.AssigneeID, &it.AssigneeName, &it.DueOn, &it.Note, &updated}
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return model.ChecklistItem{}, translate(err)
	}
	it.TickedAt, it.UpdatedAt = parseTS(ticked), parseTS(updated)
	var err error
	if it.More, err = readTexts(texts); err != nil {
		return model.ChecklistItem{}, err
	}
	return it, nil
}

// stageOrder sorts checklists in the order of the stages.
func stageOrder(a, b model.CaseChecklist) int {
	return slices.Index(checklist.Stages, checklist.Stage(a.Stage)) - slices.Index(checklist.Stages, checklist.Stage(b.Stage))
}

// CaseChecklists lists the checklists given to case caseID, in stage
// order, each with its items in order. Two queries, whatever the size.
func (s *Store) CaseChecklists(ctx context.Context, caseID string) ([]model.CaseChecklist, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT id, case_id, group_id, stage, version, created_at
		FROM case_checklists WHERE case_id = ?`, caseID)
	if err != nil {
		return nil, err
	}
	var out []model.CaseChecklist
	for rows.Next() {
		var c model.CaseChecklist
		var at string
		if err := rows.Scan(&c.ID, &c.CaseID, &c.GroupID, &c.Stage, &c.Version, &at); err != nil {
			rows.Close()
			return nil, err
		}
		c.CreatedAt = parseTS(at)
		out = append(out, c)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, nil
	}
	slices.SortFunc(out, stageOrder)
	at := map[string]int{}
	for i, c := range out {
		at[c.ID] = i
	}
	irows, err := s.rd().QueryContext(ctx, `SELECT `+itemCols+itemFrom+` WHERE i.case_id = ? ORDER BY i.checklist_id, i.position`, caseID)
	if err != nil {
		return nil, err
	}
	defer irows.Close()
	for irows.Next() {
		it, err := scanItem(irows)
		if err != nil {
			return nil, err
		}
		if i, ok := at[it.ChecklistID]; ok {
			out[i].Items = append(out[i].Items, it)
		}
	}
	return out, irows.Err()
}

// CaseChecklist returns the checklist of stage given to case caseID;
// model.ErrNotFound when the case has none.
func (s *Store) CaseChecklist(ctx context.Context, caseID, stage string) (model.CaseChecklist, error) {
	all, err := s.CaseChecklists(ctx, caseID)
	if err != nil {
		return model.CaseChecklist{}, err
	}
	for _, c := range all {
		if c.Stage == stage {
			return c, nil
		}
	}
	return model.CaseChecklist{}, model.ErrNotFound
}

// ChecklistItem returns one item of case caseID's checklists;
// model.ErrNotFound if the case has no such item.
func (s *Store) ChecklistItem(ctx context.Context, caseID, itemID string) (model.ChecklistItem, error) {
	return scanItem(s.rd().QueryRowContext(ctx, `SELECT `+itemCols+itemFrom+` WHERE i.id = ? AND i.case_id = ?`, itemID, caseID))
}

// insertItemTx writes one item of a case's checklist.
func (s *Store) insertItemTx(ctx context.Context, q dbtx, c model.Case, checklistID string, pos int, own bool, it model.TemplateItem, now string) error {
	texts, err := writeTexts(it.More)
	if err != nil {
		return err
	}
	_, err = q.ExecContext(ctx, `INSERT INTO case_checklist_items (id, checklist_id, case_id, group_id, item_key, position, own,
		text_key, title_en, title_es, why_en, why_es, how_en, how_es, bring_en, bring_es, texts, source_url, rule_id, role, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		newID(), checklistID, c.ID, c.GroupID, it.Key, pos, own, it.TextKey, it.EN.Title, it.ES.Title, it.EN.Why, it.ES.Why,
		it.EN.How, it.ES.How, it.EN.Bring, it.ES.Bring, texts, it.Source, it.Rule, it.Role, now, now)
	return translate(err)
}

// AddChecklist gives case c the checklist of stage: a copy of the items
// of its network's current template version (the shipped one for a group
// outside a network or a network that never changed it). Later versions
// never change these items. model.ErrConflict if the case already has
// this stage's checklist; model.ErrForbidden if the case is closed.
func (s *Store) AddChecklist(ctx context.Context, c model.Case, actorID, stage string) (string, error) {
	if !checklist.ValidStage(checklist.Stage(stage)) {
		return "", model.ErrNotFound
	}
	id := newID()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := caseOpenTx(ctx, s.in(tx), c); err != nil {
			return err
		}
		return s.addChecklistTx(ctx, tx, c, actorID, stage, id)
	})
	return id, err
}

// addChecklistTx is AddChecklist inside tx, for an open case, the new
// checklist's id given.
func (s *Store) addChecklistTx(ctx context.Context, tx *sql.Tx, c model.Case, actorID, stage, id string) error {
	q := s.in(tx)
	network, err := groupNetworkTx(ctx, q, c.GroupID)
	if err != nil {
		return err
	}
	v, err := s.templateVersionTx(ctx, q, network, stage)
	if err != nil {
		return err
	}
	now := ts(s.now())
	if _, err := q.ExecContext(ctx, `INSERT INTO case_checklists (id, case_id, group_id, stage, version, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, id, c.ID, c.GroupID, stage, v.Version, nullStr(actorID), now); err != nil {
		return translate(err)
	}
	for i, it := range v.Items {
		if err := s.insertItemTx(ctx, q, c, id, i, false, it, now); err != nil {
			return err
		}
	}
	return s.touchTx(ctx, tx, c.ID, actorID, "checklist_added", stage)
}

// ChecklistChanges says what the network's current template of stage
// changes for case c's checklist of that stage (nothing when the case has
// the current version).
func (s *Store) ChecklistChanges(ctx context.Context, c model.Case, stage string) (TemplateChanges, error) {
	have, err := s.CaseChecklist(ctx, c.ID, stage)
	if err != nil {
		return TemplateChanges{}, err
	}
	network, err := groupNetworkTx(ctx, s.rd(), c.GroupID)
	if err != nil {
		return TemplateChanges{}, err
	}
	v, err := s.templateVersionTx(ctx, s.rd(), network, stage)
	if err != nil {
		return TemplateChanges{}, err
	}
	ch := diffTemplate(have.Items, v)
	ch.From = have.Version
	if v.Version == have.Version {
		return TemplateChanges{From: have.Version, To: v.Version}, nil
	}
	return ch, nil
}

// PullChecklist brings the items the network's current template of stage
// adds into case c's checklist of that stage, after the existing ones,
// and records the version. Items already on the case are kept as they
// are, with their ticks, notes and assignments; retired ones stay (a
// coordinator may mark them not applicable). expect is the version the
// coordinator saw the changes of: model.ErrConflict if the template
// changed since.
func (s *Store) PullChecklist(ctx context.Context, c model.Case, actorID, stage string, expect int) (int, error) {
	added := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		q := s.in(tx)
		if err := caseOpenTx(ctx, q, c); err != nil {
			return err
		}
		var id string
		if err := q.QueryRowContext(ctx, `SELECT id FROM case_checklists WHERE case_id = ? AND stage = ?`, c.ID, stage).Scan(&id); err != nil {
			return translate(err)
		}
		network, err := groupNetworkTx(ctx, q, c.GroupID)
		if err != nil {
			return err
		}
		v, err := s.templateVersionTx(ctx, q, network, stage)
		if err != nil {
			return err
		}
		if v.Version != expect {
			return model.ErrConflict
		}
		have := map[string]bool{}
		var last int
		rows, err := q.QueryContext(ctx, `SELECT item_key, position FROM case_checklist_items WHERE checklist_id = ?`, id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var k string
			var p int
			if err := rows.Scan(&k, &p); err != nil {
				rows.Close()
				return err
			}
			have[k], last = true, max(last, p)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		now := ts(s.now())
		for _, it := range v.Items {
			if have[it.Key] {
				continue
			}
			last++
			added++
			if err := s.insertItemTx(ctx, q, c, id, last, false, it, now); err != nil {
				return err
			}
		}
		if _, err := q.ExecContext(ctx, `UPDATE case_checklists SET version = ? WHERE id = ?`, v.Version, id); err != nil {
			return err
		}
		return s.touchTx(ctx, tx, c.ID, actorID, "checklist_updated", stage)
	})
	return added, err
}
