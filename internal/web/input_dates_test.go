package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"puente/internal/store"
)

// Tests of the date and money rules every form shares (dates.go,
// model.CheckDay, ledger.ParseAmount by currency); every name starts with
// dt. Each input a reviewer found accepted is a case here: 422, the
// field's message in English and Spanish, the input kept, and nothing
// changed in the database.

// dtNow is the clock of these tests: Wednesday 4 March 2026 at 03:30 UTC,
// which is still Tuesday 3 March in New York (alpha's zone): "today" is
// the organisation's day, so 4 March is a day in the future there.
var dtNow = time.Date(2026, 3, 4, 3, 30, 0, 0, time.UTC)

// Messages as the locale files have them, spelled out so a broken lookup fails.
const (
	dtFuture       = "The date must be today or in the past."
	dtFutureES     = "La fecha debe ser hoy o anterior."
	dtRange        = "The date must be between 1900 and 2100."
	dtRangeES      = "La fecha debe estar entre 1900 y 2100."
	dtNotDate      = "Enter a real date, with its day, month and year."
	dtNotDateES    = "Escriba una fecha real, con su día, mes y año."
	dtRelease      = "The release date must be the same as or after the last arrival in the US."
	dtReleaseES    = "La fecha de salida de detención debe ser igual o posterior a la última llegada a EE. UU."
	dtArrival      = "The last arrival in the US must be the same as or after the date of birth."
	dtArrivalES    = "La última llegada a EE. UU. debe ser igual o posterior a la fecha de nacimiento."
	dtDecision     = "The decision date must be the same as or after the day detention began."
	dtDecisionES   = "La fecha de la decisión debe ser igual o posterior al día en que empezó la detención."
	dtEndOrder     = "The end date must be the same as or after the start date."
	dtEndOrderES   = "La fecha de fin debe ser igual o posterior a la fecha de inicio."
	dtYen          = "The amount must be a whole number: JPY has no decimals."
	dtYenES        = "La cantidad debe ser un número entero: JPY no tiene decimales."
	dtANumber      = "Enter an A-Number of 8 or 9 digits, like A012-345-678 or 12345678. An A in front, dashes and spaces are fine."
	dtANumberES    = "Escriba un Número A de 8 o 9 dígitos, como A012-345-678 o 12345678. Puede llevar una A delante, guiones y espacios."
	dtGiftStart    = "The date must be the same as or after the day the commitment starts, Sunday 1 March 2026."
	dtGiftStartES  = "La fecha debe ser igual o posterior al día en que empieza el compromiso, domingo 1 de marzo de 2026."
	dtGiftEnd      = "The date must be the same as or before the day the commitment ends, Monday 2 March 2026."
	dtGiftEndES    = "La fecha debe ser igual o anterior al día en que termina el compromiso, lunes 2 de marzo de 2026."
	dtWholeAdults  = "Enter a whole number from 1 to 20."
	dtWholeAdultES = "Escriba un número entero de 1 a 20."
)

// dtCase is one refused submission: the form, the field and its message
// in both languages, and typed values the page must give back.
type dtCase struct {
	name          string
	path          string
	form          url.Values
	field         string
	en, es        string
	keep          []string
	keepSensitive bool // the field is sensitive (date of birth): kept as typed, like any other (README, "Security notes")
}

// dtDigest is a digest of every row of every table but the ones a refused
// form may touch without changing anything it is about (its session, the
// security and network logs): "nothing changed in the database".
func dtDigest(t *testing.T, e *testEnv) string {
	t.Helper()
	db := pvRawDB(t, e.dbPath)
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
		AND name NOT IN ('sessions', 'security_events', 'network_events') ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, n)
	}
	rows.Close()
	h := sha256.New()
	for _, tb := range tables {
		rs, err := db.Query(`SELECT * FROM "` + tb + `" ORDER BY rowid`)
		if err != nil {
			rs, err = db.Query(`SELECT * FROM "` + tb + `"`) // WITHOUT ROWID: its key orders it
		}
		if err != nil {
			t.Fatalf("%s: %v", tb, err)
		}
		cols, _ := rs.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rs.Next() {
			if err := rs.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(h, "%s%v\n", tb, vals)
		}
		rs.Close()
	}
	return hex.EncodeToString(h.Sum(nil))
}

