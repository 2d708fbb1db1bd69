package web

import (
	"errors"
	"net/http"
	"slices"
	"sort"
	"strconv"
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
	if org.Kind == model.KindNetwork {
		d.Areas = networkAreas(d, v, org)
	}
	if d.CanOffers {
		if d.OffersWaiting, err = s.store.OpenOffers(r.Context(), org); err != nil {
			return err
		}
	}
	if authz.Can(v.Viewer, authz.ViewCases, org) {
		d.Updating = s.updatingNotice(d)
		if err := s.fillDue(r, d, org); errors.Is(err, errPageGone) {
			// A page past the end (the list got shorter): its first page.
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return nil
		} else if err != nil {
			return err
		}
		if err := s.fillCoverageFlags(r, d, org, s.orgToday(org)); err != nil {
			return err
		}
		if err := s.fillItemsDue(r.Context(), d, org); err != nil {
			return err
		}
	}
	return s.render(w, r, http.StatusOK, "home", d)
}

// homeDueDays is how far ahead the home page looks: the "due soon" window
// of deadlines and appointments (deadline.DueSoonDays).
const homeDueDays = deadline.DueSoonDays

// homeLaterHearings is how many cases' next hearings after the window the
// home page lists; the case list shows every case's next appointment.
const homeLaterHearings = 10

// homeDuePage is how many lines of the next 14 days one home page shows
// (?page=2 and on show the next ones): on a phone a page of 25 is already
// long, and a group of 300 cases has hundreds in a fortnight.
const homeDuePage = 25

// errPageGone: the home page asked for is past the end of the list.
var errPageGone = errors.New("web: no such page of the next 14 days")

// homeDuePages bounds the page number (2,500 lines).
const homeDuePages = 100

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
	// StateLabel names the state; When says the days after it ("in 3 days").
	StateLabel string
	When       string
	// Appointment is set for a hearing, check-in or other appointment;
	// Anchor is its place on the case page.
	Appointment bool
	Anchor      string
	sortDay     string
	sortAt      time.Time
	// item is the line's deadline or appointment: a line is sorted by
	// its keys and written out in words (dueLine) only when shown.
	item model.DueItem
}

// fillDue loads, across the group's open cases, what needs attention in
// the next 14 days, soonest first, each with its case code: overdue and
// due tasks, windows that open and expiries (never a date nobody acts on),
// and the hearings, ICE check-ins, biometrics and other appointments from
// today on; then each case's next hearing after that window. Days are the
// group's. A date computed from a date of birth is listed, with its date,
// only for those who may see dates of birth; others are told which case has
// one coming up and whom to ask.
// The deadlines are read up to a limit; the sealed dates and the window's
// appointments on the days before the deadlines stopped are read whole.
func (s *Server) fillDue(r *http.Request, d *templateData, org model.Org) error {
	ctx := r.Context()
	page := 1
	if n, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil && n > 1 && n <= homeDuePages {
		page = n
	}
	first, last := (page-1)*homeDuePage, page*homeDuePage
	// Each source is read in the page's order up to a limit; lines are
	// certain only up to the day a source that filled its limit stopped
	// at. Read more until the page is certain (once, nearly always).
	until := s.daysFrom(org.TimeZone, homeDueDays)
	// Sealed dates are read whole (they cannot be limited in SQL): once.
	sealed, err := s.store.GroupSealedDue(ctx, org.ID, until)
	if err != nil {
		return err
	}
	var askFor []string
	if !authz.Can(viewerFrom(r).Viewer, authz.ManageCases, org) {
		for _, it := range sealed {
			if !slices.Contains(askFor, it.CaseCode) {
				askFor = append(askFor, it.CaseCode)
			}
		}
		sealed = nil
	}
	var (
		views   []dueView
		due     []model.DueItem // the deadlines read so far, in the page's order
		certain int
		more    bool
	)
	// The deadlines are read in parts, each on from the last: first three
	// times the page (lines of several people, one EOIR-33 each, take
	// several rows, and the lines of the day the deadlines stop at are not
	// certain; twice the page needed a second part in
	// BenchmarkGroupHomeCommitments, and a statement costs as much as
	// about 20 rows), then as many again as were read, until the page is
	// certain.
	today := s.today(org.TimeZone)
	for part := 3*last + 1; ; part = len(due) {
		afterDue, afterKey := "", ""
		if n := len(due); n > 0 {
			afterDue, afterKey = due[n-1].Due, due[n-1].Key
		}
		read, err := s.store.GroupDueAfter(ctx, org.ID, today, until, afterDue, afterKey, part)
		if err != nil {
			return err
		}
		due = append(due, read...)
		cut := ""
		if len(read) == part {
			cut = due[len(due)-1].Due
		}
		if views, err = s.dueViews(r, org, due, sealed, cut); err != nil {
			return err
		}
		certain = len(views)
		if cut != "" {
			certain = sort.Search(len(views), func(i int) bool { return views[i].sortDay >= cut })
		}
		more = certain > last || (cut != "" && certain < len(views))
		// At most about 10,000 rows, in a group with thousands of lines
		// in a fortnight: the pages stop at 100.
		if certain > last || cut == "" || len(due) > 2*homeDuePages*homeDuePage {
			break
		}
	}
	if page > 1 && first >= certain {
		return errPageGone
	}
	d.DuePage, d.DueMore = page, more
	d.DueItems = views[first:min(last, certain)]
	td := parseDay(s.today(org.TimeZone))
	for i := range d.DueItems {
		s.dueLine(d, &d.DueItems[i], org, td)
	}
	if len(askFor) > 0 {
		who, err := s.coordinatorNames(ctx, org.ID, string(d.Lang))
		if err != nil {
			return err
		}
		for _, code := range askFor {
			d.SealedNotices = append(d.SealedNotices, d.T("home.registration_ask", code, who))
		}
	}
	end, _ := tz.Instant(s.daysFrom(org.TimeZone, homeDueDays+1), "", org.TimeZone)
	hearings, moreHearings, err := s.store.GroupNextHearings(ctx, org.ID, end, homeLaterHearings)
	if err != nil {
		return err
	}
	d.MoreHearings = moreHearings
	for _, it := range hearings {
		d.NextHearings = append(d.NextHearings, s.appointmentDue(d, it, org, td))
	}
	return nil
}

