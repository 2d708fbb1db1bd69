// Package auth holds the pieces of signing in that are not HTTP: password
// hashing with argon2id, the common-password list, one-time tokens and the
// sign-in throttle.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id cost parameters.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
}

// DefaultParams meet SECURITY.md: m = 64 MiB, t = 3, p = 2.
var DefaultParams = Params{Memory: 64 * 1024, Time: 3, Threads: 2}

// TestParams are cheap parameters for tests that sign in many times; hashes
// made with them still verify, because the parameters travel in the hash.
var TestParams = Params{Memory: 1024, Time: 1, Threads: 1}

const (
	saltLen = 16
	keyLen  = 32
)

// Hasher hashes and checks passwords, bounding how many hashes run at once
// so that a burst of sign-ins cannot exhaust memory (each costs Params.Memory).
type Hasher struct {
	params Params
	slots  chan struct{}
	inUse  atomic.Int32

	dummyOnce sync.Once
	dummy     string
}

// NewHasher returns a Hasher that runs at most concurrent hashes at a time.
func NewHasher(p Params, concurrent int) *Hasher {
	if concurrent < 1 {
		concurrent = 1
	}
	return &Hasher{params: p, slots: make(chan struct{}, concurrent)}
}

// dummyHash is a fixed hash to verify against when the account does not
// exist, so that an unknown email costs the same time as a wrong password.
// Only its parameters matter; it is made on first use, not at start-up.
func (h *Hasher) dummyHash() string {
	h.dummyOnce.Do(func() {
		salt := make([]byte, saltLen)
		h.dummy = encode(h.params, salt, make([]byte, keyLen))
	})
	return h.dummy
}

func (h *Hasher) acquire(ctx context.Context) error {
	// select picks at random among ready cases: check first, so a request
	// already given up never takes a slot.
	if err := ctx.Err(); err != nil {
		return err
	}
	select {
	case h.slots <- struct{}{}:
		h.inUse.Add(1)
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// release frees a slot. When no other hash is running, the memory the
// hash used (Params.Memory) goes back to the OS at once rather than staying
// in the idle server's footprint; sign-ins are rare enough to afford it.
func (h *Hasher) release() {
	<-h.slots
	if h.inUse.Add(-1) == 0 && h.params.Memory >= 16*1024 {
		go debug.FreeOSMemory()
	}
}

// Hash returns the PHC-style encoding of an argon2id hash of password.
func (h *Hasher) Hash(ctx context.Context, password string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	if err := h.acquire(ctx); err != nil {
		return "", err
	}
	defer h.release()
	key := argon2.IDKey([]byte(password), salt, h.params.Time, h.params.Memory, h.params.Threads, keyLen)
	return encode(h.params, salt, key), nil
}

// Verify reports whether password matches encoded. An empty encoded hash
// (unknown account) is checked against a dummy hash and always fails.
func (h *Hasher) Verify(ctx context.Context, encoded, password string) (bool, error) {
	unknown := encoded == ""
	if unknown {
		encoded = h.dummyHash()
	}
	p, salt, want, err := decode(encoded)
	if err != nil {
		return false, err
	}
	if err := h.acquire(ctx); err != nil {
		return false, err
	}
	defer h.release()
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1 && !unknown, nil
}

func encode(p Params, salt, key []byte) string {
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

var errBadHash = errors.New("auth: malformed password hash")

func decode(s string) (Params, []byte, []byte, error) {
	var p Params
	parts := strings.Split(s, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return p, nil, nil, errBadHash
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return p, nil, nil, errBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return p, nil, nil, errBadHash
	}
	if p.Memory == 0 || p.Time == 0 || p.Threads == 0 || p.Memory > 1<<21 || p.Time > 64 {
		return p, nil, nil, errBadHash
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return p, nil, nil, errBadHash
	}
	key, err := b64.DecodeString(parts[5])
	if err != nil || len(key) < 16 {
		return p, nil, nil, errBadHash
	}
	return p, salt, key, nil
}
