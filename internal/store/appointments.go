package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"puente/internal/model"
	"puente/internal/tz"
)

const apptCols = `a.id, a.case_id, coalesce(a.person_id, ''), a.kind, a.date, a.time, a.time_zone, a.starts_at, a.place, a.going, a.note,
	coalesce(m.state, 'open'), coalesce(m.done_on, ''), coalesce(m.note, '')`

const apptFrom = `appointments a LEFT JOIN marks m ON m.case_id = a.case_id AND m.key = 'appointment/' || a.id`

func scanAppointment(row interface{ Scan(...any) error }) (model.Appointment, error) {
	var a model.Appointment
	var starts string
	if err := row.Scan(&a.ID, &a.CaseID, &a.PersonID, &a.Kind, &a.Date, &a.Time, &a.TimeZone, &starts, &a.Place, &a.Going, &a.Note,
		&a.Mark.State, &a.Mark.DoneOn, &a.Mark.Note); err != nil {
		return model.Appointment{}, translate(err)
	}
	a.StartsAt = parseTS(starts)
	a.Mark.Key = AppointmentKey(a.ID)
	return a, nil
}

// Appointments lists a case's appointments in the order they happen (by
// instant, whatever zone each place is in), with what was recorded about
// each.
func (s *Store) Appointments(ctx context.Context, caseID string) ([]model.Appointment, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT `+apptCols+` FROM `+apptFrom+`
		WHERE a.case_id = ? ORDER BY a.starts_at, a.id`, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Appointment
	for rows.Next() {
		a, err := scanAppointment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Appointment returns one appointment of case caseID; model.ErrNotFound if
// the case has no such appointment.
func (s *Store) Appointment(ctx context.Context, caseID, id string) (model.Appointment, error) {
	return scanAppointment(s.rd().QueryRowContext(ctx, `SELECT `+apptCols+` FROM `+apptFrom+`
		WHERE a.id = ? AND a.case_id = ?`, id, caseID))
}

// AppointmentKey is the mark key of an appointment.
func AppointmentKey(id string) string { return "appointment/" + id }

// placeTx completes a's zone (the group's when empty) and computes its
// instant; it checks that the person, if any, belongs to the case.
func placeTx(ctx context.Context, tx dbtx, c model.Case, a *model.Appointment) (string, error) {
	if a.PersonID != "" {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM people WHERE id = ? AND case_id = ?`, a.PersonID, c.ID).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			return "", model.ErrNotFound
		}
	}
	if a.TimeZone == "" {
		if err := tx.QueryRowContext(ctx, `SELECT time_zone FROM organisations WHERE id = ?`, c.GroupID).Scan(&a.TimeZone); err != nil {
			return "", translate(err)
		}
	}
	if !tz.Valid(a.TimeZone) {
		return "", ErrBadZone
	}
	at, err := tz.Instant(a.Date, a.Time, a.TimeZone)
	if err != nil {
		return "", fmt.Errorf("store: appointment date %q time %q: %w", a.Date, a.Time, err)
	}
	return ts(at), nil
}

