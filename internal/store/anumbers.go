package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"puente/internal/model"
)

// anumbersVersion marks, in meta, that every stored A-number has nine
// digits. Before it, the person form stored 8-digit A-numbers as typed, so
// "12345678" and "012345678" (the same person) were two values.
const anumbersVersion = "9digits"

// normalizeANumbers rewrites every stored 8-digit A-number with its leading
// zero, once per database (it needs the key, so it runs from UseKey rather
// than as a migration). A value that no accepted form reads is left as it
// is and shown as stored; none can exist unless written outside Puente.
func (s *Store) normalizeANumbers(ctx context.Context) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var have string
		err := s.in(tx).QueryRowContext(ctx, `SELECT CAST(value AS TEXT) FROM meta WHERE key = 'anumbers'`).Scan(&have)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if have == anumbersVersion {
			return nil
		}
		type sealed struct {
			id    string
			value []byte
		}
		var all []sealed
		rows, err := s.in(tx).QueryContext(ctx, `SELECT id, anumber_enc FROM people WHERE anumber_enc IS NOT NULL`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var p sealed
			if err := rows.Scan(&p.id, &p.value); err != nil {
				rows.Close()
				return err
			}
			all = append(all, p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, p := range all {
			plain, err := s.open(p.value, "people", "anumber_enc", p.id)
			if err != nil {
				return fmt.Errorf("anumber_enc of person %s: %w", p.id, err)
			}
			digits, err := model.ParseANumber(plain)
			if err != nil || digits == plain {
				continue
			}
			resealed, err := s.seal(digits, "people", "anumber_enc", p.id)
			if err != nil {
				return err
			}
			if _, err := s.in(tx).ExecContext(ctx, `UPDATE people SET anumber_enc = ? WHERE id = ?`, resealed, p.id); err != nil {
				return err
			}
		}
		_, err = s.in(tx).ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('anumbers', ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, []byte(anumbersVersion))
		return err
	})
}
