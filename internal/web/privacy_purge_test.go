package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// pvAudit counts audit entries of action about object, with field ("" any).
func pvAudit(t testing.TB, e *testEnv, action, object, field string) int {
	t.Helper()
	e.st.FlushAudit()
	db := pvRawDB(t, e.dbPath)
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM audit_log WHERE action = ? AND object_id = ? AND (? = '' OR field = ?)`,
		action, object, field, field).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestPurgeAtOnce (issue 14): a coordinator closes the canary case; its
// page says when it will be purged and links to the confirmation page,
// which says what goes and what stays and changes nothing; the button
// purges it: the case page then says when, and shows none of its values;
// the audit log has the purge. Asking again answers 409.
func TestPurgeAtOnce(t *testing.T) {
	e := newEnv(t)
	pvFixClock(e)
	cn := pvSeedCanary(t, e)
	coord := e.signIn(emailAlphaCoord)
	base := "/cases/" + cn.id

	// Open: refused with 409 and a page that says why; nothing written.
	for _, res := range []response{coord.get(base + "/purge"), coord.post(base+"/purge", url.Values{})} {
		if res.status != http.StatusConflict || !strings.Contains(res.body, "Close it before deleting its personal details") {
			t.Errorf("purge of an open case: got %d, want 409 saying to close it first; body %.300s", res.status, res.body)
		}
	}
	if n := pvAudit(t, e, "purge", cn.id, ""); n != 0 {
		t.Fatalf("a refused purge wrote %d audit entries", n)
	}

	pvPost(t, coord, base+"/close", url.Values{"reason": {"moved"}}, http.StatusSeeOther)
	page := pvGet(t, coord, base, http.StatusOK)
	for _, want := range []string{"90 days after it was closed", `href="/cases/` + cn.id + `/purge"`, "CANARYNAME1"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("closed case page: %q absent, want present", want)
		}
	}
	confirm := pvGet(t, coord, base+"/purge", http.StatusOK)
	for _, want := range []string{"Delete the personal details of case " + cn.code + "?", "Deleting them now cannot be undone.",
		"This will be lost:", "(people: 2)", "Kept, so that reports still add up", `action="/cases/` + cn.id + `/purge"`, "Delete personal details"} {
		if !strings.Contains(confirm.body, want) {
			t.Errorf("confirmation page: %q absent, want present", want)
		}
	}
	if found := pvFound(confirm.body, cn.sensitive); len(found) > 0 {
		t.Errorf("confirmation page opens the sensitive values it will delete: %q", found)
	}
	if strings.Contains(pvGet(t, coord, base, http.StatusOK).body, "Personal details deleted") {
		t.Fatalf("the confirmation page (a GET) purged the case")
	}

	res := pvPost(t, coord, base+"/purge", url.Values{}, http.StatusSeeOther)
	if loc := res.header.Get("Location"); loc != base {
		t.Errorf("after the purge: redirected to %q, want %q", loc, base)
	}
	purged := pvGet(t, coord, base, http.StatusOK)
	for _, want := range []string{"Personal details deleted on ", "Personal details deleted. Only dates, stages and counts remain.", cn.code, "People: 2"} {
		if !strings.Contains(purged.body, want) {
			t.Errorf("purged case page: %q absent, want present", want)
		}
	}
	all := append(append([]string{}, cn.plain...), cn.sensitive...)
	if found := pvFound(purged.body, all); len(found) > 0 {
		t.Errorf("purged case page shows %q, want none of its values", found)
	}
	list := pvGet(t, coord, "/cases?state=closed", http.StatusOK)
	if !strings.Contains(list.body, "(personal details deleted)") || strings.Contains(list.body, "CANARYNAME1") {
		t.Errorf("closed cases list: got %.600s, want the case listed as deleted, without its name", list.body)
	}
	if n := pvAudit(t, e, "purge", cn.id, "now"); n != 1 {
		t.Errorf("audit log: got %d purge entries of kind now, want 1", n)
	}
	for _, res := range []response{coord.get(base + "/purge"), coord.post(base+"/purge", url.Values{})} {
		if res.status != http.StatusConflict || !strings.Contains(res.body, "were already deleted") {
			t.Errorf("second purge: got %d, want 409 saying it was done", res.status)
		}
	}
	// The people's export shows what is left: no value of theirs.
	exp := pvPost(t, coord, base+"/people/"+cn.people[0]+"/export", url.Values{"format": {"json"}}, http.StatusOK)
	if found := pvFound(exp.body, all); len(found) > 0 {
		t.Errorf("export after the purge holds %q", found)
	}

	// In Spanish, the confirmation page of another closed case.
	other := e.freshClosedCase(e.cases["alpha"])
	pvPost(t, coord, "/lang", url.Values{"lang": {"es"}, "return": {"/"}}, http.StatusSeeOther)
	es := pvGet(t, coord, "/cases/"+other.ID+"/purge", http.StatusOK)
	for _, want := range []string{"¿Borrar los datos personales del caso " + other.Code + "?", "Borrarlos ahora no se puede deshacer.", "Se conserva, para que"} {
		if !strings.Contains(es.body, want) {
			t.Errorf("Spanish confirmation page: %q absent, want present", want)
		}
	}
}

// TestRetentionSetting: the group's settings take a retention period of 1
// to 3650 whole days; anything else is refused with 422, an error summary
// and the input kept, in the page's language, and nothing is saved. A
// network's settings have no retention.
func TestRetentionSetting(t *testing.T) {
	e := newEnv(t)
	coord := e.signIn(emailAlphaCoord)
	alpha := "/orgs/" + e.orgs["alpha"].ID + "/settings"
	form := pvGet(t, coord, alpha, http.StatusOK)
	if !strings.Contains(form.body, `name="retention_days"`) || !strings.Contains(form.body, `value="90"`) {
		t.Fatalf("settings form: no retention field with 90; body %.800s", form.body)
	}
	for _, bad := range []string{"0", "3651", "-5", "12.5", "abc", "", " 30x", "99999", "٣٠"} {
		res := coord.post(alpha, url.Values{"time_zone": {"America/Chicago"}, "retention_days": {bad}})
		if res.status != http.StatusUnprocessableEntity {
			t.Errorf("retention %q: got %d, want 422", bad, res.status)
			continue
		}
		if !strings.Contains(res.body, `class="error-summary"`) || !strings.Contains(res.body, "Enter a whole number of days from 1 to 3650.") ||
			!strings.Contains(res.body, `href="#retention_days"`) {
			t.Errorf("retention %q: no error summary with the field's message; body %.600s", bad, res.body)
		}
		if bad != "" && !strings.Contains(res.body, `value="`+strings.TrimSpace(bad)) {
			t.Errorf("retention %q: the input was not kept", bad)
		}
	}
	if o, _ := e.st.OrgForUser(t.Context(), e.userID(emailAlphaCoord), e.orgs["alpha"].ID); o.RetentionDays != 90 || o.TimeZone != "America/New_York" {
		t.Errorf("after refused forms: got %d days in %s, want 90 in America/New_York (nothing saved)", o.RetentionDays, o.TimeZone)
	}
	pvPost(t, coord, "/lang", url.Values{"lang": {"es"}, "return": {"/"}}, http.StatusSeeOther)
	res := coord.post(alpha, url.Values{"time_zone": {"America/Chicago"}, "retention_days": {"0"}})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "Escriba un número entero de días, de 1 a 3650.") {
		t.Errorf("Spanish: got %d, want 422 with the Spanish message", res.status)
	}
	for _, good := range []string{"1", "3650", "30"} {
		pvPost(t, coord, alpha, url.Values{"time_zone": {"America/Chicago"}, "retention_days": {good}}, http.StatusSeeOther)
	}
	if o, _ := e.st.OrgForUser(t.Context(), e.userID(emailAlphaCoord), e.orgs["alpha"].ID); o.RetentionDays != 30 || o.TimeZone != "America/Chicago" {
		t.Errorf("saved: got %d days in %s, want 30 in America/Chicago", o.RetentionDays, o.TimeZone)
	}
	// A network: no retention field, and its settings still save.
	admin := e.signIn(emailNetAdmin)
	network := "/orgs/" + e.orgs["network"].ID + "/settings"
	if strings.Contains(pvGet(t, admin, network, http.StatusOK).body, "retention_days") {
		t.Errorf("network settings show a retention field, want none (networks hold no cases)")
	}
	pvPost(t, admin, network, url.Values{"time_zone": {"America/Denver"}}, http.StatusSeeOther)
}
