package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"puente/internal/tz"
)

// ErrBadRetention is returned for a retention period outside
// model.MinRetentionDays to model.MaxRetentionDays.
var ErrBadRetention = errors.New("store: retention period out of range")

// PurgeOn is the day (YYYY-MM-DD, in zone) on which a case closed at
// closedAt is purged under a retention of days: the day it was closed, in
// the group's own calendar, plus days. A case closed at 11 p.m. in New York
// on 1 March (already 2 March in UTC) with 90 days is purged on 30 May.
func PurgeOn(closedAt time.Time, zone string, days int) string {
	closed := closedAt.In(tz.Location(zone))
	d := time.Date(closed.Year(), closed.Month(), closed.Day(), 0, 0, 0, 0, time.UTC)
	return d.AddDate(0, 0, days).Format(time.DateOnly)
}

// purgeCutoff is the instant before which a case must have closed to be
// due for purging at now in a group of zone keeping days: the start, in
// zone, of the day after today minus days. A case closed on day D is due
// from day D + days on (PurgeOn).
func purgeCutoff(now time.Time, zone string, days int) (time.Time, error) {
	today, err := time.Parse(time.DateOnly, tz.Today(now, zone))
	if err != nil {
		return time.Time{}, err
	}
	return tz.Instant(today.AddDate(0, 0, 1-days).Format(time.DateOnly), "", zone)
}

// DueCase is a closed case whose retention has passed.
type DueCase struct {
	ID      string
	GroupID string
	Code    string
}

// DuePurges lists the closed, not yet purged cases of every group whose
// retention period has passed at now, counted in each group's own days
// (PurgeOn), oldest closing first. One query, through the partial index
// cases_purge_due, whatever the number of groups.
func (s *Store) DuePurges(ctx context.Context, now time.Time) ([]DueCase, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, time_zone, retention_days FROM organisations WHERE kind = 'group'`)
	if err != nil {
		return nil, err
	}
	cutoffs := map[string]string{}
	for rows.Next() {
		var id, zone string
		var days int
		if err := rows.Scan(&id, &zone, &days); err != nil {
			rows.Close()
			return nil, err
		}
		at, err := purgeCutoff(now, zone, days)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("group %s: %w", id, err)
		}
		cutoffs[id] = ts(at)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	list, err := json.Marshal(cutoffs)
	if err != nil {
		return nil, err
	}
	rows, err = s.db.QueryContext(ctx, `
		SELECT c.id, c.group_id, c.code
		FROM json_each(?) g
		JOIN cases c ON c.group_id = g.key AND c.closed_at IS NOT NULL AND c.purged_at IS NULL AND c.closed_at < g.value
		ORDER BY c.closed_at, c.id`, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DueCase
	for rows.Next() {
		var d DueCase
		if err := rows.Scan(&d.ID, &d.GroupID, &d.Code); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// PurgeReport says what PurgeDue did (or, dry, would do).
type PurgeReport struct {
	// Cases are the cases purged (or due, when dry), oldest closing first.
	Cases []DueCase
	// Cleared counts, per table, the rows whose personal fields were
	// cleared or which were deleted (search_terms), over all cases.
	Cleared map[string]int
	// WALCleared is true when the WAL was checkpointed and truncated after
	// the purges, so the old values are gone from it (see PurgeCase).
	WALCleared bool
}

// PurgeDue purges every case DuePurges lists at now, each in its own
// transaction with its audit entry (kind "retention", no actor), then
// checkpoints and truncates the WAL once. With dry it only lists them.
// A failure stops it: the cases purged so far stay purged.
func (s *Store) PurgeDue(ctx context.Context, now time.Time, dry bool) (PurgeReport, error) {
	rep := PurgeReport{Cleared: map[string]int{}}
	due, err := s.DuePurges(ctx, now)
	if err != nil || dry {
		rep.Cases = due
		return rep, err
	}
	for _, d := range due {
		var counts map[string]int
		err := s.tx(ctx, func(tx *sql.Tx) error {
			var err error
			counts, err = s.purgeCaseTx(ctx, tx, d.ID, d.GroupID, "", PurgeRetention)
			return err
		})
		if errors.Is(err, ErrAlreadyPurged) {
			continue // purged by a coordinator meanwhile
		}
		if err != nil {
			return rep, fmt.Errorf("purge case %s: %w", d.Code, err)
		}
		rep.Cases = append(rep.Cases, d)
		for t, n := range counts {
			rep.Cleared[t] += n
		}
	}
	if len(rep.Cases) > 0 {
		rep.WALCleared = s.checkpointGated(ctx) == nil
	}
	return rep, nil
}
