package store

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"puente/internal/model"
	"puente/schema"
)

// stageOracle counts networkID's groups by stage on day as the groups
// report does, in Go: every group and all its records (Sponsors), then
// model.Stage of model.Vetting.
func stageOracle(t *testing.T, s *Store, networkID, day string) StageCounts {
	t.Helper()
	ctx := context.Background()
	items, err := s.VettingItems(ctx, networkID)
	if err != nil {
		t.Fatal(err)
	}
	rows, _, err := s.Sponsors(ctx, networkID, 1, 1000)
	if err != nil {
		t.Fatal(err)
	}
	out := StageCounts{Groups: map[model.SponsorStage]int{}}
	for _, row := range rows {
		st := model.Stage(row.Profile, model.Vetting(items, row.Records, row.Profile.Adults, day))
		out.Groups[st]++
		if st == model.StageApproved {
			out.Beds += row.Profile.Beds
		}
	}
	return out
}

// TestSponsorStageCountsMatchModel: the dashboard's stages, counted in
// SQL, are model.Stage's for every shape of group, on days before, between
// and after expiries: no profile, vetted without a profile, approved,
// too few adults checked, resting, an incomplete profile, an item expired
// or not done yet, a renewal that must not count twice, a record of an
// item of a per-adult kind with no subject; a network that requires
// nothing approves nobody.
func TestSponsorStageCountsMatchModel(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	const today = "2026-12-01"
	seed := Seed{Orgs: []SeedOrg{{Key: "net", Kind: model.KindNetwork, Name: "Net"}, {Key: "bare", Kind: model.KindNetwork, Name: "Bare"}}}
	full := func(adults, beds int) model.SponsorProfile {
		return model.SponsorProfile{RegionName: "North", Languages: []string{"es"}, Adults: adults, Beds: beds, MaxPlacements: 1,
			Declared: model.StageApplied}
	}
	recs := func(subjects ...string) []model.VettingRecord {
		out := []model.VettingRecord{{ItemName: "References", DoneOn: "2026-06-01"}, {ItemName: "Training", DoneOn: "2026-11-01"}}
		for _, sub := range subjects {
			out = append(out, model.VettingRecord{ItemName: "Background", Subject: sub, DoneOn: "2026-03-01"})
		}
		return out
	}
	type group struct {
		profile *model.SponsorProfile
		records []model.VettingRecord
	}
	resting := full(1, 2)
	resting.Declared = model.StageResting
	noRegion := full(1, 2)
	noRegion.RegionName = ""
	noRoom := full(1, 2)
	noRoom.MaxPlacements = 0
	interested := full(1, 2)
	interested.Declared = model.StageInterested
	p := func(sp model.SponsorProfile) *model.SponsorProfile { return &sp }
	groups := map[string]group{
		"none":          {},
		"vetted-bare":   {nil, recs("A.A.")},
		"approved":      {p(full(2, 3)), recs("A.A.", "B.B.")},
		"approved-one":  {p(full(0, 1)), recs("A.A.")},
		"too-few":       {p(full(3, 2)), recs("A.A.", "B.B.")},
		"resting":       {&resting, recs("A.A.")},
		"no-region":     {&noRegion, recs("A.A.")},
		"no-room":       {&noRoom, recs("A.A.")},
		"missing":       {&interested, recs()},
		"renewed-twice": {p(full(2, 5)), append(recs("A.A.", "A.A."), model.VettingRecord{ItemName: "Background", Subject: "A.A.", DoneOn: "2026-10-01"})},
		"renewed-other": {p(full(2, 4)), append(recs("A.A.", "B.B."), model.VettingRecord{ItemName: "Background", Subject: "B.B.", DoneOn: "2026-10-01"})},
		"future":        {p(full(1, 2)), append(recs(), model.VettingRecord{ItemName: "Background", Subject: "A.A.", DoneOn: "2026-12-20"})},
		"expired":       {p(full(1, 2)), append(recs(), model.VettingRecord{ItemName: "Background", Subject: "A.A.", DoneOn: "2025-11-01"})},
		"no-subject":    {p(full(1, 6)), append(recs(), model.VettingRecord{ItemName: "Background", DoneOn: "2026-08-01"})},
	}
	sp := SponsorSeed{NetworkKey: "net", Regions: []string{"North"},
		Items: []model.VettingItem{{Name: "Background", ValidDays: 365, PerAdult: true}, {Name: "References", ValidDays: 200},
			{Name: "Training", ValidDays: 90}},
		Profiles: map[string]model.SponsorProfile{}, Records: map[string][]model.VettingRecord{}}
	bare := SponsorSeed{NetworkKey: "bare", Profiles: map[string]model.SponsorProfile{}}
	for key, g := range groups {
		seed.Orgs = append(seed.Orgs, SeedOrg{Key: key, Kind: model.KindGroup, Name: "Group " + key, NetworkKey: "net"})
		if g.profile != nil {
			sp.Profiles[key] = *g.profile
		}
		sp.Records[key] = g.records
		seed.Orgs = append(seed.Orgs, SeedOrg{Key: "bare-" + key, Kind: model.KindGroup, Name: "Bare " + key, NetworkKey: "bare"})
		if g.profile != nil {
			pr := *g.profile
			pr.RegionName = ""
			bare.Profiles["bare-"+key] = pr
		}
	}
	seed.Sponsors = []SponsorSeed{sp, bare}
	ids, err := s.ApplySeed(ctx, seed, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, net := range []string{"net", "bare"} {
		for _, day := range []string{"2026-03-01", "2026-09-15", today, "2026-12-25", "2027-01-31", "2027-03-02", "2027-12-01"} {
			got, err := s.SponsorStageCounts(ctx, ids[net], day)
			if err != nil {
				t.Fatal(err)
			}
			want := stageOracle(t, s, ids[net], day)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s on %s: got %v, want %v", net, day, got, want)
			}
		}
	}
	// The shapes above do reach every computed stage on the day.
	got, _ := s.SponsorStageCounts(ctx, ids["net"], today)
	for _, st := range []model.SponsorStage{model.StageInterested, model.StageApplied, model.StageVetted, model.StageApproved, model.StageResting} {
		if got.Groups[st] == 0 {
			t.Errorf("on %s no group is %s: %v", today, st, got)
		}
	}
	if b, _ := s.SponsorStageCounts(ctx, ids["bare"], today); b.Groups[model.StageApproved]+b.Groups[model.StageVetted] != 0 {
		t.Errorf("a network with no vetting items: %v, want nobody vetted or approved", b)
	}
}

