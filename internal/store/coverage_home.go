package store

import (
	"context"
	"database/sql"
	"time"

	"puente/internal/model"
)

// The group home page shows at most 20 flags and how many more there are,
// so the reads below let SQLite decide which appointments and needs are
// uncovered and hand back only the first few and a count, rather than
// every appointment of the window and every need with its commitments
// (GroupCoverage: about 4 ms of the page for 300 cases with 1,200
// commitments). Their conditions restate package coverage's rules
// (coverage.Uncovered, coverage.NeedUncovered and ledger's end of a
// period); TestUncoveredQueriesMatchRules in package web holds them to
// those rules on every kind and edge.

// CoverageWindow is the window of days coverage looks at, as the caller
// counted it in the organisation's zone: the days First through Last
// (YYYY-MM-DD), Begin and End the first instant of First and of the day
// after Last. From and To bound the instants read (a day more on each
// side: an appointment without a time is on its date wherever its place
// is).
type CoverageWindow struct {
	First, Last string
	Begin, End  time.Time
	From, To    time.Time
}

// uncoveredApptSQL is coverage.Uncovered in SQL: an appointment of an
// open case of group ?1 read in [?2, ?3), of a kind someone should go to,
// on a day of the window (its date when it has no time, else its instant),
// with nobody signed up, no one named in its free text, and not marked
// attended or not applicable. The index appointments_group_start serves
// the range and the order.
const uncoveredApptSQL = `
	FROM appointments a
	JOIN cases c ON c.id = a.case_id AND c.closed_at IS NULL
	WHERE a.group_id = ?1 AND a.starts_at >= ?2 AND a.starts_at < ?3
	  AND a.kind IN ('master_hearing', 'individual_hearing', 'ice_checkin', 'biometrics')
	  AND CASE WHEN a.time = '' THEN a.date >= ?4 AND a.date <= ?5 ELSE a.starts_at >= ?6 AND a.starts_at < ?7 END
	  AND a.going = ''
	  AND NOT EXISTS (SELECT 1 FROM appointment_signups s WHERE s.appointment_id = a.id)
	  AND NOT EXISTS (SELECT 1 FROM marks m WHERE m.case_id = a.case_id AND m.key = 'appointment/' || a.id AND m.state <> 'open')`

// GroupUncoveredAppointments returns the appointments of group groupID's
// open cases in window w with nobody going (coverage.Uncovered), the
// first limit (at least 1) of them soonest first, and how many there are
// in all.
func (s *Store) GroupUncoveredAppointments(ctx context.Context, groupID string, w CoverageWindow, limit int) ([]model.CoverageItem, int, error) {
	var out []model.CoverageItem
	var total int
	// The count is a subquery of the first row: one statement, and none
	// counted when there is no row.
	err := queryEach(ctx, s.rd(), `
		SELECT a.group_id, c.id, c.code, coalesce((SELECT p.name FROM people p WHERE p.case_id = c.id AND p.is_principal = 1), ''),
		       a.id, a.kind, a.date, a.time, a.time_zone, a.starts_at, a.place, (SELECT count(*) `+uncoveredApptSQL+`)
		`+uncoveredApptSQL+`
		ORDER BY a.starts_at, a.id LIMIT +?8`, []any{groupID, ts(w.From), ts(w.To), w.First, w.Last, ts(w.Begin), ts(w.End), limit},
		func(rows *sql.Rows) error {
			var it model.CoverageItem
			var name, starts string
			if err := rows.Scan(&it.GroupID, &it.CaseID, &it.CaseCode, &name, &it.ApptID, &it.Kind, &it.Date, &it.Time, &it.TimeZone,
				&starts, &it.Place, &total); err != nil {
				return err
			}
			it.StartsAt = parseTS(starts)
			it.Initials = Initials(name)
			it.ForInitials = it.Initials
			out = append(out, it)
			return nil
		})
	return out, total, err
}

// uncoveredNeedSQL is coverage.NeedUncovered in SQL, for the needs n of
// the open cases c of group ?1 on day ?2: a need that still applies, with
// no commitment of its kind in its case that has someone responsible, was
// not cancelled, starts by the end of the need, and whose period is not
// over (ledger.Commitment.Ends: its end date; until the work permit, the
// household's first one granted, or its first day if that came before; an
// open one never ends).
const uncoveredNeedSQL = `
	FROM cases c
	JOIN case_needs n ON n.case_id = c.id
	WHERE c.group_id = ?1 AND c.closed_at IS NULL
	  AND (n.until IS NULL OR n.until >= ?2)
	  AND NOT EXISTS (SELECT 1 FROM commitments cm
	      WHERE cm.case_id = n.case_id AND cm.kind = n.kind AND cm.cancelled_on IS NULL
	        AND (n.until IS NULL OR cm.starts_on <= n.until)
	        AND (cm.end_kind = 'open'
	             OR (cm.end_kind = 'date' AND cm.ends_on >= ?2)
	             OR (cm.end_kind = 'work_permit' AND coalesce(max(cm.starts_on,
	                 (SELECT min(f.date) FROM facts f WHERE f.case_id = cm.case_id AND f.kind = 'ead_granted')), ?2) >= ?2))
	        AND EXISTS (SELECT 1 FROM commitment_holders h WHERE h.commitment_id = cm.id))`

// GroupUncoveredNeeds returns the needs of group groupID's open cases that
// nobody meets on today (YYYY-MM-DD, the organisation's day;
// coverage.NeedUncovered), the first limit of them by case code and kind,
// and how many there are in all. Covers is left empty: these needs have
// none that count.
func (s *Store) GroupUncoveredNeeds(ctx context.Context, groupID, today string, limit int) ([]model.NeedCoverage, int, error) {
	var total int
	if limit <= 0 {
		err := s.rd().QueryRowContext(ctx, `SELECT count(*) `+uncoveredNeedSQL, groupID, today).Scan(&total)
		return nil, total, err
	}
	var out []model.NeedCoverage
	err := queryEach(ctx, s.rd(), `
		SELECT c.group_id, c.id, c.code, coalesce((SELECT p.name FROM people p WHERE p.case_id = c.id AND p.is_principal = 1), ''),
		       n.kind, coalesce(n.until, ''), (SELECT count(*) `+uncoveredNeedSQL+`)
		`+uncoveredNeedSQL+`
		ORDER BY c.code, n.kind LIMIT +?3`, []any{groupID, today, limit}, func(rows *sql.Rows) error {
		var nc model.NeedCoverage
		var name string
		if err := rows.Scan(&nc.GroupID, &nc.CaseID, &nc.CaseCode, &name, &nc.Need.Kind, &nc.Need.Until, &total); err != nil {
			return err
		}
		nc.Need.CaseID, nc.Initials = nc.CaseID, Initials(name)
		out = append(out, nc)
		return nil
	})
	return out, total, err
}
