package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"puente/internal/model"
)

// Sponsor groups' profiles and vetting records (issue 13). Every method
// takes the group as an organisation already checked by authz, and reads
// only rows of that group or of its network.

const profileCols = `p.region_id, coalesce(r.name, ''), p.languages, p.adults, p.beds, p.private_room,
	p.accepts_children, p.wheelchair, p.host_months, p.available_from, p.pledge_cents, p.max_placements,
	p.stage, p.private_notes, p.updated_at`

func scanProfile(row interface{ Scan(...any) error }, p *model.SponsorProfile) error {
	var region sql.NullString
	var langs, stage, updated string
	if err := row.Scan(&region, &p.RegionName, &langs, &p.Adults, &p.Beds, &p.PrivateRoom,
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

// SponsorProfile returns group's profile; a group that has none yet gets an
// empty one (UpdatedAt zero, declared interested). withPrivate: the viewer
// belongs to the group; otherwise PrivateNotes is left empty, so network
// staff never receive them.
func (s *Store) SponsorProfile(ctx context.Context, group model.Org, withPrivate bool) (model.SponsorProfile, error) {
	p := model.SponsorProfile{GroupID: group.ID, GroupName: group.Name, Declared: model.StageInterested}
	err := scanProfile(s.rd().QueryRowContext(ctx, `SELECT `+profileCols+` FROM sponsor_profiles p
		LEFT JOIN network_regions r ON r.id = p.region_id WHERE p.group_id = ?`, group.ID), &p)
	if err != nil && err != sql.ErrNoRows {
		return p, err
	}
	if !withPrivate {
		p.PrivateNotes = ""
	}
	return p, nil
}

// SaveSponsorProfile stores what the group's coordinators typed (all but
// the declared stage, which is the network's) and stamps it updated now.
// ErrBadRegion when the region is not one of the group's network's.
func (s *Store) SaveSponsorProfile(ctx context.Context, group model.Org, p model.SponsorProfile, actorID string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if p.RegionID != "" {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM network_regions WHERE id = ? AND network_id = ?`, p.RegionID, group.NetworkID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return ErrBadRegion
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO sponsor_profiles (group_id, network_id, region_id, languages, adults, beds,
			private_room, accepts_children, wheelchair, host_months, available_from, pledge_cents, max_placements,
			private_notes, updated_at, updated_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (group_id) DO UPDATE SET region_id = excluded.region_id, languages = excluded.languages,
			adults = excluded.adults, beds = excluded.beds, private_room = excluded.private_room,
			accepts_children = excluded.accepts_children, wheelchair = excluded.wheelchair,
			host_months = excluded.host_months, available_from = excluded.available_from,
			pledge_cents = excluded.pledge_cents, max_placements = excluded.max_placements,
			private_notes = excluded.private_notes, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
			group.ID, group.NetworkID, nullStr(p.RegionID), strings.Join(p.Languages, ","), p.Adults, p.Beds,
			p.PrivateRoom, p.AcceptsChildren, p.Wheelchair, p.HostMonths, p.AvailableFrom, p.PledgeCents, p.MaxPlacements,
			p.PrivateNotes, ts(s.now()), nullStr(actorID))
		return err
	})
}

// SetSponsorStage records the stage the network declares for group
// (interested, applied or resting), in the network's security log as
// actorID's from ip. It does not count as the group updating its profile:
// a group that has none gets an empty one, never stamped updated.
func (s *Store) SetSponsorStage(ctx context.Context, group model.Org, stage model.SponsorStage, actorID, ip string) error {
	if !model.ValidDeclaredStage(stage) {
		return ErrBadSponsorInput
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO sponsor_profiles (group_id, network_id, stage, updated_at) VALUES (?, ?, ?, '')
			ON CONFLICT (group_id) DO UPDATE SET stage = excluded.stage`, group.ID, group.NetworkID, string(stage))
		if err != nil {
			return err
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventSponsorStageSet, OrgID: group.NetworkID, ActorID: actorID,
			Detail: model.JoinEventDetail(group.Name, string(stage)), IP: ip})
	})
}

// RecordVetting records that the network's item itemID was done for group
// on doneOn (YYYY-MM-DD), for the adult with initials subject if the item
// is per adult. It expires valid_days later. The network's security log
// says actorID recorded it from ip (the group's and item's names, never
// the adult's initials). ErrBadItem for an item of another network.
func (s *Store) RecordVetting(ctx context.Context, group model.Org, itemID, subject, doneOn, actorID, ip string) error {
	done, err := time.Parse(time.DateOnly, doneOn)
	if err != nil {
		return ErrBadSponsorInput
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var days int
		var perAdult bool
		var name string
		err := tx.QueryRowContext(ctx, `SELECT name, valid_days, per_adult FROM vetting_items WHERE id = ? AND network_id = ?`, itemID, group.NetworkID).Scan(&name, &days, &perAdult)
		if err == sql.ErrNoRows {
			return ErrBadItem
		}
		if err != nil {
			return err
		}
		if !perAdult {
			subject = ""
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO vetting_records (id, network_id, group_id, item_id, subject, done_on, expires_on, recorded_at, recorded_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, newID(), group.NetworkID, group.ID, itemID, subject, doneOn,
			done.AddDate(0, 0, days).Format(time.DateOnly), ts(s.now()), nullStr(actorID))
		if err != nil {
			return err
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventVettingRecorded, OrgID: group.NetworkID, ActorID: actorID,
			Detail: model.JoinEventDetail(group.Name, name), IP: ip})
	})
}

const recordCols = `v.id, v.group_id, o.name, v.item_id, i.name, v.subject, v.done_on, v.expires_on, v.recorded_at, coalesce(u.name, '')`

