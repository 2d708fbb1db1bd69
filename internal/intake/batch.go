package intake

// Checked is one row after Check: its line (CSV) or index (API), the
// normalised entry, the region's id, and its problems (none: valid).
type Checked struct {
	Line     int
	Entry    Entry
	RegionID string
	Problems []Problem
}

// Valid reports whether the row may be written.
func (c Checked) Valid() bool { return len(c.Problems) == 0 }

// CheckRows checks every row against rules. An external reference already
// used by an earlier row of the same batch is a problem of the later row
// ("duplicate", Param the earlier row's line), so that one batch never
// holds two entries the queue would take for one.
func CheckRows(rows []Row, rules Rules) []Checked {
	out := make([]Checked, 0, len(rows))
	firstLine := map[string]int{}
	for _, r := range rows {
		c := Checked{Line: r.Line, Entry: r.Entry, Problems: r.Problems}
		if !hasField(r.Problems, "row") {
			regionID, ps := Check(&c.Entry, rules)
			c.RegionID = regionID
			for _, p := range ps {
				if !hasField(c.Problems, p.Field) {
					c.Problems = append(c.Problems, p)
				}
			}
			if ref := c.Entry.ExternalRef; ref != "" && !hasField(c.Problems, "external_ref") {
				if l, ok := firstLine[ref]; ok {
					c.Problems = append(c.Problems, Problem{Field: "external_ref", Code: "duplicate", Param: l})
				} else {
					firstLine[ref] = r.Line
				}
			}
		}
		out = append(out, c)
	}
	return out
}
