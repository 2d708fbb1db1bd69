package web

import (
	"errors"
	"net/http"

	"puente/internal/model"
	"puente/internal/store"
)

// Refusals of the purge pages: 409, with a page that says why.
var (
	errPurgeOpen = &httpError{status: http.StatusConflict, key: "purge.refused_open"}
	errPurgeDone = &httpError{status: http.StatusConflict, key: "purge.refused_done"}
)

// purgeView says when the retention period purges a closed case, or, on
// a purged case's page, what was kept.
type purgeView struct {
	People, Facts, Appointments int
	// On is the day (YYYY-MM-DD) the retention period purges it.
	On string
}

// purgeable returns the case of the URL if a purge may be asked for: a
// closed case not purged yet.
func purgeable(r *http.Request) (model.Case, error) {
	c := caseFrom(r)
	switch {
	case c.Open():
		return c, errPurgeOpen
	case c.Purged():
		return c, errPurgeDone
	}
	return c, nil
}

// casePurgeForm is the confirmation page before a coordinator purges a
// closed case at once (GOV.UK's pattern, as every confirmation here: what
// goes, what stays, one button). It changes nothing.
func (s *Server) casePurgeForm(w http.ResponseWriter, r *http.Request) error {
	c, err := purgeable(r)
	if err != nil {
		return err
	}
	facts, err := s.store.Facts(r.Context(), c.ID)
	if err != nil {
		return err
	}
	appts, err := s.store.Appointments(r.Context(), c.ID)
	if err != nil {
		return err
	}
	d := s.casePageData(r)
	on := store.PurgeOn(c.ClosedAt, d.Org.TimeZone, d.Org.RetentionDays)
	return s.confirm(w, r, http.StatusOK, d, &confirmView{
		Title: d.T("purge.title", c.Code),
		Lead:  d.T("purge.intro", d.FullDay(on)),
		Lost: []string{d.T("purge.goes.people", c.People), d.T("purge.goes.sensitive"), d.T("field.address"),
			d.T("purge.goes.case"), d.T("purge.goes.notes", len(facts), len(appts))},
		Kept:   d.T("purge.kept", c.Code),
		Action: "/cases/" + c.ID + "/purge", Button: d.T("purge.button"), Cancel: "/cases/" + c.ID,
	})
}

// casePurgePost purges the closed case now, in one transaction with its
// audit entry (store.PurgeCase), and returns to the case page, which then
// says when it was purged.
func (s *Server) casePurgePost(w http.ResponseWriter, r *http.Request) error {
	c, err := purgeable(r)
	if err != nil {
		return err
	}
	res, err := s.store.PurgeCase(r.Context(), c, viewerFrom(r).UserID)
	switch {
	case errors.Is(err, store.ErrCaseOpen):
		return errPurgeOpen
	case errors.Is(err, store.ErrAlreadyPurged):
		return errPurgeDone
	case err != nil:
		return err
	}
	if !res.WALCleared {
		// Committed; a reader held the WAL, so the old values leave it at
		// the next checkpoint (the server's own, or at shutdown).
		s.log.Warn("purged, but the WAL could not be truncated yet", "request_id", requestIDFrom(r))
	}
	s.flashTo(w, r, "purge.done", "/cases/"+c.ID)
	return nil
}

// casePurgedView is the page of a purged case: that it was purged and
// when, and what was kept (stages with their dates, counts); none of the
// cleared fields, even the placeholder left in a name.
func (s *Server) casePurgedView(w http.ResponseWriter, r *http.Request, d *templateData) error {
	ctx := r.Context()
	c := d.Case
	facts, err := s.store.Facts(ctx, c.ID)
	if err != nil {
		return err
	}
	appts, err := s.store.Appointments(ctx, c.ID)
	if err != nil {
		return err
	}
	if d.StatusChanges, err = s.store.StatusChanges(ctx, c.ID); err != nil {
		return err
	}
	d.Title = d.T("case.title", c.Code)
	d.Purge = &purgeView{People: c.People, Facts: len(facts), Appointments: len(appts)}
	v := viewerFrom(r)
	s.store.LogView(store.AuditEntry{ActorID: v.UserID, OrgID: c.GroupID, ObjectType: "case", ObjectID: c.ID})
	return s.render(w, r, http.StatusOK, "case_purged", d)
}
