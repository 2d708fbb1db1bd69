package store

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"puente/internal/model"
)

// homeWindow is the coverage window of 30 November 2026 in New York (the
// groups' zone): the days 30 Nov to 14 Dec, from the first instant of 30
// Nov to that of 15 Dec, read a day wider on each side.
var homeWindow = CoverageWindow{First: "2026-11-30", Last: "2026-12-14",
	Begin: time.Date(2026, 11, 30, 5, 0, 0, 0, time.UTC), End: time.Date(2026, 12, 15, 5, 0, 0, 0, time.UTC),
	From: time.Date(2026, 11, 29, 5, 0, 0, 0, time.UTC), To: time.Date(2026, 12, 16, 5, 0, 0, 0, time.UTC)}

func (w caseWorld) apptAt(c model.Case, a model.Appointment) string {
	w.t.Helper()
	id, err := w.s.AddAppointment(context.Background(), c, "", a)
	if err != nil {
		w.t.Fatalf("AddAppointment %+v: %v", a, err)
	}
	return id
}

func (w caseWorld) mark(c model.Case, apptID string, state model.MarkState) {
	w.t.Helper()
	m := model.Mark{Key: AppointmentKey(apptID), State: state}
	if state == model.MarkDone {
		m.DoneOn = "2026-11-30"
	}
	if err := w.s.SetMark(context.Background(), c, "", m); err != nil {
		w.t.Fatalf("SetMark: %v", err)
	}
}

// TestGroupUncoveredAppointments: the window's appointments that someone
// should go to with nobody going, soonest first, and their count; the
// 14th day ends at midnight in New York, an appointment with a time is on
// its day there, one without a time on its date wherever it is.
func TestGroupUncoveredAppointments(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	c, ps := w.open("g1", model.PersonInput{Name: "Rosa Díaz"}, model.PersonInput{Name: "Pablo Díaz"})
	at := func(kind model.AppointmentKind, date, hhmm, zone string) string {
		return w.apptAt(c, model.Appointment{Kind: kind, Date: date, Time: hhmm, TimeZone: zone})
	}
	want := []string{
		at("ice_checkin", "2026-11-30", "", "Pacific/Guam"), // today in Guam: the day before in New York, still today's date
		at("master_hearing", "2026-11-30", "00:00", ""),     // the first minute of the window
		at("master_hearing", "2026-12-05", "09:30", ""),     // nobody going
		at("biometrics", "2026-12-06", "10:00", ""),         // any kind one should not go to alone
		w.apptAt(c, model.Appointment{Kind: "individual_hearing", Date: "2026-12-07", Time: "09:00", PersonID: ps[1].ID}),
		at("ice_checkin", "2026-12-14", "", "Pacific/Honolulu"), // the 14th day, no time
		at("ice_checkin", "2026-12-14", "23:59", ""),            // the last minute of the 14th day
	}
	// Not flagged:
	at("master_hearing", "2026-11-29", "23:59", "")                 // yesterday
	at("ice_checkin", "2026-12-15", "00:00", "")                    // the 15th day
	at("ice_checkin", "2026-12-14", "21:30", "America/Los_Angeles") // 00:30 on the 15th in New York
	at("ice_checkin", "2026-12-15", "", "Pacific/Guam")             // inside the instants, but its date is the 15th
	at("other", "2026-12-03", "10:00", "")                          // nobody needs to go
	signed := at("master_hearing", "2026-12-04", "09:00", "")
	if err := w.s.SignUp(ctx, c, signed, "", w.users["g1member"].ID, model.RoleDriver); err != nil {
		t.Fatal(err)
	}
	w.apptAt(c, model.Appointment{Kind: "master_hearing", Date: "2026-12-04", Time: "11:00", Going: "Ana from church"})
	w.mark(c, at("ice_checkin", "2026-12-02", "10:00", ""), model.MarkDone)
	w.mark(c, at("ice_checkin", "2026-12-02", "11:00", ""), model.MarkNotApplicable)
	reopened := at("ice_checkin", "2026-12-02", "12:00", "")
	w.mark(c, reopened, model.MarkOpen)
	want = slices.Insert(want, 2, reopened) // 2 December, between the first two and the 5th
	closed, _ := w.open("g1", model.PersonInput{Name: "Closed Case"})
	w.appt(closed, "master_hearing", "2026-12-05")
	if err := w.s.CloseCase(ctx, closed, "", "moved"); err != nil {
		t.Fatal(err)
	}
	other, _ := w.open("g2", model.PersonInput{Name: "Tomás Ruiz"})
	w.appt(other, "master_hearing", "2026-12-05")

	got, total, err := w.s.GroupUncoveredAppointments(ctx, w.orgs["g1"].ID, homeWindow, 20)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range got {
		ids = append(ids, it.ApptID)
		if it.CaseCode != c.Code || it.Initials != "R.D." || it.GroupID != w.orgs["g1"].ID {
			t.Errorf("appointment %s: case %s, initials %s; want %s and the principal's R.D.", it.ApptID, it.CaseCode, it.Initials, c.Code)
		}
	}
	if !slices.Equal(ids, want) || total != len(want) {
		t.Errorf("uncovered: got %v (total %d), want %v", ids, total, want)
	}
	got, total, err = w.s.GroupUncoveredAppointments(ctx, w.orgs["g1"].ID, homeWindow, 2)
	if err != nil || len(got) != 2 || got[0].ApptID != want[0] || got[1].ApptID != want[1] || total != len(want) {
		t.Errorf("the first 2: got %d (total %d), %v; want %v of %d", len(got), total, err, want[:2], len(want))
	}
	if got, total, err := w.s.GroupUncoveredAppointments(ctx, w.orgs["n1"].ID, homeWindow, 20); err != nil || len(got) != 0 || total != 0 {
		t.Errorf("a network's id: got %d (total %d), %v; want nothing", len(got), total, err)
	}
}

