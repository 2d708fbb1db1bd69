package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzIntakeAPIPost: whatever the body, the intake API answers JSON below
// 500 and never shows internal error text.
func FuzzIntakeAPIPost(f *testing.F) {
	f.Add(`{"entries":[{"external_ref":"R-1","pseudonym":"M.G.","adults":2,"child_ages":[4],"anumber":"A012-345-678"}]}`)
	f.Add(`{"entries":[{"external_ref":"R-2","pseudonym":"","adults":-1,"languages":["xx"],"detained_since":"2999-13-01"}]}`)
	f.Add(`{"entries":[{"external_ref":"R-3","pseudonym":"A","adults":1e9}]}`)
	f.Add(`{"entries":null}`)
	f.Add(`[]`)
	e := newEnv(f, func(c *Config) { c.APILimit = 1 << 30 })
	secret, _ := newAPIToken(f, e, e.orgs["network"], e.userID(emailNetAdmin))
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest(http.MethodPost, "/api/v1/intake", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+secret)
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		e.srv.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("body %q: got %d, want below 500; %s", body, rec.Code, rec.Body.String())
		}
		if !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
			t.Fatalf("body %q: got Content-Type %q, want JSON", body, rec.Header().Get("Content-Type"))
		}
	})
}
