package intake

import (
	"strings"

	"puente/internal/model"
)

// Checked is one row after checking: its line (CSV, the header is line 1)
// or index (API, from 0), what it becomes in the queue, and its problems
// (none: valid).
type Checked struct {
	Line     int
	Input    model.QueueEntryInput
	Problems []Problem
}

// Valid reports whether the row may be written.
func (c Checked) Valid() bool { return len(c.Problems) == 0 }

// CheckRows checks every row against rules. An external reference already
// used by an earlier row of the same batch is a problem of the later row
// ("duplicate", Param the earlier row's line), so that one batch never
// holds two rows the queue would take for one.
func CheckRows(rows []Row, rules Rules) []Checked {
	out := make([]Checked, 0, len(rows))
	firstLine := map[string]int{}
	for _, r := range rows {
		c := Checked{Line: r.Line, Problems: r.Problems}
		if !hasField(r.Problems, "row") {
			in, ps := Check(r.Entry, rules)
			c.Input = in
			for _, p := range ps {
				if !hasField(c.Problems, p.Field) {
					c.Problems = append(c.Problems, p)
				}
			}
			c.Problems = order(c.Problems)
			if ref := strings.TrimSpace(in.ExternalRef); ref != "" && !hasField(c.Problems, "external_ref") {
				if l, ok := firstLine[ref]; ok {
					c.Problems = order(append(c.Problems, Problem{Field: "external_ref", Code: ProblemDuplicate, Param: l}))
				} else {
					firstLine[ref] = r.Line
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// Inputs are the valid rows' inputs, in order.
func Inputs(cs []Checked) []model.QueueEntryInput {
	var out []model.QueueEntryInput
	for _, c := range cs {
		if c.Valid() {
			out = append(out, c.Input)
		}
	}
	return out
}
