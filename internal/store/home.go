package store

import (
	"context"
	"time"

	"puente/internal/model"
)

// GroupAppointments lists, across a group's open cases, the appointments
// (hearings, ICE check-ins, biometrics and others) that start at or after
// from and before until (instants: the start of the group's today and of
// the day after its window), in the order they happen, at most limit. Each
// carries the case code, the initials of the person it is for (the
// principal's when it is for the whole household) and whether someone
// marked it attended. The index appointments_group_start serves the range.
func (s *Store) GroupAppointments(ctx context.Context, groupID string, from, until time.Time, limit int) ([]model.DueItem, error) {
	rows, err := s.rd().QueryContext(ctx, `
		SELECT a.case_id, c.code,
		       coalesce(p.name, (SELECT pp.name FROM people pp WHERE pp.case_id = a.case_id AND pp.is_principal = 1), ''),
		       a.id, a.kind, a.date, a.time, a.time_zone, a.starts_at, a.place, coalesce(m.state, 'open')
		FROM appointments a
		JOIN cases c ON c.id = a.case_id AND c.closed_at IS NULL
		LEFT JOIN people p ON p.id = a.person_id
		LEFT JOIN marks m ON m.case_id = a.case_id AND m.key = 'appointment/' || a.id
		WHERE a.group_id = ? AND a.starts_at >= ? AND a.starts_at < ?
		ORDER BY a.starts_at, a.id
		LIMIT ?`, groupID, ts(from), ts(until), limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.DueItem
	for rows.Next() {
		var it model.DueItem
		var name, id, starts, state string
		if err := rows.Scan(&it.CaseID, &it.CaseCode, &name, &id, &it.Kind, &it.Due, &it.Time, &it.TimeZone, &starts, &it.Place, &state); err != nil {
			return nil, err
		}
		it.StartsAt = parseTS(starts)
		it.Key = AppointmentKey(id)
		it.Initials = Initials(name)
		it.Done = state == string(model.MarkDone)
		out = append(out, it)
	}
	return out, rows.Err()
}
