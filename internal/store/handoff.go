package store

import (
	"context"
	"database/sql"

	"puente/internal/checklist"
	"puente/internal/model"
)

// HandOff is what the accepting group's case is opened with besides what
// the store copies from the queue entry: the household as the web layer
// words it in the group's language (the principal named by the pseudonym,
// the other adults and the children by their place and age, languages by
// name). The restricted fields are never here: AcceptOffer copies them
// from the entry, sealed again for the person's row.
type HandOff struct {
	Principal model.PersonInput
	Others    []model.PersonInput
}

// HandOffStages are the checklists a handed-off case is given at once:
// the person is still detained, so what to do before the release, then
// the first week (checklist.Offered, what opening a case offers).
var HandOffStages = []checklist.Stage{checklist.BeforeRelease, checklist.Offered}

// AcceptOffer is group's answer yes to offerID, by actorID on today, in
// ONE transaction: the offer is checked at use (open, unexpired:
// ErrOfferDead; the group approved today: ErrNotApproved; a placement,
// beds, children and access for the person: a *NoRoomError), a case is
// opened in the group's space with h's household and the entry's A-number
// and facility (status group_accepted), the first checklists are applied
// (HandOffStages), the entry is linked to the case and accepted, the offer
// accepted. Any failure leaves nothing of it.
func (s *Store) AcceptOffer(ctx context.Context, group model.Org, offerID, actorID, today string, h HandOff) (model.Case, error) {
	var c model.Case
	err := s.tx(ctx, func(tx *sql.Tx) error {
		entryID, err := s.liveOfferTx(ctx, tx, "group", group.ID, offerID)
		if err != nil {
			return err
		}
		if err := s.fitTx(ctx, tx, group, entryID, today); err != nil {
			return err
		}
		id, err := s.handOffTx(ctx, tx, group, entryID, offerID, actorID, h)
		if err != nil {
			return err
		}
		c, err = scanCase(s.in(tx).QueryRowContext(ctx, `SELECT `+caseCols+` FROM cases c WHERE c.id = ?`, id))
		return err
	})
	return c, err
}

// handOffTx is AcceptOffer's work once the offer and the group's room
// (fitTx) are checked: the case opened in group's space from the entry and h, its
// first checklists, the offer accepted and the entry linked and accepted.
// It returns the case's id. SeedPlacements runs it too, so a seeded
// placement is exactly what a hand-off leaves.
func (s *Store) handOffTx(ctx context.Context, tx *sql.Tx, group model.Org, entryID, offerID, actorID string, h HandOff) (string, error) {
	var anum, fac []byte
	var err error
	if err := s.in(tx).QueryRowContext(ctx, `SELECT anumber_enc, facility_enc FROM queue_entries WHERE id = ?`, entryID).
		Scan(&anum, &fac); err != nil {
		return "", translate(err)
	}
	p := h.Principal
	if p.ANumber, err = s.openOr(anum, "anumber_enc", entryID); err != nil {
		return "", err
	}
	if p.Facility, err = s.openOr(fac, "facility_enc", entryID); err != nil {
		return "", err
	}
	c, err := s.createCaseTx(ctx, tx, group.ID, actorID, model.CaseInput{Status: "group_accepted"}, p)
	if err != nil {
		return "", err
	}
	if err := s.fault("case"); err != nil {
		return "", err
	}
	for _, o := range h.Others {
		if _, err := s.insertPersonTx(ctx, tx, c.ID, false, o); err != nil {
			return "", err
		}
	}
	for _, st := range HandOffStages {
		if err := s.addChecklistTx(ctx, tx, c, actorID, string(st), newID()); err != nil {
			return "", err
		}
	}
	if len(h.Others) > 0 {
		if err := s.recomputeTx(ctx, tx, c.ID); err != nil {
			return "", err
		}
	}
	if err := s.fault("checklists"); err != nil {
		return "", err
	}
	now := ts(s.now())
	if _, err := s.in(tx).ExecContext(ctx, `UPDATE queue_offers SET state = 'accepted', decided_at = ?, decided_by = ?, case_id = ?
		WHERE id = ?`, now, nullStr(actorID), c.ID, offerID); err != nil {
		return "", err
	}
	if _, err := s.in(tx).ExecContext(ctx, `UPDATE queue_entries SET state = 'accepted', state_changed_at = ?, updated_at = ?,
		case_id = ?, group_id = ? WHERE id = ?`, now, now, c.ID, group.ID, entryID); err != nil {
		return "", err
	}
	if err := queueStateTx(ctx, s.in(tx), entryID, model.QueueAccepted, "", actorID, now); err != nil {
		return "", err
	}
	if err := s.fault("linked"); err != nil {
		return "", err
	}
	return c.ID, nil
}

// openOr opens a sealed value of a queue entry; "" for none.
func (s *Store) openOr(sealed []byte, column, entryID string) (string, error) {
	if len(sealed) == 0 {
		return "", nil
	}
	return s.open(sealed, "queue_entries", column, entryID)
}

// fault is the test hook of AcceptOffer: a test sets s.faults to fail
// the hand-off after a step and proves nothing of it remains.
func (s *Store) fault(step string) error {
	if s.faults == nil {
		return nil
	}
	return s.faults(step)
}
