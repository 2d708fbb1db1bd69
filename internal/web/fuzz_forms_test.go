package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Fuzz targets for every form's decoder and validator, safeText and
// localPath. Each form target takes a raw request body and a language.

func fzFormTarget[T any](f *testing.F, valid url.Values) {
	for _, body := range fzSeeds(valid) {
		f.Add(body, false)
	}
	f.Add(valid.Encode(), true)
	s := fzValidator()
	f.Fuzz(func(t *testing.T, body string, es bool) {
		fzCheckForm[T](t, s, body, es)
	})
}

func FuzzSetupForm(f *testing.F) {
	fzFormTarget[setupForm](f, url.Values{"org_name": {"Red Puente Norte"}, "org_kind": {"network"}, "time_zone": {"America/Denver"}, "name": {"Ana Admin"},
		"email": {"ana@example.org"}, "password": {"a long enough pass"}, "password_confirm": {"a long enough pass"}})
}

func FuzzLoginForm(f *testing.F) {
	fzFormTarget[loginForm](f, url.Values{"email": {"ana@example.org"}, "password": {testPassword}})
}

func FuzzGroupForm(f *testing.F) {
	fzFormTarget[groupForm](f, url.Values{"name": {"Círculo San Andrés"}})
}

func FuzzInvitationForm(f *testing.F) {
	fzFormTarget[invitationForm](f, url.Values{"email": {"new.person@example.org"}, "role": {"member"}})
}

func FuzzRoleForm(f *testing.F) {
	fzFormTarget[roleForm](f, url.Values{"role": {"coordinator"}})
}

func FuzzAcceptForm(f *testing.F) {
	fzFormTarget[acceptForm](f, url.Values{"name": {"Nadia Nueva"}, "password": {"a long enough pass"}, "password_confirm": {"a long enough pass"}})
}

func FuzzResetForm(f *testing.F) {
	fzFormTarget[resetForm](f, url.Values{"password": {"a long enough pass"}, "password_confirm": {"a long enough pass"}})
}

func FuzzPasswordForm(f *testing.F) {
	fzFormTarget[passwordForm](f, url.Values{"current_password": {testPassword}, "password": {"a long enough pass"},
		"password_confirm": {"a long enough pass"}})
}

func FuzzSwitchForm(f *testing.F) {
	fzFormTarget[switchForm](f, url.Values{"org_id": {"0123456789abcdef0123456789abcdef"}})
}

// FuzzSafeText: safeText accepts exactly valid UTF-8 without control
// characters other than tab and line breaks, bidirectional controls or
// line/paragraph separators, and agrees with the validator's safetext tag.
func FuzzSafeText(f *testing.F) {
	for _, s := range []string{"", "plain", "tab\tand\nnewline\r\n", "\x00", "\x7f", "\u0085", "\u009b", "\xff", "\xc3\x28",
		"\xed\xa0\x80", "\u202e\u200b\ufeff", "\u2028", "\u200b\ufeff", "\u2067x\u2069", "é" + strings.Repeat("\u0301", 50), "\U0010FFFF", "\uFFFD"} {
		f.Add(s)
	}
	s := fzValidator()
	f.Fuzz(func(t *testing.T, in string) {
		got := safeText(in)
		want := utf8.ValidString(in)
		for _, r := range in {
			if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
				want = false
			}
			if (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x2028 || r == 0x2029 {
				want = false
			}
		}
		if got != want {
			t.Fatalf("safeText(%q) = %v, want %v", in, got, want)
		}
		if tagOK := s.validate.Var(in, "safetext") == nil; tagOK != got {
			t.Fatalf("safetext tag on %q = %v, safeText = %v", in, tagOK, got)
		}
		if got && !safeText(strings.TrimSpace(in)) {
			t.Fatalf("trimming made %q unsafe", in)
		}
	})
}

// FuzzLocalPath: a redirect target from a form always stays on this site,
// both as localPath returns it and as http.Redirect finally sends it (it
// cleans the path, which can remove the elements that hid a host).
func FuzzLocalPath(f *testing.F) {
	for _, s := range []string{"", "/", "/account", "/orgs/abc?x=1#frag", "//evil.example", "/\\evil.example", "\\\\evil.example",
		"https://evil.example", "javascript:alert(1)", "/%2F%2Fevil.example", "/\t/evil.example", "/\r\nSet-Cookie: x=1",
		"/../../etc/passwd", "/.//evil.example", "/a/../b/", "/" + strings.Repeat("a", 600), " /lead", "/\x00", "/é?ñ=ü",
		"http:/evil.example", "/@evil.example", "/;evil", "/?next=//evil.example", "/./account", "/a/./b/../c",
		"/.\\/x", "/..\\x", "/%2e%2e/x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := localPath(in)
		fzCheckLocal(t, "localPath("+strings.ToValidUTF8(in, "?")+")", out)
		if out != "/" && out != in {
			t.Fatalf("localPath(%q) = %q: a target is either kept or replaced by /", in, out)
		}
		req := httptest.NewRequest(http.MethodPost, "/lang", nil)
		rec := httptest.NewRecorder()
		http.Redirect(rec, req, out, http.StatusSeeOther)
		fzCheckLocal(t, "redirect for "+strings.ToValidUTF8(in, "?"), rec.Header().Get("Location"))
	})
}

// fzCheckLocal fails unless loc is a path on this site for a browser too:
// browsers ignore tabs and line breaks and read "\" as "/" in http URLs.
func fzCheckLocal(t *testing.T, what, loc string) {
	t.Helper()
	browser := strings.NewReplacer("\t", "", "\n", "", "\r", "", "\\", "/").Replace(loc)
	if !strings.HasPrefix(loc, "/") || strings.HasPrefix(browser, "//") {
		t.Fatalf("%s: %q leaves the site (a browser reads %q)", what, loc, browser)
	}
	if strings.ContainsAny(loc, "\r\n") {
		t.Fatalf("%s: %q contains a line break", what, loc)
	}
	if u, err := url.Parse(loc); err == nil && (u.Scheme != "" || u.Host != "") {
		t.Fatalf("%s: %q has scheme %q, host %q", what, loc, u.Scheme, u.Host)
	}
}