// TestMedianDaysToPlacement: the median read from placed_days (kept by
// migration 025's triggers) is the one computed from each entry's first
// arrival in its history, as the dashboard did before, through every way
// an entry gets there: arrived at once or days later, closed after
// arriving, moved back from arrived (out until it arrives again, its
// first arrival counting), closed without arriving (never counted); with
// an odd and an even number of entries, and with none.
func TestMedianDaysToPlacement(t *testing.T) {
	w, regions := newQueueWorld(t)
	ctx := context.Background()
	n1, g1 := w.orgs["n1"], w.orgs["g1"]
	clk := useClock(w.s, time.Date(2026, 6, 1, 15, 0, 0, 0, time.UTC))
	approveGroup(t, w, g1, regions[0].ID, 3650, "2026-06-01")
	if placed, median, err := w.s.MedianDaysToPlacement(ctx, n1.ID); err != nil || placed != 0 || median != -1 {
		t.Fatalf("no placement: got %d, %d, %v; want 0, -1", placed, median, err)
	}
	// Entries referred a day apart, handed off and moved on later.
	var entries []string
	for i := 0; i < 7; i++ {
		entries = append(entries, seekingEntry(t, w, regions, fmt.Sprintf("m-%d", i)))
		clk.advance(26 * time.Hour)
	}
	arrive := func(id string, state model.QueueState) {
		t.Helper()
		if _, err := w.s.SeedPlacements(ctx, n1, []PlacementSeed{{EntryID: id, Group: g1, State: state, HandOff: handOff()}}); err != nil {
			t.Fatal(err)
		}
	}
	move := func(id string, st model.QueueState) {
		t.Helper()
		if err := w.s.SetQueueState(ctx, n1, id, st, ""); err != nil {
			t.Fatal(err)
		}
	}
	check := func(when string) {
		t.Helper()
		placed, median, err := w.s.MedianDaysToPlacement(ctx, n1.ID)
		if err != nil {
			t.Fatal(err)
		}
		days := oldDaysToPlacement(t, w.s, n1.ID)
		wantMedian := -1
		if n := len(days); n > 0 {
			wantMedian = days[n/2]
			if n%2 == 0 {
				wantMedian = (days[n/2-1] + days[n/2]) / 2
			}
		}
		if placed != len(days) || median != wantMedian {
			t.Errorf("%s: got %d placed, median %d; want %d, %d (days %v)", when, placed, median, len(days), wantMedian, days)
		}
	}
	arrive(entries[0], model.QueueArrived)
	check("one arrived")
	clk.advance(10 * 24 * time.Hour)
	arrive(entries[1], model.QueueArrived)
	check("two arrived")
	arrive(entries[2], model.QueueReleased)
	clk.advance(3 * 24 * time.Hour)
	move(entries[2], model.QueueArrived)
	check("released, then arrived")
	if err := w.s.CloseQueueEntry(ctx, n1, entries[1], "placement_ended", ""); err != nil {
		t.Fatal(err)
	}
	check("closed after arriving")
	move(entries[0], model.QueueReleased)
	check("moved back from arrived")
	clk.advance(40 * 24 * time.Hour)
	move(entries[0], model.QueueArrived)
	check("arrived again")
	arrive(entries[3], model.QueueReleased)
	if err := w.s.CloseQueueEntry(ctx, n1, entries[3], "removed", ""); err != nil {
		t.Fatal(err)
	}
	if err := w.s.CloseQueueEntry(ctx, n1, entries[4], "withdrew", ""); err != nil {
		t.Fatal(err)
	}
	check("closed without arriving")
	arrive(entries[5], model.QueueArrived)
	arrive(entries[6], model.QueueArrived)
	check("five arrived")
	if placed, median, _ := w.s.MedianDaysToPlacement(ctx, n1.ID); placed != 5 || median < 10 {
		t.Errorf("five arrived: got %d placed, median %d; want 5 and weeks", placed, median)
	}
	if placed, _, _ := w.s.MedianDaysToPlacement(ctx, w.orgs["n2"].ID); placed != 0 {
		t.Errorf("another network: %d placed, want 0", placed)
	}
}

