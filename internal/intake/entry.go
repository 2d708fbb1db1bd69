// Package intake reads and checks the rows of structured intake (issue 13):
// people a placement network's queue receives from a CSV file or the JSON
// API. It is pure: no HTTP, no SQL. Problems are codes with a field, which
// the web layer words in the reader's language; a row with a problem is
// never written.
package intake

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"puente/internal/model"
)

// Limits of one row.
const (
	MaxRefLen       = 64
	MaxPseudonymLen = 40
	MaxFacilityLen  = 200
	MaxRegionLen    = 80
	MaxAdults       = 20
	MaxChildren     = 20
	MaxChildAge     = 17
	// MaxRows is the most rows one file or request may carry.
	MaxRows = 5000
	// MaxAPIEntries is the most entries one API request may carry.
	MaxAPIEntries = 500
)

// Entry is one person to add to the queue, as sent: a pseudonym or
// initials, never a full name; household as counts and ages in years,
// never birth dates. Region is the name of one of the network's regions.
// ExternalRef is the sender's own reference for the person: the same
// reference sent again finds the entry already there.
type Entry struct {
	ExternalRef   string   `json:"external_ref"`
	Pseudonym     string   `json:"pseudonym"`
	Languages     []string `json:"languages"`
	Adults        int      `json:"adults"`
	ChildAges     []int    `json:"child_ages"`
	DecisionDate  string   `json:"decision_date"`
	DetainedSince string   `json:"detained_since"`
	Region        string   `json:"region"`
	Needs         []string `json:"needs"`
	ANumber       string   `json:"a_number"`
	Facility      string   `json:"facility"`
}

// Problem is one thing wrong with one field of a row: Code names it
// ("required", "too_long", ...) and Param is its figure where one helps
// (the longest length, the highest number).
type Problem struct {
	Field string `json:"field"`
	Code  string `json:"code"`
	Param int    `json:"-"`
}

// Rules are what a row is checked against: the network's regions by name
// (compared without case), the needs a queue entry may name, and today in
// the network's zone (YYYY-MM-DD).
type Rules struct {
	Regions map[string]string // lower-case name → region id
	Needs   []string
	Today   string
}

// RegionKey is how a region's name is looked up in Rules.Regions.
func RegionKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// Check normalises e in place (trimmed text, lower-case codes, the
// A-number's nine digits, the region's id in RegionID) and returns what
// is wrong with it, field by field in a stable order; none: the row may be
// written.
func Check(e *Entry, rules Rules) (regionID string, problems []Problem) {
	add := func(field, code string, param int) {
		problems = append(problems, Problem{Field: field, Code: code, Param: param})
	}
	text := func(field string, v *string, required bool, max int) {
		*v = strings.TrimSpace(*v)
		switch {
		case *v == "" && required:
			add(field, "required", 0)
		case !safeText(*v):
			add(field, "chars", 0)
		case utf8.RuneCountInString(*v) > max:
			add(field, "too_long", max)
		}
	}
	text("external_ref", &e.ExternalRef, true, MaxRefLen)
	text("pseudonym", &e.Pseudonym, true, MaxPseudonymLen)
	e.Languages = lowerAll(e.Languages)
	for _, l := range e.Languages {
		if !model.ValidLanguage(l) {
			add("languages", "language", 0)
			break
		}
	}
	if e.Adults < 1 || e.Adults > MaxAdults {
		add("adults", "adults", MaxAdults)
	}
	if len(e.ChildAges) > MaxChildren {
		add("child_ages", "children", MaxChildren)
	} else {
		for _, a := range e.ChildAges {
			if a < 0 || a > MaxChildAge {
				add("child_ages", "child_age", MaxChildAge)
				break
			}
		}
	}
	e.DecisionDate = strings.TrimSpace(e.DecisionDate)
	if e.DecisionDate != "" && !validDate(e.DecisionDate) {
		add("decision_date", "date", 0)
	}
	e.DetainedSince = strings.TrimSpace(e.DetainedSince)
	switch {
	case e.DetainedSince == "":
	case !validDate(e.DetainedSince):
		add("detained_since", "date", 0)
	case rules.Today != "" && e.DetainedSince > rules.Today:
		add("detained_since", "future", 0)
	}
	text("region", &e.Region, false, MaxRegionLen)
	if e.Region != "" && !hasField(problems, "region") {
		id, ok := rules.Regions[RegionKey(e.Region)]
		if !ok {
			add("region", "region", 0)
		}
		regionID = id
	}
	e.Needs = lowerAll(e.Needs)
	for _, n := range e.Needs {
		if !contains(rules.Needs, n) {
			add("needs", "need", 0)
			break
		}
	}
	e.ANumber = strings.TrimSpace(e.ANumber)
	if e.ANumber != "" {
		d, err := model.ParseANumber(e.ANumber)
		if err != nil {
			add("a_number", "anumber", 0)
		} else {
			e.ANumber = d
		}
	}
	text("facility", &e.Facility, false, MaxFacilityLen)
	return regionID, problems
}

func hasField(ps []Problem, field string) bool {
	for _, p := range ps {
		if p.Field == field {
			return true
		}
	}
	return false
}

// lowerAll trims and lower-cases codes, dropping empty ones and repeats.
func lowerAll(in []string) []string {
	var out []string
	for _, s := range in {
		s = strings.ToLower(strings.TrimSpace(s))
		if s != "" && !contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// validDate: a real YYYY-MM-DD between 1900 and 2100.
func validDate(s string) bool {
	t, err := time.Parse("2006-01-02", s)
	return err == nil && t.Year() >= 1900 && t.Year() <= 2100
}

// safeText rejects invalid UTF-8, control characters and Unicode's
// bidirectional controls and separators, as the web forms do: one line of
// text, nothing that reorders what a page shows.
func safeText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x2028 || r == 0x2029 {
			return false
		}
	}
	return true
}
