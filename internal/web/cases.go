package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"puente/internal/authz"
	"puente/internal/model"
	"puente/internal/store"
)

// casePageSize is how many cases one page of the list shows.
const casePageSize = 25

// currentOrg is the organisation the viewer is working in, through their scope.
func (s *Server) currentOrg(r *http.Request) (model.Org, error) {
	v := viewerFrom(r)
	if v.Current.OrgID == "" {
		return model.Org{}, errNotFound
	}
	return s.store.OrgInScope(r.Context(), v.Memberships, v.Current.OrgID)
}

// caseList is the current group's cases (search, filter, sort, pages), or,
// for a network, its groups' cases as statuses and counts.
func (s *Server) caseList(w http.ResponseWriter, r *http.Request) error {
	org, err := s.currentOrg(r)
	if err != nil {
		return err
	}
	v := viewerFrom(r)
	d := s.newData(r)
	d.Org = org
	d.Title = d.T("cases.title")
	d.Statuses = model.CaseStatuses
	if org.Kind == model.KindNetwork {
		if !authz.Can(v.Viewer, authz.ViewCaseCounts, org) {
			return model.ErrForbidden
		}
		return s.networkCases(w, r, d, org)
	}
	if !authz.Can(v.Viewer, authz.ViewCases, org) {
		return model.ErrForbidden
	}
	q := caseQueryFrom(r.URL.Query())
	q.Lang = string(d.Lang)
	cases, total, err := s.store.ListCases(r.Context(), org.ID, q)
	if err != nil {
		return err
	}
	d.Cases, d.Total, d.Query = cases, total, q
	ids := make([]string, len(cases))
	for i, c := range cases {
		ids[i] = c.ID
	}
	next, err := s.store.NextAppointments(r.Context(), org.ID, ids, s.dayStart(org.TimeZone))
	if err != nil {
		return err
	}
	d.CaseRows = caseRows(d, cases, next, org.TimeZone, s.today(org.TimeZone))
	d.StatusChoices, d.SortChoices = caseListChoices(d, q)
	d.Updating = s.updatingNotice(d)
	d.Pages = (total + casePageSize - 1) / casePageSize
	d.CanManageCases = authz.Can(v.Viewer, authz.ManageCases, org)
	return s.render(w, r, http.StatusOK, "cases", d)
}

// caseRow is one line of the case list with its words ready: translated
// and formatted here once, where the template would make about ten
// reflective calls a row for them (BenchmarkCaseList20k).
type caseRow struct {
	ID string
	// Name is the principal's name, or the purged label.
	Name, Code string
	// Status is the status in the page's language; Meta is "People: 3 ·
	// changed 3 Mar 2026".
	Status, Meta string
	// NextDeadline is "next deadline 5 Mar 2026" (the case's stored next
	// due date: open "due by" deadlines only); Overdue, when that day is
	// before the group's today, its tag. NextAppt is "next appointment:
	// Master calendar hearing, 12 Dec 2026, 8:30 AM": hearings and
	// check-ins are not deadlines and never overdue, so they are said
	// apart.
	NextDeadline string
	Overdue      bool
	NextAppt     string
}

// caseRows is the case list's lines for cases, in d's language and zone:
// next holds each case's next appointment by case id, orgZone and today
// (YYYY-MM-DD) are the group's.
func caseRows(d *templateData, cases []model.Case, next map[string]model.DueItem, orgZone, today string) []caseRow {
	rows := make([]caseRow, len(cases))
	for i, c := range cases {
		name := c.PrincipalName
		if c.Purged() {
			name = d.T("case.purged.label")
		}
		row := caseRow{ID: c.ID, Name: name, Code: c.Code, Status: d.T("status." + string(c.Status)),
			Meta: d.T("cases.people", c.People) + " · " + d.T("cases.updated", d.Date(c.UpdatedAt))}
		if c.NextDue != "" {
			row.NextDeadline = d.T("cases.next_deadline", d.Day(c.NextDue))
			row.Overdue = c.NextDue < today && c.Open()
		}
		if a, ok := next[c.ID]; ok {
			when := d.Day(a.Due)
			if t := placeTime(d.Lang, a.Time, a.TimeZone, a.StartsAt, orgZone); t != "" {
				when += ", " + t
			}
			row.NextAppt = d.T("cases.next_appt", d.T("appointment.kind."+a.Kind), when)
		}
		rows[i] = row
	}
	return rows
}

