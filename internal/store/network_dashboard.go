package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"puente/internal/model"
)

// A network's dashboard and de-identified reports (issue 13): counts,
// dates and pseudonyms, never a name, an A-number or a facility.

// UrgencyCounts are the people still waiting for a sponsor or a release
// (every state before arrived, closed left out) by how soon their bond or
// parole decision is: already past, within 7 days, within 30, later, or
// not known.
type UrgencyCounts struct {
	Past, Week, Month, Later, Unknown int
}

// QueueCounts counts networkID's queue entries by state, and its waiting
// ones (every state before arrived) by decision date on today (the
// network's day). An entry's urgency key starts with its decision date,
// '9999-12-31' when none is known (model.QueueUrgency), so comparing the
// key with a day and with a day followed by "~" (after every character of
// the key) places the decision date without reading it: each bucket is a
// range of the index queue_entries_state in every waiting state, counted
// there (queueUrgencySQL), rather than every entry compared four times.
func (s *Store) QueueCounts(ctx context.Context, networkID, today, in7, in30 string) (map[model.QueueState]int, UrgencyCounts, error) {
	var u UrgencyCounts
	counts, err := s.QueueStateCounts(ctx, networkID)
	if err != nil {
		return nil, u, err
	}
	if err := s.rd().QueryRowContext(ctx, queueUrgencySQL, networkID, today, in7+"~", in30+"~").
		Scan(&u.Past, &u.Week, &u.Month, &u.Later); err != nil {
		return nil, u, err
	}
	waiting := 0
	for st, n := range counts {
		if st != model.QueueArrived && st != model.QueueClosed {
			waiting += n
		}
	}
	u.Unknown = waiting - u.Past - u.Week - u.Month - u.Later
	return counts, u, nil
}

// queueUrgencySQL counts networkID's (?1) waiting entries by decision
// date: before ?2 (today), from today to ?3, to ?4, later but known. The
// waiting states are written out from model.QueueStates (constants).
var queueUrgencySQL = func() string {
	var waiting []string
	for _, st := range model.QueueStates {
		if st != model.QueueArrived && st != model.QueueClosed {
			waiting = append(waiting, "'"+string(st)+"'")
		}
	}
	in := `SELECT count(*) FROM queue_entries WHERE network_id = ?1 AND state IN (` + strings.Join(waiting, ", ") + `) AND `
	return `SELECT (` + in + `urgency < ?2), (` + in + `urgency >= ?2 AND urgency < ?3), (` +
		in + `urgency >= ?3 AND urgency < ?4), (` + in + `urgency >= ?4 AND urgency < '9999-12-31')`
}()

