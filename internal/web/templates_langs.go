package web

import (
	"net/http"
	"strconv"
	"strings"

	"puente/internal/i18n"
	"puente/internal/model"
)

// A network's item in the languages beyond English and Spanish (issue 12):
// the item form offers every other language of the locale files, each
// optional; a case shows the viewer's language, else English.

// itemParts are an item's texts, with their longest length.
var itemParts = []struct {
	name string
	max  int
}{{"title", 200}, {"why", 1000}, {"how", 1000}, {"bring", 1000}}

// langOption is a language the item form offers beyond English and Spanish.
type langOption struct {
	Code string
	Name string
}

// moreLangs are the languages of the locale files beyond English and
// Spanish, which a network's item may have words in.
func moreLangs() []langOption {
	var out []langOption
	for _, l := range i18n.All {
		if l != i18n.EN && l != i18n.ES {
			out = append(out, langOption{Code: string(l), Name: l.Name()})
		}
	}
	return out
}

// part is one text of an item's words.
func part(t model.ItemText, name string) string {
	switch name {
	case "title":
		return t.Title
	case "why":
		return t.Why
	case "how":
		return t.How
	}
	return t.Bring
}

// FormValue is the form's text name ("title_fr") in a language beyond
// English and Spanish.
func (f *templateItemForm) FormValue(name string) (string, bool) {
	p, lang, ok := strings.Cut(name, "_")
	if !ok || lang == "en" || lang == "es" {
		return "", false
	}
	t, ok := f.More[lang]
	if !ok {
		return "", false
	}
	return part(t, p), true
}

// decodeMore reads the texts of the other languages from the form.
func (f *templateItemForm) decodeMore(r *http.Request) {
	for _, l := range moreLangs() {
		get := func(p string) string { return strings.TrimSpace(r.PostForm.Get(p + "_" + l.Code)) }
		t := model.ItemText{Title: get("title"), Why: get("why"), How: get("how"), Bring: get("bring")}
		if t != (model.ItemText{}) {
			if f.More == nil {
				f.More = map[string]model.ItemText{}
			}
			f.More[l.Code] = t
		}
	}
}

// checkMore validates the other languages' texts: each within its length
// and in plain characters, and a title for any language given words.
func (s *Server) checkMore(lang i18n.Lang, f *templateItemForm, errs map[string]string) {
	for code, t := range f.More {
		for _, p := range itemParts {
			v := part(t, p.name)
			if v == "" {
				continue
			}
			if err := s.validate.Var(v, "safetext,max="+strconv.Itoa(p.max)); err != nil {
				errs[p.name+"_"+code] = lang.T("err.chars")
				if len([]rune(v)) > p.max {
					errs[p.name+"_"+code] = lang.T("err.max_n", strconv.Itoa(p.max))
				}
			}
		}
		if t.Title == "" {
			errs["title_"+code] = lang.T("template.err.title_first")
		}
	}
}

// LangField describes the field of part p ("title", "why", …) of an
// item's words in language code, labelled in the page's language.
func (d *templateData) LangField(p, code string) fieldArgs {
	max := 1000
	if p == "title" {
		max = 200
	}
	a := d.Field(p+"_"+code, "", "text", max, "")
	a.Label = d.T("template.field."+p+"_in", i18n.Lang(code).Name())
	return a
}
