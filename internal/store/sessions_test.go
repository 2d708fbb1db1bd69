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

// TestSessionsCommitSkipsSmallTouches: an unchanged session whose expiry
// moved forward by less than touchSlack is not rewritten; any other change is.
func TestSessionsCommitSkipsSmallTouches(t *testing.T) {
	s, _ := openTest(t)
	ss := s.Sessions(time.Hour)
	defer ss.Stop()
	ctx := context.Background()
	token := auth.NewToken()
	base := time.Now().Add(30 * time.Minute).Truncate(time.Second)
	stored := func() (string, float64) {
		t.Helper()
		var d []byte
		var exp float64
		if err := s.db.QueryRowContext(ctx, `SELECT data, expiry FROM sessions WHERE token_hash = ?`, auth.HashToken(token)).Scan(&d, &exp); err != nil {
			t.Fatal(err)
		}
		return string(d), exp
	}
	if err := ss.Commit(token, []byte("same"), base); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name       string
		data       string
		expiry     time.Time
		wantData   string
		wantExpiry time.Time
	}{
		{"touch under slack", "same", base.Add(30 * time.Second), "same", base},
		{"touch over slack", "same", base.Add(2 * time.Minute), "same", base.Add(2 * time.Minute)},
		{"data changed", "changed", base.Add(2*time.Minute + time.Second), "changed", base.Add(2*time.Minute + time.Second)},
		{"expiry shortened", "changed", base, "changed", base},
	}
	for _, st := range steps {
		if err := ss.Commit(token, []byte(st.data), st.expiry); err != nil {
			t.Fatalf("%s: Commit: %v", st.name, err)
		}
		d, exp := stored()
		if d != st.wantData || exp != unixFloat(st.wantExpiry) {
			t.Errorf("%s: stored %q expiry %v, want %q expiry %v", st.name, d, exp, st.wantData, unixFloat(st.wantExpiry))
		}
	}
}
