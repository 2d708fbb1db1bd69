package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"puente/internal/model"
	"puente/internal/tz"
)

const orgCols = `o.id, o.kind, o.name, coalesce(o.network_id, ''), o.time_zone, o.retention_days, o.created_at`

// orgColsAuthz are orgCols and what access decisions need besides: whether
// a group has a coordinator of its own (model.Org.HasCoordinator), and
// whether it requires a second factor of everyone.
const orgColsAuthz = orgCols + `,
	EXISTS (SELECT 1 FROM memberships c WHERE c.org_id = o.id AND c.role = 'coordinator' AND o.kind = 'group'),
	o.require_two_factor`

func scanOrg(row interface{ Scan(...any) error }) (model.Org, error) {
	var o model.Org
	var created string
	if err := row.Scan(&o.ID, &o.Kind, &o.Name, &o.NetworkID, &o.TimeZone, &o.RetentionDays, &created, &o.HasCoordinator, &o.RequireTwoFactor); err != nil {
		return model.Org{}, translate(err)
	}
	o.CreatedAt = parseTS(created)
	return o, nil
}

// OrgForUser returns the organisation orgID only if userID belongs to it or
// to the network that owns it; otherwise model.ErrNotFound, exactly as for
// an organisation that does not exist.
func (s *Store) OrgForUser(ctx context.Context, userID, orgID string) (model.Org, error) {
	return scanOrg(s.rd().QueryRowContext(ctx, `
		SELECT `+orgColsAuthz+` FROM organisations o
		WHERE o.id = ?
		  AND EXISTS (SELECT 1 FROM memberships m
		              WHERE m.user_id = ? AND (m.org_id = o.id OR m.org_id = o.network_id))`,
		orgID, userID))
}

// OrgInScope returns organisation orgID if the viewer whose memberships
// these are belongs to it or to the network that owns it; otherwise
// model.ErrNotFound, exactly as for an organisation that does not exist.
// It is OrgForUser for a request that has read the viewer's memberships
// already: an organisation of theirs is built from its membership with no
// query, and a group of one of their networks is read with the network
// ids as parameters, so no request reads the memberships twice.
func (s *Store) OrgInScope(ctx context.Context, memberships []model.Membership, orgID string) (model.Org, error) {
	var networks []string
	for _, m := range memberships {
		if m.OrgID == orgID {
			return m.Org(), nil
		}
		if m.OrgKind == model.KindNetwork {
			networks = append(networks, m.OrgID)
		}
	}
	if len(networks) == 0 {
		return model.Org{}, model.ErrNotFound
	}
	list, err := json.Marshal(networks)
	if err != nil {
		return model.Org{}, err
	}
	return scanOrg(s.rd().QueryRowContext(ctx, `
		SELECT `+orgColsAuthz+` FROM organisations o
		WHERE o.id = ? AND o.network_id IN (SELECT value FROM json_each(?))`, orgID, string(list)))
}

// CreateGroup creates a sponsor group inside network networkID, in the
// network's time zone until the group's managers choose another.
func (s *Store) CreateGroup(ctx context.Context, networkID, name, actorID, ip string) (model.Org, error) {
	var org model.Org
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var zone string
		if err := s.in(tx).QueryRowContext(ctx, `SELECT time_zone FROM organisations WHERE id = ?`, networkID).Scan(&zone); err != nil {
			return translate(err)
		}
		var err error
		org, err = s.createOrgTx(ctx, tx, model.KindGroup, name, networkID, zone)
		if err != nil {
			return err
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventGroupCreated, OrgID: networkID, ActorID: actorID, Detail: name, IP: ip})
	})
	return org, err
}

