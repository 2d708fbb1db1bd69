package web

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"puente/internal/digest"
	"puente/internal/mail"
	"puente/internal/mail/mailtest"
	"puente/internal/model"
)

// emailEnv is a server that sends email, through a sender the test drives,
// to a real SMTP server on loopback.
func emailEnv(t *testing.T) (*testEnv, *mailtest.Server, *mail.Sender) {
	e, smtpd, sender, _ := emailEnvWoken(t)
	return e, smtpd, sender
}

// emailEnvWoken is emailEnv that also counts how often requests woke the
// sender.
func emailEnvWoken(t *testing.T) (*testEnv, *mailtest.Server, *mail.Sender, *int) {
	t.Helper()
	smtpd := mailtest.Start(t)
	cfg, err := mail.ParseConfig(smtpd.URL(), "puente@example.org")
	if err != nil {
		t.Fatal(err)
	}
	var sender *mail.Sender
	woken := new(int)
	e := newEnv(t, func(c *Config) { c.Mail, c.MailWake = true, func() { *woken++ } })
	sender = mail.NewSender(cfg, e.st, slog.New(slog.NewTextHandler(e.logs, nil)))
	return e, smtpd, sender, woken
}

// emHTML fails unless body holds the HTML fragment want as it is.
func emHTML(t *testing.T, label, body, want string) {
	t.Helper()
	if !strings.Contains(body, want) {
		t.Errorf("%s: body does not contain %s; body: %.600s", label, want, secSnippet(body))
	}
}

// TestEmailLinksAreSent: on a server that sends email, an invitation and a
// password-reset link each arrive at a real SMTP server, addressed to the
// person, carrying the same working link as the page (folded there, for
// when the message does not arrive), and the page says it was sent.
func TestEmailLinksAreSent(t *testing.T) {
	e, smtpd, sender, woken := emailEnvWoken(t)
	ctx := context.Background()
	alpha := e.orgs["alpha"]
	coord := e.signIn(emailAlphaCoord)

	res := coord.post("/orgs/"+alpha.ID+"/invitations", url.Values{"email": {"newcomer@example.org"}, "role": {"member"}})
	secStatus(t, "invite", res, http.StatusOK)
	secHas(t, "invite page", res.body, "We sent an invitation to newcomer@example.org")
	emHTML(t, "invite page", res.body, "<details")
	invToken := secLinkToken(t, res.body, "invite")

	member := secUser(t, e, emailAlphaMem)
	res = coord.post("/orgs/"+alpha.ID+"/members/"+member.ID+"/reset", url.Values{})
	secStatus(t, "reset", res, http.StatusOK)
	secHas(t, "reset page", res.body, "by email")
	resetToken := secLinkToken(t, res.body, "reset")

	if *woken != 2 {
		t.Errorf("the sender was woken %d times, want 2 (once per link)", *woken)
	}
	if got := len(smtpd.Messages()); got != 0 {
		t.Errorf("%d messages sent by the requests themselves, want 0 (the sender sends)", got)
	}
	if sent, failed := sender.SendDue(ctx); sent != 2 || failed != 0 {
		t.Fatalf("sent %d, failed %d; want 2, 0", sent, failed)
	}
	msgs := smtpd.Wait(t, 2, 5*time.Second)
	byTo := map[string][]byte{}
	for _, m := range msgs {
		byTo[strings.Join(m.To, ",")] = []byte(m.Text())
	}
	inv, rst := byTo["newcomer@example.org"], byTo[emailAlphaMem]
	if !bytes.Contains(inv, []byte(e.srv.cfg.BaseURL+"/invite/"+invToken)) {
		t.Errorf("the invitation does not carry the page's link:\n%s", inv)
	}
	if !bytes.Contains(rst, []byte(e.srv.cfg.BaseURL+"/reset/"+resetToken)) {
		t.Errorf("the reset message does not carry the page's link:\n%s", rst)
	}
	// Neither names the organisation, the issuer or the person.
	for _, m := range [][]byte{inv, rst} {
		for _, name := range []string{alpha.Name, member.Name, "Alpha"} {
			if bytes.Contains(m, []byte(name)) {
				t.Errorf("a message names %q:\n%s", name, m)
			}
		}
	}
	// The links work as today: checked at use.
	anon := e.client()
	secStatus(t, "emailed invitation", anon.get("/invite/"+invToken), http.StatusOK)
	secStatus(t, "emailed reset", anon.get("/reset/"+resetToken), http.StatusOK)
	if n := e.count("outbox"); n != 2 {
		t.Errorf("outbox rows %d, want 2", n)
	}
}

