package web

import (
	"html"
	"reflect"
	"regexp"
	"sort"
	"strings"
)

// summaryError is one line of a rejected form's error summary: the
// message and the id of the field it links to ("" for no link).
type summaryError struct{ Field, Message string }

// summaryArgs is what the "error-summary" template needs.
type summaryArgs struct {
	Title  string
	Errors []summaryError
	Note   string
}

// Summary is the error summary of a rejected form, shown first in the main
// content of every page with errors (base.html), focused when the page
// loads (GOV.UK's error summary pattern). Each field's error key is the id
// of its control, so each message links to its field; messages come in the
// order the form's struct declares its fields, which is the order the form
// shows them, then any others by key. A message about the whole form
// (FormError) comes first and links to FormErrorAt, when set.
func (d *templateData) Summary() summaryArgs {
	a := summaryArgs{Title: d.T("errors.summary"), Note: d.SummaryNote}
	if d.FormError != "" {
		a.Errors = append(a.Errors, summaryError{Field: d.FormErrorAt, Message: d.FormError})
	}
	said := map[string]bool{}
	for _, name := range formFields(d.Form) {
		if m := d.Errors[name]; m != "" && !said[name] {
			a.Errors = append(a.Errors, summaryError{Field: name, Message: d.labelled(name, m)})
			said[name] = true
		}
	}
	var rest []string
	for k := range d.Errors {
		if !said[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	for _, k := range rest {
		if m := d.Errors[k]; m != "" && m != d.FormError {
			a.Errors = append(a.Errors, summaryError{Field: k, Message: d.labelled(k, m)})
		}
	}
	return a
}

// labelled says which field a message is about, out of its context in the
// summary: "Time: Enter a time as HH:MM." A required field's message
// already names what to enter ("Enter the date of the hearing or
// appointment."), so the summary shows it in the field's own words, as
// GOV.UK's error summary asks.
func (d *templateData) labelled(id, msg string) string {
	if l := d.labels[id]; l != "" && !requiredMessages()[d.Lang][msg] {
		return l + ": " + msg
	}
	return msg
}

var (
	labelRE  = regexp.MustCompile(`<label for="([^"]+)">([^<]+)</label>`)
	legendRE = regexp.MustCompile(`<fieldset[^>]*\sid="([^"]+)"[^>]*>\s*<legend>([^<]+)</legend>`)
)

// fieldLabels reads, from a rendered form, each control's label (a group
// of choices: its legend) by the control's id. The page is our own
// template's output, so its markup is known.
func fieldLabels(page []byte) map[string]string {
	out := map[string]string{}
	for _, re := range []*regexp.Regexp{labelRE, legendRE} {
		for _, m := range re.FindAllSubmatch(page, -1) {
			out[string(m[1])] = strings.TrimSpace(html.UnescapeString(string(m[2])))
		}
	}
	return out
}

// HasErrors reports whether the page shows a rejected form.
func (d *templateData) HasErrors() bool { return d.FormError != "" || len(d.Errors) > 0 }

// formFields lists the form tags of form's string fields in declaration
// order, embedded structs in place.
func formFields(form any) []string {
	v := reflect.ValueOf(form)
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return nil
	}
	return structFields(v.Type())
}

func structFields(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			out = append(out, structFields(f.Type)...)
			continue
		}
		if name, _, _ := strings.Cut(f.Tag.Get("form"), ","); name != "" {
			out = append(out, name)
		}
	}
	return out
}
