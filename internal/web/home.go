package web

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"puente/internal/authz"
	"puente/internal/deadline"
	"puente/internal/model"
	"puente/internal/tz"
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
	org, err := s.store.OrgInScope(r.Context(), v.Memberships, v.Current.OrgID)
	if err != nil {
		return err
	}
	d.Org = org
	if err := s.fillOrg(r, d, org); err != nil {
		return err
	}
	if authz.Can(v.Viewer, authz.ViewCases, org) {
		d.Updating = s.updatingNotice(d)
		if err := s.fillDue(r, d, org); err != nil {
			return err
		}
		if err := s.fillCoverageFlags(r, d, org); err != nil {
			return err
		}
	}
	return s.render(w, r, http.StatusOK, "home", d)
}

// homeDueDays is how far ahead the home page looks: the "due soon" window
// of deadlines and appointments (deadline.DueSoonDays).
const homeDueDays = deadline.DueSoonDays

// homeDueLimit bounds the home page's list; the case pages have the rest.
const homeDueLimit = 100

// dueView is one line of the group home page: a deadline or an appointment.
type dueView struct {
	CaseID   string
	CaseCode string
	Initials string
	Title    string
	Due      string
	Time     string // local time at the place, formatted (see placeTime)
	Place    string
	State    deadline.State
	// StateLabel names the state; When says the days ("due in 3 days").
	StateLabel string
	When       string
	// Appointment is set for a hearing, check-in or other appointment;
	// Anchor is its place on the case page.
	Appointment bool
	Anchor      string
	sortDay     string
	sortAt      time.Time
}

// fillDue loads, across the group's open cases, what needs attention in
// the next 14 days, soonest first, each with its case code: overdue and
// due tasks, windows that open and expiries (never a date nobody acts on),
// and the hearings, ICE check-ins, biometrics and other appointments from
// today on; then each case's next hearing after that window. Days are the
// group's. A date computed from a date of birth is listed, with its date,
// only for those who may see dates of birth; others are told which case has
// one coming up and whom to ask.
func (s *Server) fillDue(r *http.Request, d *templateData, org model.Org) error {
	ctx := r.Context()
	today := s.today(org.TimeZone)
	until := s.daysFrom(org.TimeZone, homeDueDays)
	items, err := s.store.GroupDue(ctx, org.ID, today, until, homeDueLimit)
	if err != nil {
		return err
	}
	sealed, err := s.store.GroupSealedDue(ctx, org.ID)
	if err != nil {
		return err
	}
	td := parseDay(today)
	seeDOB := authz.Can(viewerFrom(r).Viewer, authz.ManageCases, org)
	var askFor []string
	for _, it := range sealed {
		if it.Due > until {
			continue
		}
		if seeDOB {
			items = append(items, it)
		} else if !slices.Contains(askFor, it.CaseCode) {
			askFor = append(askFor, it.CaseCode)
		}
	}
	lang := dlang(d.Lang)
	var views []dueView
	// One line for the same deadline of several people of a case on one
	// day (one EOIR-33 each after a move), naming them all.
	same := map[string]int{}
	for _, it := range items {
		k := it.CaseID + "\x00" + it.RuleID + "\x00" + it.Due
		if i, ok := same[k]; ok {
			views[i].Initials += ", " + it.Initials
			continue
		}
		same[k] = len(views)
		due := parseDay(it.Due)
		st := deadline.Assess(deadline.Input{Kind: deadline.Kind(it.Kind), Due: due}, td)
		views = append(views, dueView{CaseID: it.CaseID, CaseCode: it.CaseCode, Initials: it.Initials,
			Title: s.ruleTitle(it.RuleID, d.Lang), Due: deadline.FormatDateFull(due, lang),
			State: st.State, StateLabel: d.T("state." + string(st.State)), When: phrase(st, d.Lang),
			Anchor: "d-" + it.Key, sortDay: it.Due})
	}
	end, _ := tz.Instant(s.daysFrom(org.TimeZone, homeDueDays+1), "", org.TimeZone)
	appts, err := s.store.GroupAppointments(ctx, org.ID, s.dayStart(org.TimeZone), end, homeDueLimit)
	if err != nil {
		return err
	}
	for _, it := range appts {
		if !it.Done { // attended: nothing left to do
			views = append(views, s.appointmentDue(d, it, org, td))
		}
	}
	slices.SortStableFunc(views, func(a, b dueView) int {
		if c := strings.Compare(a.sortDay, b.sortDay); c != 0 {
			return c
		}
		return a.sortAt.Compare(b.sortAt) // a day's deadlines, then its appointments in order
	})
	if len(views) > homeDueLimit {
		views = views[:homeDueLimit]
	}
	d.DueItems = views
	if len(askFor) > 0 {
		who, err := s.coordinatorNames(ctx, org.ID, string(d.Lang))
		if err != nil {
			return err
		}
		for _, code := range askFor {
			d.SealedNotices = append(d.SealedNotices, d.T("home.registration_ask", code, who))
		}
	}
	hearings, err := s.store.GroupNextHearings(ctx, org.ID, end)
	if err != nil {
		return err
	}
	for _, it := range hearings {
		d.NextHearings = append(d.NextHearings, s.appointmentDue(d, it, org, td))
	}
	return nil
}

