package web

import (
	"context"
	"errors"
	"net/url"

	"puente/internal/model"
)

// Checklists in the access matrix (issue 12). Each item cell acts on an
// item the group's coordinator holds, so a member gets 403 where only
// coordinators act on others' items; a member acting on their own and on
// unheld items is in checklist_flow_test.go.

// firstWeek gives c the first week's checklist if it has none.
func (e *testEnv) firstWeek(c model.Case) model.CaseChecklist {
	ctx := context.Background()
	if _, err := e.st.AddChecklist(ctx, c, "", "first_week"); err != nil && !errors.Is(err, model.ErrConflict) {
		e.t.Fatalf("AddChecklist: %v", err)
	}
	cl, err := e.st.CaseChecklist(ctx, c.ID, "first_week")
	if err != nil {
		e.t.Fatal(err)
	}
	return cl
}

// coordItem is an item of c's first-week checklist that the group's
// coordinator holds, open.
func (e *testEnv) coordItem(c model.Case) string {
	ctx := context.Background()
	it := e.firstWeek(c).Items[2]
	if err := e.st.AssignItem(ctx, c, it.ID, "", e.coordOf(c), ""); err != nil {
		e.t.Fatalf("AssignItem: %v", err)
	}
	if err := e.st.SetItemState(ctx, c, it.ID, "", model.ItemOpen, "", ""); err != nil {
		e.t.Fatal(err)
	}
	return it.ID
}

func checklistMatrix() []matrixRow {
	on := func(suffix func(e *testEnv, c model.Case) string, form url.Values) func(e *testEnv, role int, target string) cell {
		return func(e *testEnv, role int, target string) cell {
			c := e.cases[target]
			return cell{path: "/cases/" + c.ID + suffix(e, c), form: form}
		}
	}
	fixed := func(s string) func(*testEnv, model.Case) string {
		return func(*testEnv, model.Case) string { return s }
	}
	week := func(rest string) func(e *testEnv, c model.Case) string {
		return func(e *testEnv, c model.Case) string {
			e.firstWeek(c)
			return "/checklists/first_week" + rest
		}
	}
	item := func(rest string) func(e *testEnv, c model.Case) string {
		return func(e *testEnv, c model.Case) string { return "/items/" + e.coordItem(c) + rest }
	}
	// The coordinator assigns the item to themselves again.
	assignForm := func(e *testEnv, role int, target string) cell {
		c := e.cases[target]
		return cell{path: "/cases/" + c.ID + "/items/" + e.coordItem(c) + "/assign", form: url.Values{"assignee_id": {e.coordOf(c)}}}
	}
	// The sponsor letter: coordinators only; to a member it does not exist.
	letter := func(ok int, anon int) [6][]int {
		m := viewCases(ok)
		m[0] = []int{anon, anon, anon}
		m[1] = []int{s404, s404, s404}
		return m
	}
	return []matrixRow{
		{method: "GET", pattern: "/cases/{caseID}/letter", targets: caseTargets, on: on(fixed("/letter"), nil), want: letter(s200, s303)},
		{method: "POST", pattern: "/cases/{caseID}/letter", targets: caseTargets, on: on(fixed("/letter"), url.Values{}), want: letter(s200, s401)},
		{method: "GET", pattern: "/cases/{caseID}/checklists/new", targets: caseTargets, on: on(fixed("/checklists/new"), nil), want: manageCasesGet(s200)},
		{method: "POST", pattern: "/cases/{caseID}/checklists", targets: caseTargets,
			on: on(fixed("/checklists"), url.Values{"stage": {"castle"}}), want: manageCases(s422)},
		{method: "GET", pattern: "/cases/{caseID}/checklists/{stage}", targets: caseTargets, on: on(week(""), nil), want: viewCases(s200)},
		{method: "GET", pattern: "/cases/{caseID}/checklists/{stage}/update", targets: caseTargets, on: on(week("/update"), nil), want: manageCasesGet(s200)},
		{method: "POST", pattern: "/cases/{caseID}/checklists/{stage}/update", targets: caseTargets,
			on: on(week("/update"), url.Values{"version": {"0"}}), want: manageCases(s303)},
		{method: "GET", pattern: "/cases/{caseID}/checklists/{stage}/items/new", targets: caseTargets, on: on(week("/items/new"), nil), want: viewCases(s200)},
		{method: "POST", pattern: "/cases/{caseID}/checklists/{stage}/items", targets: caseTargets,
			on: on(week("/items"), url.Values{"title": {""}}), want: postCases(s422)},
		{method: "GET", pattern: "/cases/{caseID}/items/{itemID}", targets: caseTargets, on: on(item(""), nil), want: viewCases(s200)},
		{method: "POST", pattern: "/cases/{caseID}/items/{itemID}/tick", targets: caseTargets,
			on: on(item("/tick"), url.Values{"state": {"done"}}), want: manageCases(s303)},
		{method: "GET", pattern: "/cases/{caseID}/items/{itemID}/assign", targets: caseTargets, on: on(item("/assign"), nil), want: manageCasesGet(s200)},
		{method: "POST", pattern: "/cases/{caseID}/items/{itemID}/assign", targets: caseTargets, on: assignForm, want: manageCases(s303)},
		{method: "GET", pattern: "/cases/{caseID}/items/{itemID}/na", targets: caseTargets, on: on(item("/na"), nil), want: manageCasesGet(s200)},
		{method: "POST", pattern: "/cases/{caseID}/items/{itemID}/na", targets: caseTargets,
			on: on(item("/na"), url.Values{"reason": {""}}), want: manageCases(s422)},
		{method: "GET", pattern: "/cases/{caseID}/items/{itemID}/note", targets: caseTargets, on: on(item("/note"), nil), want: manageCasesGet(s200)},
		{method: "POST", pattern: "/cases/{caseID}/items/{itemID}/note", targets: caseTargets,
			on: on(item("/note"), url.Values{"note": {"Called the court"}}), want: manageCases(s303)},
	}
}

