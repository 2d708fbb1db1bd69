package store

import (
	"context"
	"database/sql"
	"fmt"

	"puente/internal/deadline"
)

// storedDeadline is what a deadlines row says, as recomputeTx compares it
// with a freshly computed deadline.
type storedDeadline struct {
	personID, ruleID, kind, met string
	due                         sql.NullString
	// sealed is the opened due_enc: a date computed from a secret.
	sealed string
}

// recomputeTx brings a case's stored deadlines in line with its current
// facts and this binary's rules. It runs in the transaction of every
// change to a fact, so the stored dates never disagree with the facts;
// marks are keyed separately and survive. Only rows that differ are
// written: after a rule change most of a case's dates stay what they were,
// so recomputing every case mostly reads, and the pass after a release is
// not bound by writing the whole table again.
func (s *Store) recomputeTx(ctx context.Context, tx *sql.Tx, caseID string) error {
	q := s.in(tx)
	var groupID string
	if err := q.QueryRowContext(ctx, `SELECT group_id FROM cases WHERE id = ?`, caseID).Scan(&groupID); err != nil {
		return translate(err)
	}
	people, facts, err := s.caseFacts(ctx, q, caseID)
	if err != nil {
		return err
	}
	have, err := s.storedDeadlines(ctx, q, caseID)
	if err != nil {
		return err
	}
	for i, p := range people {
		for _, d := range deadline.ComputeDates(s.rules, facts[i]) {
			key := DeadlineKey(p.PersonID, d.Key)
			want := storedDeadline{personID: p.PersonID, ruleID: d.RuleID, kind: string(d.Kind), met: d.Met.String()}
			switch {
			case d.Due.IsZero():
			case d.Sensitive:
				want.sealed = d.Due.String()
			default:
				want.due = sql.NullString{String: d.Due.String(), Valid: true}
			}
			old, ok := have[key]
			delete(have, key)
			if ok && old == want {
				continue
			}
			due, dueEnc, err := s.storedDue(caseID, key, d)
			if err != nil {
				return err
			}
			if _, err := q.ExecContext(ctx, `
				INSERT INTO deadlines (case_id, group_id, person_id, key, rule_id, kind, due, due_enc, met_on)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (case_id, key) DO UPDATE SET group_id = excluded.group_id, person_id = excluded.person_id,
					rule_id = excluded.rule_id, kind = excluded.kind, due = excluded.due, due_enc = excluded.due_enc,
					met_on = excluded.met_on`,
				caseID, groupID, p.PersonID, key, d.RuleID, string(d.Kind), due, dueEnc, nullStr(d.Met.String())); err != nil {
				return fmt.Errorf("store deadline %s: %w", d.Key, err)
			}
		}
	}
	// What the rules no longer give (a fact removed, a rule retired).
	for key := range have {
		if _, err := q.ExecContext(ctx, `DELETE FROM deadlines WHERE case_id = ? AND key = ?`, caseID, key); err != nil {
			return err
		}
	}
	return s.nextDueTx(ctx, tx, caseID)
}

// storedDeadlines reads a case's stored deadlines by key, sealed dates
// opened.
func (s *Store) storedDeadlines(ctx context.Context, q dbtx, caseID string) (map[string]storedDeadline, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT key, person_id, rule_id, kind, due, due_enc, coalesce(met_on, '') FROM deadlines WHERE case_id = ?`, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]storedDeadline{}
	for rows.Next() {
		var key string
		var d storedDeadline
		var sealed []byte
		if err := rows.Scan(&key, &d.personID, &d.ruleID, &d.kind, &d.due, &sealed, &d.met); err != nil {
			return nil, err
		}
		if d.sealed, err = s.openDue(sealed, caseID, key); err != nil {
			return nil, err
		}
		out[key] = d
	}
	return out, rows.Err()
}

// storedDue is how a deadline's date is stored: in plain text, or, when it
// is computed from a sensitive field (the registration at 14, from the date
// of birth), sealed in due_enc like the field itself, with due left NULL so
// that no list, count or feed that reads due can show it.
func (s *Store) storedDue(caseID, key string, d deadline.Deadline) (sql.NullString, []byte, error) {
	if d.Due.IsZero() {
		return sql.NullString{}, nil, nil
	}
	if d.Sensitive {
		sealed, err := s.seal(d.Due.String(), "deadlines", "due_enc", caseID+"/"+key)
		return sql.NullString{}, sealed, err
	}
	return sql.NullString{String: d.Due.String(), Valid: true}, nil, nil
}
