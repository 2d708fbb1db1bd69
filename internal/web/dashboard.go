package web

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
	"time"

	"puente/internal/model"
	"puente/internal/tz"
)

// A network's dashboard (issue 13): the queue by state and by urgency, the
// median days from referral to placement, its groups by stage with their
// beds, placements with overdue deadlines or appointments nobody covers,
// and vetting that expires soon. Each chart is SVG drawn here with its
// table beside it; no script. The de-identified queue report is a CSV
// download, written to the audit log.

// dashboardData is the dashboard's part of a page.
type dashboardData struct {
	// Charts are the queue by state, by urgency, and the groups by stage.
	Charts        []barChart
	QueueTotal    int
	Placed        int // entries that arrived at a group
	MedianDays    int // -1: none arrived yet
	Beds          int // free beds of the approved groups
	Attention     []attentionRow
	AttentionMore int
	// Reports are the names of the CSV reports (reportPost).
	Reports []string
	// AttentionTotal is len(Attention) + AttentionMore.
	AttentionTotal int
	Expiring       []model.VettingRecord
	ExpiringTotal  int
}

// attentionRow is a placement with overdue deadlines or uncovered
// appointments: the pseudonym and the group, never more.
type attentionRow struct {
	EntryID, Pseudonym, GroupName string
	Overdue, Uncovered            int
}

// dashboardAttentionMax is how many placements needing attention the
// dashboard lists; the rest are counted.
const dashboardAttentionMax = 20

// networkDashboard shows the dashboard of the network in the URL.
func (s *Server) networkDashboard(w http.ResponseWriter, r *http.Request) error {
	d := s.newData(r)
	d.Org = orgFrom(r)
	d.Title = d.T("dash.title")
	ctx := r.Context()
	today := s.today(d.Org.TimeZone)
	db := &dashboardData{Reports: []string{"queue", "placements", "groups"}}

	counts, u, err := s.store.QueueCounts(ctx, d.Org.ID, today, s.daysFrom(d.Org.TimeZone, 7), s.daysFrom(d.Org.TimeZone, 30))
	if err != nil {
		return err
	}
	var labels []string
	var values []int
	for _, st := range model.QueueStates {
		labels = append(labels, d.T("queue.state."+string(st)))
		values = append(values, counts[st])
		db.QueueTotal += counts[st]
	}
	states := newBarChart("chart-states", d.T("dash.states.title"), d.T("dash.state"), d.T("dash.people"), labels, values)
	for i, st := range model.QueueStates {
		states.Rows[i].Href = orgPath(d.Org) + "/queue?state=" + string(st)
	}

	urgency := newBarChart("chart-urgency", d.T("dash.urgency.title"), d.T("dash.urgency.decision"), d.T("dash.people"),
		[]string{d.T("dash.urgency.past"), d.T("dash.urgency.week"), d.T("dash.urgency.month"), d.T("dash.urgency.later"), d.T("dash.urgency.unknown")},
		[]int{u.Past, u.Week, u.Month, u.Later, u.Unknown})

	db.Placed, db.MedianDays, err = s.store.MedianDaysToPlacement(ctx, d.Org.ID)
	if err != nil {
		return err
	}

	groups, err := s.dashboardGroups(r, d, db, today)
	if err != nil {
		return err
	}
	db.Charts = []barChart{states, urgency, groups}

	attention, total, err := s.store.PlacementsNeedingAttention(ctx, d.Org, today, s.now(), dashboardAttentionMax)
	if err != nil {
		return err
	}
	for _, p := range attention {
		db.Attention = append(db.Attention, attentionRow{EntryID: p.EntryID, Pseudonym: p.Pseudonym, GroupName: p.GroupName,
			Overdue: p.Overdue, Uncovered: p.Uncovered})
	}
	db.AttentionMore = total - len(db.Attention)
	db.AttentionTotal = len(db.Attention) + db.AttentionMore
	db.Expiring, db.ExpiringTotal, err = s.store.ExpiringVetting(ctx, d.Org.ID, today, s.daysFrom(d.Org.TimeZone, model.ExpiringWithinDays), 1, 5)
	if err != nil {
		return err
	}
	d.Dashboard = db
	return s.render(w, r, http.StatusOK, "network_dashboard", d)
}

// dashboardGroups counts the network's groups by their stage of the day,
// with the free beds of the approved ones.
func (s *Server) dashboardGroups(r *http.Request, d *templateData, db *dashboardData, today string) (barChart, error) {
	counts, err := s.store.SponsorStageCounts(r.Context(), d.Org.ID, today)
	if err != nil {
		return barChart{}, err
	}
	db.Beds = counts.Beds
	stages := []model.SponsorStage{model.StageInterested, model.StageApplied, model.StageVetted, model.StageApproved, model.StageResting}
	var labels []string
	var values []int
	for _, st := range stages {
		labels = append(labels, d.T("sponsor.stage."+string(st)))
		values = append(values, counts.Groups[st])
	}
	return newBarChart("chart-groups", d.T("dash.groups.title"), d.T("dash.groups.stage"), d.T("dash.groups.count"), labels, values), nil
}

