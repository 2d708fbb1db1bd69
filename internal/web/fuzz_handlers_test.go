package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"puente/internal/auth"
	"puente/internal/model"
)

// Fuzz targets for the POST handlers: the raw body goes through the whole
// middleware chain and handler to a real SQLite database. Whatever the
// body, the answer is below 500 and shows no internal error text.

func fzAddSeeds(f *testing.F, valid url.Values, extra ...any) {
	for _, body := range fzSeeds(valid) {
		f.Add(append([]any{body}, extra...)...)
	}
}

func FuzzLoginPost(f *testing.F) {
	fzAddSeeds(f, url.Values{"email": {emailNetAdmin}, "password": {testPassword}})
	f.Add("email=" + url.QueryEscape(emailNetAdmin) + "&password=wrong+password")
	f.Add("email=NOBODY%40example.org&password=" + url.QueryEscape(testPassword))
	e := newEnv(f)
	anon := fzSignedIn(e, "")
	f.Fuzz(func(t *testing.T, body string) {
		rec := fzPost(anon.srv, anon.base, nil, "/login", body)
		fzCheckResponse(t, "POST /login", body, rec)
	})
}

func FuzzSetupPost(f *testing.F) {
	fzAddSeeds(f, url.Values{"org_name": {"Red Puente Norte"}, "org_kind": {"group"}, "time_zone": {"America/Denver"}, "name": {"Ana Admin"},
		"email": {"ana@example.org"}, "password": {"a long enough pass"}, "password_confirm": {"a long enough pass"}})
	dir := f.TempDir()
	var cur *fzEmpty
	n := 0
	f.Cleanup(func() {
		if cur != nil {
			cur.close()
		}
	})
	base, _ := url.Parse("http://127.0.0.1")
	f.Fuzz(func(t *testing.T, body string) {
		if cur == nil {
			var err error
			if cur, err = fzOpenEmpty(dir, n); err != nil {
				t.Fatal(err)
			}
			n++
		}
		rec := fzPost(cur.srv, base, nil, "/setup?token="+fzSetupToken, body)
		fzCheckResponse(t, "POST /setup", body, rec)
		if rec.Code == http.StatusSeeOther {
			// Setup is done for good on this database: the next input gets a new one.
			cur.close()
			cur = nil
		}
	})
}

func FuzzLangPost(f *testing.F) {
	for _, signedIn := range []bool{false, true} {
		fzAddSeeds(f, url.Values{"lang": {"es"}, "return": {"/account"}}, signedIn)
		for _, ret := range []string{"//evil.example", "/\\evil.example", "https://evil.example", "/.//evil.example", "/%0d%0aX: y",
			"/./account", "/..\\x"} {
			f.Add("lang=en&return="+url.QueryEscape(ret), signedIn)
		}
	}
	e := newEnv(f)
	anon := fzSignedIn(e, "")
	user := fzSignedIn(e, emailAlphaMem)
	f.Fuzz(func(t *testing.T, body string, signedIn bool) {
		rec := fzPost(anon.srv, anon.base, nil, "/lang", body)
		if signedIn {
			rec = user.post("/lang", body)
		}
		fzCheckResponse(t, "POST /lang", body, rec)
		if rec.Code == http.StatusSeeOther {
			fzCheckLocal(t, fmt.Sprintf("POST /lang %q", body), rec.Header().Get("Location"))
		}
	})
}

func FuzzInvitationCreatePost(f *testing.F) {
	for target := range uint8(5) {
		fzAddSeeds(f, url.Values{"email": {"new.person@example.org"}, "role": {"member"}}, target)
		f.Add("email=x%40example.org&role=admin", target)
		f.Add("email=x%40example.org&role=coordinator", target)
	}
	e := newEnv(f)
	admin := fzSignedIn(e, emailNetAdmin)
	coord := fzSignedIn(e, emailAlphaCoord)
	// The network by its admin, a group by its coordinator, the same group
	// by the network admin (403: it has its own coordinator), a group of
	// another network (404), and an id that does not exist (404).
	targets := []struct {
		who   *fzSession
		orgID string
	}{
		{admin, e.orgs["network"].ID}, {coord, e.orgs["alpha"].ID}, {admin, e.orgs["alpha"].ID},
		{admin, e.orgs["gamma"].ID}, {admin, "ffffffffffffffffffffffffffffffff"},
	}
	f.Fuzz(func(t *testing.T, body string, target uint8) {
		tg := targets[int(target)%len(targets)]
		path := "/orgs/" + tg.orgID + "/invitations"
		fzCheckResponse(t, "POST "+path, body, tg.who.post(path, body))
	})
}

func FuzzGroupCreatePost(f *testing.F) {
	fzAddSeeds(f, url.Values{"name": {"Círculo San Andrés"}})
	e := newEnv(f)
	admin := fzSignedIn(e, emailNetAdmin)
	path := "/orgs/" + e.orgs["network"].ID + "/groups"
	f.Fuzz(func(t *testing.T, body string) {
		fzCheckResponse(t, "POST "+path, body, admin.post(path, body))
	})
}

