// Package intake reads and checks the rows of structured intake (issue 13):
// people a placement network's queue receives from a CSV file or the JSON
// API. It is pure: no HTTP, no SQL. Rows are checked with the queue's own
// rules (model.QueueEntryInput.Validate) plus intake's: an external
// reference on every row, once per batch, and regions named as people know
// them. Problems are codes with a field, which the web layer words in the
// reader's language; a row with a problem is never written.
package intake

import (
	"strings"

	"puente/internal/model"
)

// Limits of one batch.
const (
	// MaxRows is the most data rows one CSV file may carry.
	MaxRows = 5000
	// MaxAPIEntries is the most entries one API request may carry.
	MaxAPIEntries = 500
)

// Entry is one person to add to the queue, as sent: a pseudonym or
// initials, never a full name; household as counts and ages in years,
// never birth dates. Region is the name of one of the network's regions
// (compared without case). ExternalRef is the sender's own reference for
// the person: the same reference sent again finds the entry already there.
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
	ANumber       string   `json:"anumber"`
	Facility      string   `json:"facility"`
}

// Problem is one thing wrong with one field of a row. Field is a column
// name (Columns) or "row" for the row as a whole; Code is one of
// model.QueueProblem's codes or intake's own: "number" (a count that is
// not a whole number), "columns" (a CSV row of the wrong width, Param the
// header's), "duplicate" (an external reference an earlier row of the
// batch has, Param that row's line or index).
type Problem struct {
	Field string `json:"field"`
	Code  string `json:"code"`
	Param int    `json:"-"`
}

// Intake's own problem codes.
const (
	ProblemNumber    = "number"
	ProblemColumns   = "columns"
	ProblemDuplicate = "duplicate"
)

// Rules are what a row is checked against: the network's regions and
// today in the network's zone (YYYY-MM-DD).
type Rules struct {
	Regions []model.Region
	Today   string
}

// Input converts e for the queue, its region's name turned into the
// region's id. ok is false if a region was named that the network does not
// have.
func (e Entry) Input(regions []model.Region) (in model.QueueEntryInput, ok bool) {
	in = model.QueueEntryInput{Pseudonym: e.Pseudonym, Languages: lowerAll(e.Languages), Adults: e.Adults,
		ChildAges: e.ChildAges, DecisionDate: strings.TrimSpace(e.DecisionDate), DetainedSince: strings.TrimSpace(e.DetainedSince),
		Needs: lowerAll(e.Needs), ExternalRef: e.ExternalRef, ANumber: e.ANumber, Facility: e.Facility}
	name := strings.TrimSpace(e.Region)
	if name == "" {
		return in, true
	}
	for _, r := range regions {
		if strings.EqualFold(r.Name, name) {
			in.RegionID = r.ID
			return in, true
		}
	}
	return in, false
}

// Check converts e and returns what is wrong with it, in field order; no
// problems: in may be written.
func Check(e Entry, rules Rules) (in model.QueueEntryInput, problems []Problem) {
	in, regionOK := e.Input(rules.Regions)
	if strings.TrimSpace(in.ExternalRef) == "" {
		problems = append(problems, Problem{Field: "external_ref", Code: model.ProblemRequired})
	}
	if !regionOK {
		problems = append(problems, Problem{Field: "region", Code: model.ProblemChoice})
	}
	for _, p := range in.Validate(rules.Regions, rules.Today) {
		field := p.Field
		if field == "region_id" {
			field = "region"
		}
		if !hasField(problems, field) {
			problems = append(problems, Problem{Field: field, Code: p.Code})
		}
	}
	return in, order(problems)
}

// order sorts problems by the column order of Columns, "row" first.
func order(ps []Problem) []Problem {
	rank := func(f string) int {
		for i, c := range Columns {
			if c == f {
				return i + 1
			}
		}
		return 0
	}
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && rank(ps[j].Field) < rank(ps[j-1].Field); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
	return ps
}

func hasField(ps []Problem, field string) bool {
	for _, p := range ps {
		if p.Field == field {
			return true
		}
	}
	return false
}

// lowerAll trims and lower-cases codes, dropping empty ones.
func lowerAll(in []string) []string {
	var out []string
	for _, s := range in {
		if s = strings.ToLower(strings.TrimSpace(s)); s != "" {
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
