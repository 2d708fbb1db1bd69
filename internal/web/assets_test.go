package web

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"strings"
	"testing"

	"puente/ui"
)

// TestStaticAddressesCarryTheirHash: every page names the stylesheet,
// script and icon by an address holding their content's hash, so a page
// served after an upgrade never meets a browser's old copy; that address
// serves the file with a year's immutable caching, an address without
// the current hash (an older page) an hour's.
func TestStaticAddressesCarryTheirHash(t *testing.T) {
	e := newEnv(t)
	anon := e.client()
	login := anon.get("/login")
	for _, name := range []string{"app.css", "app.js", "favicon.svg"} {
		b, err := fs.ReadFile(ui.Static, "static/"+name)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		addr := "/static/" + name + "?v=" + hex.EncodeToString(sum[:])[:12]
		if !strings.Contains(login.body, `"`+addr+`"`) {
			t.Errorf("the sign-in page does not name %s", addr)
		}
		res := anon.get(addr)
		if res.status != http.StatusOK || res.body != string(b) {
			t.Errorf("%s: got %d, %d bytes; want 200 and the embedded file's %d", addr, res.status, len(res.body), len(b))
		}
		if got := res.header.Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
			t.Errorf("%s: Cache-Control %q, want a year, immutable", addr, got)
		}
		for _, old := range []string{"/static/" + name, "/static/" + name + "?v=000000000000"} {
			if got := anon.get(old).header.Get("Cache-Control"); got != "public, max-age=3600" {
				t.Errorf("%s: Cache-Control %q, want an hour", old, got)
			}
		}
	}
	if strings.Contains(login.body, `"/static/app.css"`) {
		t.Errorf("the sign-in page names the stylesheet without its version")
	}
}