// TestNoEmailWithoutSMTP: without SMTP settings nothing is queued, the
// pages show the link as before, and nobody may choose a digest.
func TestNoEmailWithoutSMTP(t *testing.T) {
	e := newEnv(t)
	alpha := e.orgs["alpha"]
	coord := e.signIn(emailAlphaCoord)
	res := coord.post("/orgs/"+alpha.ID+"/invitations", url.Values{"email": {"newcomer@example.org"}, "role": {"member"}})
	secStatus(t, "invite", res, http.StatusOK)
	secHas(t, "invite page", res.body, "Send this link to newcomer@example.org")
	if strings.Contains(res.body, "<details") || strings.Contains(res.body, "We sent") {
		t.Errorf("the link page says it was sent without SMTP")
	}
	secLinkToken(t, res.body, "invite")
	member := secUser(t, e, emailAlphaMem)
	res = coord.post("/orgs/"+alpha.ID+"/members/"+member.ID+"/reset", url.Values{})
	secHas(t, "reset page", res.body, "Give this link to")
	if n := e.count("outbox"); n != 0 {
		t.Errorf("outbox rows %d without SMTP", n)
	}
	m := e.signIn(emailAlphaMem)
	secHas(t, "account", m.get("/account").body, "This server does not send email")
	res = m.post("/account/digest", url.Values{"digest": {"daily"}})
	secStatus(t, "digest without SMTP", res, http.StatusUnprocessableEntity)
	if d, _ := e.st.UserDigest(context.Background(), member.ID); d != model.DigestNone {
		t.Errorf("digest %q saved without SMTP", d)
	}
	res = m.post("/account/digest", url.Values{"digest": {"none"}})
	secStatus(t, "digest none", res, http.StatusSeeOther)
}

// TestDigestChoice: a member chooses a digest on the account page; a value
// that is not a choice answers 422 with the error summary and changes
// nothing; the page shows the choice made; Spanish has its words.
func TestDigestChoice(t *testing.T) {
	e, _, _ := emailEnv(t)
	ctx := context.Background()
	member := secUser(t, e, emailAlphaMem)
	m := e.signIn(emailAlphaMem)
	page := m.get("/account")
	emHTML(t, "account", page.body, `id="digest-daily"`)
	secHas(t, "account", page.body, "never a name")
	res := m.post("/account/digest", url.Values{"digest": {"hourly"}})
	secStatus(t, "bad digest", res, http.StatusUnprocessableEntity)
	emHTML(t, "bad digest", res.body, "error-summary")
	emHTML(t, "bad digest", res.body, `id="digest-error"`)
	if d, _ := e.st.UserDigest(ctx, member.ID); d != model.DigestNone {
		t.Errorf("digest %q after a refused choice", d)
	}
	res = m.post("/account/digest", url.Values{"digest": {"weekly"}})
	secStatus(t, "weekly", res, http.StatusSeeOther)
	if d, _ := e.st.UserDigest(ctx, member.ID); d != model.DigestWeekly {
		t.Errorf("digest %q, want weekly", d)
	}
	emHTML(t, "account after", m.get("/account").body, `value="weekly" checked`)
	m.post("/lang", url.Values{"lang": {"es"}, "return": {"/account"}})
	secHas(t, "cuenta", m.get("/account").body, "Cada lunes")
}

