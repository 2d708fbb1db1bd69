package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"time"

	"puente/internal/auth"
)

// gate tells clients where the server is and whether it is up. Every kill
// starts a new generation; a request that fails across a generation change
// was interrupted by the kill, not answered wrongly.
type gate struct {
	mu   sync.Mutex
	base string
	up   chan struct{} // closed while the server is up
	gen  int
}

func newGate() *gate { return &gate{up: make(chan struct{})} }

// wait blocks until the server is up and returns its address and generation.
func (g *gate) wait(ctx context.Context, stop <-chan struct{}) (string, int, error) {
	for {
		g.mu.Lock()
		up, base, gen := g.up, g.base, g.gen
		g.mu.Unlock()
		select {
		case <-up:
		default:
			// Down: wait, then read the new address under the lock.
			select {
			case <-up:
				continue
			case <-stop:
				return "", 0, errStopped
			case <-ctx.Done():
				return "", 0, ctx.Err()
			}
		}
		return base, gen, nil
	}
}

func (g *gate) open(base string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.base = base
	close(g.up)
}

// shut marks the server down before it is killed.
func (g *gate) shut() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.up = make(chan struct{})
	g.gen++
}

func (g *gate) generation() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.gen
}

var errStopped = errors.New("stopped")

// client is one signed-in browser: its own cookie jar, connection and,
// on Linux, its own loopback source address, so that the per-address
// sign-in throttle sees separate people as it would in real use.
type client struct {
	id   int
	acct account
	// codes is the run's authenticator app: clients that share an account
	// share its time steps, each used once.
	codes *auth.Authenticator
	http  *http.Client
	tr    *http.Transport
	rng   *rand.Rand
	seq   int
	gen   int // generation of the last request, to drop dead connections
}

func newClient(id int, acct account, seed uint64, codes *auth.Authenticator) *client {
	d := &net.Dialer{Timeout: 10 * time.Second}
	if runtime.GOOS == "linux" {
		d.LocalAddr = &net.TCPAddr{IP: net.IPv4(127, 1, byte(id/250), byte(1+id%250))}
	}
	tr := &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: 2, IdleConnTimeout: 30 * time.Second}
	jar, _ := cookiejar.New(nil) // cookies are per host, not per port: they survive a restart on a new port
	return &client{
		id: id, acct: acct, tr: tr, codes: codes,
		http: &http.Client{Jar: jar, Transport: tr, Timeout: 30 * time.Second,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }},
		rng: rand.New(rand.NewPCG(seed, uint64(id))),
	}
}

// outcome is one request's answer.
type outcome struct {
	status   int
	location string
	dur      time.Duration
	err      error
}

func (c *client) do(ctx context.Context, method, u string, form url.Values) outcome {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return outcome{err: err}
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	start := time.Now()
	res, err := c.http.Do(req)
	if err != nil {
		return outcome{err: err, dur: time.Since(start)}
	}
	_, err = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return outcome{status: res.StatusCode, location: res.Header.Get("Location"), dur: time.Since(start), err: err}
}

// signIn signs the client in, retrying while kills interrupt it: the
// password, then (every generated manager has a second factor) a code
// from the run's authenticator. A refusal (wrong password or code,
// throttled) is returned as an error.
func (c *client) signIn(ctx context.Context, g *gate, stop <-chan struct{}) error {
	for attempt := 0; attempt < 20; attempt++ {
		base, gen, err := g.wait(ctx, stop)
		if err != nil {
			return err
		}
		c.dropDeadConns(gen)
		o := c.do(ctx, http.MethodPost, base+"/login", url.Values{"email": {c.acct.email}, "password": {genPassword}})
		if o.err == nil && o.status == http.StatusSeeOther && o.location == "/login/code" {
			err := c.codes.Use(ctx, c.acct.email, genTOTPSecret, func(code string) error {
				o = c.do(ctx, http.MethodPost, base+"/login/code", url.Values{"code": {code}})
				return nil
			})
			if err != nil {
				return fmt.Errorf("sign in %s: %w", c.acct.email, err)
			}
		}
		switch {
		case o.err != nil && g.generation() != gen:
			continue // killed meanwhile: try on the next server
		case o.err != nil:
			return fmt.Errorf("sign in %s: %w", c.acct.email, o.err)
		case o.status != http.StatusSeeOther || o.location != "/":
			return fmt.Errorf("sign in %s: got %d to %q, want 303 to /", c.acct.email, o.status, o.location)
		}
		return nil
	}
	return fmt.Errorf("sign in %s: interrupted 20 times", c.acct.email)
}

// dropDeadConns forgets pooled connections to a server that was killed.
func (c *client) dropDeadConns(gen int) {
	if gen != c.gen {
		c.tr.CloseIdleConnections()
		c.gen = gen
	}
}
