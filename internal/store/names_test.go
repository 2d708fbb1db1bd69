package store

import (
	"context"
	"crypto/rand"
	"slices"
	"strings"
	"testing"

	"puente/internal/model"
)

// withKey gives s a fresh encryption key, as Puente's start-up does.
func withKey(t testing.TB, s *Store) {
	t.Helper()
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	if err := s.UseKey(context.Background(), key); err != nil {
		t.Fatalf("UseKey: %v", err)
	}
}

// newCase opens a case in group with the principal and relatives named.
func newCase(t testing.TB, s *Store, groupID string, principal model.PersonInput, relatives ...model.PersonInput) model.Case {
	t.Helper()
	ctx := context.Background()
	c, err := s.CreateCase(ctx, groupID, "", model.CaseInput{Status: "arrived"}, principal)
	if err != nil {
		t.Fatalf("CreateCase(%s): %v", principal.Name, err)
	}
	for _, r := range relatives {
		if _, err := s.AddPerson(ctx, c, "", r); err != nil {
			t.Fatalf("AddPerson(%s): %v", r.Name, err)
		}
	}
	return c
}

// principals lists the principal names of the cases a query returns, in order.
func principals(t testing.TB, s *Store, groupID string, q CaseQuery) ([]string, int) {
	t.Helper()
	cases, total, err := s.ListCases(context.Background(), groupID, q)
	if err != nil {
		t.Fatalf("ListCases(%+v): %v", q, err)
	}
	var out []string
	for _, c := range cases {
		out = append(out, c.PrincipalName)
	}
	return out, total
}

