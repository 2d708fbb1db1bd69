package web

import (
	"net/url"
	"strings"
	"testing"
)

// TestCaseFormsRejectBadInput sends bad input to every case form: each
// answers 422 with the field's message and writes nothing.
func TestCaseFormsRejectBadInput(t *testing.T) {
	e := newEnv(t)
	c := e.signIn(emailAlphaCoord)
	id := e.cases["alpha"].ID
	pid := e.principal(e.cases["alpha"])
	apptKey := "appointment/" + e.freshAppointment(e.cases["alpha"])
	long := strings.Repeat("x", 201)
	tables := []string{"cases", "people", "facts", "appointments", "marks", "case_history"}
	tests := []struct {
		name, path string
		form       url.Values
		want       string
	}{
		{"new case, empty", "/cases", url.Values{}, "Enter the person&#39;s name."},
		{"new case, no stage", "/cases", url.Values{"name": {"Ana"}}, "Select the stage of the placement."},
		{"new case, long name", "/cases", url.Values{"name": {long}, "status": {"arrived"}}, "Use at most 200 characters."},
		{"new case, bad status", "/cases", url.Values{"name": {"X"}, "status": {"flying"}}, "Choose one of the options."},
		{"new case, invalid UTF-8", "/cases", url.Values{"name": {"Ana\xff"}, "status": {"arrived"}}, "This contains characters that cannot be used."},
		{"new case, control char", "/cases", url.Values{"name": {"Ana\x01"}, "status": {"arrived"}}, "This contains characters that cannot be used."},
		{"new case, bad A-number", "/cases", url.Values{"name": {"X"}, "status": {"arrived"}, "anumber": {"12345"}}, "Enter an A-Number of 8 or 9 digits, like A012-345-678 or 12345678."},
		{"new case, bad date", "/cases", url.Values{"name": {"X"}, "status": {"arrived"}, "dob": {"2026-02-30"}}, "Enter a real date, with its day, month and year."},
		{"edit case, long court", "/cases/" + id, url.Values{"status": {"arrived"}, "court": {long}}, "Use at most 200 characters."},
		{"edit case, ended status", "/cases/" + id, url.Values{"status": {"placement_ended"}}, "Choose one of the options."},
		{"add person, empty", "/cases/" + id + "/people", url.Values{}, "Enter the person&#39;s name."},
		{"edit person, bad arrival", "/cases/" + id + "/people/" + pid, url.Values{"name": {"X"}, "last_us_arrival": {"yesterday"}}, "Enter a real date, with its day, month and year."},
		{"fact, unknown kind", "/cases/" + id + "/facts", url.Values{"kind": {"birthday"}, "date": {"2026-01-01"}}, "Choose one of the options."},
		{"fact, long note", "/cases/" + id + "/facts", url.Values{"kind": {"arrival"}, "date": {"2026-01-01"}, "note": {strings.Repeat("n", 501)}}, "Use at most 500 characters."},
		{"appointment, empty", "/cases/" + id + "/appointments", url.Values{}, "Select the kind of hearing or appointment."},
		{"appointment, no date", "/cases/" + id + "/appointments", url.Values{"kind": {"ice_checkin"}}, "Enter the date of the hearing or appointment."},
		{"mark, bad state", "/cases/" + id + "/marks", url.Values{"key": {apptKey}, "state": {"maybe"}}, "Choose one of the options."},
		{"mark, an appointment not applicable", "/cases/" + id + "/marks", url.Values{"key": {apptKey}, "state": {"not_applicable"}}, "Choose one of the options."},
		{"close, no reason", "/cases/" + id + "/close", url.Values{}, "Select why the placement ended."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := map[string]int{}
			for _, tb := range tables {
				before[tb] = e.count(tb)
			}
			r := c.post(tt.path, tt.form)
			if r.status != s422 {
				t.Fatalf("got %d, want 422", r.status)
			}
			if !strings.Contains(r.body, tt.want) {
				t.Errorf("body lacks %q", tt.want)
			}
			for _, tb := range tables {
				if n := e.count(tb); n != before[tb] {
					t.Errorf("%s: %d rows, was %d: a rejected form wrote", tb, n, before[tb])
				}
			}
		})
	}
	// Spanish messages for a Spanish reader.
	c.post("/lang", url.Values{"lang": {"es"}, "return": {"/"}})
	if r := c.post("/cases", url.Values{}); r.status != s422 || !strings.Contains(r.body, "Escriba el nombre de la persona.") || !strings.Contains(r.body, "Elija la etapa de la acogida.") {
		t.Errorf("Spanish: got %d, want 422 with the Spanish message", r.status)
	}
	// An oversize body is refused before anything is read.
	if r := c.postRaw("/cases/"+id+"/facts", "note="+strings.Repeat("a", 2<<20), nil); r.status != 413 {
		t.Errorf("oversize body: got %d, want 413", r.status)
	}
}
