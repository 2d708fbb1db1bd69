package deadline

import (
	"encoding/json"
	"maps"
	"strings"
	"testing"
)

func TestDefaultLoads(t *testing.T) {
	rs := rules(t)
	want := []string{
		"eoir33-change-of-address", "ar11-change-of-address", "i589-one-year", "annual-asylum-fee",
		"ead-may-file", "ead-may-grant", "ead-renewal-window", "ead-expiry",
		"individual-hearing-evidence", "bia-appeal", "motion-to-reopen", "i730-follow-to-join",
		"i485-eligible", "child-registration-14", "post-grant-health-screening", "post-grant-assistance-ends",
	}
	got := rs.IDs()
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
	if rs.Updated().IsZero() {
		t.Errorf("rule file has no updated date")
	}
	for _, r := range rs.Rules() {
		if r.Backward() && r.Kind == Expires {
			t.Errorf("%s: a backward rule cannot be an expiry", r.ID)
		}
		if !strings.HasPrefix(r.SourceURL, "https://www.") {
			t.Errorf("%s: source url %q", r.ID, r.SourceURL)
		}
	}
	if MustDefault() == nil {
		t.Errorf("MustDefault returned nil")
	}
}

func TestEADRuleVersions(t *testing.T) {
	rs := rules(t)
	tests := []struct {
		id      string
		trigger string
		offset  int
		unit    Unit
	}{
		{"ead-may-file", "2019-06-01", 150, ClockDays},
		{"ead-may-file", "2020-08-24", 150, ClockDays},
		{"ead-may-file", "2020-08-25", 365, CalendarDays},
		{"ead-may-file", "2021-01-10", 365, CalendarDays},
		{"ead-may-file", "2022-02-06", 365, CalendarDays},
		{"ead-may-file", "2022-02-07", 150, ClockDays},
		{"ead-may-file", "2022-03-01", 150, ClockDays},
		{"ead-may-grant", "2021-01-10", 365, CalendarDays},
		{"ead-may-grant", "2022-03-01", 180, ClockDays},
	}
	for _, tt := range tests {
		r, ok := rs.InForce(tt.id, day(tt.trigger))
		if !ok {
			t.Errorf("%s on %s: no version in force", tt.id, tt.trigger)
			continue
		}
		if r.Offset != tt.offset || r.Unit != tt.unit {
			t.Errorf("%s on %s: got %d %s, want %d %s", tt.id, tt.trigger, r.Offset, r.Unit, tt.offset, tt.unit)
		}
	}
	if r, _ := rs.InForce("ead-may-file", day("2021-01-10")); r.String() != "ead-may-file [2020-08-25..2022-02-06] +365 calendar_days" {
		t.Errorf("got %v", r)
	}
	if got := len(rs.Versions("ead-may-file")); got != 3 {
		t.Errorf("ead-may-file versions got %v, want %v", got, 3)
	}
}

// baseRule is a valid rule that each bad-file case breaks in one way.
func baseRule() map[string]any {
	return map[string]any{
		"id":         "test-rule",
		"text":       "test_rule",
		"kind":       "due_by",
		"trigger":    "decision",
		"offset":     30,
		"unit":       "calendar_days",
		"roll":       "none",
		"source_url": "https://www.ecfr.gov/current/title-8",
	}
}

