package web

import (
	"net/http"

	"puente/internal/model"
)

// memberRemoveForm asks before someone is taken out of the organisation:
// they lose its pages and are signed out everywhere.
func (s *Server) memberRemoveForm(w http.ResponseWriter, r *http.Request) error {
	org := orgFrom(r)
	m, err := s.store.Member(r.Context(), org.ID, r.PathValue("userID"))
	if err != nil {
		return err
	}
	d := s.newData(r)
	d.Org = org
	return s.confirm(w, r, http.StatusOK, d, &confirmView{
		Title: d.T("confirm.member.title", m.Name), Lead: d.T("confirm.member.lead", m.Name, d.RoleName(m.Role), org.Name),
		Lost:   []string{d.T("confirm.member.access", org.Name), d.T("confirm.member.sessions")},
		Kept:   d.T("confirm.member.kept"),
		Action: orgPath(org) + "/members/" + m.UserID + "/remove", Button: d.T("members.remove_for", m.Name),
		Cancel: orgPath(org),
	})
}

// invitationRevokeForm asks before a pending invitation is cancelled: its
// link stops working.
func (s *Server) invitationRevokeForm(w http.ResponseWriter, r *http.Request) error {
	org := orgFrom(r)
	invs, err := s.store.PendingInvitations(r.Context(), org.ID)
	if err != nil {
		return err
	}
	var inv model.Invitation
	for _, i := range invs {
		if i.ID == r.PathValue("invID") {
			inv = i
		}
	}
	if inv.ID == "" {
		return model.ErrNotFound
	}
	d := s.newData(r)
	d.Org = org
	return s.confirm(w, r, http.StatusOK, d, &confirmView{
		Title: d.T("confirm.invitation.title"), Lead: d.T("confirm.invitation.lead", inv.Email, d.RoleName(inv.Role)),
		Lost:   []string{d.T("confirm.invitation.link")},
		Kept:   d.T("confirm.invitation.kept"),
		Action: orgPath(org) + "/invitations/" + inv.ID + "/revoke", Button: d.T("invite.revoke_for", inv.Email),
		Cancel: orgPath(org),
	})
}

// resetRevokeForm asks before a password reset link that has not been
// used is cancelled: it stops working; the person's password stays.
func (s *Server) resetRevokeForm(w http.ResponseWriter, r *http.Request) error {
	org := orgFrom(r)
	resets, err := s.store.PendingResets(r.Context(), org.ID)
	if err != nil {
		return err
	}
	d := s.newData(r)
	d.Org = org
	for _, rs := range resets {
		if rs.ID != r.PathValue("resetID") {
			continue
		}
		return s.confirm(w, r, http.StatusOK, d, &confirmView{
			Title: d.T("confirm.reset.title"), Lead: d.T("confirm.reset.lead", rs.Name),
			Lost:   []string{d.T("confirm.invitation.link")},
			Kept:   d.T("confirm.reset.kept"),
			Action: orgPath(org) + "/resets/" + rs.ID + "/revoke", Button: d.T("reset.revoke_for", rs.Name),
			Cancel: orgPath(org),
		})
	}
	return model.ErrNotFound
}

// feedRevokeForm asks before one of the viewer's calendar feeds is
// revoked: every calendar app subscribed to it stops getting dates.
// Another person's feed answers 404.
func (s *Server) feedRevokeForm(w http.ResponseWriter, r *http.Request) error {
	feeds, err := s.store.Feeds(r.Context(), viewerFrom(r).UserID)
	if err != nil {
		return err
	}
	d := s.newData(r)
	for _, f := range feeds {
		if f.ID != r.PathValue("feedID") {
			continue
		}
		created := d.DateTime(f.CreatedAt)
		return s.confirm(w, r, http.StatusOK, d, &confirmView{
			Title: d.T("confirm.feed.title"), Lead: d.T("confirm.feed.lead", created),
			Lost:   []string{d.T("confirm.feed.apps"), d.T("confirm.feed.address")},
			Kept:   d.T("confirm.feed.kept"),
			Action: "/calendar/feeds/" + f.ID + "/revoke", Button: d.T("calendar.revoke_for", created),
			Cancel: "/calendar",
		})
	}
	return model.ErrNotFound
}
