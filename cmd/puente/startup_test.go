package main

import (
	"database/sql"
	"encoding/binary"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"puente/internal/demo"
)

// TestStartListensBeforeTheIntegrityCheck: the full integrity check runs
// after the server listens, and its result is logged.
func TestStartListensBeforeTheIntegrityCheck(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "order.db")
	_, out, stop := startRun(t, []string{"-addr", "127.0.0.1:0", "-db", dbPath, "-demo"}, nil)
	waitFor(t, out, "integrity check passed")
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	log := out.String()
	if l, c := strings.Index(log, "msg=listening"), strings.Index(log, "integrity check passed"); l < 0 || c < l {
		t.Errorf("want the listening line before the integrity check's; log:\n%s", log)
	}
}

// TestRunDamagedDatabase: a migrated database with a page of garbage in a
// table starts (the cheap checks pass), then the background integrity
// check finds the damage: /healthz answers 503, a sign-in (a write) is
// refused with a page that says why, and the log says what to do.
func TestRunDamagedDatabase(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "damaged.db")
	_, _, stop := startRun(t, []string{"-addr", "127.0.0.1:0", "-db", dbPath, "-demo"}, nil)
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	garbleTable(t, dbPath, "case_history")

	addr, out, stop := startRun(t, []string{"-addr", "127.0.0.1:0", "-db", dbPath}, nil)
	base := "http://" + addr
	waitFor(t, out, "DATABASE DAMAGED")
	res, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("healthz: %d %q, want 503", res.StatusCode, body)
	}
	res, err = http.PostForm(base+"/login", url.Values{"email": {demo.Accounts[2].Email}, "password": {demo.Password}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), "failed its integrity check") {
		t.Errorf("sign-in: %d, want 503 saying why; body %.500s", res.StatusCode, body)
	}
	for _, want := range []string{"level=ERROR", "puente restore -from BACKUP -db " + dbPath, "malformed"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, out.String())
		}
	}
	if err := stop(); err != nil {
		t.Errorf("shutdown: %v", err)
	}
}

// waitFor waits up to 30 s for s to appear in the log.
func waitFor(t *testing.T, out *syncBuffer, s string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(out.String(), s) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q in the log after 30 s:\n%s", s, out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// garbleTable overwrites the cells of table's root page in the closed
// database file at path: the header, the schema and every other table
// stay readable, and PRAGMA quick_check reports the damage.
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
	for i := at + int64(binary.BigEndian.Uint16(b[at+5:])); i < at+pageSize; i++ {
		b[i] = 0xFF
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
