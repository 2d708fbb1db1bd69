package store

import (
	"context"
	"database/sql"

	"puente/internal/model"
)

const orgCols = `o.id, o.kind, o.name, coalesce(o.network_id, ''), o.created_at`

func scanOrg(row interface{ Scan(...any) error }) (model.Org, error) {
	var o model.Org
	var created string
	if err := row.Scan(&o.ID, &o.Kind, &o.Name, &o.NetworkID, &created); err != nil {
		return model.Org{}, translate(err)
	}
	o.CreatedAt = parseTS(created)
	return o, nil
}

// OrgForUser returns the organisation orgID only if userID belongs to it or
// to the network that owns it; otherwise model.ErrNotFound, exactly as for
// an organisation that does not exist.
func (s *Store) OrgForUser(ctx context.Context, userID, orgID string) (model.Org, error) {
	return scanOrg(s.db.QueryRowContext(ctx, `
		SELECT `+orgCols+` FROM organisations o
		WHERE o.id = ?
		  AND EXISTS (SELECT 1 FROM memberships m
		              WHERE m.user_id = ? AND (m.org_id = o.id OR m.org_id = o.network_id))`,
		orgID, userID))
}

// CreateGroup creates a sponsor group inside network networkID.
func (s *Store) CreateGroup(ctx context.Context, networkID, name, actorID, ip string) (model.Org, error) {
	var org model.Org
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		org, err = s.createOrgTx(ctx, tx, model.KindGroup, name, networkID)
		if err != nil {
			return err
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventGroupCreated, OrgID: networkID, ActorID: actorID, Detail: name, IP: ip})
	})
	return org, err
}

func (s *Store) createOrgTx(ctx context.Context, tx *sql.Tx, kind model.OrgKind, name, networkID string) (model.Org, error) {
	o := model.Org{ID: newID(), Kind: kind, Name: name, NetworkID: networkID, CreatedAt: s.now()}
	_, err := tx.ExecContext(ctx,
		`INSERT INTO organisations (id, kind, name, network_id, created_at) VALUES (?, ?, ?, ?, ?)`,
		o.ID, o.Kind, o.Name, nullStr(o.NetworkID), ts(o.CreatedAt))
	if err != nil {
		return model.Org{}, translate(err)
	}
	return o, nil
}

// Groups lists a network's sponsor groups with their member counts, by name.
func (s *Store) Groups(ctx context.Context, networkID string) ([]model.GroupSummary, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT `+orgCols+`, (SELECT count(*) FROM memberships m WHERE m.org_id = o.id)
		FROM organisations o
		WHERE o.network_id = ?
		ORDER BY o.name, o.id`, networkID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.GroupSummary
	for rows.Next() {
		var g model.GroupSummary
		var created string
		if err := rows.Scan(&g.ID, &g.Kind, &g.Name, &g.NetworkID, &created, &g.Members); err != nil {
			return nil, err
		}
		g.CreatedAt = parseTS(created)
		out = append(out, g)
	}
	return out, rows.Err()
}
