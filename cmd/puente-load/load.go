package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"syscall"
	"time"
)

// request is one step of the mix.
type request struct {
	method, path, pattern string
	form                  url.Values
	write                 bool
	want                  int
	wantLocation          string
	ack                   *ack
}

// next picks the client's next request: a write with probability share
// (four in five an invitation with a fresh email, else a language switch),
// otherwise one of five pages, always on an organisation the account
// manages (the case list shows the current group's cases, or a network's
// counts).
func (c *client) next(share float64) request {
	t := c.acct.targets[c.rng.IntN(len(c.acct.targets))]
	org := "/orgs/" + t.orgID
	if c.rng.Float64() < share {
		if c.rng.IntN(5) < 4 {
			c.seq++
			email := fmt.Sprintf("c%d.n%d@load.example.org", c.id, c.seq)
			return request{method: http.MethodPost, path: org + "/invitations", pattern: "POST /orgs/{id}/invitations",
				form: url.Values{"email": {email}, "role": {string(t.role)}}, write: true, want: http.StatusOK,
				ack: &ack{orgID: t.orgID, email: email}}
		}
		lang := []string{"en", "es"}[c.rng.IntN(2)]
		return request{method: http.MethodPost, path: "/lang", pattern: "POST /lang",
			form: url.Values{"lang": {lang}, "return": {"/account"}}, write: true, want: http.StatusSeeOther, wantLocation: "/account"}
	}
	switch c.rng.IntN(5) {
	case 4:
		return request{method: http.MethodGet, path: "/cases", pattern: "GET /cases", want: http.StatusOK}
	case 0:
		return request{method: http.MethodGet, path: "/", pattern: "GET /", want: http.StatusOK}
	case 1:
		return request{method: http.MethodGet, path: org, pattern: "GET /orgs/{id}", want: http.StatusOK}
	case 2:
		return request{method: http.MethodGet, path: org + "/security", pattern: "GET /orgs/{id}/security", want: http.StatusOK}
	default:
		return request{method: http.MethodGet, path: "/account", pattern: "GET /account", want: http.StatusOK}
	}
}

// loop sends requests one after another until stop closes. Signing in
// again after a lost session is expected only in crash mode.
func (c *client) loop(ctx context.Context, g *gate, rec *recorder, stop <-chan struct{}, share float64, crash bool) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		base, gen, err := g.wait(ctx, stop)
		if err != nil {
			return
		}
		c.dropDeadConns(gen)
		rq := c.next(share)
		o := c.do(ctx, rq.method, base+rq.path, rq.form)
		lost := (rq.method == http.MethodGet && o.status == http.StatusSeeOther && o.location == "/login") ||
			(rq.method == http.MethodPost && o.status == http.StatusUnauthorized)
		switch {
		case o.err != nil && g.generation() != gen:
			rec.interrupt(gen)
		case o.err != nil:
			if ctx.Err() != nil {
				return
			}
			rec.failed(gen, rq.pattern+": "+describe(o.err))
		case lost:
			if crash {
				rec.relogin()
			} else {
				rec.failed(gen, rq.pattern+": session lost")
			}
			if err := c.signIn(ctx, g, stop); err != nil {
				if !errors.Is(err, errStopped) && ctx.Err() == nil {
					rec.failed(gen, "sign in again: "+err.Error())
				}
				return
			}
		case o.status != rq.want || (rq.wantLocation != "" && o.location != rq.wantLocation):
			rec.failed(gen, fmt.Sprintf("%s: status %d", rq.pattern, o.status))
		default:
			rec.answered(gen, rq.pattern, rq.write, o.dur, rq.ack)
		}
	}
}

// describe names a transport error without the addresses and ports that
// would make every occurrence distinct.
func describe(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, syscall.ECONNRESET):
		return "connection reset"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "connection closed"
	case errors.Is(err, os.ErrDeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Sprintf("%T: %v", ue.Err, ue.Err)
	}
	return err.Error()
}

// healthy waits until the server's health check answers ok and returns how
// long that took.
func healthy(ctx context.Context, base string) (time.Duration, error) {
	start := time.Now()
	c := &http.Client{Timeout: 5 * time.Second}
	for time.Since(start) < 30*time.Second {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/healthz", nil)
		res, err := c.Do(req)
		if err == nil {
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode == http.StatusOK && string(b) == "ok" {
				return time.Since(start), nil
			}
		}
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		time.Sleep(20 * time.Millisecond)
	}
	return 0, errors.New("health check did not answer ok within 30s")
}
