package store

import (
	"context"
	"database/sql"
	"sort"
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

// SponsorStage is what the dashboard needs of one group to know its stage
// of the day: its profile's matching fields and its records valid today.
type SponsorStage struct {
	Profile model.SponsorProfile
	Records []model.VettingRecord
}

// SponsorStages reads every group of networkID for its stage on today:
// two reads, neither sorted by name (the dashboard counts, it lists none).
func (s *Store) SponsorStages(ctx context.Context, networkID, today string) ([]SponsorStage, error) {
	rows, err := s.rd().QueryContext(ctx, `
		SELECT o.id, coalesce(p.region_id, ''), coalesce(p.languages, ''), coalesce(p.adults, 0), coalesce(p.beds, 0),
		       coalesce(p.max_placements, 0), coalesce(p.stage, 'interested')
		FROM organisations o LEFT JOIN sponsor_profiles p ON p.group_id = o.id
		WHERE o.network_id = ?`, networkID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SponsorStage
	at := map[string]int{}
	for rows.Next() {
		var st SponsorStage
		p := &st.Profile
		var langs string
		if err := rows.Scan(&p.GroupID, &p.RegionID, &langs, &p.Adults, &p.Beds, &p.MaxPlacements, &p.Declared); err != nil {
			return nil, err
		}
		if langs != "" {
			p.Languages = strings.Split(langs, ",")
		}
		at[p.GroupID] = len(out)
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	recs, err := s.rd().QueryContext(ctx, `
		SELECT group_id, item_id, subject, done_on, expires_on FROM vetting_records
		WHERE network_id = ? AND expires_on > ? AND done_on <= ?`, networkID, today, today)
	if err != nil {
		return nil, err
	}
	defer recs.Close()
	for recs.Next() {
		var r model.VettingRecord
		if err := recs.Scan(&r.GroupID, &r.ItemID, &r.Subject, &r.DoneOn, &r.ExpiresOn); err != nil {
			return nil, err
		}
		if i, ok := at[r.GroupID]; ok {
			out[i].Records = append(out[i].Records, r)
		}
	}
	return out, recs.Err()
}

// DaysToPlacement lists, for each of networkID's entries that arrived at
// a group, the whole days from its referral (the entry's creation) to its
// first arrival, shortest first. Arrival is the pipeline's last step
// before closing, so only arrived and closed entries are looked at.
func (s *Store) DaysToPlacement(ctx context.Context, networkID string) ([]int, error) {
	// One row per arrived entry, through queue_entries_referred, its first
	// arrival one seek in queue_state_changes_state (NULL for an entry
	// without an arrival recorded: left out, as an inner join would).
	rows, err := s.rd().QueryContext(ctx, daysToPlacementSQL, networkID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var d sql.NullInt64
		if err := rows.Scan(&d); err != nil {
			return nil, err
		}
		if d.Valid {
			out = append(out, max(int(d.Int64), 0))
		}
	}
	sort.Ints(out)
	return out, rows.Err()
}

// daysToPlacementSQL is DaysToPlacement's query: ?1 the network.
const daysToPlacementSQL = `
		SELECT CAST(julianday((SELECT min(c.at) FROM queue_state_changes c WHERE c.entry_id = e.id AND c.state = 'arrived'))
		            - julianday(e.created_at) AS INTEGER)
		FROM queue_entries e
		WHERE e.network_id = ? AND e.state IN ('arrived', 'closed')`

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
