package main

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"testing"
	"time"

	"puente/internal/auth"
	"puente/internal/demo"
)

func writeFile(path string, b []byte) error { return os.WriteFile(path, b, 0o600) }

// demoCodes is the authenticator app of the demo accounts that sign in
// with a code (demo.TOTPSecret), shared by the tests of this package.
var demoCodes = &auth.Authenticator{}

// demoSignIn signs c (which follows redirects and keeps cookies) in at base
// as the demo account email, with its code when it needs one, and returns
// the page it lands on.
func demoSignIn(t *testing.T, c *http.Client, base, email string) (int, string) {
	t.Helper()
	res, err := c.PostForm(base+"/login", url.Values{"email": {email}, "password": {demo.Password}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.Request.URL.Path != "/login/code" {
		return res.StatusCode, string(body)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	code, err := demoCodes.Code(ctx, base+" "+email, demo.TOTPSecret)
	if err != nil {
		t.Fatal(err)
	}
	res, err = c.PostForm(base+"/login/code", url.Values{"code": {code}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	return res.StatusCode, string(body)
}
