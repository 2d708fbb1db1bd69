package store

import (
	"context"
	"database/sql"
	"io/fs"
	"maps"
	"strings"
	"testing"

	"puente/schema"
)

// schemaOf is every object of a database's schema: type and name → SQL.
func schemaOf(t *testing.T, db *sql.DB) map[string]string {
	t.Helper()
	rows, err := db.Query(`SELECT type || ' ' || name, coalesce(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			t.Fatal(err)
		}
		out[k] = v
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestMigration016 (issue 12): users.lang and calendar_feeds.lang take any
// language code once 016 rebuilt them, both on a new database (016 before
// 017 to 019) and on one made before 016 existed, where 017 to 019 were
// applied first and 016 comes last. On the old one, the rebuild keeps
// every row (the users' memberships, which cascade on delete, included),
// 017's digest column and index, and the tables' triggers; the two
// databases end with the same schema, and foreign keys are on again.
func TestMigration016(t *testing.T) {
	ctx := context.Background()
	fresh, err := Open(ctx, t.TempDir()+"/fresh.db")
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()

	path := t.TempDir() + "/old.db"
	old, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.Exec(`CREATE TABLE schema_migrations (name TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL) STRICT`); err != nil {
		t.Fatal(err)
	}
	names, err := fs.Glob(schema.FS, "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if strings.HasPrefix(name, "016") {
			continue
		}
		body, err := fs.ReadFile(schema.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := old.Exec(string(body)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := old.Exec(`INSERT INTO schema_migrations VALUES (?, '2026-01-01T00:00:00Z')`, name); err != nil {
			t.Fatal(err)
		}
	}
	const org, user = "org0000000000000001", "user000000000000001"
	for _, q := range []string{
		`INSERT INTO organisations (id, kind, name, created_at, sort_en, sort_es) VALUES ('` + org + `', 'group', 'G', '2026-01-01T00:00:00Z', x'00', x'00')`,
		`INSERT INTO users (id, email, name, password_hash, lang, created_at, sort_en, sort_es, digest) VALUES ('` + user + `', 'a@example.org', 'Ana', '$argon2id$x', 'es', '2026-01-01T00:00:00Z', x'00', x'00', 'weekly')`,
		`INSERT INTO memberships (user_id, org_id, org_kind, role, created_at) VALUES ('` + user + `', '` + org + `', 'group', 'member', '2026-01-01T00:00:00Z')`,
		`INSERT INTO calendar_feeds (id, user_id, token_hash, lang, created_at) VALUES ('feed000000000000001', '` + user + `', '` + strings.Repeat("a", 64) + `', 'es', '2026-01-01T00:00:00Z')`,
	} {
		if _, err := old.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if _, err := old.Exec(`UPDATE users SET lang = 'fr'`); err == nil {
		t.Fatal("before 016, users.lang took 'fr': the test no longer tests the rebuild")
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	upgraded, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open (016 after 019): %v", err)
	}
	defer upgraded.Close()

	for label, s := range map[string]*Store{"new": fresh, "upgraded": upgraded} {
		got, err := s.Migrations(ctx)
		if err != nil || !strings.Contains(strings.Join(got, " "), "016_languages.sql") {
			t.Errorf("%s: migrations %v, %v; want 016 recorded", label, got, err)
		}
	}
	if a, b := schemaOf(t, fresh.db), schemaOf(t, upgraded.db); !maps.Equal(a, b) {
		for k := range a {
			if a[k] != b[k] {
				t.Errorf("schema differs at %s:\nnew:      %s\nupgraded: %s", k, a[k], b[k])
			}
		}
		for k := range b {
			if _, ok := a[k]; !ok {
				t.Errorf("only the upgraded database has %s", k)
			}
		}
	}
	for _, obj := range []string{"index users_digest", "trigger users_sort_keys_required", "trigger users_name_changed",
		"trigger users_keys_update", "trigger calendar_feeds_target_roles", "index calendar_feeds_user", "trigger memberships_keys_insert"} {
		if _, ok := schemaOf(t, upgraded.db)[obj]; !ok {
			t.Errorf("upgraded: %s is gone", obj)
		}
	}
	var lang, digest, feedLang string
	var members int
	if err := upgraded.db.QueryRow(`SELECT lang, digest, (SELECT count(*) FROM memberships), (SELECT lang FROM calendar_feeds) FROM users`).Scan(&lang, &digest, &members, &feedLang); err != nil {
		t.Fatal(err)
	}
	if lang != "es" || digest != "weekly" || members != 1 || feedLang != "es" {
		t.Errorf("upgraded rows: lang %q, digest %q, %d memberships, feed %q; want es, weekly, 1, es", lang, digest, members, feedLang)
	}

	// Any language code; never a malformed one.
	if err := upgraded.SetUserLang(ctx, user, "fr"); err != nil {
		t.Errorf("users.lang 'fr': %v", err)
	}
	if _, err := upgraded.db.Exec(`UPDATE calendar_feeds SET lang = 'pt-BR'`); err != nil {
		t.Errorf("calendar_feeds.lang 'pt-BR': %v", err)
	}
	for _, q := range []string{`UPDATE users SET lang = 'f'`, `UPDATE users SET lang = 'fr; --'`, `UPDATE calendar_feeds SET lang = ''`} {
		if _, err := upgraded.db.Exec(q); err == nil {
			t.Errorf("%s: accepted", q)
		}
	}

	// Foreign keys are on on every pooled connection again.
	var conns []*sql.Conn
	for range 4 {
		c, err := upgraded.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var on int
		if err := c.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&on); err != nil || on != 1 {
			t.Errorf("a pooled connection has foreign_keys %d, %v", on, err)
		}
	}
	for _, c := range conns {
		c.Close()
	}
	if _, err := upgraded.db.Exec(`DELETE FROM users`); err != nil {
		t.Fatal(err)
	}
	if err := upgraded.db.QueryRow(`SELECT count(*) FROM memberships`).Scan(&members); err != nil || members != 0 {
		t.Errorf("deleting the user left %d memberships (%v): the foreign keys lost their cascade", members, err)
	}
}
