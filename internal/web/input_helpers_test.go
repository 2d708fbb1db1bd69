package web

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Field messages as the locale files (internal/i18n/locales) have them, English and Spanish. They are
// spelled out here rather than looked up, so a broken lookup fails the tests.
const (
	inEmail          = "Enter an email like name@example.org."
	inEmailES        = "Escriba un correo como nombre@ejemplo.org."
	inChoice         = "Choose one of the options."
	inChars          = "This contains characters that cannot be used."
	inCharsES        = "Contiene caracteres que no se pueden usar."
	inMismatch       = "The two passwords do not match."
	inMismatchES     = "Las dos contraseñas no coinciden."
	inShort          = "Use at least 12 characters."
	inShortES        = "Use al menos 12 caracteres."
	inCommon         = "This password is too common. Choose another: three or four words that have nothing to do with each other are strong and easy to remember."
	inCommonES       = "Esta contraseña es demasiado común. Elija otra: tres o cuatro palabras que no tengan relación entre sí son seguras y fáciles de recordar."
	inPersonal       = "Do not use your name, email or organisation in the password: they are the first things someone who knows you would try."
	inPersonalES     = "No use su nombre, su correo ni su organización en la contraseña: es lo primero que probaría alguien que sepa quién es usted."
	inKeyboard       = "This password is too easy to guess: rows of keys such as qwerty or asdf are among the first things tried. Use three or four words that have nothing to do with each other instead."
	inKeyboardES     = "Esta contraseña es demasiado fácil de adivinar: las filas de teclas como qwerty o asdf son de lo primero que se prueba. Use en su lugar tres o cuatro palabras que no tengan relación entre sí."
	inSequence       = "This password is too easy to guess: sequences such as abcd or 1234 are among the first things tried. Use three or four words that have nothing to do with each other instead."
	inWordsES        = "Esta contraseña es demasiado fácil de adivinar: una o dos palabras comunes son de lo primero que se prueba. Agregue dos o tres palabras más que no tengan relación entre sí."
	inTooLarge       = "What was sent is too large."
	inTooLargeES     = "Lo enviado es demasiado grande."
	inLastManagerNet = "A network must keep at least one admin: make someone else an admin first."
	inLastManagerGrp = "A group must keep at least one coordinator: make someone else a coordinator first."
	inGoodPassword   = "Lantern-Orchard-Meadow-27"
	inOtherPassword  = "Copper-Violin-Harbour-58"
	inShortPassword  = "Qz7!kp-w"
	inCommonPassword = "password1234"
)

// What a required field left empty says: each names what to enter or
// select (err.required.* in the locale files), English and Spanish.
const (
	inNeedGroupName         = "Enter the name of the sponsor group."
	inNeedGroupNameES       = "Escriba el nombre del grupo patrocinador."
	inNeedInviteEmail       = "Enter the email of the person you are inviting."
	inNeedInviteEmailES     = "Escriba el correo electrónico de la persona que invita."
	inNeedRole              = "Select a role."
	inNeedRoleES            = "Elija un rol."
	inNeedYourName          = "Enter your name."
	inNeedYourNameES        = "Escriba su nombre."
	inNeedYourEmail         = "Enter your email."
	inNeedYourEmailES       = "Escriba su correo electrónico."
	inNeedYourPassword      = "Enter your password."
	inNeedYourPasswordES    = "Escriba su contraseña."
	inNeedCurrentPassword   = "Enter your current password."
	inNeedCurrentPasswordES = "Escriba su contraseña actual."
	inNeedNewPassword       = "Enter a new password."
	inNeedNewPasswordES     = "Escriba una contraseña nueva."
	inNeedPasswordAgain     = "Enter the new password again."
	inNeedPasswordAgainES   = "Escriba otra vez la contraseña nueva."
	inNeedOrgName           = "Enter the name of the organisation."
	inNeedOrgNameES         = "Escriba el nombre de la organización."
	inNeedOrgKind           = "Select what kind of organisation it is."
	inNeedOrgKindES         = "Elija qué tipo de organización es."
	inNeedTimeZone          = "Select the time zone."
	inNeedTimeZoneES        = "Elija la zona horaria."
	inNeedApptKind          = "Select the kind of hearing or appointment."
	inNeedApptKindES        = "Elija el tipo de audiencia o cita."
	inNeedApptDate          = "Enter the date of the hearing or appointment."
	inNeedApptDateES        = "Escriba la fecha de la audiencia o cita."
)

func inMax(n string) string   { return "Use at most " + n + " characters." }
func inMaxES(n string) string { return "Use como máximo " + n + " caracteres." }

// inCase is one rejected submission of a form.
type inCase struct {
	name string
	form url.Values
	lang string // Accept-Language, "" for none
	// errs maps a field name to its message; the key "" is the message
	// about the form as a whole.
	errs map[string]string
	// keep are values that must come back in the re-rendered form.
	keep []string
	// secret are values (passwords) that must not appear in the response.
	secret []string
	// absent are messages that must not be shown (fields that were fine).
	absent []string
}

