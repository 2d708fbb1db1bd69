package auth

import (
	"encoding/base64"
	"regexp"
	"testing"
)

var (
	base64URL = regexp.MustCompile(`^[A-Za-z0-9_-]{43}$`)
	hex64     = regexp.MustCompile(`^[0-9a-f]{64}$`)
	hex32     = regexp.MustCompile(`^[0-9a-f]{32}$`)
)

func TestNewToken(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		tok := NewToken()
		if !base64URL.MatchString(tok) {
			t.Fatalf("NewToken() = %q, want 43 base64url characters", tok)
		}
		b, err := base64.RawURLEncoding.DecodeString(tok)
		if err != nil || len(b) != 32 {
			t.Fatalf("NewToken() %q decodes to %d bytes (%v), want 32", tok, len(b), err)
		}
		if seen[tok] {
			t.Fatalf("NewToken() repeated %q after %d tokens", tok, i)
		}
		seen[tok] = true
	}
}

func TestHashToken(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
		{"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
	}
	for _, tt := range tests {
		if got := HashToken(tt.in); got != tt.want {
			t.Errorf("HashToken(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	tok := NewToken()
	h := HashToken(tok)
	if !hex64.MatchString(h) {
		t.Errorf("HashToken = %q, want 64 lower-case hex characters", h)
	}
	if HashToken(tok) != h {
		t.Error("HashToken is not deterministic")
	}
	if HashToken(NewToken()) == h {
		t.Error("two tokens hash alike")
	}
}

func TestNewID(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		id := NewID()
		if !hex32.MatchString(id) {
			t.Fatalf("NewID() = %q, want 32 hex characters", id)
		}
		if seen[id] {
			t.Fatalf("NewID() repeated %q", id)
		}
		seen[id] = true
	}
}
