package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"puente/internal/model"
)

const caseCols = `c.id, c.group_id, c.code, c.status, c.status_changed_at, c.closed_at, coalesce(c.close_reason, ''),
	c.court, c.judge, c.lawyer_name, c.lawyer_contact, c.address_enc IS NOT NULL, c.created_at, c.updated_at,
	coalesce((SELECT p.name FROM people p WHERE p.case_id = c.id AND p.is_principal = 1), ''),
	(SELECT count(*) FROM people p WHERE p.case_id = c.id), coalesce(c.next_due, ''), c.purged_at`

func scanCase(row interface{ Scan(...any) error }) (model.Case, error) {
	var c model.Case
	var changed, created, updated string
	var closed, purged sql.NullString
	if err := row.Scan(&c.ID, &c.GroupID, &c.Code, &c.Status, &changed, &closed, &c.CloseReason,
		&c.Court, &c.Judge, &c.LawyerName, &c.LawyerContact, &c.HasAddress, &created, &updated,
		&c.PrincipalName, &c.People, &c.NextDue, &purged); err != nil {
		return model.Case{}, translate(err)
	}
	c.StatusChangedAt, c.ClosedAt, c.PurgedAt = parseTS(changed), parseNullTS(closed), parseNullTS(purged)
	c.CreatedAt, c.UpdatedAt = parseTS(created), parseTS(updated)
	return c, nil
}

// codeAlphabet leaves out letters and digits that are easy to confuse.
const codeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// newCaseCode returns a short random code such as "PU-7K3QXM": it stands for
// the case where a name must not appear (calendar feeds).
func newCaseCode() string {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		panic("store: crypto/rand failed: " + err.Error())
	}
	for i := range b {
		b[i] = codeAlphabet[int(b[i])%len(codeAlphabet)]
	}
	return "PU-" + string(b)
}

// insertCaseTx inserts the case row, created (and last changed) at now,
// drawing a new code if the random one is taken (a statement's UNIQUE
// failure leaves the transaction usable).
func insertCaseTx(ctx context.Context, tx dbtx, id, groupID string, in model.CaseInput, addr []byte, now string) error {
	return insertCaseAtTx(ctx, tx, id, groupID, in, addr, now, now)
}

// insertCaseAtTx is insertCaseTx with its own creation and change times
// (imports of cases that existed before).
func insertCaseAtTx(ctx context.Context, tx dbtx, id, groupID string, in model.CaseInput, addr []byte, created, updated string) error {
	for attempt := 0; ; attempt++ {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO cases (id, group_id, code, status, status_changed_at, court, judge, lawyer_name, lawyer_contact,
			                   address_enc, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, groupID, newCaseCode(), in.Status, updated, in.Court, in.Judge, in.LawyerName, in.LawyerContact, addr, created, updated)
		err = translate(err)
		if err == nil || !errors.Is(err, model.ErrConflict) || attempt >= 8 {
			return err
		}
	}
}

// CreateCase opens a case in group groupID with its principal person.
func (s *Store) CreateCase(ctx context.Context, groupID, actorID string, in model.CaseInput, principal model.PersonInput) (model.Case, error) {
	var c model.Case
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = s.createCaseTx(ctx, tx, groupID, actorID, in, principal)
		return err
	})
	return c, err
}

// createCaseTx is CreateCase inside tx (the hand-off of an accepted offer
// opens a case in the same transaction as the rest of it).
func (s *Store) createCaseTx(ctx context.Context, tx *sql.Tx, groupID, actorID string, in model.CaseInput, principal model.PersonInput) (model.Case, error) {
	now := ts(s.now())
	id := newID()
	addr, err := s.seal(in.Address, "cases", "address_enc", id)
	if err != nil {
		return model.Case{}, err
	}
	if err := insertCaseTx(ctx, s.in(tx), id, groupID, in, addr, now); err != nil {
		return model.Case{}, err
	}
	if _, err := s.in(tx).ExecContext(ctx, `INSERT INTO case_status_changes (case_id, status, at, actor_id) VALUES (?, ?, ?, ?)`,
		id, in.Status, now, nullStr(actorID)); err != nil {
		return model.Case{}, err
	}
	if _, err := s.insertPersonTx(ctx, tx, id, true, principal); err != nil {
		return model.Case{}, err
	}
	if err := s.historyTx(ctx, tx, id, actorID, "created", ""); err != nil {
		return model.Case{}, err
	}
	if err := s.recomputeTx(ctx, tx, id); err != nil {
		return model.Case{}, err
	}
	return scanCase(s.in(tx).QueryRowContext(ctx, `SELECT `+caseCols+` FROM cases c WHERE c.id = ?`, id))
}

