package web

import (
	"net/url"
	"testing"
)

func FuzzExportForm(f *testing.F) {
	fzFormTarget[exportForm](f, url.Values{"format": {"json"}})
}

// FuzzPrivacyPosts sends raw bodies to the data-subject export and to the
// purge of a closed case as alpha's coordinator: whatever the body, no 5xx
// and no internal error text (the purge succeeds once, then answers 409).
func FuzzPrivacyPosts(f *testing.F) {
	for i, form := range []url.Values{{"format": {"page"}}, {"format": {"json"}}, {}} {
		fzAddSeeds(f, form, uint8(i))
	}
	e := newEnv(f)
	coord := fzSignedIn(e, emailAlphaCoord)
	c := e.cases["alpha"]
	closed := e.freshClosedCase(c)
	paths := []string{"/cases/" + c.ID + "/people/" + e.principal(c) + "/export", "/cases/" + closed.ID + "/purge", "/cases/" + c.ID + "/purge"}
	f.Fuzz(func(t *testing.T, body string, which uint8) {
		path := paths[int(which)%len(paths)]
		fzCheckResponse(t, "POST "+path, body, coord.post(path, body))
	})
}
