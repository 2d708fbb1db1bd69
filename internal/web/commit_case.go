package web

import (
	"net/http"
	"sort"
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
// d.Appointments.
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
	if cd.CanManage {
		if cd.Members, err = s.store.Members(ctx, org.ID, string(d.Lang)); err != nil {
			return err
		}
	}
	for _, cm := range cms {
		cv := d.commitmentViewOf(cm, today, v.UserID)
		cd.Commitments = append(cd.Commitments, cv)
		lc, g := ledgerOf(cm), givenOf(cm)
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
	canSignUp := cd.CanAdd
	cd.TakeOn = d.T("commit.take_on")
	words := d.goingWordsOf(cd.Members)
	for _, a := range d.Appointments {
		ups := signups[a.ID]
		settled := a.Mark.State == model.MarkDone || a.Mark.State == model.MarkNotApplicable
		ca := coverage.Appointment{Kind: a.Kind, Day: appointmentDay(a.Date, a.Time, a.StartsAt, org.TimeZone), Going: len(ups), Settled: settled}
		gv := goingView{W: words, CaseID: c.ID, ApptID: a.ID, Flagged: c.Open() && coverage.Uncovered(ca, today),
			Accompanied: coverage.Accompanied(a.Kind), CanSignUp: canSignUp && !settled, CanAssign: cd.CanManage && !settled}
		for _, su := range ups {
			if su.UserID == v.UserID {
				gv.Mine = su.Role
			}
			gv.People = append(gv.People, signUpView{SignUp: su, RoleLabel: d.T("going.role." + string(su.Role)),
				RemoveLabel: d.T("going.withdraw_for", su.Name), CanRemove: canSignUp && authz.ActFor(v.Viewer, org, su.UserID)})
		}
		cd.Going[a.ID] = gv
		if gv.Flagged {
			cd.Flags = append(cd.Flags, appointmentFlag{CaseID: c.ID, CaseCode: c.Code, ApptID: a.ID,
				Kind: d.T("appointment.kind." + string(a.Kind)), Date: strings.TrimSpace(d.Day(a.Date) + " " + a.LocalTime), When: a.When, Place: a.Place,
				CanSignUp: canSignUp})
		}
	}
	return nil
}

// Going is who goes to appointment id, for the case page's partial.
func (d *templateData) Going(id string) goingView {
	if d.Commit == nil {
		return goingView{}
	}
	gv, ok := d.Commit.Going[id]
	if !ok {
		return goingView{}
	}
	if d.Commit.ErrorAppt == id {
		for _, e := range d.CommitErrors("going_").Errors {
			gv.Errors = append(gv.Errors, e.Message)
		}
	}
	return gv
}

// CommitErrors is the error summary (the "error-summary" partial) of a
// rejected commitment or sign-up form: its messages in the order its
// fields show, each labelled and linked to its field (prefix + field
// name). A sign-up form has no fields of its own id: its lines link to
// the appointment, which shows them too.
func (d *templateData) CommitErrors(prefix string) summaryArgs {
	order := summaryOrders[prefix]
	if order == nil && d.Commit != nil {
		order = d.Commit.ErrorOrder
	}
	a := summaryArgs{Title: d.T("errors.summary")}
	seen := map[string]bool{}
	for _, f := range order {
		if msg := d.Errors[prefix+f]; msg != "" {
			a.Errors = append(a.Errors, summaryError{Field: prefix + f, Message: d.T("commit.field."+f) + ": " + msg})
			seen[prefix+f] = true
		}
	}
	var rest []string // anything not in the order is still said
	for k := range d.Errors {
		if !seen[k] && strings.HasPrefix(k, prefix) {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	for _, k := range rest {
		a.Errors = append(a.Errors, summaryError{Field: k, Message: d.Errors[k]})
	}
	if prefix == "going_" && d.Commit != nil && d.Commit.ErrorAppt != "" {
		for i := range a.Errors {
			a.Errors[i].Field = "appt-" + d.Commit.ErrorAppt
		}
	}
	return a
}
