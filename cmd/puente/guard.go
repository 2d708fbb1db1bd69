package main

import (
	"context"
	"net"
	"net/url"
	"strconv"

	"puente/internal/auth"
	"puente/internal/store"
)

// setupToken is the first-run setup token: none once an account exists
// (the demo, or any used database), else fixed (-setup-token) or random.
// Only whoever reads this server's console can then set it up.
func setupToken(ctx context.Context, st *store.Store, fixed string) (string, error) {
	done, err := st.HasUsers(ctx)
	if err != nil || done {
		return "", err
	}
	if fixed != "" {
		return fixed, nil
	}
	return auth.NewToken(), nil
}

// allowedHosts are the Host values the server answers, against DNS
// rebinding: with -base-url, its host (and host:port with the scheme's
// default port when it names none); without it, on a loopback listener,
// the loopback names with the bound port; otherwise (a LAN address with
// no -base-url) any host.
func allowedHosts(baseURL string, addr net.Addr) []string {
	if baseURL != "" {
		u, err := url.Parse(baseURL)
		if err != nil {
			return nil
		}
		hosts := []string{u.Host}
		if u.Port() == "" {
			port := "80"
			if u.Scheme == "https" {
				port = "443"
			}
			hosts = append(hosts, net.JoinHostPort(u.Hostname(), port))
		}
		return hosts
	}
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || !tcp.IP.IsLoopback() {
		return nil
	}
	port := strconv.Itoa(tcp.Port)
	return []string{net.JoinHostPort("localhost", port), net.JoinHostPort("127.0.0.1", port), net.JoinHostPort("::1", port)}
}
