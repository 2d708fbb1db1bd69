package store

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"puente/internal/auth"
	"puente/internal/model"
)

// TestConcurrentWriters: 16 writers, 50 writes each, half of them
// transactions (CreateInvitation) and half single statements (RecordEvent).
// busy_timeout and immediate transactions must absorb every lock wait, so
// no write fails with SQLITE_BUSY and every acknowledged write is there.
func TestConcurrentWriters(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	const writers, writes = 16, 50
	events0 := countRows(t, w.s, "security_events")
	invitations0 := countRows(t, w.s, "invitations")
	org := w.orgs["g1"]
	actor := w.users["g1coord"].ID

	start := make(chan struct{})
	errs := make(chan error, writers*writes)
	var wg sync.WaitGroup
	for g := 0; g < writers; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for i := 0; i < writes; i++ {
				var err error
				if i%2 == 0 {
					err = w.s.RecordEvent(ctx, model.Event{Kind: model.EventSigninFailed, OrgID: org.ID, Detail: fmt.Sprintf("w%d-%d", g, i)})
				} else {
					_, err = w.s.CreateInvitation(ctx, org, fmt.Sprintf("w%d-%d@example.org", g, i), model.RoleMember,
						auth.HashToken(auth.NewToken()), actor, "")
				}
				if err != nil {
					errs <- fmt.Errorf("writer %d write %d: %w", g, i, err)
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	const half = writers * writes / 2
	if got := countRows(t, w.s, "invitations"); got != invitations0+half {
		t.Errorf("invitations = %d, want %d", got, invitations0+half)
	}
	// Each invitation also wrote its own event.
	if got := countRows(t, w.s, "security_events"); got != events0+2*half {
		t.Errorf("security_events = %d, want %d", got, events0+2*half)
	}
	if err := w.s.Integrity(ctx); err != nil {
		t.Errorf("Integrity after concurrent writes: %v", err)
	}
}
