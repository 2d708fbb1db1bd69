package web

import (
	"net/http"
	"strings"

	"puente/internal/authz"
	"puente/internal/deadline"
	"puente/internal/i18n"
	"puente/internal/model"
	"puente/internal/store"
)

// deadlineView is one computed deadline as the case page shows it.
type deadlineView struct {
	Key         string
	PersonName  string
	Title       string
	Due         string // formatted in the page's language
	DueISO      string
	State       deadline.State
	Explanation string
	RuleNote    string
	Source      string
	SourceURL   string
	Mark        model.Mark
}

// appointmentView is an appointment with its state on the case page.
type appointmentView struct {
	model.Appointment
	PersonName string
	State      deadline.State
}

func (s *Server) today() string { return s.now().Format("2006-01-02") }

func dlang(l i18n.Lang) deadline.Lang {
	if l == i18n.ES {
		return deadline.Spanish
	}
	return deadline.English
}

func (s *Server) caseView(w http.ResponseWriter, r *http.Request) error {
	return s.caseViewStatus(w, r, http.StatusOK, nil)
}

// caseRejected shows the case page again with 422: the inline form name
// keeps what was typed (form) and shows its errors.
func (s *Server) caseRejected(w http.ResponseWriter, r *http.Request, name string, form any, errs map[string]string) error {
	return s.caseViewWith(w, r, http.StatusUnprocessableEntity, errs, func(d *templateData) {
		d.FormName, d.Form = name, form
	})
}

func (s *Server) caseViewStatus(w http.ResponseWriter, r *http.Request, status int, errs map[string]string) error {
	return s.caseViewWith(w, r, status, errs, nil)
}

// caseViewWith renders the case page; the inline forms (facts,
// appointments, marks, closing) come back here with 422 and their errors.
func (s *Server) caseViewWith(w http.ResponseWriter, r *http.Request, status int, errs map[string]string, fill func(*templateData)) error {
	ctx := r.Context()
	c := caseFrom(r)
	org := orgFrom(r)
	v := viewerFrom(r)
	d := s.newData(r)
	d.Case, d.Org = c, org
	d.Title = d.T("case.title", c.Code)
	if errs != nil {
		d.Errors = errs
	}
	d.CanManageCases = authz.Can(v.Viewer, authz.ManageCases, org)
	d.CanEditCases = authz.Can(v.Viewer, authz.EditCases, org) && c.Open()
	var err error
	if d.People, err = s.store.People(ctx, c.ID); err != nil {
		return err
	}
	if d.Facts, err = s.store.Facts(ctx, c.ID); err != nil {
		return err
	}
	appts, err := s.store.Appointments(ctx, c.ID)
	if err != nil {
		return err
	}
	marks, err := s.store.Marks(ctx, c.ID)
	if err != nil {
		return err
	}
	computed, err := s.store.ComputeDeadlines(ctx, c.ID)
	if err != nil {
		return err
	}
	if d.History, err = s.store.History(ctx, c.ID, 20); err != nil {
		return err
	}
	if d.StatusChanges, err = s.store.StatusChanges(ctx, c.ID); err != nil {
		return err
	}
	names := map[string]string{}
	for _, p := range d.People {
		names[p.ID] = p.Name
	}
	today := parseDay(s.today())
	lang := dlang(d.Lang)
	for _, pd := range computed {
		for _, dl := range pd.Deadlines {
			key := store.DeadlineKey(pd.PersonID, dl.Key)
			m := marks[key]
			dv := deadlineView{
				Key: key, PersonName: pd.Name, Title: dl.Title.In(lang), DueISO: dl.Due.String(),
				Due:         deadline.FormatDateWeekday(dl.Due, lang),
				State:       deadline.StateOf(dl.Due, today, m.State == model.MarkDone, m.State == model.MarkNotApplicable),
				Explanation: dl.Explanation.In(lang), RuleNote: dl.Note.In(lang),
				Source: dl.Source, SourceURL: dl.SourceURL, Mark: m,
			}
			if dl.Due.IsZero() {
				dv.Due = d.T("deadline.no_date." + string(dl.NoDate))
				dv.DueISO = ""
			}
			if dl.Trigger == deadline.TriggerFourteenthBirthday {
				// The working would print the date of birth, a sensitive
				// field: keep the rule's explanation only.
				dv.Explanation = ""
				if r, ok := s.store.Rules().InForce(dl.RuleID, dl.TriggerDate); ok && !strings.Contains(r.Explain.In(lang), "{") {
					dv.Explanation = r.Explain.In(lang)
				}
			}
			d.Deadlines = append(d.Deadlines, dv)
		}
	}
	for _, a := range appts {
		d.Appointments = append(d.Appointments, appointmentView{Appointment: a, PersonName: names[a.PersonID],
			State: deadline.StateOf(parseDay(a.Date), today, a.Mark.State == model.MarkDone, a.Mark.State == model.MarkNotApplicable)})
	}
	d.Disclaimer = deadline.Disclaimer().In(lang)
	d.FactKinds = model.FactKinds
	d.AppointmentKinds = model.AppointmentKinds
	d.CloseReasons = model.CloseReasons
	if fill != nil {
		fill(d)
	}
	s.store.LogView(store.AuditEntry{ActorID: v.UserID, OrgID: org.ID, ObjectType: "case", ObjectID: c.ID})
	return s.render(w, r, status, "case", d)
}

func parseDay(s string) deadline.Date {
	d, err := deadline.ParseDate(s)
	if err != nil {
		return deadline.Date{}
	}
	return d
}
