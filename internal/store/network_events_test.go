package store

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"puente/internal/model"
	"puente/schema"
)

// TestMigration024KeepsLog: a database made with every migration before
// 024, with security events in it, migrates with every row and id kept,
// the indexes and append-only triggers as they were, and the network's
// new events accepted.
func TestMigration024KeepsLog(t *testing.T) {
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
		if n >= "024" {
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
	before := map[string]string{}
	rows, err := db.QueryContext(ctx, `SELECT type || ' ' || name, sql FROM sqlite_schema WHERE tbl_name = 'security_events' AND type IN ('index', 'trigger')`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			t.Fatal(err)
		}
		before[k] = v
	}
	rows.Close()
	const at = "2026-01-01T00:00:00.000000Z"
	for _, q := range []string{
		`INSERT INTO organisations (id, kind, name, created_at, sort_en, sort_es) VALUES ('net-00000000000001', 'network', 'Old Network', '` + at + `', x'00', x'00')`,
		`INSERT INTO security_events (id, at, event, org_id, detail, ip) VALUES (7, '` + at + `', 'api_token_created', 'net-00000000000001', 'Referrals', '192.0.2.1')`,
		`INSERT INTO security_events (id, at, event, org_id, detail, ip) VALUES (9, '` + at + `', 'two_factor_required', 'net-00000000000001', 'on', '192.0.2.2')`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO security_events (at, event, org_id) VALUES ('`+at+`', 'intake_csv', 'net-00000000000001')`); err == nil {
		t.Fatal("before 024 the log took intake_csv: the test no longer tests the rebuild")
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open (migrating): %v", err)
	}
	defer s.Close()
	after := map[string]string{}
	rows, err = s.db.QueryContext(ctx, `SELECT type || ' ' || name, sql FROM sqlite_schema WHERE tbl_name = 'security_events' AND type IN ('index', 'trigger')`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			t.Fatal(err)
		}
		after[k] = v
	}
	rows.Close()
	if len(after) != len(before) || len(before) < 7 {
		t.Errorf("indexes and triggers: %d before, %d after; want the same (at least 7)", len(before), len(after))
	}
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s changed:\nbefore: %s\nafter:  %s", k, v, after[k])
		}
	}
	evs, err := s.Events(ctx, "net-00000000000001", 0, 10)
	if err != nil || len(evs) != 2 || evs[0].ID != 9 || evs[0].Detail != "on" || evs[1].ID != 7 || evs[1].IP != "192.0.2.1" || evs[1].Kind != model.EventAPITokenCreated {
		t.Errorf("migrated events = %+v, %v; want ids 9 and 7 with their fields", evs, err)
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM security_events WHERE id = 7`); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Errorf("delete from the rebuilt log: %v, want it refused as append-only", err)
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE security_events SET detail = 'x' WHERE id = 9`); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Errorf("update of the rebuilt log: %v, want it refused as append-only", err)
	}
	for _, k := range []model.EventKind{model.EventVettingRecorded, model.EventSponsorStageSet, model.EventRegionAdded, model.EventRegionRenamed,
		model.EventRegionRemoved, model.EventVettingItemAdded, model.EventVettingItemRenamed, model.EventVettingItemRemoved,
		model.EventIntakeAPI, model.EventIntakeCSV} {
		if err := s.RecordEvent(ctx, model.Event{Kind: k, OrgID: "net-00000000000001"}); err != nil {
			t.Errorf("recording %s: %v", k, err)
		}
	}
	if err := s.RecordEvent(ctx, model.Event{Kind: "made_up", OrgID: "net-00000000000001"}); err == nil {
		t.Error("an unknown event kind was taken")
	}
}

// networkEvents is n's security log, oldest first.
func networkEvents(t *testing.T, s *Store, orgID string) []model.Event {
	t.Helper()
	evs, err := s.Events(context.Background(), orgID, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	for i, j := 0, len(evs)-1; i < j; i, j = i+1, j-1 {
		evs[i], evs[j] = evs[j], evs[i]
	}
	return evs
}

// TestNetworkActionsLogged: vetting recorded, a stage set, regions and
// items added, renamed and removed, and API and CSV intake each leave one
// event in the network's log with the actor and address, in the action's
// transaction; intake's detail is counts, never an entry's data. A
// removal refused for a region or item in use writes nothing.
func TestNetworkActionsLogged(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	n1, g1 := w.orgs["n1"], w.orgs["g1"]
	admin := w.users["n1admin"].ID
	const ip = "192.0.2.7"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(w.s.AddRegion(ctx, n1.ID, "North Texas", admin, ip))
	must(w.s.AddRegion(ctx, n1.ID, "Hill Country", admin, ip))
	must(w.s.AddVettingItem(ctx, n1.ID, model.VettingItem{Name: "Home visit", ValidDays: 365}, admin, ip))
	must(w.s.AddVettingItem(ctx, n1.ID, model.VettingItem{Name: "Training", ValidDays: 365}, admin, ip))
	regions, _ := w.s.Regions(ctx, n1.ID)
	items, _ := w.s.VettingItems(ctx, n1.ID)
	hill, north := regions[0], regions[1]
	visit, training := items[0], items[1]
	must(w.s.RenameRegion(ctx, n1.ID, north.ID, "North Texas and Oklahoma", admin, ip))
	must(w.s.RenameRegion(ctx, n1.ID, north.ID, "North Texas and Oklahoma", admin, ip)) // unchanged: no event
	if err := w.s.RenameRegion(ctx, n1.ID, north.ID, "Hill Country", admin, ip); !errors.Is(err, model.ErrConflict) {
		t.Errorf("rename to a name in use: %v, want a conflict", err)
	}
	if err := w.s.RenameRegion(ctx, w.orgs["n2"].ID, north.ID, "Mine now", admin, ip); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("rename from another network: %v, want not found", err)
	}
	must(w.s.RenameVettingItem(ctx, n1.ID, visit.ID, "Home visit (in person)", admin, ip))
	must(w.s.SaveSponsorProfile(ctx, g1, model.SponsorProfile{RegionID: north.ID, Adults: 1}, w.users["g1coord"].ID))
	must(w.s.RecordVetting(ctx, g1, visit.ID, "", "2026-01-01", admin, ip))
	must(w.s.SetSponsorStage(ctx, g1, model.StageApplied, admin, ip))
	n, err := w.s.VettingItemUse(ctx, n1.ID, visit.ID)
	if err != nil || n != 1 {
		t.Errorf("VettingItemUse = %d, %v; want 1", n, err)
	}
	if p, e, err := w.s.RegionUse(ctx, n1.ID, north.ID); err != nil || p != 1 || e != 0 {
		t.Errorf("RegionUse = %d, %d, %v; want 1 profile", p, e, err)
	}
	logged := len(networkEvents(t, w.s, n1.ID))
	if err := w.s.RemoveRegion(ctx, n1.ID, north.ID, admin, ip); !errors.Is(err, ErrStillUsed) {
		t.Errorf("removing a region a profile names: %v, want ErrStillUsed", err)
	}
	if err := w.s.RemoveVettingItem(ctx, n1.ID, visit.ID, admin, ip); !errors.Is(err, ErrStillUsed) {
		t.Errorf("removing an item with records: %v, want ErrStillUsed", err)
	}
	if err := w.s.RemoveRegion(ctx, w.orgs["n2"].ID, hill.ID, admin, ip); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("removing another network's region: %v, want not found", err)
	}
	if got := len(networkEvents(t, w.s, n1.ID)); got != logged {
		t.Errorf("refused removals logged %d events", got-logged)
	}
	must(w.s.RemoveRegion(ctx, n1.ID, hill.ID, admin, ip))
	must(w.s.RemoveVettingItem(ctx, n1.ID, training.ID, admin, ip))
	if rs, _ := w.s.Regions(ctx, n1.ID); len(rs) != 1 || rs[0].Name != "North Texas and Oklahoma" {
		t.Errorf("regions after: %+v", rs)
	}

	in := []model.QueueEntryInput{{Pseudonym: "SECRETPSEUDO", Adults: 1, ExternalRef: "R-1"}, {Pseudonym: "OTHERPSEUDO", Adults: 1, ExternalRef: "R-2"}}
	if _, err := w.s.AddQueueEntries(ctx, n1, in, IntakeSource{Via: model.EventIntakeAPI, ActorID: admin, IP: "198.51.100.4", Token: "Referrals"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.AddQueueEntries(ctx, n1, in, IntakeSource{Via: model.EventIntakeCSV, ActorID: admin, IP: ip, Rejected: 3}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.AddQueueEntries(ctx, n1, []model.QueueEntryInput{{Pseudonym: "TYPED", Adults: 1}}, IntakeSource{ActorID: admin, IP: ip}); err != nil {
		t.Fatal(err)
	}

	sep := model.EventDetailSep
	want := []struct {
		kind   model.EventKind
		detail string
		ip     string
	}{
		{model.EventRegionAdded, "North Texas", ip},
		{model.EventRegionAdded, "Hill Country", ip},
		{model.EventVettingItemAdded, "Home visit", ip},
		{model.EventVettingItemAdded, "Training", ip},
		{model.EventRegionRenamed, "North Texas" + sep + "North Texas and Oklahoma", ip},
		{model.EventVettingItemRenamed, "Home visit" + sep + "Home visit (in person)", ip},
		{model.EventVettingRecorded, g1.Name + sep + "Home visit (in person)", ip},
		{model.EventSponsorStageSet, g1.Name + sep + "applied", ip},
		{model.EventRegionRemoved, "Hill Country", ip},
		{model.EventVettingItemRemoved, "Training", ip},
		{model.EventIntakeAPI, "2" + sep + "0" + sep + "Referrals" + sep + "0", "198.51.100.4"},
		{model.EventIntakeCSV, "0" + sep + "2" + sep + sep + "3", ip},
	}
	got := networkEvents(t, w.s, n1.ID)
	if len(got) != len(want) {
		t.Fatalf("network log: %d events, want %d: %+v", len(got), len(want), got)
	}
	for i, wt := range want {
		e := got[i]
		if e.Kind != wt.kind || e.Detail != wt.detail || e.IP != wt.ip || e.ActorID != admin {
			t.Errorf("event %d = %s %q %q by %q; want %s %q %q by the admin", i, e.Kind, e.Detail, e.IP, e.ActorID, wt.kind, wt.detail, wt.ip)
		}
		if strings.Contains(e.Detail, "PSEUDO") || strings.Contains(e.Detail, "R-1") {
			t.Errorf("event %d holds an entry's data: %q", i, e.Detail)
		}
	}
	// An intake that fails writes no event either.
	bad := []model.QueueEntryInput{{Pseudonym: "ok", Adults: 1}, {Pseudonym: strings.Repeat("x", 500), Adults: 1}}
	if _, err := w.s.AddQueueEntries(ctx, n1, bad, IntakeSource{Via: model.EventIntakeCSV, ActorID: admin}); err == nil {
		t.Fatal("a bad entry was written")
	}
	if n := len(networkEvents(t, w.s, n1.ID)); n != len(want) {
		t.Errorf("a failed intake logged %d events", n-len(want))
	}
}

func TestJoinEventDetail(t *testing.T) {
	long := strings.Repeat("é", 200) // 400 bytes
	d := model.JoinEventDetail(long, "Home visit")
	if len(d) > model.EventDetailMax || !strings.HasSuffix(d, model.EventDetailSep+"Home visit") || !strings.HasPrefix(d, "éé") {
		t.Errorf("JoinEventDetail = %d bytes %q", len(d), d)
	}
	if parts := model.SplitEventDetail(d); len(parts) != 2 || !strings.HasPrefix(parts[0], "é") || len(parts[0])%2 != 0 {
		t.Errorf("parts = %q", parts)
	}
}
