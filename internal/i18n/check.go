package i18n

import (
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// LangReport is the completeness of one language against the source.
type LangReport struct {
	Lang  Lang
	Name  string
	Draft bool
	// Keys is the number of keys the language's files hold.
	Keys int
	// Missing are the source's keys the language lacks (sorted). A
	// problem unless the language is a draft: then they show in English.
	Missing []string
	// Extra are keys the source lacks (sorted): a renamed or removed key
	// left behind, or a typo. Always a problem.
	Extra []string
	// Placeholders are the keys whose printf verbs differ from the
	// source's (sorted): a page would print %!s(MISSING) or drop a value.
	Placeholders []string
	// Empty are the keys whose text is blank (sorted).
	Empty []string
}

// OK reports whether the language has no problem.
func (r LangReport) OK() bool {
	return (r.Draft || len(r.Missing) == 0) && len(r.Extra) == 0 && len(r.Placeholders) == 0 && len(r.Empty) == 0
}

// Report is the completeness of every language of a locales directory.
type Report struct {
	// Err is why the files did not load (then Langs is empty).
	Err   error
	Langs []LangReport
}

// OK reports whether the files loaded and every language is complete (or
// a draft), with the source's keys only and the same placeholders.
func (r Report) OK() bool {
	if r.Err != nil {
		return false
	}
	for _, l := range r.Langs {
		if !l.OK() {
			return false
		}
	}
	return true
}

// Check loads the locale files at the root of fsys and compares every
// language with the source, key by key.
func Check(fsys fs.FS) Report {
	c, err := Load(fsys)
	if err != nil {
		return Report{Err: err}
	}
	var rep Report
	src := c.text[Source]
	for _, l := range c.langs {
		lr := LangReport{Lang: l, Name: c.meta[l].Name, Draft: c.meta[l].Draft, Keys: len(c.text[l])}
		for k, s := range c.text[l] {
			if strings.TrimSpace(s) == "" {
				lr.Empty = append(lr.Empty, k)
			}
			en, ok := src[k]
			if !ok {
				lr.Extra = append(lr.Extra, k)
				continue
			}
			if !SamePlaceholders(en, s) {
				lr.Placeholders = append(lr.Placeholders, k)
			}
		}
		for k := range src {
			if _, ok := c.text[l][k]; !ok {
				lr.Missing = append(lr.Missing, k)
			}
		}
		for _, s := range [][]string{lr.Missing, lr.Extra, lr.Placeholders, lr.Empty} {
			sort.Strings(s)
		}
		rep.Langs = append(rep.Langs, lr)
	}
	return rep
}

// Write prints the report: one line per language, then each problem key.
func (r Report) Write(w io.Writer) {
	if r.Err != nil {
		fmt.Fprintf(w, "the locale files do not load: %v\n", r.Err)
		return
	}
	for _, l := range r.Langs {
		status := "complete"
		switch {
		case !l.OK():
			status = "PROBLEMS"
		case l.Draft && len(l.Missing) > 0:
			status = "draft, incomplete (missing texts show in English)"
		case l.Draft:
			status = "draft"
		}
		fmt.Fprintf(w, "%s (%s): %d keys, %d missing, %d extra, %d placeholder mismatches, %d empty: %s\n",
			l.Lang, l.Name, l.Keys, len(l.Missing), len(l.Extra), len(l.Placeholders), len(l.Empty), status)
		for _, p := range []struct {
			what string
			keys []string
		}{{"missing", l.Missing}, {"extra (not in " + string(Source) + ")", l.Extra},
			{"placeholders differ from " + string(Source), l.Placeholders}, {"empty", l.Empty}} {
			for _, k := range p.keys {
				fmt.Fprintf(w, "  %s: %s\n", p.what, k)
			}
		}
	}
}

// verb matches a printf verb: flags, an explicit argument index, width,
// precision and the verb letter; %% too, so a literal percent counts.
var verb = regexp.MustCompile(`%[-+# 0]*(?:\[[0-9]+\])?[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`)

// Placeholders lists the printf verbs of s in order.
func Placeholders(s string) []string { return verb.FindAllString(s, -1) }

// named matches a named placeholder: {trigger_date}, {due_date} in the
// deadline rules' explanations.
var named = regexp.MustCompile(`\{[a-z_]+\}`)

// SamePlaceholders reports whether a translation b takes the same
// arguments as a: the same verbs in the same order, or, where the texts
// number their arguments (%[2]s de %[1]s), the same verbs in any order;
// and the same named placeholders ({due_date}), in any order.
func SamePlaceholders(a, b string) bool {
	na, nb := named.FindAllString(a, -1), named.FindAllString(b, -1)
	slices.Sort(na)
	slices.Sort(nb)
	if !slices.Equal(na, nb) {
		return false
	}
	va, vb := Placeholders(a), Placeholders(b)
	if slices.Equal(va, vb) {
		return true
	}
	if !strings.Contains(a+b, "%[") {
		return false
	}
	slices.Sort(va)
	slices.Sort(vb)
	return slices.Equal(va, vb)
}
