package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestHashVerifyRoundTrip(t *testing.T) {
	h := NewHasher(TestParams, 2)
	ctx := context.Background()
	const pw = "tortilla sunset river"
	enc, err := h.Hash(ctx, pw)
	if err != nil {
		t.Fatalf("Hash: %v", err)
	}
	if !strings.HasPrefix(enc, "$argon2id$v=19$") {
		t.Errorf("Hash = %q, want a $argon2id$v=19$ encoding", enc)
	}
	tests := []struct {
		password string
		want     bool
	}{
		{pw, true},
		{"tortilla sunset rivers", false},
		{"Tortilla sunset river", false},
		{"", false},
	}
	for _, tt := range tests {
		got, err := h.Verify(ctx, enc, tt.password)
		if err != nil || got != tt.want {
			t.Errorf("Verify(%q) = %v, %v; want %v, nil", tt.password, got, err, tt.want)
		}
	}
	again, _ := h.Hash(ctx, pw)
	if again == enc {
		t.Error("two hashes of one password are equal, want distinct salts")
	}
}

func TestVerifyUsesParamsInHash(t *testing.T) {
	ctx := context.Background()
	enc, err := NewHasher(TestParams, 1).Hash(ctx, "made with cheap params")
	if err != nil {
		t.Fatal(err)
	}
	// A Hasher with other parameters still checks it: they travel in the hash.
	ok, err := NewHasher(Params{Memory: 2048, Time: 2, Threads: 1}, 1).Verify(ctx, enc, "made with cheap params")
	if err != nil || !ok {
		t.Errorf("Verify with other Hasher params = %v, %v; want true, nil", ok, err)
	}
}

func TestVerifyUnknownAccount(t *testing.T) {
	h := NewHasher(TestParams, 1)
	ctx := context.Background()
	for _, pw := range []string{"", "puente-dummy", "anything at all 123"} {
		if ok, err := h.Verify(ctx, "", pw); ok || err != nil {
			t.Errorf("Verify(\"\", %q) = %v, %v; want false, nil", pw, ok, err)
		}
	}
	// The dummy costs what a real hash costs: same parameters.
	p, _, key, err := decode(h.dummy)
	if err != nil || p != TestParams || len(key) != keyLen {
		t.Errorf("dummy hash params %+v key %d bytes (%v), want %+v and %d", p, len(key), err, TestParams, keyLen)
	}
}

// TestVerifyUnknownAccountRunsHash: with every slot taken, Verify of an
// unknown account waits like a real check, proving it does the hashing
// work instead of returning at once.
func TestVerifyUnknownAccountRunsHash(t *testing.T) {
	h := NewHasher(TestParams, 1)
	h.slots <- struct{}{} // occupy the only slot
	done := make(chan bool, 1)
	go func() {
		ok, _ := h.Verify(context.Background(), "", "whatever password")
		done <- ok
	}()
	select {
	case <-done:
		t.Fatal("Verify of an unknown account returned while no hash slot was free, want it to wait")
	case <-time.After(100 * time.Millisecond):
	}
	<-h.slots // free the slot
	if ok := <-done; ok {
		t.Error("Verify of an unknown account = true, want false")
	}
}

