package store

import (
	"context"
	"slices"
	"strings"
	"testing"

	"puente/internal/model"
)

// personDeadlines lists a person's stored deadlines as "engine key due".
func (w caseWorld) personDeadlines(c model.Case, personID string) []string {
	w.t.Helper()
	rows, err := w.s.db.Query(`SELECT key, coalesce(due, '') FROM deadlines WHERE case_id = ? AND person_id = ? ORDER BY key`, c.ID, personID)
	if err != nil {
		w.t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var key, due string
		if err := rows.Scan(&key, &due); err != nil {
			w.t.Fatal(err)
		}
		out = append(out, strings.TrimPrefix(key, personID+"/")+" "+due)
	}
	return out
}

// The reviewer's case in the store: a household that arrived 406 days ago
// (2025-10-20; today is 2026-11-30), moved on 2026-06-01 and has an
// individual hearing on 2026-12-20. A cousin who joined today owes the
// EOIR-33 and AR-11 of the day they joined, none of the household's past
// ones, and not the family's hearing evidence; the case's next_due follows
// in the same transaction. Clearing the date makes them a member from the
// start, with every household deadline, as people entered at creation.
func TestAddPersonJoinedLater(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	c, ps := w.open("g1", model.PersonInput{Name: "Rosa Vega"})
	principal := ps[0].ID
	w.fact(c, model.Fact{Kind: model.FactArrival, Date: "2025-10-20"})
	w.fact(c, model.Fact{Kind: model.FactMove, Date: "2026-06-01"})
	if _, err := w.s.AddAppointment(ctx, c, "", model.Appointment{Kind: model.KindIndividualHearing, Date: "2026-12-20"}); err != nil {
		t.Fatal(err)
	}
	before := w.personDeadlines(c, principal)
	if len(before) != 5 {
		t.Fatalf("principal's deadlines %v, want arrival and move (EOIR-33, AR-11) and the hearing evidence", before)
	}
	// The principal's deadlines are all done: next_due is the cousin's.
	var marks []model.Mark
	for _, k := range before {
		marks = append(marks, model.Mark{Key: principal + "/" + strings.Fields(k)[0], State: model.MarkDone, DoneOn: "2026-11-30"})
	}
	if err := w.s.SetMarks(ctx, c, "", marks); err != nil {
		t.Fatal(err)
	}
	if got := w.nextDue(c); got != "" {
		t.Fatalf("next_due %q with every deadline done", got)
	}

	cousin, err := w.s.AddPerson(ctx, c, "", model.PersonInput{Name: "Beto Vega", Relationship: "cousin", JoinedOn: "2026-11-30"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"ar11-change-of-address/joined 2026-12-10", "eoir33-change-of-address/joined 2026-12-05"}
	if got := w.personDeadlines(c, cousin); !slices.Equal(got, want) {
		t.Errorf("cousin's deadlines %v, want %v", got, want)
	}
	if got := w.nextDue(c); got != "2026-12-05" {
		t.Errorf("next_due %q, want the cousin's EOIR-33, 2026-12-05", got)
	}
	if got := w.personDeadlines(c, principal); !slices.Equal(got, before) {
		t.Errorf("principal's deadlines changed: %v, was %v", got, before)
	}
	ps, err = w.s.People(ctx, c.ID, "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.ID == cousin && p.JoinedOn != "2026-11-30" {
			t.Errorf("People: JoinedOn %q", p.JoinedOn)
		}
	}

	// Corrected: they came with the family after all.
	if err := w.s.UpdatePerson(ctx, c, cousin, "", model.PersonInput{Name: "Beto Vega", Relationship: "cousin", SetJoined: true}); err != nil {
		t.Fatal(err)
	}
	got := w.personDeadlines(c, cousin)
	if len(got) != 5 || !slices.Contains(got, "eoir33-change-of-address/arrival 2025-10-25") ||
		!slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "individual-hearing-evidence/") }) {
		t.Errorf("from the start, the cousin's deadlines are %v, want the household's five", got)
	}
	if got := w.nextDue(c); got != "2025-10-25" {
		t.Errorf("next_due %q, want the arrival's EOIR-33, 2025-10-25", got)
	}

	// An edit without SetJoined keeps the date; a later join date moves it.
	if err := w.s.UpdatePerson(ctx, c, cousin, "", model.PersonInput{Name: "Beto Vega", Relationship: "cousin", SetJoined: true, JoinedOn: "2026-07-01"}); err != nil {
		t.Fatal(err)
	}
	if err := w.s.UpdatePerson(ctx, c, cousin, "", model.PersonInput{Name: "Beto V.", Relationship: "cousin"}); err != nil {
		t.Fatal(err)
	}
	want = []string{"ar11-change-of-address/joined 2026-07-11", "eoir33-change-of-address/joined 2026-07-06"}
	if got := w.personDeadlines(c, cousin); !slices.Equal(got, want) {
		t.Errorf("joined 2026-07-01 (after the move): %v, want %v", got, want)
	}
}

// People entered at creation, and members added with no join date, have
// every household fact as before; the principal never has a join date.
func TestPeopleFromTheStartKeepHouseholdDeadlines(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	c, ps := w.open("g1", model.PersonInput{Name: "Ana Ruiz", JoinedOn: "2026-11-01"}, model.PersonInput{Name: "Luis Ruiz"})
	w.fact(c, model.Fact{Kind: model.FactArrival, Date: "2025-10-20"})
	for _, p := range ps {
		if p.JoinedOn != "" {
			t.Errorf("%s: JoinedOn %q, want none", p.Name, p.JoinedOn)
		}
		want := []string{"ar11-change-of-address/arrival 2025-10-30", "eoir33-change-of-address/arrival 2025-10-25"}
		if got := w.personDeadlines(c, p.ID); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", p.Name, got, want)
		}
	}
	if err := w.s.UpdatePerson(ctx, c, ps[0].ID, "", model.PersonInput{Name: "Ana Ruiz", SetJoined: true, JoinedOn: "2026-11-01"}); err != nil {
		t.Fatal(err)
	}
	if got := w.personDeadlines(c, ps[0].ID); len(got) != 2 || !strings.Contains(got[0], "/arrival") {
		t.Errorf("the principal was given a join date: %v", got)
	}
}