// CaseForUser returns the case only if userID belongs to the group that
// holds it; otherwise model.ErrNotFound, as for a case that does not exist.
// Network staff are not members of the group, so they never get here.
func (s *Store) CaseForUser(ctx context.Context, userID, caseID string) (model.Case, error) {
	return scanCase(s.rd().QueryRowContext(ctx, `
		SELECT `+caseCols+` FROM cases c
		WHERE c.id = ? AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = ? AND m.org_id = c.group_id)`,
		caseID, userID))
}

// CaseInScope returns the case only if its group is one of the viewer's
// organisations (memberships, read once per request); otherwise
// model.ErrNotFound, as for a case that does not exist. Network staff are
// not members of the group, so they never get here. It is CaseForUser
// without reading the memberships again.
func (s *Store) CaseInScope(ctx context.Context, memberships []model.Membership, caseID string) (model.Case, error) {
	groups := make([]string, 0, len(memberships))
	for _, m := range memberships {
		if m.OrgKind == model.KindGroup {
			groups = append(groups, m.OrgID)
		}
	}
	if len(groups) == 0 {
		return model.Case{}, model.ErrNotFound
	}
	list, err := json.Marshal(groups)
	if err != nil {
		return model.Case{}, err
	}
	return scanCase(s.rd().QueryRowContext(ctx, `
		SELECT `+caseCols+` FROM cases c
		WHERE c.id = ? AND c.group_id IN (SELECT value FROM json_each(?))`, caseID, string(list)))
}

// UpdateCase saves the case form and records which fields changed.
func (s *Store) UpdateCase(ctx context.Context, c model.Case, actorID string, in model.CaseInput) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		cur, err := scanCase(s.in(tx).QueryRowContext(ctx, `SELECT `+caseCols+` FROM cases c WHERE c.id = ? AND c.group_id = ?`, c.ID, c.GroupID))
		if err != nil {
			return err
		}
		if !cur.Open() {
			return model.ErrForbidden
		}
		var changed []string
		now := ts(s.now())
		if in.Status != cur.Status {
			changed = append(changed, "status")
			if _, err := s.in(tx).ExecContext(ctx, `UPDATE cases SET status = ?, status_changed_at = ? WHERE id = ?`, in.Status, now, c.ID); err != nil {
				return err
			}
			if _, err := s.in(tx).ExecContext(ctx, `INSERT INTO case_status_changes (case_id, status, at, actor_id) VALUES (?, ?, ?, ?)`,
				c.ID, in.Status, now, nullStr(actorID)); err != nil {
				return err
			}
		}
		for _, f := range []struct{ name, old, new string }{
			{"court", cur.Court, in.Court}, {"judge", cur.Judge, in.Judge}, {"lawyer_name", cur.LawyerName, in.LawyerName},
			{"lawyer_contact", cur.LawyerContact, in.LawyerContact},
		} {
			if f.old != f.new {
				changed = append(changed, f.name)
			}
		}
		if _, err := s.in(tx).ExecContext(ctx, `UPDATE cases SET court = ?, judge = ?, lawyer_name = ?, lawyer_contact = ? WHERE id = ?`,
			in.Court, in.Judge, in.LawyerName, in.LawyerContact, c.ID); err != nil {
			return err
		}
		if in.SetAddress {
			addr, err := s.seal(in.Address, "cases", "address_enc", c.ID)
			if err != nil {
				return err
			}
			if _, err := s.in(tx).ExecContext(ctx, `UPDATE cases SET address_enc = ? WHERE id = ?`, addr, c.ID); err != nil {
				return err
			}
			changed = append(changed, "address")
		}
		if len(changed) == 0 {
			return nil
		}
		if _, err := s.in(tx).ExecContext(ctx, `UPDATE cases SET updated_at = ? WHERE id = ?`, now, c.ID); err != nil {
			return err
		}
		return s.historyTx(ctx, tx, c.ID, actorID, "updated", strings.Join(changed, ","))
	})
}

// CloseCase ends the placement with a reason.
func (s *Store) CloseCase(ctx context.Context, c model.Case, actorID, reason string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		now := ts(s.now())
		res, err := s.in(tx).ExecContext(ctx, `
			UPDATE cases SET status = 'placement_ended', status_changed_at = ?, closed_at = ?, close_reason = ?, updated_at = ?
			WHERE id = ? AND group_id = ? AND closed_at IS NULL`, now, now, reason, now, c.ID, c.GroupID)
		if err := mustAffect(res, err); err != nil {
			return err
		}
		if _, err := s.in(tx).ExecContext(ctx, `INSERT INTO case_status_changes (case_id, status, at, actor_id) VALUES (?, 'placement_ended', ?, ?)`,
			c.ID, now, nullStr(actorID)); err != nil {
			return err
		}
		return s.historyTx(ctx, tx, c.ID, actorID, "closed", reason)
	})
}

