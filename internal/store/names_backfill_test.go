package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"puente/internal/model"
	"puente/internal/secret"
	"puente/schema"
)

// legacyDB writes a database as it was before migration 005: every earlier
// migration applied and rows written without sort keys or search terms,
// with an 8-digit A-number stored as typed, sealed with key.
func legacyDB(t *testing.T, key []byte) (path string, ids map[string]string) {
	t.Helper()
	ctx := context.Background()
	path = filepath.Join(t.TempDir(), "legacy.db")
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`CREATE TABLE schema_migrations (name TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL) STRICT`)
	names, _ := fs.Glob(schema.FS, "*.sql")
	sort.Strings(names)
	for _, n := range names {
		if n >= "005" {
			break
		}
		body, _ := fs.ReadFile(schema.FS, n)
		exec(string(body))
		exec(`INSERT INTO schema_migrations (name, applied_at) VALUES (?, '2026-01-01T00:00:00.000000Z')`, n)
	}
	box, err := secret.New(key)
	if err != nil {
		t.Fatal(err)
	}
	exec(`INSERT INTO meta (key, value) VALUES ('key_check', ?)`, box.Seal([]byte(keyCheckPlain), "meta.key_check"))
	ids = map[string]string{"group": newID(), "case1": newID(), "case2": newID(), "p1": newID(), "p2": newID(), "p3": newID()}
	now := "2026-01-01T00:00:00.000000Z"
	exec(`INSERT INTO organisations (id, kind, name, created_at) VALUES (?, 'group', 'Grupo Ñandú', ?)`, ids["group"], now)
	for i, n := range []string{"Zoe", "ana", "Óscar", "Beatriz"} {
		uid := newID()
		exec(`INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)`, uid, n+"@example.org", n, testHash, now)
		role := "member"
		if i == 0 {
			role = "coordinator"
		}
		exec(`INSERT INTO memberships (user_id, org_id, org_kind, role, created_at) VALUES (?, ?, 'group', ?, ?)`, uid, ids["group"], role, now)
	}
	for i, c := range []string{"case1", "case2"} {
		exec(`INSERT INTO cases (id, group_id, code, status, status_changed_at, created_at, updated_at)
			VALUES (?, ?, ?, 'arrived', ?, ?, ?)`, ids[c], ids["group"], []string{"PU-AAAAAA", "PU-BBBBBB"}[i], now, now, now)
	}
	person := func(id, caseID, name string, principal int, anumber string) {
		var sealed []byte
		if anumber != "" {
			sealed = box.Seal([]byte(anumber), aad("people", "anumber_enc", id))
		}
		exec(`INSERT INTO people (id, case_id, is_principal, name, anumber_enc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			id, caseID, principal, name, sealed, now, now)
	}
	person(ids["p1"], ids["case1"], "María José Pérez", 1, "12345678")
	person(ids["p2"], ids["case2"], "Ángel Núñez", 1, "987654321")
	person(ids["p3"], ids["case2"], "Lucía Núñez", 0, "")
	return path, ids
}

// TestNameKeysBackfill: a database from before migration 005 gets its
// keys and terms at start-up, and its 8-digit A-number its leading zero
// once the key is loaded; both happen once.
func TestNameKeysBackfill(t *testing.T) {
	ctx := context.Background()
	key := make([]byte, 32)
	rand.Read(key)
	path, ids := legacyDB(t, key)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open legacy: %v", err)
	}
	defer func() { s.Close() }()
	if err := s.UseKey(ctx, key); err != nil {
		t.Fatalf("UseKey: %v", err)
	}
	ms, err := s.Members(ctx, ids["group"], "es")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range ms {
		got = append(got, m.Name)
	}
	if want := []string{"Zoe", "ana", "Beatriz", "Óscar"}; !slices.Equal(got, want) {
		t.Errorf("members after backfill: got %q, want %q (coordinator first)", got, want)
	}
	for search, want := range map[string]string{"perez": "María José Pérez", "NÚÑEZ": "Ángel Núñez", "lucia": "Ángel Núñez", "pu-bbbbbb": "Ángel Núñez"} {
		if got, _ := principals(t, s, ids["group"], CaseQuery{Search: search}); !slices.Equal(got, []string{want}) {
			t.Errorf("search %q after backfill: got %q, want %q", search, got, want)
		}
	}
	if got, _ := principals(t, s, ids["group"], CaseQuery{Sort: "name", Lang: "es"}); !slices.Equal(got, []string{"Ángel Núñez", "María José Pérez"}) {
		t.Errorf("cases by name after backfill: got %q", got)
	}
	c := model.Case{ID: ids["case1"], GroupID: ids["group"]}
	if v, err := s.RevealPersonField(ctx, c, ids["p1"], model.FieldANumber, ""); err != nil || v != "012345678" {
		t.Errorf("8-digit A-number after start-up: got %q, %v; want 012345678", v, err)
	}
	if v, err := s.RevealPersonField(ctx, model.Case{ID: ids["case2"], GroupID: ids["group"]}, ids["p2"], model.FieldANumber, ""); err != nil || v != "987654321" {
		t.Errorf("9-digit A-number after start-up: got %q, %v; want 987654321 unchanged", v, err)
	}

	// Both passes are recorded and not repeated: the sealed A-number and the
	// stored keys stay byte for byte the same at the next start.
	var sealed1, key1 []byte
	s.db.QueryRow(`SELECT anumber_enc FROM people WHERE id = ?`, ids["p1"]).Scan(&sealed1)
	s.db.QueryRow(`SELECT sort_es FROM users WHERE name = 'ana'`).Scan(&key1)
	s.Close()
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	if err := s.UseKey(ctx, key); err != nil {
		t.Fatal(err)
	}
	var sealed2, key2 []byte
	s.db.QueryRow(`SELECT anumber_enc FROM people WHERE id = ?`, ids["p1"]).Scan(&sealed2)
	s.db.QueryRow(`SELECT sort_es FROM users WHERE name = 'ana'`).Scan(&key2)
	if !bytes.Equal(sealed1, sealed2) || !bytes.Equal(key1, key2) || len(key1) == 0 {
		t.Errorf("second start rewrote the A-number or the keys")
	}

	// A change of folding or collation rules (another nameKeysVersion)
	// recomputes everything at the next start.
	if _, err := s.db.Exec(`UPDATE meta SET value = CAST('0/old' AS BLOB) WHERE key = 'name_keys'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`UPDATE users SET sort_es = x'00'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`DELETE FROM search_terms`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	var key3 []byte
	s.db.QueryRow(`SELECT sort_es FROM users WHERE name = 'ana'`).Scan(&key3)
	if !bytes.Equal(key1, key3) {
		t.Errorf("after a rules change: ana's key not recomputed")
	}
	if got, _ := principals(t, s, ids["group"], CaseQuery{Search: "perez"}); len(got) != 1 {
		t.Errorf("after a rules change: search perez got %q, want the terms rebuilt", got)
	}
}