// TestEmailCanary: alpha's canary case (a marker in every field: names,
// A-numbers, address, court, places, notes, commitments) and a member who
// chose a daily digest: the digest, an invitation and a reset link reach the
// SMTP server, and not one byte of any message, headers included, holds a
// marker. The digest does carry the case code, counts and links.
func TestEmailCanary(t *testing.T) {
	e, smtpd, sender := emailEnv(t)
	pvFixClock(e)
	cn := pvSeedCanary(t, e)
	ctx := context.Background()
	member := secUser(t, e, emailAlphaMem)
	m := e.signIn(emailAlphaMem)
	secStatus(t, "daily", m.post("/account/digest", url.Values{"digest": {"daily"}}), http.StatusSeeOther)
	coord := e.signIn(emailAlphaCoord)
	alpha := e.orgs["alpha"]
	coord.post("/orgs/"+alpha.ID+"/invitations", url.Values{"email": {"zq.new@example.org"}, "role": {"member"}})
	coord.post("/orgs/"+alpha.ID+"/members/"+member.ID+"/reset", url.Values{})

	runner := &digest.Runner{Store: e.st, Now: func() time.Time { return pvNow.Add(6 * time.Hour) }, BaseURL: e.srv.cfg.BaseURL,
		Log: slog.New(slog.NewTextHandler(e.logs, nil))}
	if n, err := runner.Tick(ctx); err != nil || n != 1 {
		t.Fatalf("digests queued %d, %v; want 1", n, err)
	}
	sender.SendDue(ctx)
	msgs := smtpd.Wait(t, 3, 5*time.Second)
	markers := append(append([]string{}, cn.plain...), cn.sensitive...)
	var digestMsg []byte
	for _, msg := range msgs {
		// The raw bytes, and the text decoded (a soft line break of
		// quoted-printable could split a marker in the raw bytes).
		text := []byte(msg.Text())
		for _, mk := range markers {
			low := bytes.ToLower([]byte(mk))
			if bytes.Contains(bytes.ToLower(msg.Data), low) || bytes.Contains(bytes.ToLower(text), low) {
				t.Errorf("message to %v holds marker %q", msg.To, mk)
			}
		}
		if bytes.Contains(text, []byte("digest")) {
			digestMsg = text
		}
	}
	if digestMsg == nil {
		t.Fatal("no digest arrived")
	}
	for _, want := range []string{cn.code, "/cases/" + cn.id, "due in the next 14 days"} {
		if !bytes.Contains(digestMsg, []byte(want)) {
			t.Errorf("the digest lacks %q:\n%s", want, digestMsg)
		}
	}
	if strings.Contains(e.logs.String(), emailAlphaMem) || strings.Contains(e.logs.String(), "zq.new@") {
		t.Errorf("the log names a mailbox")
	}
}

// TestEmailStatusOnAdminsPage: the network admin's page (where backups
// show) says how email is doing: a failed attempt's class and time, what
// waits; a group coordinator inside the network does not see it.
func TestEmailStatusOnAdminsPage(t *testing.T) {
	e, smtpd, sender := emailEnv(t)
	ctx := context.Background()
	smtpd.Refuse(1)
	if err := e.st.EnqueueEmail(ctx, model.EmailDigest, model.Email{To: "x@example.org", Subject: "s", Body: "b"}); err != nil {
		t.Fatal(err)
	}
	sender.SendDue(ctx)
	admin := e.signIn(emailNetAdmin)
	page := admin.get("/orgs/" + e.orgs["network"].ID)
	emHTML(t, "admin page", page.body, `id="mail-heading"`)
	secHas(t, "admin page", page.body, "smtp 451")
	secHas(t, "admin page", page.body, "Messages waiting to be sent: 1 (after a failed attempt: 1).")
	if strings.Contains(page.body, "x@example.org") {
		t.Error("the admin's page shows an address")
	}
	coord := e.signIn(emailAlphaCoord)
	if body := coord.get("/orgs/" + e.orgs["alpha"].ID).body; strings.Contains(body, `id="mail-heading"`) {
		t.Error("a group coordinator in a network sees the email status")
	}
}