// AddAppointment schedules an appointment at its place's local date and
// time (zone: the group's when a.TimeZone is empty); an individual hearing
// dates the evidence deadline, so deadlines are recomputed.
func (s *Store) AddAppointment(ctx context.Context, c model.Case, actorID string, a model.Appointment) (string, error) {
	id := newID()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := caseOpenTx(ctx, s.in(tx), c); err != nil {
			return err
		}
		starts, err := placeTx(ctx, s.in(tx), c, &a)
		if err != nil {
			return err
		}
		now := ts(s.now())
		if _, err := s.in(tx).ExecContext(ctx, `
			INSERT INTO appointments (id, case_id, group_id, person_id, kind, date, time, time_zone, starts_at, place, going, note, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, c.ID, c.GroupID, nullStr(a.PersonID), a.Kind, a.Date, a.Time, a.TimeZone, starts, a.Place, a.Going, a.Note, now, now); err != nil {
			return translate(err)
		}
		if err := s.touchPersonTx(ctx, tx, c.ID, a.PersonID, actorID, "appointment_added", string(a.Kind)); err != nil {
			return err
		}
		return s.recomputeTx(ctx, tx, c.ID)
	})
	return id, err
}

// UpdateAppointment saves the edit form of appointment id: everything but
// what was recorded about it (attended, a note), which stays. The history
// entry names the fields that changed; deadlines are recomputed (an
// individual hearing's date moves the evidence deadline). Nothing changed:
// nothing is written.
func (s *Store) UpdateAppointment(ctx context.Context, c model.Case, id, actorID string, a model.Appointment) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := caseOpenTx(ctx, s.in(tx), c); err != nil {
			return err
		}
		cur, err := scanAppointment(s.in(tx).QueryRowContext(ctx, `SELECT `+apptCols+` FROM `+apptFrom+`
			WHERE a.id = ? AND a.case_id = ?`, id, c.ID))
		if err != nil {
			return err
		}
		starts, err := placeTx(ctx, s.in(tx), c, &a)
		if err != nil {
			return err
		}
		var changed []string
		for _, f := range []struct{ name, old, new string }{
			{"kind", string(cur.Kind), string(a.Kind)}, {"person", cur.PersonID, a.PersonID},
			{"date", cur.Date, a.Date}, {"time", cur.Time, a.Time}, {"time_zone", cur.TimeZone, a.TimeZone},
			{"place", cur.Place, a.Place}, {"going", cur.Going, a.Going}, {"note", cur.Note, a.Note},
		} {
			if f.old != f.new {
				changed = append(changed, f.name)
			}
		}
		if len(changed) == 0 {
			return nil
		}
		if _, err := s.in(tx).ExecContext(ctx, `
			UPDATE appointments SET person_id = ?, kind = ?, date = ?, time = ?, time_zone = ?, starts_at = ?, place = ?, going = ?, note = ?, updated_at = ?
			WHERE id = ? AND case_id = ?`,
			nullStr(a.PersonID), a.Kind, a.Date, a.Time, a.TimeZone, starts, a.Place, a.Going, a.Note, ts(s.now()), id, c.ID); err != nil {
			return translate(err)
		}
		if err := s.touchPersonTx(ctx, tx, c.ID, a.PersonID, actorID, "appointment_updated", strings.Join(changed, ",")); err != nil {
			return err
		}
		return s.recomputeTx(ctx, tx, c.ID)
	})
}

// DeleteAppointment removes an appointment and what was recorded about it.
func (s *Store) DeleteAppointment(ctx context.Context, c model.Case, id, actorID string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := caseOpenTx(ctx, s.in(tx), c); err != nil {
			return err
		}
		var kind, personID string
		if err := s.in(tx).QueryRowContext(ctx, `SELECT kind, coalesce(person_id, '') FROM appointments WHERE id = ? AND case_id = ?`, id, c.ID).
			Scan(&kind, &personID); err != nil {
			return translate(err)
		}
		if _, err := s.in(tx).ExecContext(ctx, `DELETE FROM appointments WHERE id = ? AND case_id = ?`, id, c.ID); err != nil {
			return err
		}
		if _, err := s.in(tx).ExecContext(ctx, `DELETE FROM marks WHERE case_id = ? AND key = ?`, c.ID, AppointmentKey(id)); err != nil {
			return err
		}
		if err := s.touchPersonTx(ctx, tx, c.ID, personID, actorID, "appointment_removed", kind); err != nil {
			return err
		}
		return s.recomputeTx(ctx, tx, c.ID)
	})
}

// backfillAppointmentInstants gives the appointments that migration 003
// found their instant, which SQLite cannot compute (it knows no zones).
// The store writes the instant of every appointment it saves, so this is
// needed once: meta 'appointment_instants' records that it was done, and
// every later start reads that one row instead of scanning the table.
func (s *Store) backfillAppointmentInstants(ctx context.Context) (int, error) {
	var done int
	if err := s.rd().QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'appointment_instants')`).Scan(&done); err != nil || done == 1 {
		return 0, err
	}
	n := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		rows, err := s.in(tx).QueryContext(ctx, `SELECT id, date, time, time_zone FROM appointments WHERE starts_at = ''`)
		if err != nil {
			return err
		}
		type row struct{ id, starts string }
		var todo []row
		for rows.Next() {
			var id, date, hhmm, zone string
			if err := rows.Scan(&id, &date, &hhmm, &zone); err != nil {
				rows.Close()
				return err
			}
			at, err := tz.Instant(date, hhmm, zone)
			if err != nil {
				rows.Close()
				return fmt.Errorf("appointment %s: %w", id, err)
			}
			todo = append(todo, row{id, ts(at)})
		}
		if err := rows.Close(); err != nil {
			return err
		}
		for _, r := range todo {
			if _, err := s.in(tx).ExecContext(ctx, `UPDATE appointments SET starts_at = ? WHERE id = ?`, r.starts, r.id); err != nil {
				return err
			}
		}
		n = len(todo)
		_, err = s.in(tx).ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('appointment_instants', x'31')`)
		return err
	})
	return n, err
}
