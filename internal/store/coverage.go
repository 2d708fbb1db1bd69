package store

import (
	"context"
	"database/sql"
	"time"

	"puente/internal/model"
)

// The queries below narrow by date and scope only; whether an item is
// flagged is package coverage's decision, made by the caller on the
// organisation's today.

// scopeGroups are the groups of scope ?1: the group itself, or every
// group of a network. Organisation ids are unique across both kinds, so a
// group's id never matches network_id.
const scopeGroups = `(SELECT o.id FROM organisations o WHERE o.id = ?1 OR o.network_id = ?1)`

// coverageApptSQL reads the appointments of the open cases of scope ?1
// that start at or after ?2 and before ?3 (instants, so that places in
// other zones are compared rightly), with how many people go to each (the
// members signed up, and one more when the appointment's free text names
// someone: issue 9's "who goes", which a page shows beside them) and
// whether someone recorded how it went, and the name of the person it is
// for (the index appointments_group_start serves the range). The group
// home page reads only what it shows (coverage_home.go, home.go).
const coverageApptSQL = `
	SELECT a.group_id, c.id, c.code, coalesce((SELECT p.name FROM people p WHERE p.case_id = c.id AND p.is_principal = 1), ''),
	       coalesce((SELECT p.name FROM people p WHERE p.id = a.person_id), ''),
	       a.id, a.kind, a.date, a.time, a.time_zone, a.starts_at, a.place,
	       (SELECT count(*) FROM appointment_signups s WHERE s.appointment_id = a.id) + (a.going <> ''),
	       coalesce(mk.state, 'open')
	FROM appointments a
	JOIN cases c ON c.id = a.case_id AND c.closed_at IS NULL
	LEFT JOIN marks mk ON mk.case_id = a.case_id AND mk.key = 'appointment/' || a.id
	WHERE a.group_id IN ` + scopeGroups + ` AND a.starts_at >= ?2 AND a.starts_at < ?3
	ORDER BY a.starts_at, a.id`

func (s *Store) coverageAppointments(ctx context.Context, scopeID string, from, to time.Time) ([]model.CoverageItem, error) {
	var out []model.CoverageItem
	err := queryEach(ctx, s.rd(), coverageApptSQL, []any{scopeID, ts(from), ts(to)}, func(rows *sql.Rows) error {
		var it model.CoverageItem
		var name, forName, starts, state string
		if err := rows.Scan(&it.GroupID, &it.CaseID, &it.CaseCode, &name, &forName, &it.ApptID, &it.Kind, &it.Date, &it.Time, &it.TimeZone,
			&starts, &it.Place, &it.Going, &state); err != nil {
			return err
		}
		it.StartsAt = parseTS(starts)
		it.Initials = Initials(name)
		it.ForInitials = it.Initials
		if forName != "" {
			it.ForInitials = Initials(forName)
		}
		it.Settled = state != string(model.MarkOpen)
		it.Done = state == string(model.MarkDone)
		out = append(out, it)
		return nil
	})
	return out, err
}

// The needs of the open cases of scope ?1 are read in three flat queries
// (needs, the commitments of their kinds with their holder counts, the
// households' first work permits) rather than one with a subquery per row:
// a group of 300 cases with two needs each reads in a few milliseconds.
const (
	coverageNeedSQL = `
	SELECT n.group_id, c.id, c.code, coalesce(p.name, ''), n.kind, coalesce(n.until, '')
	FROM case_needs n
	JOIN cases c ON c.id = n.case_id AND c.closed_at IS NULL
	LEFT JOIN people p ON p.case_id = n.case_id AND p.is_principal = 1
	WHERE n.group_id IN ` + scopeGroups

	coverageCoverSQL = `
	SELECT cm.case_id, cm.kind, cm.starts_on, cm.end_kind, coalesce(cm.ends_on, ''), coalesce(cm.cancelled_on, ''),
	       (SELECT count(*) FROM commitment_holders h WHERE h.commitment_id = cm.id)
	FROM case_needs n
	JOIN commitments cm ON cm.case_id = n.case_id AND cm.kind = n.kind
	WHERE n.group_id IN ` + scopeGroups

	coveragePermitSQL = `
	SELECT f.case_id, min(f.date)
	FROM case_needs n
	JOIN facts f ON f.case_id = n.case_id AND f.kind = 'ead_granted'
	WHERE n.group_id IN ` + scopeGroups + `
	GROUP BY f.case_id`
)

func (s *Store) coverageNeeds(ctx context.Context, scopeID string) ([]model.NeedCoverage, error) {
	permits := map[string]string{}
	if err := queryEach(ctx, s.rd(), coveragePermitSQL, []any{scopeID}, func(rows *sql.Rows) error {
		var caseID, day string
		if err := rows.Scan(&caseID, &day); err != nil {
			return err
		}
		permits[caseID] = day
		return nil
	}); err != nil {
		return nil, err
	}
	type needKey struct{ caseID, kind string }
	covers := map[needKey][]model.CoverCandidate{}
	if err := queryEach(ctx, s.rd(), coverageCoverSQL, []any{scopeID}, func(rows *sql.Rows) error {
		var caseID, kind string
		var cc model.CoverCandidate
		if err := rows.Scan(&caseID, &kind, &cc.StartsOn, &cc.EndKind, &cc.EndsOn, &cc.CancelledOn, &cc.Holders); err != nil {
			return err
		}
		cc.WorkPermitOn = permits[caseID]
		k := needKey{caseID, kind}
		covers[k] = append(covers[k], cc)
		return nil
	}); err != nil {
		return nil, err
	}
	var out []model.NeedCoverage
	err := queryEach(ctx, s.rd(), coverageNeedSQL, []any{scopeID}, func(rows *sql.Rows) error {
		var nc model.NeedCoverage
		var name string
		if err := rows.Scan(&nc.GroupID, &nc.CaseID, &nc.CaseCode, &name, &nc.Need.Kind, &nc.Need.Until); err != nil {
			return err
		}
		nc.Need.CaseID, nc.Initials = nc.CaseID, Initials(name)
		nc.Covers = covers[needKey{nc.CaseID, string(nc.Need.Kind)}]
		out = append(out, nc)
		return nil
	})
	return out, err
}

