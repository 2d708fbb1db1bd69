package deadline

import (
	"regexp"
	"strings"
	"testing"
)

// factsAt returns facts in which trigger t happens on d.
func factsAt(t Trigger, d Date) Facts {
	switch t {
	case TriggerAddressChange:
		return Facts{Arrival: d, Moves: []Event{{Ref: "m1", Date: d.AddDays(40)}}}
	case TriggerLastUSArrival:
		return Facts{LastUSArrival: d}
	case TriggerI589Filed:
		return Facts{I589Filed: d, ClockPauses: []Pause{{From: d.AddDays(20), To: d.AddDays(25)}}}
	case TriggerFeeNotice:
		return Facts{FeeNotices: []Event{{Date: d}}}
	case TriggerEADExpiry:
		return Facts{EADExpiry: d}
	case TriggerIndividualHearing:
		return Facts{IndividualHearings: []Event{{Date: d}}}
	case TriggerDecision:
		return Facts{Decisions: []Event{{Date: d}}}
	case TriggerFinalOrder:
		return Facts{FinalOrder: d}
	case TriggerGrant:
		return Facts{Grant: d}
	case TriggerFourteenthBirthday:
		return Facts{BirthDate: d.AddYears(-14)}
	}
	return Facts{}
}

// everyVersion computes each rule version once, for a trigger inside its
// effective range (and once more for the work-permit clock while paused).
func everyVersion(tb testing.TB) []Deadline {
	tb.Helper()
	rs := rules(tb)
	var out []Deadline
	for _, r := range rs.Rules() {
		d := day("2026-01-15")
		switch {
		case !r.EffectiveTo.IsZero():
			d = r.EffectiveTo.AddDays(-10)
		case !r.EffectiveFrom.IsZero() && r.EffectiveFrom.After(d):
			d = r.EffectiveFrom.AddDays(10)
		}
		found := false
		for _, dl := range Compute(rs, factsAt(r.Trigger, d)) {
			if dl.RuleID == r.ID && dl.EffectiveFrom == r.EffectiveFrom {
				out = append(out, dl)
				found = true
			}
		}
		if !found {
			tb.Fatalf("%s: no deadline for a trigger on %s", r, d)
		}
	}
	paused := Facts{I589Filed: day("2026-01-02"), ClockPauses: []Pause{{From: day("2026-03-01")}}}
	out = append(out, Compute(rs, paused)...)
	bad := Facts{I589Filed: day("2026-01-02"), ClockPauses: []Pause{{From: day("2026-03-10"), To: day("2026-03-01")}}}
	out = append(out, Compute(rs, bad)...)
	out = append(out, Compute(rs, Facts{LastUSArrival: day("2022-12-01"), Decisions: []Event{{Date: day("2022-12-01")}}, Grant: day("2024-02-29")})...)
	return out
}

var sentenceEnd = regexp.MustCompile(`[.!?](\s|$)`)

func sentences(s string) []string {
	var out []string
	for s != "" {
		loc := sentenceEnd.FindStringIndex(s)
		if loc == nil {
			out = append(out, strings.TrimSpace(s))
			break
		}
		out = append(out, strings.TrimSpace(s[:loc[0]+1]))
		s = s[loc[1]:]
	}
	return out
}

// TestExplanationsLeadWithAPlainSentence (issue 15): every explanation, in
// both languages, starts with one plain sentence — no "+" and no "=" before
// the first full stop, a capital letter, and for a date someone acts on,
// the date itself in full — and nothing in the explanation, the working
// or the notes uses arithmetic signs.
func TestExplanationsLeadWithAPlainSentence(t *testing.T) {
	for _, d := range everyVersion(t) {
		for _, lang := range []Lang{English, Spanish} {
			ex := in(d.Explanation, lang)
			first := sentences(ex)[0]
			if strings.ContainsAny(first, "+=") || first == "" || strings.ToUpper(first[:1]) != first[:1] {
				t.Errorf("%s (%s): first sentence %q is not plain", d.Key, lang, first)
			}
			if !d.Due.IsZero() && d.Kind != Expires && !strings.Contains(first, FullDate(d.Due, lang.T)) {
				t.Errorf("%s (%s): first sentence %q does not say the date %s", d.Key, lang, first, FullDate(d.Due, lang.T))
			}
			for what, s := range map[string]string{"explanation": ex, "working": in(d.Working, lang),
				"note": in(d.Note, lang), "late note": in(d.LateNote, lang)} {
				if strings.ContainsAny(s, "+={}") {
					t.Errorf("%s (%s): %s %q has an arithmetic sign or a placeholder", d.Key, lang, what, s)
				}
			}
			if in(d.Working, lang) == "" {
				t.Errorf("%s (%s): no working", d.Key, lang)
			}
		}
	}
}

