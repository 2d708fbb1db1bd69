package web

import (
	"net/http"

	"puente/internal/model"
)

func (s *Server) orgView(w http.ResponseWriter, r *http.Request) error {
	org := orgFrom(r)
	d := s.newData(r)
	d.Title = org.Name
	if err := s.fillOrg(r, d, org); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "org", d)
}

type switchForm struct {
	OrgID string `form:"org_id" validate:"required,safetext,max=64" required:"switch_org"`
}

// orgSwitchPost makes another of the viewer's own organisations current;
// an organisation they do not belong to answers 404.
func (s *Server) orgSwitchPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	var f switchForm
	decodeForm(r, &f)
	v := viewerFrom(r)
	if _, ok := v.RoleIn(f.OrgID); !ok {
		return errNotFound
	}
	s.sessions.Put(r.Context(), sessOrgID, f.OrgID)
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}

type groupForm struct {
	Name string `form:"name" validate:"required,safetext,max=200" required:"group_name"`
}

func (s *Server) groupPage(r *http.Request) *templateData {
	d := s.newData(r)
	d.Org = orgFrom(r)
	d.Title = d.T("group.new.title")
	return d
}

func (s *Server) groupNewForm(w http.ResponseWriter, r *http.Request) error {
	d := s.groupPage(r)
	d.Form = &groupForm{}
	return s.render(w, r, http.StatusOK, "group_new", d)
}

func (s *Server) groupCreatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	var f groupForm
	decodeForm(r, &f)
	d := s.groupPage(r)
	if d.Errors = s.validateForm(d.Lang, &f); len(d.Errors) > 0 {
		return s.formRejected(w, r, "group_new", d, &f)
	}
	net := orgFrom(r)
	g, err := s.store.CreateGroup(r.Context(), net.ID, f.Name, viewerFrom(r).UserID, s.clientIP(r))
	if err != nil {
		return err
	}
	s.flashTo(w, r, "group.created", "/orgs/"+g.ID)
	return nil
}

// orgPath is an organisation's page.
func orgPath(o model.Org) string { return "/orgs/" + o.ID }
