package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"puente/internal/model"
)

func (w caseWorld) commitment(c model.Case, in model.CommitmentInput, holders ...string) string {
	w.t.Helper()
	id, err := w.s.AddCommitment(context.Background(), c, "", in, holders)
	if err != nil {
		w.t.Fatalf("AddCommitment: %v", err)
	}
	return id
}

var rent = model.CommitmentInput{Kind: model.KindMoney, Description: "Rent", StartsOn: "2026-01-01",
	EndKind: model.EndWorkPermit, AmountCents: 60000, Currency: "USD", Frequency: "monthly"}

func TestCommitmentsWithHoldersAndRecords(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	c, ps := w.open("g1", model.PersonInput{Name: "Rosa Díaz"}, model.PersonInput{Name: "Pablo Díaz"})
	coord, mem := w.users["g1coord"].ID, w.users["g1member"].ID
	moneyID := w.commitment(c, rent, coord, mem)
	house := w.commitment(c, model.CommitmentInput{Kind: "housing", StartsOn: "2026-02-01", EndKind: model.EndDate, EndsOn: "2026-08-01"}, coord)

	for _, g := range []model.GivenRecord{
		{GivenOn: "2026-01-03", AmountCents: 60000, GivenByID: coord},
		{GivenOn: "2026-02-02", AmountCents: 30000, GivenByID: mem, Note: "half"},
	} {
		if _, err := w.s.AddGivenRecord(ctx, c, moneyID, coord, g); err != nil {
			t.Fatalf("AddGivenRecord: %v", err)
		}
	}
	// The household's first work permit ends "until the work permit".
	w.fact(c, model.Fact{PersonID: ps[1].ID, Kind: model.FactEADGranted, Date: "2026-09-14"})
	w.fact(c, model.Fact{PersonID: ps[0].ID, Kind: model.FactEADGranted, Date: "2026-07-30"})

	list, err := w.s.Commitments(ctx, c.ID, "en")
	if err != nil || len(list) != 2 {
		t.Fatalf("Commitments: got %d, %v; want 2", len(list), err)
	}
	m := list[0]
	if m.ID != moneyID || m.Records != 2 || m.GivenCents != 90000 || m.LastGiven != "2026-02-02" || m.WorkPermitOn != "2026-07-30" {
		t.Errorf("money commitment: got id %s records %d given %d last %s permit %s; want 2 records, 90000, 2026-02-02, 2026-07-30",
			m.ID, m.Records, m.GivenCents, m.LastGiven, m.WorkPermitOn)
	}
	if len(m.Holders) != 2 || m.Holders[0].Name != "Gina Coord" || m.Holders[1].Name != "Mario Member" || !m.HeldBy(mem) {
		t.Errorf("holders: got %+v, want Gina Coord and Mario Member", m.Holders)
	}
	if h := list[1]; h.ID != house || h.AmountCents != 0 || h.Currency != "" || h.EndsOn != "2026-08-01" {
		t.Errorf("housing: got %+v, want no money and ends 2026-08-01", h)
	}
	recs, total, err := w.s.GivenRecords(ctx, c.ID, moneyID, 1)
	if err != nil || total != 2 || len(recs) != 1 || recs[0].GivenOn != "2026-02-02" || recs[0].GivenByName != "Mario Member" {
		t.Errorf("GivenRecords(limit 1): got %+v, %d, %v; want the newest of 2, by Mario Member", recs, total, err)
	}
	gifts, err := w.s.CaseGifts(ctx, c.ID)
	if err != nil || len(gifts) != 2 || gifts[0].AmountCents != 60000 {
		t.Errorf("CaseGifts: got %+v, %v", gifts, err)
	}
	if err := w.s.DeleteGivenRecord(ctx, c, moneyID, recs[0].ID, coord); err != nil {
		t.Fatalf("DeleteGivenRecord: %v", err)
	}
	if got := countRows(t, w.s, "commitment_records"); got != 1 {
		t.Errorf("records after delete: got %d, want 1", got)
	}
}

