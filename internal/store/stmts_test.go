package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestStmtCache: a text is prepared once and reused, on the pool and in a
// transaction; the cache stops growing at its bound (the text then runs
// unprepared, with the same result); a bad statement fails where it is
// used; Close closes every statement.
func TestStmtCache(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	c := s.stmts
	const q = `SELECT count(*) FROM organisations WHERE kind = ?`
	a, err := c.get(ctx, q)
	if err != nil || a == nil {
		t.Fatalf("first get: %v, %v", a, err)
	}
	if b, _ := c.get(ctx, q); b != a {
		t.Error("second get prepared the text again, want the cached statement")
	}
	var n int
	if err := s.rd().QueryRowContext(ctx, q, "group").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if err := s.tx(ctx, func(tx *sql.Tx) error { return s.in(tx).QueryRowContext(ctx, q, "group").Scan(&n) }); err != nil {
		t.Errorf("the cached statement in a transaction: %v", err)
	}
	if _, err := s.rd().QueryContext(ctx, `SELECT no_such_column FROM organisations`); err == nil {
		t.Error("a bad statement ran without an error")
	}
	if err := s.rd().QueryRowContext(ctx, `SELECT no_such_column FROM organisations`).Scan(&n); err == nil {
		t.Error("a bad single-row statement ran without an error")
	}

	// Fill the cache to its bound: further texts run unprepared.
	for i := len(c.m); i < maxCachedStmts; i++ {
		if _, err := c.get(ctx, fmt.Sprintf("SELECT %d", i)); err != nil {
			t.Fatal(err)
		}
	}
	if st, err := c.get(ctx, "SELECT 'one too many'"); st != nil || err != nil {
		t.Errorf("get past the bound: %v, %v; want nil, nil (run as text)", st, err)
	}
	var got string
	if err := s.rd().QueryRowContext(ctx, "SELECT 'one too many'").Scan(&got); err != nil || got != "one too many" {
		t.Errorf("a text past the bound: %q, %v", got, err)
	}
	if len(c.m) != maxCachedStmts {
		t.Errorf("cache holds %d statements, want the bound %d", len(c.m), maxCachedStmts)
	}
	c.close()
	if len(c.m) != 0 || !c.closed {
		t.Errorf("after close: %d statements, closed %v", len(c.m), c.closed)
	}
	if _, err := a.QueryContext(ctx, "group"); err == nil {
		t.Error("a statement still runs after the cache closed it")
	}
	if st, _ := c.get(ctx, q); st != nil {
		t.Error("get after close returned a statement")
	}
}

// TestNoBareLimitParameter keeps every limit and offset taken from a
// parameter written +? (see stmtCache): with a bare ? SQLite compiles the
// cached statement again at every run. It reads the store's own sources,
// and fails on a line such as "LIMIT ?" or "OFFSET ?3".
func TestNoBareLimitParameter(t *testing.T) {
	bare := regexp.MustCompile(`(?i)\b(LIMIT|OFFSET)\s+\?`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "//") {
				continue
			}
			if bare.MatchString(line) {
				t.Errorf("%s:%d: a limit from a bare parameter (write LIMIT +? / OFFSET +?): %s", f, i+1, strings.TrimSpace(line))
			}
		}
		checked++
	}
	if checked < 40 {
		t.Fatalf("checked %d source files, want the store's (at least 40)", checked)
	}
}