// appointmentDue is an appointment as a line of the home page.
func (s *Server) appointmentDue(d *templateData, it model.DueItem, org model.Org, today deadline.Date) dueView {
	st := deadline.AssessAppointment(appointmentDay(it.Due, it.Time, it.StartsAt, org.TimeZone), today, it.Done)
	return dueView{CaseID: it.CaseID, CaseCode: it.CaseCode, Initials: it.Initials,
		Title: d.T("appointment.kind." + it.Kind), Due: deadline.FormatDateFull(parseDay(it.Due), dlang(d.Lang)),
		Time: placeTime(d.Lang, it.Time, it.TimeZone, it.StartsAt, org.TimeZone), Place: it.Place,
		State: st.State, StateLabel: d.T("state." + string(st.State)), When: phrase(st, d.Lang),
		Appointment: true, Anchor: "a-" + strings.TrimPrefix(it.Key, "appointment/"),
		sortDay: appointmentDay(it.Due, it.Time, it.StartsAt, org.TimeZone).String(), sortAt: it.StartsAt}
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
	d.CanSettings = authz.Can(v.Viewer, authz.EditSettings, org)
	var err error
	if d.Members, err = s.store.Members(ctx, org.ID, string(d.Lang)); err != nil {
		return err
	}
	if org.Kind == model.KindNetwork {
		if d.Groups, err = s.store.Groups(ctx, org.ID, string(d.Lang)); err != nil {
			return err
		}
	}
	if d.CanManage {
		// The links out that reach this organisation's people, and what
		// changed among them lately: shown to those who manage it, so a
		// group's coordinators see every change, whoever made it.
		if d.Invitations, err = s.store.PendingInvitations(ctx, org.ID); err != nil {
			return err
		}
		if d.Resets, err = s.store.PendingResets(ctx, org.ID); err != nil {
			return err
		}
		if d.PeopleChanges, err = s.store.PeopleChanges(ctx, org.ID, s.now().AddDate(0, 0, -peopleChangeDays), peopleChangeLimit); err != nil {
			return err
		}
	}
	if authz.Can(v.Viewer, authz.ViewBackups, org) {
		if d.Backups, err = s.backups(ctx, d.Lang); err != nil {
			return err
		}
	}
	return nil
}

// peopleChangeDays and peopleChangeLimit bound the recent changes to an
// organisation's people that its page shows; the security log has the rest.
const (
	peopleChangeDays  = 30
	peopleChangeLimit = 20
)