// TestSearchIgnoresAccentsAndCase is the input: "perez", "ángel"
// and "NÚÑEZ" find "María José Pérez" and "Ángel Núñez"; case codes in any
// typed form find their case; sensitive fields and other groups never match.
func TestSearchIgnoresAccentsAndCase(t *testing.T) {
	w := newWorld(t)
	s := w.s
	withKey(t, s)
	g1, g2 := w.orgs["g1"].ID, w.orgs["g2"].ID
	maria := newCase(t, s, g1, model.PersonInput{Name: "María José Pérez", ANumber: "A123-456-789", DOB: "1990-01-02",
		Facility: "Krome Processing Center"})
	angel := newCase(t, s, g1, model.PersonInput{Name: "Ángel Núñez", PreferredName: "Gelo"},
		model.PersonInput{Name: "Lucía Núñez-Ortega"})
	newCase(t, s, g1, model.PersonInput{Name: "Zoe O'Brien"})
	newCase(t, s, g2, model.PersonInput{Name: "Pedro Pérez"}) // another group: never in g1's results

	for _, tc := range []struct {
		search string
		want   []string
	}{
		{"perez", []string{"María José Pérez"}},
		{"ángel", []string{"Ángel Núñez"}},
		{"NÚÑEZ", []string{"Ángel Núñez"}},
		{"Pérez", []string{"María José Pérez"}},
		{"PEREZ", []string{"María José Pérez"}},
		{"angel", []string{"Ángel Núñez"}},
		{"nunez", []string{"Ángel Núñez"}},
		{"núñ", []string{"Ángel Núñez"}}, // the start of a word
		{"maría josé", []string{"María José Pérez"}},
		{"jose perez", []string{"María José Pérez"}},
		{"  Maria   ", []string{"María José Pérez"}},
		{"gelo", []string{"Ángel Núñez"}},         // preferred name
		{"lucia", []string{"Ángel Núñez"}},        // a relative finds the household
		{"ortega", []string{"Ángel Núñez"}},       // each part of a hyphenated name
		{"nunez-ortega", []string{"Ángel Núñez"}}, // and the whole of it
		{"obrien", []string{"Zoe O'Brien"}},       // O'Brien typed without the apostrophe
		{"o'brien", []string{"Zoe O'Brien"}},      // and with it
		{"maria nunez", nil},                      // every word must match the same person
		{"erez", nil},                             // words match from their start
		{"pedro", nil},                            // Pedro Pérez is another group's
		{"123456789", nil},                        // A-number: never searchable
		{"A123-456-789", nil},                     // nor as shown
		{"789", nil},                              // nor its last digits
		{"1990", nil},                             // date of birth
		{"krome", nil},                            // detention facility
		{"%", nil},                                // a wildcard typed is nothing to find
		{"_", nil},
		{"--", nil},
	} {
		got, total := principals(t, s, g1, CaseQuery{Search: tc.search, State: "all", Sort: "name"})
		if !slices.Equal(got, tc.want) || total != len(tc.want) {
			t.Errorf("search %q: got %q (total %d), want %q", tc.search, got, total, tc.want)
		}
	}

	// Case codes, typed every way.
	code := maria.Code // "PU-XXXXXX"
	bare := strings.TrimPrefix(code, "PU-")
	for _, typed := range []string{code, strings.ToLower(code), "PU" + bare, strings.ToLower("pu" + bare), bare, strings.ToLower(bare),
		" pu " + bare + " ", "PU-" + bare[:2], "pu" + strings.ToLower(bare[:4])} {
		got, _ := principals(t, s, g1, CaseQuery{Search: typed, State: "all"})
		if !slices.Contains(got, "María José Pérez") {
			t.Errorf("search %q (code %s): got %q, want María José Pérez among them", typed, code, got)
		}
		if len(typed) > 8 && len(got) != 1 {
			t.Errorf("search %q: got %d cases, want exactly the one with code %s", typed, len(got), code)
		}
	}
	// Another group's code is not found, and "pu" alone is not every code.
	if got, _ := principals(t, s, g2, CaseQuery{Search: code, State: "all"}); len(got) != 0 {
		t.Errorf("search %s in another group: got %q, want nothing", code, got)
	}
	if got, _ := principals(t, s, g1, CaseQuery{Search: "pu", State: "all"}); len(got) != 0 {
		t.Errorf(`search "pu": got %q, want nothing (no name starts with pu)`, got)
	}

	// Renaming is searchable at once; the old name is gone with it.
	ctx := context.Background()
	people, err := s.People(ctx, angel.ID, "en")
	if err != nil {
		t.Fatal(err)
	}
	in := model.PersonInput{Name: "Ángel Ibáñez"}
	if err := s.UpdatePerson(ctx, angel, people[0].ID, "", in); err != nil {
		t.Fatal(err)
	}
	if got, _ := principals(t, s, g1, CaseQuery{Search: "ibanez"}); !slices.Equal(got, []string{"Ángel Ibáñez"}) {
		t.Errorf("after rename, search ibanez: got %q", got)
	}
	if got, _ := principals(t, s, g1, CaseQuery{Search: "gelo"}); got != nil {
		t.Errorf("after clearing the preferred name, search gelo: got %q, want nothing", got)
	}
	if got, _ := principals(t, s, g1, CaseQuery{Search: "lucia"}); len(got) != 1 {
		t.Errorf("the relative's terms went with the principal's rename: got %q", got)
	}
	// A removed relative is no longer found.
	if err := s.RemovePerson(ctx, angel, people[1].ID, ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := principals(t, s, g1, CaseQuery{Search: "lucia"}); got != nil {
		t.Errorf("after removing Lucía, search lucia: got %q, want nothing", got)
	}
	var orphans int
	if err := s.db.QueryRow(`SELECT count(*) FROM search_terms t WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.id = t.person_id)`).Scan(&orphans); err != nil || orphans != 0 {
		t.Errorf("search terms without their person: got %d, %v; want 0", orphans, err)
	}
}

// TestNameSortFollowsLanguage: lists sort by the viewer's collation, in the
// query; Spanish puts ñ after n; the principal's rename moves the case.
func TestNameSortFollowsLanguage(t *testing.T) {
	w := newWorld(t)
	s := w.s
	withKey(t, s)
	ctx := context.Background()
	g1 := w.orgs["g1"].ID
	for _, n := range []string{"Zoe Cantú", "ana Cañas", "Óscar Canales", "Beatriz Cañas", "Cantú Álvarez", "Cañas Zamora"} {
		newCase(t, s, g1, model.PersonInput{Name: n})
	}
	want := map[string][]string{
		// English: ñ is n with a mark; the mark only breaks ties.
		"en": {"ana Cañas", "Beatriz Cañas", "Cañas Zamora", "Cantú Álvarez", "Óscar Canales", "Zoe Cantú"},
		// Spanish: ñ is its own letter after n, so "Cantú" comes before "Cañas".
		"es": {"ana Cañas", "Beatriz Cañas", "Cantú Álvarez", "Cañas Zamora", "Óscar Canales", "Zoe Cantú"},
	}
	for lang, w := range want {
		if got, _ := principals(t, s, g1, CaseQuery{Sort: "name", Lang: lang}); !slices.Equal(got, w) {
			t.Errorf("cases by name in %s: got %q, want %q", lang, got, w)
		}
	}

	// The members list: Beatriz, Zoe, ana, Óscar under strcmp.
	org := w.orgs["g2"]
	for _, n := range []string{"Zoe", "ana", "Óscar", "Beatriz"} {
		if _, err := s.CreateMember(ctx, org, strings.ToLower(n)+"@example.org", n, testHash, model.RoleMember); err != nil {
			t.Fatal(err)
		}
	}
	for _, lang := range []string{"en", "es"} {
		ms, err := s.Members(ctx, org.ID, lang)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range ms {
			got = append(got, m.Name)
		}
		// The coordinator (Beto) first, then members by name.
		if want := []string{"Beto Coord", "ana", "Beatriz", "Óscar", "Zoe"}; !slices.Equal(got, want) {
			t.Errorf("members in %s: got %q, want %q", lang, got, want)
		}
	}

	// A network's groups.
	for _, n := range []string{"Ñandú Group", "nueva Group", "Oasis Group"} {
		if _, err := s.CreateGroup(ctx, w.orgs["n1"].ID, n, "", ""); err != nil {
			t.Fatal(err)
		}
	}
	groups := func(lang string) []string {
		gs, err := s.Groups(ctx, w.orgs["n1"].ID, lang)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, g := range gs {
			out = append(out, g.Name)
		}
		return out
	}
	if got, want := groups("en"), []string{"Group One", "Group Two", "Ñandú Group", "nueva Group", "Oasis Group"}; !slices.Equal(got, want) {
		t.Errorf("groups in en: got %q, want %q", got, want)
	}
	if got, want := groups("es"), []string{"Group One", "Group Two", "nueva Group", "Ñandú Group", "Oasis Group"}; !slices.Equal(got, want) {
		t.Errorf("groups in es: got %q, want %q", got, want)
	}

	// A household: the principal first, then by name.
	c := newCase(t, s, w.orgs["gs"].ID, model.PersonInput{Name: "Zacarías Peña"},
		model.PersonInput{Name: "Óscar Peña"}, model.PersonInput{Name: "ana Peña"}, model.PersonInput{Name: "Beatriz Peña"})
	ps, err := s.People(ctx, c.ID, "es")
	if err != nil {
		t.Fatal(err)
	}
	var household []string
	for _, p := range ps {
		household = append(household, p.Name)
	}
	if want := []string{"Zacarías Peña", "ana Peña", "Beatriz Peña", "Óscar Peña"}; !slices.Equal(household, want) {
		t.Errorf("household: got %q, want %q", household, want)
	}

	// Renaming the principal moves the case, in the same transaction.
	all, _, _ := s.ListCases(ctx, g1, CaseQuery{Sort: "name", Lang: "en"})
	last := all[len(all)-1] // Zoe Cantú
	pp, _ := s.People(ctx, last.ID, "en")
	if err := s.UpdatePerson(ctx, last, pp[0].ID, "", model.PersonInput{Name: "Abel Cantú"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := principals(t, s, g1, CaseQuery{Sort: "name", Lang: "en", Limit: 1}); !slices.Equal(got, []string{"Abel Cantú"}) {
		t.Errorf("after renaming Zoe to Abel, first by name: got %q, want Abel Cantú", got)
	}
}

// TestNamePagesAtBoundaries walks every page of a sorted list, including
// many equal names: each case appears once, in order, across page edges.
func TestNamePagesAtBoundaries(t *testing.T) {
	w := newWorld(t)
	s := w.s
	withKey(t, s)
	g1 := w.orgs["g1"].ID
	var seeds []CaseSeed
	given := []string{"ana", "Ána", "Ñoño", "nono", "Beatriz", "Óscar", "oscar", "Zoe", "Íñigo", "iñigo", "Ana López"}
	for i := 0; i < 53; i++ {
		seeds = append(seeds, CaseSeed{Case: model.CaseInput{Status: "arrived"},
			People: []model.PersonInput{{Name: given[i%len(given)]}}})
	}
	for i := 0; i < 24; i++ { // a run of identical names crossing page edges
		seeds = append(seeds, CaseSeed{Case: model.CaseInput{Status: "arrived"}, People: []model.PersonInput{{Name: "Ana López"}}})
	}
	if _, err := s.ImportCases(context.Background(), g1, seeds); err != nil {
		t.Fatal(err)
	}
	// Past the last page: no cases, and still the right total, with and
	// without a search (a search's total comes with its page otherwise).
	for _, q := range []CaseQuery{{Sort: "name", Page: 9, Limit: 10}, {Search: "ana", Page: 9, Limit: 10}, {Search: "lopez", Page: 2, Limit: 30}} {
		cases, total, err := s.ListCases(context.Background(), g1, q)
		want := map[string]int{"": 77, "ana": 38, "lopez": 28}[q.Search] // ana, Ána and Ana López; Ana López
		if err != nil || len(cases) != 0 || total != want {
			t.Errorf("%+v: got %d cases, total %d, %v; want none, total %d", q, len(cases), total, err, want)
		}
	}
	for _, lang := range []string{"en", "es"} {
		for _, limit := range []int{1, 7, 10, 25, 77, 200} {
			var ids, got []string
			seen := map[string]bool{}
			for page := 1; ; page++ {
				cases, total, err := s.ListCases(context.Background(), g1, CaseQuery{Sort: "name", Lang: lang, Page: page, Limit: limit})
				if err != nil {
					t.Fatal(err)
				}
				if total != 77 {
					t.Fatalf("total: got %d, want 77", total)
				}
				for _, c := range cases {
					if seen[c.ID] {
						t.Errorf("%s limit %d: case %s on two pages", lang, limit, c.ID)
					}
					seen[c.ID] = true
					ids, got = append(ids, c.ID), append(got, c.PrincipalName)
				}
				if len(cases) < limit {
					break
				}
			}
			if len(ids) != 77 {
				t.Errorf("%s limit %d: got %d cases over all pages, want 77", lang, limit, len(ids))
			}
			if lang == "es" && limit == 10 {
				// Distinct names in Spanish order; equal names keep one order by id.
				var distinct []string
				for _, n := range got {
					if len(distinct) == 0 || distinct[len(distinct)-1] != n {
						distinct = append(distinct, n)
					}
				}
				want := []string{"ana", "Ána", "Ana López", "Beatriz", "iñigo", "Íñigo", "nono", "Ñoño", "oscar", "Óscar", "Zoe"}
				if !slices.Equal(distinct, want) {
					t.Errorf("es order across pages: got %q, want %q", distinct, want)
				}
			}
		}
	}
}

// TestNameKeysAreWrittenWithTheName: the schema refuses a row without keys,
// and a name changed outside the store's helpers loses what was derived
// from it rather than keeping a stale key or searchable term.
func TestNameKeysAreWrittenWithTheName(t *testing.T) {
	w := newWorld(t)
	s := w.s
	withKey(t, s)
	c := newCase(t, s, w.orgs["g1"].ID, model.PersonInput{Name: "María José Pérez"})
	for _, stmt := range []string{
		`INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('uuuuuuuuuuuuuuuu', 'x@example.org', 'X', '$argon2id$x', 'now')`,
		`INSERT INTO organisations (id, kind, name, created_at) VALUES ('oooooooooooooooo', 'group', 'X', 'now')`,
		`INSERT INTO people (id, case_id, is_principal, name, created_at, updated_at) VALUES ('pppppppppppppppp', '` + c.ID + `', 0, 'X', 'now', 'now')`,
	} {
		if _, err := s.db.Exec(stmt); err == nil || !strings.Contains(err.Error(), "sort keys missing") {
			t.Errorf("insert without sort keys: got %v, want the schema to refuse it", err)
		}
	}
	if _, err := s.db.Exec(`UPDATE people SET name = 'Purged' WHERE case_id = ?`, c.ID); err != nil {
		t.Fatal(err)
	}
	var keyed, terms, caseKeyed int
	s.db.QueryRow(`SELECT count(*) FROM people WHERE case_id = ? AND (sort_en IS NOT NULL OR sort_es IS NOT NULL)`, c.ID).Scan(&keyed)
	s.db.QueryRow(`SELECT count(*) FROM search_terms WHERE case_id = ?`, c.ID).Scan(&terms)
	s.db.QueryRow(`SELECT count(*) FROM cases WHERE id = ? AND (sort_en IS NOT NULL OR sort_es IS NOT NULL)`, c.ID).Scan(&caseKeyed)
	if keyed != 0 || terms != 0 || caseKeyed != 0 {
		t.Errorf("after a raw rename: %d keyed people, %d terms, %d keyed cases; want 0, 0, 0", keyed, terms, caseKeyed)
	}
	// Every row written through the store has both keys.
	for _, q := range []string{
		`SELECT count(*) FROM users WHERE sort_en IS NULL OR sort_es IS NULL`,
		`SELECT count(*) FROM organisations WHERE sort_en IS NULL OR sort_es IS NULL`,
		`SELECT count(*) FROM memberships WHERE sort_en IS NULL OR sort_es IS NULL`,
		`SELECT count(*) FROM cases WHERE id <> '` + c.ID + `' AND (sort_en IS NULL OR sort_es IS NULL)`,
	} {
		var n int
		if err := s.db.QueryRow(q).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: got %d, %v; want 0", q, n, err)
		}
	}
}
