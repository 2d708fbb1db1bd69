package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"puente/internal/model"
)

// Placement is what a network sees of a person it handed to a group: the
// pseudonym, the group, the case's status and figures. Never a name beyond
// the pseudonym, a note, a commitment's details or a checklist's notes.
type Placement struct {
	EntryID    string
	Pseudonym  string
	EntryState model.QueueState
	GroupID    string
	GroupName  string
	CaseStatus model.CaseStatus
	CaseClosed bool
	// CloseReason is why the network closed the entry ("" while open): a
	// closed entry's placement has ended, whatever the group's case says.
	CloseReason string
	ReleaseDate string // the principal's release from detention; "" if not recorded
	// Overdue counts "due by" deadlines past today that no fact met and
	// nobody marked (as GroupCaseCounts counts them).
	Overdue int
	// Uncovered counts appointments from now to the horizon with nobody
	// going and nothing recorded about them.
	Uncovered int
}

// UncoveredHorizon is how far ahead the placements page counts
// appointments with nobody going: the case page's "what nobody has taken
// on yet" looks as far.
const UncoveredHorizon = 14 * 24 * time.Hour

// placementCols are a placement's columns (scanPlacement), from the entry
// q, its case c and group g: ?2 is the network's today, ?3 and ?4 the
// window of appointments counted.
const placementCols = `q.id, q.pseudonym, q.state, coalesce(q.close_reason, ''), c.group_id, g.name, c.status, c.closed_at IS NOT NULL,
		       coalesce((SELECT p.release_date FROM people p WHERE p.case_id = c.id AND p.is_principal = 1), ''),
		       (SELECT count(*) FROM deadlines d
		        LEFT JOIN marks m ON m.case_id = d.case_id AND m.key = d.key
		        WHERE d.case_id = c.id AND d.kind = 'due_by' AND d.met_on IS NULL AND d.due < ?2
		          AND coalesce(m.state, 'open') = 'open'),
		       (SELECT count(*) FROM appointments a
		        LEFT JOIN marks mk ON mk.case_id = a.case_id AND mk.key = 'appointment/' || a.id
		        WHERE a.case_id = c.id AND a.starts_at >= ?3 AND a.starts_at < ?4 AND a.going = ''
		          AND NOT EXISTS (SELECT 1 FROM appointment_signups su WHERE su.appointment_id = a.id)
		          AND coalesce(mk.state, 'open') = 'open')`

// placementJoins join an entry q to its case and group.
const placementJoins = `
		JOIN cases c ON c.id = q.case_id
		JOIN organisations g ON g.id = c.group_id`

// placementsSQL reads a page of a network's placements (?1 network, ?2
// today, ?3 and ?4 the window of appointments, ?5 and ?6 limit and
// offset), latest change first through queue_entries_placed.
const placementsSQL = `
		SELECT ` + placementCols + `
		FROM queue_entries q` + placementJoins + `
		WHERE q.network_id = ?1 AND q.case_id IS NOT NULL
		ORDER BY q.state_changed_at DESC, q.id DESC LIMIT +?5 OFFSET +?6`

// scanPlacement reads placementCols into p.
func scanPlacement(row interface{ Scan(...any) error }, p *Placement, more ...any) error {
	var state, status string
	dest := append(more, &p.EntryID, &p.Pseudonym, &state, &p.CloseReason, &p.GroupID, &p.GroupName, &status, &p.CaseClosed,
		&p.ReleaseDate, &p.Overdue, &p.Uncovered)
	if err := row.Scan(dest...); err != nil {
		return err
	}
	p.EntryState, p.CaseStatus = model.QueueState(state), model.CaseStatus(status)
	return nil
}

// Placements lists a page of network's people handed to a group, the most
// recently changed first, with how many there are. today is the network's
// day (YYYY-MM-DD); now the instant appointments are counted from.
func (s *Store) Placements(ctx context.Context, network model.Org, today string, now time.Time, page, size int) ([]Placement, int, error) {
	if page < 1 {
		page = 1
	}
	var total int
	if err := s.rd().QueryRowContext(ctx, `SELECT count(*) FROM queue_entries WHERE case_id IS NOT NULL AND network_id = ?`,
		network.ID).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.rd().QueryContext(ctx, placementsSQL,
		network.ID, today, ts(now), ts(now.Add(UncoveredHorizon)), size, (page-1)*size)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []Placement
	for rows.Next() {
		var p Placement
		if err := scanPlacement(rows, &p); err != nil {
			return nil, 0, err
		}
		out = append(out, p)
	}
	return out, total, rows.Err()
}

// PlacementOf is Placements for one entry of network (its entry page);
// model.ErrNotFound when the entry has no case.
func (s *Store) PlacementOf(ctx context.Context, network model.Org, entryID, today string, now time.Time) (Placement, error) {
	var p Placement
	row := s.rd().QueryRowContext(ctx, `
		SELECT `+placementCols+`
		FROM queue_entries q`+placementJoins+`
		WHERE q.id = ?5 AND q.network_id = ?1`,
		network.ID, today, ts(now), ts(now.Add(UncoveredHorizon)), entryID)
	if err := scanPlacement(row, &p); err != nil {
		return p, translate(err)
	}
	return p, nil
}

// Ended reports whether the placement ended: the network closed the
// person's entry (the group's case stays the group's record).
func (p Placement) Ended() bool { return p.EntryState == model.QueueClosed }

