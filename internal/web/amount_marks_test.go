package web

import (
	"html"
	"net/url"
	"strings"
	"testing"
)

// TestAmountWithCurrencySign: an amount typed with its currency's sign or
// code ("$300", "300 $", "US$300", "USD 1 500") is taken, on the new
// commitment and on money given; another currency's ("€300" for USD) is
// refused with a message naming the commitment's currency, in English and
// Spanish, and changes nothing. The review found "$300" refused.
func TestAmountWithCurrencySign(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord := e.signIn(emailAlphaCoord)
	c := e.cases["alpha"]
	money := func(amount string) url.Values {
		return url.Values{"kind": {"money"}, "starts_on": {cmDay(0)}, "end_kind": {"open"},
			"amount": {amount}, "currency": {"USD"}, "frequency": {"monthly"}}
	}
	for amount, want := range map[string]string{"$300": "$300.00", "300 $": "$300.00", "US$300": "$300.00", "USD 1 500": "$1,500.00"} {
		id := cmCommitment(t, coord, c.ID, money(amount))
		if body := coord.get("/cases/" + c.ID + "/commitments/" + id).body; !strings.Contains(body, want) {
			t.Errorf("amount %q: the commitment does not say %s", amount, want)
		}
	}
	id := cmCommitment(t, coord, c.ID, money("45"))
	given := "/cases/" + c.ID + "/commitments/" + id + "/given"
	cmPost(t, coord, given, url.Values{"given_on": {cmDay(0)}, "amount": {"$45"}}, s303)
	if body := coord.get("/cases/" + c.ID + "/commitments/" + id).body; !strings.Contains(body, "$45.00 given of $45.00") {
		t.Errorf("money given as \"$45\" is not recorded as $45.00")
	}

	for lang, msg := range map[string]string{
		"en": "This amount is in USD: type it without another currency's sign or code.",
		"es": "Esta cantidad es en USD: escríbala sin el signo ni el código de otra moneda.",
	} {
		cmPost(t, coord, "/lang", url.Values{"lang": {lang}, "return": {"/"}}, s303)
		before := cmCounts(e)
		for _, tc := range []struct {
			path string
			form url.Values
		}{
			{"/cases/" + c.ID + "/commitments", money("€300")},
			{"/cases/" + c.ID + "/commitments", money("300 CAD")},
			{given, url.Values{"given_on": {cmDay(0)}, "amount": {"£45"}}},
		} {
			r := coord.post(tc.path, tc.form)
			body := html.UnescapeString(r.body)
			if r.status != 422 || !strings.Contains(body, msg) || !strings.Contains(body, `value="`+tc.form.Get("amount")+`"`) {
				t.Errorf("%s %s amount %q: got %d, want 422 saying %q with the amount kept", lang, tc.path, tc.form.Get("amount"), r.status, msg)
			}
		}
		cmSameCounts(t, lang+" refused amounts", before, cmCounts(e))
	}
}