// queryEach runs q and calls fn for every row.
func queryEach(ctx context.Context, db dbtx, q string, args []any, fn func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// GroupCoverage reads what coverage rules look at in group groupID: the
// appointments of its open cases that start at or after from and before
// to, soonest first, and every need of its open cases (in no order) with
// the commitments that may meet it.
func (s *Store) GroupCoverage(ctx context.Context, groupID string, from, to time.Time) ([]model.CoverageItem, []model.NeedCoverage, error) {
	return s.coverage(ctx, model.KindGroup, groupID, from, to)
}

// NetworkCoverage is GroupCoverage for every group of network networkID:
// the caller turns it into numbers per group (a network sees counts,
// never a case).
func (s *Store) NetworkCoverage(ctx context.Context, networkID string, from, to time.Time) ([]model.CoverageItem, []model.NeedCoverage, error) {
	return s.coverage(ctx, model.KindNetwork, networkID, from, to)
}

// coverage reads the coverage of scope scopeID, which must be an
// organisation of kind kind (model.ErrNotFound otherwise): a group's
// details must never be read through a network's id, nor the reverse.
func (s *Store) coverage(ctx context.Context, kind model.OrgKind, scopeID string, from, to time.Time) ([]model.CoverageItem, []model.NeedCoverage, error) {
	var n int
	if err := s.rd().QueryRowContext(ctx, `SELECT count(*) FROM organisations WHERE id = ? AND kind = ?`, scopeID, kind).Scan(&n); err != nil {
		return nil, nil, err
	}
	if n == 0 {
		return nil, nil, model.ErrNotFound
	}
	appts, err := s.coverageAppointments(ctx, scopeID, from, to)
	if err != nil {
		return nil, nil, err
	}
	needs, err := s.coverageNeeds(ctx, scopeID)
	return appts, needs, err
}

// HeldCommitment is a commitment a member holds, with its case's code and
// initials, for their own task list.
type HeldCommitment struct {
	model.Commitment
	CaseCode string
	Initials string
}

// taskLimit bounds each part of a member's task list.
const taskLimit = 500

// UserTasks reads what userID has to do in group groupID: the
// appointments of open cases starting at or after from that they signed up
// for (with their role), soonest first, and the commitments they hold in
// open cases that were not cancelled.
func (s *Store) UserTasks(ctx context.Context, userID, groupID string, from time.Time) ([]model.DueItem, []HeldCommitment, error) {
	rows, err := s.rd().QueryContext(ctx, `
		SELECT c.id, c.code, coalesce((SELECT p.name FROM people p WHERE p.case_id = c.id AND p.is_principal = 1), ''),
		       a.id, a.kind, a.date, a.time, a.time_zone, a.starts_at, a.place, s.role
		FROM appointment_signups s
		JOIN appointments a ON a.id = s.appointment_id AND a.starts_at >= ?3
		JOIN cases c ON c.id = s.case_id AND c.closed_at IS NULL
		WHERE s.user_id = ?1 AND s.group_id = ?2
		ORDER BY a.starts_at, a.id LIMIT +?4`, userID, groupID, ts(from), taskLimit)
	if err != nil {
		return nil, nil, err
	}
	var appts []model.DueItem
	for rows.Next() {
		var it model.DueItem
		var name, id, starts string
		if err := rows.Scan(&it.CaseID, &it.CaseCode, &name, &id, &it.Kind, &it.Due, &it.Time, &it.TimeZone, &starts, &it.Place, &it.Role); err != nil {
			rows.Close()
			return nil, nil, err
		}
		it.StartsAt = parseTS(starts)
		it.Key, it.Initials = AppointmentKey(id), Initials(name)
		appts = append(appts, it)
	}
	if err := rows.Close(); err != nil {
		return nil, nil, err
	}
	rows, err = s.rd().QueryContext(ctx, `
		SELECT `+commitmentCols+`, c.code, coalesce((SELECT p.name FROM people p WHERE p.case_id = c.id AND p.is_principal = 1), '')
		FROM commitment_holders h
		JOIN commitments cm ON cm.id = h.commitment_id AND cm.cancelled_on IS NULL
		JOIN cases c ON c.id = cm.case_id AND c.closed_at IS NULL
		WHERE h.user_id = ?1 AND h.group_id = ?2
		ORDER BY cm.starts_on, cm.id LIMIT +?3`, userID, groupID, taskLimit)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var held []HeldCommitment
	for rows.Next() {
		var hc HeldCommitment
		var name string
		if hc.Commitment, err = scanCommitment(rows, &hc.CaseCode, &name); err != nil {
			return nil, nil, err
		}
		hc.Initials = Initials(name)
		held = append(held, hc)
	}
	return appts, held, rows.Err()
}