// oldDaysToPlacement is the dashboard's computation before migration 025:
// for every arrived or closed entry, the whole days from its creation to
// its first arrival in the history, at least 0, shortest first.
func oldDaysToPlacement(t *testing.T, s *Store, networkID string) []int {
	t.Helper()
	rows, err := s.db.Query(`
		SELECT CAST(julianday((SELECT min(c.at) FROM queue_state_changes c WHERE c.entry_id = e.id AND c.state = 'arrived'))
		            - julianday(e.created_at) AS INTEGER)
		FROM queue_entries e WHERE e.network_id = ? AND e.state IN ('arrived', 'closed')`, networkID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var d *int
		if err := rows.Scan(&d); err != nil {
			t.Fatal(err)
		}
		if d != nil {
			out = append(out, max(*d, 0))
		}
	}
	sort.Ints(out)
	return out
}

// TestMigration025 (issue 13): on a database made with every migration
// before 025, the entries' days to placement and their cases' due dates
// are filled in from the rows already there (closed cases and unlinked or
// never-arrived entries left empty), the outbox keeps its rows, and the
// triggers keep case_due afterwards: a case's next due date and closing
// reach its entry, a deleted case leaves none.
func TestMigration025(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE schema_migrations (name TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL) STRICT`); err != nil {
		t.Fatal(err)
	}
	names, _ := fs.Glob(schema.FS, "*.sql")
	for _, n := range names {
		if n >= "025" {
			continue
		}
		body, _ := fs.ReadFile(schema.FS, n)
		if _, err := db.ExecContext(ctx, string(body)); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if _, err := db.ExecContext(ctx, `INSERT INTO schema_migrations VALUES (?, '2026-01-01T00:00:00.000000Z')`, n); err != nil {
			t.Fatal(err)
		}
	}
	const at = "2026-01-01T00:00:00.000000Z"
	entry := func(id, state, created, caseID string) string {
		c := "NULL"
		if caseID != "" {
			c = "'" + caseID + "'"
		}
		reason := "NULL"
		if state == "closed" {
			reason = "'placement_ended'"
		}
		return `INSERT INTO queue_entries (id, network_id, pseudonym, adults, urgency, state, state_changed_at, close_reason, case_id, created_at, updated_at)
			VALUES ('` + id + `', 'net-00000000000001', 'P.', 1, '9999-12-31', '` + state + `', '` + at + `', ` + reason + `, ` + c + `, '` + created + `', '` + at + `')`
	}
	kase := func(id, code, nextDue string, closed bool) string {
		due, status, closedAt, reason := "NULL", "'arrived'", "NULL", "NULL"
		if nextDue != "" {
			due = "'" + nextDue + "'"
		}
		if closed {
			status, closedAt, reason = "'placement_ended'", "'"+at+"'", "'moved'"
		}
		return `INSERT INTO cases (id, group_id, code, status, status_changed_at, closed_at, close_reason, created_at, updated_at, next_due)
			VALUES ('` + id + `', 'grp-00000000000001', '` + code + `', ` + status + `, '` + at + `', ` + closedAt + `, ` + reason + `, '` + at + `', '` + at + `', ` + due + `)`
	}
	change := func(entryID, state, when string) string {
		return `INSERT INTO queue_state_changes (entry_id, state, at) VALUES ('` + entryID + `', '` + state + `', '` + when + `')`
	}
	for _, q := range []string{
		`INSERT INTO organisations (id, kind, name, created_at, sort_en, sort_es) VALUES ('net-00000000000001', 'network', 'Old Network', '` + at + `', x'00', x'00')`,
		`INSERT INTO organisations (id, kind, name, network_id, created_at, sort_en, sort_es) VALUES ('grp-00000000000001', 'group', 'Old Group', 'net-00000000000001', '` + at + `', x'00', x'00')`,
		kase("case-000000000001", "AAAA1", "2026-03-01", false),
		kase("case-000000000002", "AAAA2", "", false),
		kase("case-000000000003", "AAAA3", "2026-03-01", true),
		entry("entry-00000000001", "arrived", "2026-01-01T10:00:00.000000Z", "case-000000000001"),
		change("entry-00000000001", "arrived", "2026-01-11T09:00:00.000000Z"),
		change("entry-00000000001", "arrived", "2026-01-20T09:00:00.000000Z"),
		entry("entry-00000000002", "closed", "2026-01-01T10:00:00.000000Z", "case-000000000002"),
		change("entry-00000000002", "arrived", "2026-01-04T11:00:00.000000Z"),
		entry("entry-00000000003", "released", "2026-01-01T10:00:00.000000Z", "case-000000000003"),
		change("entry-00000000003", "arrived", "2026-01-04T11:00:00.000000Z"),
		entry("entry-00000000004", "closed", "2026-01-01T10:00:00.000000Z", ""),
		`INSERT INTO outbox (id, kind, created_at, state, done_at) VALUES ('mail-000000000001', 'digest', '` + at + `', 'sent', '` + at + `')`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO outbox (id, kind, created_at, state, done_at) VALUES ('mail-000000000002', 'placement_closed', '`+at+`', 'sent', '`+at+`')`); err == nil {
		t.Fatal("before 025 the outbox took placement_closed: the test no longer tests the rebuild")
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open (migrating): %v", err)
	}
	defer s.Close()
	figures := func() string {
		t.Helper()
		rows, err := s.db.Query(`SELECT id, coalesce(placed_days, -1), coalesce(case_due, '-') FROM queue_entries ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var id, due string
			var days int
			if err := rows.Scan(&id, &days, &due); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%s %d %s", id[len(id)-1:], days, due))
		}
		return strings.Join(out, "; ")
	}
	// 1: arrived 9 days 23 hours after its referral, its first arrival
	// counting; 2: closed after arriving 3 days later, its case open with
	// nothing due; 3: moved back from arrived, its case closed; 4: closed
	// without a case or an arrival.
	if got, want := figures(), "1 9 2026-03-01; 2 3 9999-12-31; 3 -1 -; 4 -1 -"; got != want {
		t.Errorf("backfilled: got %q, want %q", got, want)
	}
	var mails int
	if err := s.db.QueryRow(`SELECT count(*) FROM outbox WHERE id = 'mail-000000000001' AND kind = 'digest' AND state = 'sent'`).Scan(&mails); err != nil || mails != 1 {
		t.Errorf("the outbox's row: %d, %v; want it kept", mails, err)
	}
	if _, err := s.db.Exec(`INSERT INTO outbox (id, kind, created_at, state, done_at) VALUES ('mail-000000000002', 'placement_closed', ?, 'sent', ?)`, at, at); err != nil {
		t.Errorf("placement_closed after 025: %v", err)
	}
	for _, q := range []string{
		`UPDATE cases SET next_due = '2026-02-01' WHERE id = 'case-000000000001'`,
		`UPDATE cases SET next_due = '2026-05-05' WHERE id = 'case-000000000002'`,
		`UPDATE cases SET status = 'placement_ended', closed_at = '` + at + `', close_reason = 'moved' WHERE id = 'case-000000000002'`,
		`UPDATE queue_entries SET case_id = 'case-000000000002' WHERE id = 'entry-00000000004'`,
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if got, want := figures(), "1 9 2026-02-01; 2 3 -; 3 -1 -; 4 -1 -"; got != want {
		t.Errorf("after the cases changed: got %q, want %q", got, want)
	}
	if _, err := s.db.Exec(`UPDATE queue_entries SET case_id = 'case-000000000001' WHERE id = 'entry-00000000004'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`DELETE FROM cases WHERE id = 'case-000000000001'`); err != nil {
		t.Fatal(err)
	}
	if got, want := figures(), "1 9 -; 2 3 -; 3 -1 -; 4 -1 -"; got != want {
		t.Errorf("after a case was deleted: got %q, want %q", got, want)
	}
}

