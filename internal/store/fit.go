package store

import (
	"context"
	"database/sql"
	"errors"

	"puente/internal/matching"
	"puente/internal/model"
)

// Whether a group can take a person at all is decided by package
// matching's hard rules (matching.Unfit), the same for the ranking, an
// offer and its acceptance: the store builds matching's view of the group
// and the person here, once, for all three.

// ErrNoRoom: the group cannot take the person by the ranking's hard rules
// (no placement free, too few beds, children not taken, no wheelchair
// access). The error is a *NoRoomError naming the rule.
var ErrNoRoom = errors.New("store: the group cannot take the person")

// NoRoomError is ErrNoRoom with the rule the group fails.
type NoRoomError struct{ Rule matching.Rule }

func (e *NoRoomError) Error() string { return ErrNoRoom.Error() + ": " + string(e.Rule) }

// Is makes errors.Is(err, ErrNoRoom) hold.
func (e *NoRoomError) Is(target error) bool { return target == ErrNoRoom }

// MatchGroup is matching's view of a group: its profile, whether it is
// approved today and its load (every household it looks after).
func MatchGroup(p model.SponsorProfile, approved bool, l GroupLoad) matching.Group {
	return matching.Group{ID: p.GroupID, Name: p.GroupName, Approved: approved, Languages: p.Languages, RegionID: p.RegionID,
		Beds: p.Beds, PrivateRoom: p.PrivateRoom, AcceptsChildren: p.AcceptsChildren, Wheelchair: p.Wheelchair,
		AvailableFrom: p.AvailableFrom, MaxPlacements: p.MaxPlacements, CurrentPlacements: l.Busy, LastPlacement: l.LastStart}
}

// MatchPerson is matching's view of a person in the queue: never a name.
func MatchPerson(e model.QueueEntry) matching.Person {
	return matching.Person{Languages: e.Languages, Adults: e.Adults, ChildrenAges: e.ChildAges,
		Wheelchair: e.HasNeed("wheelchair"), RegionID: e.RegionID, NeedBy: e.DecisionDate}
}

// fitTx checks, as things are in tx on today, that group can take the
// queue entry entryID: ErrNotApproved, or a *NoRoomError for the first
// hard rule it fails. The load counts every household the group looks
// after (GroupLoad.Busy), as GroupLoads does for the ranking.
func (s *Store) fitTx(ctx context.Context, tx *sql.Tx, group model.Org, entryID, today string) error {
	p, approved, err := s.profileTx(ctx, s.in(tx), group, today)
	if err != nil {
		return err
	}
	if !approved {
		return ErrNotApproved
	}
	var l GroupLoad
	if err := s.in(tx).QueryRowContext(ctx, groupBusySQL, group.ID, group.NetworkID).Scan(&l.Busy); err != nil {
		return err
	}
	var e model.QueueEntry
	var langs, ages, needs string
	if err := s.in(tx).QueryRowContext(ctx, `SELECT languages, adults, child_ages, needs, coalesce(region_id, ''), decision_date
		FROM queue_entries WHERE id = ?`, entryID).Scan(&langs, &e.Adults, &ages, &needs, &e.RegionID, &e.DecisionDate); err != nil {
		return translate(err)
	}
	e.Languages, e.ChildAges, e.Needs = splitList(langs), splitInts(ages), splitList(needs)
	p.GroupID = group.ID
	if rule := matching.Unfit(MatchPerson(e), MatchGroup(p, approved, l)); rule != "" {
		return &NoRoomError{Rule: rule}
	}
	return nil
}
