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
	// A page's date box shows the browser's own format (mm/dd/yyyy,
	// dd/mm/aaaa): its message names none. A CSV cell or an API value is
	// text whose format must be said (intake.problem.date, YYYY-MM-DD).
	{"err.date", "queue.problem.date"},
	{"err.date_range", "queue.problem.date_range", "intake.problem.date_range"},
	{"err.date_future", "queue.problem.future", "intake.problem.future"},
	{"queue.problem.before_detained", "intake.problem.before_detained"},
	{"queue.problem.required.pseudonym", "intake.problem.required.pseudonym"},
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

// TestFormDateMessagesNameNoFormat: the forms' date message does not
// tell the person to type a format their browser's date box may not show
// (the review found "as YYYY-MM-DD" under a box showing mm/dd/yyyy).
func TestFormDateMessagesNameNoFormat(t *testing.T) {
	for _, k := range []string{"err.date", "queue.problem.date"} {
		en, es := i18n.Pair(k)
		for _, s := range []string{en, es} {
			for _, f := range []string{"YYYY", "AAAA", "MM", "DD", "yyyy", "aaaa"} {
				if strings.Contains(s, f) {
					t.Errorf("%s: %q names the format %q", k, s, f)
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

// TestRequiredSaysWhatToEnter: a field left empty is told what to enter
// or select, by name (GOV.UK Design System, error message: "Enter
// [whatever it is]" for what is typed, "Select [whatever it is]" for what
// is chosen), never a generic "This field is required."; Spanish says the
// same as an order to usted: "Escriba …" beside "Enter …", "Elija …"
// beside "Select …".
func TestRequiredSaysWhatToEnter(t *testing.T) {
	n := 0
	for _, k := range i18n.Keys() {
		en, es := i18n.Pair(k)
		for _, generic := range []string{"field is required", "campo es obligatorio"} {
			if strings.Contains(strings.ToLower(en), generic) || strings.Contains(strings.ToLower(es), generic) {
				t.Errorf("%s: %q / %q is the generic message; name what to enter", k, en, es)
			}
		}
		if k == "err.required" || k == "queue.problem.required" || k == "intake.problem.required" {
			t.Errorf("%s: the generic required key is back; give each field its own", k)
		}
		if !strings.HasPrefix(k, "err.required.") && !strings.Contains(k, ".problem.required.") {
			continue
		}
		n++
		switch {
		case strings.HasPrefix(en, "Enter "):
			if !strings.HasPrefix(es, "Escriba ") {
				t.Errorf("%s: %q says Enter, Spanish %q should say \"Escriba …\"", k, en, es)
			}
		case strings.HasPrefix(en, "Select "):
			if !strings.HasPrefix(es, "Elija ") {
				t.Errorf("%s: %q says Select, Spanish %q should say \"Elija …\"", k, en, es)
			}
		default:
			t.Errorf("%s: %q should start \"Enter …\" or \"Select …\"", k, en)
		}
	}
	if n < 50 {
		t.Errorf("found %d required messages, want at least 50: is the key pattern still right?", n)
	}
}
