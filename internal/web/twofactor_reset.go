package web

import (
	"errors"
	"net/http"

	"puente/internal/authz"
	"puente/internal/model"
)

// A manager takes away a member's second factor (issue 14), for someone
// who lost their phone and their recovery codes: after a confirmation
// page, the key and codes are deleted, every session of the person ends,
// and they set a new factor up at their next sign-in. Written to the
// organisation's security log. Only whoever manages every organisation the
// person belongs to may do it (authz.CanResetSecondFactor): a group's own
// coordinators, not network staff once the group has one.

// resetTarget loads the member named in the URL and checks that the viewer
// may reset their second factor (403 otherwise; 404 outside the organisation).
func (s *Server) resetTarget(r *http.Request) (model.Member, error) {
	ctx := r.Context()
	org := orgFrom(r)
	m, err := s.store.Member(ctx, org.ID, r.PathValue("userID"))
	if err != nil {
		return model.Member{}, err
	}
	ms, err := s.store.Memberships(ctx, m.UserID)
	if err != nil {
		return model.Member{}, err
	}
	if !authz.CanResetSecondFactor(viewerFrom(r).Viewer, m.UserID, ms) {
		return model.Member{}, model.ErrForbidden
	}
	return m, nil
}

// memberTwoFactorResetForm is the confirmation page.
func (s *Server) memberTwoFactorResetForm(w http.ResponseWriter, r *http.Request) error {
	m, err := s.resetTarget(r)
	if err != nil {
		return err
	}
	d := s.newData(r)
	d.Org = orgFrom(r)
	d.Member = m
	d.Title = d.T("twofactor.reset.title", m.Name)
	return s.render(w, r, http.StatusOK, "twofactor_reset", d)
}

func (s *Server) memberTwoFactorResetPost(w http.ResponseWriter, r *http.Request) error {
	m, err := s.resetTarget(r)
	if err != nil {
		return err
	}
	org := orgFrom(r)
	err = s.store.ResetTwoFactor(r.Context(), org.ID, viewerFrom(r).UserID, m.UserID, s.clientIP(r))
	switch {
	case errors.Is(err, model.ErrNotFound):
		s.sessions.Put(r.Context(), sessFlash, langFrom(r).T("twofactor.reset.none", m.Name))
	case err != nil:
		return err
	default:
		s.sessions.Put(r.Context(), sessFlash, langFrom(r).T("twofactor.reset.done", m.Name))
	}
	http.Redirect(w, r, orgPath(org), http.StatusSeeOther)
	return nil
}
