package store

import (
	"context"
	"database/sql"
	"time"

	"puente/internal/model"
)

// GroupAppointments lists, across group groupID's open cases, the
// appointments (hearings, ICE check-ins, biometrics and others) that start
// at or after from and before until (instants: the start of the group's
// today and of the day after its window) and that nobody marked attended,
// in the order they happen. Each carries the case code and the initials of
// the person it is for (the principal's when it is for the whole
// household). The index appointments_group_start serves the range.
func (s *Store) GroupAppointments(ctx context.Context, groupID string, from, until time.Time) ([]model.DueItem, error) {
	var out []model.DueItem
	err := queryEach(ctx, s.rd(), `
		SELECT a.case_id, c.code,
		       coalesce((SELECT p.name FROM people p WHERE p.id = a.person_id),
		                (SELECT p.name FROM people p WHERE p.case_id = a.case_id AND p.is_principal = 1), ''),
		       a.id, a.kind, a.date, a.time, a.time_zone, a.starts_at, a.place
		FROM appointments a
		JOIN cases c ON c.id = a.case_id AND c.closed_at IS NULL
		LEFT JOIN marks m ON m.case_id = a.case_id AND m.key = 'appointment/' || a.id
		WHERE a.group_id = ?1 AND a.starts_at >= ?2 AND a.starts_at < ?3 AND coalesce(m.state, 'open') <> 'done'
		ORDER BY a.starts_at, a.id`, []any{groupID, ts(from), ts(until)}, func(rows *sql.Rows) error {
		var it model.DueItem
		var name, id, starts string
		if err := rows.Scan(&it.CaseID, &it.CaseCode, &name, &id, &it.Kind, &it.Due, &it.Time, &it.TimeZone, &starts, &it.Place); err != nil {
			return err
		}
		it.StartsAt = parseTS(starts)
		it.Key = AppointmentKey(id)
		it.Initials = Initials(name)
		out = append(out, it)
		return nil
	})
	return out, err
}
