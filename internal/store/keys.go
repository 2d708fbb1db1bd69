package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"puente/internal/secret"
)

// ErrWrongKey means the key does not open this database's sensitive fields.
var ErrWrongKey = errors.New("the encryption key does not match this database")

const keyCheckPlain = "puente-key-check"

// UseKey sets the key that seals sensitive fields. The first key used on a
// database is recorded as a sealed check value; any later key must open it,
// so a wrong or replaced key fails at start-up, not on the first reveal.
// Once per database it then rewrites 8-digit A-numbers with their leading
// zero (normalizeANumbers).
func (s *Store) UseKey(ctx context.Context, key []byte) error {
	box, err := secret.New(key)
	if err != nil {
		return err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		var sealed []byte
		err := s.in(tx).QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'key_check'`).Scan(&sealed)
		if errors.Is(err, sql.ErrNoRows) {
			_, err = s.in(tx).ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('key_check', ?)`,
				box.Seal([]byte(keyCheckPlain), "meta.key_check"))
			return err
		}
		if err != nil {
			return err
		}
		plain, err := box.Open(sealed, "meta.key_check")
		if err != nil || string(plain) != keyCheckPlain {
			return ErrWrongKey
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.box = box
	s.opened.reset()
	return s.normalizeANumbers(ctx)
}

// seal encrypts a sensitive value for its table, column and row; an empty
// value is stored as NULL.
func (s *Store) seal(value, table, column, rowID string) ([]byte, error) {
	if value == "" {
		return nil, nil
	}
	if s.box == nil {
		return nil, errors.New("store: no encryption key set")
	}
	return s.box.Seal([]byte(value), aad(table, column, rowID)), nil
}

func (s *Store) open(sealed []byte, table, column, rowID string) (string, error) {
	if len(sealed) == 0 {
		return "", nil
	}
	if s.box == nil {
		return "", errors.New("store: no encryption key set")
	}
	plain, err := s.box.Open(sealed, aad(table, column, rowID))
	if err != nil {
		return "", fmt.Errorf("%s.%s: %w", table, column, err)
	}
	return string(plain), nil
}

func aad(table, column, rowID string) string { return table + "." + column + ":" + rowID }

// HasKey reports whether a key was ever used on this database, so that a
// missing key file is refused rather than replaced by a new key.
func (s *Store) HasKey(ctx context.Context) (bool, error) {
	var n int
	err := s.rd().QueryRowContext(ctx, `SELECT count(*) FROM meta WHERE key = 'key_check'`).Scan(&n)
	return n > 0, err
}
