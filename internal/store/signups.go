package store

import (
	"context"
	"database/sql"

	"puente/internal/model"
)

// signUpsQueries list a case's sign-ups by name in each sorting
// language's collation (users.sort_*).
var signUpsQueries = map[string]string{}

func init() {
	for _, col := range sortColumns {
		signUpsQueries[col] = `
		SELECT s.appointment_id, s.user_id, u.name, s.role
		FROM appointment_signups s JOIN users u ON u.id = s.user_id
		WHERE s.case_id = ? ORDER BY u.` + col + `, u.id`
	}
}

// SignUps lists who goes to each appointment of case caseID, by
// appointment id, by name in the collation of lang ("en", "es").
func (s *Store) SignUps(ctx context.Context, caseID, lang string) (map[string][]model.SignUp, error) {
	rows, err := s.rd().QueryContext(ctx, signUpsQueries[sortColumn(lang)], caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]model.SignUp{}
	for rows.Next() {
		var su model.SignUp
		if err := rows.Scan(&su.AppointmentID, &su.UserID, &su.Name, &su.Role); err != nil {
			return nil, err
		}
		out[su.AppointmentID] = append(out[su.AppointmentID], su)
	}
	return out, rows.Err()
}

// appointmentKindTx returns the kind of appointment apptID, only if it
// belongs to case c.
func appointmentKindTx(ctx context.Context, tx dbtx, c model.Case, apptID string) (string, error) {
	var kind string
	err := tx.QueryRowContext(ctx, `SELECT kind FROM appointments WHERE id = ? AND case_id = ?`, apptID, c.ID).Scan(&kind)
	return kind, translate(err)
}

// SignUp records that userID (a member of the case's group, otherwise
// model.ErrNotFound) goes to appointment apptID in role; signed up
// already, their role changes. The case history says who did it, for
// whom and when, with the appointment's kind and the role: never a note.
func (s *Store) SignUp(ctx context.Context, c model.Case, apptID, actorID, userID string, role model.SignUpRole) error {
	return s.tx(ctx, func(t *sql.Tx) error {
		tx := s.in(t)
		if err := caseOpenTx(ctx, tx, c); err != nil {
			return err
		}
		kind, err := appointmentKindTx(ctx, tx, c, apptID)
		if err != nil {
			return err
		}
		if err := memberTx(ctx, tx, c.GroupID, userID); err != nil {
			return err
		}
		var cur string
		err = tx.QueryRowContext(ctx, `SELECT role FROM appointment_signups WHERE appointment_id = ? AND user_id = ?`, apptID, userID).Scan(&cur)
		action := "signup_added"
		switch {
		case err == nil && cur == string(role):
			return nil
		case err == nil:
			action = "signup_changed"
		case err != sql.ErrNoRows:
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO appointment_signups (appointment_id, user_id, case_id, group_id, role, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (appointment_id, user_id) DO UPDATE SET role = excluded.role`,
			apptID, userID, c.ID, c.GroupID, role, nullStr(actorID), ts(s.now())); err != nil {
			return translate(err)
		}
		return s.touchSubjectTx(ctx, tx, c.ID, actorID, userID, action, kind+","+string(role))
	})
}

// Withdraw records that userID no longer goes to appointment apptID; not
// signed up, nothing changes.
func (s *Store) Withdraw(ctx context.Context, c model.Case, apptID, actorID, userID string) error {
	return s.tx(ctx, func(t *sql.Tx) error {
		tx := s.in(t)
		if err := caseOpenTx(ctx, tx, c); err != nil {
			return err
		}
		kind, err := appointmentKindTx(ctx, tx, c, apptID)
		if err != nil {
			return err
		}
		var role string
		err = tx.QueryRowContext(ctx, `DELETE FROM appointment_signups WHERE appointment_id = ? AND user_id = ? RETURNING role`,
			apptID, userID).Scan(&role)
		if err == sql.ErrNoRows {
			return nil
		}
		if err != nil {
			return err
		}
		return s.touchSubjectTx(ctx, tx, c.ID, actorID, userID, "signup_removed", kind+","+role)
	})
}
