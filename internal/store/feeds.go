package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"puente/internal/model"
)

// Feed is a private calendar feed address (only its hash is stored).
type Feed struct {
	ID     string
	UserID string
	// Lang is the language its titles are written in ("en", "es", or any
	// language of the locale files): the language of the page that
	// created it.
	Lang      string
	CreatedAt time.Time
}

// CreateFeed records a calendar feed for userID whose token hashes to
// tokenHash, written in lang: a language of the locale files, which the
// caller checked (a code that is not even shaped like one is English).
func (s *Store) CreateFeed(ctx context.Context, userID, tokenHash, lang string) (Feed, error) {
	if !langCode(lang) {
		lang = "en"
	}
	f := Feed{ID: newID(), UserID: userID, Lang: lang, CreatedAt: s.now()}
	_, err := s.writer().ExecContext(ctx, `INSERT INTO calendar_feeds (id, user_id, token_hash, lang, created_at) VALUES (?, ?, ?, ?, ?)`,
		f.ID, userID, tokenHash, lang, ts(f.CreatedAt))
	return f, translate(err)
}

// Feeds lists a user's live feeds, newest first.
func (s *Store) Feeds(ctx context.Context, userID string) ([]Feed, error) {
	rows, err := s.rd().QueryContext(ctx, `
		SELECT id, user_id, lang, created_at FROM calendar_feeds WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		var f Feed
		var at string
		if err := rows.Scan(&f.ID, &f.UserID, &f.Lang, &at); err != nil {
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

// FeedByToken returns the live feed whose token hashes to tokenHash, if
// check still allows it today (its owner has gained no organisation or role
// since it was made). Unknown and revoked feeds answer model.ErrNotFound;
// so does a refused one, after it is revoked and the refusal logged (from
// ip), so a calendar app polling it does not fill the log.
func (s *Store) FeedByToken(ctx context.Context, tokenHash, ip string, check LinkCheck) (Feed, error) {
	var f Feed
	var refused bool
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var at, roles string
		err := s.in(tx).QueryRowContext(ctx, `SELECT id, user_id, lang, created_at, target_roles FROM calendar_feeds WHERE token_hash = ? AND revoked_at IS NULL`,
			tokenHash).Scan(&f.ID, &f.UserID, &f.Lang, &at, &roles)
		if err != nil {
			return translate(err)
		}
		f.CreatedAt = parseTS(at)
		lf := model.LinkFacts{Kind: model.LinkFeed, IssuerID: f.UserID, TargetID: f.UserID, AtIssue: model.ParseRoles(roles)}
		ok, err := s.checkLinkTx(ctx, tx, lf, check, ip, func() error {
			_, err := s.in(tx).ExecContext(ctx, `UPDATE calendar_feeds SET revoked_at = ? WHERE id = ?`, ts(s.now()), f.ID)
			return err
		})
		refused = !ok
		return err
	})
	if err := afterLink(refused, err); err != nil {
		return Feed{}, err
	}
	return f, nil
}

// feedExcludedRules are the deadline rules that no feed ever carries: the
// one place to list them by rule id. A date computed from a protected field
// (the age-14 registration, counted from a date of birth) is protected like
// the field and never leaves Puente in a feed (SECURITY.md); that one needs
// no entry here, because its date is only sealed in due_enc (due is NULL)
// and FeedItems leaves such rows out.
var feedExcludedRules = []string{}

// FeedWindow is the span one group's entries are taken from, in the
// group's own zone: deadlines due From to To (YYYY-MM-DD, inclusive),
// appointments starting at or after Start and before End.
type FeedWindow struct {
	From, To   string
	Start, End time.Time
}

// FeedItems lists what a user's calendar shows, for each of their groups
// in windows (keyed by group id; a group the user does not belong to is
// ignored): the appointments and the deadlines still open of the group's
// open cases; a deadline met by a recorded fact (the I-589 filed) leaves
// it, and a sealed date never enters it. A deadline that falls on the same
// day for several people of a household is one item per rule and day,
// naming them by initials ("M.G., A.G."), principal first. Items carry the
// case code and initials, never a name; an appointment the user signed up
// to go to carries their role. Soonest first.
func (s *Store) FeedItems(ctx context.Context, userID string, windows map[string]FeedWindow) ([]model.DueItem, error) {
	type window struct {
		From  string `json:"from"`
		To    string `json:"to"`
		Start string `json:"start"`
		End   string `json:"end"`
	}
	w := make(map[string]window, len(windows))
	for id, fw := range windows {
		w[id] = window{From: fw.From, To: fw.To, Start: ts(fw.Start), End: ts(fw.End)}
	}
	wj, err := json.Marshal(w)
	if err != nil {
		return nil, err
	}
	excluded, err := json.Marshal(feedExcludedRules)
	if err != nil {
		return nil, err
	}
	rows, err := s.rd().QueryContext(ctx, `
		SELECT a.case_id, c.code, 'appointment/' || a.id, '', a.kind, a.date, a.time, a.time_zone, a.starts_at, '', 0,
		       coalesce(su.role, '')
		FROM json_each(?1) g
		JOIN memberships m ON m.org_id = g.key AND m.user_id = ?2
		JOIN appointments a ON a.group_id = g.key
		     AND a.starts_at >= json_extract(g.value, '$.start') AND a.starts_at < json_extract(g.value, '$.end')
		JOIN cases c ON c.id = a.case_id AND c.closed_at IS NULL
		LEFT JOIN appointment_signups su ON su.appointment_id = a.id AND su.user_id = ?2
		UNION ALL
		SELECT d.case_id, c.code, d.key, d.rule_id, d.kind, d.due, '', '', '', coalesce(p.name, ''), coalesce(p.is_principal, 0), ''
		FROM json_each(?1) g
		JOIN memberships m ON m.org_id = g.key AND m.user_id = ?2
		JOIN deadlines d ON d.group_id = g.key
		     AND d.due >= json_extract(g.value, '$.from') AND d.due <= json_extract(g.value, '$.to')
		JOIN cases c ON c.id = d.case_id AND c.closed_at IS NULL
		LEFT JOIN people p ON p.id = d.person_id
		LEFT JOIN marks mk ON mk.case_id = d.case_id AND mk.key = d.key
		WHERE coalesce(mk.state, 'open') = 'open' AND d.met_on IS NULL AND d.due_enc IS NULL
		  AND d.rule_id NOT IN (SELECT value FROM json_each(?3))
		ORDER BY 6, 1, 4, 11 DESC, 10, 3`, string(wj), userID, string(excluded))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.DueItem
	household := map[string]int{} // case|rule|due → index in out
	for rows.Next() {
		var it model.DueItem
		var starts, name string
		var principal int
		if err := rows.Scan(&it.CaseID, &it.CaseCode, &it.Key, &it.RuleID, &it.Kind, &it.Due, &it.Time, &it.TimeZone,
			&starts, &name, &principal, &it.Role); err != nil {
			return nil, err
		}
		it.StartsAt = parseTS(starts)
		if it.RuleID == "" {
			out = append(out, it)
			continue
		}
		it.Initials = Initials(name)
		k := it.CaseID + "|" + it.RuleID + "|" + it.Due
		if i, ok := household[k]; ok {
			// Two people may share initials: both are listed.
			out[i].Initials += ", " + it.Initials
			continue
		}
		household[k] = len(out)
		out = append(out, it)
	}
	return out, rows.Err()
}
