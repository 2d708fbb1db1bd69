package i18n_test

import (
	"time"
	"unicode"

	"puente/internal/deadline"
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

// TestNoPhraseRepeatsItsTag: every state's phrase, in every language,
// follows its tag without saying the tag's word again. The review found
// "✓ Done done on Saturday 14 November", "Hecho hecho el sábado…", "Done
// late done late, on …", "Opens later opens in 6 days", "Se abre después
// se abre en 6 días"; the same holds for due soon, upcoming, open now,
// information and appointments, with days, dates and no date at all.
func TestNoPhraseRepeatsItsTag(t *testing.T) {
	today := deadline.NewDate(2026, time.November, 14)
	var sts []deadline.Status
	for _, k := range []deadline.Kind{deadline.DueBy, deadline.Opens, deadline.Expires, deadline.Informational} {
		for _, n := range []int{-400, -20, -2, -1, 0, 1, 3, 13, 20, 40, 400} {
			due := today.AddDays(n)
			sts = append(sts,
				deadline.Assess(deadline.Input{Kind: k, Due: due}, today),
				deadline.Assess(deadline.Input{Kind: k, Due: due, Done: true}, today),
				deadline.Assess(deadline.Input{Kind: k, Due: due, Done: true, DoneOn: today.AddDays(-1)}, today),
				deadline.Assess(deadline.Input{Kind: k, Due: due, Done: true, DoneOn: due.AddDays(5)}, today),
				deadline.Assess(deadline.Input{Kind: k, Due: due, Met: today.AddDays(-30)}, today),
				deadline.Assess(deadline.Input{Kind: k, Due: due, NotApplicable: true}, today))
		}
		sts = append(sts, deadline.Assess(deadline.Input{Kind: k}, today))
	}
	for _, n := range []int{-3, 0, 1, 5, 13, 30, 400} {
		sts = append(sts, deadline.AssessAppointment(today.AddDays(n), today, false),
			deadline.AssessAppointment(today.AddDays(n), today, true))
	}
	seen := map[deadline.State]bool{}
	words := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
	}
	for _, st := range sts {
		seen[st.State] = true
		p := st.TagPhrase()
		for _, l := range i18n.All {
			tag := l.T("tag." + string(st.State))
			var phrase string
			switch {
			case p.Key == "":
			case p.HasN:
				phrase = l.T(p.Key, p.N)
			case p.HasDate:
				phrase = l.T(p.Key, deadline.FullDate(p.Date, l.T))
			default:
				phrase = l.T(p.Key)
			}
			for _, tw := range words(tag) {
				if len([]rune(tw)) < 3 { // "se", "ya"
					continue
				}
				stem := string([]rune(tw)[:min(4, len([]rune(tw)))])
				for _, pw := range words(phrase) {
					if strings.HasPrefix(pw, stem) {
						t.Errorf("%s (%s, %s): %q %q says %q again", st.State, l, p.Key, tag, phrase, tw)
					}
				}
			}
		}
	}
	for _, s := range []deadline.State{deadline.Upcoming, deadline.DueSoon, deadline.Overdue, deadline.Done, deadline.DoneLate,
		deadline.NotApplicable, deadline.Undated, deadline.OpensOn, deadline.OpenNow, deadline.Info,
		deadline.ApptUpcoming, deadline.ApptSoon, deadline.ApptPassed, deadline.ApptAttended} {
		if !seen[s] {
			t.Errorf("no case reaches the state %s: the test does not cover it", s)
		}
	}
}
