package web

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"
	"time"
)

// The commitments and coverage part of the Spanish crawl (issue 11 on
// issue 15's rules): every history line they write, and every form of
// theirs sent back with its errors, in Spanish.

var (
	esCommitmentRE = regexp.MustCompile(`/commitments/([0-9a-f]{32})$`)
	esApptIDRE     = regexp.MustCompile(`/appointments/([0-9a-f]{32})/edit"`)
)

// esCommitments, as c (alpha's coordinator), records on case id a money
// commitment with something given, changes and cancels it, marks a need
// and takes it off, and signs up for an appointment, changes the role and
// withdraws: each leaves its own history line for the crawl to read. A
// second commitment stays, so the case page shows the block, its chart
// and a commitment page the crawl follows.
func esCommitments(t *testing.T, c *client, id string) {
	t.Helper()
	day := func(n int) string { return esNow.AddDate(0, 0, n).Format(time.DateOnly) }
	base := "/cases/" + id
	add := func(form url.Values) string {
		res := pvPost(t, c, base+"/commitments", form, http.StatusSeeOther)
		m := esCommitmentRE.FindStringSubmatch(res.header.Get("Location"))
		if m == nil {
			t.Fatalf("new commitment: redirected to %q", res.header.Get("Location"))
		}
		return base + "/commitments/" + m[1]
	}
	money := url.Values{"kind": {"money"}, "description": {"Renta"}, "starts_on": {day(-60)}, "end_kind": {"work_permit"},
		"amount": {"500"}, "currency": {"USD"}, "frequency": {"monthly"}}
	kept := add(money)
	pvPost(t, c, kept+"/given", url.Values{"given_on": {day(-40)}, "amount": {"500"}, "note": {"Primer mes"}}, http.StatusSeeOther)
	gone := add(url.Values{"kind": {"housing"}, "starts_on": {day(-10)}, "end_kind": {"date"}, "ends_on": {day(20)}})
	pvPost(t, c, gone, url.Values{"kind": {"housing"}, "description": {"Cuarto"}, "starts_on": {day(-9)}, "end_kind": {"open"}}, http.StatusSeeOther)
	pvPost(t, c, gone+"/given", url.Values{"given_on": {day(-5)}, "description": {"Llaves"}}, http.StatusSeeOther)
	// A record is deleted from its confirmation page, linked from the commitment's.
	if m := regexp.MustCompile(`href="(/cases/[0-9a-f]{32}/commitments/[0-9a-f]{32}/given/[0-9a-f]{32}/delete)"`).FindStringSubmatch(pvGet(t, c, gone, http.StatusOK).body); m != nil {
		pvGet(t, c, m[1], http.StatusOK)
		pvPost(t, c, m[1], url.Values{}, http.StatusSeeOther)
	} else {
		t.Error("commitment page links to no confirmation before deleting what was given")
	}
	pvPost(t, c, gone+"/holders/remove", url.Values{"return": {"case"}}, http.StatusSeeOther)
	pvPost(t, c, gone+"/holders", url.Values{"return": {"case"}}, http.StatusSeeOther)
	pvPost(t, c, gone+"/cancel", url.Values{}, http.StatusSeeOther)
	pvPost(t, c, base+"/needs", url.Values{"kind": {"transport"}, "until": {day(90)}}, http.StatusSeeOther)
	pvPost(t, c, base+"/needs", url.Values{"kind": {"school"}}, http.StatusSeeOther)
	pvPost(t, c, base+"/needs/school/remove", url.Values{}, http.StatusSeeOther)
	m := esApptIDRE.FindStringSubmatch(pvGet(t, c, base, http.StatusOK).body)
	if m == nil {
		t.Fatal("case page has no appointment")
	}
	going := base + "/appointments/" + m[1] + "/going"
	pvPost(t, c, going, url.Values{"role": {"driver"}}, http.StatusSeeOther)
	pvPost(t, c, going, url.Values{"role": {"interpreter"}}, http.StatusSeeOther)
	pvPost(t, c, going+"/remove", url.Values{}, http.StatusSeeOther)
	pvPost(t, c, going, url.Values{"role": {"companion"}}, http.StatusSeeOther)
}

// esRejectedCommitmentForms are the commitment and coverage forms with bad
// input, each answered 422 on its own page with its summary and field
// messages.
func esRejectedCommitmentForms(t *testing.T, c *client, id string) []esForm {
	t.Helper()
	base := "/cases/" + id
	m := regexp.MustCompile(`href="(/cases/[0-9a-f]{32}/commitments/[0-9a-f]{32})"`).FindStringSubmatch(pvGet(t, c, base, http.StatusOK).body)
	if m == nil {
		t.Fatal("case page links to no commitment")
	}
	appt := esApptIDRE.FindStringSubmatch(pvGet(t, c, base, http.StatusOK).body)
	if appt == nil {
		t.Fatal("case page has no appointment")
	}
	return []esForm{
		{base + "/commitments", url.Values{"kind": {"money"}, "starts_on": {"2026-05-05"}, "end_kind": {"date"}, "ends_on": {"2026-05-01"},
			"amount": {"12.345"}, "currency": {"dólares"}, "frequency": {"a veces"}}},
		{m[1] + "/given", url.Values{"given_on": {"ayer"}, "amount": {"١٢"}}},
		{base + "/needs", url.Values{"kind": {"nada"}, "until": {"nunca"}}},
		{base + "/appointments/" + appt[1] + "/going", url.Values{"role": {"piloto"}}},
	}
}
