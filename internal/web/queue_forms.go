package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"puente/internal/model"
	"puente/internal/store"
)

// queueForm is a person for the queue as typed. The edit form never shows
// a saved A-number or facility (left empty, they keep what is saved); a
// rejected form (422) shows again what was typed in them, the user's own
// input of that POST (README, "Security notes").
type queueForm struct {
	// Fields in the order the form shows them: the error summary lists
	// its messages in this order. Languages and Needs are the ticked
	// values (lists: decodeForm leaves them to readQueueForm).
	Pseudonym     string   `form:"pseudonym"`
	Languages     []string `form:"languages"`
	Adults        string   `form:"adults"`
	ChildAges     string   `form:"child_ages"`
	DecisionDate  string   `form:"decision_date"`
	DetainedSince string   `form:"detained_since"`
	RegionID      string   `form:"region_id"`
	Needs         []string `form:"needs"`
	ExternalRef   string   `form:"external_ref"`
	ANumber       string   `form:"anumber"`
	Facility      string   `form:"facility"`
	ClearANumber  string   `form:"clear_anumber"`
	ClearFacility string   `form:"clear_facility"`
}

// readQueueForm decodes the posted form.
func readQueueForm(r *http.Request) *queueForm {
	f := &queueForm{}
	decodeForm(r, f)
	f.Languages, f.Needs = r.PostForm["languages"], r.PostForm["needs"]
	return f
}

// input turns the form into an entry and the problems of reading it:
// counts that are not whole numbers, children's ages that are not a list
// of them. model.QueueEntryInput.Validate finds the rest.
func (f *queueForm) input() (model.QueueEntryInput, []model.QueueProblem) {
	in := model.QueueEntryInput{Pseudonym: f.Pseudonym, Languages: f.Languages, DecisionDate: f.DecisionDate,
		DetainedSince: f.DetainedSince, RegionID: f.RegionID, Needs: f.Needs, ExternalRef: f.ExternalRef,
		ANumber: f.ANumber, Facility: f.Facility}
	var ps []model.QueueProblem
	if n, ok := wholeNumber(f.Adults, model.QueueAdultsMax); ok {
		in.Adults = n
	} else {
		in.Adults = -1
	}
	for _, part := range strings.FieldsFunc(f.ChildAges, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		n, ok := wholeNumber(part, model.ChildAgeMax)
		if !ok {
			ps = append(ps, model.QueueProblem{Field: "child_ages", Code: model.ProblemCount})
			break
		}
		in.ChildAges = append(in.ChildAges, n)
	}
	return in, ps
}

// problems turns problems into a message per field in the page's language
// (the first problem of a field wins).
func (d *templateData) problems(ps []model.QueueProblem) {
	for _, p := range ps {
		if d.Errors[p.Field] != "" {
			continue
		}
		switch {
		case p.Field == "adults" && p.Code == model.ProblemCount:
			d.Errors[p.Field] = d.T("queue.problem.adults", model.QueueAdultsMax)
		case p.Field == "child_ages":
			d.Errors[p.Field] = d.T("queue.problem.child_ages", model.ChildAgeMax)
		case p.Code == model.ProblemTooLong:
			d.Errors[p.Field] = d.T("queue.problem.too_long", textMax(p.Field)) // as the intake API and CSV say it
		case p.Code == model.ProblemRequired:
			d.Errors[p.Field] = d.T("queue.problem.required." + p.Field) // what to enter, as the intake API and CSV say it
		default:
			d.Errors[p.Field] = d.T("queue.problem." + p.Code)
		}
	}
}

// queueFormPage starts the add or edit page.
func (s *Server) queueFormPage(r *http.Request, titleKey string) (*templateData, error) {
	d := s.queuePage(r)
	d.Title = d.T(titleKey)
	regions, err := s.store.Regions(r.Context(), d.Org.ID)
	if err != nil {
		return nil, err
	}
	d.Queue.Regions = regions
	return d, nil
}

