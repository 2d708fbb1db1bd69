package store

import (
	"context"
	"database/sql"

	"puente/internal/model"
)

// A network's API tokens for structured intake (issue 13). Only a token's
// SHA-256 is stored; its name and prefix tell people which is which.

const apiTokenCols = `t.id, t.network_id, t.name, t.prefix, coalesce(t.created_by, ''), coalesce(u.name, ''),
	t.created_at, t.last_used_at, t.revoked_at`

const apiTokenFrom = `api_tokens t LEFT JOIN users u ON u.id = t.created_by`

func scanAPIToken(row interface{ Scan(...any) error }) (model.APIToken, error) {
	var t model.APIToken
	var created string
	var used, revoked sql.NullString
	if err := row.Scan(&t.ID, &t.NetworkID, &t.Name, &t.Prefix, &t.CreatedBy, &t.CreatedByName, &created, &used, &revoked); err != nil {
		return model.APIToken{}, translate(err)
	}
	t.CreatedAt, t.LastUsedAt, t.RevokedAt = parseTS(created), parseNullTS(used), parseNullTS(revoked)
	return t, nil
}

// CreateAPIToken records a token of network named name whose secret hashes
// to tokenHash, and writes it to the security log, in one transaction.
func (s *Store) CreateAPIToken(ctx context.Context, network model.Org, name, prefix, tokenHash, actorID, ip string) (model.APIToken, error) {
	t := model.APIToken{ID: newID(), NetworkID: network.ID, Name: name, Prefix: prefix, CreatedBy: actorID, CreatedAt: s.now()}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := s.in(tx).ExecContext(ctx, `
			INSERT INTO api_tokens (id, network_id, name, prefix, token_hash, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`,
			t.ID, network.ID, name, prefix, tokenHash, nullStr(actorID), ts(t.CreatedAt))
		if err != nil {
			return translate(err)
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventAPITokenCreated, OrgID: network.ID, ActorID: actorID, Detail: name, IP: ip})
	})
	return t, err
}

// APITokens lists network's tokens: live ones first, then revoked, each
// newest first.
func (s *Store) APITokens(ctx context.Context, networkID string) ([]model.APIToken, error) {
	rows, err := s.rd().QueryContext(ctx, `
		SELECT `+apiTokenCols+` FROM `+apiTokenFrom+`
		WHERE t.network_id = ?
		ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC`, networkID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.APIToken
	for rows.Next() {
		t, err := scanAPIToken(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// APIToken returns one of network's live tokens; another network's, a
// revoked or an unknown one is model.ErrNotFound.
func (s *Store) APIToken(ctx context.Context, networkID, id string) (model.APIToken, error) {
	return scanAPIToken(s.rd().QueryRowContext(ctx, `
		SELECT `+apiTokenCols+` FROM `+apiTokenFrom+`
		WHERE t.network_id = ? AND t.id = ? AND t.revoked_at IS NULL`, networkID, id))
}

// RevokeAPIToken ends one of network's live tokens and writes it to the
// security log, in one transaction. A token already revoked, another
// network's or an unknown one is model.ErrNotFound.
func (s *Store) RevokeAPIToken(ctx context.Context, network model.Org, id, actorID, ip string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var name string
		err := s.in(tx).QueryRowContext(ctx, `
			UPDATE api_tokens SET revoked_at = ?, revoked_by = ?
			WHERE id = ? AND network_id = ? AND revoked_at IS NULL
			RETURNING name`, ts(s.now()), nullStr(actorID), id, network.ID).Scan(&name)
		if err != nil {
			return translate(err)
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventAPITokenRevoked, OrgID: network.ID, ActorID: actorID, Detail: name, IP: ip})
	})
}

// UseAPIToken returns the live token whose secret hashes to tokenHash and
// its network, if check (authz.LinkLive) still allows it today, and marks
// it used. An unknown or revoked token is model.ErrNotFound; so is one
// check refuses, after it is revoked and the refusal logged (from ip) in
// the same transaction.
func (s *Store) UseAPIToken(ctx context.Context, tokenHash, ip string, check LinkCheck) (model.APIToken, model.Org, error) {
	// An unknown or dead token costs one read, not a write transaction:
	// calls with made-up tokens cannot queue behind the writer.
	var live int
	if err := s.rd().QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL)`,
		tokenHash).Scan(&live); err != nil {
		return model.APIToken{}, model.Org{}, err
	}
	if live == 0 {
		return model.APIToken{}, model.Org{}, model.ErrNotFound
	}
	var t model.APIToken
	var network model.Org
	var refused bool
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		t, err = scanAPIToken(s.in(tx).QueryRowContext(ctx, `
			SELECT `+apiTokenCols+` FROM `+apiTokenFrom+`
			WHERE t.token_hash = ? AND t.revoked_at IS NULL`, tokenHash))
		if err != nil {
			return err
		}
		if network, err = orgTx(ctx, tx, t.NetworkID); err != nil {
			return err
		}
		lf := model.LinkFacts{Kind: model.LinkAPIToken, Org: network, IssuerID: t.CreatedBy}
		ok, err := s.checkLinkTx(ctx, tx, lf, check, ip, func() error {
			_, err := s.in(tx).ExecContext(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE id = ?`, ts(s.now()), t.ID)
			return err
		})
		if err != nil || !ok {
			refused = !ok
			return err
		}
		t.LastUsedAt = s.now()
		_, err = s.in(tx).ExecContext(ctx, `UPDATE api_tokens SET last_used_at = ? WHERE id = ?`, ts(t.LastUsedAt), t.ID)
		return err
	})
	if err := afterLink(refused, err); err != nil {
		return model.APIToken{}, model.Org{}, err
	}
	return t, network, nil
}
