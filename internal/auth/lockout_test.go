package auth

import (
	"fmt"
	"testing"
	"time"
)

// TestLockoutAttackerElsewhere: an attacker who uses up the allowance from
// their address locks only that address; the owner signs in from theirs.
func TestLockoutAttackerElsewhere(t *testing.T) {
	l := NewLockout(3, 10, 15*time.Minute)
	for i := 0; i < 3; i++ {
		if ok, _, _ := l.Allow("ana@example.org", "203.0.113.9", false, t0); !ok {
			t.Fatalf("attacker check %d refused, want allowed", i+1)
		}
	}
	ok, retry, first := l.Allow("ana@example.org", "203.0.113.9", false, t0.Add(time.Minute))
	if ok || !first || retry != 14*time.Minute {
		t.Errorf("attacker's 4th check = %v, %v, %v; want refused, 14m, first", ok, retry, first)
	}
	for _, known := range []bool{true, false} {
		if ok, _, _ := l.Allow("ana@example.org", "198.51.100.2", known, t0.Add(time.Minute)); !ok {
			t.Errorf("owner from another address (known=%v) refused, want allowed", known)
		}
	}
	// Another account from the attacker's address is not affected either.
	if ok, _, _ := l.Allow("bea@example.org", "203.0.113.9", false, t0.Add(time.Minute)); !ok {
		t.Errorf("another account from the attacker's address refused, want allowed")
	}
}

// TestLockoutCeiling: checks spread over many addresses stop at the
// ceiling, except from addresses the account is known to sign in from.
func TestLockoutCeiling(t *testing.T) {
	l := NewLockout(3, 10, 15*time.Minute)
	for i := 0; i < 10; i++ {
		if ok, _, _ := l.Allow("ana@example.org", fmt.Sprintf("203.0.113.%d", i), false, t0); !ok {
			t.Fatalf("check %d from a new address refused, want allowed (under the ceiling)", i+1)
		}
	}
	ok, retry, first := l.Allow("ana@example.org", "203.0.113.200", false, t0.Add(5*time.Minute))
	if ok || !first || retry != 10*time.Minute {
		t.Errorf("11th address = %v, %v, %v; want refused by the ceiling, 10m, first", ok, retry, first)
	}
	if ok, _, first := l.Allow("ana@example.org", "203.0.113.201", false, t0.Add(5*time.Minute)); ok || first {
		t.Errorf("12th address = %v, first %v; want refused, not first", ok, first)
	}
	// The owner's usual address is outside the ceiling.
	for i := 0; i < 3; i++ {
		if ok, _, _ := l.Allow("ana@example.org", "198.51.100.2", true, t0.Add(5*time.Minute)); !ok {
			t.Errorf("known address check %d refused, want allowed", i+1)
		}
	}
	// But its own per-address limit still holds.
	if ok, _, _ := l.Allow("ana@example.org", "198.51.100.2", true, t0.Add(5*time.Minute)); ok {
		t.Errorf("4th check from the known address allowed, want the per-address limit")
	}
	// The ceiling frees with the window.
	if ok, _, _ := l.Allow("ana@example.org", "203.0.113.202", false, t0.Add(15*time.Minute)); !ok {
		t.Errorf("new address after the window refused, want allowed")
	}
}

// TestLockoutRefund: successful checks are taken back from both counters
// (the per-address one and, from an unknown address, the ceiling), and do
// not wipe out the failures before them.
func TestLockoutRefund(t *testing.T) {
	l := NewLockout(3, 4, 15*time.Minute)
	for i := 0; i < 20; i++ {
		at := t0.Add(time.Duration(i) * time.Second)
		if ok, _, _ := l.Allow("ana@example.org", "203.0.113.9", false, at); !ok {
			t.Fatalf("check %d refused although every earlier one succeeded", i+1)
		}
		l.Refund("ana@example.org", "203.0.113.9", false, at)
	}
	// Two failures, a success, then one failure more reaches the limit of 3.
	at := t0.Add(time.Minute)
	l.Allow("ana@example.org", "203.0.113.9", false, at)
	l.Allow("ana@example.org", "203.0.113.9", false, at)
	l.Allow("ana@example.org", "203.0.113.9", false, at)
	l.Refund("ana@example.org", "203.0.113.9", false, at)
	l.Allow("ana@example.org", "203.0.113.9", false, at)
	if ok, _, _ := l.Allow("ana@example.org", "203.0.113.9", false, at); ok {
		t.Errorf("4th check after 3 failures allowed, want refused (a success does not reset)")
	}
	// The ceiling: 2 failures from other unknown addresses plus the 3
	// above make 5 > 4; the success refunded made room for exactly one.
	if ok, _, _ := l.Allow("ana@example.org", "198.51.100.1", false, at); !ok {
		t.Errorf("4th failure account-wide refused, want allowed (ceiling 4, a success refunded)")
	}
	if ok, _, _ := l.Allow("ana@example.org", "198.51.100.2", false, at); ok {
		t.Errorf("5th failure account-wide allowed, want refused by the ceiling of 4")
	}
}
