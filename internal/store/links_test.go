package store

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"puente/internal/auth"
	"puente/internal/authz"
	"puente/internal/model"
	"puente/schema"
)

// The trigger of migration 004 keeps the target's memberships with each
// reset link and feed, as they were at issue.
func TestLinkSnapshotAtIssue(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	hash := newReset(t, w, "g1member")
	var roles string
	if err := w.s.db.QueryRowContext(ctx, `SELECT target_roles FROM password_resets WHERE token_hash = ?`, hash).Scan(&roles); err != nil {
		t.Fatal(err)
	}
	if want := w.orgs["g1"].ID + ":member"; roles != want {
		t.Errorf("reset target_roles = %q, want %q", roles, want)
	}
	// A role gained later does not change the snapshot.
	if _, err := w.s.CreateMember(ctx, w.orgs["g2"], w.users["g1member"].Email, "", "", model.RoleMember); err != nil {
		t.Fatal(err)
	}
	if err := w.s.db.QueryRowContext(ctx, `SELECT target_roles FROM password_resets WHERE token_hash = ?`, hash).Scan(&roles); err != nil {
		t.Fatal(err)
	}
	if got := model.ParseRoles(roles); len(got) != 1 {
		t.Errorf("snapshot after a role was gained = %v, want the one membership of issue", got)
	}
	// So the link is dead, refused once, logged and revoked.
	if _, err := w.s.ResetByToken(ctx, hash, "192.0.2.9", authz.LinkLive); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("ResetByToken after growth: error %v, want %v", err, model.ErrNotFound)
	}
	var revoked sql.NullString
	if err := w.s.db.QueryRowContext(ctx, `SELECT revoked_at FROM password_resets WHERE token_hash = ?`, hash).Scan(&revoked); err != nil || !revoked.Valid {
		t.Errorf("refused link revoked_at = %v (%v), want set", revoked, err)
	}
	evs, err := w.s.Events(ctx, w.orgs["g1"].ID, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if evs[0].Kind != model.EventLinkRefused || evs[0].Detail != "reset" || evs[0].SubjectID != w.users["g1member"].ID || evs[0].IP != "192.0.2.9" {
		t.Errorf("newest event = %+v, want link_refused (reset) about the member from 192.0.2.9", evs[0])
	}
	// A nil check refuses every link.
	live := newReset(t, w, "n1coord")
	if _, err := w.s.ResetByToken(ctx, live, "", nil); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("ResetByToken with a nil check: error %v, want %v", err, model.ErrNotFound)
	}

	feed := auth.HashToken(auth.NewToken())
	if _, err := w.s.CreateFeed(ctx, w.users["n1coord"].ID, feed, "en"); err != nil {
		t.Fatal(err)
	}
	if err := w.s.db.QueryRowContext(ctx, `SELECT target_roles FROM calendar_feeds WHERE token_hash = ?`, feed).Scan(&roles); err != nil {
		t.Fatal(err)
	}
	if want := w.orgs["n1"].ID + ":coordinator"; roles != want {
		t.Errorf("feed target_roles = %q, want %q", roles, want)
	}
	if f, err := w.s.FeedByToken(ctx, feed, "", authz.LinkLive); err != nil || f.UserID != w.users["n1coord"].ID {
		t.Errorf("FeedByToken = %+v, %v; want the owner's feed", f, err)
	}
}

// A password change stops the account's feeds and unused reset links, and
// says how many feeds in the log.
func TestChangePasswordStopsLinks(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	u := w.users["g1member"]
	var feeds []string
	for i := 0; i < 2; i++ {
		h := auth.HashToken(auth.NewToken())
		if _, err := w.s.CreateFeed(ctx, u.ID, h, "es"); err != nil {
			t.Fatal(err)
		}
		feeds = append(feeds, h)
	}
	other := auth.HashToken(auth.NewToken())
	if _, err := w.s.CreateFeed(ctx, w.users["g1coord"].ID, other, "en"); err != nil {
		t.Fatal(err)
	}
	reset := newReset(t, w, "g1member")
	if _, err := w.s.ChangePassword(ctx, u.ID, resetHash, "192.0.2.1"); err != nil {
		t.Fatal(err)
	}
	for _, h := range feeds {
		if _, err := w.s.FeedByToken(ctx, h, "", authz.LinkLive); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("feed after a password change: %v, want %v", err, model.ErrNotFound)
		}
	}
	if _, err := w.s.FeedByToken(ctx, other, "", authz.LinkLive); err != nil {
		t.Errorf("another person's feed after the change: %v, want live", err)
	}
	if _, err := w.s.ResetByToken(ctx, reset, "", authz.LinkLive); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("reset link after a password change: %v, want %v", err, model.ErrNotFound)
	}
	evs, err := w.s.Events(ctx, w.orgs["g1"].ID, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range evs {
		if e.Kind == model.EventPasswordChanged && e.SubjectID == u.ID && e.Detail == "feeds:2" {
			found = true
		}
	}
	if !found {
		t.Errorf("no password_changed event with detail feeds:2 in %+v", evs)
	}
}