// reportPost sends one of the network's de-identified reports as CSV, as
// a POST written to the audit log:
//
//   - queue: pseudonym, stage and since when, referral day, languages,
//     adults, number of children, region, needs, decision date, detained
//     since, group; no external reference, A-number, facility or name.
//   - placements: pseudonym, group, entry stage, case status, open or
//     closed, days since release, overdue deadlines, appointments nobody
//     covers; nothing of the case's people, notes or commitments.
//   - groups: name, stage of the day, region, languages, adults, beds,
//     placements at once, children welcome, wheelchair access, available
//     from, profile updated; never the group's private notes.
func (s *Server) reportPost(w http.ResponseWriter, r *http.Request) error {
	org := orgFrom(r)
	ctx := r.Context()
	actor := viewerFrom(r).UserID
	today := s.today(org.TimeZone)
	name := r.PathValue("report")
	var header []string
	var lines [][]string
	switch name {
	case "queue":
		rows, err := s.store.QueueReport(ctx, org, actor)
		if err != nil {
			return err
		}
		header = []string{"pseudonym", "state", "state_since", "referred_on", "languages", "adults", "children",
			"region", "needs", "decision_date", "detained_since", "group"}
		for _, row := range rows {
			// Days are the network's, as on its pages.
			lines = append(lines, []string{csvCell(row.Pseudonym), string(row.State), orgDay(row.StateSince, org.TimeZone),
				orgDay(row.ReferredOn, org.TimeZone), row.Languages,
				strconv.Itoa(row.Adults), strconv.Itoa(row.Children), csvCell(row.Region), row.Needs, row.DecisionDate,
				row.DetainedSince, csvCell(row.Group)})
		}
	case "placements":
		if err := s.store.LogNetworkExport(ctx, org, actor, "placements_csv", ""); err != nil {
			return err
		}
		ps, _, err := s.store.Placements(ctx, org, today, s.now(), 1, reportMaxRows)
		if err != nil {
			return err
		}
		header = []string{"pseudonym", "group", "state", "case_status", "case_closed", "days_since_release", "overdue_deadlines", "uncovered_appointments"}
		for _, p := range ps {
			days := ""
			if p.ReleaseDate != "" {
				if t0, t1 := parseDay(p.ReleaseDate), parseDay(today); !t0.IsZero() && !t1.IsZero() {
					days = strconv.Itoa(int(t1.Time().Sub(t0.Time()).Hours() / 24))
				}
			}
			lines = append(lines, []string{csvCell(p.Pseudonym), csvCell(p.GroupName), string(p.EntryState), string(p.CaseStatus),
				strconv.FormatBool(p.CaseClosed), days, strconv.Itoa(p.Overdue), strconv.Itoa(p.Uncovered)})
		}
	case "groups":
		if err := s.store.LogNetworkExport(ctx, org, actor, "groups_csv", ""); err != nil {
			return err
		}
		items, err := s.store.VettingItems(ctx, org.ID)
		if err != nil {
			return err
		}
		rows, _, err := s.store.Sponsors(ctx, org.ID, 1, reportMaxRows)
		if err != nil {
			return err
		}
		header = []string{"group", "stage", "region", "languages", "adults", "beds", "placements_at_once", "accepts_children",
			"wheelchair", "available_from", "profile_updated"}
		for _, row := range rows {
			p := row.Profile
			st := model.Stage(p, model.Vetting(items, row.Records, p.Adults, today))
			updated := ""
			if !p.UpdatedAt.IsZero() {
				updated = orgDay(p.UpdatedAt, org.TimeZone)
			}
			lines = append(lines, []string{csvCell(p.GroupName), string(st), csvCell(p.RegionName), strings.Join(p.Languages, ","),
				strconv.Itoa(p.Adults), strconv.Itoa(p.Beds), strconv.Itoa(p.MaxPlacements), strconv.FormatBool(p.AcceptsChildren),
				strconv.FormatBool(p.Wheelchair), p.AvailableFrom, updated})
		}
	default:
		return errNotFound
	}
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	_ = cw.Write(header)
	_ = cw.WriteAll(lines)
	if err := cw.Error(); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`-`+today+`.csv"`)
	_, err := buf.WriteTo(w)
	return err
}

// orgDay is the day (YYYY-MM-DD) instant t falls on in zone; "" for the
// zero time.
func orgDay(t time.Time, zone string) string {
	if t.IsZero() {
		return ""
	}
	return t.In(tz.Location(zone)).Format(time.DateOnly)
}

// reportMaxRows bounds the placements and groups reports.
const reportMaxRows = 100000

// csvCell keeps a spreadsheet from reading text as a formula: a value that
// starts with = + - @ or a tab or carriage return gets a leading quote.
func csvCell(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}