// dtRun posts each case as c, in English and in Spanish, and checks it.
func dtRun(t *testing.T, e *testEnv, c *client, cases []dtCase) {
	t.Helper()
	for _, tc := range cases {
		for _, lang := range []string{"en", "es"} {
			t.Run(tc.name+"/"+lang, func(t *testing.T) {
				before := dtDigest(t, e)
				res := c.postRaw(tc.path, tc.form.Encode(), http.Header{"Accept-Language": {lang}})
				if res.status != http.StatusUnprocessableEntity {
					t.Fatalf("got %d, want 422; %.600s", res.status, secSnippet(res.body))
				}
				want := tc.en
				if lang == "es" {
					want = tc.es
				}
				if !strings.Contains(res.body, inFieldError(tc.field, want)) {
					t.Errorf("field %q: message %q not shown; %.1500s", tc.field, want, secSnippet(res.body))
				}
				if !strings.Contains(res.body, `class="error-summary"`) || !strings.Contains(res.body, `href="#`+tc.field+`"`) {
					t.Errorf("no error summary linking to #%s", tc.field)
				}
				for _, v := range tc.keep {
					if !strings.Contains(res.body, `value="`+secEsc(v)+`"`) {
						t.Errorf("typed value %q not kept in the form", v)
					}
				}
				if tc.keepSensitive && !strings.Contains(res.body, `value="`+tc.form.Get(tc.field)+`"`) {
					t.Errorf("sensitive %s typed was not kept", tc.field)
				}
				if after := dtDigest(t, e); after != before {
					t.Errorf("a refused form changed the database")
				}
			})
		}
	}
}

// dtEnv is a test environment on dtNow, with alpha's coordinator.
func dtEnv(t *testing.T) (*testEnv, *client) {
	e := newEnv(t)
	e.srv.now = func() time.Time { return dtNow }
	return e, e.signIn(emailAlphaCoord)
}

// TestDatesOfPeople: the new-case form and both household-member forms
// refuse a date of birth, last arrival or release that has not come (in
// the group's zone), one before 1900, and a release before the arrival.
func TestDatesOfPeople(t *testing.T) {
	t.Parallel()
	e, c := dtEnv(t)
	cs := e.cases["alpha"]
	pid := e.principal(cs)
	newCase := func(kv ...string) url.Values {
		return inWith(url.Values{"name": {"Typed Name"}, "status": {"arrived"}, "court": {"Typed Court"}}, kv...)
	}
	person := func(kv ...string) url.Values {
		return inWith(url.Values{"name": {"Typed Name"}, "relationship": {"Typed Rel"}}, kv...)
	}
	people := "/cases/" + cs.ID + "/people"
	edit := people + "/" + pid
	dtRun(t, e, c, []dtCase{
		// The reviewer's inputs.
		{name: "new case, born in the future", path: "/cases", form: newCase("dob", "2030-05-01"), field: "dob", en: dtFuture, es: dtFutureES,
			keep: []string{"Typed Name", "Typed Court"}, keepSensitive: true},
		{name: "new case, arrived in the future", path: "/cases", form: newCase("last_us_arrival", "2031-01-01"), field: "last_us_arrival",
			en: dtFuture, es: dtFutureES, keep: []string{"Typed Name", "2031-01-01"}},
		{name: "new case, released before arriving", path: "/cases", form: newCase("last_us_arrival", "2025-06-10", "release_date", "2025-06-01"),
			field: "release_date", en: dtRelease, es: dtReleaseES, keep: []string{"Typed Name", "2025-06-10", "2025-06-01"}},
		// The same kind of fault: the group's today, not UTC's.
		{name: "new case, arrived tomorrow in New York", path: "/cases", form: newCase("last_us_arrival", "2026-03-04"), field: "last_us_arrival",
			en: dtFuture, es: dtFutureES, keep: []string{"2026-03-04"}},
		{name: "new case, released in the future", path: "/cases", form: newCase("release_date", "2026-04-01"), field: "release_date",
			en: dtFuture, es: dtFutureES, keep: []string{"2026-04-01"}},
		{name: "new case, born in 1850", path: "/cases", form: newCase("dob", "1850-01-01"), field: "dob", en: dtRange, es: dtRangeES,
			keep: []string{"Typed Name"}, keepSensitive: true},
		{name: "new case, arrived in 1899", path: "/cases", form: newCase("last_us_arrival", "1899-12-31"), field: "last_us_arrival",
			en: dtRange, es: dtRangeES, keep: []string{"1899-12-31"}},
		{name: "new case, arrived before being born", path: "/cases", form: newCase("dob", "2001-01-01", "last_us_arrival", "2000-05-01"),
			field: "last_us_arrival", en: dtArrival, es: dtArrivalES, keep: []string{"2000-05-01"}},
		{name: "add person, born in the future", path: people, form: person("dob", "2030-05-01"), field: "dob", en: dtFuture, es: dtFutureES,
			keep: []string{"Typed Name", "Typed Rel"}, keepSensitive: true},
		{name: "add person, released before arriving", path: people, form: person("last_us_arrival", "2025-06-10", "release_date", "2025-06-01"),
			field: "release_date", en: dtRelease, es: dtReleaseES, keep: []string{"Typed Rel", "2025-06-10", "2025-06-01"}},
		{name: "edit person, arrived in the future", path: edit, form: person("last_us_arrival", "2031-01-01"), field: "last_us_arrival",
			en: dtFuture, es: dtFutureES, keep: []string{"Typed Name", "2031-01-01"}},
		{name: "edit person, released before arriving", path: edit, form: person("last_us_arrival", "2025-06-10", "release_date", "2025-06-01"),
			field: "release_date", en: dtRelease, es: dtReleaseES, keep: []string{"2025-06-10", "2025-06-01"}},
		{name: "edit person, not a date", path: edit, form: person("release_date", "2026-02-30"), field: "release_date",
			en: dtNotDate, es: dtNotDateES, keep: []string{"2026-02-30"}},
	})
	// Today in the group's zone, and a release on the day of arrival, are fine.
	if r := c.post(people, person("last_us_arrival", "2026-03-03", "release_date", "2026-03-03", "dob", "1990-01-01")); r.status != s303 {
		t.Errorf("arrived and released today (New York): got %d, want 303; %.600s", r.status, secSnippet(r.body))
	}
}

