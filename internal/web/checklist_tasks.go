package web

import (
	"context"

	"puente/internal/deadline"
	"puente/internal/model"
)

// Checklist items in a member's task list and on the group's home page
// (issue 12).

// maxAssigned bounds the checklist items a task list shows; homeItemsDue
// those the group's home page lists (the case pages have the rest).
const (
	maxAssigned  = 200
	homeItemsDue = 50
)

// itemDay is the day an assigned item is due: the earlier of the day
// given with the assignment and the earliest open deadline of its rule
// (a day given after the legal deadline never hides it); "" for none.
func itemDay(a model.AssignedItem) string {
	switch {
	case a.DueOn == "":
		return a.RuleDue
	case a.RuleDue == "":
		return a.DueOn
	}
	return min(a.DueOn, a.RuleDue)
}

// checklistTasks are the open checklist items assigned to userID in org's
// open cases, each on its day ("" when it has none: ongoing).
func (s *Server) checklistTasks(ctx context.Context, d *templateData, userID string, org model.Org) ([]taskView, error) {
	items, err := s.store.AssignedItems(ctx, userID, org.ID, maxAssigned)
	if err != nil {
		return nil, err
	}
	out := make([]taskView, 0, len(items))
	for _, a := range items {
		t := taskView{CaseID: a.CaseID, CaseCode: a.CaseCode, Initials: a.Initials, Source: "checklist",
			Title: itemText(d.Lang, a.TemplateItem).Title, Detail: d.stageName(a.Stage),
			Link: "/cases/" + a.CaseID + "/items/" + a.ID}
		if day := itemDay(a); day != "" {
			t.Day, t.When = day, deadline.WeekdayDate(parseDay(day), d.Lang.T)
		}
		out = append(out, t)
	}
	return out, nil
}

// itemDueView is an assigned checklist item on the group's home page.
type itemDueView struct {
	CaseID, CaseCode, Initials string
	Title, Assignee, Due, Link string
	State                      deadline.State
	When                       string
}

// fillItemsDue lists the group's assigned checklist items that are
// overdue or due in the next homeDueDays days, soonest first.
func (s *Server) fillItemsDue(ctx context.Context, d *templateData, org model.Org) error {
	until := s.daysFrom(org.TimeZone, homeDueDays)
	items, err := s.store.GroupAssignedDue(ctx, org.ID, until, homeItemsDue)
	if err != nil {
		return err
	}
	today := s.orgToday(org)
	for _, a := range items {
		day := parseDay(itemDay(a))
		st := deadline.Assess(deadline.Input{Kind: deadline.DueBy, Due: day}, today)
		d.ItemsDue = append(d.ItemsDue, itemDueView{CaseID: a.CaseID, CaseCode: a.CaseCode, Initials: a.Initials,
			Title: itemText(d.Lang, a.TemplateItem).Title, Assignee: a.AssigneeName,
			Due: deadline.FullDate(day, d.Lang.T), Link: "/cases/" + a.CaseID + "/items/" + a.ID,
			State: st.State, When: phrase(st, d.Lang)})
	}
	return nil
}
