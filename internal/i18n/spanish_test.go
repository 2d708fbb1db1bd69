package i18n_test

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"puente/internal/i18n"
)

// The rules of GLOSSARY.md that a test can hold every text to (issue 15):
// usted singular, one term per concept, one way to write the lawyer and
// the judge, no word that names a legal event or a private fact used for
// anything else, and short sentences.

// esText is one Spanish text and where it comes from.
type esText struct{ where, text string }

// allSpanish is every Spanish text a family can read: the messages, the
// deadline rules' titles, explanations, notes and sources, the holidays'
// names and the disclaimer among them (deadline_engine.es.toml).
func allSpanish(t *testing.T) []esText {
	t.Helper()
	var out []esText
	for _, k := range i18n.Keys() {
		_, es := i18n.Pair(k)
		out = append(out, esText{k, es})
	}
	if len(out) < 400 {
		t.Fatalf("found %d Spanish texts, want at least 400", len(out))
	}
	return out
}

// words builds a regexp that matches any of list as whole words (letters
// with accents count as letters).
func words(list ...string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[^\p{L}])(` + strings.Join(list, "|") + `)(?:$|[^\p{L}])`)
}

// notUsted are the forms that address the reader as more than one person
// (ustedes) or as tú. The plural imperatives are the verbs Puente's texts
// ask people to do things with; a clitic after a plural imperative
// ("confírmenlas", "avísenle") is caught by pluralClitic. Verbs whose
// plural is also an everyday subjunctive ("palabras que no tengan
// relación") are left out.
var notUsted = words(
	"ustedes", "vosotros", "vosotras", "vuestro", "vuestra", "tú", "tu", "tus", "te", "ti", "contigo",
	"puedes", "tienes", "quieres", "debes", "sabes", "eres", "estás", "vas",
	"envíen", "informen", "paguen", "confirmen", "pregunten", "registren", "añadan", "agreguen", "anoten",
	"escriban", "sepan", "revisen", "guarden", "elijan", "usen", "pidan", "vuelvan", "intenten", "inicien",
	"cierren", "cambien", "presenten", "entreguen", "lleven", "marquen", "avisen", "copien",
	"compartan", "borren", "quiten", "creen", "inviten", "acepten", "mantengan", "recuerden", "lean",
	"consulten", "esperen", "busquen", "apelen", "muden", "patrocinan", "empiecen", "abran", "desactiven",
)

// pluralClitic is a plural imperative with a pronoun attached:
// "confírmenlas", "pregúntenles", "envíenlo".
var pluralClitic = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(\p{L}*[áéíóú]\p{L}*[ae]n(?:lo|la|los|las|le|les|nos|se))(?:$|[^\p{L}])`)

// TestSpanishIsUstedSingular (issue 15, C1): every Spanish text addresses
// the reader as usted, one person: never ustedes, a plural order or tú.
func TestSpanishIsUstedSingular(t *testing.T) {
	for _, x := range allSpanish(t) {
		if m := notUsted.FindStringSubmatch(x.text); m != nil {
			t.Errorf("%s: %q is not usted singular: %q", x.where, m[1], x.text)
		}
		if m := pluralClitic.FindStringSubmatch(x.text); m != nil {
			t.Errorf("%s: %q is a plural order: %q", x.where, m[1], x.text)
		}
	}
	// The check catches what the review found.
	for _, bad := range []string{"Empiece por la persona que patrocinan.", "Confirmen la fecha.", "confírmenlas con el abogado",
		"Paguen la cuota.", "Si tienes dudas", "Pregúntenles a ellos."} {
		if !notUsted.MatchString(bad) && !pluralClitic.MatchString(bad) {
			t.Errorf("the usted check misses %q", bad)
		}
	}
	for _, good := range []string{"Confirme cada fecha con el abogado o la abogada.", "Pregúnteles: Ana.", "Envíe el formulario.", "Tiene 30 días."} {
		if notUsted.MatchString(good) || pluralClitic.MatchString(good) {
			t.Errorf("the usted check refuses the good %q", good)
		}
	}
}