// TestDatesOfFacts: a fact records something that happened, so no kind
// but a work permit's expiry may be dated after the group's today; a
// pause ends after it starts and not in the future; on the new and the
// correction form.
func TestDatesOfFacts(t *testing.T) {
	t.Parallel()
	e, c := dtEnv(t)
	cs := e.cases["alpha"]
	pid := e.principal(cs)
	facts := "/cases/" + cs.ID + "/facts"
	fid := e.freshFact(cs)
	var cases []dtCase
	for _, k := range []string{"arrival", "move", "i589_filed", "clock_pause", "ead_applied", "ead_granted", "decision", "appeal_filed",
		"final_order", "grant", "fee_notice"} {
		form := url.Values{"kind": {k}, "date": {"2031-05-01"}, "note": {"Typed note"}}
		if k != "arrival" && k != "move" {
			form.Set("person_id", pid)
		}
		cases = append(cases, dtCase{name: k + " in 2031", path: facts, form: form, field: "date", en: dtFuture, es: dtFutureES,
			keep: []string{"2031-05-01"}})
	}
	cases = append(cases,
		dtCase{name: "move tomorrow in New York", path: facts, form: url.Values{"kind": {"move"}, "date": {"2026-03-04"}}, field: "date",
			en: dtFuture, es: dtFutureES, keep: []string{"2026-03-04"}},
		dtCase{name: "move in 1899", path: facts, form: url.Values{"kind": {"move"}, "date": {"1899-01-01"}}, field: "date",
			en: dtRange, es: dtRangeES, keep: []string{"1899-01-01"}},
		dtCase{name: "pause ends in the future", path: facts, form: url.Values{"kind": {"clock_pause"}, "person_id": {pid},
			"date": {"2026-02-01"}, "end_date": {"2026-04-01"}}, field: "end_date", en: dtFuture, es: dtFutureES, keep: []string{"2026-04-01"}},
		dtCase{name: "pause ends before it starts", path: facts, form: url.Values{"kind": {"clock_pause"}, "person_id": {pid},
			"date": {"2026-02-10"}, "end_date": {"2026-02-01"}}, field: "end_date", en: dtEndOrder, es: dtEndOrderES, keep: []string{"2026-02-01"}},
		dtCase{name: "correction to 2031", path: facts + "/" + fid, form: url.Values{"date": {"2031-05-01"}}, field: "date",
			en: dtFuture, es: dtFutureES, keep: []string{"2031-05-01"}},
	)
	dtRun(t, e, c, cases)
	// A work permit's expiry is printed on the card, years ahead: accepted.
	if r := c.post(facts, url.Values{"kind": {"ead_expiry"}, "person_id": {pid}, "date": {"2031-05-01"}}); r.status != s303 {
		t.Errorf("EAD expiry in 2031: got %d, want 303; %.600s", r.status, secSnippet(r.body))
	}
	// A move today in New York is accepted (UTC is already a day ahead).
	if r := c.post(facts, url.Values{"kind": {"move"}, "date": {"2026-03-03"}}); r.status != s303 {
		t.Errorf("move today: got %d, want 303; %.600s", r.status, secSnippet(r.body))
	}
}

