package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

// benchPage measures the server's own time for one page: the handler is
// called directly, so the figure leaves out the network and the client.
func benchPage(b *testing.B, path string, cookies []*http.Cookie, wantStatus int) {
	b.Helper()
	e := newEnv(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		for _, c := range cookies {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		e.srv.ServeHTTP(rec, req)
		if rec.Code != wantStatus {
			b.Fatalf("GET %s: got %d, want %d", path, rec.Code, wantStatus)
		}
	}
	reportCPU(b, cpu0)
}

func BenchmarkLoginPage(b *testing.B) {
	benchPage(b, "/login", nil, http.StatusOK)
}

func BenchmarkHomePage(b *testing.B) {
	for _, tc := range []struct{ name, email string }{
		{"network-admin", emailNetAdmin},
		{"group-coordinator", emailAlphaCoord},
	} {
		b.Run(tc.name, func(b *testing.B) {
			e := newEnv(b)
			c := e.signIn(tc.email)
			u, _ := url.Parse(e.ts.URL)
			cookies := c.http.Jar.Cookies(u)
			serveBench(b, e, cookies, "/")
		})
	}
}
