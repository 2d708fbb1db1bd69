package web

import (
	"context"
	"strings"

	"puente/internal/authz"
	"puente/internal/checklist"
	"puente/internal/deadline"
	"puente/internal/i18n"
	"puente/internal/model"
	"puente/internal/tz"
)

// checklistData is what the checklist pages and the case page's
// checklist block show.
type checklistData struct {
	// Lists are the case's checklists in stage order; List the one a
	// checklist page is about; Item the item an item page or form is about.
	Lists []checklistView
	List  *checklistView
	Item  *itemPageView
	// Stages are the stages a coordinator may still give the case.
	Stages []stageOption
	// Offer asks a coordinator to give a new case without checklists the
	// first week's (checklist.Offered); AddInDetails puts "Add a
	// checklist" in an older one's collapsed details instead.
	Offer, AddInDetails bool
	// CanAdd: the viewer may give the case a checklist and pull a newer
	// version's items in (coordinators).
	CanAdd bool
	// Changes are what a newer template version changes (update page).
	Changes *changesView
	// Members are whom an item may be assigned to, by the viewer.
	Members []model.Member
}

// stageOption is a stage in a form's choice.
type stageOption struct {
	Stage, Label string
}

// checklistView is one checklist: its stage's name, how far along it is
// (n of m settled), its next open item, its items.
type checklistView struct {
	Stage, Name, Intro string
	Done, Total        int
	Version            int
	Next               *itemPageView
	Items              []itemPageView
	URL                string
	// Behind: the network's template has a newer version (coordinators).
	Behind bool
}

// itemPageView is one item in the page's language, with the date and
// state of its deadline rule on this case.
type itemPageView struct {
	model.ChecklistItem
	Text      model.ItemText
	RoleLabel string
	StageName string
	// Deadline is the first of the case's deadlines of the item's rule
	// still to act on (or else the first), nil when the case has none.
	Deadline *deadlineView
	// Waiting says why an item tied to a rule has no date on this case.
	Waiting string
	// DueDay is the assignment's day in full.
	DueDay string
	// AfterDeadline warns that the assignment's day is after the open
	// deadline of the item's rule ("The day set for this task is after its
	// deadline, Monday 16 November 2026."), "" when it is not.
	AfterDeadline string
	// BeforeOpens warns that the assignment's day is before the window of
	// the item's rule opens (the work permit at clock day 150: an
	// application sent earlier is rejected, 8 CFR 208.7(a)), "" when not.
	BeforeOpens string
	// DeadlineLabel heads the rule's date: "Deadline", or "Opens on" for a
	// window that opens.
	DeadlineLabel string
	// TickedOn is the day it was ticked, in the group's zone, in full.
	TickedOn string
	// CanAct: the viewer may tick, set aside or annotate it; CanAssign:
	// take it, give it back or assign it (authz.ActOnItem, AssignItem).
	CanAct, CanAssign bool
	URL               string
}

// itemText is an item's words in lang: a shipped item's from the message
// files, a network's or a group's as written, English where it has none in
// lang (a group's own item is in the one language it was typed in).
func itemText(lang i18n.Lang, it model.TemplateItem) model.ItemText {
	if it.TextKey != "" {
		t := model.ItemText{Title: lang.T(it.TextKey + ".title"), Why: lang.T(it.TextKey + ".why"), How: lang.T(it.TextKey + ".how")}
		if i18n.Has(it.TextKey + ".bring") {
			t.Bring = lang.T(it.TextKey + ".bring")
		}
		return t
	}
	return it.Text(string(lang))
}

// stageName is a stage's name in the page's language.
func (d *templateData) stageName(stage string) string {
	return d.T(checklist.StageKey(checklist.Stage(stage)))
}

// itemView dresses item it for d's viewer: its words, role, its rule's
// deadline on this case (d.Deadlines must be filled) and what the viewer
// may do with it.
func (d *templateData) itemView(it model.ChecklistItem, v authz.Viewer) itemPageView {
	iv := itemPageView{ChecklistItem: it, Text: itemText(d.Lang, it.TemplateItem), StageName: d.stageName(it.Stage),
		URL: "/cases/" + d.Case.ID + "/items/" + it.ID}
	if it.Role != "" {
		iv.RoleLabel = d.T("commit.kind." + it.Role)
	}
	if it.DueOn != "" {
		iv.DueDay = d.FullDay(it.DueOn)
	}
	if !it.TickedAt.IsZero() {
		iv.TickedOn = d.Lang.DateTime(it.TickedAt, tz.Location(d.Org.TimeZone))
	}
	if it.State == model.ItemNotApplicable && it.NAReason == "" {
		// Set aside with its deadline, which holds the reason if any.
		iv.NAReason = d.T("checklist.na_with_deadline")
	}
	if it.Rule != "" {
		for i := range d.Deadlines {
			dv := &d.Deadlines[i]
			if dv.RuleID != it.Rule {
				continue
			}
			if iv.Deadline == nil || (closedState(iv.Deadline.State) && !closedState(dv.State)) {
				iv.Deadline = dv
			}
		}
		if dl := iv.Deadline; dl != nil && it.DueOn != "" && dl.DueISO != "" && !closedState(dl.State) {
			switch {
			case dl.Kind == deadline.Opens && it.DueOn < dl.DueISO:
				iv.BeforeOpens = d.T("checklist.before_opens", d.FullDay(dl.DueISO))
			case dl.Kind == deadline.DueBy && it.DueOn > dl.DueISO:
				iv.AfterDeadline = d.T("checklist.after_deadline", d.FullDay(dl.DueISO))
			}
		}
		iv.DeadlineLabel = d.T("checklist.deadline")
		if dl := iv.Deadline; dl != nil && dl.Kind == deadline.Opens {
			iv.DeadlineLabel = d.T("checklist.opens_on")
		}
		if iv.Deadline == nil {
			if k := "checklist.wait." + strings.ReplaceAll(it.Rule, "-", "_"); i18n.Has(k) {
				iv.Waiting = d.T(k)
			} else {
				iv.Waiting = d.T("checklist.waiting", ruleTitle(d.Lang, it.Rule))
			}
		}
	}
	open := d.Case.Open()
	iv.CanAct = open && authz.ActOnItem(v, d.Org, it.AssigneeID)
	iv.CanAssign = open && (authz.Can(v, authz.ManageCases, d.Org) || authz.AssignItem(v, d.Org, it.AssigneeID, v.UserID) ||
		authz.AssignItem(v, d.Org, it.AssigneeID, ""))
	return iv
}

