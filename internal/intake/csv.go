package intake

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"puente/internal/model"
)

// Columns are the CSV file's columns, by their header names; the order in
// the file is free. Lists (languages, child_ages, needs) separate their
// values with spaces, commas, semicolons or "|" inside the cell.
var Columns = []string{"external_ref", "pseudonym", "languages", "adults", "child_ages", "decision_date",
	"detained_since", "region", "needs", "anumber", "facility"}

// RequiredColumns must be in the header.
var RequiredColumns = []string{"external_ref", "pseudonym", "adults"}

// FileError says why a file cannot be read at all; nothing of it is
// written. Code is "empty", "encoding", "malformed", "unknown_column",
// "missing_column", "duplicate_column" or "too_many_rows"; Column names
// the column, Line the line where it went wrong, where either helps.
type FileError struct {
	Code   string
	Column string
	Line   int
}

func (e *FileError) Error() string { return "intake: unusable file: " + e.Code }

// Row is one data row of a file: its line (the header is line 1) and its
// entry, with the problems found reading it (a number that is not one, a
// row of the wrong width). Check adds the rest.
type Row struct {
	Line     int
	Entry    Entry
	Problems []Problem
}

// ReadCSV reads a UTF-8 CSV file (a byte-order mark is tolerated) whose
// first line is a header naming columns from Columns, at least the
// RequiredColumns. A file whose header line has semicolons and no commas
// is read with ";" as the separator, as spreadsheets in Spanish write it.
// Blank lines are skipped. More than maxRows data rows, an unknown column,
// invalid UTF-8 or a broken quote make the whole file unusable.
func ReadCSV(r io.Reader, maxRows int) ([]Row, error) {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		_, _ = br.Discard(3)
	}
	first, _ := br.Peek(4096)
	line, _, _ := bytes.Cut(first, []byte("\n"))
	cr := csv.NewReader(br)
	if bytes.IndexByte(line, ',') < 0 && bytes.IndexByte(line, ';') >= 0 {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, &FileError{Code: "empty"}
	}
	if err != nil {
		return nil, csvError(err)
	}
	cols := make([]string, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		if !utf8.ValidString(h) {
			return nil, &FileError{Code: "encoding", Line: 1}
		}
		h = strings.ToLower(strings.TrimSpace(h))
		switch {
		case !contains(Columns, h):
			return nil, &FileError{Code: "unknown_column", Column: h, Line: 1}
		case seen[h]:
			return nil, &FileError{Code: "duplicate_column", Column: h, Line: 1}
		}
		seen[h] = true
		cols[i] = h
	}
	for _, c := range RequiredColumns {
		if !seen[c] {
			return nil, &FileError{Code: "missing_column", Column: c, Line: 1}
		}
	}
	var rows []Row
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		if len(rows) == maxRows {
			return nil, &FileError{Code: "too_many_rows", Line: line}
		}
		row := Row{Line: line}
		for _, f := range rec {
			if !utf8.ValidString(f) {
				return nil, &FileError{Code: "encoding", Line: line}
			}
		}
		if len(rec) != len(cols) {
			row.Problems = append(row.Problems, Problem{Field: "row", Code: ProblemColumns, Param: len(cols)})
			rows = append(rows, row)
			continue
		}
		for i, v := range rec {
			row.set(cols[i], v)
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// set copies one cell into the row's entry.
func (row *Row) set(col, v string) {
	e := &row.Entry
	switch col {
	case "external_ref":
		e.ExternalRef = v
	case "pseudonym":
		e.Pseudonym = v
	case "languages":
		e.Languages = splitList(v)
	case "adults":
		v = strings.TrimSpace(v)
		n, err := strconv.Atoi(v)
		if v == "" {
			row.Problems = append(row.Problems, Problem{Field: col, Code: model.ProblemRequired})
		} else if err != nil || strings.HasPrefix(v, "+") {
			row.Problems = append(row.Problems, Problem{Field: col, Code: ProblemNumber})
		}
		e.Adults = n
		if err != nil {
			e.Adults = 1 // reported above; keeps Check from reporting it twice
		}
	case "child_ages":
		for _, s := range splitList(v) {
			n, err := strconv.Atoi(s)
			if err != nil || strings.HasPrefix(s, "+") {
				row.Problems = append(row.Problems, Problem{Field: col, Code: ProblemNumber})
				e.ChildAges = nil
				return
			}
			e.ChildAges = append(e.ChildAges, n)
		}
	case "decision_date":
		e.DecisionDate = v
	case "detained_since":
		e.DetainedSince = v
	case "region":
		e.Region = v
	case "needs":
		e.Needs = splitList(v)
	case "anumber":
		e.ANumber = v
	case "facility":
		e.Facility = v
	}
}

// splitList splits a cell's list on spaces, commas, semicolons and "|".
func splitList(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool {
		return r == ',' || r == ';' || r == '|' || r == ' ' || r == '\t'
	})
}

// csvError turns encoding/csv's parse error into a FileError at its line;
// a reading error (a body over its limit) is returned as it is.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &FileError{Code: "malformed", Line: pe.StartLine}
	}
	return err
}
