package web

import (
	"net/url"
	"testing"
)

func TestInputLogin(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.client()
	secrets := []string{testPassword, inGoodPassword}
	cases := []inCase{
		{name: "all empty", form: url.Values{"email": {""}, "password": {""}},
			errs: map[string]string{"email": inNeedYourEmail, "password": inNeedYourPassword}},
		{name: "all empty in Spanish", form: url.Values{"email": {""}, "password": {""}}, lang: "es",
			errs: map[string]string{"email": inNeedYourEmailES, "password": inNeedYourPasswordES}},
		{name: "password missing", form: url.Values{"email": {emailNetAdmin}},
			errs: map[string]string{"password": inNeedYourPassword}, keep: []string{emailNetAdmin}, absent: []string{inEmail}},
		{name: "email too long", form: url.Values{"email": {inEmailOfLen(255)}, "password": {testPassword}},
			errs: map[string]string{"email": inMax("254")}, keep: []string{inEmailOfLen(255)}, secret: secrets},
		{name: "invalid email", form: url.Values{"email": {"ana-at-network"}, "password": {testPassword}},
			errs: map[string]string{"email": inEmail}, keep: []string{"ana-at-network"}, secret: secrets},
		{name: "invalid email in Spanish", form: url.Values{"email": {"ana-at-network"}, "password": {testPassword}}, lang: "es",
			errs: map[string]string{"email": inEmailES}, keep: []string{"ana-at-network"}, secret: secrets},
		{name: "invalid UTF-8 in email", form: url.Values{"email": {"admin\xff\xfe@network.example.org"}, "password": {testPassword}},
			errs: map[string]string{"email": inChars}, secret: secrets},
		{name: "control character in email", form: url.Values{"email": {"admin\x01@network.example.org"}, "password": {testPassword}},
			errs: map[string]string{"email": inChars}, secret: secrets},
		{name: "control character in password", form: url.Values{"email": {emailNetAdmin}, "password": {testPassword + "\x01"}},
			errs: map[string]string{"password": inChars}, keep: []string{emailNetAdmin}, secret: secrets},
		{name: "password too long", form: url.Values{"email": {emailNetAdmin}, "password": {inLong(129)}},
			errs: map[string]string{"password": inMax("128")}, keep: []string{emailNetAdmin}, secret: []string{inLong(129)}},
	}
	inRun(t, e, c, "/login", cases, nil)
	inOversize(t, e, c, "/login", "email")
}
