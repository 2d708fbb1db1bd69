package web

import (
	"net/http"

	"puente/internal/authz"
	"puente/internal/model"
)

// home is the current organisation's overview: a network's groups, a
// group's people. Later issues add cases and deadlines here.
func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	v := viewerFrom(r)
	d := s.newData(r)
	d.Title = d.T("home.title")
	if v.Current.OrgID == "" {
		return s.render(w, r, http.StatusOK, "home", d)
	}
	org, err := s.store.OrgForUser(r.Context(), v.UserID, v.Current.OrgID)
	if err != nil {
		return err
	}
	d.Org = org
	if err := s.fillOrg(r, d, org); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "home", d)
}

// fillOrg loads what an organisation page shows, according to what the
// viewer may do there.
func (s *Server) fillOrg(r *http.Request, d *templateData, org model.Org) error {
	ctx := r.Context()
	v := viewerFrom(r)
	d.Org = org
	d.Roles = model.RolesFor(org.Kind)
	d.CanManage = authz.Can(v.Viewer, authz.ManagePeople, org)
	d.CanGroup = authz.Can(v.Viewer, authz.CreateGroup, org)
	d.CanLog = authz.Can(v.Viewer, authz.ViewSecurityLog, org)
	var err error
	if d.Members, err = s.store.Members(ctx, org.ID); err != nil {
		return err
	}
	if org.Kind == model.KindNetwork {
		if d.Groups, err = s.store.Groups(ctx, org.ID); err != nil {
			return err
		}
	}
	if d.CanManage {
		if d.Invitations, err = s.store.PendingInvitations(ctx, org.ID); err != nil {
			return err
		}
	}
	return nil
}
