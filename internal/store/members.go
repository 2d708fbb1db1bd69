package store

import (
	"context"
	"database/sql"
	"errors"

	"puente/internal/model"
)

// membersQueries list an organisation's people per sorting language. Roles
// sort as text, which puts managers first ('admin' < 'coordinator' <
// 'member', the only values the schema allows), then names by the stored
// key (index memberships_org_sort_*).
var membersQueries = map[string]string{}

func init() {
	for _, col := range sortColumns {
		membersQueries[col] = `
		SELECT u.id, u.name, u.email, m.role, m.created_at,
		       EXISTS (SELECT 1 FROM totp_keys t WHERE t.user_id = u.id AND t.enabled_at IS NOT NULL)
		FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.org_id = ?
		ORDER BY m.role, m.` + col + `, m.user_id`
	}
}

// Members lists an organisation's people, managers first, then by name in
// the collation of lang ("en", "es").
func (s *Store) Members(ctx context.Context, orgID, lang string) ([]model.Member, error) {
	rows, err := s.rd().QueryContext(ctx, membersQueries[sortColumn(lang)], orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Member
	for rows.Next() {
		var m model.Member
		var since string
		if err := rows.Scan(&m.UserID, &m.Name, &m.Email, &m.Role, &since, &m.TwoFactor); err != nil {
			return nil, err
		}
		m.Since = parseTS(since)
		out = append(out, m)
	}
	return out, rows.Err()
}

// Member returns one person's membership of orgID.
func (s *Store) Member(ctx context.Context, orgID, userID string) (model.Member, error) {
	var m model.Member
	var since string
	err := s.rd().QueryRowContext(ctx, `
		SELECT u.id, u.name, u.email, m.role, m.created_at,
		       EXISTS (SELECT 1 FROM totp_keys t WHERE t.user_id = u.id AND t.enabled_at IS NOT NULL)
		FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE m.org_id = ? AND m.user_id = ?`, orgID, userID).
		Scan(&m.UserID, &m.Name, &m.Email, &m.Role, &since, &m.TwoFactor)
	if err != nil {
		return model.Member{}, translate(err)
	}
	m.Since = parseTS(since)
	return m, nil
}

// ChangeRole gives userID the role in org. It refuses with
// model.ErrLastManager to demote the organisation's last manager, and ends
// the person's sessions so their next request starts from the new role.
func (s *Store) ChangeRole(ctx context.Context, org model.Org, userID string, role model.Role, actorID, ip string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var cur model.Role
		err := s.in(tx).QueryRowContext(ctx, `SELECT role FROM memberships WHERE org_id = ? AND user_id = ?`, org.ID, userID).Scan(&cur)
		if err != nil {
			return translate(err)
		}
		if cur == role {
			return nil
		}
		if err := s.keepManagerTx(ctx, tx, org, cur); err != nil {
			return err
		}
		if _, err := s.in(tx).ExecContext(ctx, `UPDATE memberships SET role = ? WHERE org_id = ? AND user_id = ?`, role, org.ID, userID); err != nil {
			return err
		}
		if _, err := s.in(tx).ExecContext(ctx, `UPDATE users SET session_epoch = session_epoch + 1 WHERE id = ?`, userID); err != nil {
			return err
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventRoleChanged, OrgID: org.ID, ActorID: actorID, SubjectID: userID,
			Detail: string(cur) + " → " + string(role), IP: ip})
	})
}

// RemoveMember takes userID out of org, refusing with model.ErrLastManager
// to remove the last manager.
func (s *Store) RemoveMember(ctx context.Context, org model.Org, userID, actorID, ip string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var cur model.Role
		err := s.in(tx).QueryRowContext(ctx, `SELECT role FROM memberships WHERE org_id = ? AND user_id = ?`, org.ID, userID).Scan(&cur)
		if err != nil {
			return translate(err)
		}
		if err := s.keepManagerTx(ctx, tx, org, cur); err != nil {
			return err
		}
		if _, err := s.in(tx).ExecContext(ctx, `DELETE FROM memberships WHERE org_id = ? AND user_id = ?`, org.ID, userID); err != nil {
			return err
		}
		if _, err := s.in(tx).ExecContext(ctx, `UPDATE users SET session_epoch = session_epoch + 1 WHERE id = ?`, userID); err != nil {
			return err
		}
		return s.recordTx(ctx, tx, model.Event{Kind: model.EventMemberRemoved, OrgID: org.ID, ActorID: actorID, SubjectID: userID,
			Detail: string(cur), IP: ip})
	})
}

// keepManagerTx fails if a person holding role cur is the last manager of org.
func (s *Store) keepManagerTx(ctx context.Context, tx *sql.Tx, org model.Org, cur model.Role) error {
	mgr := model.ManagerRole(org.Kind)
	if cur != mgr {
		return nil
	}
	var n int
	if err := s.in(tx).QueryRowContext(ctx, `SELECT count(*) FROM memberships WHERE org_id = ? AND role = ?`, org.ID, mgr).Scan(&n); err != nil {
		return err
	}
	if n <= 1 {
		return model.ErrLastManager
	}
	return nil
}

func (s *Store) addMemberTx(ctx context.Context, tx *sql.Tx, userID string, org model.Org, role model.Role) error {
	_, err := s.in(tx).ExecContext(ctx,
		`INSERT INTO memberships (user_id, org_id, org_kind, role, created_at) VALUES (?, ?, ?, ?, ?)`,
		userID, org.ID, org.Kind, role, ts(s.now()))
	return translate(err)
}

// CreateMember adds a person to org with role, creating their account with
// passwordHash if the email is new. Used by the data generator and tests;
// people normally join through invitations.
func (s *Store) CreateMember(ctx context.Context, org model.Org, email, name, passwordHash string, role model.Role) (model.User, error) {
	var u model.User
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		u, err = scanUser(s.in(tx).QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE email = ?`, email))
		if errors.Is(err, model.ErrNotFound) {
			u, err = s.createUserTx(ctx, tx, email, name, passwordHash)
		}
		if err != nil {
			return err
		}
		return s.addMemberTx(ctx, tx, u.ID, org, role)
	})
	return u, err
}
