package web

import (
	"database/sql"
	"net/http"
	"net/url"
	"testing"
	"time"
)

// sessionRows reads every stored session's data and idle expiry, by token
// hash, straight from the database file.
func sessionRows(t *testing.T, e *testEnv) map[string]string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+e.dbPath+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT token_hash, hex(data), expiry FROM sessions`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var h, data string
		var exp float64
		if err := rows.Scan(&h, &data, &exp); err != nil {
			t.Fatal(err)
		}
		out[h] = data + " " + time.Unix(0, int64(exp*1e9)).UTC().Format(time.RFC3339Nano)
	}
	return out
}

// TestSessionSavedOnlyWhenChanged: pages that change nothing in the session
// write nothing (no row rewritten, no Set-Cookie); a change is saved at
// once; the idle timeout still ends a session left alone for 30 minutes,
// and a request within it keeps the session going.
func TestSessionSavedOnlyWhenChanged(t *testing.T) {
	e := newEnv(t)
	clk := time.Now()
	e.sessions.SetClock(func() time.Time { return clk })
	c := e.signIn(emailAlphaCoord)
	saved := sessionRows(t, e)
	if len(saved) != 1 {
		t.Fatalf("sessions after sign-in: %d rows, want 1", len(saved))
	}
	for _, p := range []string{"/", "/cases", "/cases/" + e.cases["alpha"].ID, "/account", "/calendar", "/no/such/page"} {
		res := c.get(p)
		if res.status != http.StatusOK && res.status != http.StatusNotFound {
			t.Fatalf("GET %s: status %d", p, res.status)
		}
		if sc := res.header.Values("Set-Cookie"); len(sc) != 0 {
			t.Errorf("GET %s changed nothing but set a cookie: %q", p, sc)
		}
	}
	if got := sessionRows(t, e); !equalMaps(got, saved) {
		t.Errorf("pages that change nothing rewrote the session:\nbefore %v\nafter  %v", saved, got)
	}

	// Switching organisation changes the session: saved, with its cookie.
	res := c.post("/orgs/switch", url.Values{"org_id": {e.orgs["alpha"].ID}})
	if res.status != http.StatusSeeOther || len(res.header.Values("Set-Cookie")) == 0 {
		t.Errorf("organisation switch: status %d, Set-Cookie %q; want 303 with the session cookie", res.status, res.header.Values("Set-Cookie"))
	}
	if got := sessionRows(t, e); equalMaps(got, saved) {
		t.Error("organisation switch: the session row did not change")
	}
	saved = sessionRows(t, e)

	// 29 minutes later a page still works, and moves the idle expiry on.
	clk = clk.Add(29 * time.Minute)
	if res := c.get("/"); res.status != http.StatusOK {
		t.Fatalf("after 29 idle minutes: status %d, want 200", res.status)
	}
	touched := sessionRows(t, e)
	if equalMaps(touched, saved) {
		t.Error("a request 29 minutes on did not move the idle expiry")
	}
	// 29 more minutes (58 since sign-in, 29 since the last request): still in.
	clk = clk.Add(29 * time.Minute)
	if res := c.get("/"); res.status != http.StatusOK {
		t.Fatalf("29 minutes after the last request: status %d, want 200", res.status)
	}
	// 31 minutes without a request: signed out.
	clk = clk.Add(31 * time.Minute)
	if res := c.get("/"); res.status != http.StatusSeeOther || res.header.Get("Location") != "/login" {
		t.Errorf("31 idle minutes: status %d to %q, want 303 to /login", res.status, res.header.Get("Location"))
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
