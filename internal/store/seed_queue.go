package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"puente/internal/model"
)

// QueueSeed is one person in a network's queue for the demo data set:
// referred DaysAgo days before the seed's now and moved through the
// pipeline up to State (closed with CloseReason), or offered to the group
// OfferTo (a group key) some hours ago, the offer still open, or placed
// with the group PlacedWith (a group key): offered, accepted and moved on
// to arrived, its case the group's seeded case number PlacedCase
// (Seed.Cases[PlacedWith][PlacedCase]), so that the network's placements
// and dashboard show what that case has overdue.
type QueueSeed struct {
	NetworkKey  string
	Input       model.QueueEntryInput
	RegionName  string
	State       model.QueueState
	CloseReason string
	DaysAgo     int
	OfferTo     string
	PlacedWith  string
	PlacedCase  int
}

// seedQueueTx writes one QueueSeed, its history one day a step; cases
// holds the seeded cases' ids by group key, in the seed's order.
func (s *Store) seedQueueTx(ctx context.Context, tx *sql.Tx, orgs map[string]model.Org, cases map[string][]string, q QueueSeed) error {
	net, ok := orgs[q.NetworkKey]
	if !ok {
		return fmt.Errorf("seed: queue names unknown network %q", q.NetworkKey)
	}
	in := q.Input
	if q.RegionName != "" {
		if err := tx.QueryRowContext(ctx, `SELECT id FROM network_regions WHERE network_id = ? AND name = ?`, net.ID, q.RegionName).
			Scan(&in.RegionID); err != nil {
			return fmt.Errorf("seed queue region %q: %w", q.RegionName, err)
		}
	}
	now := s.now()
	at := now.AddDate(0, 0, -q.DaysAgo)
	id := newID()
	anum, fac, err := s.sealQueue(id, in.ANumber, in.Facility)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO queue_entries (id, network_id, pseudonym, languages, adults, child_ages, decision_date, detained_since,
		                           urgency, region_id, needs, external_ref, anumber_enc, facility_enc, state, state_changed_at,
		                           created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'referred', ?, ?, ?)`,
		id, net.ID, in.Pseudonym, joinList(in.Languages), in.Adults, joinInts(in.ChildAges), in.DecisionDate, in.DetainedSince,
		model.QueueUrgency(in.DecisionDate, in.DetainedSince), nullStr(in.RegionID), joinList(in.Needs), nullStr(in.ExternalRef),
		anum, fac, ts(at), ts(at), ts(at)); err != nil {
		return fmt.Errorf("seed queue %q: %w", in.Pseudonym, err)
	}
	if err := queueStateTx(ctx, tx, id, model.QueueReferred, "", "", ts(at)); err != nil {
		return err
	}
	for _, st := range seedPath(q) {
		at = at.Add(24 * time.Hour)
		if at.After(now) {
			at = now
		}
		reason := ""
		if st == model.QueueClosed {
			reason = q.CloseReason
		}
		if _, err := tx.ExecContext(ctx, `UPDATE queue_entries SET state = ?, close_reason = ?, state_changed_at = ?, updated_at = ? WHERE id = ?`,
			string(st), nullStr(reason), ts(at), ts(at), id); err != nil {
			return err
		}
		if err := queueStateTx(ctx, tx, id, st, reason, "", ts(at)); err != nil {
			return err
		}
	}
	if q.PlacedWith != "" {
		return s.seedPlacedTx(ctx, tx, net, orgs, cases, q, id, at)
	}
	if q.OfferTo == "" {
		return nil
	}
	group, ok := orgs[q.OfferTo]
	if !ok {
		return fmt.Errorf("seed: queue offers to unknown group %q", q.OfferTo)
	}
	made := now.Add(-5 * time.Hour)
	if _, err := tx.ExecContext(ctx, `INSERT INTO queue_offers (id, network_id, entry_id, group_id, state, created_at, expires_at)
		VALUES (?, ?, ?, ?, 'open', ?, ?)`, newID(), net.ID, id, group.ID, ts(made), ts(made.Add(model.OfferTTL))); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE queue_entries SET state = 'offered', state_changed_at = ?, updated_at = ? WHERE id = ?`,
		ts(made), ts(made), id); err != nil {
		return err
	}
	return queueStateTx(ctx, tx, id, model.QueueOffered, "", "", ts(made))
}

