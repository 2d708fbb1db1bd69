package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"puente/internal/secret"
)

// RotateKey re-encrypts every sealed value (every *_enc column of every
// table, see SealedColumns) and the key check from the key set by UseKey to
// newKey, in one transaction: either all of them move to the new key or
// none does. Each value is opened with its own table, column and row as
// additional data and sealed again for the same place with a fresh nonce.
// A value that does not open with the current key stops the rotation
// (ErrSealedUnreadable, naming the column and row) and changes nothing.
//
// After the commit the WAL is checkpointed and truncated, so the old
// ciphertexts are gone from the WAL, and secure_delete has already zeroed
// the space they took in the database file's pages: the old key opens
// nothing left in this database (backups made before keep needing it).
// It returns the count per column; the store uses newKey from then on.
func (s *Store) RotateKey(ctx context.Context, newKey []byte) ([]SealedCount, error) {
	if s.box == nil {
		return nil, errors.New("store: no encryption key set")
	}
	newBox, err := secret.New(newKey)
	if err != nil {
		return nil, err
	}
	var out []SealedCount
	err = s.tx(ctx, func(tx *sql.Tx) error {
		cols, err := sealedColumns(ctx, tx)
		if err != nil {
			return err
		}
		for _, c := range cols {
			n, err := s.rotateColumn(ctx, tx, newBox, c)
			if err != nil {
				return err
			}
			out = append(out, SealedCount{Column: c, Values: n})
		}
		return rotateKeyCheck(ctx, tx, s.box, newBox)
	})
	if err != nil {
		return nil, err
	}
	s.box = newBox
	s.opened.reset()
	if err := s.Checkpoint(ctx); err != nil {
		return out, fmt.Errorf("rotated, but %w", err)
	}
	return out, nil
}

// rotateColumn re-seals every value of c under newBox and checks that each
// stored value opens with it.
func (s *Store) rotateColumn(ctx context.Context, tx *sql.Tx, newBox *secret.Box, c SealedColumn) (int, error) {
	vals, err := readSealed(ctx, tx, c)
	if err != nil {
		return 0, err
	}
	where := make([]string, len(c.Key))
	for i, k := range c.Key {
		where[i] = ident(k) + ` = ?`
	}
	// The names come from sqlite_schema (see ident), the values are bound.
	stmt, err := tx.PrepareContext(ctx, `UPDATE `+ident(c.Table)+` SET `+ident(c.Column)+` = ? WHERE `+strings.Join(where, ` AND `))
	if err != nil {
		return 0, fmt.Errorf("%s: %w", c, err)
	}
	defer stmt.Close()
	for _, v := range vals {
		plain, err := openWith(s.box, c, v)
		if err != nil {
			return 0, err
		}
		sealed := newBox.Seal(plain, aad(c.Table, c.Column, v.rowID))
		clear(plain)
		args := append([]any{sealed}, v.key...)
		res, err := stmt.ExecContext(ctx, args...)
		if err != nil {
			return 0, fmt.Errorf("%s row %s: %w", c, v.rowID, err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return 0, fmt.Errorf("%s row %s: updated %d rows, want 1 (%v)", c, v.rowID, n, err)
		}
	}
	return len(vals), nil
}

// rotateKeyCheck seals the key check value (see UseKey) under newBox.
func rotateKeyCheck(ctx context.Context, tx *sql.Tx, oldBox, newBox *secret.Box) error {
	var sealed []byte
	err := tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'key_check'`).Scan(&sealed)
	if err != nil {
		return fmt.Errorf("key check: %w", err)
	}
	plain, err := oldBox.Open(sealed, "meta.key_check")
	if err != nil || string(plain) != keyCheckPlain {
		return ErrWrongKey
	}
	_, err = tx.ExecContext(ctx, `UPDATE meta SET value = ? WHERE key = 'key_check'`,
		newBox.Seal([]byte(keyCheckPlain), "meta.key_check"))
	return err
}
