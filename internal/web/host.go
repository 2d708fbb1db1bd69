package web

import (
	"net/http"
	"strings"
)

// checkHost refuses (421 Misdirected Request) every request whose Host
// header is not one of Config.AllowedHosts, before any handler runs. A
// DNS-rebinding page in someone's browser reaches this server under the
// attacker's host name, with a matching Origin that cross-origin checks
// accept; only the Host tells it apart. The health check is exempt: it
// reads nothing and changes nothing, and local probes call it by address.
// With no AllowedHosts, every Host is served.
func (s *Server) checkHost(next http.Handler) http.Handler {
	if len(s.cfg.AllowedHosts) == 0 {
		return next
	}
	allowed := make(map[string]bool, len(s.cfg.AllowedHosts))
	for _, h := range s.cfg.AllowedHosts {
		allowed[normalHost(h)] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allowed[normalHost(r.Host)] && r.URL.Path != "/healthz" {
			s.serveError(w, r, errMisdirected)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// normalHost is a Host value in lower case without a final dot on its name
// ("Puente.Example.org.:443" is "puente.example.org:443").
func normalHost(h string) string {
	h = strings.ToLower(h)
	name, port := h, ""
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.HasSuffix(h, "]") {
		name, port = h[:i], h[i:]
	}
	return strings.TrimSuffix(name, ".") + port
}
