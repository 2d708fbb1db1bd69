package main

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"puente/internal/demo"
	"puente/internal/mail/mailtest"
)

// TestRunSendsEmail: the real binary's run with PUENTE_SMTP_URL and
// PUENTE_SMTP_FROM: an invitation made on a page arrives at a real SMTP
// server on loopback, sent by the server's own sender (woken by the
// request, which did not wait for it), and the log says email is on
// without the mailbox.
func TestRunSendsEmail(t *testing.T) {
	smtpd := mailtest.Start(t)
	dbPath := filepath.Join(t.TempDir(), "mail.db")
	addr, out, stop := startRun(t, []string{"-addr", "127.0.0.1:0", "-demo"}, map[string]string{"PUENTE_DB": dbPath,
		"PUENTE_SMTP_URL": smtpd.URL(), "PUENTE_SMTP_FROM": "puente@example.org"})
	defer stop()
	base := "http://" + addr
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 30 * time.Second}
	status, body := demoSignIn(t, c, base, demo.Accounts[2].Email)
	m := orgLinkRE.FindStringSubmatch(body)
	if status != 200 || m == nil {
		t.Fatalf("after sign-in: %d, no invitation link; body %.400s", status, body)
	}
	res, err := c.PostForm(base+"/orgs/"+m[1]+"/invitations", url.Values{"email": {"zq.invited@example.org"}, "role": {"member"}})
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(page), "We sent an invitation") {
		t.Fatalf("invitation: %d; body %.400s", res.StatusCode, page)
	}
	msg := smtpd.Wait(t, 1, 20*time.Second)[0]
	if len(msg.To) != 1 || msg.To[0] != "zq.invited@example.org" || !strings.Contains(msg.Text(), base+"/invite/") {
		t.Errorf("message to %v:\n%s", msg.To, msg.Text())
	}
	if !strings.Contains(out.String(), "email on") || strings.Contains(out.String(), "zq.invited") {
		t.Errorf("log:\n%s", out.String())
	}
}

// TestSMTPConfig: -smtp-url needs -smtp-from, flags win over the
// environment, and a refusal never repeats the password.
func TestSMTPConfig(t *testing.T) {
	env := map[string]string{"PUENTE_SMTP_URL": "smtp://u:envpass@env.example.org", "PUENTE_SMTP_FROM": "env@example.org"}
	c, err := parseConfig([]string{"-smtp-url", "smtps://u:flagpass@flag.example.org"}, func(k string) string { return env[k] }, io.Discard)
	if err != nil || c.mail.Host != "flag.example.org" || !c.mail.TLS || c.mail.From != "env@example.org" {
		t.Errorf("flag over env: %+v, %v", c.mail, err)
	}
	_, err = parseConfig([]string{"-smtp-url", "smtp://u:s3cretpw@mail.example.org"}, func(string) string { return "" }, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "-smtp-from") || strings.Contains(err.Error(), "s3cretpw") {
		t.Errorf("without -smtp-from: %v", err)
	}
	c, err = parseConfig(nil, func(string) string { return "" }, io.Discard)
	if err != nil || c.mail.Enabled() {
		t.Errorf("default: email %v, %v; want off", c.mail.Enabled(), err)
	}
}
