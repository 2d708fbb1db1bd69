package web

import "net/http"

// placementList shows the network what became of the people it handed to
// groups (issue 13): the group, the case's placement stage, days since
// release, overdue deadlines and appointments with nobody going. Never a
// name beyond the pseudonym, a note, a commitment's details or a
// checklist's notes: store.Placements reads none of them. A page past the
// last leads to the last.
func (s *Server) placementList(w http.ResponseWriter, r *http.Request) error {
	d := s.queuePage(r)
	d.Title = d.T("placements.title")
	page := pageParam(r)
	list, total, err := s.store.Placements(r.Context(), d.Org, d.Queue.Today, d.Queue.Now, page, queuePageSize)
	if err != nil {
		return err
	}
	if to := beyondLast(orgPath(d.Org)+"/placements", nil, page, total); to != "" {
		http.Redirect(w, r, to, http.StatusSeeOther)
		return nil
	}
	d.Queue.Placements = list
	d.Queue.pager(orgPath(d.Org)+"/placements", nil, page, total)
	return s.render(w, r, http.StatusOK, "placements", d)
}
