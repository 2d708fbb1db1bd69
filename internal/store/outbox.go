package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"puente/internal/model"
)

// The outbox (schema/017): messages are written here, in or after the
// transaction of the request that causes them, and sent by the server's
// sender (package mail) with retries. A request never waits for a mail
// server. The message is sealed while it waits (a link in it is a bearer
// token) and dropped once sent or given up.

// OutboxItem is one pending message, opened for sending.
type OutboxItem struct {
	ID       string
	Kind     model.EmailKind
	Email    model.Email
	Attempts int
}

// EnqueueEmail queues e for sending at once.
func (s *Store) EnqueueEmail(ctx context.Context, kind model.EmailKind, e model.Email) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return s.enqueueEmailTx(ctx, tx, kind, e) })
}

func (s *Store) enqueueEmailTx(ctx context.Context, tx *sql.Tx, kind model.EmailKind, e model.Email) error {
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	id := newID()
	sealed, err := s.seal(string(b), "outbox", "message_enc", id)
	if err != nil {
		return err
	}
	_, err = s.in(tx).ExecContext(ctx, `INSERT INTO outbox (id, kind, message_enc, created_at) VALUES (?, ?, ?, ?)`,
		id, string(kind), sealed, ts(s.now()))
	return err
}

// DueEmails lists at most limit pending messages whose next attempt may
// start at now (the sender's clock), oldest first, opened. The partial
// index outbox_pending serves it.
func (s *Store) DueEmails(ctx context.Context, now time.Time, limit int) ([]OutboxItem, error) {
	rows, err := s.rd().QueryContext(ctx, `
		SELECT id, kind, message_enc, attempts FROM outbox
		WHERE state = 'pending' AND next_at <= ?
		ORDER BY next_at, created_at LIMIT +?`, ts(now), limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OutboxItem
	for rows.Next() {
		var it OutboxItem
		var sealed []byte
		if err := rows.Scan(&it.ID, &it.Kind, &sealed, &it.Attempts); err != nil {
			return nil, err
		}
		plain, err := s.open(sealed, "outbox", "message_enc", it.ID)
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(plain), &it.Email); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// EmailSent records that message id was accepted by the mail server at
// now, and drops its content.
func (s *Store) EmailSent(ctx context.Context, id string, now time.Time) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := s.in(tx).ExecContext(ctx, `UPDATE outbox SET state = 'sent', message_enc = NULL, done_at = ?, attempts = attempts + 1
			WHERE id = ? AND state = 'pending'`, ts(now), id)
		return err
	})
}

// EmailFailed records a failed attempt at message id at now, with reason
// (an error class, never an address). With giveUp the message is dropped
// and counted as failed; otherwise it is tried again from next.
func (s *Store) EmailFailed(ctx context.Context, id string, now, next time.Time, giveUp bool, reason string) error {
	if len(reason) > 80 {
		reason = reason[:80]
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		if giveUp {
			_, err = s.in(tx).ExecContext(ctx, `UPDATE outbox SET state = 'failed', message_enc = NULL, done_at = ?,
				attempts = attempts + 1, failed_at = ?, last_error = ? WHERE id = ? AND state = 'pending'`, ts(now), ts(now), reason, id)
		} else {
			_, err = s.in(tx).ExecContext(ctx, `UPDATE outbox SET next_at = ?, attempts = attempts + 1, failed_at = ?, last_error = ?
				WHERE id = ? AND state = 'pending'`, ts(next), ts(now), reason, id)
		}
		return err
	})
}

// MailStatus is what the outbox did lately, for the admin's page. Zero
// times mean "never".
type MailStatus struct {
	// Waiting is how many messages wait to be sent; Retrying how many of
	// them failed at least once and wait for their next attempt.
	Waiting, Retrying int
	// Failed is how many messages were given up since the day asked for.
	Failed int
	// LastSent is when the last message was accepted by the mail server.
	LastSent time.Time
	// LastFailed is when the last attempt failed (a retry or a give-up),
	// and LastError its class ("connect", "smtp 550", ...).
	LastFailed time.Time
	LastError  string
}

// MailStatus counts the outbox: what waits, what was given up since since,
// and the last success and failure. Each part reads through an index.
func (s *Store) MailStatus(ctx context.Context, since time.Time) (MailStatus, error) {
	var m MailStatus
	var lastSent sql.NullString
	err := s.rd().QueryRowContext(ctx, `
		SELECT (SELECT count(*) FROM outbox WHERE state = 'pending' AND next_at >= ''),
		       (SELECT count(*) FROM outbox WHERE state = 'pending' AND next_at >= '' AND attempts > 0),
		       (SELECT count(*) FROM outbox WHERE state = 'failed' AND done_at >= ?),
		       (SELECT max(done_at) FROM outbox WHERE state = 'sent')`, ts(since)).
		Scan(&m.Waiting, &m.Retrying, &m.Failed, &lastSent)
	if err != nil {
		return m, err
	}
	m.LastSent = parseTS(lastSent.String)
	var at string
	err = s.rd().QueryRowContext(ctx, `
		SELECT failed_at, last_error FROM outbox WHERE failed_at IS NOT NULL
		ORDER BY failed_at DESC LIMIT 1`).Scan(&at, &m.LastError)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return m, err
	}
	m.LastFailed = parseTS(at)
	return m, nil
}

// PruneOutbox deletes the rows of messages sent or given up before before:
// they hold no content, only what the admin's page counted.
func (s *Store) PruneOutbox(ctx context.Context, before time.Time) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := s.in(tx).ExecContext(ctx, `DELETE FROM outbox WHERE state <> 'pending' AND done_at < ?`, ts(before))
		return err
	})
}
