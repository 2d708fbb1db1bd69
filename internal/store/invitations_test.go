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

var t0 = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

func newInvite(t *testing.T, w *world, orgKey, email string, role model.Role) (model.Invitation, string) {
	t.Helper()
	hash := auth.HashToken(auth.NewToken())
	inv, err := w.s.CreateInvitation(context.Background(), w.orgs[orgKey], email, role, hash, w.users[orgKey+"coord"].ID, "192.0.2.1")
	if err != nil {
		t.Fatalf("CreateInvitation: %v", err)
	}
	return inv, hash
}

func TestInvitationLookup(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	useClock(w.s, t0)
	inv, hash := newInvite(t, w, "g1", "new@example.org", model.RoleMember)
	if want := t0.Add(model.InvitationTTL); !inv.ExpiresAt.Equal(want) {
		t.Errorf("ExpiresAt = %v, want %v", inv.ExpiresAt, want)
	}
	got, err := w.s.InvitationByToken(ctx, hash, "", authz.LinkLive)
	if err != nil {
		t.Fatalf("InvitationByToken(pending): %v", err)
	}
	if got.ID != inv.ID || got.OrgID != w.orgs["g1"].ID || got.OrgName != "Group One" || got.Email != "new@example.org" ||
		got.Role != model.RoleMember || !got.ExpiresAt.Equal(inv.ExpiresAt) || !got.AcceptedAt.IsZero() {
		t.Errorf("InvitationByToken = %+v, want %+v", got, inv)
	}
	pending, err := w.s.PendingInvitations(ctx, w.orgs["g1"].ID)
	if err != nil || len(pending) != 1 || pending[0].ID != inv.ID {
		t.Errorf("PendingInvitations = %+v, %v; want [%s]", pending, err, inv.ID)
	}
	if _, err := w.s.InvitationByToken(ctx, auth.HashToken("unknown"), "", authz.LinkLive); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("InvitationByToken(unknown) error = %v, want %v", err, model.ErrNotFound)
	}
}

func TestDeadInvitationsAnswerNotFound(t *testing.T) {
	tests := []struct {
		name string
		kill func(t *testing.T, w *world, c *clock, inv model.Invitation, hash string)
		used bool // accepted or revoked: revoking again must fail too
	}{
		{"expired", func(t *testing.T, w *world, c *clock, inv model.Invitation, hash string) {
			c.set(t0.Add(model.InvitationTTL + time.Second))
		}, false},
		{"expired at the instant", func(t *testing.T, w *world, c *clock, inv model.Invitation, hash string) {
			c.set(inv.ExpiresAt)
		}, false},
		{"revoked", func(t *testing.T, w *world, c *clock, inv model.Invitation, hash string) {
			if err := w.s.RevokeInvitation(context.Background(), inv.OrgID, inv.ID, w.users["g1coord"].ID, ""); err != nil {
				t.Fatalf("RevokeInvitation: %v", err)
			}
		}, true},
		{"accepted", func(t *testing.T, w *world, c *clock, inv model.Invitation, hash string) {
			if _, err := w.s.AcceptInvitation(context.Background(), hash, "New Person", testHash, "", "", authz.LinkLive); err != nil {
				t.Fatalf("AcceptInvitation: %v", err)
			}
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			ctx := context.Background()
			c := useClock(w.s, t0)
			inv, hash := newInvite(t, w, "g1", "new@example.org", model.RoleMember)
			c.advance(time.Hour)
			tt.kill(t, w, c, inv, hash)
			if got, err := w.s.InvitationByToken(ctx, hash, "", authz.LinkLive); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("InvitationByToken = %+v, %v; want %v", got, err, model.ErrNotFound)
			}
			if _, err := w.s.AcceptInvitation(ctx, hash, "Late Person", testHash, "", "", authz.LinkLive); !errors.Is(err, model.ErrNotFound) {
				t.Errorf("AcceptInvitation error = %v, want %v", err, model.ErrNotFound)
			}
			if pending, err := w.s.PendingInvitations(ctx, inv.OrgID); err != nil || len(pending) != 0 {
				t.Errorf("PendingInvitations = %+v, %v; want none", pending, err)
			}
			if err := w.s.RevokeInvitation(ctx, inv.OrgID, inv.ID, "", ""); tt.used && !errors.Is(err, model.ErrNotFound) {
				t.Errorf("RevokeInvitation of a %s invitation: error %v, want %v", tt.name, err, model.ErrNotFound)
			}
		})
	}
}

