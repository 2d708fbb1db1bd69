package store

import (
	"context"
	"crypto/rand"
	"errors"
	"reflect"
	"strings"
	"testing"

	"puente/internal/model"
)

// keyed opens a migrated test database with a random key in use.
func keyed(t *testing.T) (*Store, []byte) {
	t.Helper()
	s, _ := openTest(t)
	key := make([]byte, 32)
	rand.Read(key)
	if err := s.UseKey(context.Background(), key); err != nil {
		t.Fatal(err)
	}
	return s, key
}

// TestSealedColumnsFromSchema: every *_enc column of every table is found
// by reading the schema, with the columns that bind its rows; a table
// added later (here one keyed like deadlines, by two columns) is found
// without any list being updated.
func TestSealedColumnsFromSchema(t *testing.T) {
	s, _ := keyed(t)
	ctx := context.Background()
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE later_t (case_id TEXT NOT NULL, key TEXT NOT NULL, due_enc BLOB, note TEXT, PRIMARY KEY (case_id, key)) STRICT`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE "odd ""name""" (id TEXT PRIMARY KEY, "x_enc" BLOB) STRICT`); err != nil {
		t.Fatal(err)
	}
	got, err := s.SealedColumns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []SealedColumn{
		{Table: "cases", Column: "address_enc", Key: []string{"id"}},
		{Table: "deadlines", Column: "due_enc", Key: []string{"case_id", "key"}},
		{Table: "later_t", Column: "due_enc", Key: []string{"case_id", "key"}},
		{Table: `odd "name"`, Column: "x_enc", Key: []string{"id"}},
		{Table: "people", Column: "dob_enc", Key: []string{"id"}},
		{Table: "people", Column: "facility_enc", Key: []string{"id"}},
		{Table: "people", Column: "anumber_enc", Key: []string{"id"}},
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || reflect.DeepEqual(g, w)
		}
		if !found {
			t.Errorf("SealedColumns lacks %v (key %v); got %v", w, w.Key, got)
		}
	}
	// Nothing more and nothing less than the schema's *_enc columns, however
	// many later migrations add.
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema AS m JOIN pragma_table_info(m.name) AS p
		WHERE m.type = 'table' AND p.name LIKE '%\_enc' ESCAPE '\'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Errorf("SealedColumns found %d columns, the schema has %d named *_enc", len(got), n)
	}
	// The odd name is quoted, not spliced: reading it works.
	if _, err := readSealed(ctx, s.db, want[3]); err != nil {
		t.Errorf("readSealed(%s): %v", want[3], err)
	}
}

// TestSealedColumnsNeedARowKey: a sealed column in a table with neither an
// id nor a primary key cannot be bound to its row, and is refused.
func TestSealedColumnsNeedARowKey(t *testing.T) {
	s, _ := keyed(t)
	ctx := context.Background()
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE loose (a TEXT, b_enc BLOB)`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SealedColumns(ctx); err == nil {
		t.Fatal("SealedColumns with a keyless sealed table: no error, want one")
	}
}

// TestCheckSealed opens every value; a value moved to another row (its
// additional data no longer matches) is found and named by column and row.
func TestCheckSealed(t *testing.T) {
	s, _ := keyed(t)
	ctx := context.Background()
	w := seedWorld(t, s)
	var ids []string
	for i, name := range []string{"Uno Persona", "Dos Persona"} {
		c, err := s.CreateCase(ctx, w.orgs["g1"].ID, "", model.CaseInput{Status: "arrived", Address: "1 Calle"},
			model.PersonInput{Name: name, DOB: "1990-01-0" + string(rune('1'+i)), ANumber: "12345678" + string(rune('0'+i)), Facility: "Facility"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	counts, err := s.CheckSealed(ctx)
	if err != nil {
		t.Fatalf("CheckSealed: %v", err)
	}
	total := 0
	for _, c := range counts {
		total += c.Values
	}
	if total != 8 {
		t.Errorf("CheckSealed counted %d values (%v), want 8 (2 cases × address, dob, facility, A-number)", total, counts)
	}
	// Copy case 0's address onto case 1: a valid ciphertext in the wrong row.
	if _, err := s.db.ExecContext(ctx, `UPDATE cases SET address_enc = (SELECT address_enc FROM cases WHERE id = ?) WHERE id = ?`, ids[0], ids[1]); err != nil {
		t.Fatal(err)
	}
	_, err = s.CheckSealed(ctx)
	if !errors.Is(err, ErrSealedUnreadable) {
		t.Fatalf("CheckSealed after moving a value: %v, want ErrSealedUnreadable", err)
	}
	if want := "cases.address_enc row " + ids[1]; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not name %q", err, want)
	}
}

// TestSealedRowIDJoinsKeyParts pins the row part of the additional data
// for tables keyed by several columns.
func TestSealedRowIDJoinsKeyParts(t *testing.T) {
	if got := aad("deadlines", "due_enc", sealedRowID("case1", "i765/p1")); got != "deadlines.due_enc:case1/i765/p1" {
		t.Errorf("aad = %q", got)
	}
	if got := aad("people", "dob_enc", sealedRowID("p1")); got != "people.dob_enc:p1" {
		t.Errorf("aad = %q", got)
	}
}
