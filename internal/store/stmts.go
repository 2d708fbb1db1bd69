package store

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps prepared statements, keyed by their SQL text, for the
// store's lifetime. Without it every call hands SQLite the text to parse
// and plan again: on the case page that was half of the SQL time. A
// *sql.Stmt prepared on the pool is prepared once per pooled connection as
// it is used there, and a transaction borrows it with tx.StmtContext.
//
// A limit taken from a parameter is written LIMIT +? (a unary plus): since
// SQLite 3.47 the planner reads the value bound to a bare LIMIT ? and
// marks the statement to be compiled again whenever that parameter is
// bound, which is at every run, so the cached statement was parsed and
// planned anew each time (GroupAssignedDue on an empty group 0.16 → 0.02
// ms, GroupDue's 101 rows 0.69 → 0.59 ms). The plus makes it an
// expression the planner leaves alone.
//
// The case list builds its SQL from fixed fragments (a search has one
// fragment per word), so the set of texts is bounded but can be large:
// past maxCachedStmts new texts run unprepared instead of growing the
// cache.
type stmtCache struct {
	db     *sql.DB
	mu     sync.RWMutex
	m      map[string]*sql.Stmt
	closed bool
}

// maxCachedStmts bounds the cache. The store's fixed statements number
// about 150; the rest is room for the case list's combinations of filters.
const maxCachedStmts = 1000

func newStmtCache(db *sql.DB) *stmtCache {
	return &stmtCache{db: db, m: map[string]*sql.Stmt{}}
}

// noStmtCache runs every statement as text: for a pool of one connection
// (OpenExisting), where preparing a statement on the pool from inside a
// transaction would wait forever for the connection the transaction holds.
// With the server's pool a preparation waits at most for a reader to end.
func noStmtCache(db *sql.DB) *stmtCache {
	return &stmtCache{db: db, m: map[string]*sql.Stmt{}, closed: true}
}

// get returns the prepared statement for query, preparing it on first use;
// nil (and no error) when the cache is full or closed, in which case the
// caller runs the text directly. A preparation error is returned, so that
// a bad statement fails where it is used.
func (c *stmtCache) get(ctx context.Context, query string) (*sql.Stmt, error) {
	c.mu.RLock()
	st, ok := c.m[query]
	full := c.closed || len(c.m) >= maxCachedStmts
	c.mu.RUnlock()
	if ok || full {
		return st, nil
	}
	st, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		st.Close()
		return nil, nil
	}
	if have, ok := c.m[query]; ok {
		// Another caller prepared it meanwhile: keep one.
		st.Close()
		return have, nil
	}
	c.m[query] = st
	return st, nil
}

// close closes every cached statement; later gets return nil.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = map[string]*sql.Stmt{}
	c.closed = true
}

// prepared runs SQL through the statement cache, on the pool (tx nil) or in
// one transaction. It offers what *sql.DB and *sql.Tx offer (dbtx), so a
// helper can take either.
type prepared struct {
	c  *stmtCache
	tx *sql.Tx
	db *sql.DB
}

// rd runs single statements on the pool with prepared statements: reads,
// and nothing that needs the write gate (writes outside tx go through
// writer).
func (s *Store) rd() prepared { return prepared{c: s.stmts, db: s.db} }

// in runs statements in tx with prepared statements.
func (s *Store) in(tx *sql.Tx) prepared { return prepared{c: s.stmts, tx: tx, db: s.db} }

// stmt is the cached statement for query, bound to the transaction if
// there is one; nil when the text must run directly.
func (p prepared) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	st, err := p.c.get(ctx, query)
	if err != nil || st == nil {
		return nil, err
	}
	if p.tx != nil {
		return p.tx.StmtContext(ctx, st), nil
	}
	return st, nil
}

// ExecContext runs a statement that returns no rows.
func (p prepared) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := p.stmt(ctx, query)
	switch {
	case err != nil:
		return nil, err
	case st != nil:
		return st.ExecContext(ctx, args...)
	case p.tx != nil:
		return p.tx.ExecContext(ctx, query, args...)
	}
	return p.db.ExecContext(ctx, query, args...)
}

// QueryContext runs a query that returns rows.
func (p prepared) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := p.stmt(ctx, query)
	switch {
	case err != nil:
		return nil, err
	case st != nil:
		return st.QueryContext(ctx, args...)
	case p.tx != nil:
		return p.tx.QueryContext(ctx, query, args...)
	}
	return p.db.QueryContext(ctx, query, args...)
}

// QueryRowContext runs a query that returns at most one row. A *sql.Row
// cannot carry a preparation error, so on one the text runs directly and
// fails there with the same error.
func (p prepared) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st, err := p.stmt(ctx, query); err == nil && st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	if p.tx != nil {
		return p.tx.QueryRowContext(ctx, query, args...)
	}
	return p.db.QueryRowContext(ctx, query, args...)
}
