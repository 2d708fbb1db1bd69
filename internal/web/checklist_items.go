package web

import (
	"errors"
	"net/http"

	"puente/internal/authz"
	"puente/internal/model"
)

// The pages of one checklist item: the item (why, how, what to bring, its
// deadline on this case, who does it) with its tick button, and a page per
// form: assign, not applicable with a reason, note. A group's own item has
// a page too. Members act on items nobody holds and on their own;
// coordinators on any (authz.ActOnItem, AssignItem: 403 otherwise).

// itemForm is every item form's fields; each page uses its own.
type itemForm struct {
	State    string `form:"state" validate:"omitempty,oneof=open done"`
	Reason   string `form:"reason" validate:"required,safetext,max=300" required:"not_applicable_reason"`
	Note     string `form:"note" validate:"safetext,max=500"`
	Assignee string `form:"assignee_id" validate:"max=64"`
	DueOn    string `form:"due_on" validate:"isodate"`
	Title    string `form:"title" validate:"required,safetext,max=200" required:"own_item_title"`
}

// itemPage starts a page about the item in the URL.
func (s *Server) itemPage(r *http.Request) (*templateData, *itemPageView, error) {
	d, err := s.checklistPageData(r)
	if err != nil {
		return nil, nil, err
	}
	id := r.PathValue("itemID")
	for i := range d.Checklists.Lists {
		for j := range d.Checklists.Lists[i].Items {
			if it := &d.Checklists.Lists[i].Items[j]; it.ID == id {
				d.Checklists.List, d.Checklists.Item = &d.Checklists.Lists[i], it
				d.Title = it.Text.Title
				return d, it, nil
			}
		}
	}
	return nil, nil, errNotFound
}

// itemView is the page of one item.
func (s *Server) itemView(w http.ResponseWriter, r *http.Request) error {
	d, _, err := s.itemPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "checklist_item", d)
}

// itemTickPost ticks the item (state done) or opens it again (state open);
// an item tied to a deadline rule marks the case's deadlines of that rule
// with it, in the same transaction.
func (s *Server) itemTickPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d, it, err := s.itemPage(r)
	if err != nil {
		return err
	}
	if !it.CanAct {
		return errForbiddenFor(d.Case)
	}
	state := model.ItemState(r.PostForm.Get("state"))
	if state != model.ItemDone && state != model.ItemOpen {
		return errBadRequest // a hidden field nobody types
	}
	if err := s.store.SetItemState(r.Context(), d.Case, it.ID, viewerFrom(r).UserID, state, "", s.today(d.Org.TimeZone)); err != nil {
		return err
	}
	s.flashTo(w, r, "checklist.saved", d.Checklists.List.URL+"#i-"+it.ID)
	return nil
}

// errForbiddenFor is 403 on an open case (the item is visible, the act is
// not the viewer's), and the closed case's own answer otherwise.
func errForbiddenFor(c model.Case) error {
	if err := openCase(c); err != nil {
		return err
	}
	return model.ErrForbidden
}

// itemFormPage renders the item's form page named page ("na", "note",
// "assign").
func (s *Server) itemFormPage(w http.ResponseWriter, r *http.Request, page string) error {
	d, it, err := s.itemPage(r)
	if err != nil {
		return err
	}
	allowed := it.CanAct
	if page == "assign" {
		allowed = it.CanAssign
		if d.Checklists.Members, err = s.assignable(r, d, it); err != nil {
			return err
		}
	}
	if !allowed {
		return errForbiddenFor(d.Case)
	}
	d.FormName = page
	d.Form = &itemForm{Reason: it.NAReason, Note: it.Note, Assignee: it.AssigneeID, DueOn: it.DueOn}
	return s.render(w, r, http.StatusOK, "checklist_form", d)
}

// assignable are the members the viewer may assign the item to: anyone in
// the group for a coordinator; themselves for a member.
func (s *Server) assignable(r *http.Request, d *templateData, it *itemPageView) ([]model.Member, error) {
	ms, err := s.store.Members(r.Context(), d.Org.ID, string(d.Lang))
	if err != nil {
		return nil, err
	}
	v := viewerFrom(r).Viewer
	var out []model.Member
	for _, m := range ms {
		if authz.AssignItem(v, d.Org, it.AssigneeID, m.UserID) {
			out = append(out, m)
		}
	}
	return out, nil
}

func (s *Server) itemNAForm(w http.ResponseWriter, r *http.Request) error {
	return s.itemFormPage(w, r, "na")
}

func (s *Server) itemNoteForm(w http.ResponseWriter, r *http.Request) error {
	return s.itemFormPage(w, r, "note")
}

