package store

import (
	"context"
	"strings"
	"testing"

	"puente/internal/model"
)

// namesPlan returns SQLite's EXPLAIN QUERY PLAN of query, one step a line.
func namesPlan(t *testing.T, s *Store, query string, args ...any) string {
	t.Helper()
	rows, err := s.db.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatalf("EXPLAIN %s: %v", query, err)
	}
	defer rows.Close()
	var b strings.Builder
	depth := map[int]int{}
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		depth[id] = depth[parent] + 1
		b.WriteString(strings.Repeat("  ", depth[id]-1) + detail + "\n")
	}
	return b.String()
}

// TestNameQueriesUseIndexes checks the plans of the name-sorted lists and
// the search: each reads its index in order (no sort step) or starts from
// the search terms, never scanning a group's cases.
func TestNameQueriesUseIndexes(t *testing.T) {
	w := newWorld(t)
	s := w.s
	withKey(t, s)
	g := w.orgs["g1"].ID
	newCase(t, s, g, model.PersonInput{Name: "María José Pérez"})
	for _, lang := range []string{"en", "es"} {
		col := "sort_" + lang
		for _, state := range []string{"open", "all", "closed"} {
			_, page, args := caseListSQL(g, CaseQuery{Sort: "name", Lang: lang, State: state})
			// The page's ids come from the index in order, without reading
			// the table and without a sort step.
			plan := namesPlan(t, s, page, append(args, 25, 50)...)
			if !strings.Contains(plan, "SEARCH c USING COVERING INDEX cases_group_"+col+" (group_id=?)") ||
				strings.Contains(plan, "TEMP B-TREE FOR ORDER BY") || strings.Contains(plan, "SCAN c") {
				t.Errorf("cases by name (%s, %s): want the page picked from index cases_group_%s with no sort step; plan:\n%s", lang, state, col, plan)
			}
		}
		for name, q := range map[string]string{"members": membersQueries[col], "groups": groupsQueries[col], "people": peopleQueries[col]} {
			plan := namesPlan(t, s, q, "x")
			idx := map[string]string{"members": "memberships_org_", "groups": "organisations_network_", "people": "people_case_"}[name] + col
			if !strings.Contains(plan, idx) || strings.Contains(plan, "TEMP B-TREE") {
				t.Errorf("%s by name (%s): want index %s and no sort step; plan:\n%s", name, lang, idx, plan)
			}
		}
	}
	if plan := namesPlan(t, s, caseFetchSQL, `["a","b"]`); !strings.Contains(plan, "SEARCH c USING INDEX sqlite_autoindex_cases_1 (id=?)") || strings.Contains(plan, "SCAN c") {
		t.Errorf("reading the picked cases: want each by id; plan:\n%s", plan)
	}
	for _, search := range []string{"perez", "maría josé pérez", "PU-7K3QXM", "7K3QXM", "pu7k"} {
		count, page, args := caseListSQL(g, CaseQuery{Search: search, Sort: "name"})
		for _, q := range []struct {
			name, sql string
			args      []any
		}{{"count", count, args}, {"page", page, append(args, 25, 0)}} {
			plan := namesPlan(t, s, q.sql, q.args...)
			if !strings.Contains(plan, "SEARCH c USING INDEX sqlite_autoindex_cases_1 (id=?)") || strings.Contains(plan, "SCAN c") {
				t.Errorf("search %q (%s): want the cases read by id from the matches, never scanned; plan:\n%s", search, q.name, plan)
			}
			if !strings.Contains(plan, "SEARCH t0 USING PRIMARY KEY (group_id=? AND term>? AND term<?)") {
				t.Errorf("search %q (%s): want a range on search_terms' key; plan:\n%s", search, q.name, plan)
			}
			if strings.Contains(search, "7K") && !strings.Contains(plan, "(code") {
				t.Errorf("search %q (%s): want the code index; plan:\n%s", search, q.name, plan)
			}
		}
	}
}