// TestDatesDoneAndVetted: a deadline marked done, and a vetting item
// done, on a day that has not come are refused like a fact.
func TestDatesDoneAndVetted(t *testing.T) {
	t.Parallel()
	e, c := dtEnv(t)
	cs := e.cases["alpha"]
	if r := c.post("/cases/"+cs.ID+"/facts", url.Values{"kind": {"arrival"}, "date": {"2026-03-01"}}); r.status != s303 {
		t.Fatalf("arrival: got %d", r.status)
	}
	key := ""
	ctx := context.Background()
	people, _ := e.st.People(ctx, cs.ID, "en")
	computed, _ := e.st.ComputeDeadlines(ctx, cs.ID)
	for _, d := range computed[0].Deadlines {
		if d.RuleID == "eoir33-change-of-address" {
			key = store.DeadlineKey(people[0].ID, d.Key)
		}
	}
	if key == "" {
		t.Fatal("no EOIR-33 deadline computed")
	}
	dtRun(t, e, c, []dtCase{
		{name: "done tomorrow", path: "/cases/" + cs.ID + "/marks", form: url.Values{"key": {key}, "state": {"done"}, "done_on": {"2026-03-04"},
			"note": {"Typed note"}}, field: "done_on", en: dtFuture, es: dtFutureES, keep: []string{"2026-03-04"}},
	})
}

