package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"puente/internal/model"
)

// SponsorSeed is one network's regions and vetting items, and its groups'
// profiles and vetting records, for the demo data set.
type SponsorSeed struct {
	NetworkKey string
	Regions    []string
	Items      []model.VettingItem // IDs are made here
	// Profiles by group key. RegionName names one of Regions; UpdatedAt
	// (zero: the seed's now) lets a demo profile be out of date.
	Profiles map[string]model.SponsorProfile
	// Records by group key; ItemName names one of Items.
	Records map[string][]model.VettingRecord
}

func (s *Store) seedSponsorsTx(ctx context.Context, tx *sql.Tx, orgs map[string]model.Org, sp SponsorSeed) error {
	net, ok := orgs[sp.NetworkKey]
	if !ok {
		return fmt.Errorf("seed: sponsors name unknown network %q", sp.NetworkKey)
	}
	now := ts(s.now())
	regions := map[string]string{}
	for _, name := range sp.Regions {
		id := newID()
		if _, err := tx.ExecContext(ctx, `INSERT INTO network_regions (id, network_id, name, created_at) VALUES (?, ?, ?, ?)`, id, net.ID, name, now); err != nil {
			return fmt.Errorf("seed region %q: %w", name, err)
		}
		regions[name] = id
	}
	items := map[string]model.VettingItem{}
	for _, it := range sp.Items {
		it.ID = newID()
		if _, err := tx.ExecContext(ctx, `INSERT INTO vetting_items (id, network_id, name, valid_days, per_adult, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			it.ID, net.ID, it.Name, it.ValidDays, it.PerAdult, now); err != nil {
			return fmt.Errorf("seed vetting item %q: %w", it.Name, err)
		}
		items[it.Name] = it
	}
	for key, p := range sp.Profiles {
		g, ok := orgs[key]
		if !ok || g.NetworkID != net.ID {
			return fmt.Errorf("seed: profile of %q, not a group of %q", key, sp.NetworkKey)
		}
		updated := now
		if !p.UpdatedAt.IsZero() {
			updated = ts(p.UpdatedAt)
		}
		stage := p.Declared
		if stage == "" {
			stage = model.StageInterested
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sponsor_profiles (group_id, network_id, region_id, languages, adults, beds,
			private_room, accepts_children, wheelchair, host_months, available_from, pledge_cents, max_placements, stage,
			private_notes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			g.ID, net.ID, nullStr(regions[p.RegionName]), strings.Join(p.Languages, ","), p.Adults, p.Beds, p.PrivateRoom,
			p.AcceptsChildren, p.Wheelchair, p.HostMonths, p.AvailableFrom, p.PledgeCents, p.MaxPlacements, string(stage),
			p.PrivateNotes, updated); err != nil {
			return fmt.Errorf("seed profile of %q: %w", key, err)
		}
	}
	for key, recs := range sp.Records {
		g, ok := orgs[key]
		if !ok || g.NetworkID != net.ID {
			return fmt.Errorf("seed: vetting of %q, not a group of %q", key, sp.NetworkKey)
		}
		for _, r := range recs {
			it, ok := items[r.ItemName]
			if !ok {
				return fmt.Errorf("seed: vetting names unknown item %q", r.ItemName)
			}
			done, err := time.Parse(time.DateOnly, r.DoneOn)
			if err != nil {
				return fmt.Errorf("seed vetting of %q: %w", key, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO vetting_records (id, network_id, group_id, item_id, subject, done_on, expires_on, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, newID(), net.ID, g.ID, it.ID, r.Subject, r.DoneOn,
				done.AddDate(0, 0, it.ValidDays).Format(time.DateOnly), now); err != nil {
				return fmt.Errorf("seed vetting of %q: %w", key, err)
			}
		}
	}
	return nil
}