// createOrgTx inserts an organisation with its name's sort keys; an empty
// or unknown zone becomes tz.Default.
func (s *Store) createOrgTx(ctx context.Context, tx *sql.Tx, kind model.OrgKind, name, networkID, zone string) (model.Org, error) {
	if !tz.Valid(zone) {
		zone = tz.Default
	}
	o := model.Org{ID: newID(), Kind: kind, Name: name, NetworkID: networkID, TimeZone: zone,
		RetentionDays: model.DefaultRetentionDays, CreatedAt: s.now()}
	en, es := nameKeys(name)
	_, err := s.in(tx).ExecContext(ctx,
		`INSERT INTO organisations (id, kind, name, network_id, time_zone, created_at, sort_en, sort_es) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		o.ID, o.Kind, o.Name, nullStr(o.NetworkID), o.TimeZone, ts(o.CreatedAt), en, es)
	if err != nil {
		return model.Org{}, translate(err)
	}
	return o, nil
}

// groupsQueries list a network's groups per sorting language (index
// organisations_network_sort_*).
var groupsQueries = map[string]string{}

func init() {
	for _, col := range sortColumns {
		groupsQueries[col] = `
		SELECT ` + orgCols + `, (SELECT count(*) FROM memberships m WHERE m.org_id = o.id)
		FROM organisations o
		WHERE o.network_id = ?
		ORDER BY o.` + col + `, o.id`
	}
}

// Groups lists a network's sponsor groups with their member counts, by name
// in the collation of lang ("en", "es").
func (s *Store) Groups(ctx context.Context, networkID, lang string) ([]model.GroupSummary, error) {
	rows, err := s.rd().QueryContext(ctx, groupsQueries[sortColumn(lang)], networkID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.GroupSummary
	for rows.Next() {
		var g model.GroupSummary
		var created string
		if err := rows.Scan(&g.ID, &g.Kind, &g.Name, &g.NetworkID, &g.TimeZone, &g.RetentionDays, &created, &g.Members); err != nil {
			return nil, err
		}
		g.CreatedAt = parseTS(created)
		out = append(out, g)
	}
	return out, rows.Err()
}

// ErrBadZone is returned for a time zone that is not one of tz's choices.
var ErrBadZone = errors.New("store: not a selectable time zone")

// SetOrgTimeZone changes the zone org's days are counted in. Stored
// deadlines hold dates, not instants, so nothing is recomputed: "today"
// simply turns over at the new zone's midnight. Appointments keep their
// own place's zone.
func (s *Store) SetOrgTimeZone(ctx context.Context, org model.Org, zone string) error {
	if !tz.Valid(zone) {
		return ErrBadZone
	}
	res, err := s.writer().ExecContext(ctx, `UPDATE organisations SET time_zone = ? WHERE id = ?`, zone, org.ID)
	return mustAffect(res, err)
}

// OrgSettings are what an organisation's managers set on its settings page.
type OrgSettings struct {
	// TimeZone is the IANA zone its days are counted in (tz.Valid).
	TimeZone string
	// RequireTwoFactor: everyone in it must sign in with a second factor.
	RequireTwoFactor bool
	// RetentionDays is how many of its days a group keeps a closed case,
	// model.MinRetentionDays to model.MaxRetentionDays.
	RetentionDays int
}

// SetOrgSettings saves org's settings in one transaction: the zone its
// days are counted in (as SetOrgTimeZone), whether everyone in it must
// sign in with a second factor, and how many days it keeps a closed case
// (model.Org.RetentionDays). A change of the second-factor requirement is
// written to the organisation's security log, by actorID from ip. A new
// retention period applies to every closed case not yet purged, from the
// next purge on: a shorter one may make some due at once (see PurgeDue).
// Stored deadlines hold dates, not instants, so a new zone recomputes
// nothing: "today" turns over at the new zone's midnight. Errors:
// ErrBadZone, ErrBadRetention, ErrNotFound.
func (s *Store) SetOrgSettings(ctx context.Context, org model.Org, set OrgSettings, actorID, ip string) error {
	if !tz.Valid(set.TimeZone) {
		return ErrBadZone
	}
	if set.RetentionDays < model.MinRetentionDays || set.RetentionDays > model.MaxRetentionDays {
		return ErrBadRetention
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var was bool
		if err := tx.QueryRowContext(ctx, `SELECT require_two_factor FROM organisations WHERE id = ?`, org.ID).Scan(&was); err != nil {
			return translate(err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE organisations SET time_zone = ?, require_two_factor = ?, retention_days = ? WHERE id = ?`,
			set.TimeZone, set.RequireTwoFactor, set.RetentionDays, org.ID); err != nil {
			return err
		}
		if was == set.RequireTwoFactor {
			return nil
		}
		detail := "off"
		if set.RequireTwoFactor {
			detail = "on"
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventTwoFactorRequired, OrgID: org.ID, ActorID: actorID, Detail: detail, IP: ip})
	})
}
