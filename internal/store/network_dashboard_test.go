package store

import (
	"strings"
	"testing"
)

// TestDashboardQueriesUseIndexes: the dashboard's counts read the queue,
// its history and the vetting records through indexes, never a scan of a
// table, and the queue's and placements' without sorting.
func TestDashboardQueriesUseIndexes(t *testing.T) {
	s, _ := openTest(t)
	for _, c := range []struct {
		name, sql string
		args      []any
		sorts     bool // a temporary b-tree is allowed
	}{
		{"queue urgency", queueUrgencySQL, []any{"n", "2026-12-01", "2026-12-08~", "2026-12-31~"}, false},
		{"days to placement", daysToPlacementSQL, []any{"n"}, false},
	} {
		rows, err := s.db.Query(`EXPLAIN QUERY PLAN `+c.sql, c.args...)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
			for _, table := range []string{"queue_entries", "queue_state_changes", "vetting_records", "vetting_items", "organisations", "sponsor_profiles"} {
				if strings.HasPrefix(detail, "SCAN "+table) || strings.HasPrefix(detail, "SCAN "+table[:1]+" ") {
					t.Errorf("%s: %s", c.name, detail)
				}
			}
			if !c.sorts && strings.Contains(detail, "TEMP B-TREE") {
				t.Errorf("%s: %s", c.name, detail)
			}
		}
		rows.Close()
		t.Logf("%s: %s", c.name, strings.Join(plan, "; "))
	}
}
