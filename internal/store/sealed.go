package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"puente/internal/secret"
)

// SealedColumn is one column that holds sealed values. Every column whose
// name ends in "_enc", in every table, is one (schema/002 states the rule):
// they are found by reading the schema, not from a list, so a column added
// by a later migration is rotated and checked without anyone updating this
// package.
type SealedColumn struct {
	Table  string
	Column string
	// Key names the columns whose values, joined by "/", are the row part
	// of the additional data (see sealedRowID): the table's "id" column,
	// or else its primary key in order.
	Key []string
}

// String names the column as table.column.
func (c SealedColumn) String() string { return c.Table + "." + c.Column }

// sealedRowID is the row part of a sealed value's additional data: the
// row's id, or for a table keyed by several columns (deadlines: case_id and
// key) their values in primary-key order joined by "/". Code that seals a
// value in such a table must build its row id with this function, or key
// rotation and restore checks cannot open it and refuse.
func sealedRowID(parts ...string) string { return strings.Join(parts, "/") }

// schemaQuerier is what sealed-column discovery needs from a *sql.DB or *sql.Tx.
type schemaQuerier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// sealedColumns lists every *_enc column of every table, in table and
// column order, with the columns that identify its rows.
func sealedColumns(ctx context.Context, q schemaQuerier) ([]SealedColumn, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT m.name, p.name, p.pk
		FROM sqlite_schema AS m JOIN pragma_table_info(m.name) AS p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
		ORDER BY m.name, p.cid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type tableInfo struct {
		hasID bool
		pk    map[int]string
		enc   []string
	}
	tables := map[string]*tableInfo{}
	var order []string
	for rows.Next() {
		var table, col string
		var pk int
		if err := rows.Scan(&table, &col, &pk); err != nil {
			return nil, err
		}
		t, ok := tables[table]
		if !ok {
			t = &tableInfo{pk: map[int]string{}}
			tables[table] = t
			order = append(order, table)
		}
		if col == "id" {
			t.hasID = true
		}
		if pk > 0 {
			t.pk[pk] = col
		}
		if strings.HasSuffix(col, "_enc") {
			t.enc = append(t.enc, col)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []SealedColumn
	for _, name := range order {
		t := tables[name]
		if len(t.enc) == 0 {
			continue
		}
		var key []string
		if t.hasID {
			key = []string{"id"}
		} else {
			idx := make([]int, 0, len(t.pk))
			for i := range t.pk {
				idx = append(idx, i)
			}
			sort.Ints(idx)
			for _, i := range idx {
				key = append(key, t.pk[i])
			}
		}
		if len(key) == 0 {
			return nil, fmt.Errorf("table %s has sealed columns but neither an id column nor a primary key to bind them to", name)
		}
		for _, col := range t.enc {
			out = append(out, SealedColumn{Table: name, Column: col, Key: key})
		}
	}
	return out, nil
}

// ident quotes a name read from sqlite_schema for use in SQL. These names
// come from the database's own schema, never from input; quoting keeps an
// odd name (a quote, a keyword) from changing the statement.
func ident(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// sealedValue is one sealed cell: its row key values and its ciphertext.
type sealedValue struct {
	key    []any
	rowID  string
	sealed []byte
}

// readSealed loads every non-NULL value of c. Rows are read in full before
// the caller updates any, so an UPDATE never runs under an open cursor on
// the same table.
func readSealed(ctx context.Context, q schemaQuerier, c SealedColumn) ([]sealedValue, error) {
	cols := make([]string, 0, len(c.Key)+1)
	for _, k := range c.Key {
		cols = append(cols, ident(k))
	}
	query := `SELECT ` + strings.Join(cols, ", ") + `, ` + ident(c.Column) +
		` FROM ` + ident(c.Table) + ` WHERE ` + ident(c.Column) + ` IS NOT NULL`
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c, err)
	}
	defer rows.Close()
	var out []sealedValue
	for rows.Next() {
		v := sealedValue{key: make([]any, len(c.Key))}
		dest := make([]any, 0, len(c.Key)+1)
		for i := range v.key {
			dest = append(dest, &v.key[i])
		}
		dest = append(dest, &v.sealed)
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("%s: %w", c, err)
		}
		parts := make([]string, len(v.key))
		for i, k := range v.key {
			parts[i] = fmt.Sprint(k)
			if b, ok := k.([]byte); ok {
				parts[i] = string(b)
			}
		}
		v.rowID = sealedRowID(parts...)
		out = append(out, v)
	}
	return out, rows.Err()
}

// SealedCount is how many sealed values one column holds.
type SealedCount struct {
	Column SealedColumn
	Values int
}

// ErrSealedUnreadable means a sealed value does not open with the key in
// use: the wrong key, a value moved between rows, or damage.
var ErrSealedUnreadable = errors.New("a sealed value does not open with this key")

// CheckSealed opens every sealed value in the database (and the key check)
// with the key set by UseKey, and counts them per column. The first value
// that does not open stops it with ErrSealedUnreadable, naming the column
// and row (never the value). Restore runs it before replacing anything.
func (s *Store) CheckSealed(ctx context.Context) ([]SealedCount, error) {
	if s.box == nil {
		return nil, errors.New("store: no encryption key set")
	}
	cols, err := sealedColumns(ctx, s.db)
	if err != nil {
		return nil, err
	}
	var out []SealedCount
	for _, c := range cols {
		vals, err := readSealed(ctx, s.db, c)
		if err != nil {
			return nil, err
		}
		for _, v := range vals {
			if _, err := s.box.Open(v.sealed, aad(c.Table, c.Column, v.rowID)); err != nil {
				return nil, fmt.Errorf("%s row %s: %w", c, v.rowID, ErrSealedUnreadable)
			}
		}
		out = append(out, SealedCount{Column: c, Values: len(vals)})
	}
	return out, nil
}

// SealedColumns lists the database's sealed columns, for tests and reports.
func (s *Store) SealedColumns(ctx context.Context) ([]SealedColumn, error) {
	return sealedColumns(ctx, s.db)
}

// openWith opens one sealed value with box, for rotation.
func openWith(box *secret.Box, c SealedColumn, v sealedValue) ([]byte, error) {
	plain, err := box.Open(v.sealed, aad(c.Table, c.Column, v.rowID))
	if err != nil {
		return nil, fmt.Errorf("%s row %s: %w", c, v.rowID, ErrSealedUnreadable)
	}
	return plain, nil
}
