package store

import (
	"context"
	"errors"
	"testing"

	"puente/internal/model"
)

// TestANumberStoredAsNineDigits: whatever accepted form comes in, the store
// keeps nine digits, so the 8-digit and the zero-led 9-digit number are one
// value; a malformed one is refused, never stored without its sign.
func TestANumberStoredAsNineDigits(t *testing.T) {
	w := newWorld(t)
	s := w.s
	withKey(t, s)
	ctx := context.Background()
	g := w.orgs["g1"].ID
	reveal := func(c model.Case) string {
		t.Helper()
		ps, err := s.People(ctx, c.ID, "en")
		if err != nil {
			t.Fatal(err)
		}
		v, err := s.RevealPersonField(ctx, c, ps[0].ID, model.FieldANumber, "")
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	eight := newCase(t, s, g, model.PersonInput{Name: "Eight", ANumber: "12345678"})
	nine := newCase(t, s, g, model.PersonInput{Name: "Nine", ANumber: "A012-345-678"})
	if a, b := reveal(eight), reveal(nine); a != "012345678" || a != b {
		t.Errorf("stored A-numbers: 12345678 → %q, A012-345-678 → %q; want both 012345678", a, b)
	}
	ps, _ := s.PeopleWithANumberEnd(ctx, eight.ID, "en")
	if ps[0].ANumberLast3 != "678" {
		t.Errorf("masked: got last 3 %q, want 678", ps[0].ANumberLast3)
	}
	// People opens nothing: it says one is recorded, no digit.
	if sealed, _ := s.People(ctx, eight.ID, "en"); !sealed[0].HasANumber || sealed[0].ANumberLast3 != "" {
		t.Errorf("People: HasANumber %v, last 3 %q; want true and none", sealed[0].HasANumber, sealed[0].ANumberLast3)
	}
	if err := s.UpdatePerson(ctx, eight, ps[0].ID, "", model.PersonInput{Name: "Eight", ANumber: "A# 98-765-432", SetANumber: true}); err != nil {
		t.Fatal(err)
	}
	if got := reveal(eight); got != "098765432" {
		t.Errorf("updated A-number: got %q, want 098765432", got)
	}

	before := countRows(t, s, "people")
	for _, bad := range []string{"-123456789", "1234567", "123.456.789"} {
		if _, err := s.CreateCase(ctx, g, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: "Bad", ANumber: bad}); !errors.Is(err, model.ErrANumber) {
			t.Errorf("CreateCase with A-number %q: got %v, want ErrANumber", bad, err)
		}
		if err := s.UpdatePerson(ctx, eight, ps[0].ID, "", model.PersonInput{Name: "Eight", ANumber: bad, SetANumber: true}); !errors.Is(err, model.ErrANumber) {
			t.Errorf("UpdatePerson with A-number %q: got %v, want ErrANumber", bad, err)
		}
	}
	if n := countRows(t, s, "people"); n != before {
		t.Errorf("people after refused A-numbers: got %d, want %d", n, before)
	}
	if got := reveal(eight); got != "098765432" {
		t.Errorf("A-number after refused updates: got %q, want 098765432 unchanged", got)
	}
}
