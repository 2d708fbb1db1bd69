package i18n_test

import (
	"strings"
	"testing"

	"puente/internal/i18n"
)

// TestOverduePhraseDoesNotRepeatTag: a deadline's phrase follows its state
// tag ("Overdue by 415 days", "Vencido hace 415 días"), so it does not say
// overdue again (the review found "Vencido venció hace 415 días").
func TestOverduePhraseDoesNotRepeatTag(t *testing.T) {
	stems := map[string][]string{"en": {"overdue", "late"}, "es": {"venc", "atras"}}
	for _, l := range i18n.All {
		tag := l.T("state.overdue")
		for _, k := range []string{"when.overdue", "when.overdue_one"} {
			var phrase string
			if k == "when.overdue" {
				phrase = l.T(k, 415)
			} else {
				phrase = l.T(k)
			}
			for _, s := range stems[string(l)] {
				if strings.Contains(strings.ToLower(phrase), s) {
					t.Errorf("%s (%s): %q after the tag %q says %q again", k, l, phrase, tag, s)
				}
			}
		}
	}
}