// Everyone named must belong to the case's group, or nothing is written.
func TestCommitmentPeopleMustBeInTheGroup(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	c, _ := w.open("g1", model.PersonInput{Name: "Rosa Díaz"})
	outsider := w.users["g2coord"].ID
	if _, err := w.s.AddCommitment(ctx, c, "", rent, []string{w.users["g1coord"].ID, outsider}); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("holder from another group: got %v, want ErrNotFound", err)
	}
	if n := countRows(t, w.s, "commitments"); n != 0 {
		t.Errorf("commitments after a refused holder: got %d, want 0 (one transaction)", n)
	}
	id := w.commitment(c, rent)
	if err := w.s.AddHolder(ctx, c, id, "", outsider); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("AddHolder from another group: got %v, want ErrNotFound", err)
	}
	if _, err := w.s.AddGivenRecord(ctx, c, id, "", model.GivenRecord{GivenOn: "2026-01-01", AmountCents: 1, GivenByID: outsider}); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("record given by someone of another group: got %v, want ErrNotFound", err)
	}
	appt := w.appt(c, "master_hearing", "2026-12-10")
	if err := w.s.SignUp(ctx, c, appt, "", outsider, model.RoleDriver); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("SignUp of someone of another group: got %v, want ErrNotFound", err)
	}
	other, _ := w.open("g2", model.PersonInput{Name: "Other"})
	if err := w.s.SignUp(ctx, other, appt, "", outsider, model.RoleDriver); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("SignUp through another case: got %v, want ErrNotFound", err)
	}
	if _, err := w.s.Commitment(ctx, other.ID, id, "en"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Commitment through another case: got %v, want ErrNotFound", err)
	}
	if n := countRows(t, w.s, "commitment_records") + countRows(t, w.s, "appointment_signups") + countRows(t, w.s, "commitment_holders"); n != 0 {
		t.Errorf("rows written by refused actions: got %d, want 0", n)
	}
}

func (w caseWorld) appt(c model.Case, kind model.AppointmentKind, date string) string {
	w.t.Helper()
	id, err := w.s.AddAppointment(context.Background(), c, "", model.Appointment{Kind: kind, Date: date})
	if err != nil {
		w.t.Fatalf("AddAppointment: %v", err)
	}
	return id
}

func TestCancelAndUpdate(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	c, _ := w.open("g1", model.PersonInput{Name: "Rosa Díaz"})
	id := w.commitment(c, rent)
	in := rent
	in.AmountCents, in.Description = 65000, "Rent, raised"
	if err := w.s.UpdateCommitment(ctx, c, id, "", in); err != nil {
		t.Fatal(err)
	}
	// A kind changed away from money drops the amount.
	in.Kind = "housing"
	if err := w.s.UpdateCommitment(ctx, c, id, "", in); err != nil {
		t.Fatal(err)
	}
	got, err := w.s.Commitment(ctx, c.ID, id, "en")
	if err != nil || got.Kind != "housing" || got.AmountCents != 0 || got.Currency != "" || got.Frequency != "" {
		t.Errorf("after the kind changed: got %+v, %v", got, err)
	}
	hist, _ := w.s.History(ctx, c.ID, 5)
	if hist[0].Action != "commitment_updated" || hist[0].Fields != "commitment_kind,amount,currency,frequency" ||
		hist[1].Fields != "description,amount" {
		t.Errorf("history of updates: got %+v", hist[:2])
	}
	before := countRows(t, w.s, "case_history")
	if err := w.s.UpdateCommitment(ctx, c, id, "", in); err != nil || countRows(t, w.s, "case_history") != before {
		t.Errorf("an update that changes nothing: got %v and a history entry, want nothing written", err)
	}
	if err := w.s.CancelCommitment(ctx, c, id, "", "2026-11-30"); err != nil {
		t.Fatal(err)
	}
	if err := w.s.CancelCommitment(ctx, c, id, "", "2026-12-01"); err != nil {
		t.Fatal(err)
	}
	got, _ = w.s.Commitment(ctx, c.ID, id, "en")
	if got.CancelledOn != "2026-11-30" {
		t.Errorf("cancelled on: got %q, want the first cancellation's day", got.CancelledOn)
	}
	if err := w.s.UpdateCommitment(ctx, c, id, "", rent); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("editing a cancelled commitment: got %v, want ErrForbidden", err)
	}
	if err := w.s.AddHolder(ctx, c, id, "", w.users["g1member"].ID); !errors.Is(err, model.ErrForbidden) {
		t.Errorf("taking on a cancelled commitment: got %v, want ErrForbidden", err)
	}
}

