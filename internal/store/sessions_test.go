package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"puente/internal/auth"
)

func TestSessionsStoreOnlyTokenHash(t *testing.T) {
	s, path := openTest(t)
	ss := s.Sessions(time.Hour)
	defer ss.Stop()
	ctx := context.Background()
	token := auth.NewToken()
	data := []byte("session-data-without-the-token")
	if err := ss.CommitCtx(ctx, token, data, time.Now().Add(time.Hour)); err != nil {
		t.Fatalf("Commit: %v", err)
	}
	sum := sha256.Sum256([]byte(token))
	wantHash := hex.EncodeToString(sum[:])

	var hashes []string
	rows, err := s.db.QueryContext(ctx, `SELECT token_hash, data FROM sessions`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var h string
		var d []byte
		if err := rows.Scan(&h, &d); err != nil {
			t.Fatal(err)
		}
		if h == token || bytes.Contains(d, []byte(token)) {
			t.Errorf("sessions row holds the raw token")
		}
		hashes = append(hashes, h)
	}
	rows.Close()
	if len(hashes) != 1 || hashes[0] != wantHash {
		t.Errorf("token_hash column = %v, want [%s]", hashes, wantHash)
	}
	// Nor anywhere in the files a copied database would include.
	for _, f := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(f)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(token)) {
			t.Errorf("%s contains the raw session token", f)
		}
	}
}

func TestSessionsFindCommitDelete(t *testing.T) {
	s, _ := openTest(t)
	ss := s.Sessions(time.Hour)
	defer ss.Stop()
	token, other := auth.NewToken(), auth.NewToken()

	if _, found, err := ss.Find(token); found || err != nil {
		t.Errorf("Find before Commit = found %v, %v; want false, nil", found, err)
	}
	if err := ss.Commit(token, []byte("v1"), time.Now().Add(time.Hour)); err != nil {
		t.Fatalf("Commit: %v", err)
	}
	if b, found, err := ss.Find(token); !found || err != nil || string(b) != "v1" {
		t.Errorf("Find = %q, %v, %v; want v1, true, nil", b, found, err)
	}
	if _, found, _ := ss.Find(other); found {
		t.Error("Find(other token) found a session, want none")
	}
	// Commit again updates in place.
	if err := ss.Commit(token, []byte("v2"), time.Now().Add(time.Hour)); err != nil {
		t.Fatalf("second Commit: %v", err)
	}
	if b, _, _ := ss.Find(token); string(b) != "v2" {
		t.Errorf("Find after update = %q, want v2", b)
	}
	if n := countRows(t, s, "sessions"); n != 1 {
		t.Errorf("sessions rows = %d, want 1", n)
	}
	if err := ss.Delete(token); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, found, err := ss.Find(token); found || err != nil {
		t.Errorf("Find after Delete = found %v, %v; want false, nil", found, err)
	}
	if err := ss.Delete(token); err != nil {
		t.Errorf("Delete of a missing session: %v, want nil", err)
	}
}

func TestSessionsExpiry(t *testing.T) {
	s, _ := openTest(t)
	ss := s.Sessions(10 * time.Millisecond)
	defer ss.Stop()
	live, dead := auth.NewToken(), auth.NewToken()
	if err := ss.Commit(live, []byte("live"), time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := ss.Commit(dead, []byte("dead"), time.Now().Add(-time.Second)); err != nil {
		t.Fatal(err)
	}
	if _, found, err := ss.Find(dead); found || err != nil {
		t.Errorf("Find(expired) = found %v, %v; want false, nil", found, err)
	}
	// The sweeper removes the expired row and keeps the live one.
	deadline := time.Now().Add(30 * time.Second)
	for countRows(t, s, "sessions") != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("sweeper left %d session rows after 30s, want 1", countRows(t, s, "sessions"))
		}
		time.Sleep(5 * time.Millisecond)
	}
	if b, found, _ := ss.Find(live); !found || string(b) != "live" {
		t.Errorf("Find(live) after sweep = %q, %v; want live, true", b, found)
	}
}

