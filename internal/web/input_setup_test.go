package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestInputSetup(t *testing.T) {
	t.Parallel()
	e := newEmptyEnv(t)
	c := e.client()
	base := url.Values{
		"org_name": {"Harbour Friends"}, "org_kind": {"group"}, "time_zone": {"America/Chicago"}, "name": {"Rosa Quintero"},
		"email": {"rosa@harbour.example.org"}, "password": {inGoodPassword}, "password_confirm": {inGoodPassword},
	}
	secrets := []string{inGoodPassword, inOtherPassword, inShortPassword, inCommonPassword}
	allEmpty := url.Values{"org_name": {""}, "org_kind": {""}, "time_zone": {""}, "name": {""}, "email": {""}, "password": {""}, "password_confirm": {""}}
	cases := []inCase{
		{name: "all empty", form: allEmpty,
			errs: map[string]string{"org_name": inNeedOrgName, "org_kind": inNeedOrgKind, "time_zone": inNeedTimeZone, "name": inNeedYourName,
				"email": inNeedYourEmail, "password": inNeedNewPassword, "password_confirm": inNeedPasswordAgain}},
		{name: "time zone not offered", form: inWith(base, "time_zone", "Mars/Olympus_Mons"),
			errs: map[string]string{"time_zone": inZone}, keep: []string{"Harbour Friends", "Rosa Quintero"}, secret: secrets},
		{name: "time zone UTC is not a choice", form: inWith(base, "time_zone", "UTC"),
			errs: map[string]string{"time_zone": inZone}, keep: []string{"Harbour Friends"}, secret: secrets},
		{name: "time zone not offered in Spanish", form: inWith(base, "time_zone", "../../etc/passwd"), lang: "es",
			errs: map[string]string{"time_zone": inZoneES}, secret: secrets},
		{name: "all empty in Spanish", form: allEmpty, lang: "es",
			errs: map[string]string{"org_name": inNeedOrgNameES, "name": inNeedYourNameES, "email": inNeedYourEmailES,
				"password": inNeedNewPasswordES, "password_confirm": inNeedPasswordAgainES}},
		{name: "no fields at all", form: url.Values{},
			errs: map[string]string{"org_name": inNeedOrgName, "email": inNeedYourEmail, "password": inNeedNewPassword}},
		{name: "only spaces", form: inWith(base, "org_name", "   ", "name", " \t "),
			errs: map[string]string{"org_name": inNeedOrgName, "name": inNeedYourName}, keep: []string{"rosa@harbour.example.org"}},
		{name: "org name too long", form: inWith(base, "org_name", inLong(201)),
			errs: map[string]string{"org_name": inMax("200")}, keep: []string{inLong(201), "Rosa Quintero", "rosa@harbour.example.org"},
			secret: secrets, absent: []string{inNeedOrgName, inNeedYourName, inNeedYourEmail}},
		{name: "name too long", form: inWith(base, "name", inLong(101)),
			errs: map[string]string{"name": inMax("100")}, keep: []string{"Harbour Friends", inLong(101)}, secret: secrets},
		{name: "email too long", form: inWith(base, "email", inEmailOfLen(255)),
			errs: map[string]string{"email": inMax("254")}, keep: []string{inEmailOfLen(255)}, secret: secrets},
		{name: "invalid email", form: inWith(base, "email", "rosa-at-harbour"),
			errs: map[string]string{"email": inEmail}, keep: []string{"rosa-at-harbour", "Harbour Friends", "Rosa Quintero"}, secret: secrets},
		{name: "invalid email in Spanish", form: inWith(base, "email", "rosa-at-harbour"), lang: "es",
			errs: map[string]string{"email": inEmailES}, keep: []string{"rosa-at-harbour"}, secret: secrets},
		{name: "org kind not offered", form: inWith(base, "org_kind", "empire"),
			errs: map[string]string{"org_kind": inChoice}, keep: []string{"Harbour Friends"}, secret: secrets},
		{name: "invalid UTF-8 in org name", form: inWith(base, "org_name", "Harbour\xff\xfe"),
			errs: map[string]string{"org_name": inChars}, keep: []string{"Rosa Quintero"}, secret: secrets},
		{name: "invalid UTF-8 in Spanish", form: inWith(base, "name", "Rosa\xff\xfe"), lang: "es",
			errs: map[string]string{"name": inCharsES}, secret: secrets},
		{name: "control character in name", form: inWith(base, "name", "Rosa\x01Quintero"),
			errs: map[string]string{"name": inChars}, keep: []string{"Harbour Friends"}, secret: secrets},
		{name: "control character in email", form: inWith(base, "email", "rosa\x01@harbour.example.org"),
			errs: map[string]string{"email": inChars}, secret: secrets},
		{name: "passwords differ", form: inWith(base, "password_confirm", inOtherPassword),
			errs: map[string]string{"password_confirm": inMismatch}, keep: []string{"Harbour Friends", "Rosa Quintero", "rosa@harbour.example.org"},
			secret: secrets},
		{name: "passwords differ in Spanish", form: inWith(base, "password_confirm", inOtherPassword), lang: "es",
			errs: map[string]string{"password_confirm": inMismatchES}, secret: secrets},
		{name: "password too short", form: inWith(base, "password", inShortPassword, "password_confirm", inShortPassword),
			errs: map[string]string{"password": inShort}, keep: []string{"rosa@harbour.example.org"}, secret: secrets},
		{name: "password too short in Spanish", form: inWith(base, "password", inShortPassword, "password_confirm", inShortPassword), lang: "es",
			errs: map[string]string{"password": inShortES}, secret: secrets},
		{name: "common password", form: inWith(base, "password", inCommonPassword, "password_confirm", inCommonPassword),
			errs: map[string]string{"password": inCommon}, secret: secrets},
		{name: "common password in Spanish", form: inWith(base, "password", "Password2026!", "password_confirm", "Password2026!"), lang: "es",
			errs: map[string]string{"password": inCommonES}, secret: append(secrets, "Password2026!")},
		{name: "password with the name", form: inWith(base, "password", "rosaquintero-rocks-99", "password_confirm", "rosaquintero-rocks-99"),
			errs: map[string]string{"password": inPersonal}, secret: []string{"rosaquintero-rocks-99"}},
		{name: "password too long", form: inWith(base, "password", inLong(129)+"Q1", "password_confirm", inLong(129)+"Q1"),
			errs: map[string]string{"password": inMax("128")}, secret: []string{inLong(129)}},
		{name: "control character in password", form: inWith(base, "password", inGoodPassword+"\x01", "password_confirm", inGoodPassword+"\x01"),
			errs: map[string]string{"password": inChars}, secret: secrets},
	}
	inRun(t, e, c, e.setupPath(), cases, func(t *testing.T) {
		if res := e.client().get(e.setupPath()); res.status != http.StatusOK {
			t.Errorf("GET /setup after a rejected setup: got %d, want 200 (setup still open)", res.status)
		}
	})
	inOversize(t, e, c, e.setupPath(), "org_name")
	if n := e.count("users"); n != 0 {
		t.Errorf("users after rejected setups: got %d, want 0", n)
	}
	// The form shows the kind chosen, not the default, when it comes back.
	res := c.post(e.setupPath(), inWith(base, "name", "", "org_kind", "network"))
	if !strings.Contains(res.body, `value="network" checked`) {
		t.Errorf("chosen kind not kept: want the network choice checked")
	}
}
