package web

import (
	"net/http"

	"puente/internal/model"
)

// signIn starts a fresh session for u: a new token (no fixation), the
// account's epoch, and orgID as the current organisation if given.
func (s *Server) signIn(r *http.Request, u model.User, orgID string) error {
	ctx := r.Context()
	if err := s.sessions.RenewToken(ctx); err != nil {
		return err
	}
	s.sessions.Put(ctx, sessUserID, u.ID)
	s.sessions.Put(ctx, sessEpoch, u.SessionEpoch)
	if orgID != "" {
		s.sessions.Put(ctx, sessOrgID, orgID)
	} else {
		s.sessions.Remove(ctx, sessOrgID)
	}
	return nil
}

// flash leaves a one-time message for the next page.
func (s *Server) flash(r *http.Request, key string) {
	s.sessions.Put(r.Context(), sessFlash, langFrom(r).T(key))
}

// formRejected renders page again with 422: input kept, passwords cleared,
// a message per field.
func (s *Server) formRejected(w http.ResponseWriter, r *http.Request, page string, d *templateData, form any) error {
	clearPasswords(form)
	d.Form = form
	return s.render(w, r, http.StatusUnprocessableEntity, page, d)
}
