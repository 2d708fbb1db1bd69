package web

import (
	"net/http"
	"slices"
	"strings"

	"puente/internal/deadline"
	"puente/internal/model"
)

// itemView is the deadline (of one or several household members) or the
// appointment a "record" page is about.
type itemView struct {
	Keys        []string
	Appointment bool
	Title       string
	// People are whom the deadline is for, each with their own key: the
	// page records the same thing for those chosen.
	People []markPerson
	// Due is the date in full (an appointment's with its local time).
	Due   string
	State deadline.State
	When  string
	// Explanation says what to do (deadlines only).
	Explanation string
	// Back is the item on the case page.
	Back string
}

// markPerson is one household member a deadline of a record page is for.
type markPerson struct {
	Key, Name string
	Chosen    bool
}

// maxMarkKeys bounds how many deadlines one record page may name.
const maxMarkKeys = 20

// markKeys reads the keys of a record page or form: at least one, at most
// maxMarkKeys, each a plausible key (errNotFound otherwise: nobody types them).
func markKeys(values []string) ([]string, error) {
	if len(values) == 0 || len(values) > maxMarkKeys {
		return nil, errNotFound
	}
	for _, k := range values {
		if k == "" || len(k) > 300 || !safeText(k) {
			return nil, errNotFound
		}
	}
	return values, nil
}

// markItem finds the deadlines of the case named by keys (the same
// deadline of several people) or the appointment named by one key, as the
// viewer may see them: a date only coordinators see answers 404 to others.
// chosen are the keys to tick (all of them when nil). It returns the mark
// recorded on the first.
func (s *Server) markItem(r *http.Request, d *templateData, keys, chosen []string) (*itemView, model.Mark, error) {
	ctx := r.Context()
	var err error
	if d.People, err = s.store.People(ctx, d.Case.ID, string(d.Lang)); err != nil {
		return nil, model.Mark{}, err
	}
	back := "/cases/" + d.Case.ID
	if id, ok := strings.CutPrefix(keys[0], "appointment/"); ok {
		if len(keys) > 1 {
			return nil, model.Mark{}, model.ErrNotFound
		}
		a, err := s.store.Appointment(ctx, d.Case.ID, id)
		if err != nil {
			return nil, model.Mark{}, err
		}
		v := s.appointmentViews(d, []model.Appointment{a})[0]
		due := v.Day
		if v.LocalTime != "" {
			due += ", " + v.LocalTime
		}
		name := v.PersonName
		if name == "" {
			name = d.T("person.household")
		}
		return &itemView{Keys: keys, Appointment: true, Title: d.T("appointment.kind." + string(a.Kind)),
			People: []markPerson{{Key: keys[0], Name: name, Chosen: true}},
			Due:    due, State: v.State, When: v.When, Back: back + "#a-" + a.ID}, a.Mark, nil
	}
	if err := s.fillDeadlines(r, d); err != nil {
		return nil, model.Mark{}, err
	}
	byKey := make(map[string]deadlineView, len(d.Deadlines))
	for _, dv := range d.Deadlines {
		if dv.Markable {
			byKey[dv.Key] = dv
		}
	}
	var item *itemView
	var first model.Mark
	for _, k := range keys {
		dv, ok := byKey[k]
		if !ok {
			return nil, model.Mark{}, model.ErrNotFound
		}
		if item == nil {
			item = &itemView{Keys: keys, Title: dv.Title, Due: dv.Due, State: dv.State, When: dv.When,
				Explanation: dv.Explanation, Back: back + "#d-" + k}
			first = dv.Mark
		}
		// The page shows the first person's record; by default it is saved
		// again only for those who have the same one, so a person whose
		// record differs (a link older than a change) keeps theirs unless
		// ticked on purpose.
		picked := slices.Contains(chosen, k) || chosen == nil && sameRecord(dv.Mark, first)
		item.People = append(item.People, markPerson{Key: k, Name: dv.PersonName, Chosen: picked})
	}
	return item, first, nil
}

