package web

import (
	"net/url"
	"testing"
)

// Fuzz targets of commitments and coverage: the form decoders, and every
// POST as a coordinator and as a member. Whatever the body, no 5xx and no
// internal error text.

func FuzzCommitmentForm(f *testing.F) {
	fzFormTarget[commitmentForm](f, url.Values{"kind": {"money"}, "description": {"Rent"}, "starts_on": {"2026-03-01"},
		"end_kind": {"date"}, "ends_on": {"2026-09-01"}, "amount": {"12.345"}, "currency": {"usd"}, "frequency": {"monthly"}})
}

func FuzzGivenForm(f *testing.F) {
	fzFormTarget[givenForm](f, url.Values{"given_on": {"2026-03-01"}, "amount": {"١٢"}, "description": {"x"}, "note": {"n"}})
}

func FuzzNeedForm(f *testing.F) {
	fzFormTarget[needForm](f, url.Values{"kind": {"housing"}, "until": {"2026-09-01"}})
}

func FuzzGoingForm(f *testing.F) {
	fzFormTarget[goingForm](f, url.Values{"role": {"driver"}, "user_id": {"ab"}, "return": {"home"}})
}

func FuzzCommitmentPosts(f *testing.F) {
	forms := []url.Values{
		{"kind": {"money"}, "starts_on": {"2026-03-01"}, "end_kind": {"open"}, "amount": {"1e3"}, "currency": {"USD"}, "frequency": {"once"}},
		{"kind": {"housing"}, "starts_on": {"2026-03-01"}, "end_kind": {"date"}, "ends_on": {"2026-01-01"}, "holder": {"x"}},
		{"given_on": {"2026-03-01"}, "amount": {"-5"}, "description": {"x"}, "given_by": {"y"}},
		{"confirm": {"1"}},
		{"user_id": {""}, "return": {"case"}},
		{"kind": {"transport"}, "until": {"2026-01-01"}},
		{"role": {"interpreter"}, "return": {"tasks"}},
	}
	// Every tricky body as the coordinator; the member gets the valid ones
	// (the fuzzer varies both from there): seeds run in every go test.
	for i, form := range forms {
		fzAddSeeds(f, form, uint8(i), false)
		f.Add(form.Encode(), uint8(i), true)
	}
	e := newEnv(f)
	coord, mem := fzSignedIn(e, emailAlphaCoord), fzSignedIn(e, emailAlphaMem)
	c := e.cases["alpha"]
	cm := e.freshCommitment(c, e.userID(emailAlphaCoord), e.userID(emailAlphaMem))
	appt := e.freshAppointment(c)
	base := "/cases/" + c.ID
	paths := []string{base + "/commitments", base + "/commitments/" + cm, base + "/commitments/" + cm + "/given",
		base + "/commitments/" + cm + "/holders", base + "/commitments/" + cm + "/holders/remove", base + "/needs",
		base + "/appointments/" + appt + "/going", base + "/appointments/" + appt + "/going/remove",
		base + "/commitments/" + cm + "/cancel"}
	f.Fuzz(func(t *testing.T, body string, which uint8, asMember bool) {
		path := paths[int(which)%len(paths)]
		who := coord
		if asMember {
			who = mem
		}
		fzCheckResponse(t, "POST "+path, body, who.post(path, body))
	})
}
