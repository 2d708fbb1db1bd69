package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"os"
	"testing"
	"time"
)

// fileBytes is the database file and its WAL as they are on disk now.
func fileBytes(t *testing.T, path string) (db, wal []byte) {
	t.Helper()
	db, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wal, err = os.ReadFile(path + "-wal")
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return db, wal
}

// TestPurgeLeavesNoBytes (issue 14): after a purge, neither the database
// file nor its WAL holds any of the case's values: not its names, notes,
// court, lawyer, place, nor the ciphertexts of its A-numbers, address,
// dates of birth, facilities and sealed registration date (which the key
// would open). Before the purge every one of them is there, so the test
// can fail.
func TestPurgeLeavesNoBytes(t *testing.T) {
	s, path := openTest(t)
	w := caseWorld{seedWorld(t, s), t}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	if err := s.UseKey(context.Background(), key); err != nil {
		t.Fatal(err)
	}
	useClock(s, time.Date(2026, 11, 30, 15, 0, 0, 0, time.UTC))
	mc := openMarked(w, "g1", "zqbytes", true)

	markers := [][]byte{}
	for _, m := range mc.markers {
		markers = append(markers, []byte(m))
	}
	for _, q := range []string{
		`SELECT address_enc FROM cases WHERE id = ?1`,
		`SELECT dob_enc FROM people WHERE case_id = ?1 UNION ALL SELECT facility_enc FROM people WHERE case_id = ?1
		 UNION ALL SELECT anumber_enc FROM people WHERE case_id = ?1`,
		`SELECT due_enc FROM deadlines WHERE case_id = ?1 AND due_enc IS NOT NULL`,
	} {
		rows, err := s.db.Query(q, mc.c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var b []byte
			if err := rows.Scan(&b); err != nil {
				t.Fatal(err)
			}
			// 16 bytes of ciphertext are unique enough to find, and any
			// leftover part of a value would hold them.
			markers = append(markers, append([]byte(nil), b[12:28]...))
		}
		rows.Close()
	}
	if len(markers) != len(mc.markers)+8 {
		t.Fatalf("got %d markers, want %d plain and 8 sealed (an address, 2 × 3 person fields, a registration date)", len(markers), len(mc.markers))
	}
	db, wal := fileBytes(t, path)
	both := append(append([]byte{}, db...), wal...)
	for i, m := range markers {
		if !bytes.Contains(both, m) {
			t.Fatalf("before the purge: marker %d (%q) in neither file, want present (so the test can fail)", i, m)
		}
	}

	start := time.Now()
	res, err := s.PurgeCase(context.Background(), mc.c, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("purge of one case (2 people, 1 fact, 1 appointment) with checkpoint: %s", time.Since(start).Round(time.Microsecond))
	if !res.WALCleared {
		t.Fatalf("the WAL was not checkpointed and truncated")
	}
	db, wal = fileBytes(t, path)
	t.Logf("after the purge: database %d bytes, WAL %d bytes", len(db), len(wal))
	for i, m := range markers {
		if bytes.Contains(db, m) {
			t.Errorf("after the purge: marker %d (%q) still in the database file", i, m)
		}
		if bytes.Contains(wal, m) {
			t.Errorf("after the purge: marker %d (%q) still in the WAL", i, m)
		}
	}
}

// TestPurgeBesideAReader: a reader that holds the WAL (Litestream holds a
// read transaction for as long as it runs) keeps a purge from truncating
// it: the purge commits anyway, reports it, waits about a second rather
// than the busy timeout, and leaves the pool's connections with their
// busy timeout. Once the reader is gone a checkpoint (the next purge, or
// `puente purge` again) takes the values out of the files.
func TestPurgeBesideAReader(t *testing.T) {
	s, path := openTest(t)
	w := caseWorld{seedWorld(t, s), t}
	key := make([]byte, 32)
	rand.Read(key)
	if err := s.UseKey(context.Background(), key); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	mc := openMarked(w, "g1", "zqreader", true)
	reader, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	tx, err := reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM people`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res, err := s.PurgeCase(ctx, mc.c, "")
	took := time.Since(start)
	if err != nil {
		t.Fatalf("PurgeCase beside a reader: %v", err)
	}
	if res.WALCleared {
		t.Errorf("WALCleared with a reader holding the WAL, want false")
	}
	if took > 5*time.Second {
		t.Errorf("purge beside a reader took %s, want about a second (not the 10 s busy timeout)", took)
	}
	conns := make([]*sql.Conn, 0, 8)
	for range 8 {
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var ms int
		if err := c.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&ms); err != nil || ms != busyTimeoutMS {
			t.Errorf("a pooled connection's busy_timeout: got %d (%v), want %d", ms, err, busyTimeoutMS)
		}
	}
	for _, c := range conns {
		c.Close()
	}
	tx.Rollback()
	if err := s.Checkpoint(ctx); err != nil {
		t.Fatalf("checkpoint once the reader left: %v", err)
	}
	db, wal := fileBytes(t, path)
	for _, m := range mc.markers {
		if bytes.Contains(db, []byte(m)) || bytes.Contains(wal, []byte(m)) {
			t.Errorf("after the later checkpoint: %q still in the files", m)
		}
	}
}
