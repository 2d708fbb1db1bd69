package web

import (
	"net/http"
	"strings"

	"puente/internal/deadline"
	"puente/internal/model"
)

// itemView is the deadline or appointment a "record" page is about.
type itemView struct {
	Key         string
	Appointment bool
	Title       string
	PersonName  string
	// Due is the date in full (an appointment's with its local time).
	Due   string
	State deadline.State
	When  string
	// Explanation says what to do (deadlines only).
	Explanation string
	// NotApplicable is offered for deadlines only: an appointment happens
	// or not.
	NotApplicable bool
	// Back is the item on the case page.
	Back string
}

// markItem finds the deadline or appointment of the case named by key, as
// the viewer may see it: a date only coordinators see answers 404 to others.
func (s *Server) markItem(r *http.Request, d *templateData, key string) (*itemView, model.Mark, error) {
	ctx := r.Context()
	var err error
	if d.People, err = s.store.People(ctx, d.Case.ID, string(d.Lang)); err != nil {
		return nil, model.Mark{}, err
	}
	back := "/cases/" + d.Case.ID
	if id, ok := strings.CutPrefix(key, "appointment/"); ok {
		a, err := s.store.Appointment(ctx, d.Case.ID, id)
		if err != nil {
			return nil, model.Mark{}, err
		}
		v := s.appointmentViews(d, []model.Appointment{a})[0]
		due := v.Day
		if v.LocalTime != "" {
			due += ", " + v.LocalTime
		}
		return &itemView{Key: key, Appointment: true, Title: d.T("appointment.kind." + string(a.Kind)), PersonName: v.PersonName,
			Due: due, State: v.State, When: v.When, Back: back + "#a-" + a.ID}, a.Mark, nil
	}
	if err := s.fillDeadlines(r, d); err != nil {
		return nil, model.Mark{}, err
	}
	for _, dv := range d.Deadlines {
		if dv.Key == key && dv.Markable {
			return &itemView{Key: key, Title: dv.Title, PersonName: dv.PersonName, Due: dv.Due, State: dv.State, When: dv.When,
				Explanation: dv.Explanation, NotApplicable: true, Back: back + "#d-" + key}, dv.Mark, nil
		}
	}
	return nil, model.Mark{}, model.ErrNotFound
}

// markForm is the page that records a deadline done (on a date), not
// applicable, or a note, or an appointment attended: behind the "Record"
// action of each item, so the case page carries no form per row.
func (s *Server) markForm(w http.ResponseWriter, r *http.Request) error {
	d := s.casePageData(r)
	if err := openCase(d.Case); err != nil {
		return err
	}
	key := r.URL.Query().Get("key")
	if key == "" || len(key) > 300 || !safeText(key) {
		return errNotFound
	}
	item, m, err := s.markItem(r, d, key)
	if err != nil {
		return err
	}
	d.Item = item
	d.Title = d.T("mark.title")
	state := string(m.State)
	if state == "" {
		state = string(model.MarkOpen)
	}
	d.Form = &markForm{Key: key, State: state, DoneOn: m.DoneOn, Note: m.Note}
	return s.render(w, r, http.StatusOK, "mark", d)
}

// markPost records done (on a date), not applicable, or a note for a
// deadline or an appointment. A rejected form comes back on the mark page.
func (s *Server) markPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d := s.casePageData(r)
	if err := openCase(d.Case); err != nil {
		return err
	}
	var f markForm
	decodeForm(r, &f)
	d.Errors = s.validateForm(d.Lang, &f)
	if _, bad := d.Errors["key"]; bad {
		return errBadRequest // a hidden field nobody types: a tampered form
	}
	item, _, err := s.markItem(r, d, f.Key)
	if err != nil {
		return err
	}
	if _, bad := d.Errors["state"]; !bad && item.Appointment && f.State == string(model.MarkNotApplicable) {
		d.Errors["state"] = d.T("err.choice")
	}
	if len(d.Errors) > 0 {
		d.Item = item
		d.Title = d.T("mark.title")
		return s.formRejected(w, r, "mark", d, &f)
	}
	if f.State == string(model.MarkDone) && f.DoneOn == "" {
		f.DoneOn = s.today(d.Org.TimeZone) // the group's today, not UTC's
	}
	if f.State != string(model.MarkDone) {
		f.DoneOn = ""
	}
	err = s.store.SetMark(r.Context(), d.Case, viewerFrom(r).UserID,
		model.Mark{Key: f.Key, State: model.MarkState(f.State), DoneOn: f.DoneOn, Note: f.Note})
	if err != nil {
		return err
	}
	s.flash(r, "mark.saved")
	http.Redirect(w, r, item.Back, http.StatusSeeOther)
	return nil
}

// MarkStates are the choices of the mark page for item.
func (d *templateData) MarkStates() []string {
	if d.Item != nil && d.Item.Appointment {
		return []string{string(model.MarkOpen), string(model.MarkDone)}
	}
	return []string{string(model.MarkOpen), string(model.MarkDone), string(model.MarkNotApplicable)}
}