// inFieldError is how the templates show a field's message.
func inFieldError(field, msg string) string {
	if field == "" {
		return secEsc(msg) + "</p>"
	}
	return `id="` + field + `-error">` + secEsc(msg) + "</p>"
}

// inRun posts every case to path and checks: 422, each field's message in
// the right place, typed values kept, passwords not echoed, and no row
// written anywhere. after, if given, runs after each case for form-specific
// checks.
func inRun(t *testing.T, e *testEnv, c *client, path string, cases []inCase, after func(t *testing.T)) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := secCounts(e)
			var h http.Header
			if tc.lang != "" {
				h = secHeader("Accept-Language", tc.lang)
			}
			res := c.postRaw(path, tc.form.Encode(), h)
			secStatus(t, "POST "+path, res, http.StatusUnprocessableEntity)
			secCheckHeaders(t, "422", res.header)
			wantLang := `<html lang="en"`
			if tc.lang == "es" {
				wantLang = `<html lang="es"`
			}
			if !strings.Contains(res.body, wantLang) {
				t.Errorf("page language: want %s", wantLang)
			}
			for field, msg := range tc.errs {
				if !strings.Contains(res.body, inFieldError(field, msg)) {
					t.Errorf("field %q: message %q not shown; body: %.1500s", field, msg, secSnippet(res.body))
				}
			}
			for _, msg := range tc.absent {
				if strings.Contains(res.body, secEsc(msg)) {
					t.Errorf("message %q shown, want it absent", msg)
				}
			}
			for _, v := range tc.keep {
				if !strings.Contains(res.body, `value="`+secEsc(v)+`"`) {
					t.Errorf("typed value %q not kept in the form", v)
				}
			}
			for _, s := range tc.secret {
				if s != "" && strings.Contains(res.body, s) {
					t.Errorf("password %q echoed back in the page", s)
				}
			}
			secSameCounts(t, "rejected form", before, secCounts(e))
			if after != nil {
				after(t)
			}
		})
	}
}

// inOversize posts a body over 1 MiB to path, once with a Content-Length
// and once chunked (no length known in advance, so the handler's own read
// hits the cap), and checks 413 with nothing written.
func inOversize(t *testing.T, e *testEnv, c *client, path, field string) {
	t.Helper()
	body := url.Values{field: {strings.Repeat("a", maxFormBytes)}}.Encode() + "&x=1"
	for _, chunked := range []bool{false, true} {
		name := "oversize with length"
		if chunked {
			name = "oversize chunked"
		}
		t.Run(name, func(t *testing.T) {
			before := secCounts(e)
			var r io.Reader = strings.NewReader(body)
			if chunked {
				r = io.MultiReader(r) // hides the length from net/http
			}
			req, err := http.NewRequest(http.MethodPost, c.base+path, r)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Accept-Language", "es")
			res := c.do(req)
			if chunked && req.ContentLength != 0 {
				t.Fatalf("request was not chunked: ContentLength %d", req.ContentLength)
			}
			secStatus(t, "POST "+path, res, http.StatusRequestEntityTooLarge)
			secCheckHeaders(t, "413", res.header)
			secHas(t, "413", res.body, inTooLargeES)
			secSameCounts(t, "oversize", before, secCounts(e))
		})
	}
}

// inLong is s repeated to exactly n characters.
func inLong(n int) string { return strings.Repeat("x", n) }

// inEmailOfLen is a well-formed address of exactly n characters.
func inEmailOfLen(n int) string {
	const domain = "@example.org"
	return strings.Repeat("a", n-len(domain)) + domain
}

// inWith returns base with the given fields replaced (pairs of name, value).
func inWith(base url.Values, kv ...string) url.Values {
	out := url.Values{}
	for k, v := range base {
		out[k] = append([]string(nil), v...)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out.Set(kv[i], kv[i+1])
	}
	return out
}

// A body that is not a readable form answers 400 and writes nothing, on
// every form.
func TestInputMalformedBody(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	alpha, net := e.orgs["alpha"], e.orgs["network"]
	miguel := secUser(t, e, emailAlphaMem)
	inv := secInvite(t, e, alpha, "malformed@alpha.example.org", "member")
	rst := secReset(t, e, miguel, alpha)
	anon := e.client()
	ana := e.signIn(emailNetAdmin)
	coord := e.signIn(emailAlphaCoord)
	targets := []struct {
		c    *client
		path string
	}{
		{anon, "/login"}, {anon, "/invite/" + inv}, {anon, "/reset/" + rst}, {anon, "/lang"},
		{ana, "/orgs/" + net.ID + "/groups"}, {coord, "/orgs/" + alpha.ID + "/invitations"},
		{coord, "/orgs/" + alpha.ID + "/members/" + miguel.ID + "/role"}, {ana, "/account/password"}, {ana, "/orgs/switch"},
	}
	for _, tg := range targets {
		before := secCounts(e)
		res := tg.c.postRaw(tg.path, "name=%ZZ&email=%&password=x", nil)
		secStatus(t, "POST "+tg.path, res, http.StatusBadRequest)
		secHas(t, "POST "+tg.path, res.body, "Puente could not read what was sent. Go back and try again.")
		secSameCounts(t, "POST "+tg.path, before, secCounts(e))
	}
}
