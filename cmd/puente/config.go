package main

import (
	"flag"
	"fmt"
	"io"
	"net/netip"
	"net/url"
	"strings"

	"puente/internal/i18n"
	"puente/internal/mail"
)

// config is everything the command line and environment can set.
type config struct {
	addr           string
	dbPath         string
	keyFile        string
	baseURL        string
	demo           bool
	demoLang       i18n.Lang
	trustedProxies []netip.Prefix
	backups        backupConfig
	// mail is the SMTP server and From address; zero: no email.
	mail mail.Config
	// setupToken fixes the first-run setup token (scripted installs);
	// empty: a random one is made on each start until setup is done.
	setupToken string
}

// parseConfig reads flags, each falling back to an environment variable
// and then a default. Flags win over the environment.
func parseConfig(args []string, getenv func(string) string, out io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("puente", flag.ContinueOnError)
	fs.SetOutput(out)
	env := func(name, def string) string {
		if v := getenv(name); v != "" {
			return v
		}
		return def
	}
	var proxies, demoLang, smtpURL, smtpFrom string
	fs.StringVar(&c.addr, "addr", env("PUENTE_ADDR", "127.0.0.1:8080"), "address to listen on (PUENTE_ADDR)")
	fs.StringVar(&c.dbPath, "db", env("PUENTE_DB", "./puente.db"), "SQLite database file, created on first start (PUENTE_DB)")
	fs.StringVar(&c.keyFile, "key-file", env("PUENTE_KEY_FILE", ""), "file holding the key that encrypts sensitive fields; created (mode 0600) on first start if absent (PUENTE_KEY_FILE; default DB.key)")
	fs.StringVar(&c.baseURL, "base-url", env("PUENTE_BASE_URL", ""), "public address used in links; https:// turns on Secure cookies and HSTS (PUENTE_BASE_URL; default http:// and the address listened on)")
	fs.BoolVar(&c.demo, "demo", env("PUENTE_DEMO", "") == "1", "fill an EMPTY database with the demo data set, then serve (PUENTE_DEMO=1)")
	fs.StringVar(&demoLang, "demo-lang", env("PUENTE_DEMO_LANG", "en"), "language of the demo's free text (courts, places, notes): en or es (PUENTE_DEMO_LANG)")
	fs.StringVar(&c.setupToken, "setup-token", env("PUENTE_SETUP_TOKEN", ""), "the first-run setup token, at least 32 characters (PUENTE_SETUP_TOKEN; default: a random one, printed on the console)")
	fs.StringVar(&proxies, "trusted-proxies", env("PUENTE_TRUSTED_PROXIES", ""), "comma-separated addresses or CIDRs of reverse proxies whose X-Forwarded-For is believed (PUENTE_TRUSTED_PROXIES)")
	fs.StringVar(&smtpURL, "smtp-url", env("PUENTE_SMTP_URL", ""), "SMTP server for invitations, reset links and digests: smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465; prefer the environment, which ps does not show (PUENTE_SMTP_URL; default: no email, links shown on screen)")
	fs.StringVar(&smtpFrom, "smtp-from", env("PUENTE_SMTP_FROM", ""), "the From address of Puente's email, needed with -smtp-url (PUENTE_SMTP_FROM)")
	backupFlags := addBackupFlags(fs, env)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: puente [serve] [flags]\n\nPuente: a case tracker for people who sponsor asylum seekers.\nOther commands: puente help.\n\n"+
			"First run: with no account yet, Puente prints a one-time setup link (/setup?token=...) on this console;\n"+
			"/setup answers 404 without it. Open it to create the first account and organisation.\n"+
			"With -base-url set, requests for any other host name are refused (421 Misdirected Request);\n"+
			"without it, a server listening on a loopback address answers only to localhost, 127.0.0.1 and [::1].\n\nFlags:\n")
		fs.PrintDefaults()
	}
	var err error
	if err = fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q (see -h)", fs.Arg(0))
	}
	var ok bool
	if c.demoLang, ok = i18n.Parse(demoLang); !ok {
		return c, fmt.Errorf("-demo-lang %q: want en or es", demoLang)
	}
	if c.keyFile == "" {
		c.keyFile = c.dbPath + ".key"
	}
	if c.backups, err = backupFlags(); err != nil {
		return c, err
	}
	if c.mail, err = mail.ParseConfig(smtpURL, smtpFrom); err != nil {
		return c, err
	}
	// An empty base URL is derived from the address actually bound (see
	// run), so that port 0 and wildcard addresses still give working links.
	if c.baseURL != "" {
		u, err := url.Parse(c.baseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return c, fmt.Errorf("-base-url %q: want http://host[:port] or https://host[:port]", c.baseURL)
		}
		c.baseURL = strings.TrimRight(c.baseURL, "/")
	}
	if c.setupToken != "" && len(c.setupToken) < 32 {
		return c, fmt.Errorf("-setup-token: use at least 32 characters")
	}
	for _, p := range strings.Split(proxies, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if !strings.Contains(p, "/") {
			a, err := netip.ParseAddr(p)
			if err != nil {
				return c, fmt.Errorf("-trusted-proxies: %q is not an address or CIDR", p)
			}
			p = netip.PrefixFrom(a, a.BitLen()).String()
		}
		pre, err := netip.ParsePrefix(p)
		if err != nil {
			return c, fmt.Errorf("-trusted-proxies: %q is not an address or CIDR", p)
		}
		c.trustedProxies = append(c.trustedProxies, pre.Masked())
	}
	return c, nil
}
