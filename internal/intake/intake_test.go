package intake

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"puente/internal/model"
)

var rules = Rules{Regions: []model.Region{{ID: "r1", Name: "North Texas"}, {ID: "r2", Name: "Houston"}}, Today: "2026-03-01"}

func TestReadCSV(t *testing.T) {
	file := "\ufeffExternal_Ref;pseudonym;adults;child_ages;languages;region\r\n" +
		"R-1;M.G.;2;4 9;es, en;North Texas\r\n" +
		"\r\n" +
		"R-2;\"J.;P.\";1;;ht;\r\n"
	rows, err := ReadCSV(strings.NewReader(file), 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []Row{
		{Line: 2, Entry: Entry{ExternalRef: "R-1", Pseudonym: "M.G.", Adults: 2, ChildAges: []int{4, 9}, Languages: []string{"es", "en"}, Region: "North Texas"}},
		{Line: 4, Entry: Entry{ExternalRef: "R-2", Pseudonym: "J.;P.", Adults: 1, Languages: []string{"ht"}}},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows:\ngot  %+v\nwant %+v", rows, want)
	}
}

func TestReadCSVUnusable(t *testing.T) {
	tests := []struct {
		name, file string
		want       FileError
	}{
		{"empty", "", FileError{Code: "empty"}},
		{"only a BOM", "\ufeff", FileError{Code: "empty"}},
		{"unknown column", "external_ref,pseudonym,adults,name\n", FileError{Code: "unknown_column", Column: "name", Line: 1}},
		{"missing column", "external_ref,pseudonym\nR,P\n", FileError{Code: "missing_column", Column: "adults", Line: 1}},
		{"duplicate column", "external_ref,pseudonym,adults,adults\n", FileError{Code: "duplicate_column", Column: "adults", Line: 1}},
		{"broken quote", "external_ref,pseudonym,adults\nR,\"P,1\nS,Q,1\n", FileError{Code: "malformed", Line: 2}},
		{"latin-1", "external_ref,pseudonym,adults\nR,Jos\xe9,1\n", FileError{Code: "encoding", Line: 2}},
		{"too many rows", "external_ref,pseudonym,adults\nA,P,1\nB,P,1\nC,P,1\n", FileError{Code: "too_many_rows", Line: 4}},
	}
	for _, tt := range tests {
		_, err := ReadCSV(strings.NewReader(tt.file), 2)
		var fe *FileError
		if !errors.As(err, &fe) || *fe != tt.want {
			t.Errorf("%s: got %v (%+v), want %+v", tt.name, err, fe, tt.want)
		}
	}
}

func TestCheckRows(t *testing.T) {
	file := "external_ref,pseudonym,adults,child_ages,languages,region,needs,anumber,decision_date,detained_since,facility\n" +
		"R1,M.G.,2,4,es,houston,wheelchair,A 012-345-678,2026-04-01,2026-01-10,Facility\n" + // 2: valid
		",M.G.,0,4,xx,,,,,,\n" + // 3: no ref, no adults, bad language
		"R3,A.B.,two,19,es,Mars,flying,123,2026-02-30,2027-01-01,\n" + // 4: many problems
		"R1,C.D.,1,,,,,,,,\n" + // 5: ref repeated from line 2
		"R5,E.F.,1\n" // 6: wrong width
	rows, err := ReadCSV(strings.NewReader(file), 100)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int][]string{}
	var valid []Checked
	for _, c := range CheckRows(rows, rules) {
		if c.Valid() {
			valid = append(valid, c)
			continue
		}
		for _, p := range c.Problems {
			got[c.Line] = append(got[c.Line], p.Field+":"+p.Code)
		}
	}
	want := map[int][]string{
		3: {"external_ref:required", "languages:choice", "adults:count"},
		4: {"adults:number", "child_ages:count", "decision_date:date", "detained_since:future", "region:choice", "needs:choice", "anumber:anumber"},
		5: {"external_ref:duplicate"},
		6: {"row:columns"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\ngot  %v\nwant %v", got, want)
	}
	if len(valid) != 1 || valid[0].Input.RegionID != "r2" || valid[0].Input.ANumber != "A 012-345-678" || valid[0].Line != 2 {
		t.Errorf("valid rows: got %+v, want line 2 with region r2 and the A-number's digits", valid)
	}
}

func TestCheckText(t *testing.T) {
	e := Entry{ExternalRef: strings.Repeat("x", model.ExternalRefMax+1), Pseudonym: "a\u202eb", Adults: 1, Facility: "ok"}
	_, ps := Check(e, rules)
	want := []Problem{{Field: "external_ref", Code: "too_long"}, {Field: "pseudonym", Code: "text"}}
	if !reflect.DeepEqual(ps, want) {
		t.Errorf("got %+v, want %+v", ps, want)
	}
}
