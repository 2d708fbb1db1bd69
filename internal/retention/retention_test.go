package retention

import (
	"bytes"
	"context"
	"crypto/rand"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"puente/internal/model"
	"puente/internal/store"
)

// lockedBuffer is a log sink the job's goroutine and the test share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestRunPurgesOnTheServersClock: the job purges, at start, the closed
// case whose retention passed on the clock it is given (not the wall
// clock), leaves a case closed since, logs counts and never a case code or
// a name, and stops when its context ends.
func TestRunPurgesOnTheServersClock(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	key := make([]byte, 32)
	rand.Read(key)
	if err := st.UseKey(ctx, key); err != nil {
		t.Fatal(err)
	}
	ids, err := st.ApplySeed(ctx, store.Seed{Orgs: []store.SeedOrg{{Key: "g", Kind: model.KindGroup, Name: "Group"}}}, true)
	if err != nil {
		t.Fatal(err)
	}
	closedAt := time.Date(2026, 1, 10, 17, 0, 0, 0, time.UTC)
	st.SetClock(func() time.Time { return closedAt })
	var cases []model.Case
	for _, name := range []string{"Zqoldname", "Zqnewname"} {
		c, err := st.CreateCase(ctx, ids["g"], "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		if err := st.CloseCase(ctx, c, "", "moved"); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
		closedAt = closedAt.AddDate(0, 0, 30)
	}
	// 90 days after the first closing, in New York: 10 April 2026.
	serverNow := time.Date(2026, 4, 10, 12, 0, 0, 0, time.UTC)
	st.SetClock(func() time.Time { return serverNow })
	var logs lockedBuffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { Run(runCtx, st, func() time.Time { return serverNow }, time.Hour, log); close(done) }()

	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(logs.String(), "closed cases purged") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop when its context ended")
	}
	out := logs.String()
	if !strings.Contains(out, "cases=1") || !strings.Contains(out, "people=1") {
		t.Errorf("log: got %q, want one case purged and its counts", out)
	}
	for _, c := range cases {
		if strings.Contains(out, c.Code) || strings.Contains(out, "Zq") {
			t.Errorf("log holds a case code or a name: %q", out)
		}
	}
	for i, want := range []bool{true, false} {
		got, _, err := st.ListCases(ctx, ids["g"], store.CaseQuery{State: "all", Search: cases[i].Code})
		if err != nil || len(got) != 1 || got[0].Purged() != want {
			t.Errorf("case %d: purged %v (%v), want %v", i, len(got) == 1 && got[0].Purged(), err, want)
		}
	}
}
