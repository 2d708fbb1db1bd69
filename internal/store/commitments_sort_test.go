package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"puente/internal/model"
)

// TestHoldersAndSignUpsFollowTheViewersCollation: who is responsible and
// who goes are listed by name in the page's language, like every other
// name-sorted list (issue 7): Spanish puts "Ñandú" after "Nora", English
// before it; "ana" and "Óscar" sort as letters, not bytes.
func TestHoldersAndSignUpsFollowTheViewersCollation(t *testing.T) {
	w := newCaseWorld(t)
	ctx := context.Background()
	org := w.orgs["g1"]
	ids := map[string]string{}
	for _, n := range []string{"Óscar", "Nora", "Ñandú", "ana"} {
		u, err := w.s.CreateMember(ctx, org, "u"+fmt.Sprint(len(ids))+"@example.org", n, testHash, model.RoleMember)
		if err != nil {
			t.Fatal(err)
		}
		ids[n] = u.ID
	}
	c, _ := w.open("g1", model.PersonInput{Name: "Rosa Díaz"})
	id := w.commitment(c, rent, ids["Óscar"], ids["Nora"], ids["Ñandú"], ids["ana"])
	appt := w.appt(c, "master_hearing", "2026-12-10")
	for _, n := range []string{"Óscar", "Nora", "Ñandú", "ana"} {
		if err := w.s.SignUp(ctx, c, appt, "", ids[n], model.RoleCompanion); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string][]string{
		"en": {"ana", "Ñandú", "Nora", "Óscar"},
		"es": {"ana", "Nora", "Ñandú", "Óscar"},
	}
	for lang, wnt := range want {
		var one, all, going []string
		got, err := w.s.Commitment(ctx, c.ID, id, lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range got.Holders {
			one = append(one, h.Name)
		}
		list, err := w.s.Commitments(ctx, c.ID, lang)
		if err != nil || len(list) != 1 {
			t.Fatalf("Commitments: %d, %v", len(list), err)
		}
		for _, h := range list[0].Holders {
			all = append(all, h.Name)
		}
		ups, err := w.s.SignUps(ctx, c.ID, lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, su := range ups[appt] {
			going = append(going, su.Name)
		}
		for what, got := range map[string][]string{"Commitment": one, "Commitments": all, "SignUps": going} {
			if !slices.Equal(got, wnt) {
				t.Errorf("%s in %s: got %q, want %q", what, lang, got, wnt)
			}
		}
	}
}
