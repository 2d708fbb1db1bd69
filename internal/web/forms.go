package web

import (
	"errors"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"

	"puente/internal/i18n"
	"puente/internal/model"
)

// Session keys.
const (
	sessUserID = "user_id"
	sessEpoch  = "epoch"
	sessOrgID  = "org_id"
	sessFlash  = "flash"
	// sessFlashAt is the fragment the flash's redirect lands on (flashTo).
	sessFlashAt = "flash_at"
	// sessTwoFactor: this session was opened with the account's second
	// factor (a code or a recovery code), or the factor was set up in it.
	sessTwoFactor = "two_factor"
	// The half-signed-in state between a right password and the second
	// step (twofactor_login.go): whose password it was, their session
	// epoch, when (Unix seconds), and the organisation to land in. It is
	// not a sign-in: loadViewer never reads these keys.
	sessPendingUser  = "pending_user"
	sessPendingEpoch = "pending_epoch"
	sessPendingAt    = "pending_at"
	sessPendingOrg   = "pending_org"
)

// langCookie remembers the language of someone not signed in.
const langCookie = "puente_lang"

func newValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	// Report fields by their form name, which is what templates key errors by.
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("form"), ",")
		return name
	})
	_ = v.RegisterValidation("safetext", func(fl validator.FieldLevel) bool {
		return safeText(fl.Field().String())
	})
	registerCaseValidators(v)
	return v
}

// safeText rejects invalid UTF-8, control characters other than tab and
// line breaks, and Unicode's bidirectional controls and separators.
func safeText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
			return false
		}
		// Bidirectional overrides and isolates reorder what a page or the
		// security log shows; line and paragraph separators break lines
		// where no line break was typed.
		if (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x2028 || r == 0x2029 {
			return false
		}
	}
	return true
}

// parseForm reads the posted form; an oversize body becomes a 413.
func parseForm(r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return errTooLarge
		}
		return errBadRequest
	}
	return nil
}

// decodeForm copies posted values into dst's string fields by their form
// tag. Values are trimmed except passwords, which are taken as typed.
func decodeForm(r *http.Request, dst any) {
	decodeStruct(r, reflect.ValueOf(dst).Elem())
}

// decodeStruct fills v's tagged string fields, and those of embedded structs.
func decodeStruct(r *http.Request, v reflect.Value) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			decodeStruct(r, v.Field(i))
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("form"), ",")
		if name == "" || f.Type.Kind() != reflect.String {
			continue
		}
		val := r.PostForm.Get(name)
		if !strings.Contains(name, "password") {
			val = strings.TrimSpace(val)
		}
		v.Field(i).SetString(val)
	}
}

// validateForm checks dst's validate tags and returns a message per field
// in lang; empty when the form is valid.
func (s *Server) validateForm(lang i18n.Lang, dst any) map[string]string {
	errs := map[string]string{}
	err := s.validate.Struct(dst)
	var ves validator.ValidationErrors
	if !errors.As(err, &ves) {
		return errs
	}
	t := reflect.TypeOf(dst).Elem()
	for _, fe := range ves {
		if _, seen := errs[fe.Field()]; seen {
			continue
		}
		errs[fe.Field()] = fieldMessage(lang, fe, t)
	}
	return errs
}

// requiredPrefix starts the key of every "required" message: a field
// tagged validate:"required,…" carries required:"<id>", and its message
// is "err.required.<id>", which names what to enter or select ("Enter the
// person's name.", "Select a role."), never a generic "This field is
// required." (GOV.UK Design System, error message: "Enter [whatever it
// is]", "Select [whatever it is]"). Fields that mean the same thing on
// different forms share an id; TestEveryRequiredFieldSaysWhatToEnter
// holds every form to it.
const requiredPrefix = "err.required."

// requiredMessages are the words of every required field's message, by
// language: the messages that name their field themselves. Read-only once
// built.
var requiredMessages = sync.OnceValue(func() map[i18n.Lang]map[string]bool {
	out := map[i18n.Lang]map[string]bool{}
	for _, l := range i18n.All {
		out[l] = map[string]bool{}
		for _, k := range i18n.Keys() {
			if strings.HasPrefix(k, requiredPrefix) || strings.Contains(k, ".problem.required.") {
				out[l][l.T(k)] = true
			}
		}
	}
	return out
})

// requiredKey is the message key of form field name in struct type t
// (embedded structs included); "" if the field has no required tag.
func requiredKey(t reflect.Type, name string) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return ""
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			if k := requiredKey(f.Type, name); k != "" {
				return k
			}
			continue
		}
		if tag, _, _ := strings.Cut(f.Tag.Get("form"), ","); tag == name {
			if id := f.Tag.Get("required"); id != "" {
				return requiredPrefix + id
			}
			return ""
		}
	}
	return ""
}

// fieldMessage words fe, a failure of a field of form type t, in lang.
func fieldMessage(lang i18n.Lang, fe validator.FieldError, t reflect.Type) string {
	switch fe.Tag() {
	case "required":
		if k := requiredKey(t, fe.Field()); k != "" {
			return lang.T(k)
		}
		return lang.T("err.invalid") // TestEveryRequiredFieldSaysWhatToEnter keeps this unreachable
	case "max":
		return lang.T("err.max_n", fe.Param())
	case "min":
		return lang.T("err.min_n", fe.Param())
	case "email":
		return lang.T("err.email")
	case "oneof":
		return lang.T("err.choice")
	case "safetext":
		return lang.T("err.chars")
	case "eqfield":
		return lang.T("err.mismatch")
	case "isodate":
		if s, _ := fe.Value().(string); model.IsDate(s) {
			return lang.T("err.date_range") // a real day, but before 1900 or after 2100
		}
		return lang.T("err.date")
	case "hhmm":
		return lang.T("err.time")
	case "anumber":
		return lang.T("err.anumber")
	}
	return lang.T("err.invalid")
}

// clearPasswords blanks every password and one-time code field of a form
// before it is shown again: a code is spent or wrong either way.
func clearPasswords(dst any) {
	v := reflect.ValueOf(dst).Elem()
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("form")
		if (strings.Contains(tag, "password") || strings.Contains(tag, "code")) && t.Field(i).Type.Kind() == reflect.String {
			v.Field(i).SetString("")
		}
	}
}
