package web

import (
	"errors"
	"maps"
	"net/http"
	"slices"
	"strconv"

	"puente/internal/auth"
	"puente/internal/checklist"
	"puente/internal/i18n"
	"puente/internal/model"
)

// A network's checklist templates (issue 12): its admins add, edit,
// reorder and retire items, in both languages. Every change saves the
// whole list as a new version (store.SaveTemplate); cases keep the items
// they were given, and a coordinator pulls new ones in after seeing them.

// templateAdmin is what the template pages show.
type templateAdmin struct {
	Stages  []stageVersion
	Stage   string
	Name    string
	Version int
	Items   []templateItemView
	// Key is the item an edit page is about ("" on the new-item page).
	Key   string
	Rules []stageOption
	Roles []model.CommitmentKind
	// More are the languages beyond English and Spanish the item form
	// offers (templates_langs.go).
	More []langOption
	// Theirs is, on a form refused because another admin saved first,
	// the item as they left it, in the page's language (nil if new).
	Theirs *model.ItemText
}

// stageVersion is a stage with the network's current version of it.
type stageVersion struct {
	Stage, Name string
	Version     int
	Items       int
}

// templateItemView is an item of a template in both languages.
type templateItemView struct {
	Key string
	// Title is the title in the page's language.
	Title   string
	EN, ES  model.ItemText
	Source  string
	Rule    string
	Role    string
	Shipped bool
}

// templateItemForm is the form of a template item: every text in both
// languages (a title always; why, how and what to bring when either
// language has them), an official link, a deadline rule and a role.
type templateItemForm struct {
	TitleEN string `form:"title_en" validate:"required,safetext,max=200" required:"title_en"`
	TitleES string `form:"title_es" validate:"required,safetext,max=200" required:"title_es"`
	WhyEN   string `form:"why_en" validate:"safetext,max=1000"`
	WhyES   string `form:"why_es" validate:"safetext,max=1000"`
	HowEN   string `form:"how_en" validate:"safetext,max=1000"`
	HowES   string `form:"how_es" validate:"safetext,max=1000"`
	BringEN string `form:"bring_en" validate:"safetext,max=1000"`
	BringES string `form:"bring_es" validate:"safetext,max=1000"`
	Source  string `form:"source" validate:"max=300"`
	Rule    string `form:"rule" validate:"max=64"`
	Role    string `form:"role" validate:"max=20"`
	// Version is the template version the form was opened on: a save
	// after another admin's is refused, not written over theirs.
	Version string `form:"version"`
	// More are the texts in languages beyond English and Spanish
	// (title_fr, why_fr, …), by language code.
	More map[string]model.ItemText
}

// templateStage reads the stage in the URL and the network's current
// version of it.
func (s *Server) templateStage(r *http.Request, d *templateData) (model.TemplateVersion, error) {
	stage := r.PathValue("stage")
	if !checklist.ValidStage(checklist.Stage(stage)) {
		return model.TemplateVersion{}, errNotFound
	}
	v, err := s.store.NetworkTemplate(r.Context(), d.Org.ID, stage)
	if err != nil {
		return v, err
	}
	d.Templates = &templateAdmin{Stage: stage, Name: d.stageName(stage), Version: v.Version}
	for _, it := range v.Items {
		d.Templates.Items = append(d.Templates.Items, templateItemView{Key: it.Key, Title: itemText(d.Lang, it).Title,
			EN: itemText(i18n.EN, it), ES: itemText(i18n.ES, it),
			Source: it.Source, Rule: it.Rule, Role: it.Role, Shipped: it.TextKey != ""})
	}
	return v, nil
}

// templateList is the network's templates: each stage with its version.
func (s *Server) templateList(w http.ResponseWriter, r *http.Request) error {
	d := s.newData(r)
	d.Org = orgFrom(r)
	d.Title = d.T("template.title")
	d.Templates = &templateAdmin{}
	for _, st := range checklist.Stages {
		v, err := s.store.NetworkTemplate(r.Context(), d.Org.ID, string(st))
		if err != nil {
			return err
		}
		d.Templates.Stages = append(d.Templates.Stages, stageVersion{Stage: string(st), Name: d.stageName(string(st)),
			Version: v.Version, Items: len(v.Items)})
	}
	return s.render(w, r, http.StatusOK, "template_list", d)
}

// templateView is one stage's template with its items and their actions.
func (s *Server) templateView(w http.ResponseWriter, r *http.Request) error {
	d := s.newData(r)
	d.Org = orgFrom(r)
	if _, err := s.templateStage(r, d); err != nil {
		return err
	}
	d.Title = d.Templates.Name
	return s.render(w, r, http.StatusOK, "template_stage", d)
}

