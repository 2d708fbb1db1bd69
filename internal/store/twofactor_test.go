package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"testing"

	"puente/internal/model"
)

// twoFactorWorld is a seeded world with a key set, so secrets can be sealed.
func twoFactorWorld(t *testing.T) (*world, string) {
	t.Helper()
	s, path := openTest(t)
	if err := s.UseKey(context.Background(), bytes.Repeat([]byte{7}, 32)); err != nil {
		t.Fatal(err)
	}
	return seedWorld(t, s), path
}

func TestTwoFactorLifecycle(t *testing.T) {
	w, path := twoFactorWorld(t)
	ctx := context.Background()
	s := w.s
	u := w.users["g1coord"]
	const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

	if st, err := s.TwoFactorState(ctx, u.ID); err != nil || st.Enabled || st.Pending {
		t.Fatalf("before: %+v %v, want nothing", st, err)
	}
	if err := s.BeginTwoFactor(ctx, u.ID, secret); err != nil {
		t.Fatal(err)
	}
	got, last, enabled, err := s.TwoFactorKey(ctx, u.ID)
	if err != nil || got != secret || last != 0 || enabled {
		t.Fatalf("pending key: %q %d %v %v", got, last, enabled, err)
	}
	// The key is sealed: its text is nowhere in the file or the WAL.
	for _, f := range []string{path, path + "-wal"} {
		b, _ := os.ReadFile(f)
		if bytes.Contains(b, []byte(secret)) {
			t.Errorf("%s holds the authenticator key in plain text", f)
		}
	}
	// A pending key does not sign anyone in.
	if err := s.CompleteSignIn(ctx, u.ID, model.TwoFactorProof{Step: 100}, ""); !errors.Is(err, ErrReplay) {
		t.Errorf("sign-in with a pending key: %v, want refused", err)
	}
	epoch := u.SessionEpoch
	hashes := []string{}
	for i := 0; i < 10; i++ {
		hashes = append(hashes, string(bytes.Repeat([]byte{byte('a' + i)}, 64)))
	}
	nu, err := s.EnableTwoFactor(ctx, u.ID, 1000, hashes, "192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	if !nu.TwoFactor || nu.SessionEpoch != epoch+1 {
		t.Errorf("after enabling: TwoFactor %v epoch %d, want true and %d (sessions end)", nu.TwoFactor, nu.SessionEpoch, epoch+1)
	}
	if err := s.BeginTwoFactor(ctx, u.ID, "AAAA"); !errors.Is(err, model.ErrConflict) {
		t.Errorf("a new key while enabled: %v, want ErrConflict", err)
	}
	// Each step once, never an earlier one.
	for _, tc := range []struct {
		step int64
		want error
	}{{1000, ErrReplay}, {999, ErrReplay}, {1001, nil}, {1001, ErrReplay}, {1003, nil}, {1002, ErrReplay}} {
		if err := s.CompleteSignIn(ctx, u.ID, model.TwoFactorProof{Step: tc.step}, ""); !errors.Is(err, tc.want) && !(tc.want == nil && err == nil) {
			t.Errorf("step %d: got %v, want %v", tc.step, err, tc.want)
		}
	}
	// Each recovery code once.
	if err := s.CompleteSignIn(ctx, u.ID, model.TwoFactorProof{RecoveryHash: hashes[3]}, ""); err != nil {
		t.Errorf("recovery code: %v", err)
	}
	if err := s.CompleteSignIn(ctx, u.ID, model.TwoFactorProof{RecoveryHash: hashes[3]}, ""); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("recovery code again: %v, want ErrNotFound", err)
	}
	if n, _ := s.RecoveryCodesLeft(ctx, u.ID); n != 9 {
		t.Errorf("codes left: %d, want 9", n)
	}
	// Another account's code is not this one's.
	other := w.users["g2coord"]
	if err := s.CompleteSignIn(ctx, other.ID, model.TwoFactorProof{RecoveryHash: hashes[4]}, ""); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("another account's recovery code: %v, want ErrNotFound", err)
	}
	if err := s.RenewRecoveryCodes(ctx, u.ID, hashes[:2], ""); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.RecoveryCodesLeft(ctx, u.ID); n != 2 {
		t.Errorf("codes after renewal: %d, want 2", n)
	}
	if err := s.DisableTwoFactor(ctx, u.ID, model.TwoFactorProof{Step: 1003}, ""); !errors.Is(err, ErrReplay) {
		t.Errorf("disable with a used step: %v, want ErrReplay", err)
	}
	if err := s.DisableTwoFactor(ctx, u.ID, model.TwoFactorProof{Step: 1004}, ""); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.TwoFactorState(ctx, u.ID); st.Enabled || st.Pending || st.RecoveryLeft != 0 {
		t.Errorf("after disabling: %+v, want nothing left", st)
	}
	if n := countTwoFactorEvents(t, s, u.ID); n[model.EventTwoFactorEnabled] != 1 || n[model.EventTwoFactorDisabled] != 1 ||
		n[model.EventRecoveryCodeUsed] != 1 || n[model.EventRecoveryCodesRenewed] != 1 || n[model.EventSignin] != 3 {
		t.Errorf("events: %v", n)
	}
}

