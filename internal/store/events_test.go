package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"puente/internal/model"
)

func TestSecurityEventsAreAppendOnly(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	if err := w.s.RecordEvent(ctx, model.Event{Kind: model.EventSignin, OrgID: w.orgs["g1"].ID, ActorID: w.users["g1member"].ID,
		SubjectID: w.users["g1member"].ID, Detail: "original", IP: "192.0.2.1"}); err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := w.s.db.QueryRowContext(ctx, `SELECT max(id) FROM security_events`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, sql string }{
		{"update detail", `UPDATE security_events SET detail = 'changed' WHERE id = ?`},
		{"update time", `UPDATE security_events SET at = '2000-01-01T00:00:00Z' WHERE id = ?`},
		{"update kind", `UPDATE security_events SET event = 'signout' WHERE id = ?`},
		{"update ip", `UPDATE security_events SET ip = '' WHERE id = ?`},
		{"move to another org", `UPDATE security_events SET org_id = (SELECT id FROM organisations WHERE name = 'Group Two') WHERE id = ?`},
		{"change actor", `UPDATE security_events SET actor_id = (SELECT id FROM users WHERE email = 'n1admin@example.org') WHERE id = ?`},
		{"delete one", `DELETE FROM security_events WHERE id = ?`},
		{"delete all", `DELETE FROM security_events WHERE id >= ?`},
	}
	for _, tt := range tests {
		_, err := w.s.db.ExecContext(ctx, tt.sql, id)
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: error %v, want the append-only refusal", tt.name, err)
		}
	}
	var detail, ip string
	var n int
	if err := w.s.db.QueryRowContext(ctx, `SELECT detail, ip, (SELECT count(*) FROM security_events) FROM security_events WHERE id = ?`, id).Scan(&detail, &ip, &n); err != nil {
		t.Fatal(err)
	}
	if detail != "original" || ip != "192.0.2.1" || n != 1 {
		t.Errorf("row after refused changes: detail %q ip %q count %d, want original, 192.0.2.1, 1", detail, ip, n)
	}
}

func TestEventsPaging(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	org := w.orgs["g2"]
	const total = 25
	for i := 0; i < total; i++ {
		if err := w.s.RecordEvent(ctx, model.Event{Kind: model.EventRoleChanged, OrgID: org.ID, Detail: fmt.Sprint(i)}); err != nil {
			t.Fatal(err)
		}
	}
	// Noise in another organisation must not show.
	if err := w.s.RecordEvent(ctx, model.Event{Kind: model.EventRoleChanged, OrgID: w.orgs["g1"].ID, Detail: "other"}); err != nil {
		t.Fatal(err)
	}
	var details []string
	var before int64
	pages := 0
	for {
		page, err := w.s.Events(ctx, org.ID, before, 10)
		if err != nil {
			t.Fatalf("Events(before %d): %v", before, err)
		}
		if len(page) == 0 {
			break
		}
		pages++
		if len(page) > 10 {
			t.Fatalf("page of %d events, want at most 10", len(page))
		}
		for i, e := range page {
			if before > 0 && e.ID >= before {
				t.Errorf("event id %d on page before %d", e.ID, before)
			}
			if i > 0 && e.ID >= page[i-1].ID {
				t.Errorf("ids not strictly descending: %d after %d", e.ID, page[i-1].ID)
			}
			if e.OrgID != org.ID {
				t.Errorf("event of org %s in %s's log", e.OrgID, org.ID)
			}
			details = append(details, e.Detail)
		}
		before = page[len(page)-1].ID
	}
	if pages != 3 || len(details) != total {
		t.Fatalf("got %d events in %d pages, want %d in 3", len(details), pages, total)
	}
	for i, d := range details {
		if want := fmt.Sprint(total - 1 - i); d != want {
			t.Errorf("event %d detail = %q, want %q (newest first)", i, d, want)
		}
	}
}

// TestAccountEventsShowInSubjectsOrgs: sign-ins have no organisation and
// show in every organisation of their subject, and only there.
func TestAccountEventsShowInSubjectsOrgs(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	// g2coord also belongs to standalone group gs.
	if _, err := w.s.CreateMember(ctx, w.orgs["gs"], "g2coord@example.org", "", "", model.RoleMember); err != nil {
		t.Fatal(err)
	}
	subject := w.users["g2coord"]
	if err := w.s.RecordEvent(ctx, model.Event{Kind: model.EventSignin, ActorID: subject.ID, SubjectID: subject.ID, IP: "198.51.100.8"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		org  string
		want bool
	}{
		{"g2", true},
		{"gs", true},
		{"g1", false},
		{"n1", false}, // the network of g2: the subject is not a member of it
		{"n2", false},
	}
	for _, tt := range tests {
		evs, err := w.s.Events(ctx, w.orgs[tt.org].ID, 0, 50)
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, e := range evs {
			if e.Kind == model.EventSignin {
				found++
				if e.OrgID != "" || e.SubjectID != subject.ID || e.SubjectName != subject.Name || e.ActorName != subject.Name || e.IP != "198.51.100.8" {
					t.Errorf("%s: sign-in event = %+v, want subject and actor %s (%s), no org", tt.org, e, subject.ID, subject.Name)
				}
			}
		}
		if want := map[bool]int{true: 1, false: 0}[tt.want]; found != want {
			t.Errorf("Events(%s) holds %d sign-in events, want %d", tt.org, found, want)
		}
	}
}