// dueViews puts in the page's order the lines of the next 14 days: the
// deadlines read so far (due), the sealed dates the viewer may see (all of
// them) and the window's appointments on the days before cut, read here.
// cut is the first day (YYYY-MM-DD) whose lines may be incomplete because
// the deadlines were read up to a limit that stopped on it ("" when they
// were read to the end, and then every appointment of the window is read).
func (s *Server) dueViews(r *http.Request, org model.Org, due, sealed []model.DueItem, cut string) ([]dueView, error) {
	// An appointment on a day before cut starts before the day after cut
	// begins: its instant, or for one without a time the start of its
	// date at its place, is never a whole day off its day here. When the
	// overdue deadlines alone fill the page, none is read.
	begin, end := s.dayStart(org.TimeZone), dayBegins(s.todayDate(org.TimeZone).AddDays(homeDueDays+1), org.TimeZone)
	if cut != "" {
		end = minTime(end, dayBegins(parseDay(cut).AddDays(1), org.TimeZone))
	}
	var appts []model.DueItem
	if begin.Before(end) {
		var err error
		if appts, err = s.store.GroupAppointments(r.Context(), org.ID, begin, end); err != nil {
			return nil, err
		}
	}
	// One line for the same deadline of several people of a case on one
	// day (one EOIR-33 each after a move), naming them all.
	type sameKey struct{ caseID, ruleID, due string }
	same := make(map[sameKey]int, len(due)+len(sealed))
	views := make([]dueView, 0, len(due)+len(sealed)+len(appts))
	for _, items := range [][]model.DueItem{due, sealed} {
		for _, it := range items {
			k := sameKey{it.CaseID, it.RuleID, it.Due}
			if i, ok := same[k]; ok {
				views[i].Initials += ", " + it.Initials
				continue
			}
			same[k] = len(views)
			views = append(views, dueView{CaseID: it.CaseID, CaseCode: it.CaseCode, Initials: it.Initials, sortDay: it.Due, item: it})
		}
	}
	for _, it := range appts {
		views = append(views, dueView{CaseID: it.CaseID, CaseCode: it.CaseCode, Initials: it.Initials, Appointment: true,
			sortDay: appointmentDay(it.Due, it.Time, it.StartsAt, org.TimeZone).String(), sortAt: it.StartsAt, item: it})
	}
	slices.SortFunc(views, func(a, b dueView) int {
		if c := strings.Compare(a.sortDay, b.sortDay); c != 0 {
			return c
		}
		if c := a.sortAt.Compare(b.sortAt); c != 0 {
			return c // a day's deadlines, then its appointments in order
		}
		// Then by key, the order of the lines' anchors (a deadline and an
		// appointment never tie: only appointments have an instant): one
		// order whatever the limits, so that the pages follow one another
		// without a line twice or lost.
		return strings.Compare(a.item.Key, b.item.Key)
	})
	return views, nil
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// dueLine writes out v, a line of the page, in words: its title, day,
// state and (for an appointment) time and place.
func (s *Server) dueLine(d *templateData, v *dueView, org model.Org, today deadline.Date) {
	if v.Appointment {
		initials := v.Initials // several people's, for a deadline; the person's here
		*v = s.appointmentDue(d, v.item, org, today)
		v.Initials = initials
		return
	}
	due := parseDay(v.item.Due)
	v.Anchor = "d-" + v.item.Key
	st := deadline.Assess(deadline.Input{Kind: deadline.Kind(v.item.Kind), Due: due}, today)
	v.Title, v.Due = s.ruleTitle(v.item.RuleID, d.Lang), deadline.FullDate(due, d.Lang.T)
	v.State, v.StateLabel, v.When = st.State, d.T("state."+string(st.State)), phrase(st, d.Lang)
}

// appointmentDue is an appointment as a line of the home page.
func (s *Server) appointmentDue(d *templateData, it model.DueItem, org model.Org, today deadline.Date) dueView {
	st := deadline.AssessAppointment(appointmentDay(it.Due, it.Time, it.StartsAt, org.TimeZone), today, it.Done)
	return dueView{CaseID: it.CaseID, CaseCode: it.CaseCode, Initials: it.Initials,
		Title: d.T("appointment.kind." + it.Kind), Due: deadline.FullDate(parseDay(it.Due), d.Lang.T),
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
	d.CanSponsors = authz.Can(v.Viewer, authz.ViewSponsors, org)
	d.CanProfile = authz.Can(v.Viewer, authz.ViewSponsorProfile, org)
	d.CanTemplates = authz.Can(v.Viewer, authz.EditTemplates, org)
	d.Intake = &intakeData{CanTokens: authz.Can(v.Viewer, authz.ManageAPITokens, org),
		CanImport: authz.Can(v.Viewer, authz.ImportIntake, org), CanDashboard: authz.Can(v.Viewer, authz.ViewNetworkDashboard, org)}
	d.CanQueue = authz.Can(v.Viewer, authz.ManageQueue, org)
	d.CanOffers = authz.Can(v.Viewer, authz.AnswerOffers, org)
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
		if d.Email, err = s.mailStatus(ctx); err != nil {
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
