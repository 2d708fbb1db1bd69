package web

import (
	"net/url"
	"testing"
)

// Fuzz targets for the digest choice: its decoder and validator, and its
// POST handler on a server that sends email (every value may be chosen).

func FuzzDigestForm(f *testing.F) {
	fzFormTarget[digestForm](f, url.Values{"digest": {"weekly"}})
}

func FuzzAccountDigestPost(f *testing.F) {
	fzAddSeeds(f, url.Values{"digest": {"daily"}})
	f.Add("digest=hourly")
	e := newEnv(f, func(c *Config) { c.Mail = true })
	user := fzSignedIn(e, emailAlphaMem)
	f.Fuzz(func(t *testing.T, body string) {
		fzCheckResponse(t, "POST /account/digest", body, user.post("/account/digest", body))
	})
}