// TestShortSentences: the rule texts keep to 20 words a sentence, a full
// date counted as its words, as the glossary asks of every new text.
func TestShortSentences(t *testing.T) {
	for _, d := range everyVersion(t) {
		for _, lang := range []Lang{English, Spanish} {
			for _, s := range []string{in(d.Explanation, lang), in(d.Note, lang), in(d.LateNote, lang)} {
				for _, sen := range sentences(s) {
					if n := len(strings.Fields(sen)); n > 20 {
						t.Errorf("%s (%s): %d words: %q", d.Key, lang, n, sen)
					}
				}
			}
		}
	}
}

// englishInSpanish are words and fragments that mean English text reached
// a Spanish page (issue 15, C5 and D4).
var englishInSpanish = regexp.MustCompile(`(?i)\b(the|and|of|with|days?|filed|notice|rule|source|secondary|interim|observed|appendix|deadlines?|clock|born|turns|overdue|due|within|after|before|until|paused|business|holiday|amended|vacated|exempt|lawyer|federal register|public law|memorial|grant|working)\b`)

// spanishToAvoid are words the review replaced with the official or plain
// term, and the plural "ustedes" forms (usted singular everywhere).
var spanishToAvoid = regexp.MustCompile(`(?i)\b(días naturales|cuota|domicilio|días de reloj|observado|cónyuge|presencia física|ustedes|envíen|informen|paguen|confirmen|pregunten|registren|con copia al)\b`)

// TestSpanishHasNoEnglish: no Spanish text of the engine holds an English
// fragment, and it keeps to the review's terms.
func TestSpanishHasNoEnglish(t *testing.T) {
	var texts []string
	for _, r := range rules(t).Rules() {
		texts = append(texts, in(r.Title, Spanish), in(r.Explain, Spanish), in(r.Note, Spanish), in(r.LateNote, Spanish), in(r.Source, Spanish))
	}
	for _, d := range everyVersion(t) {
		texts = append(texts, in(d.Explanation, Spanish), in(d.Working, Spanish))
	}
	for y := 2020; y <= 2027; y++ {
		for _, h := range Holidays(y) {
			texts = append(texts, in(holidayName(h), Spanish))
		}
	}
	texts = append(texts, in(Disclaimer(), Spanish))
	for _, s := range texts {
		if m := englishInSpanish.FindString(s); m != "" {
			t.Errorf("Spanish text has English %q: %q", m, s)
		}
		if m := spanishToAvoid.FindString(s); m != "" {
			t.Errorf("Spanish text has %q, which the review replaced: %q", m, s)
		}
	}
	// The check itself must catch what the review found.
	for _, bad := range []string{"45 CFR 400.211 (secondary source)", "(2025 interim rule)", "(Navidad, observado)", "Apéndice C (Deadlines)"} {
		if !englishInSpanish.MatchString(bad) && !spanishToAvoid.MatchString(bad) {
			t.Errorf("the check misses %q", bad)
		}
	}
}

// TestOfficialTerms: the review's terms (B3–B8) are the ones used.
func TestOfficialTerms(t *testing.T) {
	rs := rules(t)
	es := func(id string) string {
		var b strings.Builder
		for _, r := range rs.Versions(id) {
			b.WriteString(in(r.Title, Spanish) + " " + in(r.Explain, Spanish) + " " + in(r.Note, Spanish) + " ")
		}
		return b.String()
	}
	for id, terms := range map[string][]string{
		"annual-asylum-fee":           {"tarifa anual de asilo"},
		"eoir33-change-of-address":    {"Cambio de Dirección", "días calendario"},
		"ead-may-file":                {"reloj de asilo", "Documento de Autorización de Empleo", "permiso de trabajo", "llegue a 150 días"},
		"bia-appeal":                  {"días calendario", "Junta de Apelaciones de Inmigración"},
		"i730-follow-to-join":         {"esposo o esposa", "más tiempo"},
		"i485-eligible":               {"haya vivido un año"},
		"individual-hearing-evidence": {"a más tardar 30 días antes", "no siempre ha sido igual"},
	} {
		for _, term := range terms {
			if !strings.Contains(es(id), term) {
				t.Errorf("%s: Spanish lacks %q", id, term)
			}
		}
	}
}
