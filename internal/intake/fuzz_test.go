package intake

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzReadCSV: any file is read or refused as unusable, never a panic; a
// row read holds valid UTF-8 only, and checking it never panics either.
func FuzzReadCSV(f *testing.F) {
	f.Add("external_ref,pseudonym,adults\nR-1,M.G.,2\n")
	f.Add("\ufeffexternal_ref;pseudonym;adults;child_ages\nR;\"a;b\";1;4 9\n")
	f.Add("external_ref,pseudonym,adults\n\"R,1\n")
	f.Add("external_ref,pseudonym,adults,anumber,region,needs\nR,P,x,A1,North,flying\n")
	f.Fuzz(func(t *testing.T, file string) {
		rows, err := ReadCSV(strings.NewReader(file), 50)
		if err != nil {
			return
		}
		for _, r := range rows {
			for _, s := range []string{r.Entry.ExternalRef, r.Entry.Pseudonym, r.Entry.ANumber, r.Entry.Facility, r.Entry.Region} {
				if !utf8.ValidString(s) {
					t.Fatalf("line %d: invalid UTF-8 read: %q", r.Line, s)
				}
			}
		}
		CheckRows(rows, rules)
	})
}
