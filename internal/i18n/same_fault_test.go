package i18n_test

import (
	"strings"
	"testing"

	"puente/internal/i18n"
)

// sameFault groups the keys that word one kind of fault on different
// forms (a case form, the queue form, the CSV import and intake API):
// each group must say the same thing, in every language, so a person
// meets one wording for one mistake (the review found "Type a whole
// number" beside "Enter a whole number", and three A-number messages).
var sameFault = [][]string{
	{"err.anumber", "queue.problem.anumber", "intake.problem.anumber"},
	{"err.date", "queue.problem.date", "intake.problem.date"},
	{"err.date_range", "queue.problem.date_range", "intake.problem.date_range"},
	{"err.date_future", "queue.problem.future", "intake.problem.future"},
	{"queue.problem.before_detained", "intake.problem.before_detained"},
	{"err.required", "queue.problem.required", "intake.problem.required"},
	{"err.choice", "queue.problem.choice"},
	{"queue.problem.adults", "intake.problem.count.adults"},
	{"queue.problem.too_long", "intake.problem.too_long"},
	{"queue.problem.text", "intake.problem.text"},
}

func TestSameFaultSameWords(t *testing.T) {
	for _, group := range sameFault {
		for _, l := range i18n.All {
			want := l.T(group[0])
			for _, k := range group[1:] {
				if got := l.T(k); got != want {
					t.Errorf("%s (%s): %q, want the words of %s: %q", k, l, got, group[0], want)
				}
			}
		}
	}
}

// TestErrorsSayEnter: error messages that ask for input say "Enter",
// never "Type" or "Write" (GOV.UK's error message style), in English.
func TestErrorsSayEnter(t *testing.T) {
	for _, k := range i18n.Keys() {
		if !strings.Contains(k, "err.") && !strings.Contains(k, "problem.") {
			continue
		}
		en, _ := i18n.Pair(k)
		for _, w := range []string{"Type ", "Write ", "Give "} {
			if strings.HasPrefix(en, w) {
				t.Errorf("%s: %q starts with %q; say \"Enter …\"", k, en, w)
			}
		}
	}
}
