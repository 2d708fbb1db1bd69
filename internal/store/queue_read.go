package store

import (
	"context"
	"database/sql"
	"strings"

	"puente/internal/model"
)

const queueCols = `q.id, q.network_id, q.pseudonym, q.languages, q.adults, q.child_ages, q.decision_date, q.detained_since,
	coalesce(q.region_id, ''), coalesce(r.name, ''), q.needs, coalesce(q.external_ref, ''), q.anumber_enc,
	q.facility_enc IS NOT NULL, q.state, q.state_changed_at, coalesce(q.close_reason, ''), coalesce(q.case_id, ''),
	coalesce(q.group_id, ''), coalesce(g.name, ''), q.created_at, q.updated_at,
	` + leftDetentionCol

// leftDetentionCol is when entry q last moved to released, arrived or
// closed and stayed there (” otherwise): the start of the last run of
// those states in its history (queue_state_changes_entry).
const leftDetentionCol = `coalesce((SELECT min(h.at) FROM queue_state_changes h
	WHERE h.entry_id = q.id AND h.state IN ('released', 'arrived', 'closed')
	AND NOT EXISTS (SELECT 1 FROM queue_state_changes h2 WHERE h2.entry_id = q.id AND h2.id > h.id
		AND h2.state NOT IN ('released', 'arrived', 'closed'))), '')`

const queueFrom = ` FROM queue_entries q
	LEFT JOIN network_regions r ON r.id = q.region_id
	LEFT JOIN organisations g ON g.id = q.group_id`

// scanQueue reads one entry; the A-number is opened only for its last
// three digits, as for people.
func (s *Store) scanQueue(row interface{ Scan(...any) error }) (model.QueueEntry, error) {
	var e model.QueueEntry
	var langs, ages, needs, state, changed, created, updated, left string
	var anum []byte
	if err := row.Scan(&e.ID, &e.NetworkID, &e.Pseudonym, &langs, &e.Adults, &ages, &e.DecisionDate, &e.DetainedSince,
		&e.RegionID, &e.RegionName, &needs, &e.ExternalRef, &anum, &e.HasFacility, &state, &changed, &e.CloseReason,
		&e.CaseID, &e.GroupID, &e.GroupName, &created, &updated, &left); err != nil {
		return e, translate(err)
	}
	if left != "" {
		e.LeftDetention = parseTS(left)
	}
	e.Languages, e.ChildAges, e.Needs = splitList(langs), splitInts(ages), splitList(needs)
	e.State, e.StateChangedAt = model.QueueState(state), parseTS(changed)
	e.CreatedAt, e.UpdatedAt = parseTS(created), parseTS(updated)
	if len(anum) > 0 {
		a, err := s.open(anum, "queue_entries", "anumber_enc", e.ID)
		if err != nil {
			return e, err
		}
		e.HasANumber = true
		if len(a) >= 3 {
			e.ANumberLast3 = a[len(a)-3:]
		}
	}
	return e, nil
}

// QueueEntry returns network's entry id; model.ErrNotFound for an entry of
// another network, as for one that does not exist.
func (s *Store) QueueEntry(ctx context.Context, network model.Org, id string) (model.QueueEntry, error) {
	return s.scanQueue(s.rd().QueryRowContext(ctx, `SELECT `+queueCols+queueFrom+` WHERE q.id = ? AND q.network_id = ?`, id, network.ID))
}

// QueueFilter narrows the queue page: State "" for every state but closed,
// "all" for every state, or one state; Before, when set (YYYY-MM-DD), keeps
// only people whose decision date comes before that day and, with State
// "", only those still waiting for that decision (model.QueueDecided: a
// person released or refused is not "decision within 7 days").
type QueueFilter struct {
	State  string
	Before string
}

// queueWhere are the queue page's filters: every state but closed, every
// state, one state, each also with a decision date before ?5. Each is
// served by an index of schema/020 in urgency order (queue_entries_urgency,
// queue_entries_state): urgency starts with the decision date.
var queueWhere = map[string]string{
	"":           ` WHERE q.network_id = ?1 AND q.state <> 'closed'`,
	"all":        ` WHERE q.network_id = ?1`,
	"one":        ` WHERE q.network_id = ?1 AND q.state = ?2`,
	"-before":    ` WHERE q.network_id = ?1 AND q.state IN (` + undecidedStates + `) AND q.urgency < ?5`,
	"all-before": ` WHERE q.network_id = ?1 AND q.urgency < ?5`,
	"one-before": ` WHERE q.network_id = ?1 AND q.state = ?2 AND q.urgency < ?5`,
}

