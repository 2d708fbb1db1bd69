package web

import (
	"html"
	"net/url"
	"strings"
	"testing"
)

// TestAmountsRefused: the amounts, and the same kinds of fault,
// answer 422 with the error summary and a message for the amount, keep
// what was typed, and write nothing: on the commitment form and on the
// form that records what was given, in both languages.
func TestAmountsRefused(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord := e.signIn(emailAlphaCoord)
	c := e.cases["alpha"]
	money := cmCommitment(t, coord, c.ID, url.Values{"kind": {"money"}, "starts_on": {cmDay(-30)}, "end_kind": {"open"},
		"amount": {"600"}, "currency": {"USD"}, "frequency": {"monthly"}, "holder": {e.userID(emailAlphaCoord)}})
	for _, tc := range []struct{ amount, en, es string }{
		{"0", "must be more than 0", "debe ser mayor que 0"},
		{"-5", "must be more than 0", "debe ser mayor que 0"},
		{"0.00", "must be more than 0", "debe ser mayor que 0"},
		{"12.345", "The amount must have at most 2 decimals in USD.", "La cantidad debe tener como máximo 2 decimales en USD."},
		{"1e3", "digits 0 to 9 and a point", "números del 0 al 9 y un punto"},
		{"١٢", "Enter the amount with the digits 0 to 9.", "Escriba la cantidad con los números del 0 al 9."},
		{"1,000", "digits 0 to 9 and a point", "números del 0 al 9 y un punto"},
		{"€50", "This amount is in USD: type it without another currency's sign or code.", "Esta cantidad es en USD: escríbala sin el signo ni el código de otra moneda."}, // "$50" is taken: TestAmountWithCurrencySign
		{"$5$", "digits 0 to 9 and a point", "números del 0 al 9 y un punto"},
		{"1000000.01", "The amount must be $1,000,000.00 or less.", "La cantidad debe ser $1,000,000.00 o menos."},
		{"", "Enter the amount.", "Escriba la cantidad."},
	} {
		for _, lang := range []string{"en", "es"} {
			cmPost(t, coord, "/lang", url.Values{"lang": {lang}, "return": {"/"}}, s303)
			want := tc.en
			if lang == "es" {
				want = tc.es
			}
			before := cmCounts(e)
			forms := []struct {
				path string
				form url.Values
			}{
				{"/cases/" + c.ID + "/commitments", url.Values{"kind": {"money"}, "description": {"Rent"}, "starts_on": {cmDay(0)},
					"end_kind": {"open"}, "amount": {tc.amount}, "currency": {"USD"}, "frequency": {"monthly"}}},
				{"/cases/" + c.ID + "/commitments/" + money + "/given", url.Values{"given_on": {cmDay(0)}, "amount": {tc.amount}}},
			}
			for _, f := range forms {
				res := coord.post(f.path, f.form)
				label := "POST " + f.path + " amount " + tc.amount + " (" + lang + ")"
				if res.status != s422 {
					t.Errorf("%s: got %d, want 422", label, res.status)
					continue
				}
				summary := res.body[strings.Index(res.body, "<main"):]
				if !strings.Contains(summary, `class="error-summary"`) {
					t.Errorf("%s: no error summary", label)
				}
				if !strings.Contains(html.UnescapeString(res.body), want) {
					t.Errorf("%s: got no message %q", label, want)
				}
				if tc.amount != "" && !strings.Contains(res.body, `value="`+html.EscapeString(tc.amount)+`"`) {
					t.Errorf("%s: the typed amount is not kept", label)
				}
			}
			cmSameCounts(t, "amount "+tc.amount, before, cmCounts(e))
		}
	}
	cmPost(t, coord, "/lang", url.Values{"lang": {"en"}, "return": {"/"}}, s303)
	// What is accepted is stored exactly, in cents.
	cmPost(t, coord, "/cases/"+c.ID+"/commitments/"+money+"/given", url.Values{"given_on": {cmDay(0)}, "amount": {"12.10"}}, s303)
	page := coord.get("/cases/" + c.ID + "/commitments/" + money)
	if !strings.Contains(page.body, "$12.10") {
		t.Errorf("a record of 12.10: page shows no $12.10")
	}
}