func TestRevokeInvitationOnlyInItsOrg(t *testing.T) {
	w := newWorld(t)
	inv, hash := newInvite(t, w, "g1", "new@example.org", model.RoleMember)
	if err := w.s.RevokeInvitation(context.Background(), w.orgs["g2"].ID, inv.ID, "", ""); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("RevokeInvitation through another org: error %v, want %v", err, model.ErrNotFound)
	}
	if _, err := w.s.InvitationByToken(context.Background(), hash, "", authz.LinkLive); err != nil {
		t.Errorf("invitation after a refused revoke: %v, want still pending", err)
	}
}

func TestAcceptInvitationNewEmailCreatesUser(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	users := countRows(t, w.s, "users")
	_, hash := newInvite(t, w, "g1", "New.Person@example.org", model.RoleCoordinator)
	u, err := w.s.AcceptInvitation(ctx, hash, "New Person", testHash, "", "192.0.2.2", authz.LinkLive)
	if err != nil {
		t.Fatalf("AcceptInvitation: %v", err)
	}
	if got := countRows(t, w.s, "users"); got != users+1 {
		t.Errorf("users = %d, want %d", got, users+1)
	}
	stored, err := w.s.UserByEmail(ctx, "new.person@example.org")
	if err != nil || stored.ID != u.ID || stored.Name != "New Person" {
		t.Errorf("UserByEmail = %+v, %v; want id %s name New Person", stored, err, u.ID)
	}
	if m, err := w.s.Member(ctx, w.orgs["g1"].ID, u.ID); err != nil || m.Role != model.RoleCoordinator {
		t.Errorf("Member = %+v, %v; want role coordinator", m, err)
	}
	evs, _ := w.s.Events(ctx, w.orgs["g1"].ID, 0, 1)
	if len(evs) != 1 || evs[0].Kind != model.EventInvitationAccepted || evs[0].SubjectID != u.ID {
		t.Errorf("newest event = %+v, want invitation_accepted for %s", evs, u.ID)
	}
}

func TestAcceptInvitationExistingEmail(t *testing.T) {
	tests := []struct {
		name       string
		existingID func(w *world) string
		wantErr    error
	}{
		{"no user id given", func(w *world) string { return "" }, model.ErrForbidden},
		{"another user's id", func(w *world) string { return w.users["g2coord"].ID }, model.ErrForbidden},
		{"the right user", func(w *world) string { return w.users["g1member"].ID }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			ctx := context.Background()
			// g1member is invited to g2 under their own email, in other case.
			_, hash := newInvite(t, w, "g2", "G1MEMBER@example.org", model.RoleMember)
			users := countRows(t, w.s, "users")
			u, err := w.s.AcceptInvitation(ctx, hash, "Intruder", testHash, tt.existingID(w), "", authz.LinkLive)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("AcceptInvitation error = %v, want %v", err, tt.wantErr)
			}
			if got := countRows(t, w.s, "users"); got != users {
				t.Errorf("users = %d, want %d (no account created)", got, users)
			}
			_, memberErr := w.s.Member(ctx, w.orgs["g2"].ID, w.users["g1member"].ID)
			if tt.wantErr != nil {
				if !errors.Is(memberErr, model.ErrNotFound) {
					t.Errorf("after refusal Member(g2) error = %v, want %v", memberErr, model.ErrNotFound)
				}
				if _, err := w.s.InvitationByToken(ctx, hash, "", authz.LinkLive); err != nil {
					t.Errorf("refused accept consumed the invitation: %v", err)
				}
				return
			}
			if u.ID != w.users["g1member"].ID || memberErr != nil {
				t.Errorf("accepted as %s (Member error %v), want %s in g2", u.ID, memberErr, w.users["g1member"].ID)
			}
			if stored, _ := w.s.UserByID(ctx, u.ID); stored.Name != "Mario Member" || stored.PasswordHash != testHash {
				t.Errorf("existing account changed to %+v, want name and hash kept", stored)
			}
		})
	}
}