// choice is one option of a select, its label in the page's language.
type choice struct {
	Value, Label string
	Selected     bool
}

// caseListChoices are the case list's status filter and sort options with
// q's selected: built here rather than by five template calls an option.
func caseListChoices(d *templateData, q store.CaseQuery) (statuses, sorts []choice) {
	statuses = make([]choice, len(model.CaseStatuses))
	for i, st := range model.CaseStatuses {
		statuses[i] = choice{Value: string(st), Label: d.T("status." + string(st)), Selected: st == q.Status}
	}
	for _, o := range d.SortOptions() {
		sorts = append(sorts, choice{Value: o, Label: d.T("cases.sort." + o), Selected: o == q.Sort})
	}
	return statuses, sorts
}

// updatingNotice is "updating deadlines (n of N)" while the store
// recomputes deadlines after a rule change, "" otherwise.
func (s *Server) updatingNotice(d *templateData) string {
	rs := s.store.RecomputeStatus()
	if !rs.Running {
		return ""
	}
	return d.T("cases.updating", rs.Done, rs.Total)
}

// caseQueryFrom reads the list's filters; anything unusable falls back to
// its default rather than failing: a filter is not a form.
func caseQueryFrom(v url.Values) store.CaseQuery {
	q := store.CaseQuery{Limit: casePageSize, Page: 1, State: "open", Sort: "updated"}
	if s := strings.TrimSpace(v.Get("q")); len(s) <= 100 && safeText(s) {
		q.Search = s
	}
	if st := model.CaseStatus(v.Get("status")); model.ValidStatus(st) {
		q.Status = st
	}
	switch v.Get("state") {
	case "closed", "all":
		q.State = v.Get("state")
	}
	switch v.Get("sort") {
	case "name", "created", "status", "next_due":
		q.Sort = v.Get("sort")
	}
	if p, err := strconv.Atoi(v.Get("page")); err == nil && p > 1 && p < 100000 {
		q.Page = p
	}
	return q
}

func (s *Server) networkCases(w http.ResponseWriter, r *http.Request, d *templateData, org model.Org) error {
	groups, err := s.store.Groups(r.Context(), org.ID, string(d.Lang))
	if err != nil {
		return err
	}
	// Each group's overdue count is counted on the group's own day, as the
	// group's pages count it.
	today := make(map[string]string, len(groups))
	for _, g := range groups {
		today[g.ID] = s.today(g.TimeZone)
	}
	counts, err := s.store.GroupCaseCounts(r.Context(), org.ID, today)
	if err != nil {
		return err
	}
	coverage, err := s.networkCoverageCounts(r, org, groups)
	if err != nil {
		return err
	}
	for _, g := range groups {
		d.GroupCounts = append(d.GroupCounts, groupCountView{Group: g.Org, Counts: counts[g.ID], Coverage: coverage[g.ID]})
	}
	d.CanDashboard = authz.Can(viewerFrom(r).Viewer, authz.ViewNetworkDashboard, org)
	return s.render(w, r, http.StatusOK, "network_cases", d)
}

// groupCountView is one group's line on a network's case counts.
type groupCountView struct {
	Group  model.Org
	Counts model.GroupCaseCounts
	// Coverage: appointments in the next 14 days with nobody going, and
	// needed kinds with nobody responsible (numbers only).
	Coverage model.CoverageCounts
}

// currentGroupFor returns the current organisation if the viewer may do
// action there; only sponsor groups hold cases.
func (s *Server) currentGroupFor(r *http.Request, action authz.Action) (model.Org, error) {
	org, err := s.currentOrg(r)
	if err != nil {
		return model.Org{}, err
	}
	if !authz.Can(viewerFrom(r).Viewer, action, org) {
		return model.Org{}, model.ErrForbidden
	}
	return org, nil
}

func (s *Server) caseNewPage(r *http.Request, org model.Org) *templateData {
	d := s.newData(r)
	d.Org = org
	d.Title = d.T("case.new.title")
	d.Statuses = model.CaseStatuses
	d.CanManageCases = true
	return d
}

func (s *Server) caseNewForm(w http.ResponseWriter, r *http.Request) error {
	org, err := s.currentGroupFor(r, authz.ManageCases)
	if err != nil {
		return err
	}
	d := s.caseNewPage(r, org)
	d.Form = &newCaseForm{CaseForm: CaseForm{Status: "group_accepted"}}
	return s.render(w, r, http.StatusOK, "case_new", d)
}