// QueueStateCounts counts networkID's queue entries by state.
func (s *Store) QueueStateCounts(ctx context.Context, networkID string) (map[model.QueueState]int, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT state, count(*) FROM queue_entries WHERE network_id = ? GROUP BY state`, networkID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	counts := map[model.QueueState]int{}
	for rows.Next() {
		var st model.QueueState
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		counts[st] = n
	}
	return counts, rows.Err()
}

// StageCounts are a network's groups by their stage of the day, with the
// beds of the approved ones.
type StageCounts struct {
	Groups map[model.SponsorStage]int
	Beds   int
}

// SponsorStageCounts counts networkID's groups by their stage on today
// (model.Stage of model.Vetting, the same rules) in one query that returns
// a row per stage: the records valid today counted per group and item in
// the index vetting_records_held, each group's profile read once.
func (s *Store) SponsorStageCounts(ctx context.Context, networkID, today string) (StageCounts, error) {
	out := StageCounts{Groups: map[model.SponsorStage]int{}}
	rows, err := s.rd().QueryContext(ctx, sponsorStagesSQL, networkID, today)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		var st model.SponsorStage
		var n, beds int
		if err := rows.Scan(&st, &n, &beds); err != nil {
			return out, err
		}
		out.Groups[st] = n
		if st == model.StageApproved {
			out.Beds = beds
		}
	}
	return out, rows.Err()
}

// sponsorStagesSQL is model.Stage and model.Vetting in SQL (?1 the
// network, ?2 the day). held: for each group and item, the different
// subjects with a record valid on the day (a per-adult item's adults; any
// other item is held with one), in the order of the index it is read from,
// which spares vetted a sort. vetted: for each group, how many items it
// holds and the fewest adults any per-adult item covers. A group is vetted
// when it holds every item of a network that has some and each per-adult
// item covers max(adults, 1); approved when vetted with a profile complete
// enough to match (model.SponsorProfile.Complete); resting, interested or
// applied as declared otherwise (interested without a profile).
const sponsorStagesSQL = `
	WITH held AS (
		SELECT group_id, item_id, count(DISTINCT subject) AS subjects
		FROM vetting_records
		WHERE network_id = ?1 AND done_on <= ?2 AND expires_on > ?2
		GROUP BY group_id, item_id ORDER BY group_id, item_id
	), vetted AS (
		SELECT group_id, count(*) AS items,
		       min(CASE WHEN item_id IN (SELECT id FROM vetting_items WHERE network_id = ?1 AND per_adult = 1) THEN subjects END) AS adults
		FROM held GROUP BY group_id
	), groups AS (
		SELECT p.stage, coalesce(p.beds, 0) AS beds,
		       coalesce(p.region_id, '') <> '' AND p.languages <> '' AND p.beds > 0 AND p.max_placements > 0 AS complete,
		       v.items = (SELECT count(*) FROM vetting_items WHERE network_id = ?1)
		         AND (v.adults IS NULL OR v.adults >= max(coalesce(p.adults, 0), 1)) AS vetted
		FROM organisations o
		LEFT JOIN sponsor_profiles p ON p.group_id = o.id
		LEFT JOIN vetted v ON v.group_id = o.id
		WHERE o.network_id = ?1
	)
	SELECT CASE WHEN stage = 'resting' THEN 'resting'
	            WHEN vetted AND complete THEN 'approved'
	            WHEN vetted THEN 'vetted'
	            ELSE coalesce(stage, 'interested') END AS st,
	       count(*), sum(beds)
	FROM groups GROUP BY st`

// MedianDaysToPlacement counts networkID's entries that arrived at a
// group (arrived, or closed after arriving) and gives the median of the
// whole days from each one's referral to its first arrival, -1 when none
// did: the middle value, or the mean of the two middle values rounded
// down. queue_entries.placed_days holds each entry's days (migration 025),
// so both are read from one index: a count, then one or two rows.
func (s *Store) MedianDaysToPlacement(ctx context.Context, networkID string) (placed, median int, err error) {
	rows, err := s.rd().QueryContext(ctx, daysToPlacementSQL, networkID)
	if err != nil {
		return 0, -1, err
	}
	defer rows.Close()
	sum := 0
	for rows.Next() {
		var d int
		if err := rows.Scan(&placed, &d); err != nil {
			return 0, -1, err
		}
		sum += d
	}
	if err := rows.Err(); err != nil || placed == 0 {
		return placed, -1, err
	}
	if placed%2 == 0 {
		return placed, sum / 2, nil
	}
	return placed, sum, nil
}

// daysToPlacementSQL is MedianDaysToPlacement's query (?1 the network):
// the count and the middle one or two days, in one read of the index
// queue_entries_placed_days (the count first, once).
const daysToPlacementSQL = `
		WITH n AS MATERIALIZED (SELECT count(*) AS n FROM queue_entries WHERE network_id = ?1 AND placed_days IS NOT NULL)
		SELECT (SELECT n FROM n), placed_days
		FROM queue_entries
		WHERE network_id = ?1 AND placed_days IS NOT NULL
		ORDER BY placed_days
		LIMIT (SELECT 2 - n % 2 FROM n) OFFSET (SELECT (n - 1) / 2 FROM n)`

// QueueReportRow is one line of the de-identified queue report: the
// pseudonym, counts and dates; never the external reference, an A-number,
// a facility or a case.
type QueueReportRow struct {
	Pseudonym     string
	State         model.QueueState
	StateSince    time.Time // when the entry reached its state
	ReferredOn    time.Time // when the entry was recorded
	Languages     string    // codes, comma-separated
	Adults        int
	Children      int
	Region        string
	Needs         string // codes, comma-separated
	DecisionDate  string
	DetainedSince string
	Group         string
}

// QueueReport reads network's queue for the de-identified report, by
// urgency, and writes the export to the audit log (action "export",
// object the network, field "queue_csv") in the same transaction.
func (s *Store) QueueReport(ctx context.Context, network model.Org, actorID string) ([]QueueReportRow, error) {
	var out []QueueReportRow
	err := s.tx(ctx, func(tx *sql.Tx) error {
		out = out[:0]
		rows, err := s.in(tx).QueryContext(ctx, `
			SELECT e.pseudonym, e.state, e.state_changed_at, e.created_at, e.languages,
			       e.adults, e.child_ages, coalesce(r.name, ''), e.needs, e.decision_date, e.detained_since, coalesce(g.name, '')
			FROM queue_entries e
			LEFT JOIN network_regions r ON r.id = e.region_id
			LEFT JOIN organisations g ON g.id = e.group_id
			WHERE e.network_id = ?
			ORDER BY e.urgency, e.id`, network.ID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r QueueReportRow
			var ages, since, referred string
			if err := rows.Scan(&r.Pseudonym, &r.State, &since, &referred, &r.Languages, &r.Adults, &ages,
				&r.Region, &r.Needs, &r.DecisionDate, &r.DetainedSince, &r.Group); err != nil {
				return err
			}
			r.StateSince, r.ReferredOn = parseTS(since), parseTS(referred)
			if ages != "" {
				r.Children = strings.Count(ages, ",") + 1
			}
			out = append(out, r)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		return insertAudit(ctx, tx, AuditEntry{ActorID: actorID, OrgID: network.ID, Action: "export", ObjectType: "network",
			ObjectID: network.ID, Field: "queue_csv", Detail: "rows=" + strconv.Itoa(len(out)), at: s.now()})
	})
	return out, err
}

// LogNetworkExport writes one export of a network's report to the audit
// log now, in its own transaction, before the report is read and sent:
// action "export", object the network, field the report ("placements_csv",
// "groups_csv"), detail what it held. A report that then fails to send is
// still on record as asked for.
func (s *Store) LogNetworkExport(ctx context.Context, network model.Org, actorID, report, detail string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		return insertAudit(ctx, tx, AuditEntry{ActorID: actorID, OrgID: network.ID, Action: "export", ObjectType: "network",
			ObjectID: network.ID, Field: report, Detail: detail, at: s.now()})
	})
}