func TestPendingAndRevokeResets(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	c := useClock(w.s, t0)
	newReset(t, w, "g1member")
	rs, err := w.s.PendingResets(ctx, w.orgs["g1"].ID)
	if err != nil || len(rs) != 1 {
		t.Fatalf("PendingResets = %v, %v; want one", rs, err)
	}
	r := rs[0]
	if r.UserID != w.users["g1member"].ID || r.IssuedByName != "Gina Coord" || !r.ExpiresAt.Equal(t0.Add(model.ResetTTL)) {
		t.Errorf("pending reset = %+v", r)
	}
	if err := w.s.RevokeReset(ctx, w.orgs["g2"].ID, r.ID, w.users["g2coord"].ID, ""); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("RevokeReset from another organisation: %v, want %v", err, model.ErrNotFound)
	}
	if err := w.s.RevokeReset(ctx, w.orgs["g1"].ID, r.ID, w.users["g1coord"].ID, ""); err != nil {
		t.Fatalf("RevokeReset: %v", err)
	}
	if rs, _ := w.s.PendingResets(ctx, w.orgs["g1"].ID); len(rs) != 0 {
		t.Errorf("PendingResets after revoking = %v, want none", rs)
	}
	if err := w.s.RevokeReset(ctx, w.orgs["g1"].ID, r.ID, w.users["g1coord"].ID, ""); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("RevokeReset twice: %v, want %v", err, model.ErrNotFound)
	}
	// Expired links are not listed.
	newReset(t, w, "g1member")
	c.set(t0.Add(model.ResetTTL + 1))
	if rs, _ := w.s.PendingResets(ctx, w.orgs["g1"].ID); len(rs) != 0 {
		t.Errorf("PendingResets after expiry = %v, want none", rs)
	}
}

