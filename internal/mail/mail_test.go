package mail

import (
	"bytes"
	"context"
	"crypto/rand"
	"log/slog"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"puente/internal/i18n"
	"puente/internal/mail/mailtest"
	"puente/internal/model"
	"puente/internal/store"
)

// TestParseConfig: the SMTP URL's forms, their defaults, and refusals that
// never repeat the password.
func TestParseConfig(t *testing.T) {
	for _, tc := range []struct {
		url, from string
		want      Config
		err       string
	}{
		{"", "", Config{}, ""},
		{"smtp://user:s3cret@mail.example.org", "puente@example.org",
			Config{Host: "mail.example.org", Port: 587, User: "user", Password: "s3cret", From: "puente@example.org"}, ""},
		{"smtps://u%40x:p%3Aw@mail.example.org", "puente@example.org",
			Config{Host: "mail.example.org", Port: 465, TLS: true, User: "u@x", Password: "p:w", From: "puente@example.org"}, ""},
		{"smtp://127.0.0.1:2525", "a@b.example", Config{Host: "127.0.0.1", Port: 2525, From: "a@b.example"}, ""},
		{"http://user:s3cret@mail.example.org", "a@b.example", Config{}, "scheme"},
		{"smtp://user:s3cret@/", "a@b.example", Config{}, "no host"},
		{"smtp://user:s3cret@mail.example.org:99999", "a@b.example", Config{}, "port"},
		{"smtp://user:s3cret@mail.example.org", "", Config{}, "-smtp-from"},
		{"smtp://user:s3cret@mail.example.org", "Puente <a@b.example>", Config{}, "-smtp-from"},
		{"smtp://user:s3cret@mail.example.org/x?y=1", "a@b.example", Config{}, "only"},
	} {
		got, err := ParseConfig(tc.url, tc.from)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: err %v, want one about %q", tc.url, err, tc.err)
			}
			if err != nil && strings.Contains(err.Error(), "s3cret") {
				t.Errorf("%q: the error repeats the password: %v", tc.url, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%q: got %+v, %v; want %+v", tc.url, got, err, tc.want)
		}
		if strings.Contains(got.String(), "s3cret") {
			t.Errorf("String() shows the password: %s", got)
		}
	}
}

func openStore(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	key := make([]byte, 32)
	rand.Read(key)
	if err := st.UseKey(ctx, key); err != nil {
		t.Fatal(err)
	}
	return st
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// testSender is a sender to srv on a clock the test moves.
func testSender(t *testing.T, st *store.Store, srv *mailtest.Server) (*Sender, *time.Time, *syncBuffer) {
	t.Helper()
	cfg, err := ParseConfig(srv.URL(), "puente@example.org")
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	s := NewSender(cfg, st, slog.New(slog.NewTextHandler(logs, nil)))
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return now }
	return s, &now, logs
}

