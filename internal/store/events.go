package store

import (
	"context"
	"database/sql"
	"time"

	"puente/internal/model"
)

// RecordEvent appends one entry to the security log.
func (s *Store) RecordEvent(ctx context.Context, e model.Event) error {
	return s.recordTx(ctx, s.writer(), e)
}

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func (s *Store) recordTx(ctx context.Context, x execer, e model.Event) error {
	if e.At.IsZero() {
		e.At = s.now()
	}
	_, err := x.ExecContext(ctx,
		`INSERT INTO security_events (at, event, org_id, actor_id, subject_id, detail, ip) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		ts(e.At), e.Kind, nullStr(e.OrgID), nullStr(e.ActorID), nullStr(e.SubjectID), e.Detail, e.IP)
	return err
}

// Events returns one page of org's security log, newest first, with ids
// below before (0 for the first page). Account events without an
// organisation (sign-ins) show for every organisation their subject belongs
// to, from the day they joined it: joining does not hand a person's earlier
// sign-ins (and addresses) to the new organisation's managers.
func (s *Store) Events(ctx context.Context, orgID string, before int64, limit int) ([]model.Event, error) {
	if before <= 0 {
		before = 1<<63 - 1
	}
	rows, err := s.rd().QueryContext(ctx, `
		SELECT e.id, e.at, e.event, coalesce(e.org_id, ''), coalesce(e.actor_id, ''), coalesce(a.name, ''),
		       coalesce(e.subject_id, ''), coalesce(su.name, ''), e.detail, e.ip
		FROM (
			SELECT id FROM security_events WHERE org_id = ?1 AND id < ?2
			UNION ALL
			SELECT e.id FROM memberships m
			JOIN security_events e ON e.subject_id = m.user_id
			WHERE m.org_id = ?1 AND e.org_id IS NULL AND e.id < ?2 AND e.at >= m.created_at
		) ids
		JOIN security_events e ON e.id = ids.id
		LEFT JOIN users a ON a.id = e.actor_id
		LEFT JOIN users su ON su.id = e.subject_id
		ORDER BY e.id DESC
		LIMIT +?3`, orgID, before, limit)
	if err != nil {
		return nil, err
	}
	return scanEvents(rows)
}

// SignedInFrom reports whether userID signed in from ip at or after since:
// one of the account's usual addresses.
func (s *Store) SignedInFrom(ctx context.Context, userID, ip string, since time.Time) (bool, error) {
	var n int
	err := s.rd().QueryRowContext(ctx, `
		SELECT EXISTS (SELECT 1 FROM security_events
		               WHERE actor_id = ? AND ip = ? AND at >= ? AND event = 'signin')`, userID, ip, ts(since)).Scan(&n)
	return n == 1, err
}

// PeopleChanges returns org's membership and link events since since,
// newest first, at most limit: who invited, joined, changed role, left,
// which links were issued, revoked or refused, and whose second factor a
// manager reset. The list of events is spelled as in the partial index
// security_events_people (migration 014), so the query reads only those rows.
func (s *Store) PeopleChanges(ctx context.Context, orgID string, since time.Time, limit int) ([]model.Event, error) {
	rows, err := s.rd().QueryContext(ctx, `
		SELECT e.id, e.at, e.event, coalesce(e.org_id, ''), coalesce(e.actor_id, ''), coalesce(a.name, ''),
		       coalesce(e.subject_id, ''), coalesce(su.name, ''), e.detail, e.ip
		FROM security_events e
		LEFT JOIN users a ON a.id = e.actor_id
		LEFT JOIN users su ON su.id = e.subject_id
		WHERE e.org_id = ? AND e.at >= ?
		  AND e.event IN ('invitation_issued', 'invitation_accepted', 'invitation_revoked', 'role_changed',
		                  'member_removed', 'reset_issued', 'reset_revoked', 'link_refused', 'two_factor_reset')
		ORDER BY e.id DESC
		LIMIT +?`, orgID, ts(since), limit)
	if err != nil {
		return nil, err
	}
	return scanEvents(rows)
}

// scanEvents reads rows of (id, at, event, org, actor, actor name,
// subject, subject name, detail, ip) and closes them.
func scanEvents(rows *sql.Rows) ([]model.Event, error) {
	defer rows.Close()
	var out []model.Event
	for rows.Next() {
		var e model.Event
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Kind, &e.OrgID, &e.ActorID, &e.ActorName, &e.SubjectID, &e.SubjectName, &e.Detail, &e.IP); err != nil {
			return nil, err
		}
		e.At = parseTS(at)
		out = append(out, e)
	}
	return out, rows.Err()
}
