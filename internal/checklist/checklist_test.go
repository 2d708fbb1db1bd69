package checklist_test

import (
	"testing"

	"puente/internal/checklist"
	"puente/internal/deadline"
	"puente/internal/i18n"
	"puente/internal/model"
)

// TestShippedTemplatesAreComplete: every stage has a template; every item
// has a title, why and how (and a "bring" exactly when it says so) in
// English and Spanish, a known deadline rule, a known role and an official
// source, and keys unique within its stage.
func TestShippedTemplatesAreComplete(t *testing.T) {
	rs, err := deadline.Default()
	if err != nil {
		t.Fatal(err)
	}
	rules := map[string]bool{}
	for _, r := range rs.Rules() {
		rules[r.ID] = true
	}
	if len(checklist.All()) != len(checklist.Stages) {
		t.Fatalf("%d templates for %d stages", len(checklist.All()), len(checklist.Stages))
	}
	total := 0
	for _, st := range checklist.Stages {
		tp, ok := checklist.Shipped(st)
		if !ok || len(tp.Items) < 5 {
			t.Errorf("stage %s: %d items, want at least 5", st, len(tp.Items))
			continue
		}
		for _, l := range i18n.All {
			for _, k := range []string{checklist.StageKey(st), checklist.StageKey(st) + ".intro"} {
				if !i18n.Has(k) || l.T(k) == "" {
					t.Errorf("%s: no %s text", k, l)
				}
			}
		}
		seen := map[string]bool{}
		for _, it := range tp.Items {
			total++
			if seen[it.Key] {
				t.Errorf("%s: item %s twice", st, it.Key)
			}
			seen[it.Key] = true
			for _, part := range checklist.Parts {
				k := checklist.TextKey(st, it.Key, part)
				want := part != "bring" || it.Bring
				if i18n.Has(k) != want {
					t.Errorf("%s: has text %v, want %v", k, i18n.Has(k), want)
					continue
				}
				if en, es := i18n.Pair(k); want && (en == "" || es == "" || en == es) {
					t.Errorf("%s: English %q, Spanish %q", k, en, es)
				}
			}
			if it.Rule != "" && !rules[it.Rule] {
				t.Errorf("%s.%s: unknown deadline rule %q", st, it.Key, it.Rule)
			}
			if it.Role != "" && !model.ValidCommitmentKind(it.Role) {
				t.Errorf("%s.%s: unknown role %q", st, it.Key, it.Role)
			}
			if it.Source != "" && !checklist.OfficialSource(it.Source) {
				t.Errorf("%s.%s: %q is not an official source", st, it.Key, it.Source)
			}
		}
	}
	if total < 50 {
		t.Errorf("%d shipped items, want at least 50", total)
	}
}

func TestOfficialSource(t *testing.T) {
	for u, want := range map[string]bool{
		"https://www.uscis.gov/i-589":                  true,
		"https://www.justice.gov/eoir/form-eoir-33":    true,
		"https://www.justice.gov/eoir":                 true,
		"https://acis.eoir.justice.gov/en/":            true,
		"https://www.ice.gov/features/atd":             true,
		"https://www.acf.gov/orr/programs":             true,
		"https://www.justice.gov/opa":                  false, // the ministry, not the court
		"https://www.justice.gov/eoirx":                false,
		"http://www.uscis.gov/i-589":                   false,
		"https://uscis.gov.example.com/i-589":          false,
		"https://www.uscis.gov@evil.example/":          false,
		"https://www.uscis.gov:8443/":                  false,
		"https://immigration-lawyers.example.org/i589": false,
		"javascript:alert(1)":                          false,
		"":                                             false,
	} {
		if got := checklist.OfficialSource(u); got != want {
			t.Errorf("OfficialSource(%q) = %v, want %v", u, got, want)
		}
	}
}
