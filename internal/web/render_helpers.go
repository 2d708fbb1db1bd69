package web

import (
	"html/template"
	"net/url"
	"reflect"
	"strconv"
	"strings"

	"puente/internal/model"
)

// fieldArgs is what the "text-field" template needs for one input.
type fieldArgs struct {
	ID, Name, Label, Type, Value, Hint, Error, Auto string
	Max                                             int
	Required                                        bool
}

// Field describes the input name for the "text-field" template: its label
// (a message key), type, maximum length, the value typed so far and its
// error. flags may hold "required".
func (d *templateData) Field(name, labelKey, typ string, max int, flags string) fieldArgs {
	return fieldArgs{
		ID: name, Name: name, Label: d.T(labelKey), Type: typ, Max: max, Value: formValue(d.Form, name),
		Error: d.Errors[name], Required: strings.Contains(flags, "required"), Auto: "off",
	}
}

// Inline describes field name of the case page's inline form: its id and
// error key are prefixed with the form's name, and it keeps what was typed
// only when that form was the one rejected.
func (d *templateData) Inline(form, name, labelKey, typ string, max int, flags string) fieldArgs {
	a := d.Field(name, labelKey, typ, max, flags)
	a.ID = form + "_" + name
	a.Value = d.Val(form, name)
	a.Error = d.Errors[a.ID]
	return a
}

// formValue finds the string field tagged form:"name" in form, embedded
// structs included.
func formValue(form any, name string) string {
	if fv, ok := form.(formValuer); ok {
		if s, ok := fv.FormValue(name); ok {
			return s
		}
	}
	return fieldValue(reflect.ValueOf(form), name)
}

// formValuer is a form with fields beyond its tagged ones, named at run
// time (a template item's texts in the languages of the locale files).
type formValuer interface {
	FormValue(name string) (string, bool)
}

func fieldValue(v reflect.Value, name string) string {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return ""
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return ""
	}
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			if s := fieldValue(v.Field(i), name); s != "" {
				return s
			}
			continue
		}
		tag, _, _ := strings.Cut(f.Tag.Get("form"), ",")
		if tag == name && f.Type.Kind() == reflect.String {
			return v.Field(i).String()
		}
	}
	return ""
}

// sensitiveField is one encrypted field on the person form.
type sensitiveField struct {
	Name     string
	Type     string
	Recorded bool
	Hint     string // message key of the field's format hint, or ""
	// Value is what the user typed in this field on the form being shown
	// again after a rejection (422): their own input of the same POST,
	// kept so a correction elsewhere does not lose it. A stored value is
	// never put here (that is a reveal, with its audit entry).
	Value string
}

// SensitiveFields lists the person form's encrypted fields, whether the
// person being edited has each recorded (a stored value is never shown
// here) and what was typed in each on a rejected form.
func (d *templateData) SensitiveFields() []sensitiveField {
	fs := sensitiveOf(d.Person)
	for i := range fs {
		fs[i].Value = formValue(d.Form, fs[i].Name)
	}
	return fs
}

// RecordedFields are the sensitive fields p has recorded, for the reveal buttons.
func (d *templateData) RecordedFields(p model.Person) []sensitiveField {
	var out []sensitiveField
	for _, f := range sensitiveOf(p) {
		if f.Recorded {
			out = append(out, f)
		}
	}
	return out
}

func sensitiveOf(p model.Person) []sensitiveField {
	return []sensitiveField{
		{Name: "anumber", Type: "text", Recorded: p.HasANumber, Hint: "field.anumber.hint"},
		{Name: "dob", Type: "date", Recorded: p.HasDOB},
		{Name: "facility", Type: "text", Recorded: p.HasFacility},
	}
}

// SortOptions are the case list's orders.
func (d *templateData) SortOptions() []string {
	return []string{"updated", "next_due", "name", "created", "status"}
}

