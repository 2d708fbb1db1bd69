package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"puente/internal/checklist"
	"puente/internal/model"
)

// Checklist templates (issue 12): the shipped ones live in the binary; a
// network's edits are versions here, each holding the whole list.

// shippedVersion is the shipped template of stage as version 0. Its items'
// words are messages: TextKey is "checklist.<stage>.<item>", to which a
// page adds ".title", ".why", ".how" or ".bring".
func shippedVersion(stage string) (model.TemplateVersion, error) {
	t, ok := checklist.Shipped(checklist.Stage(stage))
	if !ok {
		return model.TemplateVersion{}, model.ErrNotFound
	}
	v := model.TemplateVersion{Stage: stage}
	for _, it := range t.Items {
		v.Items = append(v.Items, model.TemplateItem{Key: it.Key, TextKey: strings.TrimSuffix(checklist.TextKey(t.Stage, it.Key, ""), "."),
			Source: it.Source, Rule: it.Rule, Role: string(it.Role)})
	}
	return v, nil
}

// templateVersionTx is network networkID's latest version of stage's
// template, or the shipped one when the network has none (or networkID is
// "": a group outside any network uses the shipped templates).
func (s *Store) templateVersionTx(ctx context.Context, q dbtx, networkID, stage string) (model.TemplateVersion, error) {
	if networkID == "" {
		return shippedVersion(stage)
	}
	var id, at string
	var version int
	err := q.QueryRowContext(ctx, `SELECT id, version, created_at FROM checklist_versions
		WHERE network_id = ? AND stage = ? ORDER BY version DESC LIMIT 1`, networkID, stage).Scan(&id, &version, &at)
	if err == sql.ErrNoRows {
		v, err := shippedVersion(stage)
		v.NetworkID = networkID
		return v, err
	}
	if err != nil {
		return model.TemplateVersion{}, err
	}
	v := model.TemplateVersion{NetworkID: networkID, Stage: stage, Version: version, CreatedAt: parseTS(at)}
	rows, err := q.QueryContext(ctx, `SELECT item_key, text_key, title_en, title_es, why_en, why_es, how_en, how_es,
		bring_en, bring_es, texts, source_url, rule_id, role FROM checklist_version_items WHERE version_id = ? ORDER BY position`, id)
	if err != nil {
		return model.TemplateVersion{}, err
	}
	defer rows.Close()
	for rows.Next() {
		var it model.TemplateItem
		var texts string
		if err := rows.Scan(&it.Key, &it.TextKey, &it.EN.Title, &it.ES.Title, &it.EN.Why, &it.ES.Why, &it.EN.How, &it.ES.How,
			&it.EN.Bring, &it.ES.Bring, &texts, &it.Source, &it.Rule, &it.Role); err != nil {
			return model.TemplateVersion{}, err
		}
		if it.More, err = readTexts(texts); err != nil {
			return model.TemplateVersion{}, err
		}
		v.Items = append(v.Items, it)
	}
	return v, rows.Err()
}

// NetworkTemplate returns network networkID's current template of stage:
// its latest version, or the shipped template (version 0) if it never
// changed it. model.ErrNotFound for an unknown stage.
func (s *Store) NetworkTemplate(ctx context.Context, networkID, stage string) (model.TemplateVersion, error) {
	return s.templateVersionTx(ctx, s.rd(), networkID, stage)
}

