package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"puente/internal/auth"
	"puente/internal/model"
	"puente/internal/store"
)

// tokenRE finds a token shown once on the tokens page.
var tokenRE = regexp.MustCompile(`value="(pnt_[A-Za-z0-9_-]{43})"`)

// queued counts org's queue entries.
func queued(t *testing.T, e *testEnv, org model.Org) int {
	t.Helper()
	counts, err := e.st.QueueStateCounts(context.Background(), org.ID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// events counts org's security log entries of kind.
func events(t *testing.T, e *testEnv, org model.Org, kind model.EventKind) int {
	t.Helper()
	evs, err := e.st.Events(context.Background(), org.ID, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ev := range evs {
		if ev.Kind == kind {
			n++
		}
	}
	return n
}

// apiPost sends body to the intake API with token, without cookies.
func apiPost(t *testing.T, e *testEnv, token, body string, header http.Header) response {
	t.Helper()
	c := &client{t: t, base: e.ts.URL, http: &http.Client{}}
	req, err := http.NewRequest(http.MethodPost, e.ts.URL+"/api/v1/intake", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	return c.do(req)
}

// newAPIToken creates a token of org through the store as creator.
func newAPIToken(t testing.TB, e *testEnv, org model.Org, creator string) (string, model.APIToken) {
	t.Helper()
	secret := model.APITokenPrefix + auth.NewToken()
	tok, err := e.st.CreateAPIToken(context.Background(), org, "Test", secret[:10], auth.HashToken(secret), creator, "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	return secret, tok
}

// TestAPITokensPages: a network admin creates a token, sees it once, finds
// it listed by name and prefix, revokes it through the confirmation page;
// both go to the security log, and the revoked token is refused at use.
func TestAPITokensPages(t *testing.T) {
	e := newEnv(t)
	net := e.orgs["network"]
	admin := e.signIn(emailNetAdmin)
	base := "/orgs/" + net.ID + "/api-tokens"

	res := admin.post(base, url.Values{"name": {""}})
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("no name: got %d, want 422", res.status)
	}
	checkErrorSummary(t, "no name", res.body)
	if toks, _ := e.st.APITokens(context.Background(), net.ID); len(toks) != 0 {
		t.Errorf("a refused name wrote %d tokens, want 0", len(toks))
	}

	res = admin.post(base, url.Values{"name": {"Legal aid referrals"}})
	if res.status != http.StatusOK {
		t.Fatalf("create: got %d, want 200", res.status)
	}
	m := tokenRE.FindStringSubmatch(res.body)
	if m == nil {
		t.Fatalf("create: the new token is not shown; body %.600s", res.body)
	}
	secret := m[1]
	list := admin.get(base)
	if strings.Contains(list.body, secret) {
		t.Errorf("the token list shows the secret again")
	}
	if !strings.Contains(list.body, "Legal aid referrals") || !strings.Contains(list.body, secret[:10]+"…") {
		t.Errorf("the token list does not show its name and prefix %q", secret[:10])
	}
	if got := events(t, e, net, model.EventAPITokenCreated); got != 1 {
		t.Errorf("security log: got %d api_token_created, want 1", got)
	}
	if log := admin.get("/orgs/" + net.ID + "/security"); !strings.Contains(log.body, "API token created") || !strings.Contains(log.body, "Legal aid referrals") {
		t.Errorf("the security log page does not show the token's creation by name")
	}

	ok := apiPost(t, e, secret, `{"entries":[{"external_ref":"R-1","pseudonym":"M.G.","adults":1}]}`, nil)
	if ok.status != http.StatusOK {
		t.Fatalf("live token: got %d, want 200; body %s", ok.status, ok.body)
	}

	toks, err := e.st.APITokens(context.Background(), net.ID)
	if err != nil || len(toks) != 1 {
		t.Fatalf("tokens: %v, %d", err, len(toks))
	}
	if toks[0].LastUsedAt.IsZero() {
		t.Errorf("a used token has no last-used time")
	}
	confirm := admin.get(base + "/" + toks[0].ID + "/revoke")
	if confirm.status != http.StatusOK || !strings.Contains(confirm.body, `action="`+base+"/"+toks[0].ID+`/revoke"`) {
		t.Fatalf("revoke confirmation: got %d without its form", confirm.status)
	}
	if res := admin.post(base+"/"+toks[0].ID+"/revoke", url.Values{}); res.status != http.StatusSeeOther {
		t.Fatalf("revoke: got %d, want 303", res.status)
	}
	if res := admin.post(base+"/"+toks[0].ID+"/revoke", url.Values{}); res.status != http.StatusNotFound {
		t.Errorf("revoke twice: got %d, want 404", res.status)
	}
	if got := events(t, e, net, model.EventAPITokenRevoked); got != 1 {
		t.Errorf("security log: got %d api_token_revoked, want 1", got)
	}
	before := queued(t, e, net)
	dead := apiPost(t, e, secret, `{"entries":[{"external_ref":"R-2","pseudonym":"J.P.","adults":1}]}`, nil)
	if dead.status != http.StatusUnauthorized {
		t.Errorf("revoked token: got %d, want 401", dead.status)
	}
	if got := queued(t, e, net); got != before {
		t.Errorf("revoked token wrote: queue %d, want %d", got, before)
	}
}

// TestIntakeAPI: valid entries go in once (the same request twice adds
// nothing); one bad entry refuses the whole request with its problems and
// writes nothing; a token writes to its own network only; cookies, a
// missing token, a token whose admin left, a wrong content type and
// unknown fields are refused.
func TestIntakeAPI(t *testing.T) {
	e := newEnv(t)
	net, other := e.orgs["network"], e.orgs["othernet"]
	secret, _ := newAPIToken(t, e, net, e.userID(emailNetAdmin))
	body := `{"entries":[
		{"external_ref":"R-1","pseudonym":"M.G.","languages":["es","en"],"adults":2,"child_ages":[4,9],"decision_date":"2026-04-02","needs":["schooling"],"anumber":"A012-345-678","facility":"CANARYAPIFACILITY"},
		{"external_ref":"R-2","pseudonym":"J.P.","adults":1}]}`

	res := apiPost(t, e, secret, body, nil)
	if res.status != http.StatusOK {
		t.Fatalf("first send: got %d, want 200; %s", res.status, res.body)
	}
	var got apiResponse
	if err := json.Unmarshal([]byte(res.body), &got); err != nil {
		t.Fatal(err)
	}
	if got.Created != 2 || got.Existing != 0 || len(got.Results) != 2 || got.Results[1].ExternalRef != "R-2" {
		t.Errorf("first send: got %+v, want 2 created", got)
	}
	// The A-number in any form it could be repeated in (not "345" alone:
	// a random id in the answer may hold those digits).
	if strings.Contains(res.body, "CANARYAPIFACILITY") || strings.Contains(res.body, "345-678") || strings.Contains(res.body, "345678") {
		t.Errorf("the answer repeats a restricted field: %s", res.body)
	}
	if res.header.Get("Set-Cookie") != "" {
		t.Errorf("the API set a cookie")
	}
	res = apiPost(t, e, secret, body, nil)
	got = apiResponse{}
	_ = json.Unmarshal([]byte(res.body), &got)
	if res.status != http.StatusOK || got.Created != 0 || got.Existing != 2 {
		t.Errorf("second send: got %d %+v, want 200 with 2 existing", res.status, got)
	}
	if n := queued(t, e, net); n != 2 {
		t.Errorf("after sending twice: %d in the queue, want 2", n)
	}

	// One bad entry of three: 422, each problem by index and field, nothing written.
	bad := `{"entries":[{"external_ref":"R-3","pseudonym":"A.B.","adults":1},
		{"external_ref":"R-4","pseudonym":"","adults":0,"languages":["xx"],"detained_since":"2099-01-01"},
		{"external_ref":"R-3","pseudonym":"C.D.","adults":1}]}`
	res = apiPost(t, e, secret, bad, http.Header{"Accept-Language": {"es"}})
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad entries: got %d, want 422; %s", res.status, res.body)
	}
	var ae apiError
	if err := json.Unmarshal([]byte(res.body), &ae); err != nil {
		t.Fatal(err)
	}
	var fields []string
	for _, en := range ae.Entries {
		for _, p := range en.Problems {
			fields = append(fields, p.Field+":"+p.Code)
		}
	}
	want := "pseudonym:required languages:choice adults:count detained_since:future external_ref:duplicate"
	if strings.Join(fields, " ") != want || ae.Entries[0].Index != 1 || ae.Entries[1].Index != 2 {
		t.Errorf("problems: got %v (%+v), want %s at indexes 1 and 2", fields, ae.Entries, want)
	}
	if !strings.Contains(res.body, `"pseudonym: Escriba un seudónimo o las iniciales."`) {
		t.Errorf("problems are not in the request's language (es): %s", res.body)
	}
	if n := queued(t, e, net); n != 2 {
		t.Errorf("a refused request wrote: %d in the queue, want 2", n)
	}

	// Another network's token writes to that network only.
	otherSecret, _ := newAPIToken(t, e, other, e.userID(emailOtherAdmin))
	res = apiPost(t, e, otherSecret, `{"entries":[{"external_ref":"R-1","pseudonym":"Z.Z.","adults":1}]}`, nil)
	got = apiResponse{}
	_ = json.Unmarshal([]byte(res.body), &got)
	if res.status != http.StatusOK || got.Created != 1 {
		t.Errorf("other network, same reference: got %d %+v, want 1 created in its own queue", res.status, got)
	}
	if a, b := queued(t, e, net), queued(t, e, other); a != 2 || b != 1 {
		t.Errorf("queues: network %d, other %d; want 2 and 1", a, b)
	}

	// Refusals.
	for _, tt := range []struct {
		name, token, body string
		header            http.Header
		want              int
	}{
		{"no token", "", body, nil, http.StatusUnauthorized},
		{"unknown token", model.APITokenPrefix + auth.NewToken(), body, nil, http.StatusUnauthorized},
		{"a cookie", secret, body, http.Header{"Cookie": {"puente_session=x"}}, http.StatusBadRequest},
		{"form body", secret, "entries=1", http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}, http.StatusUnsupportedMediaType},
		{"unknown field", secret, `{"entries":[{"external_ref":"R-9","pseudonym":"A","adults":1,"name":"Full Name"}]}`, nil, http.StatusBadRequest},
		{"two values", secret, `{"entries":[]} {}`, nil, http.StatusBadRequest},
		{"no entries", secret, `{"entries":[]}`, nil, http.StatusUnprocessableEntity},
		{"too large", secret, `{"entries":[` + strings.Repeat(`{"external_ref":"R","pseudonym":"A","adults":1},`, 30000) + `{}]}`, nil, http.StatusRequestEntityTooLarge},
	} {
		res := apiPost(t, e, tt.token, tt.body, tt.header)
		if res.status != tt.want {
			t.Errorf("%s: got %d, want %d; %.200s", tt.name, res.status, tt.want, res.body)
		}
		if !strings.HasPrefix(res.header.Get("Content-Type"), "application/json") {
			t.Errorf("%s: got Content-Type %q, want JSON", tt.name, res.header.Get("Content-Type"))
		}
	}
	if n := queued(t, e, net); n != 2 {
		t.Errorf("refused requests wrote: %d in the queue, want 2", n)
	}

	// A token whose admin is no longer one dies at use, logged.
	ctx := context.Background()
	u, err := e.st.CreateMember(ctx, net, "second-admin@network.example.org", "Second Admin", e.hash, model.RoleAdmin)
	if err != nil {
		t.Fatal(err)
	}
	leftSecret, _ := newAPIToken(t, e, net, u.ID)
	if res := apiPost(t, e, leftSecret, body, nil); res.status != http.StatusOK {
		t.Fatalf("second admin's token: got %d, want 200", res.status)
	}
	if err := e.st.ChangeRole(ctx, net, u.ID, model.RoleCoordinator, e.userID(emailNetAdmin), "127.0.0.1"); err != nil {
		t.Fatal(err)
	}
	refusedBefore := events(t, e, net, model.EventLinkRefused)
	if res := apiPost(t, e, leftSecret, body, nil); res.status != http.StatusUnauthorized {
		t.Errorf("token of an admin who became a coordinator: got %d, want 401", res.status)
	}
	if got := events(t, e, net, model.EventLinkRefused) - refusedBefore; got != 1 {
		t.Errorf("refusal logged %d times, want 1", got)
	}
}

// TestIntakeAPIThrottle: past its allowance a token gets 429 with
// Retry-After.
func TestIntakeAPIThrottle(t *testing.T) {
	e := newEnv(t, func(c *Config) { c.APILimit, c.APIWindow = 3, time.Hour })
	secret, _ := newAPIToken(t, e, e.orgs["network"], e.userID(emailNetAdmin))
	body := `{"entries":[{"external_ref":"R-1","pseudonym":"M.G.","adults":1}]}`
	for i := 0; i < 3; i++ {
		if res := apiPost(t, e, secret, body, nil); res.status != http.StatusOK {
			t.Fatalf("request %d: got %d, want 200", i+1, res.status)
		}
	}
	res := apiPost(t, e, secret, body, nil)
	if res.status != http.StatusTooManyRequests || res.header.Get("Retry-After") == "" {
		t.Errorf("4th request: got %d (Retry-After %q), want 429 with Retry-After", res.status, res.header.Get("Retry-After"))
	}
}

// uploadCSV posts file to the network's import as c.
func uploadCSV(t testing.TB, c *client, orgID, name, file string) response {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = fw.Write([]byte(file))
	_ = mw.Close()
	return c.postRaw("/orgs/"+orgID+"/intake", buf.String(), http.Header{"Content-Type": {mw.FormDataContentType()}})
}

// TestIntakeCSV: a file's valid lines go in, in one go; the rejected ones
// are listed with their line and reasons; the same file twice adds
// nothing; an unusable file is 422 with the summary and writes nothing.
func TestIntakeCSV(t *testing.T) {
	e := newEnv(t)
	net := e.orgs["network"]
	coord := e.signIn(emailNetCoord)
	file := "\ufeffexternal_ref,pseudonym,adults,child_ages,languages,needs,decision_date\r\n" +
		"R-1,M.G.,2,4 9,es,schooling,2026-04-02\r\n" +
		"R-2,J.P.,1,,ht fr,,\r\n" +
		"R-3,,two,,,,\r\n" + // line 4: no pseudonym, adults not a number
		"R-4,A.B.,1,,,flying,2026-02-30\r\n" + // line 5: a need and a date that do not exist
		"R-1,C.D.,1,,,,\r\n" + // line 6: the reference of line 2
		"R-6,E.F.,1,,es,,\r\n"
	res := uploadCSV(t, coord, net.ID, "referrals.csv", file)
	if res.status != http.StatusOK {
		t.Fatalf("import: got %d, want 200; %.500s", res.status, res.body)
	}
	if n := queued(t, e, net); n != 3 {
		t.Errorf("after the import: %d in the queue, want 3", n)
	}
	for _, want := range []string{"<th scope=\"row\">4</th>", "pseudonym</code>: Enter a pseudonym or initials.", "adults</code>: Enter whole numbers only.",
		"<th scope=\"row\">5</th>", "needs</code>: Use one of the values", "decision_date</code>: Enter a real date",
		"<th scope=\"row\">6</th>", "external_ref</code>: Line 2 has the same reference."} {
		if !strings.Contains(res.body, want) {
			t.Errorf("report: %q missing", want)
		}
	}
	res = uploadCSV(t, coord, net.ID, "referrals.csv", file)
	if res.status != http.StatusOK {
		t.Fatalf("import again: got %d, want 200", res.status)
	}
	if n := queued(t, e, net); n != 3 {
		t.Errorf("after importing twice: %d in the queue, want 3", n)
	}
	if !regexp.MustCompile(`Already in the queue</dt><dd>3</dd>`).MatchString(res.body) {
		t.Errorf("second import: the report does not count 3 already in the queue")
	}

	// Unusable files: nothing written, 422 with the summary, in Spanish too.
	for _, tt := range []struct{ name, file, want string }{
		{"unknown column", "external_ref,pseudonym,adults,name\nR-9,A,1,Full Name\n", "is not one Puente knows"},
		{"latin-1", "external_ref,pseudonym,adults\nR-9,Jos\xe9,1\n", "Line 2 is not UTF-8 text"},
		{"header only", "external_ref,pseudonym,adults\n", "no people"},
		{"empty", "", "The file is empty."},
	} {
		res := uploadCSV(t, coord, net.ID, "bad.csv", tt.file)
		if res.status != http.StatusUnprocessableEntity {
			t.Errorf("%s: got %d, want 422", tt.name, res.status)
			continue
		}
		checkErrorSummary(t, tt.name, res.body)
		if !strings.Contains(res.body, tt.want) {
			t.Errorf("%s: %q missing", tt.name, tt.want)
		}
	}
	if n := queued(t, e, net); n != 3 {
		t.Errorf("after unusable files: %d in the queue, want 3", n)
	}
	coord.post("/lang", url.Values{"lang": {"es"}, "return": {"/"}})
	res = uploadCSV(t, coord, net.ID, "malo.csv", "external_ref,pseudonym,adults\nR-10,,1\n")
	if res.status != http.StatusOK || !strings.Contains(res.body, "pseudonym</code>: Escriba un seudónimo o las iniciales.") {
		t.Errorf("Spanish report: got %d without the Spanish reason", res.status)
	}
}

// TestNetworkDashboardAndReport: the dashboard counts the queue; the
// queue report holds pseudonyms, counts and dates and never an external
// reference, an A-number or a facility; each download is audited.
func TestNetworkDashboardAndReport(t *testing.T) {
	e := newEnv(t)
	net := e.orgs["network"]
	secret, _ := newAPIToken(t, e, net, e.userID(emailNetAdmin))
	res := apiPost(t, e, secret, `{"entries":[
		{"external_ref":"CANARYREF1","pseudonym":"=M.G.","adults":2,"child_ages":[3,5],"decision_date":"2026-01-05","anumber":"A918-273-645","facility":"CANARYQUEUEFACILITY"},
		{"external_ref":"CANARYREF2","pseudonym":"J.P.","adults":1}]}`, nil)
	if res.status != http.StatusOK {
		t.Fatalf("seed: got %d; %s", res.status, res.body)
	}
	// One waiting person in each bucket of the decision date, counted on
	// the network's own day; an arrived one is not waiting.
	day := func(n int) string { return e.srv.daysFrom(net.TimeZone, n) }
	var entries []string
	for i, dd := range []string{day(0), day(7), day(8), day(30), day(31), day(-1)} {
		entries = append(entries, fmt.Sprintf(`{"external_ref":"U-%d","pseudonym":"U.%d","adults":1,"decision_date":%q}`, i, i, dd))
	}
	if res := apiPost(t, e, secret, `{"entries":[`+strings.Join(entries, ",")+`]}`, nil); res.status != http.StatusOK {
		t.Fatalf("seed buckets: got %d; %s", res.status, res.body)
	}
	_, u, err := e.st.QueueCounts(context.Background(), net.ID, day(0), day(7), day(30))
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.UrgencyCounts{Past: 2, Week: 2, Month: 2, Later: 1, Unknown: 1}); u != want {
		t.Errorf("urgency: got %+v, want %+v", u, want)
	}
	coord := e.signIn(emailNetCoord)
	dash := coord.get("/orgs/" + net.ID + "/dashboard")
	if dash.status != http.StatusOK {
		t.Fatalf("dashboard: got %d, want 200", dash.status)
	}
	for _, want := range []string{`<svg role="img"`, `>Referred</a></th><td>8</td></tr>`, "Not known</th><td>1</td>"} {
		if !strings.Contains(dash.body, want) {
			t.Errorf("dashboard: %q missing", want)
		}
	}
	audits := e.count("audit_log")
	rep := coord.post("/orgs/"+net.ID+"/reports/queue", url.Values{})
	if rep.status != http.StatusOK || !strings.HasPrefix(rep.header.Get("Content-Type"), "text/csv") {
		t.Fatalf("report: got %d %q, want a CSV", rep.status, rep.header.Get("Content-Type"))
	}
	if !strings.Contains(rep.body, "'=M.G.,referred,") || !strings.Contains(rep.body, "J.P.,referred,") {
		t.Errorf("report: pseudonyms missing (a formula-like one quoted): %s", rep.body)
	}
	for _, m := range []string{"CANARYREF", "CANARYQUEUEFACILITY", "918", "273-645"} {
		if strings.Contains(rep.body, m) {
			t.Errorf("report holds %q: %s", m, rep.body)
		}
	}
	for _, name := range []string{"placements", "groups"} {
		res := coord.post("/orgs/"+net.ID+"/reports/"+name, url.Values{})
		if res.status != http.StatusOK || !strings.HasPrefix(res.header.Get("Content-Type"), "text/csv") {
			t.Errorf("%s report: got %d %q, want a CSV", name, res.status, res.header.Get("Content-Type"))
		}
	}
	if res := coord.post("/orgs/"+net.ID+"/reports/people", url.Values{}); res.status != http.StatusNotFound {
		t.Errorf("unknown report: got %d, want 404", res.status)
	}
	groups := coord.post("/orgs/"+net.ID+"/reports/groups", url.Values{})
	if !strings.Contains(groups.body, "group,stage,region") || strings.Count(groups.body, "\n") < 3 {
		t.Errorf("groups report: got %q, want a header and the network's groups", groups.body)
	}
	e.st.FlushAudit()
	if got := e.count("audit_log") - audits; got != 4 {
		t.Errorf("reports: %d audit rows written, want 4 (queue, placements, groups twice)", got)
	}
}

// TestIntakeRawBytes: an API token and the restricted fields an intake
// call sends are nowhere in the database file or its WAL in plain text,
// nor in the server log; the pseudonym is (control).
func TestIntakeRawBytes(t *testing.T) {
	d := pvNewDiskEnv(t)
	net := d.orgs["network"]
	admin := d.signIn(emailNetAdmin)
	res := admin.post("/orgs/"+net.ID+"/api-tokens", url.Values{"name": {"Raw bytes"}})
	m := tokenRE.FindStringSubmatch(res.body)
	if m == nil {
		t.Fatalf("no token shown")
	}
	secret := m[1]
	body := `{"entries":[{"external_ref":"RAWREF-1","pseudonym":"RAWPSEUDONYM","adults":1,"anumber":"A-736-251-949","facility":"RAWINTAKEFACILITY"}]}`
	if res := apiPost(t, d.testEnv, secret, body, nil); res.status != http.StatusOK {
		t.Fatalf("intake: got %d; %s", res.status, res.body)
	}
	coord := d.signIn(emailNetCoord)
	if res := uploadCSV(t, coord, net.ID, "raw.csv", "external_ref,pseudonym,adults,anumber,facility\nRAWREF-2,RAWPSEUDONYM2,1,A 736 251 948,RAWCSVFACILITY\n"); res.status != http.StatusOK {
		t.Fatalf("import: got %d", res.status)
	}
	secrets := []string{secret, secret[len(model.APITokenPrefix):], "736251949", "736-251-949", "736251948", "RAWINTAKEFACILITY", "RAWCSVFACILITY"}
	for _, when := range []string{"live", "closed"} {
		if when == "closed" {
			d.shutdown()
		}
		all := append(pvReadFile(t, d.path), pvReadFile(t, d.path+"-wal")...)
		pvNoneIn(t, "database and WAL ("+when+")", all, secrets)
		if !bytes.Contains(all, []byte("RAWPSEUDONYM2")) {
			t.Errorf("database and WAL (%s): got no pseudonym, want the plain fields readable (control)", when)
		}
	}
	pvNoneIn(t, "server log", []byte(d.logs.String()), secrets)
}

// TestQueueReportDaysAreTheNetworks: at 22:40 in New York on 30 November
// (03:40 UTC on 1 December), a person recorded now was referred on 30
// November in the report and its file name, as on the network's pages.
func TestQueueReportDaysAreTheNetworks(t *testing.T) {
	e := newEnv(t)
	net := e.orgs["network"]
	if err := e.st.SetOrgSettings(context.Background(), net, store.OrgSettings{TimeZone: "America/New_York", RetentionDays: model.DefaultRetentionDays}, e.userID(emailNetAdmin), "127.0.0.1"); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 1, 3, 40, 0, 0, time.UTC)
	e.st.SetClock(func() time.Time { return at })
	tmAt(e, at)
	net.TimeZone = "America/New_York"
	secret, _ := newAPIToken(t, e, net, e.userID(emailNetAdmin))
	if res := apiPost(t, e, secret, `{"entries":[{"external_ref":"NY-1","pseudonym":"N.Y.","adults":1}]}`, nil); res.status != http.StatusOK {
		t.Fatalf("seed: got %d; %s", res.status, res.body)
	}
	rep := e.signIn(emailNetCoord).post("/orgs/"+net.ID+"/reports/queue", url.Values{})
	if rep.status != http.StatusOK {
		t.Fatalf("report: got %d", rep.status)
	}
	if !strings.Contains(rep.body, "N.Y.,referred,2026-11-30,2026-11-30,") {
		t.Errorf("report: want the person referred on the network's 30 November; got %s", rep.body)
	}
	if cd := rep.header.Get("Content-Disposition"); !strings.Contains(cd, "queue-2026-11-30.csv") {
		t.Errorf("file name: got %q, want the network's day", cd)
	}
}