func TestVerifyMalformedHash(t *testing.T) {
	h := NewHasher(TestParams, 1)
	good, err := h.Hash(context.Background(), "a good password here")
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(good, "$") // "", argon2id, v=19, m=…, salt, key
	join := func(p ...string) string { return strings.Join(p, "$") }
	tests := []struct{ name, enc string }{
		{"garbage", "not a hash"},
		{"bcrypt", "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"},
		{"argon2i", join("", "argon2i", parts[2], parts[3], parts[4], parts[5])},
		{"missing part", join("", "argon2id", parts[2], parts[3], parts[5])},
		{"extra part", good + "$x"},
		{"old version", join("", "argon2id", "v=16", parts[3], parts[4], parts[5])},
		{"no version", join("", "argon2id", "x", parts[3], parts[4], parts[5])},
		{"memory zero", join("", "argon2id", parts[2], "m=0,t=1,p=1", parts[4], parts[5])},
		{"time zero", join("", "argon2id", parts[2], "m=1024,t=0,p=1", parts[4], parts[5])},
		{"threads zero", join("", "argon2id", parts[2], "m=1024,t=1,p=0", parts[4], parts[5])},
		{"threads overflow", join("", "argon2id", parts[2], "m=1024,t=1,p=300", parts[4], parts[5])},
		{"memory too large", join("", "argon2id", parts[2], "m=2097153,t=1,p=1", parts[4], parts[5])},
		{"params not numbers", join("", "argon2id", parts[2], "m=a,t=b,p=c", parts[4], parts[5])},
		{"salt not base64", join("", "argon2id", parts[2], parts[3], "!!!!", parts[5])},
		{"key not base64", join("", "argon2id", parts[2], parts[3], parts[4], "!!!!")},
		{"key too short", join("", "argon2id", parts[2], parts[3], parts[4], "c2hvcnQ")},
	}
	for _, tt := range tests {
		ok, err := h.Verify(context.Background(), tt.enc, "a good password here")
		if ok || !errors.Is(err, errBadHash) {
			t.Errorf("%s: Verify(%q) = %v, %v; want false, %v", tt.name, tt.enc, ok, err, errBadHash)
		}
	}
}

// TestHashConcurrencyBound: with one slot, a second Hash waits until the
// first releases it.
func TestHashConcurrencyBound(t *testing.T) {
	h := NewHasher(TestParams, 1)
	if cap(h.slots) != 1 {
		t.Fatalf("slots = %d, want 1", cap(h.slots))
	}
	h.slots <- struct{}{} // a hash in progress
	done := make(chan error, 1)
	go func() {
		_, err := h.Hash(context.Background(), "second hash waits")
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("second Hash returned (%v) while the only slot was taken, want it to wait", err)
	case <-time.After(100 * time.Millisecond):
	}
	<-h.slots
	if err := <-done; err != nil {
		t.Errorf("second Hash after the slot freed: %v, want nil", err)
	}
	if n := len(h.slots); n != 0 {
		t.Errorf("slots held after both finished = %d, want 0", n)
	}
}

func TestHashRespectsContextWhileWaiting(t *testing.T) {
	h := NewHasher(TestParams, 1)
	h.slots <- struct{}{}
	defer func() { <-h.slots }()

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 2)
	go func() {
		_, err := h.Hash(ctx, "waiting hash")
		done <- err
	}()
	go func() {
		_, err := h.Verify(ctx, "", "waiting verify")
		done <- err
	}()
	cancel()
	for i := 0; i < 2; i++ {
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Errorf("call %d with a cancelled context: error %v, want %v", i, err, context.Canceled)
		}
	}
}

func TestDefaultParamsMeetPolicy(t *testing.T) {
	p := DefaultParams
	if p.Memory < 64*1024 || p.Time < 3 || p.Threads != 2 {
		t.Errorf("DefaultParams = %+v, want m >= 65536 KiB, t >= 3, p = 2", p)
	}
	enc, err := NewHasher(DefaultParams, 1).Hash(context.Background(), "policy check password")
	if err != nil {
		t.Fatal(err)
	}
	got, salt, key, err := decode(enc)
	if err != nil {
		t.Fatalf("decode(%q): %v", enc, err)
	}
	if got != DefaultParams || len(salt) != saltLen || len(key) != keyLen {
		t.Errorf("encoded params %+v salt %d key %d, want %+v salt %d key %d", got, len(salt), len(key), DefaultParams, saltLen, keyLen)
	}
	if want := fmt.Sprintf("$m=%d,t=%d,p=%d$", p.Memory, p.Time, p.Threads); !strings.Contains(enc, want) {
		t.Errorf("encoding %q does not contain %q", enc, want)
	}
}

// BenchmarkHashDefault is the time one sign-in's hash takes with the
// production parameters.
func BenchmarkHashDefault(b *testing.B) {
	h := NewHasher(DefaultParams, 1)
	ctx := context.Background()
	for b.Loop() {
		if _, err := h.Hash(ctx, "correct horse battery staple"); err != nil {
			b.Fatal(err)
		}
	}
}