// TestMigration004KeepsLinksAndLog: a database from before migration 004,
// with a reset link, a feed and security events, migrates with every row
// kept, the links snapshotted as of the migration, and the security log
// still append-only.
func TestMigration004KeepsLinksAndLog(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE schema_migrations (name TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL) STRICT`); err != nil {
		t.Fatal(err)
	}
	names, _ := fs.Glob(schema.FS, "*.sql")
	for _, n := range names {
		if n >= "004" {
			continue
		}
		body, _ := fs.ReadFile(schema.FS, n)
		if _, err := db.ExecContext(ctx, string(body)); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if _, err := db.ExecContext(ctx, `INSERT INTO schema_migrations VALUES (?, '2026-01-01T00:00:00.000000Z')`, n); err != nil {
			t.Fatal(err)
		}
	}
	const at = "2026-01-01T00:00:00.000000Z"
	for _, q := range []string{
		`INSERT INTO organisations (id, kind, name, created_at) VALUES ('group-000000000001', 'group', 'Old Group', '` + at + `')`,
		`INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('user-0000000000001', 'c@old.example', 'Old Coord', '` + testHash + `', '` + at + `')`,
		`INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('user-0000000000002', 'm@old.example', 'Old Member', '` + testHash + `', '` + at + `')`,
		`INSERT INTO memberships VALUES ('user-0000000000001', 'group-000000000001', 'group', 'coordinator', '` + at + `')`,
		`INSERT INTO memberships VALUES ('user-0000000000002', 'group-000000000001', 'group', 'member', '` + at + `')`,
		`INSERT INTO password_resets (token_hash, user_id, issued_by, org_id, created_at, expires_at) VALUES ('` + strings.Repeat("a", 64) +
			`', 'user-0000000000002', 'user-0000000000001', 'group-000000000001', '` + at + `', '2999-01-01T00:00:00.000000Z')`,
		`INSERT INTO calendar_feeds (id, user_id, token_hash, created_at) VALUES ('feed-0000000000001', 'user-0000000000002', '` + strings.Repeat("b", 64) + `', '` + at + `')`,
		`INSERT INTO security_events (id, at, event, org_id, actor_id, detail, ip) VALUES (7, '` + at + `', 'setup', 'group-000000000001', 'user-0000000000001', '', '192.0.2.1')`,
		`INSERT INTO security_events (id, at, event, org_id, actor_id, subject_id, detail, ip) VALUES (9, '` + at + `', 'reset_issued', 'group-000000000001', 'user-0000000000001', 'user-0000000000002', '', '192.0.2.1')`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open (migrating): %v", err)
	}
	defer s.Close()
	var id, roles string
	if err := s.db.QueryRowContext(ctx, `SELECT id, target_roles FROM password_resets`).Scan(&id, &roles); err != nil {
		t.Fatal(err)
	}
	if len(id) != 32 || roles != "group-000000000001:member" {
		t.Errorf("migrated reset: id %q, target_roles %q; want a 32-character id and the member's role", id, roles)
	}
	if err := s.db.QueryRowContext(ctx, `SELECT target_roles FROM calendar_feeds`).Scan(&roles); err != nil || roles != "group-000000000001:member" {
		t.Errorf("migrated feed target_roles = %q (%v), want the member's role", roles, err)
	}
	// The old link still works: issuer and target are as they were.
	if _, err := s.ResetByToken(ctx, strings.Repeat("a", 64), "", authz.LinkLive); err != nil {
		t.Errorf("the migrated reset link: %v, want live", err)
	}
	evs, err := s.Events(ctx, "group-000000000001", 0, 10)
	if err != nil || len(evs) != 2 || evs[0].ID != 9 || evs[1].ID != 7 || evs[1].IP != "192.0.2.1" {
		t.Errorf("migrated events = %+v, %v; want ids 9 and 7 with their fields", evs, err)
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM security_events WHERE id = 7`); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Errorf("delete from the rebuilt security log: %v, want it refused as append-only", err)
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE security_events SET detail = 'x' WHERE id = 9`); err == nil {
		t.Errorf("update of the rebuilt security log succeeded, want refused")
	}
	if err := s.RecordEvent(ctx, model.Event{Kind: model.EventLinkRefused, OrgID: "group-000000000001", Detail: "feed"}); err != nil {
		t.Errorf("recording the new event kind: %v", err)
	}
	if err := s.RecordEvent(ctx, model.Event{Kind: "made_up"}); err == nil {
		t.Errorf("recording an unknown event kind succeeded, want the CHECK to refuse it")
	}
	if err := s.Integrity(ctx); err != nil {
		t.Errorf("Integrity after the migration: %v", err)
	}
}

// TestLinkQueriesUseIndexes: the pages that list links and recent changes,
// and the lock-out's usual-address check, read through an index.
func TestLinkQueriesUseIndexes(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	for _, tt := range []struct{ name, query, index string }{
		{"people changes", `SELECT e.id FROM security_events e WHERE e.org_id = 'x' AND e.at >= 'y'
		  AND e.event IN ('invitation_issued', 'invitation_accepted', 'invitation_revoked', 'role_changed',
		                  'member_removed', 'reset_issued', 'reset_revoked', 'link_refused', 'two_factor_reset')
		ORDER BY e.id DESC LIMIT 20`, "security_events_people"},
		{"usual address", `SELECT EXISTS (SELECT 1 FROM security_events
		               WHERE actor_id = 'x' AND ip = 'y' AND at >= 'z' AND event = 'signin')`, "security_events_signin_ip"},
		{"pending resets", `SELECT r.id FROM password_resets r WHERE r.org_id = 'x' AND r.used_at IS NULL AND r.revoked_at IS NULL
		  AND r.expires_at > 'y' ORDER BY r.created_at DESC`, "password_resets_org"},
	} {
		rows, err := w.s.db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+tt.query)
		if err != nil {
			t.Fatal(err)
		}
		var plan strings.Builder
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan.WriteString(detail + "\n")
		}
		rows.Close()
		if !strings.Contains(plan.String(), tt.index) {
			t.Errorf("%s: plan does not use %s:\n%s", tt.name, tt.index, plan.String())
		}
	}
}