// TestGroupUncoveredNeeds: needs that still apply with no commitment of
// their kind that meets them, by case code and kind, and their count.
func TestGroupUncoveredNeeds(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	holder := w.users["g1member"].ID
	need := func(c model.Case, kind model.CommitmentKind, until string) {
		t.Helper()
		if err := w.s.SetNeed(ctx, c, "", kind, until); err != nil {
			t.Fatal(err)
		}
	}
	from := func(start string, end model.EndKind, ends string) model.CommitmentInput {
		return model.CommitmentInput{Kind: "housing", StartsOn: start, EndKind: end, EndsOn: ends}
	}
	type want struct {
		code string
		kind model.CommitmentKind
	}
	var flagged []want
	for _, tc := range []struct {
		name    string
		until   string
		cm      *model.CommitmentInput
		holders bool
		cancel  bool
		permit  string
		want    bool
	}{
		{name: "nothing promised", want: true},
		{name: "open commitment with someone", cm: &model.CommitmentInput{Kind: "housing", StartsOn: "2026-11-01", EndKind: model.EndOpen}, holders: true},
		{name: "with nobody responsible", cm: &model.CommitmentInput{Kind: "housing", StartsOn: "2026-11-01", EndKind: model.EndOpen}, want: true},
		{name: "cancelled", cm: &model.CommitmentInput{Kind: "housing", StartsOn: "2026-11-01", EndKind: model.EndOpen}, holders: true, cancel: true, want: true},
		{name: "ended yesterday", cm: ptr(from("2026-01-01", model.EndDate, "2026-11-29")), holders: true, want: true},
		{name: "ends today", cm: ptr(from("2026-01-01", model.EndDate, "2026-11-30")), holders: true},
		{name: "starts after the need ends", until: "2026-12-31", cm: ptr(from("2027-01-01", model.EndOpen, "")), holders: true, want: true},
		{name: "starts on the need's last day", until: "2026-12-31", cm: ptr(from("2026-12-31", model.EndOpen, "")), holders: true},
		{name: "need over yesterday", until: "2026-11-29"},
		{name: "need ends today", until: "2026-11-30", want: true},
		{name: "until a work permit not granted", cm: ptr(from("2026-01-01", model.EndWorkPermit, "")), holders: true},
		{name: "until a work permit granted yesterday", cm: ptr(from("2026-01-01", model.EndWorkPermit, "")), holders: true, permit: "2026-11-29", want: true},
		{name: "until a work permit granted before it started today", cm: ptr(from("2026-11-30", model.EndWorkPermit, "")), holders: true, permit: "2026-10-01"},
		{name: "until a work permit granted today", cm: ptr(from("2026-01-01", model.EndWorkPermit, "")), holders: true, permit: "2026-11-30"},
	} {
		c, _ := w.open("g1", model.PersonInput{Name: "Case " + tc.name})
		need(c, "housing", tc.until)
		if tc.cm != nil {
			var hs []string
			if tc.holders {
				hs = []string{holder}
			}
			id := w.commitment(c, *tc.cm, hs...)
			if tc.cancel {
				if err := w.s.CancelCommitment(ctx, c, id, "", "2026-11-30"); err != nil {
					t.Fatal(err)
				}
			}
		}
		if tc.permit != "" {
			w.fact(c, model.Fact{PersonID: w.principal(c), Kind: model.FactEADGranted, Date: tc.permit})
		}
		if tc.want {
			flagged = append(flagged, want{c.Code, "housing"})
		}
		// A second need of the case, of another kind, is flagged on its own.
		if tc.name == "nothing promised" {
			need(c, "transport", "")
			flagged = append(flagged, want{c.Code, "transport"})
		}
	}
	closed, _ := w.open("g1", model.PersonInput{Name: "Closed Case"})
	need(closed, "housing", "")
	if err := w.s.CloseCase(ctx, closed, "", "moved"); err != nil {
		t.Fatal(err)
	}
	other, _ := w.open("g2", model.PersonInput{Name: "Tomás Ruiz"})
	need(other, "housing", "")
	slices.SortFunc(flagged, func(a, b want) int {
		if a.code != b.code {
			return cmpStr(a.code, b.code)
		}
		return cmpStr(string(a.kind), string(b.kind))
	})

	got, total, err := w.s.GroupUncoveredNeeds(ctx, w.orgs["g1"].ID, "2026-11-30", 50)
	if err != nil {
		t.Fatal(err)
	}
	var gotKeys []want
	for _, n := range got {
		gotKeys = append(gotKeys, want{n.CaseCode, n.Need.Kind})
		if !strings.HasPrefix(n.Initials, "C.") || n.CaseID != n.Need.CaseID || n.GroupID != w.orgs["g1"].ID {
			t.Errorf("need %+v: want the case's principal's initials and ids", n)
		}
	}
	if !slices.Equal(gotKeys, flagged) || total != len(flagged) {
		t.Errorf("uncovered needs: got %v (total %d), want %v", gotKeys, total, flagged)
	}
	got, total, err = w.s.GroupUncoveredNeeds(ctx, w.orgs["g1"].ID, "2026-11-30", 3)
	if err != nil || len(got) != 3 || total != len(flagged) || got[2].CaseCode != flagged[2].code {
		t.Errorf("the first 3: got %d (total %d), %v; want %v of %d", len(got), total, err, flagged[:3], len(flagged))
	}
	if got, total, err := w.s.GroupUncoveredNeeds(ctx, w.orgs["g1"].ID, "2026-11-30", 0); err != nil || got != nil || total != len(flagged) {
		t.Errorf("the count alone: got %d (total %d), %v; want none of %d", len(got), total, err, len(flagged))
	}
}

func ptr[T any](v T) *T { return &v }

func cmpStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (w caseWorld) principal(c model.Case) string {
	w.t.Helper()
	ps, err := w.s.People(context.Background(), c.ID, "en")
	if err != nil || len(ps) == 0 {
		w.t.Fatalf("People: %v", err)
	}
	return ps[0].ID
}
