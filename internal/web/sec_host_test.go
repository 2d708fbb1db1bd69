package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// secAllowHost serves only host (and host:443).
func secAllowHost(host string) envOption {
	return func(c *Config) { c.AllowedHosts = []string{host, host + ":443"} }
}

// secAs sends method path with the Host header host and the Origin origin
// ("" for none), as a DNS-rebinding page in a browser would.
func secAs(c *client, method, path, host, origin string, form url.Values) response {
	c.t.Helper()
	req, err := http.NewRequest(method, c.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Host = host
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	return c.do(req)
}

// Issue 8, section 4: a /setup POST with a foreign Host and a matching
// Origin (DNS rebinding) completed setup on a fresh install. With the
// public host configured, any other Host is refused with 421 before a
// handler runs, whatever the request carries (the setup token included).
func TestSecDNSRebindingRefused(t *testing.T) {
	t.Parallel()
	const host = "puente.example.org"
	e := newEmptyEnv(t, secAllowHost(host))
	c := e.client()
	setup := url.Values{"org_name": {"Rebound"}, "org_kind": {"network"}, "time_zone": {"America/Chicago"}, "name": {"Eve Intruder"},
		"email": {"eve@evil.example"}, "password": {inOtherPassword}, "password_confirm": {inOtherPassword}}
	before := secCounts(e)
	for _, evil := range []string{"evil.example", "evil.example:80", "puente.example.org.evil.example", "127.0.0.1"} {
		res := secAs(c, http.MethodPost, e.setupPath(), evil, "http://"+evil, setup)
		secStatus(t, "setup with Host "+evil, res, http.StatusMisdirectedRequest)
		secHas(t, "setup with Host "+evil, res.body, "This server does not answer to this name.")
		secCheckHeaders(t, "421", res.header)
		secStatus(t, "GET / with Host "+evil, secAs(c, http.MethodGet, "/login", evil, "", nil), http.StatusMisdirectedRequest)
	}
	secSameCounts(t, "rebinding attempts", before, secCounts(e))
	// The health check answers any Host: it reads and changes nothing.
	if res := secAs(c, http.MethodGet, "/healthz", "127.0.0.1", "", nil); res.status != http.StatusOK {
		t.Errorf("healthz with another Host: got %d, want 200", res.status)
	}
	// The real host, in any case and with its port, is served.
	secStatus(t, "setup page on the real host", secAs(c, http.MethodGet, e.setupPath(), "Puente.Example.org:443", "", nil), http.StatusOK)
	res := secAs(c, http.MethodPost, e.setupPath(), host, "https://"+host, setup)
	secRedirect(t, "setup on the real host", res, "/")
}
