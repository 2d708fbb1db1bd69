package web

import (
	"net/http"
	"slices"
	"strings"

	"puente/internal/authz"
	"puente/internal/deadline"
	"puente/internal/ledger"
	"puente/internal/model"
	"puente/internal/store"
)

// taskView is one line of a member's own list: what, when, for which case.
type taskView struct {
	Day  string // YYYY-MM-DD; "" for something ongoing
	When string // the day in words
	// Late: its day has passed (a checklist item not done); When says so.
	Late bool
	// Window: its day is not one something is due on (a window that
	// opens, a date for information): never late.
	Window   bool
	Title    string
	Detail   string
	CaseID   string
	CaseCode string
	Initials string
	Link     string
	// Source says where the task comes from: "appointment", "commitment"
	// or "checklist" (issue 12).
	Source string
}

// weekDays is "this week": today and the 6 days after it.
const weekDays = 6

// tasksView is /me/tasks: across every case of the viewer's current group,
// the appointments they go to, the commitments they hold and the
// checklist items assigned to them, soonest first.
// The first screen answers "what do I have to do this week?".
func (s *Server) tasksView(w http.ResponseWriter, r *http.Request) error {
	v := viewerFrom(r)
	d := s.newData(r)
	d.Title = d.T("tasks.title")
	d.Commit = &commitData{}
	if v.Current.OrgID == "" {
		return s.render(w, r, http.StatusOK, "tasks", d)
	}
	org, err := s.store.OrgForUser(r.Context(), v.UserID, v.Current.OrgID)
	if err != nil {
		return err
	}
	d.Org, d.Commit.Group = org, org.Name
	if !authz.Can(v.Viewer, authz.ViewCases, org) {
		return s.render(w, r, http.StatusOK, "tasks", d) // network staff hold no case tasks
	}
	today := s.orgToday(org)
	appts, held, err := s.store.UserTasks(r.Context(), v.UserID, org.ID, s.dayStart(org.TimeZone))
	if err != nil {
		return err
	}
	tasks := d.appointmentTasks(appts, org.TimeZone)
	tasks = append(tasks, d.commitmentTasks(held, today, v.UserID)...)
	items, err := s.checklistTasks(r.Context(), d, v.UserID, org)
	if err != nil {
		return err
	}
	tasks = append(tasks, items...)
	slices.SortStableFunc(tasks, func(a, b taskView) int {
		switch {
		case a.Day == b.Day:
			return 0
		case a.Day == "": // ongoing last
			return 1
		case b.Day == "":
			return -1
		}
		return strings.Compare(a.Day, b.Day)
	})
	todayS, weekEnd := today.String(), today.AddDays(weekDays).String()
	for _, t := range tasks {
		switch {
		case t.Day == "":
			d.Commit.Ongoing = append(d.Commit.Ongoing, t)
		case t.Day < todayS && !t.Window: // a checklist item past its day, not done: first this week, said so
			t.Late, t.When = true, d.T("tasks.late", t.When)
			d.Commit.ThisWeek = append(d.Commit.ThisWeek, t)
		case t.Day <= weekEnd:
			d.Commit.ThisWeek = append(d.Commit.ThisWeek, t)
		default:
			d.Commit.Later = append(d.Commit.Later, t)
		}
	}
	return s.render(w, r, http.StatusOK, "tasks", d)
}

// appointmentTasks are the appointments a member goes to, each on its day
// in zone (the organisation's), with its local time at its place.
func (d *templateData) appointmentTasks(appts []model.DueItem, zone string) []taskView {
	out := make([]taskView, 0, len(appts))
	for _, a := range appts {
		day := appointmentDay(a.Due, a.Time, a.StartsAt, zone)
		t := taskView{Day: day.String(), When: deadline.WeekdayDate(day, d.Lang.T), CaseID: a.CaseID,
			CaseCode: a.CaseCode, Initials: a.Initials, Source: "appointment",
			Title: d.T("tasks.appointment", d.T("appointment.kind."+a.Kind), d.T("going.doing."+string(a.Role))),
			Link:  "/cases/" + a.CaseID + "#a-" + strings.TrimPrefix(a.Key, "appointment/")}
		var detail []string
		if lt := placeTime(d.Lang, a.Time, a.TimeZone, a.StartsAt, zone); lt != "" {
			detail = append(detail, lt)
		}
		if a.Place != "" {
			detail = append(detail, a.Place)
		}
		t.Detail = strings.Join(detail, " · ")
		out = append(out, t)
	}
	return out
}

// commitmentTasks turns the commitments a member holds into tasks dated by
// what comes next: the day it starts, the next instalment of money not
// given yet (what is left of it), the day its period ends; ongoing when
// none of these applies. Money whose instalments passed without it is a
// task of its own, late since the oldest of them (ledger.OwingOn), even
// once the period is over.
func (d *templateData) commitmentTasks(held []store.HeldCommitment, today deadline.Date, viewerID string) []taskView {
	var out []taskView
	for _, hc := range held {
		cv := d.commitmentViewOf(hc.Commitment, today, viewerID)
		lc, g := ledgerOf(hc.Commitment), givenOf(hc.Commitment)
		owing := cv.owing
		if cv.State == ledger.Fulfilled || cv.State == ledger.Cancelled || (cv.State == ledger.Lapsed && owing.Behind == 0) {
			continue
		}
		base := taskView{CaseID: hc.CaseID, CaseCode: hc.CaseCode, Initials: hc.Initials, Source: "commitment",
			Link: "/cases/" + hc.CaseID + "/commitments/" + hc.ID, Detail: hc.Description}
		if ledger.NothingRecorded(lc, g, today) {
			base.Detail = strings.TrimSpace(base.Detail + " · " + d.T("commit.given_none"))
			base.Detail = strings.TrimPrefix(base.Detail, "· ")
		}
		if owing.Behind > 0 {
			t := base
			t.Day, t.When = owing.Since.String(), deadline.WeekdayDate(owing.Since, d.Lang.T)
			t.Title = d.T("tasks.money_behind", ledger.Format(owing.Behind, lc.Money.Currency))
			out = append(out, t)
		}
		if cv.State == ledger.Lapsed {
			continue
		}
		t := base
		var day deadline.Date
		switch {
		case cv.State == ledger.Pledged:
			day, t.Title = lc.Start, d.T("tasks.starts", cv.KindLabel)
		case lc.Money != nil && !owing.Next.IsZero():
			day = owing.Next
			amount := ledger.Format(owing.NextAmount, lc.Money.Currency)
			t.Title = d.T("tasks.money_due", amount)
			if day == today { // the organisation's day: "due today", as the commitment page says
				t.Title = d.T("tasks.money_due_today", amount)
			}
		case !lc.Ends().IsZero():
			day, t.Title = lc.Ends(), d.T("tasks.ends", cv.KindLabel)
		default:
			t.Title = cv.KindLabel
		}
		if !day.IsZero() {
			t.Day, t.When = day.String(), deadline.WeekdayDate(day, d.Lang.T)
		}
		out = append(out, t)
	}
	return out
}