// TestCommitmentFormsRefuseBadInput: every form of commitments and
// coverage answers bad input with 422, an error summary (whole-page forms
// and the case page's forms), a message naming the field, and nothing
// written.
func TestCommitmentFormsRefuseBadInput(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord, mem := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)
	c := e.cases["alpha"]
	housing := cmCommitment(t, coord, c.ID, url.Values{"kind": {"housing"}, "starts_on": {cmDay(-10)}, "end_kind": {"open"},
		"holder": {e.userID(emailAlphaCoord)}})
	mine := cmCommitment(t, mem, c.ID, url.Values{"kind": {"school"}, "starts_on": {cmDay(-10)}, "end_kind": {"open"}})
	appt := cmAppointment(t, e, coord, c.ID, "master_hearing", cmDay(5))
	newC := "/cases/" + c.ID + "/commitments"
	valid := func(kv ...string) url.Values {
		v := url.Values{"kind": {"housing"}, "description": {"Kept text"}, "starts_on": {cmDay(0)}, "end_kind": {"date"},
			"ends_on": {cmDay(90)}}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	for _, tc := range []struct {
		name  string
		who   *client
		path  string
		form  url.Values
		field string // id the summary links to
		msg   string
	}{
		{"period ends before it starts", coord, newC, valid("ends_on", cmDay(-1)), "ends_on", "The end date must be the same as or after the start date."},
		{"ends on a date, no date", coord, newC, valid("ends_on", ""), "ends_on", "Enter the day it ends"},
		{"no kind", coord, newC, valid("kind", ""), "kind", "Select what the group commits to give."},
		{"unknown kind", coord, newC, valid("kind", "castle"), "kind", "Choose one of the options."},
		{"no start", coord, newC, valid("starts_on", ""), "starts_on", "Enter the day it starts."},
		{"a start that does not exist", coord, newC, valid("starts_on", "2026-02-30"), "starts_on", "a real date, with its day, month and year."},
		{"unknown way to end", coord, newC, valid("end_kind", "never"), "end_kind", "Choose one of the options."},
		{"control characters", coord, newC, valid("description", "a\x00b"), "description", "cannot be used"},
		{"too long", coord, newC, valid("description", strings.Repeat("x", 501)), "description", "at most 500"},
		{"an amount on housing", coord, newC, valid("amount", "50"), "amount", "only for money"},
		{"currency not ISO 4217", coord, newC, valid("kind", "money", "amount", "50", "frequency", "monthly", "currency", "US$"), "currency", "3 letters"},
		{"currency not in circulation", coord, newC, valid("kind", "money", "amount", "50", "frequency", "monthly", "currency", "XAU"), "currency", "3 letters"},
		{"money without a frequency", coord, newC, valid("kind", "money", "amount", "50"), "frequency", "Select how often."},
		{"holder from another group", coord, newC, valid("holder", e.userID(emailBetaCoord)), "holder", "Choose one of the options."},
		{"edit: ends before it starts", coord, newC + "/" + housing, valid("ends_on", cmDay(-1)), "ends_on", "The end date must be the same as or after the start date."},
		{"member edits their own: bad kind", mem, newC + "/" + mine, valid("kind", "castle"), "kind", "Choose one of the options."},
		{"given: in the future", coord, newC + "/" + housing + "/given", url.Values{"given_on": {cmDay(1)}, "description": {"x"}}, "given_on", "The date must be today or in the past."},
		{"given: no description", coord, newC + "/" + housing + "/given", url.Values{"given_on": {cmDay(0)}}, "description", "Enter what was given."},
		{"given: an amount on housing", coord, newC + "/" + housing + "/given", url.Values{"given_on": {cmDay(0)}, "description": {"x"}, "amount": {"5"}}, "amount", "only for money"},
		{"given: by someone of another group", coord, newC + "/" + housing + "/given", url.Values{"given_on": {cmDay(0)}, "description": {"x"}, "given_by": {e.userID(emailBetaCoord)}}, "given_by", "Choose one of the options."},
		{"given: a member names someone else", mem, newC + "/" + mine + "/given", url.Values{"given_on": {cmDay(0)}, "description": {"x"}, "given_by": {e.userID(emailAlphaCoord)}}, "given_by", "Choose one of the options."},
		{"assign someone of another group", coord, newC + "/" + housing + "/holders", url.Values{"user_id": {e.userID(emailBetaCoord)}}, "user_id", "Choose one of the options."},
		{"need: unknown kind", coord, "/cases/" + c.ID + "/needs", url.Values{"kind": {"castle"}}, "kind", "Choose one of the options."},
		{"need: until a day that passed", coord, "/cases/" + c.ID + "/needs", url.Values{"kind": {"housing"}, "until": {cmDay(-1)}}, "until", "The date must be today or in the future."},
		{"need: until a day that does not exist", coord, "/cases/" + c.ID + "/needs", url.Values{"kind": {"housing"}, "until": {"2026-13-01"}}, "until", "a real date, with its day, month and year."},
		{"going: unknown role", mem, "/cases/" + c.ID + "/appointments/" + appt + "/going", url.Values{"role": {"pilot"}}, "role", "Choose one of the options."},
		{"going: no role", mem, "/cases/" + c.ID + "/appointments/" + appt + "/going", url.Values{}, "role", "Select what they do there."},
		{"going: someone of another group", coord, "/cases/" + c.ID + "/appointments/" + appt + "/going", url.Values{"role": {"driver"}, "user_id": {e.userID(emailBetaCoord)}}, "user_id", "Choose one of the options."},
	} {
		before := cmCounts(e)
		res := tc.who.post(tc.path, tc.form)
		if res.status != s422 {
			t.Errorf("%s: got %d, want 422; %.400s", tc.name, res.status, secSnippet(res.body))
			continue
		}
		main := secSnippet(res.body)
		if !strings.Contains(main, `class="error-summary"`) || !strings.Contains(main, `href="#`+tc.field+`"`) {
			t.Errorf("%s: got no error summary linking to #%s", tc.name, tc.field)
		}
		if !strings.Contains(main, `id="`+tc.field) {
			t.Errorf("%s: the summary links to #%s, which is not on the page", tc.name, tc.field)
		}
		if !strings.Contains(html.UnescapeString(main), tc.msg) {
			t.Errorf("%s: got no message %q", tc.name, tc.msg)
		}
		// A field left empty: the summary and the field say the same words.
		if strings.HasPrefix(tc.msg, "Select ") || strings.HasSuffix(tc.msg, ".") && strings.HasPrefix(tc.msg, "Enter ") {
			for _, want := range []string{`href="#` + tc.field + `">` + tc.msg + `</a>`, `id="` + tc.field + `-error">` + tc.msg + `</p>`} {
				if !strings.Contains(html.UnescapeString(main), want) {
					t.Errorf("%s: want %q in the page", tc.name, want)
				}
			}
		}
		cmSameCounts(t, tc.name, before, cmCounts(e))
		if strings.HasPrefix(tc.path, newC) && tc.form.Get("description") == "Kept text" && !strings.Contains(res.body, `value="Kept text"`) {
			t.Errorf("%s: what was typed is not kept", tc.name)
		}
	}
	// A period of one day ends on the day it starts: accepted.
	cmCommitment(t, coord, c.ID, valid("ends_on", cmDay(0)))
}