// TestDatesOfQueueEntries: the queue form and the JSON intake API refuse
// a bond decision before the detention began (the reviewer's input), and
// dates out of range, with the same words.
func TestDatesOfQueueEntries(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.srv.now = func() time.Time { return dtNow }
	c := e.signIn(emailNetCoord)
	network := e.orgs["network"]
	path := "/orgs/" + network.ID + "/queue"
	good := url.Values{"pseudonym": {"K.L."}, "adults": {"2"}, "languages": {"es"}, "decision_date": {"2026-03-20"},
		"detained_since": {"2026-01-10"}, "external_ref": {"ref-dates"}}
	dtRun(t, e, c, []dtCase{
		{name: "decision before detention", path: path, form: inWith(good, "decision_date", "2026-01-05"), field: "decision_date",
			en: dtDecision, es: dtDecisionES, keep: []string{"K.L.", "2026-01-05", "2026-01-10", "ref-dates"}},
		{name: "decision in 1900 before detention", path: path, form: inWith(good, "decision_date", "1900-01-01"), field: "decision_date",
			en: dtDecision, es: dtDecisionES, keep: []string{"1900-01-01"}},
		{name: "decision in 1850", path: path, form: inWith(good, "decision_date", "1850-01-01"), field: "decision_date",
			en: dtRange, es: dtRangeES, keep: []string{"1850-01-01"}},
		{name: "detained tomorrow in New York", path: path, form: inWith(good, "detained_since", "2026-03-04"), field: "detained_since",
			en: dtFuture, es: dtFutureES, keep: []string{"2026-03-04"}},
		{name: "decision not a date", path: path, form: inWith(good, "decision_date", "2026-02-30"), field: "decision_date",
			en: dtNotDate, es: dtNotDateES, keep: []string{"2026-02-30"}},
		{name: "A-number", path: path, form: inWith(good, "anumber", "A12"), field: "anumber", en: dtANumber, es: dtANumberES},
		{name: "adults", path: path, form: inWith(good, "adults", "two"), field: "adults", en: dtWholeAdults, es: dtWholeAdultES, keep: []string{"two"}},
	})

	// The intake API: 422, the problem on its field with its code, in the
	// request's language, and nothing written.
	secret, _ := newAPIToken(t, e, network, e.userID(emailNetAdmin))
	before := queued(t, e, network)
	for _, lang := range []string{"en", "es"} {
		res := apiPost(t, e, secret, `{"entries":[{"external_ref":"R-9","pseudonym":"A.B.","adults":1,
			"detained_since":"2026-01-10","decision_date":"2026-01-05"}]}`, http.Header{"Accept-Language": {lang}})
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("API, decision before detention (%s): got %d, want 422; %s", lang, res.status, res.body)
		}
		var ae apiError
		if err := json.Unmarshal([]byte(res.body), &ae); err != nil {
			t.Fatal(err)
		}
		want := "decision_date: " + map[string]string{"en": dtDecision, "es": dtDecisionES}[lang]
		if len(ae.Entries) != 1 || len(ae.Entries[0].Problems) != 1 || ae.Entries[0].Problems[0].Field != "decision_date" ||
			ae.Entries[0].Problems[0].Code != "before_detained" || ae.Entries[0].Problems[0].Message != want {
			t.Errorf("API problems (%s): got %+v, want decision_date/before_detained %q", lang, ae.Entries, want)
		}
	}
	if n := queued(t, e, network); n != before {
		t.Errorf("a refused API call wrote: %d in the queue, want %d", n, before)
	}
}

