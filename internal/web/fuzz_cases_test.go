package web

import (
	"net/url"
	"testing"
)

// FuzzCasePosts sends raw bodies to every case form as the group's
// coordinator: whatever the body, no 5xx and no internal error text.
func FuzzCasePosts(f *testing.F) {
	forms := []url.Values{
		{"name": {"Ana"}, "status": {"arrived"}, "anumber": {"A-123-456-789"}, "dob": {"1990-01-02"}},
		{"status": {"placement_active"}, "court": {"Court"}, "address": {"1 Street"}},
		{"name": {"Relative"}, "relationship": {"son"}, "last_us_arrival": {"2026-02-30"}},
		{"kind": {"clock_pause"}, "date": {"2026-01-01"}, "end_date": {"2025-12-31"}},
		{"kind": {"individual_hearing"}, "date": {"2026-05-01"}, "time": {"24:00"}},
		{"key": {"x/y"}, "state": {"done"}, "done_on": {"2026-01-01"}},
		{"reason": {"moved"}},
		{"field": {"anumber"}},
	}
	for i, form := range forms {
		fzAddSeeds(f, form, uint8(i))
	}
	e := newEnv(f)
	coord := fzSignedIn(e, emailAlphaCoord)
	c := e.cases["alpha"]
	pid := e.principal(c)
	paths := []string{"/cases", "/cases/" + c.ID, "/cases/" + c.ID + "/people/" + pid, "/cases/" + c.ID + "/facts",
		"/cases/" + c.ID + "/appointments", "/cases/" + c.ID + "/marks", "/cases/" + c.ID + "/close",
		"/cases/" + c.ID + "/people/" + pid + "/reveal"}
	f.Fuzz(func(t *testing.T, body string, which uint8) {
		path := paths[int(which)%len(paths)]
		if path == "/cases/"+c.ID+"/close" {
			return // closing succeeds on a valid body and would end the run's case
		}
		fzCheckResponse(t, "POST "+path, body, coord.post(path, body))
	})
}