func FuzzMemberRolePost(f *testing.F) {
	for who := range uint8(4) {
		fzAddSeeds(f, url.Values{"role": {"coordinator"}}, who)
		f.Add("role=member", who)
		f.Add("role=admin", who)
	}
	e := newEnv(f)
	// Alpha's coordinator, who manages its people (a network admin gets 403
	// there: the group has its own coordinator). She is not among the
	// people changed, so her session lasts the whole run.
	coord := fzSignedIn(e, emailAlphaCoord)
	ctx := context.Background()
	second, err := e.st.CreateMember(ctx, e.orgs["alpha"], "second.coord@alpha.example.org", "Segunda Coord", e.hash, model.RoleCoordinator)
	if err != nil {
		f.Fatal(err)
	}
	var who []string
	for _, email := range []string{emailAlphaMem, emailBetaCoord} {
		u, err := e.st.UserByEmail(ctx, email)
		if err != nil {
			f.Fatal(err)
		}
		who = append(who, u.ID)
	}
	who = append(who, second.ID, "not-a-user")
	alpha := e.orgs["alpha"].ID
	actor, err := e.st.UserByEmail(ctx, emailAlphaCoord)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string, w uint8) {
		// Every input starts from the same roles (Alpha's member a member,
		// the second coordinator a coordinator): an input's answer must not
		// depend on what earlier inputs of this worker changed, or a
		// failure could not be reproduced from its input alone.
		for _, r := range []struct {
			id   string
			role model.Role
		}{{who[0], model.RoleMember}, {second.ID, model.RoleCoordinator}} {
			if err := e.st.ChangeRole(ctx, e.orgs["alpha"], r.id, r.role, actor.ID, "127.0.0.1"); err != nil {
				t.Fatalf("resetting roles: %v", err)
			}
		}
		path := "/orgs/" + alpha + "/members/" + who[int(w)%len(who)] + "/role"
		fzCheckResponse(t, "POST "+path, body, coord.post(path, body))
	})
}

func FuzzOrgSwitchPost(f *testing.F) {
	e := newEnv(f)
	fzAddSeeds(f, url.Values{"org_id": {e.orgs["alpha"].ID}})
	f.Add("org_id=" + e.orgs["gamma"].ID)
	admin := fzSignedIn(e, emailNetAdmin)
	f.Fuzz(func(t *testing.T, body string) {
		fzCheckResponse(t, "POST /orgs/switch", body, admin.post("/orgs/switch", body))
	})
}

func FuzzAccountPasswordPost(f *testing.F) {
	fzAddSeeds(f, url.Values{"current_password": {testPassword}, "password": {"another horse battery"},
		"password_confirm": {"another horse battery"}})
	f.Add("current_password=wrong+password+here&password=another+horse+battery&password_confirm=another+horse+battery")
	e := newEnv(f)
	user := fzSignedIn(e, emailBetaCoord)
	f.Fuzz(func(t *testing.T, body string) {
		// A successful change renews this session; its cookie follows.
		fzCheckResponse(t, "POST /account/password", body, user.post("/account/password", body))
	})
}

func FuzzInviteAcceptPost(f *testing.F) {
	for _, existing := range []bool{false, true} {
		fzAddSeeds(f, url.Values{"name": {"Nadia Nueva"}, "password": {"a long enough pass"}, "password_confirm": {"a long enough pass"}}, existing)
		f.Add("password="+url.QueryEscape(testPassword), existing)
	}
	e := newEnv(f)
	ctx := context.Background()
	alpha := e.orgs["alpha"]
	coord, err := e.st.UserByEmail(ctx, emailAlphaCoord)
	if err != nil {
		f.Fatal(err)
	}
	n := 0
	// invite issues a fresh link: for a new address, or for an existing
	// account (beta's coordinator) joining alpha.
	invite := func(existing bool) (string, error) {
		n++
		email := fmt.Sprintf("fz-new-%d@example.org", n)
		if existing {
			email = emailBetaCoord
		}
		token := auth.NewToken()
		_, err := e.st.CreateInvitation(ctx, alpha, email, model.RoleMember, auth.HashToken(token), coord.ID, "192.0.2.1")
		return token, err
	}
	tokens := map[bool]string{}
	for _, existing := range []bool{false, true} {
		if tokens[existing], err = invite(existing); err != nil {
			f.Fatal(err)
		}
	}
	anon := fzSignedIn(e, "")
	f.Fuzz(func(t *testing.T, body string, existing bool) {
		path := "/invite/" + tokens[existing]
		rec := fzPost(anon.srv, anon.base, nil, path, body)
		fzCheckResponse(t, "POST /invite/{token}", body, rec)
		if rec.Code == http.StatusSeeOther {
			// Used up: the next input gets a fresh link.
			var err error
			if tokens[existing], err = invite(existing); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func FuzzResetPost(f *testing.F) {
	fzAddSeeds(f, url.Values{"password": {"a long enough pass"}, "password_confirm": {"a long enough pass"}})
	e := newEnv(f)
	ctx := context.Background()
	member, err := e.st.UserByEmail(ctx, emailAlphaMem)
	if err != nil {
		f.Fatal(err)
	}
	coord, err := e.st.UserByEmail(ctx, emailAlphaCoord)
	if err != nil {
		f.Fatal(err)
	}
	reset := func() (string, error) {
		token := auth.NewToken()
		return token, e.st.CreateReset(ctx, auth.HashToken(token), member.ID, e.orgs["alpha"].ID, coord.ID, "192.0.2.1")
	}
	token, err := reset()
	if err != nil {
		f.Fatal(err)
	}
	anon := fzSignedIn(e, "")
	f.Fuzz(func(t *testing.T, body string) {
		rec := fzPost(anon.srv, anon.base, nil, "/reset/"+token, body)
		fzCheckResponse(t, "POST /reset/{token}", body, rec)
		if rec.Code == http.StatusSeeOther {
			var err error
			if token, err = reset(); err != nil {
				t.Fatal(err)
			}
		}
	})
}
