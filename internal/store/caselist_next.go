package store

import (
	"context"
	"encoding/json"
	"time"

	"puente/internal/model"
)

// NextAppointments returns, by case id, the next appointment of each of
// caseIDs, what the case list shows of it: its kind, day and time at its
// place (no place, no key: the list links to the case). caseIDs are the
// cases of group groupID on one page of the case list; the next one is the
// first hearing, ICE check-in, biometrics or other appointment that starts
// at or after from (the start of the group's today, so one earlier today
// still shows), leaving out any marked not applicable (cancelled). A case
// with none is absent. The case list shows it beside the next deadline
// (cases.next_due), which counts deadlines only: an appointment's date
// passes without becoming overdue, so it is read here, one seek of
// appointments_case_start a case, rather than stored.
func (s *Store) NextAppointments(ctx context.Context, groupID string, caseIDs []string, from time.Time) (map[string]model.DueItem, error) {
	out := make(map[string]model.DueItem, len(caseIDs))
	if len(caseIDs) == 0 {
		return out, nil
	}
	list, err := json.Marshal(caseIDs)
	if err != nil {
		return nil, err
	}
	rows, err := s.rd().QueryContext(ctx, nextAppointmentsSQL, string(list), ts(from), groupID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var it model.DueItem
		var starts string
		if err := rows.Scan(&it.CaseID, &it.Kind, &it.Due, &it.Time, &it.TimeZone, &starts); err != nil {
			return nil, err
		}
		it.StartsAt = parseTS(starts)
		out[it.CaseID] = it
	}
	return out, rows.Err()
}

// nextAppointmentsSQL is NextAppointments' query: ?1 the case ids (a JSON
// list), ?2 the instant from, ?3 the group. CROSS JOIN keeps the ids
// outside: with appointments outside, SQLite walked every appointment and
// ran the subquery for each (47 ms a page of 25 at 300 cases).
const nextAppointmentsSQL = `
	SELECT a.case_id, a.kind, a.date, a.time, a.time_zone, a.starts_at
	FROM json_each(?1) j
	CROSS JOIN appointments a ON a.id = (
		SELECT n.id FROM appointments n
		WHERE n.case_id = j.value AND n.starts_at >= ?2
		  AND NOT EXISTS (SELECT 1 FROM marks mk WHERE mk.case_id = n.case_id AND mk.key = 'appointment/' || n.id AND mk.state = 'not_applicable')
		ORDER BY n.starts_at, n.id LIMIT 1)
	WHERE a.group_id = ?3`
