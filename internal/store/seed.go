package store

import (
	"context"
	"database/sql"
	"fmt"

	"puente/internal/model"
)

// SeedOrg is an organisation to create; NetworkKey names another SeedOrg.
type SeedOrg struct {
	Key        string
	Kind       model.OrgKind
	Name       string
	NetworkKey string
	// TimeZone is the organisation's IANA zone; "" gives its network's, or
	// tz.Default.
	TimeZone string
}

// SeedUser is an account to create with its roles, by SeedOrg key.
type SeedUser struct {
	Email        string
	Name         string
	PasswordHash string
	Roles        map[string]model.Role
	// TOTPSecret, when set, is the account's authenticator key (base32),
	// enabled: the demo's and the generator's managers, who must sign in
	// with a second factor, come with a known one. Needs the store's key.
	TOTPSecret string
}

// Seed is a data set for the demo and for the data generator.
type Seed struct {
	Orgs  []SeedOrg
	Users []SeedUser
	// Cases are imported into the group with the given SeedOrg key.
	Cases map[string][]CaseSeed
	// Sponsors are networks' regions, vetting items and their groups'
	// profiles and vetting (seed_sponsors.go).
	Sponsors []SponsorSeed
	// Queue are people in networks' queues, some offered to a group
	// (seed_queue.go). Applied after Sponsors: they name its regions.
	Queue []QueueSeed
}

// ApplySeed creates everything in seed in one transaction and returns the
// new organisation ids by key. With requireEmpty it refuses, changing
// nothing, when any account exists.
func (s *Store) ApplySeed(ctx context.Context, seed Seed, requireEmpty bool) (map[string]string, error) {
	ids := map[string]string{}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if requireEmpty {
			var n int
			if err := s.in(tx).QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM users)`).Scan(&n); err != nil {
				return err
			}
			if n == 1 {
				return model.ErrSetupDone
			}
		}
		orgs := map[string]model.Org{}
		for _, so := range seed.Orgs {
			netID, zone := "", so.TimeZone
			if so.NetworkKey != "" {
				net, ok := orgs[so.NetworkKey]
				if !ok {
					return fmt.Errorf("seed: org %q names unknown network %q", so.Key, so.NetworkKey)
				}
				netID = net.ID
				if zone == "" {
					zone = net.TimeZone
				}
			}
			o, err := s.createOrgTx(ctx, tx, so.Kind, so.Name, netID, zone)
			if err != nil {
				return fmt.Errorf("seed org %q: %w", so.Key, err)
			}
			orgs[so.Key] = o
			ids[so.Key] = o.ID
		}
		for _, su := range seed.Users {
			u, err := s.createUserTx(ctx, tx, su.Email, su.Name, su.PasswordHash)
			if err != nil {
				return fmt.Errorf("seed user %q: %w", su.Email, err)
			}
			if su.TOTPSecret != "" {
				if err := s.seedTwoFactorTx(ctx, tx, u.ID, su.TOTPSecret); err != nil {
					return fmt.Errorf("seed user %q: authenticator key: %w", su.Email, err)
				}
			}
			for key, role := range su.Roles {
				o, ok := orgs[key]
				if !ok {
					return fmt.Errorf("seed: user %q names unknown org %q", su.Email, key)
				}
				if err := s.addMemberTx(ctx, tx, u.ID, o, role); err != nil {
					return fmt.Errorf("seed membership %q in %q: %w", su.Email, key, err)
				}
			}
		}
		caseIDs := map[string][]string{}
		for key, cases := range seed.Cases {
			o, ok := orgs[key]
			if !ok {
				return fmt.Errorf("seed: cases name unknown org %q", key)
			}
			ids, err := s.importCasesTx(ctx, tx, o.ID, cases)
			if err != nil {
				return err
			}
			caseIDs[key] = ids
		}
		for _, sp := range seed.Sponsors {
			if err := s.seedSponsorsTx(ctx, tx, orgs, sp); err != nil {
				return err
			}
		}
		for _, q := range seed.Queue {
			if err := s.seedQueueTx(ctx, tx, orgs, caseIDs, q); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}
