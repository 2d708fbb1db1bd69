package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"puente/internal/model"
	"puente/internal/tz"
)

// Offers of a person in the queue to a sponsor group (issue 13). The
// network makes and withdraws them; the group's coordinators see them and
// accept or decline. Every answer checks the offer at use, in the
// transaction that acts on it.

// Errors of offers.
var (
	// ErrOfferDead: the offer expired, was withdrawn or was already
	// answered; nothing was written.
	ErrOfferDead = errors.New("store: the offer is no longer open")
	// ErrOfferOpen: the person has an open offer (withdraw it first).
	ErrOfferOpen = errors.New("store: the person has an open offer")
	// ErrNotApproved: the group is not approved today (a lapsed vetting
	// item, a resting group, an incomplete profile).
	ErrNotApproved = errors.New("store: the group is not approved")
	// ErrQueueState: the person is not seeking a sponsor.
	ErrQueueState = errors.New("store: the person is not seeking a sponsor")
	// ErrQueueLinked: the person was handed to a group; their entry cannot
	// go back to before the hand-off (a second case would follow).
	ErrQueueLinked = errors.New("store: the person's case is with a group")
	// ErrQueueNotPlaced: the step follows a group's acceptance, and no
	// group accepted the person (model.AfterHandOff).
	ErrQueueNotPlaced = errors.New("store: no group accepted the person")
)

const offerCols = `o.id, o.network_id, o.entry_id, o.group_id, g.name, o.state, o.created_at, coalesce(cu.name, ''), o.expires_at,
	coalesce(o.decided_at, ''), coalesce(du.name, ''), o.reason, o.reason_note, coalesce(o.case_id, ''),
	q.pseudonym, q.languages, q.adults, q.child_ages, q.needs, q.decision_date, q.detained_since, coalesce(r.name, ''), ` + leftDetentionCol

const offerFrom = ` FROM queue_offers o
	JOIN organisations g ON g.id = o.group_id
	JOIN queue_entries q ON q.id = o.entry_id
	LEFT JOIN network_regions r ON r.id = q.region_id
	LEFT JOIN users cu ON cu.id = o.created_by
	LEFT JOIN users du ON du.id = o.decided_by`

func scanOffer(row interface{ Scan(...any) error }) (model.Offer, error) {
	var o model.Offer
	var state, created, expires, decided, langs, ages, needs, left string
	if err := row.Scan(&o.ID, &o.NetworkID, &o.EntryID, &o.GroupID, &o.GroupName, &state, &created, &o.CreatedByName, &expires,
		&decided, &o.DecidedByName, &o.Reason, &o.ReasonNote, &o.CaseID,
		&o.Pseudonym, &langs, &o.Adults, &ages, &needs, &o.DecisionDate, &o.DetainedSince, &o.RegionName, &left); err != nil {
		return o, translate(err)
	}
	if left != "" {
		o.LeftDetention = parseTS(left)
	}
	o.State, o.CreatedAt, o.ExpiresAt = model.OfferState(state), parseTS(created), parseTS(expires)
	if decided != "" {
		o.DecidedAt = parseTS(decided)
	}
	o.Languages, o.ChildAges, o.Needs = splitList(langs), splitInts(ages), splitList(needs)
	return o, nil
}

