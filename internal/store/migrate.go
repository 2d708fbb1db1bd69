package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"io/fs"
	"sort"

	"puente/schema"
)

// migrate applies every migration in schema.FS not yet recorded, each in its
// own transaction together with its record, in name order. A migration is
// recorded by name, so one numbered below those already applied (016 on a
// database that has 017 to 019) is applied after them: such a file must
// hold for either order (016_languages.sql does, through its Go step).
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		name TEXT NOT NULL PRIMARY KEY,
		applied_at TEXT NOT NULL
	) STRICT`); err != nil {
		return err
	}
	names, err := fs.Glob(schema.FS, "*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		body, err := fs.ReadFile(schema.FS, name)
		if err != nil {
			return err
		}
		run := s.tx
		if goSteps[name] != nil {
			run = s.txWithoutForeignKeys
		}
		err = run(ctx, func(tx *sql.Tx) error {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE name = ?`, name).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			if step := goSteps[name]; step != nil {
				if err := step(ctx, tx); err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
			}
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)`, name, ts(s.now()))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// txWithoutForeignKeys is tx on one connection with foreign keys off, as a
// table rebuild needs (SQLite ignores the pragma inside a transaction, so
// it is set before BEGIN and set back after); fn checks the foreign keys
// before the commit (rebuildTable's last step).
func (s *Store) txWithoutForeignKeys(ctx context.Context, fn func(*sql.Tx) error) error {
	if err := s.writable(); err != nil {
		return err
	}
	if err := s.gate.lock(ctx); err != nil {
		return err
	}
	defer s.gate.unlock()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return err
	}
	// The connection goes back to the pool: it must have its foreign keys
	// again, or every later write on it would go unchecked.
	defer func() {
		if _, err := conn.ExecContext(context.Background(), `PRAGMA foreign_keys = ON`); err != nil {
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Migrations lists the applied migrations in order, for tests and the
// start-up log.
func (s *Store) Migrations(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM schema_migrations ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}
