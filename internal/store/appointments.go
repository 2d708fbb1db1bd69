package store

import (
	"context"
	"database/sql"

	"puente/internal/model"
)

// Appointments lists a case's appointments by date, with what was recorded
// about each.
func (s *Store) Appointments(ctx context.Context, caseID string) ([]model.Appointment, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT a.id, a.case_id, coalesce(a.person_id, ''), a.kind, a.date, a.time, a.place, a.note,
		       coalesce(m.state, 'open'), coalesce(m.done_on, ''), coalesce(m.note, '')
		FROM appointments a LEFT JOIN marks m ON m.case_id = a.case_id AND m.key = 'appointment/' || a.id
		WHERE a.case_id = ? ORDER BY a.date, a.time, a.id`, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Appointment
	for rows.Next() {
		var a model.Appointment
		if err := rows.Scan(&a.ID, &a.CaseID, &a.PersonID, &a.Kind, &a.Date, &a.Time, &a.Place, &a.Note,
			&a.Mark.State, &a.Mark.DoneOn, &a.Mark.Note); err != nil {
			return nil, err
		}
		a.Mark.Key = AppointmentKey(a.ID)
		out = append(out, a)
	}
	return out, rows.Err()
}

// AppointmentKey is the mark key of an appointment.
func AppointmentKey(id string) string { return "appointment/" + id }

// AddAppointment schedules an appointment; an individual hearing dates the
// evidence deadline, so deadlines are recomputed.
func (s *Store) AddAppointment(ctx context.Context, c model.Case, actorID string, a model.Appointment) (string, error) {
	id := newID()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := caseOpenTx(ctx, tx, c); err != nil {
			return err
		}
		if a.PersonID != "" {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM people WHERE id = ? AND case_id = ?`, a.PersonID, c.ID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return model.ErrNotFound
			}
		}
		now := ts(s.now())
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO appointments (id, case_id, group_id, person_id, kind, date, time, place, note, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, c.ID, c.GroupID, nullStr(a.PersonID), a.Kind, a.Date, a.Time, a.Place, a.Note, now, now); err != nil {
			return translate(err)
		}
		if err := s.touchTx(ctx, tx, c.ID, actorID, "appointment_added", string(a.Kind)); err != nil {
			return err
		}
		return s.recomputeTx(ctx, tx, c.ID)
	})
	return id, err
}

// DeleteAppointment removes an appointment and what was recorded about it.
func (s *Store) DeleteAppointment(ctx context.Context, c model.Case, id, actorID string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := caseOpenTx(ctx, tx, c); err != nil {
			return err
		}
		var kind string
		if err := tx.QueryRowContext(ctx, `SELECT kind FROM appointments WHERE id = ? AND case_id = ?`, id, c.ID).Scan(&kind); err != nil {
			return translate(err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM appointments WHERE id = ? AND case_id = ?`, id, c.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM marks WHERE case_id = ? AND key = ?`, c.ID, AppointmentKey(id)); err != nil {
			return err
		}
		if err := s.touchTx(ctx, tx, c.ID, actorID, "appointment_removed", kind); err != nil {
			return err
		}
		return s.recomputeTx(ctx, tx, c.ID)
	})
}