// ruleTitle is the title of deadline rule id in lang ("" when unknown).
func ruleTitle(lang i18n.Lang, id string) string {
	rs, err := deadline.Default()
	if err != nil {
		return ""
	}
	for _, r := range rs.Rules() {
		if r.ID == id {
			return say(r.Title, lang)
		}
	}
	return ""
}

// checklistViews dresses a case's checklists.
func (d *templateData) checklistViews(lists []model.CaseChecklist, v authz.Viewer) []checklistView {
	out := make([]checklistView, 0, len(lists))
	for _, cl := range lists {
		done, total := cl.Counts()
		cv := checklistView{Stage: cl.Stage, Name: d.stageName(cl.Stage), Intro: d.T(checklist.StageKey(checklist.Stage(cl.Stage)) + ".intro"),
			Done: done, Total: total, Version: cl.Version, URL: "/cases/" + d.Case.ID + "/checklists/" + cl.Stage}
		for _, it := range cl.Items {
			iv := d.itemView(it, v)
			cv.Items = append(cv.Items, iv)
			if cv.Next == nil && it.State == model.ItemOpen {
				cv.Next = &cv.Items[len(cv.Items)-1]
			}
		}
		if cv.Next != nil { // the slice may have moved since
			for i := range cv.Items {
				if cv.Items[i].ID == cv.Next.ID {
					cv.Next = &cv.Items[i]
				}
			}
		}
		out = append(out, cv)
	}
	return out
}

// fillChecklists loads the case's checklists into d (d.Deadlines must be
// filled), with the stages a coordinator may still add.
func (s *Server) fillChecklists(ctx context.Context, d *templateData, v authz.Viewer) error {
	lists, err := s.store.CaseChecklists(ctx, d.Case.ID)
	if err != nil {
		return err
	}
	d.Checklists = &checklistData{Lists: d.checklistViews(lists, v),
		CanAdd: d.Case.Open() && authz.Can(v, authz.ManageCases, d.Org)}
	have := map[string]bool{}
	for _, cl := range lists {
		have[cl.Stage] = true
	}
	for _, st := range checklist.Stages {
		if !have[string(st)] {
			d.Checklists.Stages = append(d.Checklists.Stages, stageOption{Stage: string(st), Label: d.stageName(string(st))})
		}
	}
	// A case opened in the last offerDays days offers the first week's
	// checklist among the page's last actions; an older case without
	// checklists has "Add a checklist" in its collapsed details, so that a
	// long-running case's page keeps its height on a phone.
	if d.Checklists.CanAdd && len(lists) == 0 {
		opened := parseDay(tz.Today(d.Case.CreatedAt, d.Org.TimeZone))
		d.Checklists.Offer = opened.DaysUntil(s.todayDate(d.Org.TimeZone)) <= offerDays
		d.Checklists.AddInDetails = !d.Checklists.Offer
	}
	return nil
}

// offerDays is how long after it was opened a case without checklists
// offers the first week's.
const offerDays = 30

// closedState: nothing is left to do about a deadline in state st.
func closedState(st deadline.State) bool {
	return st == deadline.Done || st == deadline.DoneLate || st == deadline.NotApplicable || st == deadline.Info
}

// itemStateArgs is what the "cl-item-state" tag shows: an item's state in
// words, with the colour class of the deadline state it matches.
type itemStateArgs struct {
	State, Class, Label string
}

// ItemArgs names an item's state for the "cl-item-state" template.
func (d *templateData) ItemArgs(st model.ItemState) itemStateArgs {
	class := map[model.ItemState]string{model.ItemDone: "done", model.ItemNotApplicable: "not_applicable"}[st]
	if class == "" {
		class = "upcoming"
	}
	return itemStateArgs{State: string(st), Class: class, Label: d.T("checklist.state." + string(st))}
}
