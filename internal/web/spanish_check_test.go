package web

import (
	"fmt"
	"html"
	"regexp"
	"sort"
	"strings"

	"puente/internal/i18n"
)

// What a Spanish page may not show (issue 15): a message key left as it is
// (a gap in the messages shows as its key), a code identifier, or English.

// esEnglish are English fragments seen on Spanish pages before issue 15,
// and the English words of states, badges, dates and common buttons. Each
// is matched as whole words, case-sensitively. Keep adding to it: the
// review found "(secondary source)" and "(master)" this way.
var esEnglish = []string{
	"(secondary source)", "secondary source", "interim rule", "registration rule", "Appendix",
	"Overdue", "overdue", "Due", "due", "Done", "Later", "Upcoming", "Attended", "Not applicable",
	"Waiting for a date", "Open now", "opens", "For your information",
	"master", "Master", "merits", "UTC", "arrival", "Arrival", "check-ins",
	"(done)", "(open)", "(move)", "(grant)", "(decision)", "(other)", "(biometrics)", "(status", "(court", "(kind", "(date",
	"(moved)", "(removed)", "self-sufficient",
	"Deadline", "deadline", "deadlines", "Hearing", "hearing", "Appointment", "appointment",
	"days", "today", "tomorrow", "Filed", "filed", "notice", "observed", "Public Law",
	"the", "The", "and", "of", "with", "from", "your", "Your",
	"Save", "Edit", "Delete", "Remove", "Cancel", "Sign out", "Sign in", "Back to", "Show", "Record",
	"Status", "Court", "Lawyer", "Case", "Cases", "Home", "Calendar", "Settings", "Security log",
	"AM", "PM", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT",
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December",
	"Jan", "Feb", "Apr", "Aug", "Dec", "Oct",
}

var esEnglishRE = func() *regexp.Regexp {
	parts := make([]string, len(esEnglish))
	for i, f := range esEnglish {
		parts[i] = regexp.QuoteMeta(f)
	}
	// Word edges that know accented letters: "Due" in "Dueña" is not a hit.
	return regexp.MustCompile(`(?:^|[^\p{L}\p{N}_-])(` + strings.Join(parts, "|") + `)(?:$|[^\p{L}\p{N}_-])`)
}()

// snakeRE is a code identifier: lower-case words joined by underscores.
var snakeRE = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_/])([a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?:$|[^\p{L}\p{N}_/])`)

// keyRE is a dotted message key ("case.title"); only those whose first
// part is the first part of a real key count, so "example.org" is no hit.
var keyRE = regexp.MustCompile(`\b([a-z][a-z0-9_]*)((?:\.[a-z0-9_]+)+)\b`)

var keyPrefixes = func() map[string]bool {
	out := map[string]bool{}
	for _, k := range i18n.Keys() {
		out[strings.SplitN(k, ".", 2)[0]] = true
	}
	return out
}()

// bothLanguages are one-word English messages that are also Spanish
// words or a demo name ("Principal" is the main menu's name in Spanish;
// "Ana Admin" is a demo account; "English" is the language switch, which
// names each language in itself, on every page).
var bothLanguages = map[string]bool{"Principal": true, "Admin": true, "English": true}

// englishPhrases are the English messages' fixed parts (between
// placeholders) that the Spanish does not share: if one shows on a Spanish
// page, the page fell back to English. Parts of two words or more are
// matched as text, single words as whole words.
var englishPhrases, englishWords = func() ([]string, *regexp.Regexp) {
	verbRE := regexp.MustCompile(`%[sd]`)
	seen := map[string]bool{}
	var phrases, single []string
	for _, k := range i18n.Keys() {
		en, es := i18n.Pair(k)
		for _, part := range verbRE.Split(en, -1) {
			part = strings.Trim(part, " .,:;()!?")
			if part == "" || strings.Contains(es, part) || seen[part] || bothLanguages[part] {
				continue
			}
			seen[part] = true
			if len(strings.Fields(part)) >= 2 {
				phrases = append(phrases, part)
			} else if regexp.MustCompile(`^\p{L}+$`).MatchString(part) {
				single = append(single, regexp.QuoteMeta(part))
			}
		}
	}
	sort.Strings(phrases)
	sort.Strings(single)
	return phrases, regexp.MustCompile(`(?:^|[^\p{L}\p{N}_-])(` + strings.Join(single, "|") + `)(?:$|[^\p{L}\p{N}_-])`)
}()

var (
	dropRE = regexp.MustCompile(`(?is)<(script|style)\b.*?</(?:script|style)>`)
	// noTranslateRE: code marked translate="no" is the same in every
	// language (a CSV file's column names, which people type).
	noTranslateRE = regexp.MustCompile(`(?is)<code\b[^>]*\btranslate="no"[^>]*>.*?</code>`)
	attrRE        = regexp.MustCompile(`(?i)\s(?:aria-label|title|placeholder|alt)="([^"]*)"`)
	buttonRE      = regexp.MustCompile(`(?i)<input\b[^>]*\btype="(?:submit|button)"[^>]*>`)
	valueRE       = regexp.MustCompile(`(?i)\svalue="([^"]*)"`)
	tagRE         = regexp.MustCompile(`(?s)<[^>]*>`)
	spaceRE       = regexp.MustCompile(`\s+`)
)

