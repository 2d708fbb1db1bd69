package web

import (
	"net/url"
	"regexp"
	"testing"
)

var navHereRE = regexp.MustCompile(`data-nav="([a-z-]+)" aria-current="page"`)

// TestNavMarksTheSection: the navigation marks the section a page is in
// (aria-current="page"), for pages under it and for a form refused with
// 422 too: the review found a rejected "New case" (POST /cases) marking
// Home as the current page.
func TestNavMarksTheSection(t *testing.T) {
	e := newEnv(t)
	coord := e.signIn(emailAlphaCoord)
	c := e.cases["alpha"]
	here := func(body string) []string {
		var ids []string
		for _, m := range navHereRE.FindAllStringSubmatch(body, -1) {
			ids = append(ids, m[1])
		}
		return ids
	}
	for _, tt := range []struct {
		label, method, path string
		form                url.Values
		status              int
		want                string
	}{
		{"home", "GET", "/", nil, s200, "home"},
		{"cases list", "GET", "/cases", nil, s200, "cases"},
		{"a case", "GET", "/cases/" + c.ID, nil, s200, "cases"},
		{"new case refused", "POST", "/cases", url.Values{"code": {""}}, 422, "cases"},
		{"new commitment refused", "POST", "/cases/" + c.ID + "/commitments", url.Values{"kind": {"nonsense"}}, 422, "cases"},
		{"calendar", "GET", "/calendar", nil, s200, "calendar"},
		{"account", "GET", "/account", nil, s200, "account"},
	} {
		var r response
		if tt.method == "GET" {
			r = coord.get(tt.path)
		} else {
			r = coord.post(tt.path, tt.form)
		}
		if r.status != tt.status {
			t.Errorf("%s: %s %s answered %d, want %d", tt.label, tt.method, tt.path, r.status, tt.status)
			continue
		}
		if got := here(r.body); len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s: %s %s marks %v as the current page, want [%s]", tt.label, tt.method, tt.path, got, tt.want)
		}
	}
}
