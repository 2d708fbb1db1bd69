package store

import (
	"context"
	"time"

	"puente/internal/model"
)

// PlacementsNeedingAttention lists at most limit of network's placements
// whose case is open and has an overdue deadline or an appointment of the
// next UncoveredHorizon nobody covers (Placement.Overdue, .Uncovered),
// the most recently changed first, with how many there are among all the
// network's placements. today is the network's day; now the instant
// appointments are counted from.
//
// A placement is never read whole to find out: an overdue deadline is its
// entry's case_due before today (migration 025: the case's next due date
// while open), one range of queue_entries_attention; an appointment nobody
// covers is found from the appointments of the window with nobody named
// (appointments_unattended), each checked for sign-ups and a mark and its
// entry found in one seek (queue_entries_case). Only the placements
// listed are read in full.
func (s *Store) PlacementsNeedingAttention(ctx context.Context, network model.Org, today string, now time.Time, limit int) ([]Placement, int, error) {
	rows, err := s.rd().QueryContext(ctx, attentionSQL, network.ID, today, ts(now), ts(now.Add(UncoveredHorizon)), limit)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []Placement
	total := 0
	for rows.Next() {
		var p Placement
		if err := scanPlacement(rows, &p, &total); err != nil {
			return nil, 0, err
		}
		out = append(out, p)
	}
	return out, total, rows.Err()
}

// attentionSQL is PlacementsNeedingAttention's query: ?1 the network, ?2
// today, ?3 and ?4 the window of appointments, ?5 the limit. unattended
// holds the open placements with nothing overdue and an appointment of
// the window that nobody goes to (no one in "who goes", nobody signed up,
// not marked); the ones overdue are counted and the latest taken from
// their index. The total rides on every row: with no row it is 0. The
// appointments lead the join (CROSS JOIN): without statistics SQLite would
// start from the network's entries, every one of them.
const attentionSQL = `
	WITH unattended AS MATERIALIZED (
		SELECT DISTINCT q.state_changed_at AS at, q.id AS id
		FROM appointments a
		CROSS JOIN queue_entries q ON q.case_id = a.case_id AND q.network_id = ?1 AND q.case_due >= ?2
		WHERE a.going = '' AND a.starts_at >= ?3 AND a.starts_at < ?4
		  AND NOT EXISTS (SELECT 1 FROM appointment_signups su WHERE su.appointment_id = a.id)
		  AND NOT EXISTS (SELECT 1 FROM marks mk WHERE mk.case_id = a.case_id AND mk.key = 'appointment/' || a.id AND mk.state <> 'open')
	), top AS (
		SELECT at, id FROM (
			SELECT state_changed_at AS at, id FROM queue_entries WHERE network_id = ?1 AND case_due < ?2
			ORDER BY at DESC, id DESC LIMIT +?5)
		UNION ALL
		SELECT at, id FROM (SELECT at, id FROM unattended ORDER BY at DESC, id DESC LIMIT +?5)
		ORDER BY at DESC, id DESC LIMIT +?5
	)
	SELECT (SELECT count(*) FROM queue_entries WHERE network_id = ?1 AND case_due < ?2) + (SELECT count(*) FROM unattended),
	       ` + placementCols + `
	FROM top t
	CROSS JOIN queue_entries q ON q.id = t.id` + placementJoins + `
	ORDER BY t.at DESC, t.id DESC`