// templateItemPage starts the new or edit page of a template item.
func (s *Server) templateItemPage(r *http.Request) (*templateData, model.TemplateVersion, int, error) {
	d := s.newData(r)
	d.Org = orgFrom(r)
	v, err := s.templateStage(r, d)
	if err != nil {
		return nil, v, -1, err
	}
	// One choice per rule (its latest version's title), not per version.
	rs := s.store.Rules()
	for _, id := range rs.IDs() {
		vs := rs.Versions(id)
		d.Templates.Rules = append(d.Templates.Rules, stageOption{Stage: id, Label: say(vs[len(vs)-1].Title, d.Lang)})
	}
	d.Templates.Roles = model.CommitmentKinds
	d.Templates.More = moreLangs()
	d.Title = d.T("template.item.new")
	at := -1
	if key := r.PathValue("key"); key != "" {
		at = slices.IndexFunc(v.Items, func(it model.TemplateItem) bool { return it.Key == key })
		if at < 0 {
			// d goes back too: a save of an item retired since its form
			// was opened keeps what was typed (templateItemPost).
			return d, v, -1, errNotFound
		}
		d.Templates.Key = key
		d.Title = d.T("template.item.edit")
	}
	return d, v, at, nil
}

// templateItemForm shows the new-item or edit-item page.
func (s *Server) templateItemFormPage(w http.ResponseWriter, r *http.Request) error {
	d, v, at, err := s.templateItemPage(r)
	if err != nil {
		return err
	}
	f := &templateItemForm{}
	if at >= 0 {
		it := v.Items[at]
		en, es := itemText(i18n.EN, it), itemText(i18n.ES, it)
		f = &templateItemForm{TitleEN: en.Title, TitleES: es.Title, WhyEN: en.Why, WhyES: es.Why, HowEN: en.How, HowES: es.How,
			BringEN: en.Bring, BringES: es.Bring, Source: it.Source, Rule: it.Rule, Role: it.Role, More: maps.Clone(it.More)}
	}
	f.Version = strconv.Itoa(v.Version)
	d.Form = f
	return s.render(w, r, http.StatusOK, "template_item", d)
}

// checkTemplateItem validates f beyond its tags: each text in both
// languages or in neither, an official link, a known rule and role.
func (s *Server) checkTemplateItem(lang i18n.Lang, f *templateItemForm) map[string]string {
	errs := s.validateForm(lang, f)
	for _, pair := range [][2]string{{"why_en", "why_es"}, {"how_en", "how_es"}, {"bring_en", "bring_es"}} {
		en, es := formValue(f, pair[0]), formValue(f, pair[1])
		if (en == "") != (es == "") {
			missing := pair[0]
			if en != "" {
				missing = pair[1]
			}
			if _, bad := errs[missing]; !bad {
				errs[missing] = lang.T("template.err.both")
			}
		}
	}
	if _, bad := errs["source"]; !bad && f.Source != "" && !checklist.OfficialSource(f.Source) {
		errs["source"] = lang.T("template.err.source")
	}
	if _, bad := errs["rule"]; !bad && f.Rule != "" {
		if !slices.Contains(s.store.Rules().IDs(), f.Rule) {
			errs["rule"] = lang.T("err.choice")
		}
	}
	if _, bad := errs["role"]; !bad && f.Role != "" && !model.ValidCommitmentKind(model.CommitmentKind(f.Role)) {
		errs["role"] = lang.T("err.choice")
	}
	s.checkMore(lang, f, errs)
	return errs
}

// templateItemPost adds an item (at the end) or saves an edited one, as a
// new version of the network's template.
func (s *Server) templateItemPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d, v, at, pageErr := s.templateItemPage(r)
	if pageErr != nil && (d == nil || !errors.Is(pageErr, errNotFound)) {
		return pageErr
	}
	var f templateItemForm
	decodeForm(r, &f)
	f.decodeMore(r)
	seen, err := strconv.Atoi(f.Version)
	if err != nil || seen < 0 {
		return errBadRequest
	}
	if pageErr != nil {
		if seen >= v.Version {
			return pageErr // no such item, and none retired since the form was opened
		}
		// Another admin took the item out since: the words typed are kept.
		return s.templateConflict(w, r, d, v, -1, &f)
	}
	if d.Errors = s.checkTemplateItem(d.Lang, &f); len(d.Errors) > 0 {
		return s.formRejected(w, r, "template_item", d, &f)
	}
	if seen != v.Version {
		return s.templateConflict(w, r, d, v, at, &f)
	}
	it := model.TemplateItem{EN: model.ItemText{Title: f.TitleEN, Why: f.WhyEN, How: f.HowEN, Bring: f.BringEN},
		ES: model.ItemText{Title: f.TitleES, Why: f.WhyES, How: f.HowES, Bring: f.BringES}, More: f.More,
		Source: f.Source, Rule: f.Rule, Role: f.Role}
	items := slices.Clone(v.Items)
	if at >= 0 {
		it.Key = items[at].Key
		items[at] = it
	} else {
		it.Key = "net-" + auth.NewID()
		items = append(items, it)
	}
	_, err = s.store.SaveTemplate(r.Context(), d.Org.ID, v.Stage, viewerFrom(r).UserID, seen, items)
	if errors.Is(err, model.ErrConflict) {
		// Another admin saved between the read above and this write.
		if v, err = s.templateStage(r, d); err != nil {
			return err
		}
		at = slices.IndexFunc(v.Items, func(x model.TemplateItem) bool { return x.Key == it.Key })
		return s.templateConflict(w, r, d, v, at, &f)
	}
	if err != nil {
		return err
	}
	s.flashTo(w, r, "template.saved", "/orgs/"+d.Org.ID+"/checklists/"+v.Stage)
	return nil
}