// Sign-ups are in the case history: who did it, for whom, the appointment's
// kind and the role; never a note.
func TestSignUpHistoryAndLeavingTheGroup(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	c, _ := w.open("g1", model.PersonInput{Name: "Rosa Díaz"})
	coord, mem := w.users["g1coord"].ID, w.users["g1member"].ID
	appt := w.appt(c, "master_hearing", "2026-12-10")
	steps := []func() error{
		func() error { return w.s.SignUp(ctx, c, appt, mem, mem, model.RoleCompanion) },
		func() error { return w.s.SignUp(ctx, c, appt, mem, mem, model.RoleCompanion) }, // again: nothing
		func() error { return w.s.SignUp(ctx, c, appt, coord, mem, model.RoleDriver) },
		func() error { return w.s.SignUp(ctx, c, appt, coord, coord, model.RoleInterpreter) },
		func() error { return w.s.Withdraw(ctx, c, appt, mem, mem) },
		func() error { return w.s.Withdraw(ctx, c, appt, mem, mem) }, // again: nothing
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	ups, err := w.s.SignUps(ctx, c.ID, "en")
	if err != nil || len(ups[appt]) != 1 || ups[appt][0].UserID != coord || ups[appt][0].Role != model.RoleInterpreter {
		t.Errorf("SignUps: got %+v, %v; want the coordinator as interpreter", ups, err)
	}
	hist, err := w.s.History(ctx, c.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ actor, action, subject, fields string }{
		{"Mario Member", "signup_removed", "Mario Member", "master_hearing,driver"},
		{"Gina Coord", "signup_added", "Gina Coord", "master_hearing,interpreter"},
		{"Gina Coord", "signup_changed", "Mario Member", "master_hearing,driver"},
		{"Mario Member", "signup_added", "Mario Member", "master_hearing,companion"},
	}
	for i, wnt := range want {
		h := hist[i]
		if h.ActorName != wnt.actor || h.Action != wnt.action || h.SubjectName != wnt.subject || h.Fields != wnt.fields {
			t.Errorf("history %d: got %s %s %s (%s), want %s %s %s (%s)", i, h.ActorName, h.Action, h.SubjectName, h.Fields,
				wnt.actor, wnt.action, wnt.subject, wnt.fields)
		}
	}
	// Leaving the group ends what one goes to and holds there.
	id := w.commitment(c, rent, coord, mem)
	if err := w.s.SignUp(ctx, c, appt, mem, mem, model.RoleDriver); err != nil {
		t.Fatal(err)
	}
	if err := w.s.RemoveMember(ctx, w.orgs["g1"], mem, coord, ""); err != nil {
		t.Fatal(err)
	}
	ups, _ = w.s.SignUps(ctx, c.ID, "en")
	got, _ := w.s.Commitment(ctx, c.ID, id, "en")
	if len(ups[appt]) != 1 || len(got.Holders) != 1 || got.Holders[0].UserID != coord {
		t.Errorf("after the member left: sign-ups %+v, holders %+v; want only the coordinator in each", ups[appt], got.Holders)
	}
}

// covFrom and covTo are a coverage window: 30 Nov to 14 Dec 2026, in New
// York (the groups' zone).
var (
	covFrom = time.Date(2026, 11, 30, 5, 0, 0, 0, time.UTC)
	covTo   = time.Date(2026, 12, 15, 5, 0, 0, 0, time.UTC)
)

func TestCoverageScopes(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	c1, _ := w.open("g1", model.PersonInput{Name: "Rosa Díaz"})
	c2, _ := w.open("g2", model.PersonInput{Name: "Tomás Ruiz"})
	c3, _ := w.open("g3", model.PersonInput{Name: "Far Away"})
	a1 := w.appt(c1, "master_hearing", "2026-12-05")
	w.appt(c1, "ice_checkin", "2027-02-01") // outside the range asked
	w.appt(c2, "biometrics", "2026-12-06")
	w.appt(c3, "ice_checkin", "2026-12-07")
	if err := w.s.SignUp(ctx, c1, a1, "", w.users["g1member"].ID, model.RoleDriver); err != nil {
		t.Fatal(err)
	}
	if err := w.s.SetNeed(ctx, c1, "", "housing", "2027-06-01"); err != nil {
		t.Fatal(err)
	}
	if err := w.s.SetNeed(ctx, c1, "", "transport", ""); err != nil {
		t.Fatal(err)
	}
	w.commitment(c1, model.CommitmentInput{Kind: "housing", StartsOn: "2026-11-01", EndKind: model.EndOpen}, w.users["g1coord"].ID)
	w.commitment(c1, model.CommitmentInput{Kind: "housing", StartsOn: "2026-11-01", EndKind: model.EndOpen})
	if err := w.s.SetNeed(ctx, c3, "", "money", ""); err != nil {
		t.Fatal(err)
	}

	appts, needs, err := w.s.GroupCoverage(ctx, w.orgs["g1"].ID, covFrom, covTo)
	if err != nil || len(appts) != 1 || appts[0].ApptID != a1 || appts[0].Going != 1 || appts[0].CaseCode != c1.Code || appts[0].Initials != "R.D." {
		t.Errorf("GroupCoverage appointments: got %+v, %v; want only g1's hearing with 1 going", appts, err)
	}
	if len(needs) != 2 || needs[0].Need.Kind != "housing" || len(needs[0].Covers) != 2 || needs[0].Covers[0].Holders+needs[0].Covers[1].Holders != 1 ||
		needs[1].Need.Kind != "transport" || len(needs[1].Covers) != 0 || needs[0].Need.Until != "2027-06-01" {
		t.Errorf("GroupCoverage needs: got %+v", needs)
	}
	appts, needs, err = w.s.NetworkCoverage(ctx, w.orgs["n1"].ID, covFrom, covTo)
	if err != nil || len(appts) != 2 || len(needs) != 2 {
		t.Errorf("NetworkCoverage: got %d appointments, %d needs, %v; want g1's and g2's only (2, 2)", len(appts), len(needs), err)
	}
	for _, a := range appts {
		if a.GroupID == w.orgs["g3"].ID {
			t.Errorf("NetworkCoverage of n1 holds an appointment of g3")
		}
	}
	if _, _, err := w.s.GroupCoverage(ctx, w.orgs["n1"].ID, covFrom, covTo); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("GroupCoverage with a network's id: got %v, want ErrNotFound", err)
	}
	if _, _, err := w.s.NetworkCoverage(ctx, w.orgs["g1"].ID, covFrom, covTo); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("NetworkCoverage with a group's id: got %v, want ErrNotFound", err)
	}
}

