package web

import (
	"errors"
	"net/http"

	"puente/internal/model"
)

// factCreatePost records a dated fact; deadlines recompute in the same
// transaction.
func (s *Server) factCreatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	c := caseFrom(r)
	var f factForm
	decodeForm(r, &f)
	lang := langFrom(r)
	errs := s.validateForm(lang, &f)
	kind := model.FactKind(f.Kind)
	if _, bad := errs["kind"]; !bad && !model.ValidFactKind(kind) {
		errs["kind"] = lang.T("err.choice")
	}
	if model.HouseholdFact(kind) {
		f.PersonID = ""
	} else if _, bad := errs["person_id"]; !bad && f.PersonID == "" {
		errs["person_id"] = lang.T("err.required")
	}
	if kind != model.FactClockPause {
		f.EndDate = ""
	} else if f.EndDate != "" && f.EndDate < f.Date {
		errs["end_date"] = lang.T("err.end_before_start")
	}
	if len(errs) > 0 {
		return s.caseRejected(w, r, "fact", &f, prefixed("fact_", errs))
	}
	_, err := s.store.AddFact(r.Context(), c, viewerFrom(r).UserID,
		model.Fact{PersonID: f.PersonID, Kind: kind, Date: f.Date, EndDate: f.EndDate, Note: f.Note})
	if errors.Is(err, model.ErrConflict) {
		return s.caseRejected(w, r, "fact", &f, map[string]string{"fact_kind": lang.T("fact.once")})
	}
	if err != nil {
		return err
	}
	s.flash(r, "fact.saved")
	http.Redirect(w, r, "/cases/"+c.ID+"#facts", http.StatusSeeOther)
	return nil
}

// factUpdatePost corrects a fact's date: deadlines move, what people
// recorded about them stays.
func (s *Server) factUpdatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	c := caseFrom(r)
	var f factDateForm
	decodeForm(r, &f)
	lang := langFrom(r)
	errs := s.validateForm(lang, &f)
	if len(errs) == 0 && f.EndDate != "" && f.EndDate < f.Date {
		errs["end_date"] = lang.T("err.end_before_start")
	}
	if len(errs) > 0 {
		return s.caseRejected(w, r, "factedit", &f, prefixed("factedit_", errs))
	}
	if err := s.store.UpdateFactDate(r.Context(), c, r.PathValue("factID"), viewerFrom(r).UserID, f.Date, f.EndDate); err != nil {
		return err
	}
	s.flash(r, "fact.saved")
	http.Redirect(w, r, "/cases/"+c.ID+"#facts", http.StatusSeeOther)
	return nil
}

func (s *Server) factDeletePost(w http.ResponseWriter, r *http.Request) error {
	c := caseFrom(r)
	if err := s.store.DeleteFact(r.Context(), c, r.PathValue("factID"), viewerFrom(r).UserID); err != nil {
		return err
	}
	s.flash(r, "fact.removed")
	http.Redirect(w, r, "/cases/"+c.ID+"#facts", http.StatusSeeOther)
	return nil
}

// markPost records done (on a date), not applicable, or a note for a
// deadline or an appointment.
func (s *Server) markPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	c := caseFrom(r)
	var f markForm
	decodeForm(r, &f)
	lang := langFrom(r)
	errs := s.validateForm(lang, &f)
	if len(errs) == 0 && f.State == string(model.MarkDone) && f.DoneOn == "" {
		f.DoneOn = s.today(orgFrom(r).TimeZone) // the group's today, not UTC's
	}
	if f.State != string(model.MarkDone) {
		f.DoneOn = ""
	}
	if len(errs) > 0 {
		return s.caseRejected(w, r, "mark", &f, prefixed("mark_", errs))
	}
	err := s.store.SetMark(r.Context(), c, viewerFrom(r).UserID,
		model.Mark{Key: f.Key, State: model.MarkState(f.State), DoneOn: f.DoneOn, Note: f.Note})
	if err != nil {
		return err
	}
	s.flash(r, "mark.saved")
	http.Redirect(w, r, "/cases/"+c.ID+"#deadlines", http.StatusSeeOther)
	return nil
}

// prefixed keys an inline form's errors by form, so two forms on one page
// do not show each other's messages.
func prefixed(prefix string, errs map[string]string) map[string]string {
	out := make(map[string]string, len(errs))
	for k, v := range errs {
		out[prefix+k] = v
	}
	return out
}
