package deadline

import (
	"bytes"
	"encoding/json"
	"testing"

	"puente/internal/i18n"
)

// day parses a YYYY-MM-DD literal in tests; an invalid literal is a bug in
// the test itself.
func day(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// rules loads the embedded rule file once per test.
func rules(tb testing.TB) *RuleSet {
	tb.Helper()
	rs, err := Default()
	if err != nil {
		tb.Fatalf("Default: %v", err)
	}
	return rs
}

// find returns the deadline with key, failing the test when it is missing.
func find(tb testing.TB, ds []Deadline, key string) Deadline {
	tb.Helper()
	for _, d := range ds {
		if d.Key == key {
			return d
		}
	}
	keys := make([]string, len(ds))
	for i, d := range ds {
		keys[i] = d.Key
	}
	tb.Fatalf("no deadline %q among %v", key, keys)
	return Deadline{}
}

// baseRuleFor loads a one-rule set counting offset units from a decision,
// of the given kind.
func baseRuleFor(tb testing.TB, kind string, offset int, unit string) *RuleSet {
	tb.Helper()
	r := baseRule()
	r["kind"], r["offset"], r["unit"] = kind, offset, unit
	b, err := json.Marshal(map[string]any{"updated": "2026-11-30", "rules": []any{r}})
	if err != nil {
		tb.Fatal(err)
	}
	rs, err := Load(bytes.NewReader(b))
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return rs
}

// Lang is a reader's language, for the tests: the engine itself knows
// none, it names message keys (and dates) that the shipped files say.
type Lang = i18n.Lang

// The languages the tests read the engine's texts in.
const (
	English = i18n.EN
	Spanish = i18n.ES
)

// in says an engine text in lang through the shipped message files.
func in(t interface{ Say(Translate) string }, lang Lang) string { return t.Say(lang.T) }