// glossary are the words GLOSSARY.md replaced, with the term to use: one
// term per concept. Text equal to ignore is removed first ("se aplica" is
// right where "aplica" alone is an anglicism).
var glossary = []struct {
	re     *regexp.Regexp
	use    string
	ignore string
}{
	{words("cuota", "cuotas"), "tarifa (tarifa anual de asilo)", ""},
	{words("días naturales"), "días calendario", ""},
	{words(`reloj (?:del? )?permiso(?: de trabajo)?`, "días de reloj"), "reloj de asilo", ""},
	{words("colocación"), "acogida (red de acogida)", ""},
	{words("biometría"), "cita de servicios biométricos", ""},
	{words("domicilio"), "dirección (cambio de dirección)", ""},
	{words("cónyuge"), "esposo o esposa", ""},
	{words("presencia física"), "haber vivido en Estados Unidos", ""},
	{words("observado"), "el feriado se pasa a este día", ""},
	{words("master"), "audiencia de calendario principal", ""},
	{regexp.MustCompile(`(?i)(?:^|[^(])(audiencia preliminar)`), "audiencia de calendario principal (audiencia preliminar)", ""},
	{words(`añad\p{L}*`), "agregar (the Latin American word)", ""},
	{regexp.MustCompile(`(\p{L}/[aoAO]s?)(?:$|[^\p{L}])`), "one form: (a) in labels, both words in sentences", ""},
	{words("revocar", "revocada", "revocado", "revóquela", "revóquelo"), "desactivar (revocar names a legal act)", ""},
	{words("asistida", "asistido"), "asistió (asistir a has no passive)", ""},
	{words("liberado", "liberada"), "salió de detención", ""},
	{words("referido"), "remitido", ""},
	{words("con copia al"), "mande también una copia a", ""},
	{words("aplica", "aplican"), "se aplica / corresponde (aplica alone is an anglicism)", "se aplica"},
}

// TestSpanishFollowsTheGlossary (issue 15, B and D1): the official term,
// one per concept, in every Spanish text.
func TestSpanishFollowsTheGlossary(t *testing.T) {
	for _, x := range allSpanish(t) {
		for _, problem := range glossaryProblems(x.text) {
			t.Errorf("%s: %s: %q", x.where, problem, x.text)
		}
	}
	// The check catches what the review found, and lets the right terms be.
	for _, bad := range []string{"Cuota anual de asilo", "Red de colocación", "30 días naturales", "Abogado/a",
		"Audiencia preliminar (master)", "Añadir un familiar", "Bienvenida/o", "es para el abogado.", "Decisión del juez",
		"Dirección revocada", "Marcar como no asistida", "si esto aplica al niño", "Reloj del permiso de trabajo en pausa"} {
		if len(glossaryProblems(bad)) == 0 {
			t.Errorf("the glossary check misses %q", bad)
		}
	}
	for _, good := range []string{"Tarifa anual de asilo", "Red de acogida", "30 días calendario", "Abogado(a)",
		"Audiencia de calendario principal (audiencia preliminar)", "Agregar un familiar", "es para el abogado o la abogada.",
		"Decisión del juez(a)", "si esto se aplica al niño", "la oficina del abogado del gobierno (DHS/ICE)", "El juez o la jueza"} {
		if p := glossaryProblems(good); len(p) > 0 {
			t.Errorf("the glossary check refuses the good %q: %v", good, p)
		}
	}
}

// glossaryProblems lists the glossary's rules text breaks: a replaced
// word, or the lawyer or the judge written in one gender.
func glossaryProblems(text string) []string {
	var out []string
	for _, g := range glossary {
		t := text
		if g.ignore != "" {
			t = strings.ReplaceAll(t, g.ignore, "")
		}
		if m := g.re.FindStringSubmatch(t); m != nil {
			out = append(out, fmt.Sprintf("%q: use %s", m[1], g.use))
		}
	}
	lower := strings.ToLower(text)
	for _, p := range []struct{ word, ok1, ok2 string }{
		{"abogado", "abogado o la abogada", "abogado(a)"},
		{"juez", "juez o la jueza", "juez(a)"},
	} {
		for i := 0; i < len(lower); {
			j := strings.Index(lower[i:], p.word)
			if j < 0 {
				break
			}
			rest := lower[i+j:]
			if !strings.HasPrefix(rest, p.ok1) && !strings.HasPrefix(rest, p.ok2) && !strings.HasPrefix(rest, "abogado del gobierno") &&
				!strings.HasPrefix(rest, "abogados") && !strings.HasPrefix(rest, "jueza") {
				out = append(out, fmt.Sprintf("write %q or %q", p.ok1, p.ok2))
				break
			}
			i += j + len(p.word)
		}
	}
	return out
}

