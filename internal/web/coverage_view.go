package web

import (
	"cmp"
	"net/http"
	"slices"
	"strings"
	"time"

	"puente/internal/authz"
	"puente/internal/coverage"
	"puente/internal/deadline"
	"puente/internal/ledger"
	"puente/internal/model"
	"puente/internal/store"
	"puente/internal/tz"
)

// orgToday is the organisation's day, in its own time zone, read from the
// one clock every page uses (clock.go): coverage windows, commitment states
// and records' dates all count from it.
func (s *Server) orgToday(org model.Org) deadline.Date { return s.todayDate(org.TimeZone) }

// coverOf is what coverage needs of a commitment that may meet a need.
func coverOf(c model.Commitment) coverage.Cover {
	lc := ledgerOf(c)
	return coverage.Cover{Kind: c.Kind, Holders: len(c.Holders), Stopped: c.CancelledOn != "", Start: lc.Start, Ends: lc.Ends()}
}

// coversOf are the coverage rules' view of a need's candidate commitments.
func coversOf(kind model.CommitmentKind, ccs []model.CoverCandidate) []coverage.Cover {
	out := make([]coverage.Cover, len(ccs))
	for i, cc := range ccs {
		out[i] = coverOf(model.Commitment{Kind: kind, StartsOn: cc.StartsOn, EndKind: cc.EndKind, EndsOn: cc.EndsOn,
			CancelledOn: cc.CancelledOn, WorkPermitOn: cc.WorkPermitOn, Holders: make([]model.Holder, cc.Holders)})
	}
	return out
}

func needOf(n model.Need) coverage.Need {
	return coverage.Need{Kind: n.Kind, Until: optDay(n.Until)}
}

// apptOf is what coverage needs of an appointment, on its day in zone
// (the organisation's: a hearing at 23:30 in Denver is the next day in New
// York).
func apptOf(it model.CoverageItem, zone string) coverage.Appointment {
	return coverage.Appointment{Kind: it.Kind, Day: appointmentDay(it.Date, it.Time, it.StartsAt, zone), Going: it.Going, Settled: it.Settled}
}

// dayBegins is the instant day begins in zone.
func dayBegins(day deadline.Date, zone string) time.Time {
	t, _ := tz.Instant(day.String(), "", zone)
	return t
}

// coverageWindow is the window that starts on today in zone, as
// GroupUncoveredAppointments reads it: its days, their first and last
// instants (dayFirst), and the span of instants read (coverageSpan).
func coverageWindow(today deadline.Date, zone string) store.CoverageWindow {
	last := coverage.WindowEnd(today)
	from, to := coverageSpan(today, zone)
	return store.CoverageWindow{First: today.String(), Last: last.String(),
		Begin: dayFirst(today, zone), End: dayFirst(last.AddDays(1), zone), From: from, To: to}
}

