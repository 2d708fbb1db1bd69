package store

import (
	"context"
	"errors"
	"testing"

	"puente/internal/checklist"
	"puente/internal/model"
)

// item finds the item with key in c's checklist of stage.
func (w caseWorld) item(c model.Case, stage, key string) model.ChecklistItem {
	w.t.Helper()
	cl, err := w.s.CaseChecklist(context.Background(), c.ID, stage)
	if err != nil {
		w.t.Fatalf("CaseChecklist %s: %v", stage, err)
	}
	for _, it := range cl.Items {
		if it.Key == key {
			return it
		}
	}
	w.t.Fatalf("no item %s in %s", key, stage)
	return model.ChecklistItem{}
}

// markOf is the mark state recorded on deadline key of c ("" for none).
func (w caseWorld) markOf(c model.Case, key string) string {
	w.t.Helper()
	ms, err := w.s.Marks(context.Background(), c.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	return string(ms[key].State)
}

func TestAddChecklistCopiesTheShippedTemplate(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	c, _ := w.open("gs", model.PersonInput{Name: "Rosa Díaz"})
	coord := w.users["gscoord"].ID
	if _, err := w.s.AddChecklist(ctx, c, coord, "first_week"); err != nil {
		t.Fatalf("AddChecklist: %v", err)
	}
	if _, err := w.s.AddChecklist(ctx, c, coord, "first_week"); !errors.Is(err, model.ErrConflict) {
		t.Errorf("second first-week checklist: got %v, want ErrConflict", err)
	}
	if _, err := w.s.AddChecklist(ctx, c, coord, "castle"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("unknown stage: got %v, want ErrNotFound", err)
	}
	cl, err := w.s.CaseChecklist(ctx, c.ID, "first_week")
	if err != nil {
		t.Fatal(err)
	}
	shipped, _ := checklist.Shipped(checklist.FirstWeek)
	if len(cl.Items) != len(shipped.Items) || cl.Version != 0 {
		t.Fatalf("got %d items at version %d, want %d at 0", len(cl.Items), cl.Version, len(shipped.Items))
	}
	first := cl.Items[0]
	if first.Key != "eoir33" || first.TextKey != "checklist.first_week.eoir33" || first.Rule != "eoir33-change-of-address" || first.State != model.ItemOpen {
		t.Errorf("first item: got %+v", first)
	}
}

func TestTickingALinkedItemMarksItsDeadlinesAndBack(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	c, _ := w.open("g1", model.PersonInput{Name: "Rosa Díaz"}, model.PersonInput{Name: "Pablo Díaz"})
	w.fact(c, model.Fact{Kind: model.FactArrival, Date: "2026-11-25"})
	coord := w.users["g1coord"].ID
	if _, err := w.s.AddChecklist(ctx, c, coord, "first_week"); err != nil {
		t.Fatal(err)
	}
	keys := w.keys(c, "eoir33-change-of-address") // one per person
	if len(keys) != 2 {
		t.Fatalf("eoir33 deadlines: %v, want 2", keys)
	}
	it := w.item(c, "first_week", "eoir33")
	if err := w.s.SetItemState(ctx, c, it.ID, coord, model.ItemDone, "", "2026-11-30"); err != nil {
		t.Fatalf("tick: %v", err)
	}
	for _, k := range keys {
		if got := w.markOf(c, k); got != "done" {
			t.Errorf("after the tick, mark %s: got %q, want done", k, got)
		}
	}
	if got := w.item(c, "first_week", "eoir33"); got.State != model.ItemDone || got.TickedByName != "Gina Coord" || got.TickedAt.IsZero() {
		t.Errorf("ticked item: got state %s by %q at %v", got.State, got.TickedByName, got.TickedAt)
	}
	// The trigger moves: the deadline is recomputed, the tick and marks stay.
	facts, err := w.s.Facts(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.s.UpdateFactDate(ctx, c, facts[0].ID, coord, "2026-11-27", ""); err != nil {
		t.Fatalf("UpdateFactDate: %v", err)
	}
	if got := w.item(c, "first_week", "eoir33"); got.State != model.ItemDone {
		t.Errorf("after the recomputation: item %s, want done", got.State)
	}
	for _, k := range keys {
		if got := w.markOf(c, k); got != "done" {
			t.Errorf("after the recomputation, mark %s: got %q, want done", k, got)
		}
	}
	// Opening the item again opens its marks.
	if err := w.s.SetItemState(ctx, c, it.ID, coord, model.ItemOpen, "", "2026-11-30"); err != nil {
		t.Fatal(err)
	}
	if got := w.markOf(c, keys[0]); got != "open" {
		t.Errorf("after untick: mark %q, want open", got)
	}

	// The other way: recording the AR-11 done for one person leaves the
	// item open; for the last person, ticks it.
	ar := w.item(c, "first_week", "ar11")
	arKeys := w.keys(c, "ar11-change-of-address")
	if err := w.s.SetMark(ctx, c, coord, model.Mark{Key: arKeys[0], State: model.MarkDone, DoneOn: "2026-11-29"}); err != nil {
		t.Fatal(err)
	}
	if got := w.item(c, "first_week", "ar11"); got.State != model.ItemOpen {
		t.Errorf("one of two AR-11s done: item %s, want open", got.State)
	}
	if err := w.s.SetMark(ctx, c, coord, model.Mark{Key: arKeys[1], State: model.MarkDone, DoneOn: "2026-11-29"}); err != nil {
		t.Fatal(err)
	}
	got := w.item(c, "first_week", "ar11")
	if got.State != model.ItemDone || got.TickedBy != coord || got.ID != ar.ID {
		t.Errorf("both AR-11s done: item %s by %q, want done by the coordinator", got.State, got.TickedBy)
	}
	if err := w.s.SetMark(ctx, c, coord, model.Mark{Key: arKeys[1], State: model.MarkOpen}); err != nil {
		t.Fatal(err)
	}
	if got := w.item(c, "first_week", "ar11"); got.State != model.ItemOpen {
		t.Errorf("AR-11 mark opened again: item %s, want open", got.State)
	}
}

func TestItemNotApplicableNoteAndAssignment(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	c, _ := w.open("g1", model.PersonInput{Name: "Rosa Díaz"})
	coord, mem := w.users["g1coord"].ID, w.users["g1member"].ID
	if _, err := w.s.AddChecklist(ctx, c, coord, "first_week"); err != nil {
		t.Fatal(err)
	}
	it := w.item(c, "first_week", "venue")
	if err := w.s.SetItemState(ctx, c, it.ID, coord, model.ItemNotApplicable, "", ""); !errors.Is(err, model.ErrConflict) {
		t.Errorf("not applicable without a reason: got %v, want ErrConflict", err)
	}
	if err := w.s.SetItemState(ctx, c, it.ID, coord, model.ItemNotApplicable, "Same court", ""); err != nil {
		t.Fatal(err)
	}
	if err := w.s.SetItemNote(ctx, c, it.ID, mem, "Asked the lawyer"); err != nil {
		t.Fatal(err)
	}
	// Someone outside the group is never assigned; a member is.
	if err := w.s.AssignItem(ctx, c, it.ID, coord, w.users["g2coord"].ID, ""); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("assign outside the group: got %v, want ErrNotFound", err)
	}
	papers := w.item(c, "first_week", "papers")
	if err := w.s.AssignItem(ctx, c, papers.ID, coord, mem, "2026-11-28"); err != nil {
		t.Fatal(err)
	}
	got := w.item(c, "first_week", "venue")
	if got.State != model.ItemNotApplicable || got.NAReason != "Same court" || got.Note != "Asked the lawyer" {
		t.Errorf("venue: got %s %q %q", got.State, got.NAReason, got.Note)
	}
	mine, err := w.s.AssignedItems(ctx, mem, c.GroupID, 50)
	if err != nil || len(mine) != 1 || mine[0].Key != "papers" || mine[0].DueOn != "2026-11-28" || mine[0].AssigneeName != "Mario Member" {
		t.Fatalf("AssignedItems: %+v, %v", mine, err)
	}
	due, err := w.s.GroupAssignedDue(ctx, c.GroupID, "2026-12-14", 50)
	if err != nil || len(due) != 1 || due[0].ID != papers.ID {
		t.Errorf("GroupAssignedDue: %+v, %v; want the papers item", due, err)
	}
	// Leaving the group ends the assignment.
	if err := w.s.RemoveMember(ctx, w.orgs["g1"], mem, coord, ""); err != nil {
		t.Fatal(err)
	}
	if got := w.item(c, "first_week", "papers"); got.AssigneeID != "" {
		t.Errorf("after leaving the group: assignee %q, want none", got.AssigneeID)
	}
	own, err := w.s.AddOwnItem(ctx, c, coord, "first_week", "Buy a bus pass")
	if err != nil {
		t.Fatal(err)
	}
	cl, _ := w.s.CaseChecklist(ctx, c.ID, "first_week")
	last := cl.Items[len(cl.Items)-1]
	if last.ID != own || !last.Own || last.EN.Title != "Buy a bus pass" {
		t.Errorf("own item: got %+v", last)
	}
}

func TestTemplateVersionsNeverChangeACase(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	network := w.orgs["n1"].ID
	admin := w.users["n1admin"].ID
	old, _ := w.open("g1", model.PersonInput{Name: "Rosa Díaz"})
	if _, err := w.s.AddChecklist(ctx, old, "", "ending"); err != nil {
		t.Fatal(err)
	}
	v0, err := w.s.NetworkTemplate(ctx, network, "ending")
	if err != nil || v0.Version != 0 {
		t.Fatalf("NetworkTemplate: %v, %v", v0.Version, err)
	}
	// The network drops the first item, rewrites the second and adds one.
	items := append([]model.TemplateItem{}, v0.Items[1:]...)
	items[0].TextKey = ""
	items[0].EN = model.ItemText{Title: "Give back the keys", Why: "w", How: "h"}
	items[0].ES = model.ItemText{Title: "Devuelva las llaves", Why: "w", How: "h"}
	items = append(items, model.TemplateItem{Key: "party", EN: model.ItemText{Title: "Goodbye party"}, ES: model.ItemText{Title: "Fiesta de despedida"}})
	v, err := w.s.SaveTemplate(ctx, network, "ending", admin, 0, items)
	if err != nil || v != 1 {
		t.Fatalf("SaveTemplate: %d, %v", v, err)
	}
	if _, err := w.s.SaveTemplate(ctx, network, "ending", admin, 0, items); !errors.Is(err, model.ErrConflict) {
		t.Errorf("a second edit from version 0: got %v, want ErrConflict", err)
	}
	if _, err := w.s.SaveTemplate(ctx, w.orgs["g1"].ID, "ending", admin, 0, items); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("a group's template: got %v, want ErrForbidden", err)
	}
	// The old case keeps what it was given.
	before, _ := w.s.CaseChecklist(ctx, old.ID, "ending")
	if before.Version != 0 || before.Items[0].Key != "handover" || before.Items[1].TextKey == "" {
		t.Errorf("old case changed: %+v", before)
	}
	// A new case gets version 1; the other network's cases the shipped one.
	fresh, _ := w.open("g2", model.PersonInput{Name: "Ana Ruiz"})
	if _, err := w.s.AddChecklist(ctx, fresh, "", "ending"); err != nil {
		t.Fatal(err)
	}
	nc, _ := w.s.CaseChecklist(ctx, fresh.ID, "ending")
	if nc.Version != 1 || len(nc.Items) != len(items) || nc.Items[0].EN.Title != "Give back the keys" || nc.Items[len(items)-1].Key != "party" {
		t.Errorf("new case: version %d, %d items, first %q", nc.Version, len(nc.Items), nc.Items[0].EN.Title)
	}
	other, _ := w.open("g3", model.PersonInput{Name: "Eva Paz"})
	if _, err := w.s.AddChecklist(ctx, other, "", "ending"); err != nil {
		t.Fatal(err)
	}
	if oc, _ := w.s.CaseChecklist(ctx, other.ID, "ending"); oc.Version != 0 {
		t.Errorf("other network's case: version %d, want 0", oc.Version)
	}
	// The coordinator sees the changes, then pulls the new items in.
	ch, err := w.s.ChecklistChanges(ctx, old, "ending")
	if err != nil || ch.From != 0 || ch.To != 1 || len(ch.Added) != 1 || len(ch.Changed) != 1 || len(ch.Retired) != 1 {
		t.Fatalf("changes: %+v, %v", ch, err)
	}
	tick := before.Items[2]
	if err := w.s.SetItemState(ctx, old, tick.ID, "", model.ItemDone, "", "2026-11-30"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.PullChecklist(ctx, old, "", "ending", 0); !errors.Is(err, model.ErrConflict) {
		t.Errorf("pull of a stale version: got %v, want ErrConflict", err)
	}
	n, err := w.s.PullChecklist(ctx, old, "", "ending", 1)
	if err != nil || n != 1 {
		t.Fatalf("PullChecklist: %d, %v", n, err)
	}
	after, _ := w.s.CaseChecklist(ctx, old.ID, "ending")
	if after.Version != 1 || len(after.Items) != len(before.Items)+1 || after.Items[len(after.Items)-1].Key != "party" || after.Items[2].State != model.ItemDone {
		t.Errorf("after the pull: version %d, %d items; want 1, %d, the tick kept", after.Version, len(after.Items), len(before.Items)+1)
	}
	if ch, _ := w.s.ChecklistChanges(ctx, old, "ending"); !ch.Empty() {
		t.Errorf("after the pull, changes: %+v, want none", ch)
	}
}

// TestNotApplicableLinksItemAndDeadlines (issue 12): setting a deadline
// aside sets its checklist item aside once none of the rule's deadlines
// is left to do, and the item aside sets its deadlines aside with the
// reason as their note, each in one transaction; a recomputation (the
// trigger moved) keeps both; opening either again opens the other, and an
// item a person set aside with a reason of their own is not opened by a
// deadline.
func TestNotApplicableLinksItemAndDeadlines(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	c, _ := w.open("g1", model.PersonInput{Name: "Rosa Díaz"}, model.PersonInput{Name: "Pablo Díaz"})
	w.fact(c, model.Fact{Kind: model.FactArrival, Date: "2026-11-25"})
	coord := w.users["g1coord"].ID
	if _, err := w.s.AddChecklist(ctx, c, coord, "first_week"); err != nil {
		t.Fatal(err)
	}
	moveTrigger := func(day string) {
		t.Helper()
		facts, err := w.s.Facts(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.s.UpdateFactDate(ctx, c, facts[0].ID, coord, day, ""); err != nil {
			t.Fatalf("UpdateFactDate: %v", err)
		}
	}

	// Deadline → item: one of two AR-11s set aside leaves the item open;
	// the second sets it aside, its reason left to the deadlines.
	arKeys := w.keys(c, "ar11-change-of-address")
	if len(arKeys) != 2 {
		t.Fatalf("ar11 deadlines: %v, want 2", arKeys)
	}
	na := func(key, note string) model.Mark {
		return model.Mark{Key: key, State: model.MarkNotApplicable, Note: note}
	}
	if err := w.s.SetMark(ctx, c, coord, na(arKeys[0], "Filed online by the lawyer")); err != nil {
		t.Fatal(err)
	}
	if got := w.item(c, "first_week", "ar11"); got.State != model.ItemOpen {
		t.Errorf("one of two AR-11s set aside: item %s, want open", got.State)
	}
	if err := w.s.SetMark(ctx, c, coord, na(arKeys[1], "")); err != nil {
		t.Fatal(err)
	}
	if got := w.item(c, "first_week", "ar11"); got.State != model.ItemNotApplicable || got.NAReason != "" {
		t.Errorf("both AR-11s set aside: item %s %q, want not applicable with no reason of its own", got.State, got.NAReason)
	}
	moveTrigger("2026-11-26")
	if got := w.item(c, "first_week", "ar11"); got.State != model.ItemNotApplicable {
		t.Errorf("after the recomputation: item %s, want not applicable", got.State)
	}
	for _, k := range arKeys {
		if got := w.markOf(c, k); got != "not_applicable" {
			t.Errorf("after the recomputation, mark %s: %q, want not_applicable", k, got)
		}
	}
	if err := w.s.SetMark(ctx, c, coord, model.Mark{Key: arKeys[1], State: model.MarkOpen}); err != nil {
		t.Fatal(err)
	}
	if got := w.item(c, "first_week", "ar11"); got.State != model.ItemOpen {
		t.Errorf("an AR-11 opened again: item %s, want open", got.State)
	}

	// Item → deadlines: the EOIR-33 item set aside with a reason sets
	// both deadlines aside, the reason their note.
	eoirKeys := w.keys(c, "eoir33-change-of-address")
	it := w.item(c, "first_week", "eoir33")
	if err := w.s.SetItemState(ctx, c, it.ID, coord, model.ItemNotApplicable, "No court case yet", "2026-11-30"); err != nil {
		t.Fatal(err)
	}
	ms, err := w.s.Marks(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range eoirKeys {
		if m := ms[k]; m.State != model.MarkNotApplicable || m.Note != "No court case yet" {
			t.Errorf("EOIR-33 %s after its item was set aside: %s %q", k, m.State, m.Note)
		}
	}
	moveTrigger("2026-11-28")
	for _, k := range eoirKeys {
		if got := w.markOf(c, k); got != "not_applicable" {
			t.Errorf("after the recomputation, EOIR-33 %s: %q, want not_applicable", k, got)
		}
	}
	if got := w.item(c, "first_week", "eoir33"); got.State != model.ItemNotApplicable || got.NAReason != "No court case yet" {
		t.Errorf("after the recomputation: item %s %q", got.State, got.NAReason)
	}
	// A deadline opened again does not open an item a person set aside
	// with their own reason; opening the item opens its deadlines.
	if err := w.s.SetMark(ctx, c, coord, model.Mark{Key: eoirKeys[0], State: model.MarkOpen}); err != nil {
		t.Fatal(err)
	}
	if got := w.item(c, "first_week", "eoir33"); got.State != model.ItemNotApplicable {
		t.Errorf("a deadline opened: the item set aside by a person is %s, want not applicable", got.State)
	}
	if err := w.s.SetItemState(ctx, c, it.ID, coord, model.ItemOpen, "", "2026-11-30"); err != nil {
		t.Fatal(err)
	}
	for _, k := range eoirKeys {
		if got := w.markOf(c, k); got != "open" {
			t.Errorf("item opened: EOIR-33 %s %q, want open", k, got)
		}
	}
	// Ticking an item set aside: its deadlines leave "not applicable" for
	// "done".
	if err := w.s.SetItemState(ctx, c, it.ID, coord, model.ItemNotApplicable, "No court case yet", "2026-11-30"); err != nil {
		t.Fatal(err)
	}
	if err := w.s.SetItemState(ctx, c, it.ID, coord, model.ItemDone, "", "2026-11-30"); err != nil {
		t.Fatal(err)
	}
	for _, k := range eoirKeys {
		if got := w.markOf(c, k); got != "done" {
			t.Errorf("item ticked after being set aside: EOIR-33 %s %q, want done", k, got)
		}
	}
}
