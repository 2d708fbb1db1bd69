package store

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"puente/internal/model"
)

// TestSubjectExport: a person's export holds their own fields with the
// sensitive ones opened, the case and its address, their facts and the
// household's, their deadlines with marks, their appointments and the
// household's, the changes and reveals about them; never another
// household member's values. It is written to the audit log, without a
// value.
func TestSubjectExport(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	mc := openMarked(w, "g1", "zqsubj", false)
	principal, relative := mc.people[0], mc.people[1]
	if !principal.Principal {
		t.Fatalf("people[0] is not the principal")
	}
	coord := w.users["g1coord"].ID
	w.fact(mc.c, model.Fact{Kind: model.FactI589Filed, PersonID: principal.ID, Date: "2026-04-01", Note: "zqsubjownfact"})
	w.fact(mc.c, model.Fact{Kind: model.FactI589Filed, PersonID: relative.ID, Date: "2026-04-02", Note: "zqsubjrelfact"})
	if err := w.s.UpdatePerson(ctx, mc.c, principal.ID, coord, model.PersonInput{Name: "zqsubjname Principal",
		PreferredName: "zqsubjpreferred", Relationship: "zqsubjrelation", Languages: "zqsubjlanguage Quechua",
		CountryOfBirth: "zqsubjcountry", LastUSArrival: "2026-02-10"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.RevealPersonField(ctx, mc.c, principal.ID, model.FieldANumber, coord); err != nil {
		t.Fatal(err)
	}
	audits := countRows(t, w.s, "audit_log")

	rec, err := w.s.SubjectExport(ctx, mc.c, principal.ID, coord, ExportJSON)
	if err != nil {
		t.Fatalf("SubjectExport: %v", err)
	}
	p := rec.Person
	if p.Name != "zqsubjname Principal" || p.ANumber != "A918-273-645" || p.DateOfBirth != "1931-07-19" ||
		p.DetentionFacility != "zqsubjfacility" || !p.Principal || p.Languages != "zqsubjlanguage Quechua" {
		t.Errorf("person: got %+v, want the principal's fields, sensitive ones opened", p)
	}
	if rec.Case.Address != "zqsubjaddress" || rec.Case.Code != mc.c.Code || rec.Case.Court != "zqsubjcourt" ||
		len(rec.Case.Stages) != 1 || rec.Case.Stages[0].Stage != "arrived" {
		t.Errorf("case: got %+v, want its code, court, opened address and one stage", rec.Case)
	}
	if len(rec.Facts) != 2 || !rec.Facts[0].Household || rec.Facts[1].Note != "zqsubjownfact" {
		t.Errorf("facts: got %+v, want the household's arrival and the principal's own I-589", rec.Facts)
	}
	if len(rec.Deadlines) == 0 {
		t.Errorf("deadlines: got none, want the principal's")
	}
	for _, d := range rec.Deadlines {
		if !strings.HasPrefix(d.Key, principal.ID+"/") {
			t.Errorf("deadline %s is not the principal's", d.Key)
		}
	}
	if len(rec.Appointments) != 0 {
		t.Errorf("appointments: got %+v, want none (the hearing is the relative's)", rec.Appointments)
	}
	var actions []string
	for _, h := range rec.History {
		actions = append(actions, h.Action+"("+h.Fields+")")
	}
	if got := strings.Join(actions, " "); got != "marked(open) fact_added(i589_filed) person_updated(languages)" {
		t.Errorf("history: got %s, want the principal's mark, fact and update (field names, never values)", got)
	}
	if len(rec.Audit) != 1 || rec.Audit[0].Action != "reveal" || rec.Audit[0].Field != "anumber" {
		t.Errorf("audit: got %+v, want the A-number's reveal", rec.Audit)
	}
	blob, _ := json.Marshal(rec)
	for _, other := range []string{"zqsubjrelative", "zqsubjkin", "zqsubjrelfacility", "A827-364-519", "827364519", "2012-08-21", "zqsubjrelfact"} {
		if strings.Contains(string(blob), other) {
			t.Errorf("the principal's export holds the relative's %q", other)
		}
	}

	// The relative's export: their hearing (with its place) and fact.
	rel, err := w.s.SubjectExport(ctx, mc.c, relative.ID, coord, ExportPage)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Case.Judge != "zqsubjjudge" {
		t.Errorf("case: judge %q, want zqsubjjudge", rec.Case.Judge)
	}
	if len(rel.Appointments) != 1 || rel.Appointments[0].Place != "zqsubjplace" || rel.Appointments[0].Going != "zqsubjgoing" || rel.Person.ANumber != "A827-364-519" ||
		rel.Person.DateOfBirth != "2012-08-21" || len(rel.History) != 3 || rel.History[0].Action != "person_added" {
		t.Errorf("relative's export: got %+v", rel)
	}
	var sealedDue bool
	for _, d := range rel.Deadlines {
		sealedDue = sealedDue || d.RuleID == "child-registration-14" && d.Due != ""
	}
	if !sealedDue {
		t.Errorf("relative's deadlines: got %+v, want the registration at 14 with its date opened", rel.Deadlines)
	}

	// Each export is in the audit log: who, about whom, which form.
	if n := countRows(t, w.s, "audit_log"); n != audits+2 {
		t.Errorf("audit log: got %d new rows, want 2", n-audits)
	}
	var actor, field, detail string
	if err := w.s.db.QueryRow(`SELECT actor_id, field, detail FROM audit_log WHERE action = 'export' AND object_type = 'person' AND object_id = ?`,
		principal.ID).Scan(&actor, &field, &detail); err != nil || actor != coord || field != ExportJSON || detail != "" {
		t.Errorf("export audit: got %q %q %q (%v), want the coordinator, json, no detail", actor, field, detail, err)
	}

	// A person of another case, or a case of another group: not found.
	other := openMarked(w, "g2", "zqother", false)
	if _, err := w.s.SubjectExport(ctx, mc.c, other.people[0].ID, coord, ExportPage); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("export of another case's person: got %v, want ErrNotFound", err)
	}
	wrong := other.c
	wrong.GroupID = w.orgs["g1"].ID
	if _, err := w.s.SubjectExport(ctx, wrong, other.people[0].ID, coord, ExportPage); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("export through a case named with another group: got %v, want ErrNotFound", err)
	}
}