// templateMatrix: a network's checklist templates are its admins' alone.
// Retiring acts on an item of the privacy stage that no other cell uses.
func templateMatrix() []matrixRow {
	at := func(suffix string, form url.Values) func(e *testEnv, o model.Org) cell {
		return func(e *testEnv, o model.Org) cell {
			return cell{path: "/orgs/" + o.ID + "/checklists" + suffix, form: form}
		}
	}
	get := onlyOwnNetworkAdmin(s200)
	get[0] = anonGet
	post := func(ok int) [6][5]int {
		m := onlyOwnNetworkAdmin(ok)
		m[0] = anonPost
		return m
	}
	return []matrixRow{
		{method: "GET", pattern: "/orgs/{orgID}/checklists", prepare: at("", nil), org: get},
		{method: "GET", pattern: "/orgs/{orgID}/checklists/{stage}", prepare: at("/ending", nil), org: get},
		{method: "GET", pattern: "/orgs/{orgID}/checklists/{stage}/items/new", prepare: at("/ending/items/new", nil), org: get},
		{method: "POST", pattern: "/orgs/{orgID}/checklists/{stage}/items", prepare: at("/ending/items", url.Values{"title_en": {""}, "version": {"0"}}), org: post(s422)},
		{method: "GET", pattern: "/orgs/{orgID}/checklists/{stage}/items/{key}/edit", prepare: at("/ending/items/handover/edit", nil), org: get},
		{method: "POST", pattern: "/orgs/{orgID}/checklists/{stage}/items/{key}", prepare: at("/ending/items/handover", url.Values{"title_en": {"Hand over"}, "version": {"0"}}), org: post(s422)},
		{method: "POST", pattern: "/orgs/{orgID}/checklists/{stage}/items/{key}/move", prepare: at("/ending/items/handover/move", url.Values{"dir": {"up"}, "version": {"0"}}), org: post(s303)},
		{method: "GET", pattern: "/orgs/{orgID}/checklists/{stage}/items/{key}/retire", prepare: at("/privacy/items/devices/retire", nil), org: get},
		{method: "POST", pattern: "/orgs/{orgID}/checklists/{stage}/items/{key}/retire", prepare: at("/privacy/items/notes/retire", url.Values{"version": {"0"}}), org: post(s303)},
	}
}