// undecidedStates are the states before a release decision, quoted for
// SQL, from model.QueueStates (constants).
var undecidedStates = func() string {
	var out []string
	for _, st := range model.QueueStates {
		if !model.QueueDecided(st) {
			out = append(out, "'"+string(st)+"'")
		}
	}
	return strings.Join(out, ", ")
}()

// queueQueries are the count and page queries of each filter. Their
// arguments are network, state, limit, offset, before: each query is given
// as many as its highest placeholder.
var queueQueries = func() map[string][2]string {
	out := map[string][2]string{}
	for k, where := range queueWhere {
		out[k] = [2]string{`SELECT count(*) FROM queue_entries q` + where,
			`SELECT ` + queueCols + queueFrom + where + ` ORDER BY q.urgency, q.id LIMIT +?3 OFFSET +?4`}
	}
	return out
}()

// QueueList returns one page (1-based, size rows) of network's queue, most
// urgent first (model.QueueUrgency), and how many entries the filter holds.
func (s *Store) QueueList(ctx context.Context, network model.Org, f QueueFilter, page, size int) ([]model.QueueEntry, int, error) {
	if page < 1 {
		page = 1
	}
	key := f.State
	if key != "" && key != "all" {
		key = "one"
	}
	if f.Before != "" {
		key += "-before"
	}
	q := queueQueries[key]
	args := []any{network.ID, f.State, size, (page - 1) * size, f.Before}
	nCount, nPage := 1, 4
	switch {
	case f.Before != "":
		nCount, nPage = 5, 5
	case key == "one":
		nCount = 2
	}
	var total int
	if err := s.rd().QueryRowContext(ctx, q[0], args[:nCount]...).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.rd().QueryContext(ctx, q[1], args[:nPage]...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []model.QueueEntry
	for rows.Next() {
		e, err := s.scanQueue(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, e)
	}
	return out, total, rows.Err()
}

// QueueHistory lists an entry's state changes, oldest first. The entry
// must be network's (callers load it with QueueEntry first).
func (s *Store) QueueHistory(ctx context.Context, e model.QueueEntry) ([]model.QueueStateChange, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT h.state, h.reason, h.at, coalesce(u.name, '')
		FROM queue_state_changes h LEFT JOIN users u ON u.id = h.actor_id
		WHERE h.entry_id = ? ORDER BY h.id`, e.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.QueueStateChange
	for rows.Next() {
		var c model.QueueStateChange
		var state, at string
		if err := rows.Scan(&state, &c.Reason, &at, &c.ActorName); err != nil {
			return nil, err
		}
		c.State, c.At = model.QueueState(state), parseTS(at)
		out = append(out, c)
	}
	return out, rows.Err()
}

var queueColumns = map[model.SensitiveField]string{
	model.FieldANumber:  "anumber_enc",
	model.FieldFacility: "facility_enc",
}

// RevealQueueField opens one restricted field of network's entry and
// records the reveal in the audit log in the same transaction, as
// RevealPersonField does for a case.
func (s *Store) RevealQueueField(ctx context.Context, network model.Org, entryID string, field model.SensitiveField, actorID string) (string, error) {
	column, ok := queueColumns[field]
	if !ok {
		return "", model.ErrNotFound
	}
	var value string
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var sealed []byte
		// The column name comes from the fixed map above, never from input.
		if err := s.in(tx).QueryRowContext(ctx, `SELECT `+column+` FROM queue_entries WHERE id = ? AND network_id = ?`,
			entryID, network.ID).Scan(&sealed); err != nil {
			return translate(err)
		}
		if len(sealed) == 0 {
			return model.ErrNotFound
		}
		var err error
		if value, err = s.open(sealed, "queue_entries", column, entryID); err != nil {
			return err
		}
		return insertAudit(ctx, s.in(tx), AuditEntry{ActorID: actorID, OrgID: network.ID, Action: "reveal", ObjectType: "queue_entry",
			ObjectID: entryID, Field: string(field), at: s.now()})
	})
	return value, err
}

// QueueEdit is the edit form's change to an entry: its input, and whether
// each restricted field is replaced (SetANumber, SetFacility; "" clears).
type QueueEdit struct {
	In          model.QueueEntryInput
	SetANumber  bool
	SetFacility bool
}

// UpdateQueueEntry saves the edit form for network's entry. A reference
// another entry of the network has: model.ErrConflict, nothing written.
func (s *Store) UpdateQueueEntry(ctx context.Context, network model.Org, entryID string, ed QueueEdit) error {
	in := ed.In
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := s.in(tx).ExecContext(ctx, `
			UPDATE queue_entries SET pseudonym = ?, languages = ?, adults = ?, child_ages = ?, decision_date = ?,
			       detained_since = ?, urgency = ?, region_id = ?, needs = ?, external_ref = ?, updated_at = ?
			WHERE id = ? AND network_id = ?`,
			in.Pseudonym, strings.Join(in.Languages, ","), in.Adults, joinInts(in.ChildAges), in.DecisionDate,
			in.DetainedSince, model.QueueUrgency(in.DecisionDate, in.DetainedSince), nullStr(in.RegionID),
			strings.Join(in.Needs, ","), nullStr(in.ExternalRef), ts(s.now()), entryID, network.ID)
		if err := mustAffect(res, err); err != nil {
			return err
		}
		if !ed.SetANumber && !ed.SetFacility {
			return nil
		}
		anum, fac, err := s.sealQueue(entryID, in.ANumber, in.Facility)
		if err != nil {
			return err
		}
		if ed.SetANumber {
			if _, err := s.in(tx).ExecContext(ctx, `UPDATE queue_entries SET anumber_enc = ? WHERE id = ?`, anum, entryID); err != nil {
				return err
			}
		}
		if ed.SetFacility {
			if _, err := s.in(tx).ExecContext(ctx, `UPDATE queue_entries SET facility_enc = ? WHERE id = ?`, fac, entryID); err != nil {
				return err
			}
		}
		return nil
	})
}

// SetQueueState moves network's entry to state by hand (a state
// model.SettableQueueState allows), recording when and who. Moving it out
// of "offered" while an offer is open: ErrOfferOpen (withdraw it first);
// back before "accepted" once it was handed to a group: ErrQueueLinked;
// to a step after "accepted" (model.AfterHandOff) before any group
// accepted the person: ErrQueueNotPlaced.
func (s *Store) SetQueueState(ctx context.Context, network model.Org, entryID string, state model.QueueState, actorID string) error {
	if !model.SettableQueueState(state) {
		return model.ErrForbidden
	}
	return s.setQueueState(ctx, network, entryID, state, "", actorID, nil)
}

func (s *Store) setQueueState(ctx context.Context, network model.Org, entryID string, state model.QueueState, reason, actorID string,
	tell func(ClosedPlacement) []model.Email) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var cur string
		var linked bool
		if err := s.in(tx).QueryRowContext(ctx, `SELECT state, case_id IS NOT NULL FROM queue_entries WHERE id = ? AND network_id = ?`,
			entryID, network.ID).Scan(&cur, &linked); err != nil {
			return translate(err)
		}
		if cur == string(model.QueueClosed) {
			return model.ErrForbidden
		}
		if linked && (state == model.QueueReferred || state == model.QueueDetails || state == model.QueueSeeking) {
			return ErrQueueLinked
		}
		if !linked && model.AfterHandOff(state) {
			return ErrQueueNotPlaced
		}
		var open int
		if err := s.in(tx).QueryRowContext(ctx, `SELECT count(*) FROM queue_offers WHERE entry_id = ? AND state = 'open' AND expires_at > ?`,
			entryID, ts(s.now())).Scan(&open); err != nil {
			return err
		}
		if open > 0 {
			return ErrOfferOpen
		}
		if cur == string(state) {
			return nil
		}
		now := ts(s.now())
		if _, err := s.in(tx).ExecContext(ctx, `UPDATE queue_entries SET state = ?, close_reason = ?, state_changed_at = ?, updated_at = ?
			WHERE id = ?`, string(state), nullStr(reason), now, now, entryID); err != nil {
			return err
		}
		if err := queueStateTx(ctx, s.in(tx), entryID, state, reason, actorID, now); err != nil {
			return err
		}
		if state == model.QueueClosed && linked {
			return s.closePlacementTx(ctx, tx, entryID, reason, tell)
		}
		return nil
	})
}
