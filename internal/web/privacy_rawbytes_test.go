package web

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"puente/internal/secret"
	"puente/internal/store"
)

// pvRawDB opens the database file read-only beside the running store, for
// what the store does not show: sealed column bytes and audit rows.
func pvRawDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatalf("open %s read-only: %v", path, err)
	}
	return db
}

// pvSealed reads one sealed column of a person (anumber_enc, facility_enc).
func pvSealed(t testing.TB, path, column, personID string) []byte {
	t.Helper()
	db := pvRawDB(t, path)
	defer db.Close()
	var sealed []byte
	// column is one of the two constants the test passes, never input.
	if err := db.QueryRow(`SELECT `+column+` FROM people WHERE id = ?`, personID).Scan(&sealed); err != nil {
		t.Fatalf("read %s: %v", column, err)
	}
	if len(sealed) < 12+8+16 {
		t.Fatalf("%s: got %d bytes, want nonce+value+tag (at least 36)", column, len(sealed))
	}
	return sealed
}

// pvSealedDue reads the one sealed deadline date (due_enc) of a case: the
// registration at 14, whose plain due column must be NULL.
func pvSealedDue(t testing.TB, path, caseID string) []byte {
	t.Helper()
	db := pvRawDB(t, path)
	defer db.Close()
	var sealed []byte
	var plain sql.NullString
	if err := db.QueryRow(`SELECT due_enc, due FROM deadlines WHERE case_id = ? AND due_enc IS NOT NULL`, caseID).Scan(&sealed, &plain); err != nil {
		t.Fatalf("read the sealed registration date: %v", err)
	}
	if plain.Valid || len(sealed) < 12+10+16 {
		t.Fatalf("registration row: due %v and %d sealed bytes, want NULL and nonce+date+tag", plain, len(sealed))
	}
	return sealed
}

// pvRemnant returns the first 8-byte piece of sealed that data still
// holds, or nil. Random bytes: a match of 8 is no coincidence. Without
// secure_delete, a row that shrinks leaves the start of the old value in
// the page's free space.
func pvRemnant(data, sealed []byte) []byte {
	for i := 0; i+8 <= len(sealed); i++ {
		if bytes.Contains(data, sealed[i:i+8]) {
			return sealed[i : i+8]
		}
	}
	return nil
}

