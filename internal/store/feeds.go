package store

import (
	"context"
	"time"

	"puente/internal/model"
)

// Feed is a private calendar feed address (only its hash is stored).
type Feed struct {
	ID        string
	CreatedAt time.Time
}

// CreateFeed records a calendar feed for userID whose token hashes to tokenHash.
func (s *Store) CreateFeed(ctx context.Context, userID, tokenHash string) (Feed, error) {
	f := Feed{ID: newID(), CreatedAt: s.now()}
	_, err := s.writer().ExecContext(ctx, `INSERT INTO calendar_feeds (id, user_id, token_hash, created_at) VALUES (?, ?, ?, ?)`,
		f.ID, userID, tokenHash, ts(f.CreatedAt))
	return f, translate(err)
}

// Feeds lists a user's live feeds, newest first.
func (s *Store) Feeds(ctx context.Context, userID string) ([]Feed, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT id, created_at FROM calendar_feeds WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		var f Feed
		var at string
		if err := rows.Scan(&f.ID, &at); err != nil {
			return nil, err
		}
		f.CreatedAt = parseTS(at)
		out = append(out, f)
	}
	return out, rows.Err()
}

// RevokeFeed ends one of the user's feeds; its address stops working.
func (s *Store) RevokeFeed(ctx context.Context, userID, feedID string) error {
	res, err := s.writer().ExecContext(ctx, `UPDATE calendar_feeds SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL`,
		ts(s.now()), feedID, userID)
	return mustAffect(res, err)
}

// FeedOwner returns the user a live feed token belongs to.
func (s *Store) FeedOwner(ctx context.Context, tokenHash string) (string, error) {
	var uid string
	err := s.db.QueryRowContext(ctx, `SELECT user_id FROM calendar_feeds WHERE token_hash = ? AND revoked_at IS NULL`, tokenHash).Scan(&uid)
	return uid, translate(err)
}

// FeedItems lists what a user's calendar shows: the appointments and dated
// deadlines of the open cases in every group they belong to, from from on.
// Items carry the case code only, never a name. A deadline met by a
// recorded fact (the I-589 filed) leaves the feed, and a date computed from
// a secret (the registration at 14) never enters it: its due is NULL, its
// date only sealed in due_enc.
func (s *Store) FeedItems(ctx context.Context, userID, from string, limit int) ([]model.DueItem, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT a.case_id, c.code, 'appointment/' || a.id, '', a.kind, a.date, a.time
		FROM memberships m
		JOIN appointments a ON a.group_id = m.org_id AND a.date >= ?1
		JOIN cases c ON c.id = a.case_id AND c.closed_at IS NULL
		WHERE m.user_id = ?2
		UNION ALL
		SELECT d.case_id, c.code, d.key, d.rule_id, d.kind, d.due, ''
		FROM memberships m
		JOIN deadlines d ON d.group_id = m.org_id AND d.due >= ?1
		JOIN cases c ON c.id = d.case_id AND c.closed_at IS NULL
		LEFT JOIN marks mk ON mk.case_id = d.case_id AND mk.key = d.key
		WHERE m.user_id = ?2 AND coalesce(mk.state, 'open') = 'open' AND d.met_on IS NULL AND d.due_enc IS NULL
		ORDER BY 6, 3
		LIMIT ?3`, from, userID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.DueItem
	for rows.Next() {
		var it model.DueItem
		if err := rows.Scan(&it.CaseID, &it.CaseCode, &it.Key, &it.RuleID, &it.Kind, &it.Due, &it.Time); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}