// doubleMeaning are words that name a legal event or a private fact in
// this app (the asylum or work-permit application, the home address, the
// registration at 14 or of an alien, removal from the country, a status,
// a revocation), with the only message keys that may use them, in that
// meaning. Any other label with one of these words reads, to a family, as
// news about their case: "Solicitud rechazada" on an error page, "Dirección
// revocada" on the calendar page (issue 15, A5, A6 and the KIND).
var doubleMeaning = []struct {
	lang    i18n.Lang
	re      *regexp.Regexp
	allowed []string
}{
	{i18n.ES, words(`solicitud\p{L}*`), []string{"fact.kind.i589_filed", "fact.kind.ead_applied", "gap.last_us_arrival", "deadline.used_early", "checklist.before_opens"}},
	{i18n.ES, words(`direcci\p{L}*`), []string{"field.address", "fact.kind.move", "gap.address_change", "reveal.address",
		"history.field.address", "security.address", "card.bring.address", "card.bring.filings", "card.private",
		"letter.logged", "letter.no_address"}},
	{i18n.ES, words(`registr\p{L}*`), []string{"deadline.registration_ask", "home.registration_ask", "gap.fourteenth_birthday", "field.anumber"}},
	{i18n.ES, words(`revoc\p{L}*`, `asistid\p{L}*`, `estatus`), nil},
	{i18n.EN, words("address", "addresses"), []string{"field.address", "fact.kind.move", "gap.address_change", "reveal.address",
		"history.field.address", "security.address", "card.bring.address", "card.bring.filings", "card.private",
		"letter.logged", "letter.no_address"}},
	{i18n.EN, words(`request\p{L}*`, `revok\p{L}*`, "status", "statuses"), nil},
	{i18n.EN, words(`remov\p{L}*`), []string{"close.reason.removed", "queue.close.reason.removed"}},
	{i18n.EN, words(`regist\p{L}*`), []string{"deadline.registration_ask", "home.registration_ask", "gap.fourteenth_birthday", "field.anumber"}},
	{i18n.EN, words("application", "applications", "apply", "applied"), []string{"fact.kind.i589_filed", "fact.kind.ead_applied", "gap.last_us_arrival", "deadline.used_early", "checklist.before_opens"}},
}

// teachingText are the keys of the checklist items' words (issue 12),
// which teach the legal process itself: they use these words in their
// legal meaning only (the household's address on an EOIR-33, the
// sponsor's immigration status, the asylum application, a removal order).
// So do the paragraphs of the guide's privacy and safety page, and the
// deadline engine's rules and workings. The
// pages' own labels (checklist.stage.*, checklist.*) are not among them.
var teachingText = regexp.MustCompile(`^(rule\.[a-z0-9_.]+|engine\.[a-z0-9_.]+|checklist\.(ready|before_release|first_week|legal|daily_life|privacy|ending)\.[a-z0-9_]+\.(title|why|how|bring)|guide\.safety\.[a-z]+\.p[0-9])$`)

// TestNoLabelNamesALegalEventByMistake: each word above is used only by the
// keys that mean it, in both languages.
func TestNoLabelNamesALegalEventByMistake(t *testing.T) {
	// The check catches the labels the review and the issue named.
	for _, bad := range []string{"Solicitud rechazada", "Solicitud incorrecta", "Dirección del calendario", "Dirección revocada",
		"Registro de seguridad", "Marcar como no asistida", "Request refused", "Feed address", "Person removed.", "Revoke", "Status"} {
		found := false
		for _, d := range doubleMeaning {
			found = found || d.re.MatchString(bad)
		}
		if !found {
			t.Errorf("the check misses %q", bad)
		}
	}
	for _, d := range doubleMeaning {
		allowed := map[string]bool{}
		for _, k := range d.allowed {
			allowed[k] = true
			if !i18n.Has(k) {
				t.Errorf("allowed key %q does not exist", k)
			}
		}
		for _, k := range i18n.Keys() {
			text := d.lang.T(k)
			if m := d.re.FindStringSubmatch(text); m != nil && !allowed[k] && !teachingText.MatchString(k) {
				t.Errorf("%s (%s): %q also names a legal event or a private fact: %q", k, d.lang, m[1], text)
			}
		}
	}
}

var sentenceRE = regexp.MustCompile(`[.!?:;](?:\s|$)`)

// TestMessagesHaveShortSentences: every message keeps to 20 words a
// sentence, in both languages (GLOSSARY.md). A clause after a colon or a
// semicolon may add its own 20.
func TestMessagesHaveShortSentences(t *testing.T) {
	var long []string
	for _, k := range i18n.Keys() {
		for _, l := range i18n.All {
			for _, s := range sentenceRE.Split(l.T(k), -1) {
				if n := len(strings.Fields(s)); n > 20 {
					long = append(long, k+" ("+string(l)+"): "+s)
				}
			}
		}
	}
	sort.Strings(long)
	for _, s := range long {
		t.Errorf("more than 20 words: %s", s)
	}
}

// sameInBoth are the messages whose Spanish is, rightly, the English text.
var sameInBoth = map[string]bool{}

var letterRE = regexp.MustCompile(`\p{L}`)

// TestSpanishIsNotTheEnglish: a Spanish text equal to its English is a
// translation left out (a page would show English), unless listed above
// or it has no words at all ("%s · %s").
func TestSpanishIsNotTheEnglish(t *testing.T) {
	for _, k := range i18n.Keys() {
		en, es := i18n.Pair(k)
		if strings.HasPrefix(k, "rule.") && strings.HasSuffix(k, ".source") {
			continue // a citation (8 CFR 208.7(a)) reads the same in every language
		}
		if en == es && !sameInBoth[k] && letterRE.MatchString(verb.ReplaceAllString(en, "")) {
			t.Errorf("%s: the Spanish is the English %q", k, en)
		}
	}
}