func (d *templateData) pageURL(page int) string {
	v := url.Values{}
	if d.Query.Search != "" {
		v.Set("q", d.Query.Search)
	}
	if d.Query.Status != "" {
		v.Set("status", string(d.Query.Status))
	}
	v.Set("state", d.Query.State)
	v.Set("sort", d.Query.Sort)
	v.Set("page", strconv.Itoa(page))
	return "/cases?" + v.Encode()
}

// PrevPageURL is the previous page of the case list, or "".
func (d *templateData) PrevPageURL() string {
	if d.Query.Page <= 1 {
		return ""
	}
	return d.pageURL(d.Query.Page - 1)
}

// NextPageURL is the next page of the case list, or "".
func (d *templateData) NextPageURL() string {
	if d.Query.Page >= d.Pages {
		return ""
	}
	return d.pageURL(d.Query.Page + 1)
}

// DuePrevURL and DueNextURL are the home page's previous and next pages of
// the next 14 days, or "".
func (d *templateData) DuePrevURL() string {
	switch {
	case d.DuePage <= 1:
		return ""
	case d.DuePage == 2:
		return "/"
	}
	return "/?page=" + strconv.Itoa(d.DuePage-1)
}

// DueNextURL: see DuePrevURL.
func (d *templateData) DueNextURL() string {
	if !d.DueMore {
		return ""
	}
	return "/?page=" + strconv.Itoa(d.DuePage+1)
}

// personSelectArgs is what the "person-select" template needs.
type personSelectArgs struct {
	ID, Label, Error, Household, Selected string
	People                                []personOption
}

type personOption struct{ ID, Name string }

// PersonSelect describes a "for whom" select over the case's household;
// its error is keyed id + "_id" (the inline form's prefix and person_id).
func (d *templateData) PersonSelect(id, labelKey string) personSelectArgs {
	a := personSelectArgs{ID: id, Label: d.T(labelKey), Error: d.Errors[id+"_id"], Household: d.T("person.household")}
	if form, _, ok := strings.Cut(id, "_"); ok {
		a.Selected = d.Val(form, "person_id")
	}
	for _, p := range d.People {
		a.People = append(a.People, personOption{ID: p.ID, Name: p.Name})
	}
	return a
}

// PersonChoice describes a "for whom" select of a form of its own (not an
// inline one): id is also its error key, selected the current choice.
func (d *templateData) PersonChoice(id, labelKey, selected string) personSelectArgs {
	a := d.PersonSelect(id, labelKey)
	a.Error, a.Selected = d.Errors[id], selected
	return a
}

// PersonName is the household member's name, or "the whole household".
func (d *templateData) PersonName(id string) string {
	for _, p := range d.People {
		if p.ID == id {
			return p.Name
		}
	}
	return d.T("person.household")
}

// Val is what was typed in field of the inline form name, when the page is
// shown again because that form was rejected; "" otherwise.
func (d *templateData) Val(name, field string) string {
	if d.FormName != name {
		return ""
	}
	return formValue(d.Form, field)
}

// Sel is " selected" when option was chosen in field of the rejected form name.
func (d *templateData) Sel(name, field, option string) template.HTMLAttr {
	if d.FormName == name && formValue(d.Form, field) == option {
		return " selected"
	}
	return ""
}

// MarkErrors are the messages of a rejected mark form, labelled by field.
func (d *templateData) MarkErrors() []string {
	var out []string
	for _, f := range []struct{ key, label string }{
		{"mark_key", ""}, {"mark_state", "mark.state"}, {"mark_done_on", "mark.done_date"}, {"mark_note", "mark.note"},
	} {
		if msg := d.Errors[f.key]; msg != "" {
			if f.label != "" && !requiredMessages()[d.Lang][msg] {
				msg = d.T(f.label) + ": " + msg
			}
			out = append(out, msg)
		}
	}
	return out
}

// FormValue is what the form being shown holds for the field tagged
// form:"name" ("" for none): on a rejected form, what was typed.
func (d *templateData) FormValue(name string) string { return formValue(d.Form, name) }
