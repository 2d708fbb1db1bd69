package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"regexp"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	"puente/internal/model"
)

// send hands one message to the SMTP server, on a connection of its own:
// Puente sends few messages (a few invitations, the morning's digests), and
// a failure then belongs to one message only.
func send(ctx context.Context, c Config, tlsConf *tls.Config, e model.Email) error {
	m := gomail.NewMsg()
	if err := m.From(c.From); err != nil {
		return err
	}
	if err := m.To(e.To); err != nil {
		return err
	}
	m.Subject(e.Subject)
	m.SetDate()
	m.SetMessageID()
	// Automatic mail: no out-of-office replies to it (RFC 3834).
	m.SetGenHeader("Auto-Submitted", "auto-generated")
	m.SetBodyString(gomail.TypeTextPlain, e.Body)

	opts := []gomail.Option{gomail.WithPort(c.Port), gomail.WithTimeout(30 * time.Second)}
	if tlsConf == nil {
		tlsConf = &tls.Config{ServerName: c.Host, MinVersion: tls.VersionTLS12}
	}
	opts = append(opts, gomail.WithTLSConfig(tlsConf))
	switch {
	case c.TLS:
		opts = append(opts, gomail.WithSSL())
	case c.Loopback():
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if c.User != "" {
		// The strongest mechanism the server offers; PLAIN and LOGIN only
		// over TLS or to this machine (go-mail refuses them otherwise).
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(c.User), gomail.WithPassword(c.Password))
	}
	client, err := gomail.NewClient(c.Host, opts...)
	if err != nil {
		return err
	}
	return client.DialAndSendWithContext(ctx, m)
}

// errorClass names what went wrong in a few words for the admin's page and
// the outbox: "connect", "timeout", "tls", "auth", "smtp 550". It never
// holds an address (an SMTP reply often repeats the recipient's).
func errorClass(err error) string {
	var se *gomail.SendError
	if errors.As(err, &se) {
		if code := se.ErrorCode(); code > 0 {
			return fmt.Sprintf("smtp %d", code)
		}
		return "smtp " + strings.ToLower(se.Reason.String())
	}
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return "timeout"
	}
	msg := strings.ToLower(err.Error())
	switch {
	case strings.Contains(msg, "tls") || strings.Contains(msg, "x509") || strings.Contains(msg, "certificate"):
		return "tls"
	case strings.Contains(msg, "auth") || strings.Contains(msg, "535"):
		return "auth"
	case strings.Contains(msg, "dial") || strings.Contains(msg, "connect"):
		return "connect"
	}
	var oe *net.OpError
	if errors.As(err, &oe) {
		return "connect"
	}
	return "other"
}

// addressRE finds email addresses in error text.
var addressRE = regexp.MustCompile(`[^\s<>"':;,()]+@[^\s<>"':;,()]+`)

// redact removes addresses from error text before it is logged.
func redact(s string) string { return addressRE.ReplaceAllString(s, "[address]") }

// domainOf is the part of an address after its @, which the log may name
// (a mail server's problem with one provider); never the mailbox.
func domainOf(addr string) string {
	if i := strings.LastIndexByte(addr, '@'); i >= 0 {
		return addr[i+1:]
	}
	return ""
}
