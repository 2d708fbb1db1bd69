package web

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"puente/internal/i18n"
	"puente/internal/model"
	"puente/internal/store"
)

// clItem finds the id of the item key in the case's checklist of stage.
func clItem(t *testing.T, e *testEnv, caseID, stage, key string) model.ChecklistItem {
	t.Helper()
	cl, err := e.st.CaseChecklist(context.Background(), caseID, stage)
	if err != nil {
		t.Fatalf("CaseChecklist: %v", err)
	}
	for _, it := range cl.Items {
		if it.Key == key {
			return it
		}
	}
	t.Fatalf("no item %s", key)
	return model.ChecklistItem{}
}

// TestChecklistFlow: a coordinator gives a new case the offered first
// week's checklist; a member takes an item, ticks it and sees it in their
// tasks; an assigned item past its day shows on the group's home page;
// ticking the EOIR-33 item marks the case's EOIR-33 deadline done; forms
// with bad input answer 422 with an error summary and write nothing.
func TestChecklistFlow(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	ctx := context.Background()
	c, err := e.st.CreateCase(ctx, e.orgs["alpha"].ID, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: "Lucía Checklist"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.AddFact(ctx, c, "", model.Fact{Kind: model.FactArrival, Date: cmDay(-2)}); err != nil {
		t.Fatal(err)
	}
	base := "/cases/" + c.ID
	coord, mem := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)

	// The new case offers the first week; a member is not offered it.
	if body := coord.get(base).body; !strings.Contains(body, "First week&#39;s checklist") {
		t.Fatalf("case page: got no offer of the first week's checklist")
	}
	if body := mem.get(base).body; strings.Contains(body, "First week&#39;s checklist") {
		t.Errorf("member's case page: offers a checklist, which is the coordinators'")
	}
	cmPost(t, coord, base+"/checklists", url.Values{"stage": {"first_week"}}, s303)
	cmPost(t, coord, base+"/checklists", url.Values{"stage": {"first_week"}}, s422) // already there
	page := coord.get(base).body
	if !strings.Contains(page, "0 of 9 done") || !strings.Contains(page, "Send the EOIR-33 change of address to the court") {
		t.Errorf("case page: got no task list with '0 of 9 done' and the next item; %.400s", cmSection(page, "Checklists"))
	}

	// A member takes an item nobody holds, for a day already past, ticks
	// another, and cannot give an item to someone else.
	papers := clItem(t, e, c.ID, "first_week", "papers")
	memID, coordID := e.userID(emailAlphaMem), e.userID(emailAlphaCoord)
	cmPost(t, mem, base+"/items/"+papers.ID+"/assign", url.Values{"assignee_id": {memID}, "due_on": {cmDay(-1)}}, s303)
	health := clItem(t, e, c.ID, "first_week", "health")
	res := cmPost(t, mem, base+"/items/"+health.ID+"/assign", url.Values{"assignee_id": {coordID}}, s422)
	if !strings.Contains(res.body, "error-summary") {
		t.Errorf("rejected assignment: got no error summary")
	}
	if got := clItem(t, e, c.ID, "first_week", "health"); got.AssigneeID != "" {
		t.Errorf("rejected assignment wrote %q", got.AssigneeID)
	}
	cmPost(t, mem, base+"/items/"+health.ID+"/tick", url.Values{"state": {"done"}}, s303)
	if got := clItem(t, e, c.ID, "first_week", "health"); got.State != model.ItemDone || got.TickedBy != memID {
		t.Errorf("member's tick: got %s by %q", got.State, got.TickedBy)
	}
	// Setting aside without a reason, and a note too long, are refused.
	before := cmCounts(e)
	res = cmPost(t, mem, base+"/items/"+papers.ID+"/na", url.Values{"reason": {""}}, s422)
	if !strings.Contains(res.body, "error-summary") || clItem(t, e, c.ID, "first_week", "papers").State != model.ItemOpen {
		t.Errorf("not applicable without a reason: got no error summary or a change")
	}
	cmPost(t, mem, base+"/items/"+papers.ID+"/note", url.Values{"note": {strings.Repeat("x", 501)}}, s422)
	cmSameCounts(t, "rejected item forms", before, cmCounts(e))

	// The member's tasks and the group's home page.
	// Its day has passed: first this week, marked overdue in words.
	week := regexp.MustCompile(`(?s)<section aria-labelledby="week-heading">.*?</section>`).FindString(mem.get("/me/tasks").body)
	first := regexp.MustCompile(`(?s)<li>.*?</li>`).FindString(week)
	if !strings.Contains(first, "Copy the release papers") || !strings.Contains(first, `class="when late"`) || !strings.Contains(first, "Overdue: ") {
		t.Errorf("/me/tasks: the item past its day is not first this week, marked overdue:\n%s", week)
	}
	home := coord.get("/").body
	if !strings.Contains(home, "Checklist items coming up") || !strings.Contains(cmSection(home, "Checklist items coming up"), "Copy the release papers") {
		t.Errorf("home: got no overdue assigned item")
	}

	// Ticking the EOIR-33 item marks its deadline done; the case page says so.
	eoir := clItem(t, e, c.ID, "first_week", "eoir33")
	cmPost(t, coord, base+"/items/"+eoir.ID+"/tick", url.Values{"state": {"done"}}, s303)
	marks, _ := e.st.Marks(ctx, c.ID)
	done := 0
	for k, m := range marks {
		if strings.Contains(k, "eoir33") && m.State == model.MarkDone {
			done++
		}
	}
	if done == 0 {
		t.Errorf("ticking the EOIR-33 item: got no deadline marked done; marks %v", marks)
	}
	// The item page of an item whose rule does not apply says why it waits.
	if _, err := e.st.AddChecklist(ctx, c, "", "legal"); err != nil {
		t.Fatal(err)
	}
	i730 := clItem(t, e, c.ID, "legal", "i730")
	if body := mem.get(base + "/items/" + i730.ID).body; !strings.Contains(body, "Waits for a grant of asylum") {
		t.Errorf("I-730 item: got no word of what it waits for")
	}
	// In Spanish.
	cmPost(t, mem, "/lang", url.Values{"lang": {"es"}, "return": {"/"}}, s303)
	if body := mem.get(base + "/checklists/first_week").body; !strings.Contains(body, "Primera semana") || !strings.Contains(body, "Saque copias de los papeles de salida") {
		t.Errorf("Spanish checklist page: got no Spanish words")
	}
}