// seedPlacedTx places entry id (seeking a sponsor since at) with the
// group q.PlacedWith: an offer accepted the next day, linking the seeded
// case, then one state a day up to arrived (no later than now), as a
// hand-off and the pipeline by hand leave it. Linking the case sets the
// entry's case_due (migration 025's triggers).
func (s *Store) seedPlacedTx(ctx context.Context, tx *sql.Tx, net model.Org, orgs map[string]model.Org, cases map[string][]string,
	q QueueSeed, id string, at time.Time) error {
	group, ok := orgs[q.PlacedWith]
	if !ok || q.PlacedCase < 0 || q.PlacedCase >= len(cases[q.PlacedWith]) {
		return fmt.Errorf("seed: queue %q placed with unknown group %q or case %d", q.Input.Pseudonym, q.PlacedWith, q.PlacedCase)
	}
	caseID := cases[q.PlacedWith][q.PlacedCase]
	now := s.now()
	step := func() string {
		if at = at.Add(24 * time.Hour); at.After(now) {
			at = now
		}
		return ts(at)
	}
	made := step()
	if _, err := tx.ExecContext(ctx, `INSERT INTO queue_offers (id, network_id, entry_id, group_id, state, created_at, expires_at)
		VALUES (?, ?, ?, ?, 'open', ?, ?)`, newID(), net.ID, id, group.ID, made, ts(at.Add(model.OfferTTL))); err != nil {
		return err
	}
	if err := queueStateTx(ctx, tx, id, model.QueueOffered, "", "", made); err != nil {
		return err
	}
	accepted := step()
	if _, err := tx.ExecContext(ctx, `UPDATE queue_offers SET state = 'accepted', decided_at = ?, case_id = ? WHERE entry_id = ?`,
		accepted, caseID, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE queue_entries SET state = 'accepted', state_changed_at = ?, updated_at = ?, case_id = ?, group_id = ?
		WHERE id = ?`, accepted, accepted, caseID, group.ID, id); err != nil {
		return err
	}
	if err := queueStateTx(ctx, tx, id, model.QueueAccepted, "", "", accepted); err != nil {
		return err
	}
	for _, st := range []model.QueueState{model.QueuePacket, model.QueueGranted, model.QueueReleased, model.QueueArrived} {
		when := step()
		if _, err := tx.ExecContext(ctx, `UPDATE queue_entries SET state = ?, state_changed_at = ?, updated_at = ? WHERE id = ?`,
			string(st), when, when, id); err != nil {
			return err
		}
		if err := queueStateTx(ctx, tx, id, st, "", "", when); err != nil {
			return err
		}
	}
	return nil
}

// seedPath is the states a seeded entry passes after referred: up to
// seeking a sponsor for one offered or placed; through details gathered
// and seeking for one closed; otherwise every state up to State, skipping
// offered and accepted (they come from offers).
func seedPath(q QueueSeed) []model.QueueState {
	switch {
	case q.OfferTo != "" || q.PlacedWith != "":
		return []model.QueueState{model.QueueDetails, model.QueueSeeking}
	case q.State == model.QueueClosed:
		return []model.QueueState{model.QueueDetails, model.QueueSeeking, model.QueueClosed}
	}
	var out []model.QueueState
	for _, st := range model.QueueStates[1:] {
		if q.State == model.QueueReferred {
			break
		}
		if st != model.QueueOffered && st != model.QueueAccepted {
			out = append(out, st)
		}
		if st == q.State {
			break
		}
	}
	return out
}

func joinList(l []string) string { return strings.Join(l, ",") }
