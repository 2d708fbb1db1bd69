// Package mailtest is a real SMTP server for tests (emersion/go-smtp),
// started in-process on loopback: Puente's sender talks SMTP to it over
// TCP exactly as to a real server. Only tests import it.
package mailtest

import (
	"bytes"
	"io"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// Message is one message the server accepted: its envelope and its raw
// bytes (headers and body, as sent).
type Message struct {
	From string
	To   []string
	Data []byte
}

// Server is a running test SMTP server.
type Server struct {
	Addr string
	mu   sync.Mutex
	msgs []Message
	// refuse is how many more DATA commands to refuse with 451.
	refuse  int
	refused int
	arrived chan struct{}
}

// Start starts a server on 127.0.0.1 and stops it when t ends.
func Start(t testing.TB) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Addr: ln.Addr().String(), arrived: make(chan struct{}, 1000)}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &session{s: s}, nil }))
	srv.Domain = "localhost"
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return s
}

// URL is the server's address as -smtp-url takes it.
func (s *Server) URL() string { return "smtp://" + s.Addr }

// Refuse makes the server refuse the next n messages with a temporary
// error (451), as a busy or greylisting server does.
func (s *Server) Refuse(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refuse = n
}

// Refused is how many messages the server refused.
func (s *Server) Refused() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refused
}

// Messages are the messages accepted so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// Wait waits up to timeout until n messages were accepted, and returns
// them; it fails t if they do not arrive.
func (s *Server) Wait(t testing.TB, n int, timeout time.Duration) []Message {
	t.Helper()
	deadline := time.After(timeout)
	for {
		if m := s.Messages(); len(m) >= n {
			return m
		}
		select {
		case <-s.arrived:
		case <-deadline:
			t.Fatalf("mailtest: %d messages arrived, want %d", len(s.Messages()), n)
		}
	}
}

type session struct {
	s    *Server
	from string
	to   []string
}

func (x *session) Reset()        { x.from, x.to = "", nil }
func (x *session) Logout() error { return nil }
func (x *session) Mail(from string, _ *smtp.MailOptions) error {
	x.from = from
	return nil
}
func (x *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	x.to = append(x.to, to)
	return nil
}
func (x *session) Data(r io.Reader) error {
	var b bytes.Buffer
	if _, err := io.Copy(&b, r); err != nil {
		return err
	}
	x.s.mu.Lock()
	defer x.s.mu.Unlock()
	if x.s.refuse > 0 {
		x.s.refuse--
		x.s.refused++
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
	}
	x.s.msgs = append(x.s.msgs, Message{From: x.from, To: append([]string(nil), x.to...), Data: b.Bytes()})
	x.s.arrived <- struct{}{}
	return nil
}

// Text is the message as a reader sees it: its header lines, then its body
// decoded from quoted-printable (where a long line is cut with a soft
// break, which could split a word a test looks for in the raw bytes).
func (m Message) Text() string {
	msg, err := mail.ReadMessage(bytes.NewReader(m.Data))
	if err != nil {
		return string(m.Data)
	}
	var b strings.Builder
	for k, vs := range msg.Header {
		for _, v := range vs {
			b.WriteString(k + ": " + v + "\n")
		}
	}
	b.WriteString("\n")
	body := io.Reader(msg.Body)
	if strings.EqualFold(msg.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
		body = quotedprintable.NewReader(body)
	}
	raw, _ := io.ReadAll(body)
	b.Write(raw)
	return b.String()
}
