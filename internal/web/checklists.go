package web

import (
	"errors"
	"net/http"

	"puente/internal/checklist"
	"puente/internal/model"
)

// Checklists of a case (issue 12): a block on the case page in a task-list
// layout, a page per checklist, and pages for adding one and pulling a
// newer template version's items in (coordinators).

// checklistPageData starts a page about the case in the URL with its
// deadlines (an item tied to a rule shows its date) and checklists.
func (s *Server) checklistPageData(r *http.Request) (*templateData, error) {
	d := s.casePageData(r)
	var err error
	if d.People, err = s.store.People(r.Context(), d.Case.ID, string(d.Lang)); err != nil {
		return nil, err
	}
	if err := s.fillDeadlines(r, d); err != nil {
		return nil, err
	}
	if err := s.fillChecklists(r.Context(), d, viewerFrom(r).Viewer); err != nil {
		return nil, err
	}
	return d, nil
}

// checklistView is the page of one of the case's checklists: each item
// with its state, who does it, by when, and its deadline's state.
func (s *Server) checklistView(w http.ResponseWriter, r *http.Request) error {
	d, err := s.checklistPageData(r)
	if err != nil {
		return err
	}
	stage := r.PathValue("stage")
	for i := range d.Checklists.Lists {
		if d.Checklists.Lists[i].Stage == stage {
			d.Checklists.List = &d.Checklists.Lists[i]
		}
	}
	if d.Checklists.List == nil {
		return errNotFound
	}
	if d.Checklists.CanAdd {
		ch, err := s.store.ChecklistChanges(r.Context(), d.Case, stage)
		if err != nil {
			return err
		}
		d.Checklists.List.Behind = ch.To != ch.From
	}
	d.Title = d.Checklists.List.Name
	return s.render(w, r, http.StatusOK, "checklist", d)
}

// checklistForm is the form that gives a case a checklist.
type checklistForm struct {
	Stage string `form:"stage" validate:"required,max=20" required:"checklist_stage"`
}

// checklistNewForm offers the stages the case has no checklist of yet.
func (s *Server) checklistNewForm(w http.ResponseWriter, r *http.Request) error {
	d, err := s.checklistPageData(r)
	if err != nil {
		return err
	}
	if err := openCase(d.Case); err != nil {
		return err
	}
	d.Title = d.T("checklist.add")
	// The stage asked for (the case page offers the first week's), or
	// the first the case lacks.
	f := &checklistForm{}
	for _, st := range d.Checklists.Stages {
		if f.Stage == "" || st.Stage == r.URL.Query().Get("stage") {
			f.Stage = st.Stage
		}
	}
	d.Form = f
	return s.render(w, r, http.StatusOK, "checklist_new", d)
}

// checklistCreatePost gives the case the chosen stage's checklist: a copy
// of its network's current template.
func (s *Server) checklistCreatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	c := caseFrom(r)
	if err := openCase(c); err != nil {
		return err
	}
	var f checklistForm
	decodeForm(r, &f)
	lang := langFrom(r)
	errs := s.validateForm(lang, &f)
	if _, bad := errs["stage"]; !bad && !checklist.ValidStage(checklist.Stage(f.Stage)) {
		errs["stage"] = lang.T("err.choice")
	}
	var err error
	if len(errs) == 0 {
		_, err = s.store.AddChecklist(r.Context(), c, viewerFrom(r).UserID, f.Stage)
		if errors.Is(err, model.ErrConflict) {
			errs["stage"], err = lang.T("checklist.err.have"), nil
		}
	}
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		d, err := s.checklistPageData(r)
		if err != nil {
			return err
		}
		d.Title, d.Errors = d.T("checklist.add"), errs
		return s.formRejected(w, r, "checklist_new", d, &f)
	}
	s.flashTo(w, r, "checklist.added", "/cases/"+c.ID+"/checklists/"+f.Stage)
	return nil
}

// changesView is what a newer template version changes, in words.
type changesView struct {
	From, To                int
	Added, Changed, Retired []string
}

// checklistUpdateForm shows a coordinator what the network's newer
// template version changes before its new items are pulled into the case.
func (s *Server) checklistUpdateForm(w http.ResponseWriter, r *http.Request) error {
	d, err := s.checklistPageData(r)
	if err != nil {
		return err
	}
	if err := openCase(d.Case); err != nil {
		return err
	}
	stage := r.PathValue("stage")
	ch, err := s.store.ChecklistChanges(r.Context(), d.Case, stage)
	if err != nil {
		return err
	}
	cv := &changesView{From: ch.From, To: ch.To}
	for _, it := range ch.Added {
		cv.Added = append(cv.Added, itemText(d.Lang, it).Title)
	}
	for _, it := range ch.Changed {
		cv.Changed = append(cv.Changed, itemText(d.Lang, it).Title)
	}
	for _, it := range ch.Retired {
		cv.Retired = append(cv.Retired, itemText(d.Lang, it).Title)
	}
	d.Checklists.Changes = cv
	d.Title = d.T("checklist.update.title", d.stageName(stage))
	d.Form = &struct{ Stage string }{stage}
	return s.render(w, r, http.StatusOK, "checklist_update", d)
}

// checklistUpdatePost pulls the newer version's new items into the case
// (the version the coordinator saw: a newer edit since sends them back to
// see it).
func (s *Server) checklistUpdatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	c := caseFrom(r)
	stage := r.PathValue("stage")
	version, ok := parseVersion(r.PostForm.Get("version"))
	if !ok {
		return errBadRequest
	}
	_, err := s.store.PullChecklist(r.Context(), c, viewerFrom(r).UserID, stage, version)
	if errors.Is(err, model.ErrConflict) {
		s.flashTo(w, r, "checklist.update.stale", "/cases/"+c.ID+"/checklists/"+stage+"/update")
		return nil
	}
	if err != nil {
		return err
	}
	s.flashTo(w, r, "checklist.update.done", "/cases/"+c.ID+"/checklists/"+stage)
	return nil
}

// parseVersion reads a template version number posted back by a form.
func parseVersion(s string) (int, bool) {
	if s == "" || len(s) > 6 {
		return 0, false
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, true
}
