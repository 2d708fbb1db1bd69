package web

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

	"puente/internal/authz"
	"puente/internal/coverage"
	"puente/internal/deadline"
	"puente/internal/ledger"
	"puente/internal/model"
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

func apptOf(it model.CoverageItem) coverage.Appointment {
	return coverage.Appointment{Kind: it.Kind, Day: parseDay(it.Date), Going: it.Going, Settled: it.Settled}
}

// readCoverage reads what coverage looks at in group org (or, with
// network, in every group of network org) for the window from today.
func (s *Server) readCoverage(r *http.Request, org model.Org, today deadline.Date) ([]model.CoverageItem, []model.NeedCoverage, error) {
	from, to := today.String(), coverage.WindowEnd(today).String()
	if org.Kind == model.KindNetwork {
		return s.store.NetworkCoverage(r.Context(), org.ID, from, to)
	}
	return s.store.GroupCoverage(r.Context(), org.ID, from, to)
}

// fillCoverageFlags puts the group's flags on its home page: each
// appointment in the window with nobody going (with a button to go) and
// each needed kind with nobody responsible.
func (s *Server) fillCoverageFlags(r *http.Request, d *templateData, org model.Org) error {
	today := s.orgToday(org)
	appts, needs, err := s.readCoverage(r, org, today)
	if err != nil {
		return err
	}
	if d.Commit == nil {
		d.Commit = &commitData{}
	}
	d.Commit.Flags, d.Commit.NeedFlags = flagsOf(d, appts, needs, today, authz.Can(viewerFrom(r).Viewer, authz.EditCases, org))
	return nil
}

func flagsOf(d *templateData, appts []model.CoverageItem, needs []model.NeedCoverage, today deadline.Date, canSignUp bool) ([]appointmentFlag, []needFlag) {
	var flags []appointmentFlag
	for _, it := range appts {
		if !coverage.Uncovered(apptOf(it), today) {
			continue
		}
		st := deadline.AssessAppointment(parseDay(it.Date), today, false)
		flags = append(flags, appointmentFlag{CaseID: it.CaseID, CaseCode: it.CaseCode, Initials: it.Initials, ApptID: it.ApptID,
			Kind: d.T("appointment.kind." + string(it.Kind)), Date: strings.TrimSpace(d.Day(it.Date) + " " + it.Time),
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

// networkCoverageCounts counts, per group of network org, the appointments
// in the window with nobody going and the needed kinds with nobody
// responsible: numbers only, never which case (a network sees counts).
func (s *Server) networkCoverageCounts(r *http.Request, org model.Org) (map[string]model.CoverageCounts, error) {
	today := s.orgToday(org)
	appts, needs, err := s.readCoverage(r, org, today)
	if err != nil {
		return nil, err
	}
	out := map[string]model.CoverageCounts{}
	for _, it := range appts {
		if coverage.Uncovered(apptOf(it), today) {
			c := out[it.GroupID]
			c.UncoveredAppointments++
			out[it.GroupID] = c
		}
	}
	for _, n := range needs {
		if coverage.NeedUncovered(needOf(n.Need), coversOf(n.Need.Kind, n.Covers), today) {
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
