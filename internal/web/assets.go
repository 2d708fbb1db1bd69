package web

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"

	"puente/ui"
)

// Static files are addressed with their content's hash: /static/app.css?v=
// followed by the first 12 hex digits of its SHA-256. A page served after
// an upgrade names the new file, so no browser keeps the old stylesheet or
// script beside new pages; an address with the current hash may be kept a
// year (immutable), any other (an older page, no ?v=) an hour.

// assetVersions are the hashes of the files under ui/static, by name
// ("app.css"), computed once from the embedded files.
var assetVersions = func() map[string]string {
	v := map[string]string{}
	err := fs.WalkDir(ui.Static, "static", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(ui.Static, path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		v[path[len("static/"):]] = hex.EncodeToString(sum[:])[:12]
		return nil
	})
	if err != nil {
		panic(err)
	}
	return v
}()

// assetURL is the address of static file name with its version
// ("/static/app.css?v=3f1c…"); without a version for a name not embedded.
func assetURL(name string) string {
	if v, ok := assetVersions[name]; ok {
		return "/static/" + name + "?v=" + v
	}
	return "/static/" + name
}

// Asset is assetURL for the page templates: {{.Asset "app.css"}}.
func (d *templateData) Asset(name string) string { return assetURL(name) }

// staticCacheControl is how long a browser keeps the static file r asks
// for: a year for the current version's address, an hour otherwise.
func staticCacheControl(r *http.Request) string {
	name := r.URL.Path[len("/static/"):]
	if v, ok := assetVersions[name]; ok && r.URL.Query().Get("v") == v {
		return "public, max-age=31536000, immutable"
	}
	return "public, max-age=3600"
}