// RevealAddress decrypts the case's address and records the reveal in the
// audit log in the same transaction.
func (s *Store) RevealAddress(ctx context.Context, c model.Case, actorID string) (string, error) {
	var value string
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var sealed []byte
		if err := s.in(tx).QueryRowContext(ctx, `SELECT address_enc FROM cases WHERE id = ? AND group_id = ?`, c.ID, c.GroupID).Scan(&sealed); err != nil {
			return translate(err)
		}
		if len(sealed) == 0 {
			return model.ErrNotFound
		}
		var err error
		if value, err = s.open(sealed, "cases", "address_enc", c.ID); err != nil {
			return err
		}
		return insertAudit(ctx, s.in(tx), AuditEntry{ActorID: actorID, OrgID: c.GroupID, Action: "reveal", ObjectType: "case",
			ObjectID: c.ID, Field: string(model.FieldAddress), at: s.now()})
	})
	return value, err
}

func (s *Store) historyTx(ctx context.Context, tx *sql.Tx, caseID, actorID, action, fields string) error {
	return s.personHistoryTx(ctx, tx, caseID, "", actorID, action, fields)
}

// personHistoryTx records a change about household member personID ("":
// the case as a whole), so that the person's data-subject export lists it.
func (s *Store) personHistoryTx(ctx context.Context, tx *sql.Tx, caseID, personID, actorID, action, fields string) error {
	_, err := s.in(tx).ExecContext(ctx, `INSERT INTO case_history (case_id, at, actor_id, action, fields, person_id) VALUES (?, ?, ?, ?, ?, ?)`,
		caseID, ts(s.now()), nullStr(actorID), action, fields, nullStr(personID))
	return err
}

// History lists a case's changes, newest first.
func (s *Store) History(ctx context.Context, caseID string, limit int) ([]model.HistoryEntry, error) {
	rows, err := s.rd().QueryContext(ctx, `
		SELECT h.at, coalesce(u.name, ''), h.action, h.fields, coalesce(su.name, '')
		FROM case_history h LEFT JOIN users u ON u.id = h.actor_id LEFT JOIN users su ON su.id = h.subject_id
		WHERE h.case_id = ? ORDER BY h.id DESC LIMIT +?`, caseID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.HistoryEntry
	for rows.Next() {
		var h model.HistoryEntry
		var at string
		if err := rows.Scan(&at, &h.ActorName, &h.Action, &h.Fields, &h.SubjectName); err != nil {
			return nil, err
		}
		h.At = parseTS(at)
		out = append(out, h)
	}
	return out, rows.Err()
}

// touchTx marks a case as changed now, with a history entry about the
// case as a whole (touchPersonTx with no household member).
func (s *Store) touchTx(ctx context.Context, tx *sql.Tx, caseID, actorID, action, fields string) error {
	return s.touchPersonTx(ctx, tx, caseID, "", actorID, action, fields)
}

// touchPersonTx marks a case as changed now, with a history entry about
// household member personID ("": the case, or the whole household).
func (s *Store) touchPersonTx(ctx context.Context, tx *sql.Tx, caseID, personID, actorID, action, fields string) error {
	if _, err := s.in(tx).ExecContext(ctx, `UPDATE cases SET updated_at = ? WHERE id = ?`, ts(s.now()), caseID); err != nil {
		return err
	}
	return s.personHistoryTx(ctx, tx, caseID, personID, actorID, action, fields)
}

// StatusChanges lists a case's placement statuses with the date of each
// change, oldest first.
func (s *Store) StatusChanges(ctx context.Context, caseID string) ([]model.StatusChange, error) {
	rows, err := s.rd().QueryContext(ctx, `
		SELECT sc.status, sc.at, coalesce(u.name, '')
		FROM case_status_changes sc LEFT JOIN users u ON u.id = sc.actor_id
		WHERE sc.case_id = ? ORDER BY sc.id`, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.StatusChange
	for rows.Next() {
		var c model.StatusChange
		var at string
		if err := rows.Scan(&c.Status, &at, &c.ActorName); err != nil {
			return nil, err
		}
		c.At = parseTS(at)
		out = append(out, c)
	}
	return out, rows.Err()
}
