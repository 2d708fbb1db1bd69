package web

import (
	"context"
	"database/sql"
	"encoding/binary"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"puente/internal/auth"
	"puente/internal/store"
)

// garbleTable overwrites the cells of table's root page in the closed
// database file at path with 0xFF bytes: the file still opens, its header
// and schema read, and only reading that table (or PRAGMA quick_check)
// finds the damage. The table must fit in one leaf page with rows in it.
func garbleTable(t *testing.T, path, table string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var root, pageSize int64
	if err := db.QueryRow(`SELECT rootpage FROM sqlite_schema WHERE name = ?`, table).Scan(&root); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`PRAGMA page_size`).Scan(&pageSize); err != nil {
		t.Fatal(err)
	}
	db.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := (root - 1) * pageSize
	if b[at] != 0x0D || binary.BigEndian.Uint16(b[at+3:]) == 0 {
		t.Fatalf("root page of %s: type %#x with %d cells, want a leaf table page with rows", table, b[at], binary.BigEndian.Uint16(b[at+3:]))
	}
	cells := at + int64(binary.BigEndian.Uint16(b[at+5:]))
	for i := cells; i < at+pageSize; i++ {
		b[i] = 0xFF
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestDamagedDatabaseAnswers503: a real migrated database with a page of
// garbage opens and serves (the cheap checks pass); once the integrity
// check has run, /healthz answers 503, a write is refused with a page in
// the reader's language that says why and whom to tell, nothing is
// written, and every other page answers 503 too. Static files still serve.
func TestDamagedDatabaseAnswers503(t *testing.T) {
	tpl := loadEnvTemplate(t)
	path := filepath.Join(t.TempDir(), "damaged.db")
	if err := copyFile(tpl.path, path); err != nil {
		t.Fatal(err)
	}
	garbleTable(t, path, "case_history")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open of a database damaged inside a table: %v, want it opened (cheap checks only)", err)
	}
	e := startEnv(t, st, auth.NewHasher(auth.TestParams, 2), tpl.orgs, tpl.hash, tpl.key)
	e.dbPath, e.cases = path, tpl.cases
	for email, secret := range tpl.secrets { // the managers' authenticator keys (two-step sign-in)
		e.codes.add(email, secret)
	}

	// Before the check has run the server serves as usual.
	if res := e.client().get("/healthz"); res.status != http.StatusOK {
		t.Fatalf("healthz before the integrity check: %d, want 200", res.status)
	}
	c := e.signIn(emailAlphaCoord)
	facts := e.count("facts")

	if err := st.QuickCheck(context.Background()); err == nil {
		t.Fatal("QuickCheck on the damaged file: nil, want a failure")
	}
	res := e.client().get("/healthz")
	if res.status != http.StatusServiceUnavailable || !strings.Contains(res.body, "integrity check") {
		t.Errorf("healthz after a failed check: %d %q, want 503 naming the integrity check", res.status, res.body)
	}
	// A write: recording a date on a case.
	res = c.post("/cases/"+e.cases["alpha"].ID+"/facts", url.Values{"kind": {"arrival"}, "date": {"2026-03-10"}})
	if res.status != http.StatusServiceUnavailable || !strings.Contains(res.body, "The database failed its integrity check") ||
		!strings.Contains(res.body, "Tell the person who runs this server") {
		t.Errorf("a write after a failed check: status %d, want 503 with the English explanation; body %.600s", res.status, res.body)
	}
	if n := e.count("facts"); n != facts {
		t.Errorf("facts after the refused write: %d, want %d", n, facts)
	}
	// Signing in is a write too (a session), refused in Spanish for a
	// Spanish reader.
	req, _ := http.NewRequest(http.MethodPost, e.ts.URL+"/login",
		strings.NewReader(url.Values{"email": {emailAlphaMem}, "password": {testPassword}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept-Language", "es")
	res = e.client().do(req)
	if res.status != http.StatusServiceUnavailable || !strings.Contains(res.body, "La base de datos no pasó su control de integridad") {
		t.Errorf("sign-in in Spanish after a failed check: status %d, want 503 with the Spanish explanation; body %.600s", res.status, res.body)
	}
	for _, p := range []string{"/", "/cases", "/cases/" + e.cases["alpha"].ID} {
		if res := c.get(p); res.status != http.StatusServiceUnavailable {
			t.Errorf("GET %s after a failed check: %d, want 503", p, res.status)
		}
	}
	if res := c.get("/static/app.css"); res.status != http.StatusOK {
		t.Errorf("static file after a failed check: %d, want 200", res.status)
	}
}