// TestDeadlineNotApplicableSetsItsItemAside (issue 12): recording a
// deadline not applicable on its page sets its checklist item aside, and
// the item's pages say the deadline holds the reason, in the reader's
// language; setting the item aside with a reason sets its deadlines aside.
func TestDeadlineNotApplicableSetsItsItemAside(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	c := e.cases["alpha"]
	if _, err := e.st.AddFact(ctx, c, "", model.Fact{Kind: model.FactArrival, Date: "2026-11-25"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.AddChecklist(ctx, c, "", "first_week"); err != nil {
		t.Fatal(err)
	}
	people, err := e.st.ComputeDeadlines(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ar11, eoir []string
	for _, p := range people {
		for _, d := range p.Deadlines {
			switch d.RuleID {
			case "ar11-change-of-address":
				ar11 = append(ar11, store.DeadlineKey(p.PersonID, d.Key))
			case "eoir33-change-of-address":
				eoir = append(eoir, store.DeadlineKey(p.PersonID, d.Key))
			}
		}
	}
	if len(ar11) == 0 || len(eoir) == 0 {
		t.Fatalf("no AR-11 or EOIR-33 deadlines: %v %v", ar11, eoir)
	}
	coord := e.signIn(emailAlphaCoord)
	cmPost(t, coord, "/cases/"+c.ID+"/marks", url.Values{"all": ar11, "key": ar11, "state": {"not_applicable"}, "note": {"The lawyer filed it"}}, s303)
	it := clItem(t, e, c.ID, "first_week", "ar11")
	if it.State != model.ItemNotApplicable {
		t.Fatalf("AR-11 item after its deadlines were set aside: %s", it.State)
	}
	base := "/cases/" + c.ID
	for lang, want := range map[string]string{"en": i18n.EN.T("checklist.na_with_deadline"), "es": i18n.ES.T("checklist.na_with_deadline")} {
		cmPost(t, coord, "/lang", url.Values{"lang": {lang}, "return": {"/"}}, s303)
		if body := coord.get(base + "/items/" + it.ID).body; !strings.Contains(body, secEsc(want)) {
			t.Errorf("item page in %s: lacks %q", lang, want)
		}
	}
	eoirItem := clItem(t, e, c.ID, "first_week", "eoir33")
	cmPost(t, coord, base+"/items/"+eoirItem.ID+"/na", url.Values{"reason": {"No court case"}}, s303)
	marks, _ := e.st.Marks(ctx, c.ID)
	for _, k := range eoir {
		if m := marks[k]; m.State != model.MarkNotApplicable || m.Note != "No court case" {
			t.Errorf("EOIR-33 %s after its item was set aside: %s %q", k, m.State, m.Note)
		}
	}
}

// TestItemDayAfterItsDeadline (fresh-eyes review): an item assigned for a
// day after its rule's open deadline says so on its pages, in English and
// Spanish, and lists and the group's home page put it on the deadline's
// day, not the later one; an item assigned before its deadline says
// nothing.
func TestItemDayAfterItsDeadline(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	ctx := context.Background()
	c, err := e.st.CreateCase(ctx, e.orgs["alpha"].ID, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: "Lucía Tarde"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.AddFact(ctx, c, "", model.Fact{Kind: model.FactArrival, Date: cmDay(-2)}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.AddChecklist(ctx, c, "", "first_week"); err != nil {
		t.Fatal(err)
	}
	base := "/cases/" + c.ID
	coord := e.signIn(emailAlphaCoord)
	coordID := e.userID(emailAlphaCoord)
	eoir := clItem(t, e, c.ID, "first_week", "eoir33")
	// The EOIR-33 deadline of this case: within days of the arrival.
	var due string
	pds, err := e.st.ComputeDeadlines(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, pd := range pds {
		for _, d := range pd.Deadlines {
			if iso := d.Due.String(); d.RuleID == "eoir33-change-of-address" && !d.Due.IsZero() && (due == "" || iso < due) {
				due = iso
			}
		}
	}
	if due == "" || due > cmDay(14) {
		t.Fatalf("EOIR-33 due %q, want within two weeks", due)
	}
	late := cmDay(40)
	cmPost(t, coord, base+"/items/"+eoir.ID+"/assign", url.Values{"assignee_id": {coordID}, "due_on": {late}}, s303)

	dueDay, _ := time.Parse(time.DateOnly, due)
	want := "The day set for this task is after its deadline, " + dueDay.Format("Monday 2 January 2006") + "."
	for _, p := range []string{base + "/items/" + eoir.ID, base + "/checklists/first_week"} {
		if body := coord.get(p).body; !strings.Contains(body, want) {
			t.Errorf("%s: no %q", p, want)
		}
	}
	// Lists: the item's day is the deadline's.
	items, err := e.st.GroupAssignedDue(ctx, e.orgs["alpha"].ID, cmDay(14), 50)
	if err != nil || len(items) != 1 || items[0].ID != eoir.ID || itemDay(items[0]) != due {
		t.Errorf("GroupAssignedDue until %s: got %+v, %v; want the EOIR-33 item on %s", cmDay(14), items, err, due)
	}
	if home := coord.get("/").body; !strings.Contains(cmSection(home, "Checklist items coming up"), "EOIR-33") {
		t.Errorf("home: the item assigned after its deadline is not among the items due")
	}
	cmPost(t, coord, "/lang", url.Values{"lang": {"es"}, "return": {"/"}}, s303)
	if body := coord.get(base + "/items/" + eoir.ID).body; !strings.Contains(body, "El día puesto para esta tarea es posterior a su plazo") {
		t.Errorf("Spanish item page: no warning")
	}
	// Assigned for a day before the deadline: no warning.
	cmPost(t, coord, "/lang", url.Values{"lang": {"en"}, "return": {"/"}}, s303)
	cmPost(t, coord, base+"/items/"+eoir.ID+"/assign", url.Values{"assignee_id": {coordID}, "due_on": {cmDay(-1)}}, s303)
	if body := coord.get(base + "/items/" + eoir.ID).body; strings.Contains(body, "after its deadline") {
		t.Errorf("item assigned before its deadline: warns all the same")
	}
}
