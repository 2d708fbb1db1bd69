package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestPrivacyRejectedFormsKeepTypedSensitiveValues: a form sent back with
// errors (422) keeps what the user typed in its sensitive fields (A-number,
// date of birth, facility, address) as it keeps every other field: the
// user's own input of that POST, on a no-store page, not a reveal of a
// stored value (no audit entry). It writes nothing, in English and in
// Spanish, and a form creating something new never says "leave it empty to
// keep it as it is". Stored values never come back into an edit form.
func TestPrivacyRejectedFormsKeepTypedSensitiveValues(t *testing.T) {
	e := newEnv(t)
	pvFixClock(e)
	c := e.signIn(emailAlphaCoord)
	alpha := e.cases["alpha"]
	pid := e.principal(alpha)
	keepHint := map[string][]string{"en": {"keep it as it is"}, "es": {"no cambiar"}}
	for _, lang := range []string{"en", "es"} {
		pvPost(t, c, "/lang", url.Values{"lang": {lang}, "return": {"/"}}, http.StatusSeeOther)
		people, audit := e.count("people"), e.count("audit_log")
		type rejected struct {
			what, path string
			form       url.Values
			kept       []string // value attributes the page must hold
			isNew      bool
		}
		forms := []rejected{
			{"new case, bad stage", "/cases", url.Values{"status": {"no-such-status"}, "name": {"FORMNAMEMARKER"},
				"anumber": {"A 463-728-195"}, "dob": {"1988-09-10"}, "facility": {"FORMFACILITYMARKER"}, "address": {"FORMADDRESSMARKER"}},
				[]string{"FORMNAMEMARKER", "A 463-728-195", "1988-09-10", "FORMFACILITYMARKER", "FORMADDRESSMARKER"}, true},
			{"new case, bad A-number", "/cases", url.Values{"status": {"arrived"}, "name": {"FORMNAMEMARKER"},
				"anumber": {"A 463-728-19X"}, "dob": {"1988-09-10"}, "facility": {"FORMFACILITYMARKER"}, "address": {"FORMADDRESSMARKER"}},
				[]string{"A 463-728-19X", "1988-09-10", "FORMFACILITYMARKER", "FORMADDRESSMARKER"}, true},
			// The reviewer's case: a new family member with a release date
			// in the future; the sensitive fields must survive the fix.
			{"new person, bad release date", "/cases/" + alpha.ID + "/people", url.Values{"name": {"FORMNAMEMARKER"},
				"release_date": {"2099-01-01"}, "anumber": {"463728195"}, "dob": {"2012-03-04"}, "facility": {"FORMFACILITYMARKER"}},
				[]string{"FORMNAMEMARKER", "463728195", "2012-03-04", "FORMFACILITYMARKER"}, true},
			{"edit person, no name", "/cases/" + alpha.ID + "/people/" + pid, url.Values{"name": {""},
				"anumber": {"463728195"}, "dob": {"1988-09-10"}, "facility": {"FORMFACILITYMARKER"}},
				[]string{"463728195", "1988-09-10", "FORMFACILITYMARKER"}, false},
			{"edit case, bad stage", "/cases/" + alpha.ID, url.Values{"status": {"bogus"}, "court": {"FORMCOURTMARKER"},
				"address": {"FORMADDRESSMARKER"}},
				[]string{"FORMCOURTMARKER", "FORMADDRESSMARKER"}, false},
		}
		for _, f := range forms {
			res := c.post(f.path, f.form)
			if res.status != http.StatusUnprocessableEntity {
				t.Fatalf("%s %s: got %d, want 422", lang, f.what, res.status)
			}
			for _, v := range f.kept {
				if !strings.Contains(res.body, `value="`+v+`"`) {
					t.Errorf("%s %s: got no value=%q, want what was typed kept", lang, f.what, v)
				}
			}
			if f.isNew {
				for _, h := range keepHint[lang] {
					if strings.Contains(res.body, h) {
						t.Errorf("%s %s: a form creating something new says %q", lang, f.what, h)
					}
				}
			}
		}
		if n := e.count("people"); n != people {
			t.Errorf("%s: people after rejected forms: got %d, want %d", lang, n, people)
		}
		if n := e.count("audit_log"); n != audit {
			t.Errorf("%s: audit rows after rejected forms: got %d, want %d (keeping typed input is no reveal)", lang, n, audit)
		}
		// The edit forms themselves never show a stored value; where one
		// is saved, they say leaving the box empty keeps it.
		for _, path := range []string{"/cases/" + alpha.ID + "/people/" + pid + "/edit", "/cases/" + alpha.ID + "/edit"} {
			page := pvGet(t, c, path, http.StatusOK).body
			if found := pvFound(page, []string{"123456789", "123-456-789", "1 alpha Street", "Facility alpha", "1990-01-02"}); len(found) > 0 {
				t.Errorf("%s %s: got stored %q in the form", lang, path, found)
			}
			if !strings.Contains(page, keepHint[lang][0]) {
				t.Errorf("%s %s: got no %q beside a saved value", lang, path, keepHint[lang][0])
			}
		}
	}
	// Nothing of it was saved: the revealed values are still the seeded ones.
	if got := pvPost(t, c, "/cases/"+alpha.ID+"/people/"+pid+"/reveal", url.Values{"field": {"anumber"}}, http.StatusOK).body; !strings.Contains(got, "A123-456-789") {
		t.Errorf("A-number after rejected forms: got a page without A123-456-789, want the seeded value unchanged")
	}
	if got := pvPost(t, c, "/cases/"+alpha.ID+"/address/reveal", url.Values{}, http.StatusOK).body; !strings.Contains(got, "1 alpha Street") {
		t.Errorf("address after rejected forms: got a page without %q, want the seeded value unchanged", "1 alpha Street")
	}
	sensitive := []string{"463728195", "463-728-195", "1988-09-10", "FORMFACILITYMARKER", "FORMADDRESSMARKER", "FORMNAMEMARKER", "FORMCOURTMARKER"}
	if found := pvFound(e.logs.String(), sensitive); len(found) > 0 {
		t.Errorf("server log: got %q, want none", found)
	}
}
