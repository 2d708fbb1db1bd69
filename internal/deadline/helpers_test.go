package deadline

import "testing"

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