const recordJoins = ` FROM vetting_records v
	JOIN vetting_items i ON i.id = v.item_id
	JOIN organisations o ON o.id = v.group_id
	LEFT JOIN users u ON u.id = v.recorded_by`

func scanRecords(rows *sql.Rows) ([]model.VettingRecord, error) {
	defer rows.Close()
	var out []model.VettingRecord
	for rows.Next() {
		var r model.VettingRecord
		var at string
		if err := rows.Scan(&r.ID, &r.GroupID, &r.GroupName, &r.ItemID, &r.ItemName, &r.Subject, &r.DoneOn, &r.ExpiresOn, &at, &r.RecordedByName); err != nil {
			return nil, err
		}
		r.RecordedAt = parseTS(at)
		out = append(out, r)
	}
	return out, rows.Err()
}

// VettingRecords lists group's vetting records, newest done first.
func (s *Store) VettingRecords(ctx context.Context, groupID string) ([]model.VettingRecord, error) {
	rows, err := s.rd().QueryContext(ctx, `SELECT `+recordCols+recordJoins+` WHERE v.group_id = ? ORDER BY v.done_on DESC, v.recorded_at DESC`, groupID)
	if err != nil {
		return nil, err
	}
	return scanRecords(rows)
}

// SponsorRow is one group on the network's list: its profile (without
// private notes) and its vetting records, for the stage of the day.
type SponsorRow struct {
	Profile model.SponsorProfile
	Records []model.VettingRecord
}

// Sponsors lists a page (1-based, size rows) of networkID's groups by name
// with their profiles and records, and how many groups there are: three
// queries whatever the page holds.
func (s *Store) Sponsors(ctx context.Context, networkID string, page, size int) ([]SponsorRow, int, error) {
	var total int
	if err := s.rd().QueryRowContext(ctx, `SELECT count(*) FROM organisations WHERE network_id = ?`, networkID).Scan(&total); err != nil {
		return nil, 0, err
	}
	if page < 1 {
		page = 1
	}
	rows, err := s.rd().QueryContext(ctx, `SELECT o.id, o.name, p.group_id IS NOT NULL, `+profileCols+`
		FROM organisations o
		LEFT JOIN sponsor_profiles p ON p.group_id = o.id
		LEFT JOIN network_regions r ON r.id = p.region_id
		WHERE o.network_id = ? ORDER BY o.name, o.id LIMIT +? OFFSET +?`, networkID, size, (page-1)*size)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []SponsorRow
	at := map[string]int{}
	var ids []string
	for rows.Next() {
		var row SponsorRow
		var has bool
		p := &row.Profile
		var region, langs, stage, updated, notes sql.NullString
		var adults, beds, months, maxp sql.NullInt64
		var pledge sql.NullInt64
		var room, kids, wheel sql.NullBool
		var avail sql.NullString
		if err := rows.Scan(&p.GroupID, &p.GroupName, &has, &region, &p.RegionName, &langs, &adults, &beds, &room,
			&kids, &wheel, &months, &avail, &pledge, &maxp, &stage, &notes, &updated); err != nil {
			return nil, 0, err
		}
		p.Declared = model.StageInterested
		if has {
			p.RegionID, p.Adults, p.Beds, p.PrivateRoom = region.String, int(adults.Int64), int(beds.Int64), room.Bool
			p.AcceptsChildren, p.Wheelchair, p.HostMonths, p.AvailableFrom = kids.Bool, wheel.Bool, int(months.Int64), avail.String
			p.PledgeCents, p.MaxPlacements, p.Declared, p.UpdatedAt = pledge.Int64, int(maxp.Int64), model.SponsorStage(stage.String), parseTS(updated.String)
			if langs.String != "" {
				p.Languages = strings.Split(langs.String, ",")
			}
		}
		at[p.GroupID] = len(out)
		ids = append(ids, p.GroupID)
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	if len(ids) == 0 {
		return out, total, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, 0, err
	}
	rrows, err := s.rd().QueryContext(ctx, `SELECT `+recordCols+recordJoins+`
		WHERE v.group_id IN (SELECT value FROM json_each(?)) ORDER BY v.group_id, v.done_on DESC`, string(list))
	if err != nil {
		return nil, 0, err
	}
	recs, err := scanRecords(rrows)
	if err != nil {
		return nil, 0, err
	}
	for _, r := range recs {
		i := at[r.GroupID]
		out[i].Records = append(out[i].Records, r)
	}
	return out, total, nil
}

// ExpiringVetting lists a page of networkID's vetting records that expire
// from today up to and including until (YYYY-MM-DD), soonest first, with
// their total; a record already renewed (the same group, item and adult
// has one that expires later) is left out.
func (s *Store) ExpiringVetting(ctx context.Context, networkID, today, until string, page, size int) ([]model.VettingRecord, int, error) {
	const where = ` WHERE v.network_id = ? AND v.expires_on > ? AND v.expires_on <= ?
		AND NOT EXISTS (SELECT 1 FROM vetting_records n WHERE n.group_id = v.group_id AND n.item_id = v.item_id
		    AND n.subject = v.subject AND n.expires_on > v.expires_on)`
	var total int
	if err := s.rd().QueryRowContext(ctx, `SELECT count(*) FROM vetting_records v`+where, networkID, today, until).Scan(&total); err != nil {
		return nil, 0, err
	}
	if page < 1 {
		page = 1
	}
	rows, err := s.rd().QueryContext(ctx, `SELECT `+recordCols+recordJoins+where+` ORDER BY v.expires_on, o.name, v.id LIMIT +? OFFSET +?`,
		networkID, today, until, size, (page-1)*size)
	if err != nil {
		return nil, 0, err
	}
	recs, err := scanRecords(rows)
	return recs, total, err
}
