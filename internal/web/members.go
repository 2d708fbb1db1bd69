package web

import (
	"errors"
	"net/http"

	"puente/internal/auth"
	"puente/internal/authz"
	"puente/internal/model"
)

type roleForm struct {
	Role string `form:"role" validate:"required,oneof=admin coordinator member" required:"role"`
}

// memberRolePost changes a person's role. Refusing to leave the
// organisation without a manager re-renders the page with 422.
func (s *Server) memberRolePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	org := orgFrom(r)
	var f roleForm
	decodeForm(r, &f)
	d := s.newData(r)
	d.Errors = s.validateForm(d.Lang, &f)
	if len(d.Errors) == 0 && !model.ValidRole(org.Kind, model.Role(f.Role)) {
		d.Errors["role"] = d.T("err.choice")
	}
	// The message goes by the person's own role select, which the
	// summary names by its label ("Role of Ana").
	field := "role-" + r.PathValue("userID")
	if len(d.Errors) > 0 {
		d.Errors = map[string]string{field: d.Errors["role"]}
		return s.orgRejected(w, r, d)
	}
	err := s.store.ChangeRole(r.Context(), org, r.PathValue("userID"), model.Role(f.Role), viewerFrom(r).UserID, s.clientIP(r))
	if errors.Is(err, model.ErrLastManager) {
		d.Errors[field] = d.T(lastManagerKey(org))
		return s.orgRejected(w, r, d)
	}
	if err != nil {
		return err
	}
	s.flashTo(w, r, "members.role_changed", orgPath(org))
	return nil
}

func (s *Server) memberRemovePost(w http.ResponseWriter, r *http.Request) error {
	org := orgFrom(r)
	err := s.store.RemoveMember(r.Context(), org, r.PathValue("userID"), viewerFrom(r).UserID, s.clientIP(r))
	if errors.Is(err, model.ErrLastManager) {
		d := s.newData(r)
		d.FormError, d.FormErrorAt = d.T(lastManagerKey(org)), "members-heading"
		return s.orgRejected(w, r, d)
	}
	if err != nil {
		return err
	}
	s.flashTo(w, r, "members.removed", orgPath(org))
	return nil
}

// memberResetPost issues a one-time password-reset link, shown once to the
// issuer (and sent to the person's address on a server that sends email). Only someone who manages every organisation the person belongs
// to may do it: the link lets whoever holds it take over the account. The
// same rule is checked again when the link is used (authz.LinkLive).
func (s *Server) memberResetPost(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	org := orgFrom(r)
	v := viewerFrom(r)
	target, err := s.store.Member(ctx, org.ID, r.PathValue("userID"))
	if err != nil {
		return err
	}
	ms, err := s.store.Memberships(ctx, target.UserID)
	if err != nil {
		return err
	}
	if !authz.CanManageUser(v.Viewer, ms) {
		return model.ErrForbidden
	}
	token := auth.NewToken()
	if err := s.store.CreateReset(ctx, auth.HashToken(token), target.UserID, org.ID, v.UserID, s.clientIP(r)); err != nil {
		return err
	}
	d := s.newData(r)
	d.Org = org
	d.Title = d.T("reset.issued.title")
	d.Message = d.T("reset.issued.body", target.Name)
	d.Link = s.cfg.BaseURL + "/reset/" + token
	sent, err := s.sendLink(ctx, resetEmail(d.Lang, target.Email, d.Link), model.EmailReset)
	if err != nil {
		return err
	}
	if sent {
		linkSent(d, target.Email)
		d.Message = d.T("reset.sent.body", target.Name)
	}
	return s.render(w, r, http.StatusOK, "link", d)
}

// resetRevokePost withdraws a reset link issued from this organisation
// before it is used.
func (s *Server) resetRevokePost(w http.ResponseWriter, r *http.Request) error {
	org := orgFrom(r)
	if err := s.store.RevokeReset(r.Context(), org.ID, r.PathValue("resetID"), viewerFrom(r).UserID, s.clientIP(r)); err != nil {
		return err
	}
	s.flashTo(w, r, "reset.revoked", orgPath(org))
	return nil
}

// orgRejected shows the organisation page again with a 422 and d's message.
func (s *Server) orgRejected(w http.ResponseWriter, r *http.Request, d *templateData) error {
	org := orgFrom(r)
	d.Title = org.Name
	if err := s.fillOrg(r, d, org); err != nil {
		return err
	}
	return s.render(w, r, http.StatusUnprocessableEntity, "org", d)
}

// lastManagerKey is the message refusing to leave org without a manager,
// said for its kind only: a network keeps an admin, a group a coordinator.
func lastManagerKey(org model.Org) string {
	if org.Kind == model.KindNetwork {
		return "members.last_manager.network"
	}
	return "members.last_manager.group"
}