// TestDatesAndAmountsOfCommitments: what was given lies within what has
// happened of the commitment's period (the reviewer's gift dated 1900,
// before the start), and an amount has its currency's decimals (the
// reviewer's 1000.50 yen), on the commitment and the given forms; amounts
// show with their currency's decimals.
func TestDatesAndAmountsOfCommitments(t *testing.T) {
	t.Parallel()
	e, c := dtEnv(t)
	cs := e.cases["alpha"]
	base := "/cases/" + cs.ID + "/commitments"
	coord := e.userID(emailAlphaCoord)
	open := cmCommitment(t, c, cs.ID, url.Values{"kind": {"housing"}, "starts_on": {"2026-03-01"}, "end_kind": {"open"}, "holder": {coord}})
	ended := cmCommitment(t, c, cs.ID, url.Values{"kind": {"transport"}, "starts_on": {"2026-02-01"}, "end_kind": {"date"},
		"ends_on": {"2026-03-02"}, "holder": {coord}})
	yen := cmCommitment(t, c, cs.ID, url.Values{"kind": {"money"}, "starts_on": {"2026-02-01"}, "end_kind": {"open"},
		"amount": {"30000"}, "currency": {"JPY"}, "frequency": {"monthly"}, "holder": {coord}})
	money := url.Values{"kind": {"money"}, "description": {"Typed rent"}, "starts_on": {"2026-03-01"}, "end_kind": {"open"},
		"currency": {"JPY"}, "frequency": {"monthly"}}
	dtRun(t, e, c, []dtCase{
		{name: "gift in 1900, before the start", path: base + "/" + open + "/given", form: url.Values{"given_on": {"1900-01-01"},
			"description": {"Typed gift"}}, field: "given_on", en: dtGiftStart, es: dtGiftStartES, keep: []string{"1900-01-01", "Typed gift"}},
		{name: "gift the day before the start", path: base + "/" + open + "/given", form: url.Values{"given_on": {"2026-02-28"},
			"description": {"Typed gift"}}, field: "given_on", en: dtGiftStart, es: dtGiftStartES, keep: []string{"2026-02-28"}},
		{name: "gift after the end", path: base + "/" + ended + "/given", form: url.Values{"given_on": {"2026-03-03"},
			"description": {"Typed gift"}}, field: "given_on", en: dtGiftEnd, es: dtGiftEndES, keep: []string{"2026-03-03"}},
		{name: "gift tomorrow in New York", path: base + "/" + open + "/given", form: url.Values{"given_on": {"2026-03-04"},
			"description": {"Typed gift"}}, field: "given_on", en: dtFuture, es: dtFutureES, keep: []string{"2026-03-04"}},
		{name: "gift in 1899", path: base + "/" + open + "/given", form: url.Values{"given_on": {"1899-12-31"},
			"description": {"Typed gift"}}, field: "given_on", en: dtRange, es: dtRangeES, keep: []string{"1899-12-31"}},
		{name: "yen with cents", path: base, form: inWith(money, "amount", "1000.50"), field: "amount", en: dtYen, es: dtYenES,
			keep: []string{"1000.50", "Typed rent", "JPY"}},
		{name: "yen with cents, edit", path: base + "/" + yen, form: inWith(money, "amount", "1000.5"), field: "amount", en: dtYen, es: dtYenES,
			keep: []string{"1000.5"}},
		{name: "yen given with cents", path: base + "/" + yen + "/given", form: url.Values{"given_on": {"2026-03-02"}, "amount": {"1000.50"}},
			field: "amount", en: dtYen, es: dtYenES, keep: []string{"1000.50"}},
		{name: "commitment ends before it starts", path: base, form: inWith(money, "amount", "1000", "end_kind", "date", "ends_on", "2026-02-01"),
			field: "ends_on", en: dtEndOrder, es: dtEndOrderES, keep: []string{"2026-02-01"}},
	})
	// The edges are accepted: the first and the last day, and today. (And
	// the digest sees a write: "unchanged" above means something.)
	before := dtDigest(t, e)
	for _, g := range []struct{ id, day string }{{open, "2026-03-01"}, {open, "2026-03-03"}, {ended, "2026-03-02"}} {
		if r := c.post(base+"/"+g.id+"/given", url.Values{"given_on": {g.day}, "description": {"x"}}); r.status != s303 {
			t.Errorf("gift on %s: got %d, want 303; %.600s", g.day, r.status, secSnippet(r.body))
		}
	}
	if dtDigest(t, e) == before {
		t.Errorf("the database digest did not change after three gifts were recorded")
	}
	// An edit may not leave what was given outside the period.
	dtRun(t, e, c, []dtCase{
		{name: "edit: start after the first gift", path: base + "/" + open, form: url.Values{"kind": {"housing"}, "starts_on": {"2026-03-02"},
			"end_kind": {"open"}}, field: "starts_on", en: "The start date must be the same as or before the first day something was given, Sunday 1 March 2026.",
			es: "La fecha de inicio debe ser igual o anterior al primer día en que se dio algo, domingo 1 de marzo de 2026.", keep: []string{"2026-03-02"}},
		{name: "edit: end before the last gift", path: base + "/" + ended, form: url.Values{"kind": {"transport"}, "starts_on": {"2026-02-01"},
			"end_kind": {"date"}, "ends_on": {"2026-03-01"}}, field: "ends_on", en: "The end date must be the same as or after the last day something was given, Monday 2 March 2026.",
			es: "La fecha de fin debe ser igual o posterior al último día en que se dio algo, lunes 2 de marzo de 2026.", keep: []string{"2026-03-01"}},
	})
	// Yen without decimals is accepted and shown without them, in the
	// edit form too.
	if r := c.post(base+"/"+yen+"/given", url.Values{"given_on": {"2026-03-02"}, "amount": {"1000"}}); r.status != s303 {
		t.Errorf("1000 yen given: got %d, want 303; %.600s", r.status, secSnippet(r.body))
	}
	page := html.UnescapeString(c.get(base + "/" + yen).body)
	if !strings.Contains(page, "30,000 JPY") || !strings.Contains(page, "1,000 JPY") || strings.Contains(page, "30,000.00 JPY") {
		t.Errorf("yen page: want 30,000 JPY and 1,000 JPY without decimals; %.2000s", secSnippet(page))
	}
	if edit := c.get(base + "/" + yen + "/edit").body; !strings.Contains(edit, `value="30000"`) {
		t.Errorf("yen edit form: want the amount as 30000; %.2000s", secSnippet(edit))
	}
}