// TestDashboardFiguresUseIndexes: the stages, the median and the
// placements needing attention read no table whole; the median needs no
// sort, and the other two sort only what they have already narrowed down
// (the stages per group and stage, the placements' latest twenty).
func TestDashboardFiguresUseIndexes(t *testing.T) {
	s, _ := openTest(t)
	now := time.Date(2026, 12, 1, 15, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name, sql string
		args      []any
		sorts     int // temporary b-trees allowed
	}{
		{"stages", sponsorStagesSQL, []any{"n", "2026-12-01"}, 1},
		{"median", daysToPlacementSQL, []any{"n"}, 0},
		{"attention", attentionSQL, []any{"n", "2026-12-01", ts(now), ts(now.Add(UncoveredHorizon)), 20}, 5},
	} {
		rows, err := s.db.Query(`EXPLAIN QUERY PLAN `+c.sql, c.args...)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var plan []string
		sorts := 0
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
			if strings.HasPrefix(detail, "SCAN ") && !strings.HasPrefix(detail, "SCAN CONSTANT") {
				// Only the query's own intermediate results may be read whole.
				if name := strings.Fields(detail)[1]; !map[string]bool{"n": true, "t": true, "held": true, "groups": true,
					"unattended": true, "(subquery-4)": true, "(subquery-6)": true}[name] {
					t.Errorf("%s: %s", c.name, detail)
				}
			}
			if strings.Contains(detail, "TEMP B-TREE") {
				sorts++
			}
		}
		rows.Close()
		if sorts > c.sorts {
			t.Errorf("%s: %d sorts, want at most %d", c.name, sorts, c.sorts)
		}
		t.Logf("%s: %s", c.name, strings.Join(plan, "; "))
	}
}
