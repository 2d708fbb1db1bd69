package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"puente/internal/auth"
	"puente/internal/authz"
	"puente/internal/model"
)

const resetHash = "$argon2id$v=19$m=1024,t=1,p=1$cmVzZXRzYWx0cmVzZXQ$cmVzZXRrZXlyZXNldGtleXJlc2V0a2V5cmVzZXRrZXk"

// resetIssuers names, per person, who may issue their reset link and from
// which organisation: someone who manages every organisation they belong to.
var resetIssuers = map[string][2]string{
	"g1member": {"g1coord", "g1"},
	"g2coord":  {"g2coord", "g2"},
	"n1coord":  {"n1admin", "n1"},
}

func newReset(t *testing.T, w *world, userKey string) string {
	t.Helper()
	hash := auth.HashToken(auth.NewToken())
	by := resetIssuers[userKey]
	if err := w.s.CreateReset(context.Background(), hash, w.users[userKey].ID, w.orgs[by[1]].ID, w.users[by[0]].ID, "192.0.2.4"); err != nil {
		t.Fatalf("CreateReset: %v", err)
	}
	return hash
}

func TestResetLookup(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	useClock(w.s, t0)
	hash := newReset(t, w, "g1member")
	r, err := w.s.ResetByToken(ctx, hash, "", authz.LinkLive)
	if err != nil {
		t.Fatalf("ResetByToken: %v", err)
	}
	u := w.users["g1member"]
	want := model.Reset{ID: r.ID, UserID: u.ID, Email: u.Email, Name: u.Name, OrgID: w.orgs["g1"].ID,
		IssuedBy: w.users["g1coord"].ID, CreatedAt: t0, ExpiresAt: t0.Add(model.ResetTTL)}
	if r != want || len(r.ID) != 32 {
		t.Errorf("ResetByToken = %+v, want %+v", r, want)
	}
	if _, err := w.s.ResetByToken(ctx, auth.HashToken("nope"), "", authz.LinkLive); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("ResetByToken(unknown) error = %v, want %v", err, model.ErrNotFound)
	}
}

func TestCreateResetKillsEarlierLinks(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	first := newReset(t, w, "g1member")
	other := newReset(t, w, "g2coord") // another person's link is unaffected
	second := newReset(t, w, "g1member")
	if _, err := w.s.ResetByToken(ctx, first, "", authz.LinkLive); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("first link after a newer one: error %v, want %v", err, model.ErrNotFound)
	}
	if _, err := w.s.UseReset(ctx, first, resetHash, "", authz.LinkLive); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("UseReset(first) error = %v, want %v", err, model.ErrNotFound)
	}
	if _, err := w.s.ResetByToken(ctx, second, "", authz.LinkLive); err != nil {
		t.Errorf("newest link: %v, want live", err)
	}
	if _, err := w.s.ResetByToken(ctx, other, "", authz.LinkLive); err != nil {
		t.Errorf("another person's link: %v, want live", err)
	}
}

func TestUseResetConsumesLink(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	before := w.users["g1member"]
	hash := newReset(t, w, "g1member")
	u, err := w.s.UseReset(ctx, hash, resetHash, "192.0.2.5", authz.LinkLive)
	if err != nil {
		t.Fatalf("UseReset: %v", err)
	}
	if u.ID != before.ID || u.PasswordHash != resetHash || u.SessionEpoch != before.SessionEpoch+1 {
		t.Errorf("UseReset = id %s hash %q epoch %d; want id %s hash %q epoch %d",
			u.ID, u.PasswordHash, u.SessionEpoch, before.ID, resetHash, before.SessionEpoch+1)
	}
	stored, _ := w.s.UserByID(ctx, before.ID)
	if stored.PasswordHash != resetHash || stored.SessionEpoch != before.SessionEpoch+1 {
		t.Errorf("stored user hash %q epoch %d, want %q epoch %d", stored.PasswordHash, stored.SessionEpoch, resetHash, before.SessionEpoch+1)
	}
	if _, err := w.s.UseReset(ctx, hash, testHash, "", authz.LinkLive); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("second UseReset error = %v, want %v", err, model.ErrNotFound)
	}
	if stored, _ := w.s.UserByID(ctx, before.ID); stored.PasswordHash != resetHash {
		t.Errorf("hash after refused second use = %q, want %q", stored.PasswordHash, resetHash)
	}
	if _, err := w.s.ResetByToken(ctx, hash, "", authz.LinkLive); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("ResetByToken after use: error %v, want %v", err, model.ErrNotFound)
	}
}

func TestResetExpires(t *testing.T) {
	tests := []struct {
		after    time.Duration
		wantLive bool
	}{
		{model.ResetTTL - time.Second, true},
		{model.ResetTTL, false},
		{model.ResetTTL + time.Hour, false},
	}
	for _, tt := range tests {
		t.Run(tt.after.String(), func(t *testing.T) {
			w := newWorld(t)
			c := useClock(w.s, t0)
			hash := newReset(t, w, "g1member")
			c.set(t0.Add(tt.after))
			_, err := w.s.UseReset(context.Background(), hash, resetHash, "", authz.LinkLive)
			if live := err == nil; live != tt.wantLive {
				t.Errorf("UseReset %v after issue: error %v, want live=%v", tt.after, err, tt.wantLive)
			}
			if !tt.wantLive && !errors.Is(err, model.ErrNotFound) {
				t.Errorf("UseReset of expired link: error %v, want %v", err, model.ErrNotFound)
			}
		})
	}
}
