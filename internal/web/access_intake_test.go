package web

import (
	"context"
	"net/url"

	"puente/internal/auth"
	"puente/internal/model"
)

// intakeMatrix is the access matrix of structured intake (issue 13), on
// the targets network, alpha, beta, othernet, gamma: a network's API
// tokens are its own admins'; the CSV import its staff's; nobody reaches
// another network's. The API takes no session: without a token everyone
// is 401, and a request with any cookie is refused (400).
func intakeMatrix() []matrixRow {
	on := onOrg
	withToken := func(suffix string) func(e *testEnv, o model.Org) cell {
		return func(e *testEnv, o model.Org) cell {
			t, err := e.st.CreateAPIToken(context.Background(), o, "Matrix", "pnt_abcdef", auth.HashToken(auth.NewToken()), "", "127.0.0.1")
			if err != nil {
				e.t.Fatal(err)
			}
			return cell{path: "/orgs/" + o.ID + "/api-tokens/" + t.ID + suffix}
		}
	}
	networkStaff := func(ok int) [6][5]int {
		return [6][5]int{
			{},
			{s404, s403, s404, s404, s404},
			{s404, s403, s404, s404, s404},
			{ok, s403, s403, s404, s404},
			{ok, s403, s403, s404, s404},
			{s404, s404, s404, ok, s403},
		}
	}
	return []matrixRow{
		{method: "GET", pattern: "/orgs/{orgID}/api-tokens", prepare: on("/api-tokens", nil), org: withAnon(onlyOwnNetworkAdmin(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/api-tokens", prepare: on("/api-tokens", url.Values{"name": {""}}),
			org: withAnon(onlyOwnNetworkAdmin(s422), anonPost)},
		{method: "GET", pattern: "/orgs/{orgID}/api-tokens/{tokenID}/revoke", prepare: withToken("/revoke"),
			org: withAnon(onlyOwnNetworkAdmin(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/api-tokens/{tokenID}/revoke", prepare: withToken("/revoke"),
			org: withAnon(onlyOwnNetworkAdmin(s303), anonPost)},
		{method: "GET", pattern: "/orgs/{orgID}/intake", prepare: on("/intake", nil), org: withAnon(networkStaff(s200), anonGet)},
		// A form without a file: the file is unusable, 422 with the summary.
		{method: "POST", pattern: "/orgs/{orgID}/intake", prepare: on("/intake", url.Values{}), org: withAnon(networkStaff(s422), anonPost)},
		{method: "GET", pattern: "/orgs/{orgID}/dashboard", prepare: on("/dashboard", nil), org: withAnon(networkStaff(s200), anonGet)},
		{method: "POST", pattern: "/orgs/{orgID}/reports/{report}", prepare: on("/reports/placements", url.Values{}), org: withAnon(networkStaff(s200), anonPost)},
		// Every client here carries a cookie (the anonymous one the language
		// cookie of POST /lang, the others a session): refused before any
		// token is looked at. Without cookies and token: 401 (TestIntakeAPI).
		{method: "POST", pattern: "/api/v1/intake", form: url.Values{}, plain: [6]int{s400, s400, s400, s400, s400, s400}},
	}
}
