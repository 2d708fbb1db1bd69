package store

import (
	"context"
	"database/sql"
	"fmt"

	"puente/internal/model"
)

// userCols are the columns scanUser reads, from users unaliased; the last
// says whether the account's authenticator key is confirmed (User.TwoFactor).
const userCols = `id, email, name, password_hash, lang, session_epoch, created_at,
	EXISTS (SELECT 1 FROM totp_keys t WHERE t.user_id = users.id AND t.enabled_at IS NOT NULL)`

func scanUser(row interface{ Scan(...any) error }) (model.User, error) {
	var u model.User
	var created string
	if err := row.Scan(&u.ID, &u.Email, &u.Name, &u.PasswordHash, &u.Lang, &u.SessionEpoch, &created, &u.TwoFactor); err != nil {
		return model.User{}, translate(err)
	}
	u.CreatedAt = parseTS(created)
	return u, nil
}

// HasUsers reports whether any account exists (first-run setup is open until one does).
func (s *Store) HasUsers(ctx context.Context) (bool, error) {
	var n int
	err := s.rd().QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM users)`).Scan(&n)
	return n == 1, err
}

// UserByEmail returns the account with email (case-insensitive).
func (s *Store) UserByEmail(ctx context.Context, email string) (model.User, error) {
	return scanUser(s.rd().QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE email = ?`, email))
}

// UserByID returns the account with id.
func (s *Store) UserByID(ctx context.Context, id string) (model.User, error) {
	return scanUser(s.rd().QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE id = ?`, id))
}

// Memberships lists every organisation the user belongs to, networks first,
// then by name.
func (s *Store) Memberships(ctx context.Context, userID string) ([]model.Membership, error) {
	return memberships(ctx, s.rd(), userID)
}

// rowsQuerier is a *sql.DB or a *sql.Tx.
type rowsQuerier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// memberships reads a user's memberships through q, so that a link's check
// can read them in the transaction that uses the link.
func memberships(ctx context.Context, q rowsQuerier, userID string) ([]model.Membership, error) {
	if userID == "" {
		return nil, nil
	}
	rows, err := q.QueryContext(ctx, `
		SELECT o.id, o.kind, o.name, coalesce(o.network_id, ''), o.time_zone, m.role,
		       EXISTS (SELECT 1 FROM memberships c WHERE c.org_id = o.id AND c.role = 'coordinator' AND o.kind = 'group'),
		       o.require_two_factor, o.retention_days
		FROM memberships m JOIN organisations o ON o.id = m.org_id
		WHERE m.user_id = ?
		ORDER BY o.kind DESC, o.name, o.id`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Membership
	for rows.Next() {
		var m model.Membership
		if err := rows.Scan(&m.OrgID, &m.OrgKind, &m.OrgName, &m.NetworkID, &m.OrgTimeZone, &m.Role, &m.OrgHasCoordinator,
			&m.OrgRequiresTwoFactor, &m.OrgRetentionDays); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// SetUserLang stores the user's language: "" (follow the browser) or a
// language of the locale files, which the caller checked against them
// (i18n.Parse); the store refuses only what is not shaped like a code.
func (s *Store) SetUserLang(ctx context.Context, userID, lang string) error {
	if lang != "" && !langCode(lang) {
		return fmt.Errorf("store: %q is not a language code", lang)
	}
	res, err := s.writer().ExecContext(ctx, `UPDATE users SET lang = ? WHERE id = ?`, lang, userID)
	return mustAffect(res, err)
}

// ChangePassword replaces the user's password hash and ends all their
// sessions (the caller renews its own), their calendar feeds and any
// unused reset link for them (see setPasswordTx).
func (s *Store) ChangePassword(ctx context.Context, userID, hash, ip string) (model.User, error) {
	var u model.User
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		u, err = s.setPasswordTx(ctx, tx, userID, hash, model.EventPasswordChanged, ip)
		return err
	})
	return u, err
}

// SetupInput is what first-run setup needs.
type SetupInput struct {
	OrgName      string
	OrgKind      model.OrgKind
	TimeZone     string // IANA zone of the organisation; "" gives tz.Default
	Name         string
	Email        string
	PasswordHash string
	IP           string
}

// Setup creates the first account and its organisation, with the account as
// the organisation's admin (network) or coordinator (group). It fails with
// model.ErrSetupDone once any account exists, even under concurrent calls,
// because the check runs inside the write transaction.
func (s *Store) Setup(ctx context.Context, in SetupInput) (model.User, model.Org, error) {
	var u model.User
	var org model.Org
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := s.in(tx).QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM users)`).Scan(&n); err != nil {
			return err
		}
		if n == 1 {
			return model.ErrSetupDone
		}
		var err error
		org, err = s.createOrgTx(ctx, tx, in.OrgKind, in.OrgName, "", in.TimeZone)
		if err != nil {
			return err
		}
		u, err = s.createUserTx(ctx, tx, in.Email, in.Name, in.PasswordHash)
		if err != nil {
			return err
		}
		if err := s.addMemberTx(ctx, tx, u.ID, org, model.ManagerRole(org.Kind)); err != nil {
			return err
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventSetup, OrgID: org.ID, ActorID: u.ID, SubjectID: u.ID, IP: in.IP})
	})
	return u, org, err
}

func (s *Store) createUserTx(ctx context.Context, tx *sql.Tx, email, name, hash string) (model.User, error) {
	u := model.User{ID: newID(), Email: email, Name: name, PasswordHash: hash, CreatedAt: s.now()}
	en, es := nameKeys(name)
	_, err := s.in(tx).ExecContext(ctx,
		`INSERT INTO users (id, email, name, password_hash, created_at, sort_en, sort_es) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		u.ID, u.Email, u.Name, u.PasswordHash, ts(u.CreatedAt), en, es)
	if err != nil {
		return model.User{}, translate(err)
	}
	return u, nil
}

func mustAffect(res sql.Result, err error) error {
	if err != nil {
		return translate(err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return model.ErrNotFound
	}
	return nil
}