// sameRecord reports whether a and b record the same: state, day done and
// note.
func sameRecord(a, b model.Mark) bool {
	return a.State == b.State && a.DoneOn == b.DoneOn && a.Note == b.Note
}

// markForm is the page that records a deadline done (on a date), not
// applicable, or a note, for one or several household members, or an
// appointment attended: behind the "Record" action of each item, so the
// case page carries no form per row.
func (s *Server) markForm(w http.ResponseWriter, r *http.Request) error {
	d := s.casePageData(r)
	if err := openCase(d.Case); err != nil {
		return err
	}
	keys, err := markKeys(r.URL.Query()["key"])
	if err != nil {
		return err
	}
	item, m, err := s.markItem(r, d, keys, nil)
	if err != nil {
		return err
	}
	d.Item = item
	d.Title = d.T("mark.title")
	state := string(m.State)
	if state == "" {
		state = string(model.MarkOpen)
	}
	d.Form = &markForm{State: state, DoneOn: m.DoneOn, Note: m.Note}
	return s.render(w, r, http.StatusOK, "mark", d)
}

// markPost records done (on a date), not applicable, or a note for the
// deadlines chosen (key, one per household member; all, or the items of
// "all" that are ticked: chosen) or an appointment, in one transaction. A
// rejected form comes back on the record page.
func (s *Server) markPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d := s.casePageData(r)
	if err := openCase(d.Case); err != nil {
		return err
	}
	all, chosen := r.PostForm["all"], r.PostForm["key"]
	if len(all) == 0 {
		all = chosen // a form for one deadline sends only its key
	} else if chosen == nil {
		chosen = []string{} // several offered, none ticked
	}
	keys, err := markKeys(all)
	if err != nil {
		return errBadRequest // keys are hidden fields nobody types: a tampered form
	}
	var f markForm
	decodeForm(r, &f)
	d.Errors = s.validateForm(d.Lang, &f)
	delete(d.Errors, "key")
	item, _, err := s.markItem(r, d, keys, chosen)
	if err != nil {
		return err
	}
	var marks []model.Mark
	for _, p := range item.People {
		if p.Chosen {
			marks = append(marks, model.Mark{Key: p.Key})
		}
	}
	if len(marks) == 0 {
		d.Errors["key"] = d.T("mark.choose_people")
	}
	if _, bad := d.Errors["state"]; !bad && item.Appointment && f.State == string(model.MarkNotApplicable) {
		d.Errors["state"] = d.T("err.choice")
	}
	if item.Appointment {
		f.DoneOn = "" // not on an appointment's form: attended today
	} else if f.State == string(model.MarkDone) {
		// Done is done: on a day that has come (the group's today).
		rulesFor(d.Lang, s.today(d.Org.TimeZone), d.Errors).past("done_on", f.DoneOn)
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
	for i := range marks {
		marks[i].State, marks[i].DoneOn, marks[i].Note = model.MarkState(f.State), f.DoneOn, f.Note
	}
	if err := s.store.SetMarks(r.Context(), d.Case, viewerFrom(r).UserID, marks); err != nil {
		return err
	}
	// A recorded item moves (attended → the collapsed past, done → the
	// collapsed list): land on its section, which shows the message.
	target := "/cases/" + d.Case.ID + "#deadlines"
	if item.Appointment {
		target = "/cases/" + d.Case.ID + "#appointments"
	}
	s.flashTo(w, r, "mark.saved", target)
	return nil
}

// MarkStates are the choices of the mark page for its item.
func (d *templateData) MarkStates() []string {
	if d.Item != nil && d.Item.Appointment {
		return []string{string(model.MarkOpen), string(model.MarkDone)}
	}
	return []string{string(model.MarkOpen), string(model.MarkDone), string(model.MarkNotApplicable)}
}
