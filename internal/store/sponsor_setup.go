package store

import (
	"context"
	"database/sql"
	"errors"

	"puente/internal/model"
)

// A network's own lists for its sponsor groups (issue 13): the regions it
// places people in and the vetting items it requires.

// ErrBadRegion means a profile named a region that is not its network's.
var ErrBadRegion = errors.New("store: region is not the network's")

// ErrBadSponsorInput means a stage or date that the page checks was not
// one.
var ErrBadSponsorInput = errors.New("store: bad stage or date")

// ErrBadItem means a vetting record named an item that is not the group's
// network's.
var ErrBadItem = errors.New("store: vetting item is not the network's")

// Regions lists networkID's regions by name.
func (s *Store) Regions(ctx context.Context, networkID string) ([]model.Region, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT id, name FROM network_regions WHERE network_id = ? ORDER BY name`, networkID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Region
	for rows.Next() {
		var r model.Region
		if err := rows.Scan(&r.ID, &r.Name); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// AddRegion adds a region named name (1–80 characters) to networkID,
// logged as actorID's from ip; model.ErrConflict if the network already
// has one of that name.
func (s *Store) AddRegion(ctx context.Context, networkID, name, actorID, ip string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO network_regions (id, network_id, name, created_at) VALUES (?, ?, ?, ?)`,
			newID(), networkID, name, ts(s.now()))
		if err != nil {
			return translate(err)
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventRegionAdded, OrgID: networkID, ActorID: actorID, Detail: model.JoinEventDetail(name), IP: ip})
	})
}

// VettingItems lists networkID's required vetting items by name.
func (s *Store) VettingItems(ctx context.Context, networkID string) ([]model.VettingItem, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT id, name, valid_days, per_adult FROM vetting_items WHERE network_id = ? ORDER BY name`, networkID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.VettingItem
	for rows.Next() {
		var it model.VettingItem
		if err := rows.Scan(&it.ID, &it.Name, &it.ValidDays, &it.PerAdult); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// AddVettingItem adds a required item to networkID: a name (1–120
// characters), how many days a record of it stays valid (1–3650), and
// whether each adult needs one; logged as actorID's from ip.
// model.ErrConflict for a name already used.
func (s *Store) AddVettingItem(ctx context.Context, networkID string, it model.VettingItem, actorID, ip string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO vetting_items (id, network_id, name, valid_days, per_adult, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			newID(), networkID, it.Name, it.ValidDays, it.PerAdult, ts(s.now()))
		if err != nil {
			return translate(err)
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventVettingItemAdded, OrgID: networkID, ActorID: actorID, Detail: model.JoinEventDetail(it.Name), IP: ip})
	})
}