// dayFirst is the first instant whose day in zone is day: the day on
// which coverage counts an appointment is the day of its instant there
// (appointmentDay). It is midnight, except where a daylight-saving change
// skips midnight (Santiago, Havana: the first instant is the one the
// clocks jump to, where tz.Instant answers the hour before) or repeats it
// (the first of the two). Found by halving: an instant's local day never
// goes back as the instant goes on.
func dayFirst(day deadline.Date, zone string) time.Time {
	loc := tz.Location(zone)
	mid := dayBegins(day, zone).Unix()
	lo, hi := mid-26*3600, mid+26*3600
	for lo < hi {
		m := lo + (hi-lo)/2
		if deadline.DateOf(time.Unix(m, 0).In(loc)).Before(day) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return time.Unix(lo, 0).UTC()
}

// coverageSpan is the span of instants to read for the window that starts
// on today in zone: a day more on each side, so that an appointment whose
// place is in another zone is read, and the rule decides by its day.
func coverageSpan(today deadline.Date, zone string) (from, to time.Time) {
	return dayBegins(today.AddDays(-1), zone), dayBegins(coverage.WindowEnd(today).AddDays(2), zone)
}

// fillCoverageFlags puts the group's flags on its home page: each
// appointment in the window with nobody going (with a button to go) and
// each needed kind with nobody responsible. The soonest appointments come
// first, then needs, at most homeFlagLimit in all with how many more there
// are; the case pages have every flag. Only those shown are read, with the
// counts.
func (s *Server) fillCoverageFlags(r *http.Request, d *templateData, org model.Org, today deadline.Date) error {
	ctx := r.Context()
	appts, apptsN, err := s.store.GroupUncoveredAppointments(ctx, org.ID, coverageWindow(today, org.TimeZone), homeFlagLimit)
	if err != nil {
		return err
	}
	// Needs are shown by case code and the kind's name in the reader's
	// language: every need of the last case shown is among the first
	// room+11 by case code and kind (a case has at most one of each of
	// the 12 kinds).
	room, limit := homeFlagLimit-len(appts), 0
	if room > 0 {
		limit = room + len(model.CommitmentKinds) - 1
	}
	needs, needsN, err := s.store.GroupUncoveredNeeds(ctx, org.ID, today.String(), limit)
	if err != nil {
		return err
	}
	if d.Commit == nil {
		d.Commit = &commitData{}
	}
	cd := d.Commit
	cd.Flags, cd.NeedFlags = flagsOf(d, appts, needs, today, org.TimeZone, authz.Can(viewerFrom(r).Viewer, authz.EditCases, org))
	if len(cd.NeedFlags) > room {
		cd.NeedFlags = cd.NeedFlags[:room]
	}
	cd.MoreFlags += apptsN - len(cd.Flags) + needsN - len(cd.NeedFlags)
	return nil
}

// homeFlagLimit bounds the home page's flags: the first screen stays short
// in a group with many cases, and says how many more there are.
const homeFlagLimit = 20

func flagsOf(d *templateData, appts []model.CoverageItem, needs []model.NeedCoverage, today deadline.Date, zone string, canSignUp bool) ([]appointmentFlag, []needFlag) {
	var flags []appointmentFlag
	for _, it := range appts {
		ca := apptOf(it, zone)
		if !coverage.Uncovered(ca, today) {
			continue
		}
		st := deadline.AssessAppointment(ca.Day, today, false)
		flags = append(flags, appointmentFlag{CaseID: it.CaseID, CaseCode: it.CaseCode, Initials: it.Initials, ApptID: it.ApptID,
			Kind: d.T("appointment.kind." + string(it.Kind)),
			Date: strings.TrimSpace(d.Day(it.Date) + " " + placeTime(d.Lang, it.Time, it.TimeZone, it.StartsAt, zone)),
			When: phrase(st, d.Lang), Place: it.Place, CanSignUp: canSignUp})
	}
	var nflags []needFlag
	for _, n := range needs {
		if !coverage.NeedUncovered(needOf(n.Need), coversOf(n.Need.Kind, n.Covers), today) {
			continue
		}
		f := needFlag{CaseID: n.CaseID, CaseCode: n.CaseCode, Initials: n.Initials, Kind: d.T("commit.kind." + string(n.Need.Kind))}
		if n.Need.Until != "" {
			f.Until = d.Day(n.Need.Until)
		}
		nflags = append(nflags, f)
	}
	slices.SortFunc(nflags, func(a, b needFlag) int {
		return cmp.Or(strings.Compare(a.CaseCode, b.CaseCode), strings.Compare(a.Kind, b.Kind))
	})
	return flags, nflags
}

// networkCoverageCounts counts, for each group, the appointments in the
// window with nobody going and the needed kinds with nobody responsible,
// each on the group's own day, as the group's pages count them: numbers
// only, never which case (a network sees counts).
func (s *Server) networkCoverageCounts(r *http.Request, org model.Org, groups []model.GroupSummary) (map[string]model.CoverageCounts, error) {
	if len(groups) == 0 {
		return nil, nil
	}
	type day struct {
		today deadline.Date
		zone  string
	}
	days := make(map[string]day, len(groups))
	var from, to time.Time
	for _, g := range groups {
		dd := day{s.todayDate(g.TimeZone), g.TimeZone}
		days[g.ID] = dd
		f, t := coverageSpan(dd.today, dd.zone)
		if from.IsZero() || f.Before(from) {
			from = f
		}
		if t.After(to) {
			to = t
		}
	}
	appts, needs, err := s.store.NetworkCoverage(r.Context(), org.ID, from, to)
	if err != nil {
		return nil, err
	}
	out := map[string]model.CoverageCounts{}
	for _, it := range appts {
		dd, ok := days[it.GroupID]
		if ok && coverage.Uncovered(apptOf(it, dd.zone), dd.today) {
			c := out[it.GroupID]
			c.UncoveredAppointments++
			out[it.GroupID] = c
		}
	}
	for _, n := range needs {
		dd, ok := days[n.GroupID]
		if ok && coverage.NeedUncovered(needOf(n.Need), coversOf(n.Need.Kind, n.Covers), dd.today) {
			c := out[n.GroupID]
			c.UncoveredNeeds++
			out[n.GroupID] = c
		}
	}
	return out, nil
}

// needViews lists a case's needs, each with whether nobody is responsible.
func (d *templateData) needViews(needs []model.Need, cms []model.Commitment, today deadline.Date) []needView {
	covers := make([]coverage.Cover, len(cms))
	for i, c := range cms {
		covers[i] = coverOf(c)
	}
	var out []needView
	for _, k := range model.CommitmentKinds { // in the forms' order
		for _, n := range needs {
			if n.Kind != k {
				continue
			}
			v := needView{Need: n, KindLabel: d.T("commit.kind." + string(n.Kind)), Uncovered: coverage.NeedUncovered(needOf(n), covers, today)}
			for i, c := range covers {
				held := c
				held.Holders = 1
				if v.Uncovered && v.Unheld == "" && c.Holders == 0 && held.Meets(needOf(n), today) {
					v.Unheld = "/cases/" + cms[i].CaseID + "/commitments/" + cms[i].ID
				}
			}
			if n.Until != "" {
				v.Until = d.Day(n.Until)
			}
			out = append(out, v)
		}
	}
	return out
}

// moneySeries is a case's money per month over the last year (through
// today's month), per currency.
func moneySeries(cms []model.Commitment, gifts map[string][]ledger.Gift, today deadline.Date) []ledger.Series {
	var lines []ledger.Line
	first := ledger.Month{}
	for _, c := range cms {
		if c.Kind != model.KindMoney {
			continue
		}
		lc := ledgerOf(c)
		lines = append(lines, ledger.Line{Commitment: lc, Gifts: gifts[c.ID]})
		if m := ledger.MonthOf(lc.Start); first.Year == 0 || m.Before(first) {
			first = m
		}
	}
	if len(lines) == 0 {
		return nil
	}
	to := ledger.MonthOf(today)
	if from := to.AddMonths(1 - chartMonths); first.Before(from) {
		first = from
	}
	return ledger.ByMonth(lines, first, to)
}
