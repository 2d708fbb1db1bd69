package i18n_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"puente/internal/i18n"
)

func TestEveryMessageHasBothLanguages(t *testing.T) {
	keys := i18n.Keys()
	if len(keys) < 100 {
		t.Fatalf("Keys() = %d keys, want at least 100", len(keys))
	}
	if !slices.IsSorted(keys) {
		t.Error("Keys() is not sorted")
	}
	for _, k := range keys {
		en, es := i18n.Pair(k)
		if strings.TrimSpace(en) == "" {
			t.Errorf("%s: English text is empty", k)
		}
		if strings.TrimSpace(es) == "" {
			t.Errorf("%s: Spanish text is empty", k)
		}
		if en == k || es == k {
			t.Errorf("%s: text is the key itself (en %q, es %q)", k, en, es)
		}
	}
}

// verb matches a fmt verb, %% included so a literal percent is compared too.
var verb = regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`)

func TestPlaceholdersMatch(t *testing.T) {
	withArgs := 0
	for _, k := range i18n.Keys() {
		en, es := i18n.Pair(k)
		ve, vs := verb.FindAllString(en, -1), verb.FindAllString(es, -1)
		if !slices.Equal(ve, vs) {
			t.Errorf("%s: placeholders en %v, es %v; want the same in the same order", k, ve, vs)
		}
		for _, v := range ve {
			if v != "%s" && v != "%d" {
				t.Errorf("%s: placeholder %q, want only %%s or %%d", k, v)
			}
		}
		if len(ve) > 0 {
			withArgs++
		}
	}
	if withArgs == 0 {
		t.Error("no message has a placeholder: is the pattern still right?")
	}
}

func TestT(t *testing.T) {
	tests := []struct {
		lang i18n.Lang
		key  string
		args []any
		want string
	}{
		{i18n.EN, "nav.home", nil, "Home"},
		{i18n.ES, "nav.home", nil, "Inicio"},
		{i18n.EN, "members.role_for", []any{"Ana"}, "Role of Ana"},
		{i18n.ES, "members.role_for", []any{"Ana"}, "Rol de Ana"},
		{i18n.ES, "groups.members", []any{3}, "Personas: 3"},
		{i18n.Lang("fr"), "nav.home", nil, "Home"}, // unknown language falls back to English
		{i18n.EN, "no.such.key", nil, "no.such.key"},
		{i18n.ES, "no.such.key", []any{1}, "no.such.key"},
	}
	for _, tt := range tests {
		if got := tt.lang.T(tt.key, tt.args...); got != tt.want {
			t.Errorf("%s.T(%q, %v) = %q, want %q", tt.lang, tt.key, tt.args, got, tt.want)
		}
	}
	if i18n.Has("no.such.key") {
		t.Error(`Has("no.such.key") = true, want false`)
	}
}

func TestFromAcceptLanguage(t *testing.T) {
	tests := []struct {
		header string
		want   i18n.Lang
	}{
		{"es-MX,es;q=0.9,en;q=0.5", i18n.ES},
		{"es", i18n.ES},
		{"es-419", i18n.ES},
		{"en;q=0.2,es;q=0.8", i18n.ES},
		{"en-US", i18n.EN},
		{"en-GB,en;q=0.9", i18n.EN},
		{"fr-FR", i18n.EN},
		{"de", i18n.EN},
		{"", i18n.EN},
		{"garbage", i18n.EN},
		{";;;,,,===", i18n.EN},
		{"\xff\xfe", i18n.EN},
		{strings.Repeat("x", 5000), i18n.EN},
	}
	for _, tt := range tests {
		if got := i18n.FromAcceptLanguage(tt.header); got != tt.want {
			t.Errorf("FromAcceptLanguage(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in     string
		want   i18n.Lang
		wantOK bool
	}{
		{"en", i18n.EN, true},
		{"es", i18n.ES, true},
		{"ES", "", false},
		{"fr", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got, ok := i18n.Parse(tt.in); got != tt.want || ok != tt.wantOK {
			t.Errorf("Parse(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
	for lang, want := range map[i18n.Lang]string{i18n.EN: "English", i18n.ES: "Español"} {
		if got := lang.Name(); got != want {
			t.Errorf("%s.Name() = %q, want %q", lang, got, want)
		}
	}
	if !slices.Equal(i18n.All, []i18n.Lang{i18n.EN, i18n.ES}) {
		t.Errorf("All = %v, want [en es]", i18n.All)
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		lang i18n.Lang
		t    time.Time
		want string
	}{
		{i18n.EN, time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC), "3 Mar 2026"},
		{i18n.ES, time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC), "3 mar. 2026"},
		{i18n.EN, time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), "31 Dec 2026"},
		{i18n.ES, time.Date(2026, 1, 9, 0, 0, 0, 0, time.UTC), "9 ene. 2026"},
		{i18n.ES, time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC), "15 ago. 2026"},
		{i18n.ES, time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), "31 dic. 2026"},
		{i18n.EN, time.Time{}, ""},
		{i18n.ES, time.Time{}, ""},
	}
	for _, tt := range tests {
		if got := tt.lang.Date(tt.t); got != tt.want {
			t.Errorf("%s.Date(%v) = %q, want %q", tt.lang, tt.t, got, tt.want)
		}
	}
	// Every Spanish month is its own lower-case abbreviation.
	seen := map[string]bool{}
	for m := time.January; m <= time.December; m++ {
		got := i18n.ES.Date(time.Date(2026, m, 1, 0, 0, 0, 0, time.UTC))
		parts := strings.Fields(got)
		if len(parts) != 3 || parts[1] != strings.ToLower(parts[1]) || seen[parts[1]] {
			t.Errorf("ES.Date(1 %s 2026) = %q, want a distinct lower-case month", m, got)
		}
		seen[parts[1]] = true
	}
}

// TestDateTimeIsTheOrganisationsTime: a moment shows as the day and time
// it was in the organisation's zone, never in UTC and never saying "UTC".
func TestDateTimeIsTheOrganisationsTime(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	la, _ := time.LoadLocation("America/Los_Angeles")
	moment := time.Date(2026, 3, 4, 4, 30, 0, 0, time.UTC) // 23:30 EST on 3 Mar
	tests := []struct {
		lang i18n.Lang
		loc  *time.Location
		want string
	}{
		{i18n.EN, ny, "3 Mar 2026, 11:30 PM"},
		{i18n.ES, ny, "3 mar. 2026, 11:30\u00a0p.\u00a0m."},
		{i18n.EN, la, "3 Mar 2026, 8:30 PM"},
		{i18n.ES, la, "3 mar. 2026, 8:30\u00a0p.\u00a0m."},
		{i18n.EN, time.UTC, "4 Mar 2026, 4:30 AM"},
	}
	for _, tt := range tests {
		got := tt.lang.DateTime(moment, tt.loc)
		if got != tt.want {
			t.Errorf("%s.DateTime(%v, %s) = %q, want %q", tt.lang, moment, tt.loc, got, tt.want)
		}
		if strings.Contains(got, "UTC") {
			t.Errorf("%s.DateTime = %q, want no \"UTC\"", tt.lang, got)
		}
	}
	if got := i18n.EN.DateTime(time.Time{}, ny); got != "" {
		t.Errorf("DateTime(zero) = %q, want empty", got)
	}
}

// TestClockIsTwelveHour: the review's D2 inputs and every boundary of the
// 12-hour clock, in both languages.
func TestClockIsTwelveHour(t *testing.T) {
	for _, tt := range []struct{ hhmm, en, es string }{
		{"08:30", "8:30 AM", "8:30\u00a0a.\u00a0m."},
		{"13:00", "1:00 PM", "1:00\u00a0p.\u00a0m."},
		{"00:00", "12:00 AM", "12:00\u00a0a.\u00a0m."},
		{"00:05", "12:05 AM", "12:05\u00a0a.\u00a0m."},
		{"11:59", "11:59 AM", "11:59\u00a0a.\u00a0m."},
		{"12:00", "12:00 PM", "12:00\u00a0p.\u00a0m."},
		{"12:30", "12:30 PM", "12:30\u00a0p.\u00a0m."},
		{"23:59", "11:59 PM", "11:59\u00a0p.\u00a0m."},
	} {
		if got := i18n.EN.ClockHHMM(tt.hhmm); got != tt.en {
			t.Errorf("EN.ClockHHMM(%s) = %q, want %q", tt.hhmm, got, tt.en)
		}
		if got := i18n.ES.ClockHHMM(tt.hhmm); got != tt.es {
			t.Errorf("ES.ClockHHMM(%s) = %q, want %q", tt.hhmm, got, tt.es)
		}
	}
	for _, bad := range []string{"", "25:00", "noon"} {
		if got := i18n.ES.ClockHHMM(bad); got != "" {
			t.Errorf("ES.ClockHHMM(%q) = %q, want empty", bad, got)
		}
	}
}
