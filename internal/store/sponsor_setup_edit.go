package store

import (
	"context"
	"database/sql"
	"errors"

	"puente/internal/model"
)

// A network's admins rename and remove the regions and vetting items they
// defined (issue 13). A rename keeps the id, so profiles, queue entries and
// records follow it. Removal is refused while anything points at the row:
// a region named by a group's profile or a queue entry (the schema would
// set them to no region, silently), a vetting item with records (the
// schema would delete a group's history with it). Each change is in the
// network's security log, in the transaction that makes it.

// ErrStillUsed means a region or vetting item cannot be removed: something
// still refers to it (RegionUse, VettingItemUse say what).
var ErrStillUsed = errors.New("store: still in use")

// Region returns networkID's region regionID; model.ErrNotFound for one of
// another network.
func (s *Store) Region(ctx context.Context, networkID, regionID string) (model.Region, error) {
	var r model.Region
	err := s.rd().QueryRowContext(ctx, `SELECT id, name FROM network_regions WHERE id = ? AND network_id = ?`, regionID, networkID).Scan(&r.ID, &r.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return r, model.ErrNotFound
	}
	return r, err
}

// RegionUse counts the group profiles and queue entries of networkID that
// name regionID.
func (s *Store) RegionUse(ctx context.Context, networkID, regionID string) (profiles, entries int, err error) {
	err = regionUseTx(ctx, s.rd(), networkID, regionID, &profiles, &entries)
	return profiles, entries, err
}

type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func regionUseTx(ctx context.Context, q queryRower, networkID, regionID string, profiles, entries *int) error {
	return q.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM sponsor_profiles WHERE network_id = ?1 AND region_id = ?2),
		(SELECT count(*) FROM queue_entries WHERE network_id = ?1 AND region_id = ?2)`, networkID, regionID).Scan(profiles, entries)
}

// RenameRegion gives networkID's region regionID a new name (1–80
// characters), logged as actorID's from ip. model.ErrNotFound for a region
// of another network, model.ErrConflict for a name the network already
// uses; the same name again changes nothing and logs nothing.
func (s *Store) RenameRegion(ctx context.Context, networkID, regionID, name, actorID, ip string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var old string
		err := tx.QueryRowContext(ctx, `SELECT name FROM network_regions WHERE id = ? AND network_id = ?`, regionID, networkID).Scan(&old)
		if errors.Is(err, sql.ErrNoRows) {
			return model.ErrNotFound
		}
		if err != nil || old == name {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE network_regions SET name = ? WHERE id = ?`, name, regionID); err != nil {
			return translate(err)
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventRegionRenamed, OrgID: networkID, ActorID: actorID,
			Detail: model.JoinEventDetail(old, name), IP: ip})
	})
}

// RemoveRegion removes networkID's region regionID, logged as actorID's
// from ip. ErrStillUsed while a profile or queue entry names it (checked in
// the transaction), model.ErrNotFound for one of another network.
func (s *Store) RemoveRegion(ctx context.Context, networkID, regionID, actorID, ip string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var name string
		err := tx.QueryRowContext(ctx, `SELECT name FROM network_regions WHERE id = ? AND network_id = ?`, regionID, networkID).Scan(&name)
		if errors.Is(err, sql.ErrNoRows) {
			return model.ErrNotFound
		}
		if err != nil {
			return err
		}
		var profiles, entries int
		if err := regionUseTx(ctx, tx, networkID, regionID, &profiles, &entries); err != nil {
			return err
		}
		if profiles+entries > 0 {
			return ErrStillUsed
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM network_regions WHERE id = ?`, regionID); err != nil {
			return err
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventRegionRemoved, OrgID: networkID, ActorID: actorID, Detail: model.JoinEventDetail(name), IP: ip})
	})
}

// VettingItem returns networkID's item itemID; model.ErrNotFound for one
// of another network.
func (s *Store) VettingItem(ctx context.Context, networkID, itemID string) (model.VettingItem, error) {
	var it model.VettingItem
	err := s.rd().QueryRowContext(ctx, `SELECT id, name, valid_days, per_adult FROM vetting_items WHERE id = ? AND network_id = ?`,
		itemID, networkID).Scan(&it.ID, &it.Name, &it.ValidDays, &it.PerAdult)
	if errors.Is(err, sql.ErrNoRows) {
		return it, model.ErrNotFound
	}
	return it, err
}

// VettingItemUse counts the vetting records of networkID's item itemID.
func (s *Store) VettingItemUse(ctx context.Context, networkID, itemID string) (int, error) {
	var n int
	err := s.rd().QueryRowContext(ctx, `SELECT count(*) FROM vetting_records WHERE network_id = ? AND item_id = ?`, networkID, itemID).Scan(&n)
	return n, err
}

// RenameVettingItem gives networkID's item itemID a new name (1–120
// characters), logged as actorID's from ip; its records follow it. Its
// validity is not changed: records made under it keep their expiry.
// model.ErrNotFound, model.ErrConflict as RenameRegion.
func (s *Store) RenameVettingItem(ctx context.Context, networkID, itemID, name, actorID, ip string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var old string
		err := tx.QueryRowContext(ctx, `SELECT name FROM vetting_items WHERE id = ? AND network_id = ?`, itemID, networkID).Scan(&old)
		if errors.Is(err, sql.ErrNoRows) {
			return model.ErrNotFound
		}
		if err != nil || old == name {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE vetting_items SET name = ? WHERE id = ?`, name, itemID); err != nil {
			return translate(err)
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventVettingItemRenamed, OrgID: networkID, ActorID: actorID,
			Detail: model.JoinEventDetail(old, name), IP: ip})
	})
}

// RemoveVettingItem removes networkID's item itemID, so groups no longer
// need it to be approved; logged as actorID's from ip. ErrStillUsed while it
// has records (checked in the transaction), model.ErrNotFound for one of
// another network.
func (s *Store) RemoveVettingItem(ctx context.Context, networkID, itemID, actorID, ip string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var name string
		var n int
		err := tx.QueryRowContext(ctx, `SELECT name, (SELECT count(*) FROM vetting_records WHERE item_id = i.id)
			FROM vetting_items i WHERE id = ? AND network_id = ?`, itemID, networkID).Scan(&name, &n)
		if errors.Is(err, sql.ErrNoRows) {
			return model.ErrNotFound
		}
		if err != nil {
			return err
		}
		if n > 0 {
			return ErrStillUsed
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM vetting_items WHERE id = ?`, itemID); err != nil {
			return err
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventVettingItemRemoved, OrgID: networkID, ActorID: actorID, Detail: model.JoinEventDetail(name), IP: ip})
	})
}