func TestResetTwoFactorEndsSessions(t *testing.T) {
	w, _ := twoFactorWorld(t)
	ctx := context.Background()
	s := w.s
	m := w.users["g1member"]
	if err := s.ResetTwoFactor(ctx, w.orgs["g1"].ID, w.users["g1coord"].ID, m.ID, ""); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("reset without a key: %v, want ErrNotFound", err)
	}
	if err := s.BeginTwoFactor(ctx, m.ID, "JBSWY3DPEHPK3PXP"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EnableTwoFactor(ctx, m.ID, 5, nil, ""); err != nil {
		t.Fatal(err)
	}
	before, _ := s.UserByID(ctx, m.ID)
	if err := s.ResetTwoFactor(ctx, w.orgs["g1"].ID, w.users["g1coord"].ID, m.ID, "192.0.2.9"); err != nil {
		t.Fatal(err)
	}
	after, _ := s.UserByID(ctx, m.ID)
	if after.TwoFactor || after.SessionEpoch != before.SessionEpoch+1 {
		t.Errorf("after reset: TwoFactor %v epoch %d, want false and %d", after.TwoFactor, after.SessionEpoch, before.SessionEpoch+1)
	}
	evs, err := s.PeopleChanges(ctx, w.orgs["g1"].ID, before.CreatedAt.AddDate(-1, 0, 0), 10)
	if err != nil || len(evs) == 0 || evs[0].Kind != model.EventTwoFactorReset || evs[0].ActorID != w.users["g1coord"].ID || evs[0].SubjectID != m.ID {
		t.Errorf("people changes: %+v %v, want the reset first, by the coordinator, about the member", evs, err)
	}
}

func TestSetOrgSettingsLogsTheRequirement(t *testing.T) {
	w, _ := twoFactorWorld(t)
	ctx := context.Background()
	g := w.orgs["g1"]
	actor := w.users["g1coord"].ID
	for _, on := range []bool{true, true, false} {
		if err := w.s.SetOrgSettings(ctx, g, OrgSettings{TimeZone: "America/Chicago", RequireTwoFactor: on, RetentionDays: 90}, actor, ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.s.SetOrgSettings(ctx, g, OrgSettings{TimeZone: "Mars/Base", RequireTwoFactor: true, RetentionDays: 90}, actor, ""); !errors.Is(err, ErrBadZone) {
		t.Errorf("bad zone: %v", err)
	}
	ms, _ := w.s.Memberships(ctx, w.users["g1member"].ID)
	if len(ms) != 1 || ms[0].OrgRequiresTwoFactor || ms[0].OrgTimeZone != "America/Chicago" {
		t.Errorf("membership after: %+v", ms)
	}
	evs, _ := w.s.Events(ctx, g.ID, 0, 10)
	var details []string
	for _, e := range evs {
		if e.Kind == model.EventTwoFactorRequired {
			details = append(details, e.Detail)
		}
	}
	if len(details) != 2 || details[0] != "off" || details[1] != "on" {
		t.Errorf("requirement events: %v, want [off on] (a setting saved unchanged is not logged)", details)
	}
}

func countTwoFactorEvents(t *testing.T, s *Store, userID string) map[model.EventKind]int {
	t.Helper()
	rows, err := s.db.Query(`SELECT event FROM security_events WHERE subject_id = ?`, userID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[model.EventKind]int{}
	for rows.Next() {
		var k model.EventKind
		if err := rows.Scan(&k); err != nil {
			t.Fatal(err)
		}
		out[k]++
	}
	return out
}
