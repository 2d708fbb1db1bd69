package web

import (
	"net/http"

	"puente/internal/model"
)

func (s *Server) personPage(r *http.Request, title string) *templateData {
	d := s.caseEditPage(r)
	d.Title = d.T(title)
	return d
}

func (s *Server) personNewForm(w http.ResponseWriter, r *http.Request) error {
	d := s.personPage(r, "person.new.title")
	if !d.Case.Open() {
		return model.ErrForbidden
	}
	settled, err := s.householdSettled(r.Context(), d.Case.ID)
	if err != nil {
		return err
	}
	d.Form = &memberForm{Ask: true, Settled: settled}
	return s.render(w, r, http.StatusOK, "person_form", d)
}

func (s *Server) personCreatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d := s.personPage(r, "person.new.title")
	settled, err := s.householdSettled(r.Context(), d.Case.ID)
	if err != nil {
		return err
	}
	f := memberForm{Ask: true, Settled: settled}
	decodeForm(r, &f)
	d.Errors = s.validateForm(d.Lang, &f)
	rules := rulesFor(d.Lang, s.today(d.Org.TimeZone), d.Errors)
	f.checkDates(rules)
	f.checkJoined(rules, true)
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "person_form", d, &f)
	}
	if _, err := s.store.AddPerson(r.Context(), d.Case, viewerFrom(r).UserID, f.joinedInput(f.input(d.CanManageCases), true)); err != nil {
		return err
	}
	s.flashTo(w, r, "person.saved", "/cases/"+d.Case.ID+"#household")
	return nil
}

// findPerson returns the case's person named in the URL.
func (s *Server) findPerson(r *http.Request, c model.Case) (model.Person, error) {
	people, err := s.store.People(r.Context(), c.ID, string(langFrom(r)))
	if err != nil {
		return model.Person{}, err
	}
	for _, p := range people {
		if p.ID == r.PathValue("personID") {
			return p, nil
		}
	}
	return model.Person{}, model.ErrNotFound
}

func (s *Server) personEditForm(w http.ResponseWriter, r *http.Request) error {
	d := s.personPage(r, "person.edit.title")
	if !d.Case.Open() {
		return model.ErrForbidden
	}
	p, err := s.findPerson(r, d.Case)
	if err != nil {
		return err
	}
	d.Person = p
	// Languages stored as codes (a hand-off) are named for the person
	// editing them; what they save is what they see.
	settled, err := s.householdSettled(r.Context(), d.Case.ID)
	if err != nil {
		return err
	}
	f := &memberForm{PersonForm: PersonForm{Name: p.Name, PreferredName: p.PreferredName, Relationship: p.Relationship, Languages: d.PersonLanguages(p.Languages),
		CountryOfBirth: p.CountryOfBirth, LastUSArrival: p.LastUSArrival, ReleaseDate: p.ReleaseDate},
		Ask: !p.Principal, Settled: settled, Joined: "start", JoinedOn: p.JoinedOn}
	if p.JoinedOn != "" {
		f.Joined = "later"
	}
	d.Form = f
	return s.render(w, r, http.StatusOK, "person_form", d)
}

func (s *Server) personUpdatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d := s.personPage(r, "person.edit.title")
	p, err := s.findPerson(r, d.Case)
	if err != nil {
		return err
	}
	d.Person = p
	settled, err := s.householdSettled(r.Context(), d.Case.ID)
	if err != nil {
		return err
	}
	f := memberForm{Ask: !p.Principal, Settled: settled}
	decodeForm(r, &f)
	d.Errors = s.validateForm(d.Lang, &f)
	rules := rulesFor(d.Lang, s.today(d.Org.TimeZone), d.Errors)
	f.checkDates(rules)
	f.checkJoined(rules, false)
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "person_form", d, &f)
	}
	if err := s.store.UpdatePerson(r.Context(), d.Case, p.ID, viewerFrom(r).UserID, f.joinedInput(f.input(d.CanManageCases), false)); err != nil {
		return err
	}
	s.flashTo(w, r, "person.saved", "/cases/"+d.Case.ID+"#household")
	return nil
}

func (s *Server) personRemovePost(w http.ResponseWriter, r *http.Request) error {
	c := caseFrom(r)
	if err := s.store.RemovePerson(r.Context(), c, r.PathValue("personID"), viewerFrom(r).UserID); err != nil {
		return err
	}
	s.flashTo(w, r, "person.removed", "/cases/"+c.ID+"#household")
	return nil
}

// personRevealPost shows one sensitive field once, to a coordinator, and
// records the reveal in the audit log.
func (s *Server) personRevealPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	c := caseFrom(r)
	var f revealForm
	decodeForm(r, &f)
	if errs := s.validateForm(langFrom(r), &f); len(errs) > 0 {
		return errBadRequest
	}
	p, err := s.findPerson(r, c)
	if err != nil {
		return err
	}
	value, err := s.store.RevealPersonField(r.Context(), c, p.ID, model.SensitiveField(f.Field), viewerFrom(r).UserID)
	if err != nil {
		return err
	}
	d := s.newData(r)
	d.Case = c
	d.Person = p
	d.Title = d.T("reveal.title")
	d.RevealedLabel = d.T("field." + f.Field)
	d.Revealed = value
	switch model.SensitiveField(f.Field) {
	case model.FieldANumber:
		d.Revealed = model.FormatANumber(value) // A012-345-678, as USCIS prints it
	case model.FieldDOB:
		d.Revealed = d.FullDay(value) // written in the page's language, not 2018-03-11
	}
	return s.render(w, r, http.StatusOK, "reveal", d)
}
