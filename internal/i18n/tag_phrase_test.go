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

// TestChoiceLabelsStartWithACapital: the options of a select or a set of
// radios start with a capital letter, as every other label does (the
// review found close-case reasons "se mudó", roles "going along / driver").
func TestChoiceLabelsStartWithACapital(t *testing.T) {
	prefixes := []string{"close.reason.", "queue.close.reason.", "offer.reason.", "going.choice."}
	n := 0
	for _, k := range i18n.Keys() {
		for _, p := range prefixes {
			if !strings.HasPrefix(k, p) || strings.Count(k[len(p):], ".") > 0 {
				continue
			}
			n++
			en, es := i18n.Pair(k)
			for _, s := range []string{en, es} {
				if s == "" {
					continue
				}
				if r := []rune(s)[0]; r != []rune(strings.ToUpper(string(r)))[0] {
					t.Errorf("%s: %q starts with a small letter", k, s)
				}
			}
		}
	}
	if n < 10 {
		t.Errorf("found %d choice labels, want the reasons and roles (a renamed prefix?)", n)
	}
}
