package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"puente/internal/store"
)

// TestSubjectExportPages (issue 14): a coordinator produces everything
// Puente holds about a household member, as a page and as a JSON file;
// the intro page (a GET) opens and writes nothing; each production is in
// the audit log; the page links to the pages that correct or delete each
// part; a bad form is refused; the other household member's values are
// never in it.
func TestSubjectExportPages(t *testing.T) {
	e := newEnv(t)
	pvFixClock(e)
	cn := pvSeedCanary(t, e)
	coord := e.signIn(emailAlphaCoord)
	principal, relative := cn.people[0], cn.people[1]
	base := "/cases/" + cn.id + "/people/" + principal + "/export"

	casePage := pvGet(t, coord, "/cases/"+cn.id, http.StatusOK)
	if !strings.Contains(casePage.body, `href="`+base+`"`) {
		t.Errorf("case page: no export link for the principal")
	}
	intro := pvGet(t, coord, base, http.StatusOK)
	for _, want := range []string{"Everything Puente holds about this person", `name="format" value="page"`, `name="format" value="json"`,
		"written in the audit log"} {
		if !strings.Contains(intro.body, want) {
			t.Errorf("intro page: %q absent, want present", want)
		}
	}
	if found := pvFound(intro.body, cn.sensitive); len(found) > 0 {
		t.Errorf("intro page opens %q, want nothing opened before the button", found)
	}
	if n := pvAudit(t, e, "export", principal, ""); n != 0 {
		t.Fatalf("the intro page wrote %d export entries, want 0", n)
	}

	page := pvPost(t, coord, base, url.Values{"format": {"page"}}, http.StatusOK)
	for _, want := range []string{"CANARYNAME1", "CANARYPREFERRED", "CANARYRELATION", "CANARYLANGUAGE", "CANARYCOUNTRY",
		"A918-273-645", "19 Jul 1931", "CANARYFACILITY", "CANARYADDRESS", "CANARYCOURT", "CANARYLAWYER", "CANARYCONTACT",
		"CANARYFACTNOTE", "CANARYMARKNOTE", cn.code,
		`href="/cases/` + cn.id + `/people/` + principal + `/edit"`, `href="/cases/` + cn.id + `/edit"`,
		`href="/cases/` + cn.id + `#facts"`, `href="/cases/` + cn.id + `#appointments"`,
		"close the case, then delete its personal details", "Changes about this person", "updated a deadline", "(To do)",
	} {
		if !strings.Contains(page.body, want) {
			t.Errorf("export page: %q absent, want present", want)
		}
	}
	for _, other := range []string{"CANARYRELATIVE", "CANARYKIN", "CANARYRELFACILITY", "A827-364-519", "Aug 2012"} {
		if strings.Contains(page.body, other) {
			t.Errorf("the principal's export shows the relative's %q", other)
		}
	}
	if page.header.Get("Cache-Control") != "no-store" {
		t.Errorf("export page: Cache-Control %q, want no-store", page.header.Get("Cache-Control"))
	}
	if n := pvAudit(t, e, "export", principal, "page"); n != 1 {
		t.Errorf("audit log: got %d page exports of the principal, want 1", n)
	}

	file := pvPost(t, coord, base, url.Values{"format": {"json"}}, http.StatusOK)
	if ct := file.header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("JSON export: Content-Type %q", ct)
	}
	if cd := file.header.Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="puente-`+cn.code+`-`) || strings.Contains(cd, "CANARY") {
		t.Errorf("JSON export: Content-Disposition %q, want an attachment named by case code", cd)
	}
	if cc := file.header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("JSON export: Cache-Control %q, want no-store", cc)
	}
	var rec store.SubjectRecord
	if err := json.Unmarshal([]byte(file.body), &rec); err != nil {
		t.Fatalf("JSON export does not parse: %v; body %.300s", err, file.body)
	}
	if rec.Format != store.SubjectFormat || rec.Person.ID != principal || rec.Person.ANumber != "A918-273-645" ||
		rec.Person.DateOfBirth != "1931-07-19" || rec.Case.Address != "CANARYADDRESS" || rec.Case.Code != cn.code ||
		len(rec.Facts) == 0 || len(rec.Deadlines) == 0 || rec.Deadlines[0].Title == "" || len(rec.Audit) != 1 {
		t.Errorf("JSON export: got %+v", rec)
	}
	if strings.Contains(file.body, "CANARYRELATIVE") || strings.Contains(file.body, "827364519") {
		t.Errorf("the principal's JSON export holds the relative's values")
	}
	if n := pvAudit(t, e, "export", principal, "json"); n != 1 {
		t.Errorf("audit log: got %d JSON exports of the principal, want 1", n)
	}

	// The relative's page links to taking them off the case, behind its
	// own confirmation page.
	rel := pvPost(t, coord, "/cases/"+cn.id+"/people/"+relative+"/export", url.Values{"format": {"page"}}, http.StatusOK)
	removeLink := `href="/cases/` + cn.id + `/people/` + relative + `/remove"`
	if !strings.Contains(rel.body, removeLink) || !strings.Contains(rel.body, "A827-364-519") || strings.Contains(rel.body, "A918-273-645") {
		t.Errorf("relative's export: want their A-number, not the principal's, and the link to take them off the case")
	}
	confirm := pvGet(t, coord, "/cases/"+cn.id+"/people/"+relative+"/remove", http.StatusOK)
	if !strings.Contains(confirm.body, "Take CANARYRELATIVE off the case?") {
		t.Errorf("removal confirmation page: got %.500s", confirm.body)
	}
	if res := coord.get("/cases/" + cn.id + "/people/" + principal + "/remove"); res.status != http.StatusNotFound {
		t.Errorf("removal page for the principal: got %d, want 404 (the principal stays)", res.status)
	}

	// A bad form: 400, nothing opened, nothing written.
	before := pvAudit(t, e, "export", principal, "")
	for _, bad := range []url.Values{{"format": {"csv"}}, {}} {
		res := coord.post(base, bad)
		if res.status != http.StatusBadRequest || strings.Contains(res.body, "A918-273-645") {
			t.Errorf("export with %v: got %d, want 400 and nothing opened", bad, res.status)
		}
	}
	if n := pvAudit(t, e, "export", principal, ""); n != before {
		t.Errorf("refused exports wrote %d audit entries", n-before)
	}
	// A person of another case through this case: 404.
	if res := coord.post("/cases/"+cn.id+"/people/"+e.principal(e.cases["alpha"])+"/export", url.Values{"format": {"page"}}); res.status != http.StatusNotFound {
		t.Errorf("export of another case's person through this case: got %d, want 404", res.status)
	}
}