// DaysSinceRelease is how many days have passed since the release on
// today; -1 when no release is recorded.
func (p Placement) DaysSinceRelease(today string) int {
	return model.QueueEntry{DetainedSince: p.ReleaseDate}.DaysDetained(today)
}

// GroupLoad is a group's load, for matching and its stage: the network's
// placements with it (people handed to it and not closed, those arrived,
// and when the latest hand-off was), and Busy, the places in use that
// matching counts against the group's placements at once.
type GroupLoad struct {
	Open      int
	Hosting   int
	LastStart string // YYYY-MM-DD, "" for never
	// Busy is every household the group is looking after: its open cases,
	// whether the network placed them or the group opened them itself,
	// and the network's open placements whose case the group has closed
	// or purged (the network has not closed them yet). A group's places
	// are its places whoever fills them; counting only the network's
	// placements offered a group that already hosts three households of
	// its own as if it had room.
	Busy int
}

// GroupLoads reads the load of every group of network in two queries:
// the network's placements by group, and the open cases of its groups
// (counted from cases_group_next_due, which holds closed_at).
func (s *Store) GroupLoads(ctx context.Context, network model.Org) (map[string]GroupLoad, error) {
	out := map[string]GroupLoad{}
	rows, err := s.rd().QueryContext(ctx, `
		SELECT q.group_id, sum(q.state <> 'closed'), sum(q.state = 'arrived'), substr(max(q.created_at), 1, 10),
		       sum(q.state <> 'closed' AND q.case_due IS NULL)
		FROM queue_entries q
		WHERE q.network_id = ? AND q.group_id IS NOT NULL
		GROUP BY q.group_id`, network.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var l GroupLoad
		if err := rows.Scan(&id, &l.Open, &l.Hosting, &l.LastStart, &l.Busy); err != nil {
			return nil, err
		}
		out[id] = l
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	cases, err := s.rd().QueryContext(ctx, `
		SELECT c.group_id, count(*) FROM organisations o JOIN cases c ON c.group_id = o.id
		WHERE o.network_id = ? AND c.closed_at IS NULL GROUP BY c.group_id`, network.ID)
	if err != nil {
		return nil, err
	}
	defer cases.Close()
	for cases.Next() {
		var id string
		var n int
		if err := cases.Scan(&id, &n); err != nil {
			return nil, err
		}
		l := out[id]
		l.Busy += n
		out[id] = l
	}
	return out, cases.Err()
}

// groupBusySQL is GroupLoad.Busy of one group (?1) of network ?2.
const groupBusySQL = `SELECT (SELECT count(*) FROM cases WHERE group_id = ?1 AND closed_at IS NULL)
	+ (SELECT count(*) FROM queue_entries WHERE network_id = ?2 AND group_id = ?1 AND state <> 'closed' AND case_due IS NULL)`

// SponsorCandidates reads, for the ranking, every group of network that
// has a profile, with its vetting records still in force after today
// (those that decide approval), in two indexed queries: no order by name
// and no pages, unlike the network's list (Sponsors). Private notes are
// left out.
func (s *Store) SponsorCandidates(ctx context.Context, network model.Org, today string) ([]SponsorRow, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT o.id, o.name, `+profileCols+`
		FROM sponsor_profiles p
		JOIN organisations o ON o.id = p.group_id
		LEFT JOIN network_regions r ON r.id = p.region_id
		WHERE p.network_id = ?`, network.ID)
	if err != nil {
		return nil, err
	}
	var out []SponsorRow
	at := map[string]int{}
	for rows.Next() {
		var row SponsorRow
		if err := scanProfileRow(rows, &row.Profile); err != nil {
			rows.Close()
			return nil, err
		}
		row.Profile.PrivateNotes = ""
		at[row.Profile.GroupID] = len(out)
		out = append(out, row)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	// Only what approval needs of each record: no names joined in.
	rrows, err := s.rd().QueryContext(ctx, `SELECT group_id, item_id, subject, done_on, expires_on
		FROM vetting_records WHERE network_id = ? AND expires_on > ?`, network.ID, today)
	if err != nil {
		return nil, err
	}
	defer rrows.Close()
	for rrows.Next() {
		var r model.VettingRecord
		if err := rrows.Scan(&r.GroupID, &r.ItemID, &r.Subject, &r.DoneOn, &r.ExpiresOn); err != nil {
			return nil, err
		}
		if i, ok := at[r.GroupID]; ok {
			out[i].Records = append(out[i].Records, r)
		}
	}
	return out, rrows.Err()
}

// scanProfileRow reads a group's id and name, then its profile.
func scanProfileRow(row interface{ Scan(...any) error }, p *model.SponsorProfile) error {
	var region sql.NullString
	var langs, stage, updated string
	if err := row.Scan(&p.GroupID, &p.GroupName, &region, &p.RegionName, &langs, &p.Adults, &p.Beds, &p.PrivateRoom,
		&p.AcceptsChildren, &p.Wheelchair, &p.HostMonths, &p.AvailableFrom, &p.PledgeCents, &p.MaxPlacements,
		&stage, &p.PrivateNotes, &updated); err != nil {
		return err
	}
	p.RegionID = region.String
	if langs != "" {
		p.Languages = strings.Split(langs, ",")
	}
	p.Declared = model.SponsorStage(stage)
	p.UpdatedAt = parseTS(updated)
	return nil
}
