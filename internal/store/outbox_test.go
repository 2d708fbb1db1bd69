package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"strings"
	"testing"
	"time"

	"puente/internal/model"
)

// TestOutboxSealedAndDropped: a waiting message is sealed (neither its
// address nor its link is in the row), opens for the sender, and loses its
// content once sent or given up; the CHECKs keep a pending row's content
// and a finished row's absence.
func TestOutboxSealedAndDropped(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	key := make([]byte, 32)
	rand.Read(key)
	if err := s.UseKey(ctx, key); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	for _, to := range []string{"zq.one@example.org", "zq.two@example.org"} {
		if err := s.EnqueueEmail(ctx, model.EmailReset, model.Email{To: to, Subject: "s", Body: "https://x/reset/ZQTOKEN"}); err != nil {
			t.Fatal(err)
		}
	}
	var raw []byte
	if err := s.db.QueryRow(`SELECT group_concat(hex(message_enc)) FROM outbox`).Scan(&raw); err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"zq.one", "ZQTOKEN"} {
		if bytes.Contains(raw, []byte(strings.ToUpper(bytes2hex(m)))) {
			t.Errorf("the outbox row holds %q in plain text", m)
		}
	}
	due, err := s.DueEmails(ctx, now, 10)
	if err != nil || len(due) != 2 || due[0].Email.Body != "https://x/reset/ZQTOKEN" {
		t.Fatalf("due: %+v, %v", due, err)
	}
	if err := s.EmailSent(ctx, due[0].ID, now); err != nil {
		t.Fatal(err)
	}
	if err := s.EmailFailed(ctx, due[1].ID, now, now.Add(time.Minute), false, "connect"); err != nil {
		t.Fatal(err)
	}
	if due, _ := s.DueEmails(ctx, now.Add(59*time.Second), 10); len(due) != 0 {
		t.Errorf("a retry came before its time: %+v", due)
	}
	if due, _ := s.DueEmails(ctx, now.Add(time.Minute), 10); len(due) != 1 {
		t.Errorf("the retry did not come at its time")
	}
	if err := s.EmailFailed(ctx, due[1].ID, now, now, true, "smtp 550"); err != nil {
		t.Fatal(err)
	}
	var left int
	if err := s.db.QueryRow(`SELECT count(*) FROM outbox WHERE message_enc IS NOT NULL`).Scan(&left); err != nil || left != 0 {
		t.Errorf("%d messages keep their content after being sent or given up (%v)", left, err)
	}
	if _, err := s.db.Exec(`UPDATE outbox SET state = 'pending'`); err == nil {
		t.Error("a pending row without content was accepted")
	}
	ms, err := s.MailStatus(ctx, now.Add(-time.Hour))
	if err != nil || ms.Failed != 1 || ms.Waiting != 0 || ms.LastError != "smtp 550" || !ms.LastSent.Equal(now) {
		t.Errorf("status %+v, %v", ms, err)
	}
	if err := s.PruneOutbox(ctx, now.Add(time.Second)); err != nil || countRows(t, s, "outbox") != 0 {
		t.Errorf("prune left %d rows (%v)", countRows(t, s, "outbox"), err)
	}
}

func bytes2hex(s string) string {
	const digits = "0123456789abcdef"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(digits[s[i]>>4])
		b.WriteByte(digits[s[i]&15])
	}
	return b.String()
}

// TestEmailQueriesUseIndexes: the sender's, the admin page's and the
// digest schedule's queries reach their rows through indexes, not scans.
func TestEmailQueriesUseIndexes(t *testing.T) {
	s, _ := openTest(t)
	stmts := map[string]string{
		"due":         `SELECT id FROM outbox WHERE state = 'pending' AND next_at <= '2026' ORDER BY next_at, created_at LIMIT 20`,
		"waiting":     `SELECT count(*) FROM outbox WHERE state = 'pending' AND next_at >= ''`,
		"failed":      `SELECT count(*) FROM outbox WHERE state = 'failed' AND done_at >= '2026'`,
		"last sent":   `SELECT max(done_at) FROM outbox WHERE state = 'sent'`,
		"last failed": `SELECT failed_at, last_error FROM outbox WHERE failed_at IS NOT NULL ORDER BY failed_at DESC LIMIT 1`,
		"targets": `SELECT u.id, o.id, (SELECT max(d.period) FROM digests_sent d WHERE d.user_id = u.id AND d.org_id = o.id)
			FROM users u CROSS JOIN memberships m ON m.user_id = u.id AND m.org_kind = 'group' JOIN organisations o ON o.id = m.org_id
			WHERE u.digest <> 'none'`,
	}
	for name, q := range stmts {
		rows, err := s.db.Query(`EXPLAIN QUERY PLAN ` + q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(detail, "SCAN ") && !strings.Contains(detail, "USING") {
				t.Errorf("%s scans a table: %s", name, detail)
			}
		}
		rows.Close()
	}
}