// TestRemovePersonDeletesTheirMarks: taking a household member off a case
// deletes what was noted about their deadlines and their appointments
// (marks, which no foreign key reaches), and leaves the others' notes.
func TestRemovePersonDeletesTheirMarks(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	mc := openMarked(w, "g1", "zqrm", false)
	principal, relative := mc.people[0], mc.people[1]
	var relKey, apptID string
	if err := w.s.db.QueryRow(`SELECT key FROM deadlines WHERE case_id = ? AND person_id = ? AND due IS NOT NULL LIMIT 1`, mc.c.ID, relative.ID).
		Scan(&relKey); err != nil {
		t.Fatal(err)
	}
	if err := w.s.db.QueryRow(`SELECT id FROM appointments WHERE case_id = ? AND person_id = ?`, mc.c.ID, relative.ID).Scan(&apptID); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{relKey, AppointmentKey(apptID)} {
		if err := w.s.SetMark(ctx, mc.c, "", model.Mark{Key: k, State: model.MarkOpen, Note: "zqrmrelnote"}); err != nil {
			t.Fatal(err)
		}
	}
	count := func(note string) int {
		var n int
		w.s.db.QueryRow(`SELECT count(*) FROM marks WHERE case_id = ? AND note = ?`, mc.c.ID, note).Scan(&n)
		return n
	}
	if count("zqrmrelnote") != 2 || count("zqrmmarknote") != 1 {
		t.Fatalf("before: got %d relative's and %d principal's notes, want 2 and 1", count("zqrmrelnote"), count("zqrmmarknote"))
	}
	if err := w.s.RemovePerson(ctx, mc.c, principal.ID, ""); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("RemovePerson(principal): got %v, want ErrNotFound", err)
	}
	if err := w.s.RemovePerson(ctx, mc.c, relative.ID, ""); err != nil {
		t.Fatal(err)
	}
	if count("zqrmrelnote") != 0 || count("zqrmmarknote") != 1 {
		t.Errorf("after: got %d relative's and %d principal's notes, want 0 and 1", count("zqrmrelnote"), count("zqrmmarknote"))
	}
}