func scanOffers(rows *sql.Rows, err error) ([]model.Offer, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Offer
	for rows.Next() {
		o, err := scanOffer(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// EntryOffers lists the offers made for network's entry, newest first.
func (s *Store) EntryOffers(ctx context.Context, network model.Org, entryID string) ([]model.Offer, error) {
	return scanOffers(s.rd().QueryContext(ctx, `SELECT `+offerCols+offerFrom+`
		WHERE o.entry_id = ? AND o.network_id = ? ORDER BY o.created_at DESC, o.id`, entryID, network.ID))
}

// GroupOffers lists the offers made to group, open ones first, then the
// most recent answered or dead ones (at most limit in all).
func (s *Store) GroupOffers(ctx context.Context, group model.Org, limit int) ([]model.Offer, error) {
	return scanOffers(s.rd().QueryContext(ctx, `SELECT `+offerCols+offerFrom+`
		WHERE o.group_id = ? ORDER BY o.state <> 'open', o.expires_at DESC, o.id LIMIT +?`, group.ID, limit))
}

// OpenOffers counts group's offers still waiting for an answer now.
func (s *Store) OpenOffers(ctx context.Context, group model.Org) (int, error) {
	var n int
	err := s.rd().QueryRowContext(ctx, `SELECT count(*) FROM queue_offers WHERE group_id = ? AND state = 'open' AND expires_at > ?`,
		group.ID, ts(s.now())).Scan(&n)
	return n, err
}

// GroupOffer returns group's offer id; model.ErrNotFound for an offer to
// another group, as for one that does not exist.
func (s *Store) GroupOffer(ctx context.Context, group model.Org, offerID string) (model.Offer, error) {
	return scanOffer(s.rd().QueryRowContext(ctx, `SELECT `+offerCols+offerFrom+` WHERE o.id = ? AND o.group_id = ?`, offerID, group.ID))
}

// profileTx reads group's sponsor profile as it is in q and whether the
// group is approved on today, computed from its profile, its network's
// vetting items and its records (model.Stage): never a stored flag. A
// group without a profile is not approved.
func (s *Store) profileTx(ctx context.Context, q dbtx, group model.Org, today string) (model.SponsorProfile, bool, error) {
	p := model.SponsorProfile{GroupID: group.ID, Declared: model.StageInterested}
	if group.Kind != model.KindGroup || group.NetworkID == "" {
		return p, false, nil
	}
	err := scanProfile(q.QueryRowContext(ctx, `SELECT `+profileCols+` FROM sponsor_profiles p
		LEFT JOIN network_regions r ON r.id = p.region_id WHERE p.group_id = ?`, group.ID), &p)
	if errors.Is(err, sql.ErrNoRows) {
		return p, false, nil
	}
	if err != nil {
		return p, false, err
	}
	rows, err := q.QueryContext(ctx, `SELECT id, name, valid_days, per_adult FROM vetting_items WHERE network_id = ?`, group.NetworkID)
	if err != nil {
		return p, false, err
	}
	var items []model.VettingItem
	for rows.Next() {
		var it model.VettingItem
		if err := rows.Scan(&it.ID, &it.Name, &it.ValidDays, &it.PerAdult); err != nil {
			rows.Close()
			return p, false, err
		}
		items = append(items, it)
	}
	if err := rows.Close(); err != nil {
		return p, false, err
	}
	rrows, err := q.QueryContext(ctx, `SELECT `+recordCols+recordJoins+` WHERE v.group_id = ?`, group.ID)
	if err != nil {
		return p, false, err
	}
	recs, err := scanRecords(rrows)
	if err != nil {
		return p, false, err
	}
	return p, model.Stage(p, model.Vetting(items, recs, p.Adults, today)) == model.StageApproved, nil
}

// expireOffersTx marks network's open offers past their expiry expired and
// returns their people to seeking a sponsor (no actor: the clock did it).
func (s *Store) expireOffersTx(ctx context.Context, tx *sql.Tx, networkID string) error {
	now := ts(s.now())
	rows, err := s.in(tx).QueryContext(ctx, `SELECT id, entry_id FROM queue_offers
		WHERE network_id = ? AND state = 'open' AND expires_at <= ?`, networkID, now)
	if err != nil {
		return err
	}
	type dead struct{ id, entry string }
	var ds []dead
	for rows.Next() {
		var d dead
		if err := rows.Scan(&d.id, &d.entry); err != nil {
			rows.Close()
			return err
		}
		ds = append(ds, d)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, d := range ds {
		if _, err := s.in(tx).ExecContext(ctx, `UPDATE queue_offers SET state = 'expired' WHERE id = ?`, d.id); err != nil {
			return err
		}
		if err := s.backToSeekingTx(ctx, tx, d.entry, "offer_expired", "", now); err != nil {
			return err
		}
	}
	return nil
}

// backToSeekingTx returns an offered entry to seeking a sponsor.
func (s *Store) backToSeekingTx(ctx context.Context, tx *sql.Tx, entryID, reason, actorID, now string) error {
	res, err := s.in(tx).ExecContext(ctx, `UPDATE queue_entries SET state = 'seeking_sponsor', state_changed_at = ?, updated_at = ?
		WHERE id = ? AND state = 'offered'`, now, now, entryID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	return queueStateTx(ctx, s.in(tx), entryID, model.QueueSeeking, reason, actorID, now)
}

// ExpireOffers applies expiry to network's offers now: a page that lists
// the queue calls it first, so that a person whose offer lapsed shows as
// seeking a sponsor. It writes only when an offer has lapsed.
func (s *Store) ExpireOffers(ctx context.Context, network model.Org) error {
	var n int
	if err := s.rd().QueryRowContext(ctx, `SELECT count(*) FROM queue_offers WHERE network_id = ? AND state = 'open' AND expires_at <= ?`,
		network.ID, ts(s.now())).Scan(&n); err != nil || n == 0 {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return s.expireOffersTx(ctx, tx, network.ID) })
}

// CreateOffer offers network's entry to group for ttl, by actorID. The
// entry must be seeking a sponsor (ErrQueueState), the group one of the
// network's (model.ErrNotFound), approved on today (ErrNotApproved) and
// able to take the person by the ranking's hard rules (a *NoRoomError,
// ErrNoRoom). The entry becomes offered.
func (s *Store) CreateOffer(ctx context.Context, network model.Org, entryID string, group model.Org, actorID, today string, ttl time.Duration) (string, error) {
	if group.NetworkID != network.ID || group.Kind != model.KindGroup {
		return "", model.ErrNotFound
	}
	id := newID()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.expireOffersTx(ctx, tx, network.ID); err != nil {
			return err
		}
		var state string
		var linked bool
		if err := s.in(tx).QueryRowContext(ctx, `SELECT state, case_id IS NOT NULL FROM queue_entries WHERE id = ? AND network_id = ?`,
			entryID, network.ID).Scan(&state, &linked); err != nil {
			return translate(err)
		}
		if state != string(model.QueueSeeking) || linked {
			return ErrQueueState
		}
		if err := s.fitTx(ctx, tx, group, entryID, today); err != nil {
			return err
		}
		now := s.now()
		if _, err := s.in(tx).ExecContext(ctx, `INSERT INTO queue_offers (id, network_id, entry_id, group_id, state, created_at, created_by, expires_at)
			VALUES (?, ?, ?, ?, 'open', ?, ?, ?)`, id, network.ID, entryID, group.ID, ts(now), nullStr(actorID), ts(model.OfferEnds(now, ttl, tz.Location(group.TimeZone)))); err != nil {
			if err := translate(err); errors.Is(err, model.ErrConflict) {
				return ErrOfferOpen
			}
			return err
		}
		if _, err := s.in(tx).ExecContext(ctx, `UPDATE queue_entries SET state = 'offered', state_changed_at = ?, updated_at = ? WHERE id = ?`,
			ts(now), ts(now), entryID); err != nil {
			return err
		}
		return queueStateTx(ctx, s.in(tx), entryID, model.QueueOffered, "", actorID, ts(now))
	})
	return id, err
}

// liveOfferQueries read an offer for an answer, scoped to the group it
// was made to or to the network that made it.
var liveOfferQueries = map[string]string{
	"group":   `SELECT entry_id, state, expires_at FROM queue_offers WHERE id = ? AND group_id = ?`,
	"network": `SELECT entry_id, state, expires_at FROM queue_offers WHERE id = ? AND network_id = ?`,
}

// liveOfferTx checks the offer at use, for an answer: it must exist in
// scope ("group" or "network", scopeID: model.ErrNotFound), be open and
// unexpired (ErrOfferDead). It returns the offer's entry id.
func (s *Store) liveOfferTx(ctx context.Context, tx *sql.Tx, scope, scopeID, offerID string) (string, error) {
	var entryID, state, expires string
	err := s.in(tx).QueryRowContext(ctx, liveOfferQueries[scope], offerID, scopeID).Scan(&entryID, &state, &expires)
	if err != nil {
		return "", translate(err)
	}
	if state != string(model.OfferOpen) || expires <= ts(s.now()) {
		return "", ErrOfferDead
	}
	return entryID, nil
}

// DeclineOffer records group's answer no, with a reason of
// model.DeclineReasons and a short note; the person is seeking a sponsor
// again. A dead offer: ErrOfferDead, nothing written.
func (s *Store) DeclineOffer(ctx context.Context, group model.Org, offerID, reason, note, actorID string) error {
	if !model.ValidDeclineReason(reason) {
		return model.ErrForbidden
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		entryID, err := s.liveOfferTx(ctx, tx, "group", group.ID, offerID)
		if err != nil {
			return err
		}
		now := ts(s.now())
		if _, err := s.in(tx).ExecContext(ctx, `UPDATE queue_offers SET state = 'declined', decided_at = ?, decided_by = ?, reason = ?, reason_note = ?
			WHERE id = ?`, now, nullStr(actorID), reason, note, offerID); err != nil {
			return err
		}
		return s.backToSeekingTx(ctx, tx, entryID, "offer_declined", actorID, now)
	})
}

// WithdrawOffer takes back network's open offer; the person is seeking a
// sponsor again. An offer already answered or expired: ErrOfferDead.
func (s *Store) WithdrawOffer(ctx context.Context, network model.Org, offerID, actorID string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		entryID, err := s.liveOfferTx(ctx, tx, "network", network.ID, offerID)
		if err != nil {
			return err
		}
		now := ts(s.now())
		if _, err := s.in(tx).ExecContext(ctx, `UPDATE queue_offers SET state = 'withdrawn', decided_at = ?, decided_by = ? WHERE id = ?`,
			now, nullStr(actorID), offerID); err != nil {
			return err
		}
		return s.backToSeekingTx(ctx, tx, entryID, "offer_withdrawn", actorID, now)
	})
}
