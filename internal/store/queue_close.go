package store

import (
	"context"
	"database/sql"
	"time"

	"puente/internal/model"
)

// Closing a queue entry: a person the network handed to a group ends that
// placement, and the group hears of it in its case's history and, when
// the server sends email, in its coordinators' mail (issue 13).

// CloseQueueEntry closes network's entry with a reason of
// model.QueueCloseReasons. An entry handed to a group ends its placement:
// in the same transaction the group's case history records that the
// network ended it, with the reason's code and no one named
// (historyNetworkClosed).
func (s *Store) CloseQueueEntry(ctx context.Context, network model.Org, entryID, reason, actorID string) error {
	return s.CloseQueueEntryTelling(ctx, network, entryID, reason, actorID, nil)
}

// historyNetworkClosed is the case history's action for a placement its
// network ended; the fields are the reason's code.
const historyNetworkClosed = "network_closed"

// ClosedPlacement is what a group is told when its placement network
// closes a person it handed over: the case (its id and random code), the
// reason's code and the group's coordinators; never a name, nor anything
// else the network recorded.
type ClosedPlacement struct {
	CaseID, CaseCode, GroupID string
	Reason                    string
	Coordinators              []Recipient
}

// Recipient is one person to write to: the address and the page language
// they chose ("" for none).
type Recipient struct {
	Email, Lang string
}

// CloseQueueEntryTelling is CloseQueueEntry that, when the entry was
// handed to a group, also gives the closed placement to tell (when not
// nil) and queues the messages it returns (kind placement_closed), in the
// same transaction: the group is told whenever the placement ends, and
// only then.
func (s *Store) CloseQueueEntryTelling(ctx context.Context, network model.Org, entryID, reason, actorID string,
	tell func(ClosedPlacement) []model.Email) error {
	ok := false
	for _, r := range model.QueueCloseReasons {
		ok = ok || r == reason
	}
	if !ok {
		return model.ErrForbidden
	}
	return s.setQueueState(ctx, network, entryID, model.QueueClosed, reason, actorID, tell)
}

// closePlacementTx tells entryID's group that its network closed the
// placement (CloseQueueEntryTelling), in tx.
func (s *Store) closePlacementTx(ctx context.Context, tx *sql.Tx, entryID, reason string, tell func(ClosedPlacement) []model.Email) error {
	cp := ClosedPlacement{Reason: reason}
	if err := s.in(tx).QueryRowContext(ctx, `SELECT c.id, c.code, c.group_id FROM queue_entries q JOIN cases c ON c.id = q.case_id
		WHERE q.id = ?`, entryID).Scan(&cp.CaseID, &cp.CaseCode, &cp.GroupID); err != nil {
		return translate(err)
	}
	if err := s.touchTx(ctx, tx, cp.CaseID, "", historyNetworkClosed, reason); err != nil {
		return err
	}
	if err := s.fault("network_closed"); err != nil {
		return err
	}
	if tell == nil {
		return nil
	}
	rows, err := s.in(tx).QueryContext(ctx, `SELECT u.email, u.lang FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.org_id = ? AND m.role = 'coordinator' ORDER BY u.email`, cp.GroupID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var r Recipient
		if err := rows.Scan(&r.Email, &r.Lang); err != nil {
			rows.Close()
			return err
		}
		cp.Coordinators = append(cp.Coordinators, r)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, e := range tell(cp) {
		if err := s.enqueueEmailTx(ctx, tx, model.EmailPlacementClosed, e); err != nil {
			return err
		}
	}
	return nil
}

// NetworkClosure is when and why a case's placement network ended its
// placement, from the case's own history.
type NetworkClosure struct {
	At     time.Time
	Reason string
}

// NetworkClosed reads the latest time caseID's network ended its
// placement; model.ErrNotFound if it never did.
func (s *Store) NetworkClosed(ctx context.Context, caseID string) (NetworkClosure, error) {
	var nc NetworkClosure
	var at string
	err := s.rd().QueryRowContext(ctx, `SELECT at, fields FROM case_history WHERE case_id = ? AND action = ?
		ORDER BY id DESC LIMIT 1`, caseID, historyNetworkClosed).Scan(&at, &nc.Reason)
	if err != nil {
		return nc, translate(err)
	}
	nc.At = parseTS(at)
	return nc, nil
}
