package store

import (
	"context"
	"database/sql"
)

// writeGate lets one of Puente's own writers at a time ask SQLite for the
// write lock. SQLite admits one writer anyway; without the gate, 16 writers
// on 8 pooled connections poll the lock through busy_timeout, and under CPU
// load the unluckiest one can wait past it and fail with SQLITE_BUSY. In
// the gate they queue in order instead, bounded only by their context.
// busy_timeout still covers writers outside this process (the sqlite3 tool,
// a backup).
type writeGate chan struct{}

func newWriteGate() writeGate { return make(writeGate, 1) }

// lock waits for the gate or for ctx to end.
func (g writeGate) lock(ctx context.Context) error {
	select {
	case g <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (g writeGate) unlock() { <-g }

// gatedExec runs single-statement writes on db through the gate.
type gatedExec struct {
	p    prepared
	gate writeGate
	s    *Store
}

// ExecContext runs one write statement once the gate is free.
func (x gatedExec) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if err := x.s.writable(); err != nil {
		return nil, err
	}
	if err := x.gate.lock(ctx); err != nil {
		return nil, err
	}
	defer x.gate.unlock()
	return x.p.ExecContext(ctx, query, args...)
}

// writer is the gated way to run a single write statement outside tx.
func (s *Store) writer() gatedExec { return gatedExec{p: s.rd(), gate: s.gate, s: s} }
