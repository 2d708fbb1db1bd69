package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"puente/internal/matching"
	"puente/internal/model"
)

// TestOffersFollowTheRankingsRules: an offer to a group the ranking rules
// out is refused with the rule (wheelchair access here), and an offer is
// accepted only while the group still has a placement free: the third of
// three offers to a group of two placements is refused at use, nothing
// written.
func TestOffersFollowTheRankingsRules(t *testing.T) {
	w, regions := newQueueWorld(t)
	ctx := context.Background()
	useClock(w.s, time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC))
	today := "2026-12-01"
	n1, g1 := w.orgs["n1"], w.orgs["g1"]
	coord, gina := w.users["n1coord"].ID, w.users["g1coord"].ID
	approveGroup(t, w, g1, regions[0].ID, 30, today) // two placements, four beds, no wheelchair access

	chair := seekingEntry(t, w, regions, "chair")
	if err := w.s.UpdateQueueEntry(ctx, n1, chair, QueueEdit{In: model.QueueEntryInput{Pseudonym: "W.C.", Adults: 1,
		Needs: []string{"wheelchair"}}}); err != nil {
		t.Fatal(err)
	}
	var noRoom *NoRoomError
	if _, err := w.s.CreateOffer(ctx, n1, chair, g1, coord, today, model.OfferTTL); !errors.As(err, &noRoom) ||
		noRoom.Rule != matching.RuleWheelchair || !errors.Is(err, ErrNoRoom) {
		t.Errorf("an offer needing wheelchair access: got %v, want the wheelchair rule", err)
	}

	var offers []string
	for _, ref := range []string{"a", "b", "c"} {
		id, err := w.s.CreateOffer(ctx, n1, seekingEntry(t, w, regions, ref), g1, coord, today, model.OfferTTL)
		if err != nil {
			t.Fatalf("offer %s: %v", ref, err)
		}
		offers = append(offers, id)
	}
	for _, id := range offers[:2] {
		if _, err := w.s.AcceptOffer(ctx, g1, id, gina, today, handOff()); err != nil {
			t.Fatal(err)
		}
	}
	cases := countRows(t, w.s, "cases")
	if _, err := w.s.AcceptOffer(ctx, g1, offers[2], gina, today, handOff()); !errors.As(err, &noRoom) || noRoom.Rule != matching.RulePlacements {
		t.Errorf("a third accept with two placements: got %v, want the placements rule", err)
	}
	if n := countRows(t, w.s, "cases"); n != cases {
		t.Errorf("cases after the refused accept: %d, want %d", n, cases)
	}
	if o, _ := w.s.GroupOffer(ctx, g1, offers[2]); o.State != model.OfferOpen {
		t.Errorf("the refused offer: %s, want open", o.State)
	}
}

// TestTheGroupsOwnCasesFillItsPlaces: a group's load counted only the
// network's placements with it, so a group of two places hosting two
// households it took in by itself still ranked as empty and could accept
// two more. Every open case fills a place now, whoever opened it: with one
// case of its own, the group has one place left for the network, and a
// closed case frees its place.
func TestTheGroupsOwnCasesFillItsPlaces(t *testing.T) {
	w, regions := newQueueWorld(t)
	ctx := context.Background()
	useClock(w.s, time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC))
	today := "2026-12-01"
	n1, g1 := w.orgs["n1"], w.orgs["g1"]
	coord, gina := w.users["n1coord"].ID, w.users["g1coord"].ID
	approveGroup(t, w, g1, regions[0].ID, 30, today) // two placements at once
	own, err := w.s.CreateCase(ctx, g1.ID, gina, model.CaseInput{Status: "arrived"}, model.PersonInput{Name: "Own Case"})
	if err != nil {
		t.Fatal(err)
	}
	loads, err := w.s.GroupLoads(ctx, n1)
	if err != nil {
		t.Fatal(err)
	}
	if l := loads[g1.ID]; l.Busy != 1 || l.Open != 0 {
		t.Errorf("load with one case of its own: busy %d, placements %d; want 1, 0", l.Busy, l.Open)
	}
	var offers []string
	for _, ref := range []string{"a", "b"} {
		id, err := w.s.CreateOffer(ctx, n1, seekingEntry(t, w, regions, ref), g1, coord, today, model.OfferTTL)
		if err != nil {
			t.Fatalf("offer %s: %v", ref, err)
		}
		offers = append(offers, id)
	}
	if _, err := w.s.AcceptOffer(ctx, g1, offers[0], gina, today, handOff()); err != nil {
		t.Fatal(err)
	}
	var noRoom *NoRoomError
	if _, err := w.s.AcceptOffer(ctx, g1, offers[1], gina, today, handOff()); !errors.As(err, &noRoom) || noRoom.Rule != matching.RulePlacements {
		t.Errorf("a second placement beside a case of its own, two places: got %v, want the placements rule", err)
	}
	if loads, _ = w.s.GroupLoads(ctx, n1); loads[g1.ID].Busy != 2 {
		t.Errorf("load after one placement: busy %d, want 2", loads[g1.ID].Busy)
	}
	if err := w.s.CloseCase(ctx, own, gina, "self_sufficient"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.AcceptOffer(ctx, g1, offers[1], gina, today, handOff()); err != nil {
		t.Errorf("the second placement once the group's own case closed: %v, want accepted", err)
	}
}
