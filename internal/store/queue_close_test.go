package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"puente/internal/model"
)

// TestCloseQueueEntryTellsGroup: closing an entry handed to a group writes
// one line of the case's history (action network_closed, the reason's
// code, no one named) and queues the messages tell returns for the
// group's coordinators (its members and other groups' people are not
// among them), all in the transaction that closes the entry: a failure
// after the history leaves the entry open, no line and no message. An
// entry never handed over tells nobody.
func TestCloseQueueEntryTellsGroup(t *testing.T) {
	w, regions := newQueueWorld(t)
	ctx := context.Background()
	useClock(w.s, time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC))
	n1, g1 := w.orgs["n1"], w.orgs["g1"]
	entry := seekingEntry(t, w, regions, "close-1")
	cases, err := w.s.SeedPlacements(ctx, n1, []PlacementSeed{{EntryID: entry, Group: g1, HandOff: handOff(), State: model.QueueArrived}})
	if err != nil {
		t.Fatal(err)
	}
	var told []ClosedPlacement
	tell := func(cp ClosedPlacement) []model.Email {
		told = append(told, cp)
		var out []model.Email
		for _, r := range cp.Coordinators {
			out = append(out, model.Email{To: r.Email, Subject: "closed " + cp.CaseCode, Body: cp.Reason})
		}
		return out
	}
	history, outbox := countRows(t, w.s, "case_history"), countRows(t, w.s, "outbox")
	w.s.faults = func(step string) error {
		if step == "network_closed" {
			return errors.New("injected")
		}
		return nil
	}
	if err := w.s.CloseQueueEntryTelling(ctx, n1, entry, "placement_ended", w.users["n1coord"].ID, tell); err == nil {
		t.Fatal("a failure after the history: closed")
	}
	w.s.faults = nil
	if e, _ := w.s.QueueEntry(ctx, n1, entry); e.State != model.QueueArrived {
		t.Errorf("after the failure the entry is %s, want arrived", e.State)
	}
	if h, o := countRows(t, w.s, "case_history"), countRows(t, w.s, "outbox"); h != history || o != outbox {
		t.Errorf("after the failure: %d history rows and %d messages more, want none", h-history, o-outbox)
	}
	if _, err := w.s.NetworkClosed(ctx, cases[0]); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("NetworkClosed before: got %v, want ErrNotFound", err)
	}
	told = nil
	if err := w.s.CloseQueueEntryTelling(ctx, n1, entry, "placement_ended", w.users["n1coord"].ID, tell); err != nil {
		t.Fatal(err)
	}
	c, _ := w.s.CaseForUser(ctx, w.users["g1coord"].ID, cases[0])
	if len(told) != 1 || told[0].CaseID != cases[0] || told[0].CaseCode != c.Code || told[0].GroupID != g1.ID || told[0].Reason != "placement_ended" ||
		len(told[0].Coordinators) != 1 || told[0].Coordinators[0].Email != w.users["g1coord"].Email {
		t.Errorf("told %+v; want the case, its code, the reason and g1's one coordinator", told)
	}
	hs, err := w.s.History(ctx, cases[0], 1)
	if err != nil || len(hs) != 1 || hs[0].Action != "network_closed" || hs[0].Fields != "placement_ended" || hs[0].ActorName != "" {
		t.Errorf("the case's history: %+v, %v; want network_closed with the reason and nobody named", hs, err)
	}
	nc, err := w.s.NetworkClosed(ctx, cases[0])
	if err != nil || nc.Reason != "placement_ended" || !nc.At.Equal(time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC)) {
		t.Errorf("NetworkClosed: %+v, %v", nc, err)
	}
	var kind string
	if err := w.s.db.QueryRow(`SELECT kind FROM outbox WHERE state = 'pending'`).Scan(&kind); err != nil || kind != string(model.EmailPlacementClosed) {
		t.Errorf("outbox: %q, %v; want one placement_closed message", kind, err)
	}
	if !c.Open() {
		t.Error("the group's case was closed by the network")
	}

	waiting := seekingEntry(t, w, regions, "close-2")
	told, history = nil, countRows(t, w.s, "case_history")
	if err := w.s.CloseQueueEntryTelling(ctx, n1, waiting, "withdrew", "", tell); err != nil {
		t.Fatal(err)
	}
	if len(told) != 0 || countRows(t, w.s, "case_history") != history {
		t.Errorf("closing an entry never handed over told %d and wrote history", len(told))
	}
}