// SaveTemplate writes items as the next version of network networkID's
// template of stage and returns its number. Cases keep the items they
// were given; new cases get this version. expect is the version the
// editor saw: if another edit came first, nothing is written and
// model.ErrConflict says so. Each item needs a key, and its words either
// through TextKey or in both languages.
func (s *Store) SaveTemplate(ctx context.Context, networkID, stage, actorID string, expect int, items []model.TemplateItem) (int, error) {
	if !checklist.ValidStage(checklist.Stage(stage)) {
		return 0, model.ErrNotFound
	}
	var version int
	err := s.tx(ctx, func(tx *sql.Tx) error {
		q := s.in(tx)
		var kind string
		if err := q.QueryRowContext(ctx, `SELECT kind FROM organisations WHERE id = ?`, networkID).Scan(&kind); err != nil {
			return translate(err)
		}
		if kind != string(model.KindNetwork) {
			return model.ErrForbidden
		}
		if err := q.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM checklist_versions WHERE network_id = ? AND stage = ?`,
			networkID, stage).Scan(&version); err != nil {
			return err
		}
		if version != expect {
			return model.ErrConflict
		}
		version++
		id := newID()
		if _, err := q.ExecContext(ctx, `INSERT INTO checklist_versions (id, network_id, stage, version, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`, id, networkID, stage, version, nullStr(actorID), ts(s.now())); err != nil {
			return translate(err)
		}
		for i, it := range items {
			texts, err := writeTexts(it.More)
			if err != nil {
				return err
			}
			if _, err := q.ExecContext(ctx, `INSERT INTO checklist_version_items (version_id, item_key, position, text_key,
				title_en, title_es, why_en, why_es, how_en, how_es, bring_en, bring_es, texts, source_url, rule_id, role)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, it.Key, i, it.TextKey, it.EN.Title, it.ES.Title,
				it.EN.Why, it.ES.Why, it.EN.How, it.ES.How, it.EN.Bring, it.ES.Bring, texts, it.Source, it.Rule, it.Role); err != nil {
				return translate(err)
			}
		}
		return nil
	})
	return version, err
}

// readTexts reads an item's words in languages beyond English and Spanish
// (the texts column: {"fr": {"title": …, "why": …}}); nil for none.
func readTexts(s string) (map[string]model.ItemText, error) {
	if s == "" || s == "{}" {
		return nil, nil
	}
	var m map[string]model.ItemText
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, fmt.Errorf("checklist item texts: %w", err)
	}
	return m, nil
}

// writeTexts is the texts column of an item's other languages: those with
// a title, by code (encoding/json sorts the keys, so equal words are
// equal text).
func writeTexts(m map[string]model.ItemText) (string, error) {
	keep := map[string]model.ItemText{}
	for l, t := range m {
		if t.Title != "" {
			keep[l] = t
		}
	}
	if len(keep) == 0 {
		return "{}", nil
	}
	b, err := json.Marshal(keep)
	return string(b), err
}

// groupNetworkTx is the network a group belongs to, "" for none.
func groupNetworkTx(ctx context.Context, q dbtx, groupID string) (string, error) {
	var network sql.NullString
	if err := q.QueryRowContext(ctx, `SELECT network_id FROM organisations WHERE id = ?`, groupID).Scan(&network); err != nil {
		return "", translate(err)
	}
	return network.String, nil
}

// TemplateChanges is what a newer template version changes for a case's
// checklist: items it adds, items whose words, link, rule or role it
// changes, and items it no longer has (retired).
type TemplateChanges struct {
	From, To                int
	Added, Changed, Retired []model.TemplateItem
}

// Empty reports whether the newer version changes nothing.
func (c TemplateChanges) Empty() bool {
	return len(c.Added) == 0 && len(c.Changed) == 0 && len(c.Retired) == 0
}

// diffTemplate compares a case checklist's items with a template version.
func diffTemplate(have []model.ChecklistItem, to model.TemplateVersion) TemplateChanges {
	ch := TemplateChanges{To: to.Version}
	byKey := map[string]model.TemplateItem{}
	for _, it := range have {
		if !it.Own {
			byKey[it.Key] = it.TemplateItem
		}
	}
	for _, it := range to.Items {
		old, ok := byKey[it.Key]
		delete(byKey, it.Key)
		switch {
		case !ok:
			ch.Added = append(ch.Added, it)
		case !old.Same(it):
			ch.Changed = append(ch.Changed, it)
		}
	}
	for _, it := range have {
		if _, gone := byKey[it.Key]; gone && !it.Own {
			ch.Retired = append(ch.Retired, it.TemplateItem)
		}
	}
	return ch
}
