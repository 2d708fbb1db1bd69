package auth

import (
	"fmt"
	"sync"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func TestThrottleLimitAndRetry(t *testing.T) {
	const limit, window = 3, 15 * time.Minute
	th := NewThrottle(limit, window)
	for i := 0; i < limit; i++ {
		if ok, retry, first := th.Allow("acct", t0.Add(time.Duration(i)*time.Minute)); !ok || retry != 0 || first {
			t.Fatalf("attempt %d = %v, %v, %v; want true, 0, false", i+1, ok, retry, first)
		}
	}
	tests := []struct {
		at        time.Duration
		wantRetry time.Duration
		wantFirst bool
	}{
		// The oldest attempt (t0) frees at t0+window.
		{5 * time.Minute, window - 5*time.Minute, true},
		{6 * time.Minute, window - 6*time.Minute, false}, // lock-out logged once
		{14 * time.Minute, time.Minute, false},
	}
	for _, tt := range tests {
		ok, retry, first := th.Allow("acct", t0.Add(tt.at))
		if ok || retry != tt.wantRetry || first != tt.wantFirst {
			t.Errorf("Allow at +%v = %v, %v, %v; want false, %v, %v", tt.at, ok, retry, first, tt.wantRetry, tt.wantFirst)
		}
		if retry <= 0 || retry > window {
			t.Errorf("retry %v outside (0, %v]", retry, window)
		}
	}
	// Another key has its own allowance.
	if ok, _, _ := th.Allow("other", t0.Add(6*time.Minute)); !ok {
		t.Error("Allow(other key) = false, want true")
	}
}

func TestThrottleWindowSlides(t *testing.T) {
	const window = 10 * time.Minute
	th := NewThrottle(2, window)
	th.Allow("ip", t0)
	th.Allow("ip", t0.Add(4*time.Minute))
	// Hammering while refused does not extend the wait.
	for i := 0; i < 100; i++ {
		if ok, _, _ := th.Allow("ip", t0.Add(5*time.Minute)); ok {
			t.Fatal("attempt over the limit allowed")
		}
	}
	steps := []struct {
		at        time.Duration
		wantOK    bool
		wantRetry time.Duration
		wantFirst bool
	}{
		{window - time.Second, false, time.Second, false},
		{window, true, 0, false},                             // the t0 attempt left the window
		{window + time.Minute, false, 3 * time.Minute, true}, // a new lock-out is logged again
		{window + 4*time.Minute, true, 0, false},
	}
	for _, s := range steps {
		ok, retry, first := th.Allow("ip", t0.Add(s.at))
		if ok != s.wantOK || retry != s.wantRetry || first != s.wantFirst {
			t.Errorf("Allow at +%v = %v, %v, %v; want %v, %v, %v", s.at, ok, retry, first, s.wantOK, s.wantRetry, s.wantFirst)
		}
	}
}

func TestThrottleReset(t *testing.T) {
	th := NewThrottle(2, time.Hour)
	th.Allow("k", t0)
	th.Allow("k", t0)
	if ok, _, first := th.Allow("k", t0); ok || !first {
		t.Fatalf("third attempt = %v, first %v; want refused, first", ok, first)
	}
	th.Reset("k")
	for i := 0; i < 2; i++ {
		if ok, _, _ := th.Allow("k", t0.Add(time.Second)); !ok {
			t.Errorf("attempt %d after Reset refused, want allowed", i+1)
		}
	}
	if ok, _, first := th.Allow("k", t0.Add(time.Second)); ok || !first {
		t.Errorf("over the limit after Reset = %v, first %v; want refused, first", ok, first)
	}
}

// TestThrottleForgetsIdleKeys: the periodic sweep bounds memory to the keys
// seen within one window.
func TestThrottleForgetsIdleKeys(t *testing.T) {
	th := NewThrottle(5, time.Minute)
	for i := 0; i < 1023; i++ {
		th.Allow(fmt.Sprint("ip-", i), t0)
	}
	th.Allow("late", t0.Add(2*time.Minute)) // the 1024th call sweeps
	th.mu.Lock()
	n := len(th.hits)
	th.mu.Unlock()
	if n != 1 {
		t.Errorf("keys held after sweep = %d, want 1", n)
	}
}

func TestThrottleConcurrent(t *testing.T) {
	const limit = 50
	th := NewThrottle(limit, time.Hour)
	var wg sync.WaitGroup
	var mu sync.Mutex
	allowed, firsts := 0, 0
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				ok, _, first := th.Allow("shared", t0)
				mu.Lock()
				if ok {
					allowed++
				}
				if first {
					firsts++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if allowed != limit || firsts != 1 {
		t.Errorf("allowed %d, first refusals %d; want %d, 1", allowed, firsts, limit)
	}
}

// TestThrottleRefund: a refunded attempt no longer counts, the others do,
// and refunding an attempt that was never recorded changes nothing.
func TestThrottleRefund(t *testing.T) {
	th := NewThrottle(3, 10*time.Minute)
	for i := 0; i < 20; i++ {
		at := t0.Add(time.Duration(i) * time.Second)
		if ok, _, _ := th.Allow("ip", at); !ok {
			t.Fatalf("attempt %d refused although every earlier one was refunded", i+1)
		}
		th.Refund("ip", at)
	}
	th.Refund("ip", t0.Add(time.Hour)) // never recorded
	for i := 0; i < 3; i++ {
		if ok, _, _ := th.Allow("ip", t0.Add(time.Minute)); !ok {
			t.Fatalf("failure %d refused, want allowed (3 allowed)", i+1)
		}
	}
	if ok, _, _ := th.Allow("ip", t0.Add(time.Minute)); ok {
		t.Errorf("4th failure allowed, want refused at the limit of 3")
	}
}