// pvAuditRows returns every audit row as one line of text, and how many
// are reveals.
func pvAuditRows(t testing.TB, path string) (string, int) {
	t.Helper()
	db := pvRawDB(t, path)
	defer db.Close()
	rows, err := db.Query(`SELECT at, coalesce(actor_id, ''), coalesce(org_id, ''), action, object_type, object_id, field FROM audit_log`)
	if err != nil {
		t.Fatalf("read audit_log: %v", err)
	}
	defer rows.Close()
	var b strings.Builder
	reveals := 0
	for rows.Next() {
		var at, actor, org, action, typ, obj, field string
		if err := rows.Scan(&at, &actor, &org, &action, &typ, &obj, &field); err != nil {
			t.Fatal(err)
		}
		if action == "reveal" {
			reveals++
		}
		fmt.Fprintln(&b, at, actor, org, action, typ, obj, field)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String(), reveals
}

// pvNoneIn fails for every value found in the named bytes.
func pvNoneIn(t testing.TB, what string, data []byte, values []string) {
	t.Helper()
	for _, v := range values {
		if bytes.Contains(data, []byte(v)) {
			t.Errorf("%s (%d bytes): got %q in plain text, want absent", what, len(data), v)
		}
	}
}

// TestPrivacyRawBytesHoldNoSensitiveValues writes sensitive marker values
// through HTTP, reveals each once, changes the A-number, clears the
// facility, adds and removes a relative, and then reads the database file,
// its WAL, the audit log and the server log byte by byte: none holds a
// sensitive value in plain text, before or after the WAL is checkpointed,
// and no 8-byte piece of a replaced, cleared or deleted sealed value is
// left in the file. (With secure_delete off, the removed relative's sealed
// bytes stay in the page's free space and this test fails.)
func TestPrivacyRawBytesHoldNoSensitiveValues(t *testing.T) {
	d := pvNewDiskEnv(t)
	pvFixClock(d.testEnv)
	ctx := context.Background()
	c := d.signIn(emailAlphaCoord)
	id := pvCreateCase(t, c, url.Values{
		"status": {"arrived"}, "name": {"RAWNAMEMARKER"}, "court": {"RAWCOURTMARKER"},
		"address": {"RAWADDRESSMARKER 42 Calle Sol"}, "dob": {"1934-05-06"}, "facility": {"RAWFACILITYMARKER"},
		"anumber": {"A-736-251-948"},
	})
	base := "/cases/" + id
	people := pvPersonIDs(pvGet(t, c, base, http.StatusOK).body)
	if len(people) != 1 {
		t.Fatalf("case page: got %d people, want 1", len(people))
	}
	pid := people[0]

	// Reveal each value once: the control that the values were stored.
	for field, want := range map[string]string{"anumber": "A736-251-948", "dob": "Sunday 6 May 1934", "facility": "RAWFACILITYMARKER"} {
		res := pvPost(t, c, base+"/people/"+pid+"/reveal", url.Values{"field": {field}}, http.StatusOK)
		if !strings.Contains(res.body, want) {
			t.Errorf("reveal %s: got no %q in the page, want it shown once", field, want)
		}
	}
	if res := pvPost(t, c, base+"/address/reveal", url.Values{}, http.StatusOK); !strings.Contains(res.body, "RAWADDRESSMARKER 42 Calle Sol") {
		t.Errorf("reveal address: got no address in the page, want it shown once")
	}
	// The draft sponsor letter shows the address (one more reveal) and
	// stores nothing of itself: its edited text posted back is only shown.
	if res := pvPost(t, c, base+"/letter", url.Values{}, http.StatusOK); !strings.Contains(res.body, "RAWADDRESSMARKER 42 Calle Sol") {
		t.Errorf("sponsor letter: got no address in the draft")
	}
	pvPost(t, c, base+"/letter", url.Values{"text": {"RAWADDRESSMARKER 42 Calle Sol, edited"}}, http.StatusOK)

	// A child who turns 14 on 17 Apr 2026: the registration is due on
	// 17 May 2026, a date computed from the date of birth, so it is as
	// secret as the date of birth (issue 8 §3) and is a marker too.
	pvPost(t, c, base+"/people", url.Values{"name": {"RAWCHILDMARKER"}, "dob": {"2012-04-17"}}, http.StatusSeeOther)
	pvSealedDue(t, d.path, id) // sealed from the start, never plain

	// Change the A-number; the old one must leave the file.
	// Clear the facility: the row shrinks, and its old sealed bytes must not
	// stay behind in the page's free space either.
	oldSealed := pvSealed(t, d.path, "anumber_enc", pid)
	oldFacility := pvSealed(t, d.path, "facility_enc", pid)
	pvPost(t, c, base+"/people/"+pid, url.Values{"name": {"RAWNAMEMARKER"}, "anumber": {"A 649-382-517"},
		"clear_facility": {"1"}}, http.StatusSeeOther)
	if res := pvPost(t, c, base+"/people/"+pid+"/reveal", url.Values{"field": {"anumber"}}, http.StatusOK); !strings.Contains(res.body, "A649-382-517") {
		t.Errorf("reveal new A-number: got no A649-382-517 in the page, want it shown")
	}
	newSealed := pvSealed(t, d.path, "anumber_enc", pid)

	// A relative added and removed again: the deleted row's sealed values
	// must not stay behind in the page's free space.
	pvPost(t, c, base+"/people", url.Values{"name": {"RAWRELATIVEMARKER"}, "anumber": {"582931746"},
		"facility": {"RAWRELFACILITYMARKER"}, "dob": {"1935-06-07"}}, http.StatusSeeOther)
	var relID string
	for _, p := range pvPersonIDs(pvGet(t, c, base, http.StatusOK).body) {
		if p != pid {
			relID = p
		}
	}
	if relID == "" {
		t.Fatalf("case page: no edit link for the added relative")
	}
	relANumber := pvSealed(t, d.path, "anumber_enc", relID)
	relFacility := pvSealed(t, d.path, "facility_enc", relID)
	pvPost(t, c, base+"/people/"+relID+"/remove", url.Values{}, http.StatusSeeOther)
	if bytes.Equal(oldSealed, newSealed) {
		t.Fatalf("anumber_enc unchanged after the update, want a new sealed value")
	}
	pvGet(t, c, base, http.StatusOK) // a read, for the audit log
	d.st.FlushAudit()
	// Every change to the household recomputes the deadlines and seals the
	// date afresh; the last sealing is the one that stays.
	childDue := pvSealedDue(t, d.path, id)

	sensitive := []string{
		"736251948", "736-251-948", "A-736-251-948", // the old A-number: digits and as typed
		"649382517", "649-382-517", // the new one
		"RAWADDRESSMARKER", "Calle Sol", "1934-05-06", "RAWFACILITYMARKER",
		"582931746", "RAWRELFACILITYMARKER", "1935-06-07", // the removed relative's
		"2012-04-17", "2026-04-17", "2026-05-17", // the child's date of birth, 14th birthday and registration due date
	}

	// The audit log: reveals recorded, values not.
	audit, reveals := pvAuditRows(t, d.path)
	if reveals != 6 {
		t.Errorf("audit_log reveals: got %d, want 6 (anumber, dob, facility, address, the letter's address, new anumber)", reveals)
	}
	pvNoneIn(t, "audit_log rows", []byte(audit), sensitive)

	// The files of a running server: database and WAL.
	db := pvReadFile(t, d.path)
	wal := pvReadFile(t, d.path+"-wal")
	if len(db) == 0 {
		t.Fatalf("database file %s: got 0 bytes, want the database", d.path)
	}
	pvNoneIn(t, "database file (live)", db, sensitive)
	pvNoneIn(t, "WAL file (live)", wal, sensitive)
	live := append(append([]byte{}, db...), wal...)
	for _, plain := range []string{"RAWNAMEMARKER", "RAWCOURTMARKER"} {
		if !bytes.Contains(live, []byte(plain)) {
			t.Errorf("database+WAL: got no %q, want the plain fields readable in the raw bytes (control)", plain)
		}
	}
	if !bytes.Contains(live, newSealed) {
		t.Errorf("database+WAL: got no sealed A-number bytes, want them present (control)")
	}
	if !bytes.Contains(live, childDue) {
		t.Errorf("database+WAL: got no sealed registration date, want it present (control)")
	}
	// The WAL still holds the page as it was before the update (about 140
	// frames here, far below the 1000-page auto-checkpoint): the old sealed
	// bytes are there now, so their absence after closing means something.
	for _, old := range [][]byte{oldSealed, oldFacility, relANumber, relFacility} {
		if !bytes.Contains(live, old) {
			t.Errorf("database+WAL (live): got no %x…, want the old sealed values still in the WAL before the checkpoint (control)", old[:8])
		}
	}
	t.Logf("live database %d bytes, WAL %d bytes", len(db), len(wal))

	// At rest, after the WAL is checkpointed into the file.
	d.shutdown()
	db = pvReadFile(t, d.path)
	wal = pvReadFile(t, d.path+"-wal")
	pvNoneIn(t, "database file (closed)", db, sensitive)
	pvNoneIn(t, "WAL file (closed)", wal, sensitive)
	if !bytes.Contains(db, []byte("RAWCOURTMARKER")) {
		t.Errorf("database file (closed): got no RAWCOURTMARKER, want the checkpointed data (control)")
	}
	if !bytes.Contains(db, newSealed) {
		t.Errorf("database file (closed): got no sealed new A-number, want it (control)")
	}
	if !bytes.Contains(db, childDue) {
		t.Errorf("database file (closed): got no sealed registration date, want it (control)")
	}
	for _, old := range []struct {
		name   string
		sealed []byte
	}{{"old A-number", oldSealed}, {"cleared facility", oldFacility},
		{"removed relative's A-number", relANumber}, {"removed relative's facility", relFacility}} {
		if r := pvRemnant(append(append([]byte{}, db...), wal...), old.sealed); r != nil {
			t.Errorf("database file (closed): got %x from the %s's sealed bytes, want none left (secure_delete)", r, old.name)
		}
	}

	// The server log.
	logs := d.logs.String()
	if !strings.Contains(logs, "/cases/{caseID}/people/{personID}/reveal") {
		t.Errorf("server log: got no reveal request line, want the access log captured (control)")
	}
	pvNoneIn(t, "server log", []byte(logs), append(sensitive, "RAWNAMEMARKER", "RAWCOURTMARKER"))

	// A wrong key cannot open the same file; the right one can.
	st, err := store.Open(ctx, d.path)
	if err != nil {
		t.Fatalf("reopen %s: %v", d.path, err)
	}
	defer st.Close()
	wrong := make([]byte, 32)
	if _, err := rand.Read(wrong); err != nil {
		t.Fatal(err)
	}
	if err := st.UseKey(ctx, wrong); !errors.Is(err, store.ErrWrongKey) {
		t.Errorf("UseKey(wrong key): got %v, want %v", err, store.ErrWrongKey)
	}
	if err := st.UseKey(ctx, d.key); err != nil {
		t.Errorf("UseKey(right key): got %v, want nil", err)
	}
}

// TestPrivacyBoxWrongKeyFails: a value sealed under one key does not open
// under another, nor for another row or column.
func TestPrivacyBoxWrongKeyFails(t *testing.T) {
	k1, k2 := make([]byte, 32), make([]byte, 32)
	if _, err := rand.Read(k1); err != nil {
		t.Fatal(err)
	}
	if _, err := rand.Read(k2); err != nil {
		t.Fatal(err)
	}
	b1, err := secret.New(k1)
	if err != nil {
		t.Fatal(err)
	}
	b2, err := secret.New(k2)
	if err != nil {
		t.Fatal(err)
	}
	aad := "people.anumber_enc:0123"
	sealed := b1.Seal([]byte("736251948"), aad)
	if bytes.Contains(sealed, []byte("736251948")) {
		t.Errorf("sealed value: got the plain text inside, want ciphertext")
	}
	if got, err := b1.Open(sealed, aad); err != nil || string(got) != "736251948" {
		t.Errorf("Open with the right key: got %q, %v, want %q, nil", got, err, "736251948")
	}
	if got, err := b2.Open(sealed, aad); !errors.Is(err, secret.ErrDecrypt) || got != nil {
		t.Errorf("Open with a wrong key: got %q, %v, want nil, %v", got, err, secret.ErrDecrypt)
	}
	if got, err := b1.Open(sealed, "people.anumber_enc:4567"); !errors.Is(err, secret.ErrDecrypt) || got != nil {
		t.Errorf("Open for another row: got %q, %v, want nil, %v", got, err, secret.ErrDecrypt)
	}
	if _, err := secret.New(k1[:31]); err == nil {
		t.Errorf("New with a 31-byte key: got nil error, want one")
	}
}