func (s *Server) itemAssignForm(w http.ResponseWriter, r *http.Request) error {
	return s.itemFormPage(w, r, "assign")
}

// itemFormPost checks and saves the item form named page; a rejected
// form comes back on its page with 422 and nothing written.
func (s *Server) itemFormPost(w http.ResponseWriter, r *http.Request, page string) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d, it, err := s.itemPage(r)
	if err != nil {
		return err
	}
	var f itemForm
	decodeForm(r, &f)
	all := s.validateForm(d.Lang, &f)
	errs := map[string]string{}
	keep := map[string][]string{"na": {"reason"}, "note": {"note"}, "assign": {"assignee_id", "due_on"}}[page]
	for _, k := range keep {
		if m, ok := all[k]; ok {
			errs[k] = m
		}
	}
	v := viewerFrom(r)
	if page == "assign" {
		if d.Checklists.Members, err = s.assignable(r, d, it); err != nil {
			return err
		}
		if !it.CanAssign {
			return errForbiddenFor(d.Case)
		}
		if _, bad := errs["assignee_id"]; !bad && !authz.AssignItem(v.Viewer, d.Org, it.AssigneeID, f.Assignee) {
			errs["assignee_id"] = d.T("err.choice")
		}
		if f.Assignee == "" {
			f.DueOn = ""
		}
	} else if !it.CanAct {
		return errForbiddenFor(d.Case)
	}
	if len(errs) == 0 {
		switch page {
		case "na":
			err = s.store.SetItemState(r.Context(), d.Case, it.ID, v.UserID, model.ItemNotApplicable, f.Reason, "")
		case "note":
			err = s.store.SetItemNote(r.Context(), d.Case, it.ID, v.UserID, f.Note)
		case "assign":
			err = s.store.AssignItem(r.Context(), d.Case, it.ID, v.UserID, f.Assignee, f.DueOn)
			if errors.Is(err, model.ErrNotFound) { // left the group meanwhile
				errs["assignee_id"], err = d.T("err.choice"), nil
			}
		}
		if err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		d.FormName, d.Errors = page, errs
		return s.formRejected(w, r, "checklist_form", d, &f)
	}
	s.flashTo(w, r, "checklist.saved", it.URL)
	return nil
}

func (s *Server) itemNAPost(w http.ResponseWriter, r *http.Request) error {
	return s.itemFormPost(w, r, "na")
}

func (s *Server) itemNotePost(w http.ResponseWriter, r *http.Request) error {
	return s.itemFormPost(w, r, "note")
}

func (s *Server) itemAssignPost(w http.ResponseWriter, r *http.Request) error {
	return s.itemFormPost(w, r, "assign")
}

// ownItemPage starts the page that adds the group's own item to the
// checklist of the stage in the URL.
func (s *Server) ownItemPage(r *http.Request) (*templateData, error) {
	d, err := s.checklistPageData(r)
	if err != nil {
		return nil, err
	}
	if err := openCase(d.Case); err != nil {
		return nil, err
	}
	stage := r.PathValue("stage")
	for i := range d.Checklists.Lists {
		if d.Checklists.Lists[i].Stage == stage {
			d.Checklists.List = &d.Checklists.Lists[i]
		}
	}
	if d.Checklists.List == nil {
		return nil, errNotFound
	}
	d.Title, d.FormName = d.T("checklist.own.title"), "own"
	return d, nil
}

// ownItemForm is the page that adds the group's own item.
func (s *Server) ownItemForm(w http.ResponseWriter, r *http.Request) error {
	d, err := s.ownItemPage(r)
	if err != nil {
		return err
	}
	d.Form = &itemForm{}
	return s.render(w, r, http.StatusOK, "checklist_form", d)
}

// ownItemPost adds the group's own item, as typed, at the end.
func (s *Server) ownItemPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d, err := s.ownItemPage(r)
	if err != nil {
		return err
	}
	var f itemForm
	decodeForm(r, &f)
	errs := map[string]string{}
	if m, ok := s.validateForm(d.Lang, &f)["title"]; ok {
		errs["title"] = m
	}
	if len(errs) > 0 {
		d.Errors = errs
		return s.formRejected(w, r, "checklist_form", d, &f)
	}
	id, err := s.store.AddOwnItem(r.Context(), d.Case, viewerFrom(r).UserID, d.Checklists.List.Stage, f.Title)
	if err != nil {
		return err
	}
	s.flashTo(w, r, "checklist.saved", d.Checklists.List.URL+"#i-"+id)
	return nil
}