func ruleFileJSON(t *testing.T, rules ...map[string]any) string {
	t.Helper()
	b, err := json.Marshal(map[string]any{"updated": "2026-11-21", "rules": rules})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestLoadRejects(t *testing.T) {
	with := func(changes map[string]any) map[string]any {
		r := baseRule()
		maps.Copy(r, changes)
		return r
	}
	tests := []struct {
		name  string
		rules []map[string]any
		want  string
	}{
		{"unknown trigger", []map[string]any{with(map[string]any{"trigger": "birthday"})}, `unknown trigger "birthday"`},
		{"unknown unit", []map[string]any{with(map[string]any{"unit": "weeks"})}, `unknown unit "weeks"`},
		{"unknown kind", []map[string]any{with(map[string]any{"kind": "maybe"})}, `unknown kind "maybe"`},
		{"unknown roll", []map[string]any{with(map[string]any{"roll": "previous"})}, `unknown roll "previous"`},
		{"texts in the rule file", []map[string]any{with(map[string]any{"title": map[string]any{"en": "x", "es": "y"}})}, `unknown field "title"`},
		{"bad text id", []map[string]any{with(map[string]any{"text": "Test-Rule"})}, "text must be"},
		{"no text id", []map[string]any{with(map[string]any{"text": ""})}, "text must be"},
		{"text of another version", []map[string]any{
			with(map[string]any{"effective_to": "2020-01-01"}),
			with(map[string]any{"effective_from": "2020-01-02"}),
		}, `text "test_rule" is another version's`},
		{"unknown field", []map[string]any{with(map[string]any{"ofset": 3})}, `unknown field "ofset"`},
		{"bad id", []map[string]any{with(map[string]any{"id": "Test Rule"})}, "id must be"},
		{"no source url", []map[string]any{with(map[string]any{"source_url": "http://example.org"})}, "source_url"},
		{"nonexistent date", []map[string]any{with(map[string]any{"effective_from": "2025-02-29"})}, "does not exist"},
		{"backwards range", []map[string]any{with(map[string]any{"effective_from": "2025-02-01", "effective_to": "2025-01-01"})}, "is before effective_from"},
		{"backward roll", []map[string]any{with(map[string]any{"offset": -30, "roll": "next_business_day"})}, "backward offset cannot roll"},
		{"backward clock", []map[string]any{with(map[string]any{"offset": -30, "unit": "clock_days"})}, "clock_days cannot count backwards"},
		{"zero years", []map[string]any{with(map[string]any{"offset": 0, "unit": "years"})}, "offset 0"},
		{"overlapping versions", []map[string]any{
			with(map[string]any{"effective_to": "2022-02-07"}),
			with(map[string]any{"effective_from": "2022-02-07"}),
		}, "effective ranges overlap"},
		{"two open versions", []map[string]any{baseRule(), baseRule()}, "effective ranges overlap"},
		{"open version before a later one", []map[string]any{
			with(map[string]any{"effective_from": "2020-01-01"}),
			with(map[string]any{"effective_from": "2022-01-01"}),
		}, "effective ranges overlap"},
		{"versions with other triggers", []map[string]any{
			with(map[string]any{"effective_to": "2020-01-01"}),
			with(map[string]any{"effective_from": "2020-01-02", "trigger": "grant"}),
		}, "differ in trigger"},
		{"no rules", nil, "no rules"},
		{"covers open without a start", []map[string]any{with(map[string]any{"covers_open_obligations": true})}, "covers_open_obligations needs an effective_from"},
		{"unknown met_by", []map[string]any{with(map[string]any{"met_by": "i765_sent"})}, `unknown met_by "i765_sent"`},
		{"met_by on an expiry", []map[string]any{with(map[string]any{"met_by": "appeal_filed", "kind": "expires"})}, "only a due_by or opens rule"},
		{"versions with other met_by", []map[string]any{
			with(map[string]any{"effective_to": "2020-01-01"}),
			with(map[string]any{"effective_from": "2020-01-02", "met_by": "appeal_filed"}),
		}, "differ in trigger, kind or met_by"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(strings.NewReader(ruleFileJSON(t, tt.rules...)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestLoadAccepts(t *testing.T) {
	a, b := baseRule(), baseRule()
	a["effective_to"] = "2022-02-06"
	b["effective_from"] = "2022-02-07"
	b["text"] = "test_rule.v2"
	delete(b, "roll") // defaults to none
	rs, err := Load(strings.NewReader(ruleFileJSON(t, a, b)))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	r, ok := rs.InForce("test-rule", day("2022-02-07"))
	if !ok || r.Roll != NoRoll || r.EffectiveFrom != day("2022-02-07") || r.Title.Key != "rule.test_rule.v2.title" || r.Note.Key != "" {
		t.Errorf("got %+v, want the second version with roll none", r)
	}
	if _, err := Load(strings.NewReader(ruleFileJSON(t, a) + "{}")); err == nil {
		t.Errorf("got no error for trailing data")
	}
	if _, err := Load(strings.NewReader("{")); err == nil {
		t.Errorf("got no error for broken JSON")
	}
}
