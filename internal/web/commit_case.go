package web

import (
	"net/http"
	"strings"

	"puente/internal/authz"
	"puente/internal/coverage"
	"puente/internal/ledger"
	"puente/internal/model"
)

// endingSoonDays is how far ahead the case page lists commitments whose
// period ends.
const endingSoonDays = 30

// fillCaseCommitments loads the case page's commitments and coverage:
// every commitment in words, what ends in the next 30 days, what started
// with nothing recorded, money per month, the needs, who goes to each
// appointment, and the case's flags. It reads d.Case, d.Org and
// d.Appointments, and sets each appointment's Who.
func (s *Server) fillCaseCommitments(r *http.Request, d *templateData) error {
	ctx := r.Context()
	c, org, v := d.Case, d.Org, viewerFrom(r)
	today := s.orgToday(org)
	cd := &commitData{
		Kinds: model.CommitmentKinds, Roles: model.SignUpRoles, Today: today.String(),
		CanManage: authz.Can(v.Viewer, authz.ManageCases, org) && c.Open(),
		CanAdd:    authz.Can(v.Viewer, authz.EditCases, org) && c.Open(),
		Going:     map[string]goingView{},
	}
	d.Commit = cd
	cms, err := s.store.Commitments(ctx, c.ID, string(d.Lang))
	if err != nil {
		return err
	}
	gifts, err := s.store.CaseGifts(ctx, c.ID)
	if err != nil {
		return err
	}
	needs, err := s.store.Needs(ctx, c.ID)
	if err != nil {
		return err
	}
	signups, err := s.store.SignUps(ctx, c.ID, string(d.Lang))
	if err != nil {
		return err
	}
	for _, cm := range cms {
		cv := d.commitmentViewOf(cm, today, v.UserID)
		cv.CanRecord = c.Open() && authz.RecordGiven(v.Viewer, org, cm.HolderIDs())
		cd.Commitments = append(cd.Commitments, cv)
		lc, g := ledgerOf(cm), givenOf(cm)
		if cv.Behind != "" {
			cd.Behind = append(cd.Behind, cv)
		}
		if ledger.EndsWithin(lc, today, endingSoonDays) {
			cd.EndingSoon = append(cd.EndingSoon, cv)
		}
		if ledger.NothingRecorded(lc, g, today) {
			cd.NothingRecorded = append(cd.NothingRecorded, cv)
		}
	}
	byCommitment := map[string][]ledger.Gift{}
	for _, g := range gifts {
		byCommitment[g.CommitmentID] = append(byCommitment[g.CommitmentID], ledger.Gift{Day: parseDay(g.GivenOn), Amount: ledger.Cents(g.AmountCents)})
	}
	for _, series := range moneySeries(cms, byCommitment, today) {
		cd.Charts = append(cd.Charts, d.chartOf(series))
	}
	cd.Needs = d.needViews(needs, cms, today)
	for _, n := range cd.Needs {
		if n.Uncovered && c.Open() { // a closed case needs nothing more
			cd.NeedFlags = append(cd.NeedFlags, needFlag{CaseID: c.ID, CaseCode: c.Code, Kind: n.KindLabel, Until: n.Until})
		}
	}
	words := d.goingWordsOf()
	for i, a := range d.Appointments {
		ups := signups[a.ID]
		who := d.whoGoes(ups, a.Going)
		d.Appointments[i].Who = who
		settled := a.Mark.State == model.MarkDone || a.Mark.State == model.MarkNotApplicable
		going := len(ups)
		if a.Going != "" {
			going++ // someone the free text names (issue 9's "who goes")
		}
		ca := coverage.Appointment{Kind: a.Kind, Day: appointmentDay(a.Date, a.Time, a.StartsAt, org.TimeZone), Going: going, Settled: settled}
		kind := d.T("appointment.kind." + string(a.Kind))
		gv := goingView{W: words, CaseID: c.ID, ApptID: a.ID, Flagged: c.Open() && coverage.Uncovered(ca, today),
			Accompanied: coverage.Accompanied(a.Kind), Others: a.Going != "", Passed: settled || ca.Day.Before(today),
			CanSignUp: cd.CanAdd && !settled, CanAssign: cd.CanManage && !settled,
			IGoLabel: d.T("going.i_go_to", kind, a.Day), WithdrawLabel: d.T("going.withdraw_mine", kind, a.Day)}
		if who != "" {
			gv.WhoLine = d.T("appointment.going", who)
		}
		for _, su := range ups {
			mine := su.UserID == v.UserID
			if mine {
				gv.Mine = su.Role
			}
			label := d.T("going.withdraw_for", su.Name)
			if mine {
				label = d.T("going.withdraw_mine", kind, a.Day)
			}
			gv.People = append(gv.People, signUpView{SignUp: su, RoleLabel: d.T("going.role." + string(su.Role)), Mine: mine,
				RemoveLabel: label, CanRemove: gv.CanSignUp && authz.ActFor(v.Viewer, org, su.UserID)})
		}
		cd.Going[a.ID] = gv
		if gv.Flagged {
			cd.Flags = append(cd.Flags, appointmentFlag{CaseID: c.ID, CaseCode: c.Code, ApptID: a.ID,
				Kind: kind, Date: strings.TrimSpace(d.Day(a.Date) + " " + a.LocalTime), When: a.When, Place: a.Place,
				CanSignUp: cd.CanAdd})
		}
	}
	return nil
}

// whoGoes says who goes to an appointment: the members signed up, with
// what they do there ("Ana Ruiz (driver)"), then what its free text says
// ("Ana drives, Luis interprets"); "" when nobody is going yet.
func (d *templateData) whoGoes(ups []model.SignUp, free string) string {
	var parts []string
	for _, su := range ups {
		parts = append(parts, su.Name+" ("+d.T("going.role."+string(su.Role))+")")
	}
	who := strings.Join(parts, ", ")
	switch {
	case free == "":
		return who
	case who == "":
		return free
	}
	return who + "; " + free
}

// Going is who goes to appointment id, for the case page's partial.
func (d *templateData) Going(id string) goingView {
	if d.Commit == nil {
		return goingView{}
	}
	return d.Commit.Going[id]
}
