package store

import (
	"context"
	"crypto/rand"
	"errors"
	"testing"

	"puente/internal/model"
)

// newQueueWorld is newWorld with an encryption key and a region in n1.
func newQueueWorld(t *testing.T) (*world, []model.Region) {
	t.Helper()
	w := newWorld(t)
	ctx := context.Background()
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	if err := w.s.UseKey(ctx, key); err != nil {
		t.Fatal(err)
	}
	if err := w.s.AddRegion(ctx, w.orgs["n1"].ID, "North Texas"); err != nil {
		t.Fatal(err)
	}
	regions, err := w.s.Regions(ctx, w.orgs["n1"].ID)
	if err != nil {
		t.Fatal(err)
	}
	return w, regions
}

func TestAddQueueEntriesIdempotent(t *testing.T) {
	w, regions := newQueueWorld(t)
	ctx := context.Background()
	n1, actor := w.orgs["n1"], w.users["n1coord"].ID
	in := []model.QueueEntryInput{
		{Pseudonym: "M.R.", Languages: []string{"es"}, Adults: 1, ChildAges: []int{4, 9}, DecisionDate: "2026-12-10",
			DetainedSince: "2026-09-01", RegionID: regions[0].ID, Needs: []string{"schooling"}, ExternalRef: "ref-1",
			ANumber: "A012-345-678", Facility: "Prairieland"},
		{Pseudonym: "J.", Adults: 2},
		{Pseudonym: "M.R. again", Adults: 1, ExternalRef: "ref-1"}, // the same reference in one call
	}
	for i := range in {
		if ps := in[i].Validate(regions, "2026-12-01"); len(ps) > 0 {
			t.Fatalf("entry %d: %v", i, ps)
		}
	}
	got, err := w.s.AddQueueEntries(ctx, n1, in, actor, "192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{QueueCreated, QueueCreated, QueueExisting}
	for i, r := range got {
		if r.Status != want[i] || r.Index != i || r.ID == "" {
			t.Errorf("result %d: got %+v, want %s", i, r, want[i])
		}
	}
	if got[2].ID != got[0].ID {
		t.Errorf("the repeated reference names %s, want the first entry %s", got[2].ID, got[0].ID)
	}
	if n := countRows(t, w.s, "queue_entries"); n != 2 {
		t.Errorf("entries: got %d, want 2", n)
	}
	if n := countRows(t, w.s, "queue_state_changes"); n != 2 {
		t.Errorf("state changes: got %d, want 2", n)
	}
	// Sent again: nothing new for the referenced entry.
	again, err := w.s.AddQueueEntries(ctx, n1, in[:1], actor, "")
	if err != nil || len(again) != 1 || again[0].Status != QueueExisting || again[0].ID != got[0].ID {
		t.Fatalf("second send: %+v, %v", again, err)
	}
	if n := countRows(t, w.s, "queue_entries"); n != 2 {
		t.Errorf("entries after the second send: got %d, want 2", n)
	}
	// Another network may use the same reference.
	if r, err := w.s.AddQueueEntries(ctx, w.orgs["n2"], in[:1], w.users["n2admin"].ID, ""); err != nil || r[0].Status != QueueCreated {
		t.Errorf("another network's reference: %+v, %v", r, err)
	}
	if _, err := w.s.AddQueueEntries(ctx, w.orgs["g1"], in[:1], actor, ""); !errors.Is(err, ErrNotNetwork) {
		t.Errorf("a group's queue: got %v, want ErrNotNetwork", err)
	}
}

func TestAddQueueEntriesAllOrNothing(t *testing.T) {
	w, regions := newQueueWorld(t)
	ctx := context.Background()
	good := model.QueueEntryInput{Pseudonym: "A.", Adults: 1, ExternalRef: "a"}
	// Not validated: an adult count the schema refuses, after a good one.
	bad := model.QueueEntryInput{Pseudonym: "B.", Adults: 0, ExternalRef: "b"}
	if ps := bad.Validate(regions, "2026-12-01"); len(ps) != 1 || ps[0].Field != "adults" {
		t.Errorf("Validate: got %v, want one problem with adults", ps)
	}
	if _, err := w.s.AddQueueEntries(ctx, w.orgs["n1"], []model.QueueEntryInput{good, bad}, w.users["n1coord"].ID, ""); err == nil {
		t.Fatal("a row the schema refuses was accepted")
	}
	for _, table := range []string{"queue_entries", "queue_state_changes"} {
		if n := countRows(t, w.s, table); n != 0 {
			t.Errorf("%s: a failed call left %d rows", table, n)
		}
	}
}

func TestQueueEntryValidate(t *testing.T) {
	regions := []model.Region{{ID: "r1", Name: "North"}}
	cases := []struct {
		name  string
		in    model.QueueEntryInput
		field string
		code  string
	}{
		{"no pseudonym", model.QueueEntryInput{Adults: 1}, "pseudonym", model.ProblemRequired},
		{"control char", model.QueueEntryInput{Pseudonym: "a\x07", Adults: 1}, "pseudonym", model.ProblemText},
		{"language", model.QueueEntryInput{Pseudonym: "a", Adults: 1, Languages: []string{"xx"}}, "languages", model.ProblemChoice},
		{"no adult", model.QueueEntryInput{Pseudonym: "a"}, "adults", model.ProblemCount},
		{"child 18", model.QueueEntryInput{Pseudonym: "a", Adults: 1, ChildAges: []int{18}}, "child_ages", model.ProblemCount},
		{"bad date", model.QueueEntryInput{Pseudonym: "a", Adults: 1, DecisionDate: "2026-02-30"}, "decision_date", model.ProblemDate},
		{"future detention", model.QueueEntryInput{Pseudonym: "a", Adults: 1, DetainedSince: "2026-12-02"}, "detained_since", model.ProblemFuture},
		{"region", model.QueueEntryInput{Pseudonym: "a", Adults: 1, RegionID: "r2"}, "region_id", model.ProblemChoice},
		{"need", model.QueueEntryInput{Pseudonym: "a", Adults: 1, Needs: []string{"pony"}}, "needs", model.ProblemChoice},
		{"anumber", model.QueueEntryInput{Pseudonym: "a", Adults: 1, ANumber: "A12"}, "anumber", model.ProblemANumber},
	}
	for _, c := range cases {
		ps := c.in.Validate(regions, "2026-12-01")
		if len(ps) != 1 || ps[0].Field != c.field || ps[0].Code != c.code {
			t.Errorf("%s: got %v, want %s/%s", c.name, ps, c.field, c.code)
		}
	}
}