func TestUserTasksAndFeedRole(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	c1, _ := w.open("g1", model.PersonInput{Name: "Rosa Díaz"})
	closed, _ := w.open("g1", model.PersonInput{Name: "Closed Case"})
	mem := w.users["g1member"].ID
	a1 := w.appt(c1, "master_hearing", "2026-12-05")
	past := w.appt(c1, "ice_checkin", "2026-11-01")
	a3 := w.appt(closed, "ice_checkin", "2026-12-20")
	for _, a := range []struct {
		c  model.Case
		id string
	}{{c1, a1}, {c1, past}, {closed, a3}} {
		if err := w.s.SignUp(ctx, a.c, a.id, "", mem, model.RoleDriver); err != nil {
			t.Fatal(err)
		}
	}
	held := w.commitment(c1, rent, mem)
	gone := w.commitment(c1, model.CommitmentInput{Kind: "school", StartsOn: "2026-01-01", EndKind: model.EndOpen}, mem)
	if err := w.s.CancelCommitment(ctx, c1, gone, "", "2026-06-01"); err != nil {
		t.Fatal(err)
	}
	w.commitment(closed, rent, mem)
	if err := w.s.CloseCase(ctx, closed, "", "moved"); err != nil {
		t.Fatal(err)
	}
	appts, hs, err := w.s.UserTasks(ctx, mem, w.orgs["g1"].ID, covFrom)
	if err != nil || len(appts) != 1 || appts[0].Key != AppointmentKey(a1) || appts[0].Role != model.RoleDriver || appts[0].CaseCode != c1.Code {
		t.Errorf("UserTasks appointments: got %+v, %v; want only the open case's coming hearing", appts, err)
	}
	if len(hs) != 1 || hs[0].ID != held || hs[0].CaseCode != c1.Code || hs[0].Initials != "R.D." {
		t.Errorf("UserTasks commitments: got %+v; want only the live one of the open case", hs)
	}
	if a, h, err := w.s.UserTasks(ctx, mem, w.orgs["g2"].ID, covFrom); err != nil || len(a)+len(h) != 0 {
		t.Errorf("UserTasks in another group: got %d, %d, %v; want nothing", len(a), len(h), err)
	}
	window := map[string]FeedWindow{w.orgs["g1"].ID: {From: "2026-11-30", To: "2027-12-31",
		Start: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), End: time.Date(2027, 12, 31, 0, 0, 0, 0, time.UTC)}}
	items, err := w.s.FeedItems(ctx, mem, window)
	if err != nil {
		t.Fatal(err)
	}
	roles := map[string]model.SignUpRole{}
	for _, it := range items {
		roles[it.Key] = it.Role
	}
	if roles[AppointmentKey(a1)] != model.RoleDriver {
		t.Errorf("feed item for the hearing signed up for: got role %q, want driver", roles[AppointmentKey(a1)])
	}
	coordItems, _ := w.s.FeedItems(ctx, w.users["g1coord"].ID, window)
	for _, it := range coordItems {
		if it.Role != "" {
			t.Errorf("coordinator's feed: %s carries role %q, want none (the member signed up, not them)", it.Key, it.Role)
		}
	}
}

func TestNeeds(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	c, _ := w.open("g1", model.PersonInput{Name: "Rosa Díaz"})
	if err := w.s.SetNeed(ctx, c, "", "housing", "2027-01-01"); err != nil {
		t.Fatal(err)
	}
	if err := w.s.SetNeed(ctx, c, "", "housing", "2027-03-01"); err != nil {
		t.Fatal(err)
	}
	needs, err := w.s.Needs(ctx, c.ID)
	if err != nil || len(needs) != 1 || needs[0].Until != "2027-03-01" {
		t.Errorf("Needs after setting housing twice: got %+v, %v; want one, until 2027-03-01", needs, err)
	}
	if err := w.s.RemoveNeed(ctx, c, "", "housing"); err != nil {
		t.Fatal(err)
	}
	if err := w.s.RemoveNeed(ctx, c, "", "housing"); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("removing a need twice: got %v, want ErrNotFound", err)
	}
}