// TestInvitationArrives: a queued invitation reaches a real SMTP server on
// loopback with its subject, From, To and link; the outbox row loses its
// content once sent.
func TestInvitationArrives(t *testing.T) {
	st := openStore(t)
	srv := mailtest.Start(t)
	s, _, _ := testSender(t, st, srv)
	ctx := context.Background()
	link := "https://puente.example.org/invite/TOKENabc123"
	if err := st.EnqueueEmail(ctx, model.EmailInvitation, Invitation(i18n.ES, "new.person@example.org", link)); err != nil {
		t.Fatal(err)
	}
	if sent, failed := s.SendDue(ctx); sent != 1 || failed != 0 {
		t.Fatalf("sent %d, failed %d", sent, failed)
	}
	m := srv.Wait(t, 1, 5*time.Second)[0]
	if m.From != "puente@example.org" || len(m.To) != 1 || m.To[0] != "new.person@example.org" {
		t.Errorf("envelope %q → %v", m.From, m.To)
	}
	for _, want := range []string{"Subject: =?UTF-8?q?Su_invitaci=C3=B3n_a_Puente?=", link, "To: <new.person@example.org>"} {
		if !bytes.Contains(m.Data, []byte(want)) {
			t.Errorf("message lacks %q:\n%s", want, m.Data)
		}
	}
	st2, err := st.MailStatus(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if st2.Waiting != 0 || st2.LastSent.IsZero() || st2.Failed != 0 {
		t.Errorf("status after sending: %+v", st2)
	}
	if due, err := st.DueEmails(ctx, time.Now().Add(time.Hour), 10); err != nil || len(due) != 0 {
		t.Errorf("still due after sending: %v, %v", due, err)
	}
}

// TestRetryWithBackoff: a server that refuses twice (451) and then
// accepts gets the message on the third attempt; the attempts wait 30 s and
// then 60 s (exponential backoff), nothing is sent before its time, the
// admin's status shows the failure class while it retries, and the
// message arrives exactly once.
func TestRetryWithBackoff(t *testing.T) {
	st := openStore(t)
	srv := mailtest.Start(t)
	srv.Refuse(2)
	s, now, logs := testSender(t, st, srv)
	ctx := context.Background()
	if err := st.EnqueueEmail(ctx, model.EmailReset, Reset(i18n.EN, "zqmailbox@example.org", "https://p.example.org/reset/T")); err != nil {
		t.Fatal(err)
	}
	step := func(label string, advance time.Duration, wantSent, wantFailed int) {
		t.Helper()
		*now = now.Add(advance)
		if sent, failed := s.SendDue(ctx); sent != wantSent || failed != wantFailed {
			t.Fatalf("%s: sent %d, failed %d; want %d, %d", label, sent, failed, wantSent, wantFailed)
		}
	}
	step("first attempt", 0, 0, 1)
	ms, err := st.MailStatus(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if ms.Waiting != 1 || ms.Retrying != 1 || ms.LastError != "smtp 451" || ms.LastFailed.IsZero() {
		t.Errorf("status while retrying: %+v", ms)
	}
	step("29 s later", 29*time.Second, 0, 0)
	step("30 s after the first", time.Second, 0, 1)
	step("59 s after the second", 59*time.Second, 0, 0)
	step("60 s after the second", time.Second, 1, 0)
	step("later", time.Hour, 0, 0)
	if got := len(srv.Messages()); got != 1 || srv.Refused() != 2 {
		t.Errorf("arrived %d, refused %d; want 1, 2", got, srv.Refused())
	}
	if strings.Contains(logs.String(), "zqmailbox") {
		t.Errorf("the log names the mailbox:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "to_domain=example.org") || !strings.Contains(logs.String(), "class=\"smtp 451\"") {
		t.Errorf("the log does not say what failed:\n%s", logs.String())
	}
}

// TestGiveUp: a message refused at every attempt is given up after
// MaxAttempts, its content dropped, and counted on the admin's status.
func TestGiveUp(t *testing.T) {
	st := openStore(t)
	srv := mailtest.Start(t)
	srv.Refuse(100)
	s, now, logs := testSender(t, st, srv)
	s.MaxAttempts = 3
	ctx := context.Background()
	if err := st.EnqueueEmail(ctx, model.EmailReset, Reset(i18n.EN, "zqmailbox@example.org", "https://p.example.org/reset/T")); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		s.SendDue(ctx)
		*now = now.Add(time.Hour)
	}
	if srv.Refused() != 3 {
		t.Errorf("attempts %d, want 3", srv.Refused())
	}
	ms, err := st.MailStatus(ctx, now.Add(-7*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if ms.Failed != 1 || ms.Waiting != 0 || ms.LastError != "smtp 451" {
		t.Errorf("status after giving up: %+v", ms)
	}
	if !strings.Contains(logs.String(), "email given up") || strings.Contains(logs.String(), "zqmailbox") {
		t.Errorf("log:\n%s", logs.String())
	}
}

// TestUnreachableServer: a mail server that does not answer is a
// "connect" failure, retried.
func TestUnreachableServer(t *testing.T) {
	st := openStore(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cfg, err := ParseConfig("smtp://"+addr, "puente@example.org")
	if err != nil {
		t.Fatal(err)
	}
	s := NewSender(cfg, st, slog.New(slog.DiscardHandler))
	ctx := context.Background()
	if err := st.EnqueueEmail(ctx, model.EmailDigest, model.Email{To: "a@example.org", Subject: "s", Body: "b"}); err != nil {
		t.Fatal(err)
	}
	if sent, failed := s.SendDue(ctx); sent != 0 || failed != 1 {
		t.Fatalf("sent %d, failed %d", sent, failed)
	}
	ms, _ := st.MailStatus(ctx, time.Time{})
	if ms.LastError != "connect" || ms.Waiting != 1 {
		t.Errorf("status: %+v", ms)
	}
}

// TestDelay: 30 s doubled per failure, at most an hour.
func TestDelay(t *testing.T) {
	s := NewSender(Config{}, nil, nil)
	want := []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute,
		16 * time.Minute, 32 * time.Minute, time.Hour, time.Hour, time.Hour}
	for i, w := range want {
		if got := s.delay(i + 1); got != w {
			t.Errorf("delay(%d) = %s, want %s", i+1, got, w)
		}
	}
}

// TestRedact: addresses leave error text before it is logged.
func TestRedact(t *testing.T) {
	got := redact(`550 5.1.1 <zq.person@example.org>: user unknown; also "x@y.z"`)
	if strings.Contains(got, "@") || !strings.Contains(got, "user unknown") {
		t.Errorf("redact: %s", got)
	}
}