// visibleText is what a person reads or hears on an HTML page: its text,
// and the labels screen readers and tooltips give (aria-label, title,
// placeholder, alt, a button's value). Hidden inputs and option values
// are code and left out.
func visibleText(page string) string {
	page = dropRE.ReplaceAllString(page, " ")
	page = noTranslateRE.ReplaceAllString(page, " ")
	var b strings.Builder
	for _, m := range attrRE.FindAllStringSubmatch(page, -1) {
		b.WriteString(m[1] + "\n")
	}
	for _, in := range buttonRE.FindAllString(page, -1) {
		if m := valueRE.FindStringSubmatch(in); m != nil {
			b.WriteString(m[1] + "\n")
		}
	}
	b.WriteString(tagRE.ReplaceAllString(page, "\n"))
	return html.UnescapeString(b.String())
}

// icsText is what a calendar app shows of a feed: the values of its
// SUMMARY, DESCRIPTION, LOCATION and calendar-name lines, unfolded and
// unescaped.
func icsText(feed string) string {
	feed = strings.ReplaceAll(feed, "\r\n ", "")
	feed = strings.ReplaceAll(feed, "\n ", "")
	var b strings.Builder
	for _, line := range strings.Split(feed, "\n") {
		line = strings.TrimRight(line, "\r")
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		name, _, _ = strings.Cut(name, ";")
		switch name {
		case "SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME", "X-WR-CALDESC", "NAME", "COMMENT":
			value = strings.NewReplacer(`\n`, "\n", `\N`, "\n", `\,`, ",", `\;`, ";", `\\`, `\`).Replace(value)
			b.WriteString(value + "\n")
		}
	}
	return b.String()
}

// zoneLineRE is a line that is only a time zone's IANA name ("America/Port
// of Spain"), as the settings page lists the zones outside the US: a
// place's name, not English text.
var zoneLineRE = regexp.MustCompile(`(?m)^\s*[A-Z][A-Za-z]+(?:/[A-Z][A-Za-z' -]+)+\s*$`)

// spanishProblems lists what text (already visible text) may not hold on a
// Spanish page: message keys, code identifiers and English.
func spanishProblems(text string) []string {
	text = zoneLineRE.ReplaceAllString(text, "")
	var out []string
	seen := map[string]bool{}
	add := func(kind, what string) {
		if s := kind + " " + what; !seen[s] {
			seen[s] = true
			out = append(out, fmt.Sprintf("%s %q in %q", kind, what, around(text, what)))
		}
	}
	for _, m := range keyRE.FindAllStringSubmatch(text, -1) {
		if keyPrefixes[m[1]] {
			add("message key", m[0])
		}
	}
	for _, m := range snakeRE.FindAllStringSubmatch(text, -1) {
		add("identifier", m[1])
	}
	for _, m := range esEnglishRE.FindAllStringSubmatch(text, -1) {
		add("English", m[1])
	}
	for _, p := range englishPhrases {
		if strings.Contains(text, p) {
			add("English message", p)
		}
	}
	for _, m := range englishWords.FindAllStringSubmatch(text, -1) {
		add("English message", m[1])
	}
	for _, m := range doubleStopRE.FindAllString(text, -1) {
		add("double full stop", m)
	}
	for _, m := range esLanguageMidRE.FindAllStringSubmatch(text, -1) {
		add("language name capitalised mid-sentence", m[1])
	}
	return out
}

// doubleStopRE is a full stop after an abbreviation's own ("9:00 a. m.."),
// where the sentence's period should merge with it; an ellipsis ("...")
// is not one.
var doubleStopRE = regexp.MustCompile(`[^.\s]{1,12}\.\.(?:[^.]|$)`)

// esLanguageMidRE is a language's name with a capital after a comma or a
// word: Spanish writes "español", "inglés" in lower case mid-sentence
// (RAE, Ortografía 2010, 4.2.4.9). At the start of a line or a list item
// a capital is right.
var esLanguageMidRE = regexp.MustCompile(`(?:, |\p{Ll} )(Español|Inglés|Portugués|Francés|Criollo haitiano|Árabe|Ruso|Ucraniano)\b`)

// around is the line of text that holds what, for the failure message.
func around(text, what string) string {
	i := strings.Index(text, what)
	if i < 0 {
		return ""
	}
	start := strings.LastIndex(text[:i], "\n") + 1
	end := strings.Index(text[i:], "\n")
	if end < 0 {
		end = len(text) - i
	}
	return strings.TrimSpace(spaceRE.ReplaceAllString(text[start:i+end], " "))
}
