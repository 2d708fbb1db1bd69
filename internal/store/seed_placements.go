package store

import (
	"context"
	"database/sql"
	"fmt"

	"puente/internal/model"
)

// PlacementSeed is one hand-off for SeedPlacements: the network's entry
// EntryID (seeking a sponsor, unlinked) offered to and accepted by Group
// with HandOff's household, then moved on to State (accepted when empty;
// released or arrived, one state change each step). Arrival, when set
// (YYYY-MM-DD), is recorded on the case as the household's arrival at the
// sponsor's home, its deadlines computed; Appointments are added to the
// case as a group records them, nobody going.
type PlacementSeed struct {
	EntryID      string
	Group        model.Org
	HandOff      HandOff
	State        model.QueueState
	Arrival      string
	Appointments []model.Appointment
}

// SeedPlacements hands many entries of network off at once, for
// benchmarks and tests where one transaction per hand-off is needlessly
// slow: each is an offer made and accepted, then AcceptOffer's own work
// (handOffTx), so the rows are exactly those a hand-off leaves; a
// transaction holds a batch of them. The checks at use (a live offer, the
// group approved) are not made. It returns the cases' ids.
func (s *Store) SeedPlacements(ctx context.Context, network model.Org, seeds []PlacementSeed) ([]string, error) {
	const batch = 500
	var ids []string
	for lo := 0; lo < len(seeds); lo += batch {
		part := seeds[lo:min(lo+batch, len(seeds))]
		err := s.tx(ctx, func(tx *sql.Tx) error {
			for _, p := range part {
				id, err := s.seedPlacementTx(ctx, tx, network, p)
				if err != nil {
					return fmt.Errorf("seed placement of %s: %w", p.EntryID, err)
				}
				ids = append(ids, id)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return ids, nil
}

func (s *Store) seedPlacementTx(ctx context.Context, tx *sql.Tx, network model.Org, p PlacementSeed) (string, error) {
	q := s.in(tx)
	now := s.now()
	offerID := newID()
	if _, err := q.ExecContext(ctx, `INSERT INTO queue_offers (id, network_id, entry_id, group_id, state, created_at, expires_at)
		VALUES (?, ?, ?, ?, 'open', ?, ?)`, offerID, network.ID, p.EntryID, p.Group.ID, ts(now), ts(now.Add(model.OfferTTL))); err != nil {
		return "", err
	}
	if _, err := q.ExecContext(ctx, `UPDATE queue_entries SET state = 'offered', state_changed_at = ?, updated_at = ? WHERE id = ? AND network_id = ?`,
		ts(now), ts(now), p.EntryID, network.ID); err != nil {
		return "", err
	}
	if err := queueStateTx(ctx, q, p.EntryID, model.QueueOffered, "", "", ts(now)); err != nil {
		return "", err
	}
	caseID, err := s.handOffTx(ctx, tx, p.Group, p.EntryID, offerID, "", p.HandOff)
	if err != nil {
		return "", err
	}
	if p.State != "" && p.State != model.QueueAccepted {
		for _, st := range model.QueueStates {
			if st != model.QueueReleased && st != model.QueueArrived {
				continue
			}
			if _, err := q.ExecContext(ctx, `UPDATE queue_entries SET state = ?, state_changed_at = ?, updated_at = ? WHERE id = ?`,
				string(st), ts(now), ts(now), p.EntryID); err != nil {
				return "", err
			}
			if err := queueStateTx(ctx, q, p.EntryID, st, "", "", ts(now)); err != nil {
				return "", err
			}
			if st == p.State {
				break
			}
		}
	}
	c := model.Case{ID: caseID, GroupID: p.Group.ID}
	for _, a := range p.Appointments {
		if a.TimeZone == "" {
			a.TimeZone = p.Group.TimeZone
		}
		starts, err := placeTx(ctx, q, c, &a)
		if err != nil {
			return "", err
		}
		if _, err := q.ExecContext(ctx, `
			INSERT INTO appointments (id, case_id, group_id, person_id, kind, date, time, time_zone, starts_at, place, going, note, created_at, updated_at)
			VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, '', '', ?, ?)`,
			newID(), caseID, p.Group.ID, a.Kind, a.Date, a.Time, a.TimeZone, starts, a.Place, ts(now), ts(now)); err != nil {
			return "", err
		}
	}
	if p.Arrival != "" {
		if _, err := q.ExecContext(ctx, `INSERT INTO facts (id, case_id, person_id, kind, date, end_date, note, created_at)
			VALUES (?, ?, NULL, ?, ?, NULL, '', ?)`, newID(), caseID, model.FactArrival, p.Arrival, ts(now)); err != nil {
			return "", err
		}
		if err := s.recomputeTx(ctx, tx, caseID); err != nil {
			return "", err
		}
	}
	return caseID, nil
}