// TestSessionsIdleTouch: a session ends after the idle timeout without a
// request and never after its deadline; a request that changes nothing
// moves the idle expiry forward only when it lags by touchSlack or more,
// and never rewrites the data.
func TestSessionsIdleTouch(t *testing.T) {
	s, _ := openTest(t)
	ss := s.Sessions(time.Hour)
	defer ss.Stop()
	ss.SetIdleTimeout(30 * time.Minute)
	ctx := context.Background()
	clk := &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	ss.SetClock(clk.now)
	start := clk.now()
	token := auth.NewToken()
	stored := func() (string, time.Time) {
		t.Helper()
		var d []byte
		var exp float64
		if err := s.db.QueryRowContext(ctx, `SELECT data, expiry FROM sessions WHERE token_hash = ?`, auth.HashToken(token)).Scan(&d, &exp); err != nil {
			t.Fatal(err)
		}
		return string(d), fromUnixFloat(exp).UTC().Round(time.Millisecond)
	}
	if err := ss.Commit(token, []byte("data"), start.Add(12*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, exp := stored(); !exp.Equal(start.Add(30 * time.Minute)) {
		t.Errorf("after Commit: expiry %v, want %v (idle timeout from now)", exp, start.Add(30*time.Minute))
	}
	steps := []struct {
		name       string
		at         time.Duration // since start
		wantFound  bool
		wantExpiry time.Duration // since start
	}{
		{"request 30 s later: under the slack, no write", 30 * time.Second, true, 30 * time.Minute},
		{"request 2 min later: touched", 2 * time.Minute, true, 32 * time.Minute},
		{"request 2 min 59 s later: under the slack again", 2*time.Minute + 59*time.Second, true, 32 * time.Minute},
		{"31 min idle: expired", 33 * time.Minute, false, 32 * time.Minute},
	}
	for _, st := range steps {
		clk.set(start.Add(st.at))
		b, found, err := ss.Find(token)
		if err != nil || found != st.wantFound || (found && string(b) != "data") {
			t.Errorf("%s: Find = %q, %v, %v; want data, %v, nil", st.name, b, found, err, st.wantFound)
		}
		if d, exp := stored(); d != "data" || !exp.Equal(start.Add(st.wantExpiry)) {
			t.Errorf("%s: stored %q expiry %v, want \"data\" expiry %v", st.name, d, exp, start.Add(st.wantExpiry))
		}
	}

	// Near the deadline the idle expiry stops at it.
	clk.set(start)
	if err := ss.Commit(token, []byte("data2"), start.Add(10*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, exp := stored(); !exp.Equal(start.Add(10 * time.Minute)) {
		t.Errorf("deadline in 10 min: expiry %v, want the deadline %v", exp, start.Add(10*time.Minute))
	}
	clk.set(start.Add(5 * time.Minute))
	if _, found, _ := ss.Find(token); !found {
		t.Error("5 min before the deadline: session not found")
	}
	if _, exp := stored(); !exp.Equal(start.Add(10 * time.Minute)) {
		t.Errorf("touch near the deadline: expiry %v, want the deadline %v", exp, start.Add(10*time.Minute))
	}
	clk.set(start.Add(10*time.Minute + time.Second))
	if _, found, _ := ss.Find(token); found {
		t.Error("past the deadline: session still found")
	}

	// A session stored before migration 012 has no deadline: it keeps its
	// expiry (it is never extended past what it had).
	legacy := auth.NewToken()
	clk.set(start)
	if _, err := s.db.ExecContext(ctx, `INSERT INTO sessions (token_hash, data, expiry) VALUES (?, x'6f6c64', ?)`,
		auth.HashToken(legacy), unixFloat(start.Add(20*time.Minute))); err != nil {
		t.Fatal(err)
	}
	clk.set(start.Add(15 * time.Minute))
	if _, found, _ := ss.Find(legacy); !found {
		t.Error("legacy session before its expiry: not found")
	}
	clk.set(start.Add(21 * time.Minute))
	if _, found, _ := ss.Find(legacy); found {
		t.Error("legacy session past its stored expiry: still found (it must not be extended)")
	}
}
