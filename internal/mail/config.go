// Package mail sends Puente's email: it reads the SMTP settings, writes the
// messages (invitations, password-reset links, digests) and sends what the
// store's outbox holds, with retries, from one goroutine of the server. A
// request only queues a message (store.EnqueueEmail); nothing here runs on
// a request's path.
//
// A message carries counts, case codes and links, never a person's name,
// an A-number or an address (issue 14; DOMAIN.md, "Notifications carry no
// case details").
package mail

import (
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
)

// Config is where and how to send: an SMTP server and the From address.
// The zero Config means "no email": links are shown on screen instead.
type Config struct {
	Host string
	Port int
	// TLS is implicit TLS from the first byte (smtps://, port 465);
	// otherwise STARTTLS is required, except to a loopback host, where it
	// is used if offered (the traffic never leaves the machine).
	TLS bool
	// User and Password authenticate to the server when User is set.
	User, Password string
	// From is the sender's address.
	From string
}

// Enabled reports whether email is configured.
func (c Config) Enabled() bool { return c.Host != "" }

// Loopback reports whether the server is on this machine.
func (c Config) Loopback() bool {
	if c.Host == "localhost" {
		return true
	}
	ip := net.ParseIP(c.Host)
	return ip != nil && ip.IsLoopback()
}

// String describes the server for the log, never the password.
func (c Config) String() string {
	if !c.Enabled() {
		return "off"
	}
	scheme := "smtp"
	if c.TLS {
		scheme = "smtps"
	}
	return scheme + "://" + net.JoinHostPort(c.Host, strconv.Itoa(c.Port))
}

// ParseConfig reads an SMTP URL (smtp://user:pass@host:587 with STARTTLS,
// smtps://user:pass@host:465 with TLS; user and password percent-encoded)
// and a From address. An empty URL is no email, and from is then ignored.
// Errors never repeat the password.
func ParseConfig(raw, from string) (Config, error) {
	if raw == "" {
		return Config{}, nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return Config{}, fmt.Errorf("-smtp-url: not a URL; want smtp://user:password@host:587 or smtps://user:password@host:465")
	}
	var c Config
	switch u.Scheme {
	case "smtp":
		c.Port = 587
	case "smtps":
		c.TLS, c.Port = true, 465
	default:
		return Config{}, fmt.Errorf("-smtp-url: scheme %q: want smtp:// (STARTTLS) or smtps:// (TLS)", u.Scheme)
	}
	c.Host = u.Hostname()
	if c.Host == "" {
		return Config{}, fmt.Errorf("-smtp-url: no host")
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return Config{}, fmt.Errorf("-smtp-url: port %q", p)
		}
		c.Port = n
	}
	if u.Path != "" && u.Path != "/" || u.RawQuery != "" {
		return Config{}, fmt.Errorf("-smtp-url: want only scheme, user, password, host and port")
	}
	if u.User != nil {
		c.User = u.User.Username()
		c.Password, _ = u.User.Password()
	}
	if from == "" {
		return Config{}, fmt.Errorf("-smtp-from: the sender's address is needed with -smtp-url")
	}
	a, err := mail.ParseAddress(from)
	if err != nil || a.Name != "" || strings.ContainsAny(a.Address, "\r\n") {
		return Config{}, fmt.Errorf("-smtp-from %q: want an address such as puente@example.org", from)
	}
	c.From = a.Address
	return c, nil
}