// queueNewForm shows the form that adds a person to the queue.
func (s *Server) queueNewForm(w http.ResponseWriter, r *http.Request) error {
	d, err := s.queueFormPage(r, "queue.new.title")
	if err != nil {
		return err
	}
	d.Form = &queueForm{Adults: "1"}
	return s.render(w, r, http.StatusOK, "queue_form", d)
}

// queueCreatePost adds one person, referred, in one transaction
// (store.AddQueueEntries). Bad input: 422, the form as typed (never the
// restricted fields), nothing written. A reference the network already
// has leads to that person instead of adding them twice.
func (s *Server) queueCreatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	f := readQueueForm(r)
	d, err := s.queueFormPage(r, "queue.new.title")
	if err != nil {
		return err
	}
	in, ps := f.input()
	ps = append(ps, in.Validate(d.Queue.Regions, d.Queue.Today)...)
	d.problems(ps)
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "queue_form", d, f)
	}
	v := viewerFrom(r)
	res, err := s.store.AddQueueEntries(r.Context(), d.Org, []model.QueueEntryInput{in}, store.IntakeSource{ActorID: v.UserID})
	if err != nil {
		return err
	}
	if res[0].Status == store.QueueExisting {
		s.flash(r, "queue.existing")
	} else {
		s.flash(r, "queue.added")
	}
	http.Redirect(w, r, orgPath(d.Org)+"/queue/"+res[0].ID, http.StatusSeeOther)
	return nil
}

// queueFormOf fills the edit form from the entry (restricted fields empty).
func queueFormOf(e model.QueueEntry) *queueForm {
	ages := make([]string, len(e.ChildAges))
	for i, a := range e.ChildAges {
		ages[i] = strconv.Itoa(a)
	}
	return &queueForm{Pseudonym: e.Pseudonym, Adults: strconv.Itoa(e.Adults), ChildAges: strings.Join(ages, ", "),
		DecisionDate: e.DecisionDate, DetainedSince: e.DetainedSince, RegionID: e.RegionID, ExternalRef: e.ExternalRef,
		Languages: e.Languages, Needs: e.Needs}
}

// queueEditForm shows the edit form of the entry in the URL.
func (s *Server) queueEditForm(w http.ResponseWriter, r *http.Request) error {
	d, err := s.queueFormPage(r, "queue.edit.title")
	if err != nil {
		return err
	}
	if err := s.queueEntry(r, d); err != nil {
		return err
	}
	d.Form = queueFormOf(d.Queue.Entry)
	return s.render(w, r, http.StatusOK, "queue_form", d)
}

// queueUpdatePost saves the edit form in one transaction. An A-number or
// facility typed replaces the saved one; "clear" removes it; empty keeps
// it. Bad input or a reference another person has: 422, nothing written.
func (s *Server) queueUpdatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	f := readQueueForm(r)
	d, err := s.queueFormPage(r, "queue.edit.title")
	if err != nil {
		return err
	}
	if err := s.queueEntry(r, d); err != nil {
		return err
	}
	in, ps := f.input()
	ps = append(ps, in.Validate(d.Queue.Regions, d.Queue.Today)...)
	d.problems(ps)
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "queue_form", d, f)
	}
	ed := store.QueueEdit{In: in, SetANumber: in.ANumber != "" || f.ClearANumber != "", SetFacility: in.Facility != "" || f.ClearFacility != ""}
	if f.ClearANumber != "" && in.ANumber == "" {
		ed.In.ANumber = ""
	}
	err = s.store.UpdateQueueEntry(r.Context(), d.Org, d.Queue.Entry.ID, ed)
	if errors.Is(err, model.ErrConflict) {
		d.Errors["external_ref"] = d.T("queue.problem.ref_taken")
		return s.formRejected(w, r, "queue_form", d, f)
	}
	if err != nil {
		return err
	}
	s.flashTo(w, r, "queue.saved", orgPath(d.Org)+"/queue/"+d.Queue.Entry.ID)
	return nil
}
