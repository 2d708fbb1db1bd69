package demo

import (
	"reflect"
	"regexp"
	"testing"
	"time"

	"puente/internal/i18n"
)

// notText are strings of the seed that are data, not words: dates, times,
// zones, e-mail addresses, numbers and money codes.
var notText = regexp.MustCompile(`^(|\d{4}-\d\d-\d\d|\d\d:\d\d|[A-Za-z_]+/[A-Za-z_/]+|[^@\s]+@[^@\s]+|[0-9 -]+|[A-Z]{3})$`)

// codeFields are the seed's fields that hold identifiers and kinds, never
// words a person reads; every other string field is free text.
var codeFields = map[string]bool{"Kind": true, "Status": true, "State": true, "RuleID": true, "Role": true,
	"TimeZone": true, "EndKind": true, "Frequency": true, "Currency": true, "ID": true, "PersonID": true, "CaseID": true,
	"Stage": true, "Done": true, "Key": true} // checklists: a stage and item keys

// names are the seed's proper names and the one street address, the same
// in every language.
var names = map[string]bool{
	"Marisol Guerrero": true, "Mari": true, "Ana Guerrero": true, "Jorge Ramírez": true, "Wendy Tun": true,
	"Samuel Okafor": true, "Luz Hernández": true, "Honduras": true, "Guatemala": true, "Nigeria": true,
	"El Salvador": true, "Lic. Daniela Ortiz (demo)": true, "12 Demo Street, Springfield": true,
	"Rosa Mejía": true, "Daniel Mejía": true, "Sofía Mejía": true, "40 Example Avenue, Apt 2, Springfield": true,
}

// strs lists every free-text string reachable from v (field is the name
// of the struct field v was found in).
func strs(v reflect.Value, field string, out *[]string) {
	switch v.Kind() {
	case reflect.String:
		if !codeFields[field] {
			*out = append(*out, v.String())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			strs(v.Field(i), v.Type().Field(i).Name, out)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			strs(v.Index(i), field, out)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			strs(v.Elem(), field, out)
		}
	}
}

// TestSpanishDemoHasNoEnglishText: seeded in Spanish, every word of the
// demo's cases is Spanish (a value of the table) or a name; anything else
// is English text a later change added without its Spanish.
func TestSpanishDemoHasNoEnglishText(t *testing.T) {
	now := time.Date(2026, 11, 30, 15, 0, 0, 0, time.UTC)
	es := localise(cases(todayOf(now)), i18n.ES)
	translated := map[string]bool{}
	for _, v := range spanish {
		translated[v] = true
	}
	n := 0
	for group, list := range es {
		var all []string
		strs(reflect.ValueOf(list), "", &all)
		for _, s := range all {
			if notText.MatchString(s) || names[s] {
				continue
			}
			n++
			if !translated[s] {
				t.Errorf("%s: %q has no Spanish: add it to the table in lang.go (or to names here if it is a name)", group, s)
			}
		}
	}
	if n < 10 {
		t.Errorf("found %d translated texts, want at least 10: is the walk still reaching the cases?", n)
	}
	// And in English nothing is translated.
	en := localise(cases(todayOf(now)), i18n.EN)
	var all []string
	strs(reflect.ValueOf(en["alpha"]), "", &all)
	for _, s := range all {
		if translated[s] && spanish[s] != s {
			t.Errorf("English demo holds the Spanish %q", s)
		}
	}
}

// TestSpanishDemoSponsorsHaveNoEnglishText: the network's vetting items and
// a group's note, seeded in Spanish, are Spanish.
func TestSpanishDemoSponsorsHaveNoEnglishText(t *testing.T) {
	now := time.Date(2026, 11, 30, 15, 0, 0, 0, time.UTC)
	sp := sponsors(now, i18n.ES)[0]
	var texts []string
	for _, it := range sp.Items {
		texts = append(texts, it.Name)
	}
	for _, recs := range sp.Records {
		for _, r := range recs {
			texts = append(texts, r.ItemName)
		}
	}
	for _, p := range sp.Profiles {
		if p.PrivateNotes != "" {
			texts = append(texts, p.PrivateNotes)
		}
	}
	spanish := map[string]bool{}
	for _, v := range sponsorSpanish {
		spanish[v] = true
	}
	for _, s := range texts {
		if !spanish[s] {
			t.Errorf("Spanish demo sponsors hold %q, which is not Spanish", s)
		}
	}
	if len(texts) < 10 {
		t.Errorf("found %d texts, want at least 10", len(texts))
	}
}