// templateConflict answers a save made on a version another admin has
// since replaced: 409, nothing written, the form as typed with the other
// admin's words for the item beside it, and the version now current in
// the form, so that saving again is a choice made knowing theirs.
func (s *Server) templateConflict(w http.ResponseWriter, r *http.Request, d *templateData, v model.TemplateVersion, at int, f *templateItemForm) error {
	d.FormError = d.T("template.conflict.form", v.Version)
	if at < 0 && r.PathValue("key") != "" {
		// The item was taken out meanwhile: saving again adds the words
		// as a new item.
		d.FormError = d.T("template.conflict.gone", v.Version)
		d.Templates.Key = ""
	}
	if at >= 0 {
		theirs := itemText(d.Lang, v.Items[at])
		d.Templates.Theirs = &theirs
	}
	f.Version = strconv.Itoa(v.Version)
	d.Form = f
	return s.render(w, r, http.StatusConflict, "template_item", d)
}

// saveTemplate writes items as the next version and goes back to the stage.
func (s *Server) saveTemplate(w http.ResponseWriter, r *http.Request, d *templateData, v model.TemplateVersion, items []model.TemplateItem, flash string) error {
	_, err := s.store.SaveTemplate(r.Context(), d.Org.ID, v.Stage, viewerFrom(r).UserID, v.Version, items)
	if errors.Is(err, model.ErrConflict) {
		flash = "template.conflict" // another admin saved first: nothing written
	} else if err != nil {
		return err
	}
	s.flash(r, flash)
	http.Redirect(w, r, "/orgs/"+d.Org.ID+"/checklists/"+v.Stage, http.StatusSeeOther)
	return nil
}

// staleTemplate refuses, with a flash and back to the stage, a move or a
// retirement asked from a page of another version than the current one
// (its form's version field), and reports whether it did.
func (s *Server) staleTemplate(w http.ResponseWriter, r *http.Request, d *templateData, v model.TemplateVersion) bool {
	if seen, err := strconv.Atoi(r.PostForm.Get("version")); err == nil && seen == v.Version {
		return false
	}
	s.flashTo(w, r, "template.conflict", "/orgs/"+d.Org.ID+"/checklists/"+v.Stage)
	return true
}

// templateMovePost moves an item one place up or down.
func (s *Server) templateMovePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d, v, at, err := s.templateItemPage(r)
	if err != nil {
		return err
	}
	to := at - 1
	if r.PostForm.Get("dir") == "down" {
		to = at + 1
	} else if r.PostForm.Get("dir") != "up" {
		return errBadRequest
	}
	if to < 0 || to >= len(v.Items) {
		http.Redirect(w, r, "/orgs/"+d.Org.ID+"/checklists/"+v.Stage, http.StatusSeeOther)
		return nil
	}
	if s.staleTemplate(w, r, d, v) {
		// The list the admin saw is not the list now: moving "up" might
		// move another item than the one they meant.
		return nil
	}
	items := slices.Clone(v.Items)
	items[at], items[to] = items[to], items[at]
	return s.saveTemplate(w, r, d, v, items, "template.saved")
}

// templateRetireForm asks before an item leaves the template.
func (s *Server) templateRetireForm(w http.ResponseWriter, r *http.Request) error {
	d, v, at, err := s.templateItemPage(r)
	if err != nil {
		return err
	}
	title := itemText(d.Lang, v.Items[at]).Title
	return s.confirm(w, r, http.StatusOK, d, &confirmView{Title: d.T("template.retire.title", title),
		Lead: d.T("template.retire.lead"), Kept: d.T("template.retire.kept"),
		Action: "/orgs/" + d.Org.ID + "/checklists/" + v.Stage + "/items/" + v.Items[at].Key + "/retire",
		Button: d.T("template.retire"), Cancel: "/orgs/" + d.Org.ID + "/checklists/" + v.Stage,
		Hidden: []hiddenField{{Name: "version", Value: strconv.Itoa(v.Version)}}})
}

// templateRetirePost takes an item out of the template (new cases will
// not get it; cases that have it keep it).
func (s *Server) templateRetirePost(w http.ResponseWriter, r *http.Request) error {
	d, v, at, err := s.templateItemPage(r)
	if err != nil {
		return err
	}
	if err := parseForm(r); err != nil {
		return err
	}
	if s.staleTemplate(w, r, d, v) {
		// The item may have been rewritten since the page asked.
		return nil
	}
	items := slices.Delete(slices.Clone(v.Items), at, at+1)
	return s.saveTemplate(w, r, d, v, items, "template.retired")
}
