package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestPrivacyRejectedFormsDropSensitiveValues: a form sent back with errors
// (422) shows the plain fields again but never the A-number, date of
// birth, facility or address the user typed, and writes nothing.
func TestPrivacyRejectedFormsDropSensitiveValues(t *testing.T) {
	e := newEnv(t)
	pvFixClock(e)
	c := e.signIn(emailAlphaCoord)
	sensitive := []string{"463728195", "463-728-195", "1988-09-10", "FORMFACILITYMARKER", "FORMADDRESSMARKER"}
	bad := url.Values{
		"status": {"no-such-status"}, "name": {"FORMNAMEMARKER"}, "court": {"FORMCOURTMARKER"},
		"anumber": {"A 463-728-195"}, "dob": {"1988-09-10"}, "facility": {"FORMFACILITYMARKER"}, "address": {"FORMADDRESSMARKER"},
	}
	before := e.count("people")
	res := c.post("/cases", bad)
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("POST /cases with a bad status: got %d, want 422", res.status)
	}
	for _, plain := range []string{"FORMNAMEMARKER", "FORMCOURTMARKER"} {
		if !strings.Contains(res.body, plain) {
			t.Errorf("rejected new-case form: got no %q, want the plain fields kept (control)", plain)
		}
	}
	if found := pvFound(res.body, sensitive); len(found) > 0 {
		t.Errorf("rejected new-case form: got %q, want no sensitive value echoed", found)
	}
	if n := e.count("people"); n != before {
		t.Errorf("people after a rejected form: got %d, want %d", n, before)
	}

	// A bad A-number alone: the message, not the value.
	res = c.post("/cases", url.Values{"status": {"arrived"}, "name": {"FORMNAMEMARKER"}, "anumber": {"A 463-728-19X"},
		"dob": {"1988-09-10"}, "facility": {"FORMFACILITYMARKER"}, "address": {"FORMADDRESSMARKER"}})
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("POST /cases with a bad A-number: got %d, want 422", res.status)
	}
	if found := pvFound(res.body, append(sensitive, "463-728-19X")); len(found) > 0 {
		t.Errorf("rejected new-case form (bad A-number): got %q, want no sensitive value echoed", found)
	}

	// The person form and the case form of an existing case.
	alpha := e.cases["alpha"]
	pid := e.principal(alpha)
	res = c.post("/cases/"+alpha.ID+"/people/"+pid, url.Values{"name": {""}, "anumber": {"463728195"},
		"dob": {"1988-09-10"}, "facility": {"FORMFACILITYMARKER"}})
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("POST person without a name: got %d, want 422", res.status)
	}
	if found := pvFound(res.body, sensitive); len(found) > 0 {
		t.Errorf("rejected person form: got %q, want no sensitive value echoed", found)
	}
	res = c.post("/cases/"+alpha.ID, url.Values{"status": {"bogus"}, "court": {"FORMCOURTMARKER"}, "address": {"FORMADDRESSMARKER"}})
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("POST case with a bad status: got %d, want 422", res.status)
	}
	if !strings.Contains(res.body, "FORMCOURTMARKER") {
		t.Errorf("rejected case form: got no FORMCOURTMARKER, want the court kept (control)")
	}
	if found := pvFound(res.body, sensitive); len(found) > 0 {
		t.Errorf("rejected case form: got %q, want no address echoed", found)
	}
	// Nothing of it was saved: the revealed values are still the seeded ones.
	if got := pvPost(t, c, "/cases/"+alpha.ID+"/people/"+pid+"/reveal", url.Values{"field": {"anumber"}}, http.StatusOK).body; !strings.Contains(got, "A123-456-789") {
		t.Errorf("A-number after rejected forms: got a page without A123-456-789, want the seeded value unchanged")
	}
	if got := pvPost(t, c, "/cases/"+alpha.ID+"/address/reveal", url.Values{}, http.StatusOK).body; !strings.Contains(got, "1 alpha Street") {
		t.Errorf("address after rejected forms: got a page without %q, want the seeded value unchanged", "1 alpha Street")
	}
	if found := pvFound(e.logs.String(), append(sensitive, "FORMNAMEMARKER", "FORMCOURTMARKER")); len(found) > 0 {
		t.Errorf("server log: got %q, want none", found)
	}
}