func TestAcceptInvitationUnknownExistingUser(t *testing.T) {
	w := newWorld(t)
	_, hash := newInvite(t, w, "g1", "fresh@example.org", model.RoleMember)
	_, err := w.s.AcceptInvitation(context.Background(), hash, "Fresh", testHash, w.users["g2coord"].ID, "", authz.LinkLive)
	if !errors.Is(err, model.ErrNotFound) {
		t.Errorf("accept a new email claiming an existing user: error %v, want %v", err, model.ErrNotFound)
	}
}

func TestAcceptInvitationKeepsCurrentRole(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	coord := w.users["g1coord"]
	_, hash := newInvite(t, w, "g1", coord.Email, model.RoleMember)
	if _, err := w.s.AcceptInvitation(ctx, hash, "", "", coord.ID, "", authz.LinkLive); err != nil {
		t.Fatalf("AcceptInvitation by a current coordinator: %v", err)
	}
	if m, _ := w.s.Member(ctx, w.orgs["g1"].ID, coord.ID); m.Role != model.RoleCoordinator {
		t.Errorf("role = %s, want %s kept", m.Role, model.RoleCoordinator)
	}
	if _, err := w.s.InvitationByToken(ctx, hash, "", authz.LinkLive); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("invitation after accept: error %v, want %v", err, model.ErrNotFound)
	}
}

// TestPendingInvitationsAgreesWithPendingAtSubSecond lists invitations just
// before and just after expiry, with whole and fractional seconds: stored
// times compare as text, so their fraction must have a fixed width
// ("…:00Z" would sort after "…:00.5Z"). Found the variable-width bug fixed
// in 6297823.
func TestPendingInvitationsAgreesWithPendingAtSubSecond(t *testing.T) {
	tests := []struct {
		name             string
		created, checked time.Duration // offsets from t0; checked is added to the TTL
		wantPending      bool
	}{
		{"whole second, 500ms after expiry", 0, model.InvitationTTL + 500*time.Millisecond, false},
		{"half second, 500ms before expiry", 500 * time.Millisecond, model.InvitationTTL, true},
		{"whole second, 1s before expiry", 0, model.InvitationTTL - time.Second, true},
		{"whole second, 1s after expiry", 0, model.InvitationTTL + time.Second, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			ctx := context.Background()
			c := useClock(w.s, t0.Add(tt.created))
			inv, hash := newInvite(t, w, "g1", "new@example.org", model.RoleMember)
			c.set(t0.Add(tt.checked))
			if got := inv.Pending(c.now()); got != tt.wantPending {
				t.Fatalf("model Pending = %v, want %v (test premise)", got, tt.wantPending)
			}
			_, err := w.s.InvitationByToken(ctx, hash, "", authz.LinkLive)
			if byToken := err == nil; byToken != tt.wantPending {
				t.Errorf("InvitationByToken pending = %v (err %v), want %v", byToken, err, tt.wantPending)
			}
			list, err := w.s.PendingInvitations(ctx, inv.OrgID)
			if err != nil {
				t.Fatal(err)
			}
			if listed := len(list) == 1; listed != tt.wantPending {
				t.Errorf("PendingInvitations lists it = %v, want %v", listed, tt.wantPending)
			}
		})
	}
}
