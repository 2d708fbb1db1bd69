package store

import (
	"errors"
	"testing"

	"puente/internal/secret"
)

// TestOpenedCacheAnswersAsOpening: a sealed date opened once is answered
// from the cache only for the same bytes of the same row; a tampered value
// and a value moved to another row are refused after it was cached, as
// before; a new key empties the cache.
func TestOpenedCacheAnswersAsOpening(t *testing.T) {
	s, _ := openTest(t)
	key := make([]byte, secret.KeySize)
	key[0] = 7
	box, err := secret.New(key)
	if err != nil {
		t.Fatal(err)
	}
	s.box = box
	sealed, err := s.seal("2027-01-04", "deadlines", "due_enc", "case1/p1/child-registration-14")
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if got, err := s.openDue(sealed, "case1", "p1/child-registration-14"); err != nil || got != "2027-01-04" {
			t.Fatalf("openDue: got %q, %v; want 2027-01-04", got, err)
		}
	}
	if n := len(s.opened.m); n != 1 {
		t.Fatalf("cache holds %d entries, want 1", n)
	}
	tampered := append([]byte(nil), sealed...)
	tampered[len(tampered)-1] ^= 1
	if _, err := s.openDue(tampered, "case1", "p1/child-registration-14"); !errors.Is(err, secret.ErrDecrypt) {
		t.Errorf("tampered value after caching: got %v, want ErrDecrypt", err)
	}
	if _, err := s.openDue(sealed, "case2", "p1/child-registration-14"); !errors.Is(err, secret.ErrDecrypt) {
		t.Errorf("value moved to another row: got %v, want ErrDecrypt", err)
	}
	s.opened.reset()
	if s.opened.m != nil {
		t.Errorf("reset left %d entries", len(s.opened.m))
	}
	for i := range openedCap + 1 {
		s.opened.put(string(rune(i)), "x")
	}
	if n := len(s.opened.m); n != 1 {
		t.Errorf("past the cap: %d entries, want the cache started again (1)", n)
	}
}
