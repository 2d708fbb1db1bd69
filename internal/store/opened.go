package store

import "sync"

// openedCap bounds openedCache: about 150 bytes an entry, so at most about
// 7 MiB. Past it the cache starts again empty.
const openedCap = 50_000

// openedCache remembers sealed deadline dates already opened, keyed by the
// exact sealed bytes and the row they belong to. The group home page opens
// every open sealed date of a group on every view (a date computed from a
// date of birth cannot be compared in SQL): at 300 cases that was 393
// AES-GCM opens a view. A hit needs the same ciphertext for the same row
// (the additional data) that was authenticated when it was first opened,
// so it answers exactly what opening it again would; a changed, moved or
// tampered value is a miss and is opened, and refused, as before. The
// process holds the key itself, so plaintext kept here exposes nothing a
// memory dump would not. A new key (UseKey, RotateKey) empties it.
type openedCache struct {
	mu sync.Mutex
	m  map[string]string
}

// get looks k up; the key is bytes, so that a caller that builds it in a
// buffer of its own allocates nothing for a hit.
func (c *openedCache) get(k []byte) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[string(k)]
	return v, ok
}

func (c *openedCache) put(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= openedCap {
		c.m = make(map[string]string)
	}
	c.m[k] = v
}

func (c *openedCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m = nil
}

// openDue opens a deadline's sealed date (deadlines.due_enc) of row
// caseID/key through openedCache.
func (s *Store) openDue(sealed []byte, caseID, key string) (string, error) {
	var buf []byte
	return s.openDueIn(&buf, sealed, []byte(caseID+"/"+key))
}

// openDueIn is openDue for the row named row ("case/key", the additional
// data it was sealed with), building the cache's key in *buf, which a
// caller opening many dates reuses: a hit then allocates nothing (the
// group home page looks up every open sealed date of the group, 392 in a
// benchmark group of 300 cases).
func (s *Store) openDueIn(buf *[]byte, sealed, row []byte) (string, error) {
	k := append((*buf)[:0], sealed...)
	k = append(k, 0)
	k = append(k, row...)
	*buf = k
	if v, ok := s.opened.get(k); ok {
		return v, nil
	}
	v, err := s.open(sealed, "deadlines", "due_enc", string(row))
	if err == nil {
		s.opened.put(string(k), v)
	}
	return v, err
}