func (s *Server) caseCreatePost(w http.ResponseWriter, r *http.Request) error {
	org, err := s.currentGroupFor(r, authz.ManageCases)
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	var f newCaseForm
	decodeForm(r, &f)
	d := s.caseNewPage(r, org)
	d.Errors = s.validateForm(d.Lang, &f)
	if _, bad := d.Errors["status"]; !bad && !model.ValidStatus(model.CaseStatus(f.Status)) {
		d.Errors["status"] = d.T("err.choice")
	}
	f.PersonForm.checkDates(rulesFor(d.Lang, s.today(org.TimeZone), d.Errors))
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "case_new", d, &f)
	}
	c, err := s.store.CreateCase(r.Context(), org.ID, viewerFrom(r).UserID, f.CaseForm.input(), f.PersonForm.input(true))
	if err != nil {
		return err
	}
	s.flashTo(w, r, "case.created", "/cases/"+c.ID)
	return nil
}

func (s *Server) caseEditPage(r *http.Request) *templateData {
	d := s.newData(r)
	d.Case = caseFrom(r)
	d.Org = orgFrom(r)
	d.Title = d.T("case.edit.title")
	d.Statuses = model.CaseStatuses
	d.CanManageCases = authz.Can(viewerFrom(r).Viewer, authz.ManageCases, d.Org)
	return d
}

func (s *Server) caseEditForm(w http.ResponseWriter, r *http.Request) error {
	d := s.caseEditPage(r)
	c := d.Case
	if !c.Open() {
		return model.ErrForbidden
	}
	d.Form = &CaseForm{Status: string(c.Status), Court: c.Court, Judge: c.Judge, LawyerName: c.LawyerName, LawyerContact: c.LawyerContact}
	return s.render(w, r, http.StatusOK, "case_edit", d)
}

func (s *Server) caseUpdatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d := s.caseEditPage(r)
	var f CaseForm
	decodeForm(r, &f)
	d.Errors = s.validateForm(d.Lang, &f)
	if _, bad := d.Errors["status"]; !bad && (!model.ValidStatus(model.CaseStatus(f.Status)) || f.Status == string(model.StatusEnded)) {
		d.Errors["status"] = d.T("err.choice")
	}
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "case_edit", d, &f)
	}
	in := f.input()
	if !d.CanManageCases {
		in.SetAddress, in.Address = false, "" // only coordinators touch the address
	}
	if err := s.store.UpdateCase(r.Context(), d.Case, viewerFrom(r).UserID, in); err != nil {
		return err
	}
	s.flashTo(w, r, "case.saved", "/cases/"+d.Case.ID)
	return nil
}

// caseClosePost closes the case, after its confirmation page; without a
// reason the confirmation page comes back with 422.
func (s *Server) caseClosePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	c := caseFrom(r)
	var f closeForm
	decodeForm(r, &f)
	if errs := s.validateForm(langFrom(r), &f); len(errs) > 0 {
		return s.caseCloseConfirm(w, r, http.StatusUnprocessableEntity, "")
	}
	if err := s.store.CloseCase(r.Context(), c, viewerFrom(r).UserID, f.Reason); err != nil {
		return err
	}
	s.flashTo(w, r, "case.closed", "/cases/"+c.ID)
	return nil
}

// caseAddressRevealPost shows the address once; the reveal is in the audit log.
func (s *Server) caseAddressRevealPost(w http.ResponseWriter, r *http.Request) error {
	c := caseFrom(r)
	value, err := s.store.RevealAddress(r.Context(), c, viewerFrom(r).UserID)
	if err != nil {
		return err
	}
	d := s.newData(r)
	d.Case = c
	d.Title = d.T("reveal.title")
	d.RevealedLabel = d.T("field.address")
	d.Revealed = value
	return s.render(w, r, http.StatusOK, "reveal", d)
}

// FiltersOn counts the case list's filters set away from their defaults
// (a search, a stage, open/closed other than open); the sort is not one.
// The filter form starts open when any is.
func (d *templateData) FiltersOn() int {
	n := 0
	if d.Query.Search != "" {
		n++
	}
	if d.Query.Status != "" {
		n++
	}
	if d.Query.State != "" && d.Query.State != "open" {
		n++
	}
	return n
}
