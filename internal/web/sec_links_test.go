package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"puente/internal/auth"
	"puente/internal/model"
)

// secDeadBody is a 404 page with what legitimately differs between two
// requests (the request id, the token echoed in the language switch's
// return path) taken out.
func secDeadBody(t *testing.T, c *client, path, token string) string {
	t.Helper()
	res := c.get(path)
	secStatus(t, "GET "+path, res, http.StatusNotFound)
	b := strings.ReplaceAll(res.body, res.header.Get("X-Request-Id"), "REQUEST-ID")
	return strings.ReplaceAll(b, token, "TOKEN")
}

// Unknown, used, revoked, superseded and expired one-time links all answer
// the same 404: whoever holds a dead link learns nothing from it.
func TestSecDeadLinksLookAlike(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := context.Background()
	alpha := e.orgs["alpha"]
	coord := e.signIn(emailAlphaCoord)
	miguel := secUser(t, e, emailAlphaMem)
	beatriz := secUser(t, e, emailBetaCoord)

	invites := map[string]string{"unknown": auth.NewToken()}
	invites["used"] = secInvite(t, e, alpha, "used@alpha.example.org", model.RoleMember)
	secRedirect(t, "use invitation", e.client().post("/invite/"+invites["used"],
		url.Values{"name": {"Used Once"}, "password": {inGoodPassword}, "password_confirm": {inGoodPassword}}), "/")
	invites["revoked"] = secInvite(t, e, alpha, "revoked@alpha.example.org", model.RoleMember)
	pending, err := e.st.PendingInvitations(ctx, alpha.ID)
	if err != nil || len(pending) != 1 {
		t.Fatalf("pending invitations: got %d (%v), want 1", len(pending), err)
	}
	secRedirect(t, "revoke", coord.post("/orgs/"+alpha.ID+"/invitations/"+pending[0].ID+"/revoke", url.Values{}), "/orgs/"+alpha.ID)
	invites["expired"] = secInvite(t, e, alpha, "expired@alpha.example.org", model.RoleMember)

	resets := map[string]string{"unknown": auth.NewToken()}
	resets["superseded"] = secReset(t, e, beatriz, e.orgs["beta"])
	secReset(t, e, beatriz, e.orgs["beta"])
	resets["used"] = secReset(t, e, miguel, alpha)
	secRedirect(t, "use reset", e.client().post("/reset/"+resets["used"],
		url.Values{"password": {inGoodPassword}, "password_confirm": {inGoodPassword}}), "/login?reset=1")
	resets["expired"] = secReset(t, e, secUser(t, e, emailGammaCoord), e.orgs["gamma"])

	// Move the clock past both lifetimes; links made since would be valid.
	secStatus(t, "expired invitation before its time", e.client().get("/invite/"+invites["expired"]), http.StatusOK)
	secStatus(t, "expired reset before its time", e.client().get("/reset/"+resets["expired"]), http.StatusOK)
	later := time.Now().UTC().Add(model.InvitationTTL + time.Hour)
	e.st.SetClock(func() time.Time { return later })

	for kind, tokens := range map[string]map[string]string{"invite": invites, "reset": resets} {
		var want, wantFrom string
		for what, tok := range tokens {
			c := e.client()
			path := "/" + kind + "/" + tok
			got := secDeadBody(t, c, path, tok)
			// POST answers the same as GET, and writes nothing.
			before := secCounts(e)
			res := c.post(path, url.Values{"name": {"Late"}, "password": {inOtherPassword}, "password_confirm": {inOtherPassword}})
			secStatus(t, "POST "+kind+" "+what, res, http.StatusNotFound)
			secSameCounts(t, "POST "+kind+" "+what, before, secCounts(e))
			if want == "" {
				want, wantFrom = got, what
				continue
			}
			if got != want {
				t.Errorf("%s link %s answers differently from %s:\n%s\nvs\n%s", kind, what, wantFrom, secSnippet(got), secSnippet(want))
			}
		}
	}
}
