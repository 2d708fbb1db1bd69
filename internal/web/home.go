package web

import (
	"net/http"

	"puente/internal/authz"
	"puente/internal/deadline"
	"puente/internal/model"
)

// home is the current organisation's overview: a network's groups, a
// group's people. Later issues add cases and deadlines here.
func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	v := viewerFrom(r)
	d := s.newData(r)
	d.Title = d.T("home.title")
	if v.Current.OrgID == "" {
		return s.render(w, r, http.StatusOK, "home", d)
	}
	org, err := s.store.OrgForUser(r.Context(), v.UserID, v.Current.OrgID)
	if err != nil {
		return err
	}
	d.Org = org
	if err := s.fillOrg(r, d, org); err != nil {
		return err
	}
	if authz.Can(v.Viewer, authz.ViewCases, org) {
		if err := s.fillDue(r, d, org); err != nil {
			return err
		}
	}
	return s.render(w, r, http.StatusOK, "home", d)
}

// homeDueDays is how far ahead the home page looks.
const homeDueDays = 30

// homeDueLimit bounds the home page's list; the case pages have the rest.
const homeDueLimit = 100

// dueView is one line of the group home page.
type dueView struct {
	CaseID   string
	CaseCode string
	Initials string
	Title    string
	Due      string
	Time     string
	Place    string
	State    deadline.State
}

// fillDue loads, across the group's open cases, what is overdue and what
// is due in the next 30 days, and each case's next hearing.
func (s *Server) fillDue(r *http.Request, d *templateData, org model.Org) error {
	today := s.today()
	until := s.now().AddDate(0, 0, homeDueDays).Format("2006-01-02")
	items, err := s.store.GroupDue(r.Context(), org.ID, today, until, homeDueLimit)
	if err != nil {
		return err
	}
	lang := dlang(d.Lang)
	td := parseDay(today)
	for _, it := range items {
		due := parseDay(it.Due)
		d.DueItems = append(d.DueItems, dueView{CaseID: it.CaseID, CaseCode: it.CaseCode, Initials: it.Initials,
			Title: s.ruleTitle(it.RuleID, d.Lang), Due: deadline.FormatDateWeekday(due, lang),
			State: deadline.StateOf(due, td, false, false)})
	}
	hearings, err := s.store.GroupNextHearings(r.Context(), org.ID, today)
	if err != nil {
		return err
	}
	for _, it := range hearings {
		due := parseDay(it.Due)
		d.NextHearings = append(d.NextHearings, dueView{CaseID: it.CaseID, CaseCode: it.CaseCode, Initials: it.Initials,
			Title: d.T("appointment.kind." + it.Kind), Due: deadline.FormatDateWeekday(due, lang), Time: it.Time,
			Place: it.Place, State: deadline.StateOf(due, td, false, false)})
	}
	return nil
}

// fillOrg loads what an organisation page shows, according to what the
// viewer may do there.
func (s *Server) fillOrg(r *http.Request, d *templateData, org model.Org) error {
	ctx := r.Context()
	v := viewerFrom(r)
	d.Org = org
	d.Roles = model.RolesFor(org.Kind)
	d.CanManage = authz.Can(v.Viewer, authz.ManagePeople, org)
	d.CanGroup = authz.Can(v.Viewer, authz.CreateGroup, org)
	d.CanLog = authz.Can(v.Viewer, authz.ViewSecurityLog, org)
	var err error
	if d.Members, err = s.store.Members(ctx, org.ID); err != nil {
		return err
	}
	if org.Kind == model.KindNetwork {
		if d.Groups, err = s.store.Groups(ctx, org.ID); err != nil {
			return err
		}
	}
	if d.CanManage {
		if d.Invitations, err = s.store.PendingInvitations(ctx, org.ID); err != nil {
			return err
		}
	}
	return nil
}
