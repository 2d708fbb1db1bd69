package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"
)

// BackupStatus is what the last backups did, for the admin's page and the
// scheduler. Zero times mean "never".
type BackupStatus struct {
	// LastOK is when the last successful backup finished; File is its base
	// name (never a directory path) and Bytes its size.
	LastOK    time.Time
	LastFile  string
	LastBytes int64
	// LastFailed is when the last failed attempt ended; its error is in the
	// server's log, not here (error text may hold paths).
	LastFailed time.Time
}

// Failing reports whether the most recent attempt failed.
func (b BackupStatus) Failing() bool { return b.LastFailed.After(b.LastOK) }

type backupOK struct {
	At    string `json:"at"`
	File  string `json:"file"`
	Bytes int64  `json:"bytes"`
}

type backupFailed struct {
	At string `json:"at"`
}

// RecordBackupOK notes a successful backup of file (a base name), of size
// bytes, finished at the store's now.
func (s *Store) RecordBackupOK(ctx context.Context, file string, bytes int64) error {
	return s.putMeta(ctx, "backup_ok", backupOK{At: ts(s.now()), File: file, Bytes: bytes})
}

// RecordBackupFailed notes a failed backup attempt at the store's now.
func (s *Store) RecordBackupFailed(ctx context.Context) error {
	return s.putMeta(ctx, "backup_failed", backupFailed{At: ts(s.now())})
}

func (s *Store) putMeta(ctx context.Context, key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := s.in(tx).ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, b)
		return err
	})
}

// Backups reads the backup status.
func (s *Store) Backups(ctx context.Context) (BackupStatus, error) {
	var st BackupStatus
	var ok backupOK
	if found, err := s.getMeta(ctx, "backup_ok", &ok); err != nil {
		return st, err
	} else if found {
		st.LastOK, st.LastFile, st.LastBytes = parseTS(ok.At), ok.File, ok.Bytes
	}
	var failed backupFailed
	if found, err := s.getMeta(ctx, "backup_failed", &failed); err != nil {
		return st, err
	} else if found {
		st.LastFailed = parseTS(failed.At)
	}
	return st, nil
}

func (s *Store) getMeta(ctx context.Context, key string, v any) (bool, error) {
	var b []byte
	err := s.rd().QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, json.Unmarshal(b, v)
}
