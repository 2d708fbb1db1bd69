package web

import (
	"errors"
	"net/http"

	"puente/internal/model"
)

// factPage starts the page of the fact form: a new date, or the
// correction of the fact in the URL (d.Fact).
func (s *Server) factPage(r *http.Request, edit bool) (*templateData, error) {
	d := s.casePageData(r)
	if err := openCase(d.Case); err != nil {
		return nil, err
	}
	var err error
	if d.People, err = s.store.People(r.Context(), d.Case.ID, string(d.Lang)); err != nil {
		return nil, err
	}
	d.FactKinds = model.FactKinds
	d.Title = d.T("fact.add")
	if edit {
		if d.Fact, err = s.findFact(r, d.Case); err != nil {
			return nil, err
		}
		d.Title = d.T("fact.edit.title")
	}
	return d, nil
}

// factNewForm is the form for a new dated fact.
func (s *Server) factNewForm(w http.ResponseWriter, r *http.Request) error {
	d, err := s.factPage(r, false)
	if err != nil {
		return err
	}
	// No kind unless the link names one: a volunteer chooses what
	// happened, never records an arrival by not looking.
	f := &factForm{}
	if k := r.URL.Query().Get("kind"); model.ValidFactKind(model.FactKind(k)) {
		f.Kind = k
	}
	d.Form = f
	return s.render(w, r, http.StatusOK, "fact_form", d)
}

// factCreatePost records a dated fact; deadlines recompute in the same
// transaction. A fact of a kind recorded per person needs one: "whole
// household" is a choice, so it is answered with what to choose, never
// with "required".
func (s *Server) factCreatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d, err := s.factPage(r, false)
	if err != nil {
		return err
	}
	var f factForm
	decodeForm(r, &f)
	d.Errors = s.validateForm(d.Lang, &f)
	kind := model.FactKind(f.Kind)
	if _, bad := d.Errors["kind"]; !bad && !model.ValidFactKind(kind) {
		d.Errors["kind"] = d.T("err.choice")
	}
	if model.HouseholdFact(kind) {
		f.PersonID = ""
	} else if _, bad := d.Errors["person_id"]; !bad && f.PersonID == "" && model.ValidFactKind(kind) {
		d.Errors["person_id"] = d.T("fact.person_needed", d.T("fact.kind."+f.Kind))
	}
	if kind != model.FactClockPause {
		f.EndDate = ""
	}
	factDates(rulesFor(d.Lang, s.today(d.Org.TimeZone), d.Errors), kind, f.Date, f.EndDate)
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "fact_form", d, &f)
	}
	_, err = s.store.AddFact(r.Context(), d.Case, viewerFrom(r).UserID,
		model.Fact{PersonID: f.PersonID, Kind: kind, Date: f.Date, EndDate: f.EndDate, Note: f.Note})
	if errors.Is(err, model.ErrConflict) {
		d.Errors["kind"] = d.T("fact.once")
		return s.formRejected(w, r, "fact_form", d, &f)
	}
	if errors.Is(err, model.ErrNotFound) {
		d.Errors["person_id"] = d.T("err.choice")
		return s.formRejected(w, r, "fact_form", d, &f)
	}
	if err != nil {
		return err
	}
	s.flashTo(w, r, "fact.saved", "/cases/"+d.Case.ID+"#facts")
	return nil
}

// factEditForm corrects a recorded date (and a pause's end).
func (s *Server) factEditForm(w http.ResponseWriter, r *http.Request) error {
	d, err := s.factPage(r, true)
	if err != nil {
		return err
	}
	d.Form = &factDateForm{Date: d.Fact.Date, EndDate: d.Fact.EndDate}
	return s.render(w, r, http.StatusOK, "fact_form", d)
}

// factUpdatePost corrects a fact's date: deadlines move, what people
// recorded about them stays.
func (s *Server) factUpdatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d, err := s.factPage(r, true)
	if err != nil {
		return err
	}
	var f factDateForm
	decodeForm(r, &f)
	if d.Fact.Kind != model.FactClockPause {
		f.EndDate = ""
	}
	d.Errors = s.validateForm(d.Lang, &f)
	factDates(rulesFor(d.Lang, s.today(d.Org.TimeZone), d.Errors), d.Fact.Kind, f.Date, f.EndDate)
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "fact_form", d, &f)
	}
	if err := s.store.UpdateFactDate(r.Context(), d.Case, d.Fact.ID, viewerFrom(r).UserID, f.Date, f.EndDate); err != nil {
		return err
	}
	s.flashTo(w, r, "fact.saved", "/cases/"+d.Case.ID+"#facts")
	return nil
}

func (s *Server) factDeletePost(w http.ResponseWriter, r *http.Request) error {
	c := caseFrom(r)
	if err := s.store.DeleteFact(r.Context(), c, r.PathValue("factID"), viewerFrom(r).UserID); err != nil {
		return err
	}
	s.flashTo(w, r, "fact.removed", "/cases/"+c.ID+"#facts")
	return nil
}

// factDates applies a fact's date rules: a fact of any kind but the
// ones model.DatedAhead allows happened, so its day has come (the
// group's today); a clock pause ends on a day that has come, not before
// it began.
func factDates(c dateRules, kind model.FactKind, date, end string) {
	if !model.DatedAhead(kind) {
		c.past("date", date)
	}
	c.past("end_date", end)
	c.notBefore("end_date", end, date, "err.end_before_start")
}
