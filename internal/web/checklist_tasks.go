package web

import (
	"context"
	"slices"
	"strings"

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

// itemStatus is where assigned item a stands on today, its Date the day
// it is listed on. The item's rule says what its day means: the earliest
// open deadline of a "due by" rule, or the day given with the assignment,
// is a day something is due (the earlier of the two, as itemDay); a
// window that opens (the work permit at clock day 150) is the first day
// one may act, never due nor overdue ("opens in 6 days", then "open
// since …"), and once it is open the day given with the assignment, if
// any, is when it is due; an expiry or a date nobody acts on is for
// information unless a day was given. The zero Status (Undated) when the
// item has no day.
func itemStatus(a model.AssignedItem, today deadline.Date) deadline.Status {
	kind := deadline.Kind(a.RuleKind)
	if a.RuleDue == "" || kind == "" || kind == deadline.DueBy {
		day := itemDay(a)
		if day == "" {
			return deadline.Status{State: deadline.Undated}
		}
		return deadline.Assess(deadline.Input{Kind: deadline.DueBy, Due: parseDay(day)}, today)
	}
	rule := parseDay(a.RuleDue)
	if a.DueOn != "" && (kind != deadline.Opens || !today.Before(rule)) {
		return deadline.Assess(deadline.Input{Kind: deadline.DueBy, Due: parseDay(a.DueOn)}, today)
	}
	return deadline.Assess(deadline.Input{Kind: kind, Due: rule}, today)
}

// checklistTasks are the open checklist items assigned to userID in org's
// open cases, each on its day ("" when it has none: ongoing), dated and
// said as itemStatus assesses them: a window that opens is never late.
func (s *Server) checklistTasks(ctx context.Context, d *templateData, userID string, org model.Org) ([]taskView, error) {
	items, err := s.store.AssignedItems(ctx, userID, org.ID, maxAssigned)
	if err != nil {
		return nil, err
	}
	today := s.orgToday(org)
	out := make([]taskView, 0, len(items))
	for _, a := range items {
		t := taskView{CaseID: a.CaseID, CaseCode: a.CaseCode, Initials: a.Initials, Source: "checklist",
			Title: itemText(d.Lang, a.TemplateItem).Title, Detail: d.stageName(a.Stage),
			Link: "/cases/" + a.CaseID + "/items/" + a.ID}
		st := itemStatus(a, today)
		if st.State != deadline.Undated {
			t.Day, t.When = st.Date.String(), deadline.WeekdayDate(st.Date, d.Lang.T)
			switch st.State {
			case deadline.OpensOn:
				t.Window, t.When = true, d.T("tasks.opens", t.When)
			case deadline.OpenNow:
				t.Window, t.When = true, d.T("tasks.open_since", t.When)
			case deadline.Info:
				t.Window = true
			}
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
	day                        string // YYYY-MM-DD, for the order
}

// fillItemsDue lists the group's assigned checklist items that are
// overdue, due or open (or opening) in the next homeDueDays days, soonest
// first, each assessed by its rule's kind (itemStatus): a window that
// opens is tagged "Opens later", never due.
func (s *Server) fillItemsDue(ctx context.Context, d *templateData, org model.Org) error {
	until := s.daysFrom(org.TimeZone, homeDueDays)
	items, err := s.store.GroupAssignedDue(ctx, org.ID, until, homeItemsDue)
	if err != nil {
		return err
	}
	today := s.orgToday(org)
	for _, a := range items {
		st := itemStatus(a, today)
		d.ItemsDue = append(d.ItemsDue, itemDueView{CaseID: a.CaseID, CaseCode: a.CaseCode, Initials: a.Initials,
			Title: itemText(d.Lang, a.TemplateItem).Title, Assignee: a.AssigneeName,
			Due: deadline.FullDate(st.Date, d.Lang.T), Link: "/cases/" + a.CaseID + "/items/" + a.ID,
			State: st.State, When: phrase(st, d.Lang), day: st.Date.String()})
	}
	// The store orders by the earlier of the two days; an opening window
	// with a later day given is listed on the day it shows.
	slices.SortStableFunc(d.ItemsDue, func(x, y itemDueView) int { return strings.Compare(x.day, y.day) })
	return nil
}
