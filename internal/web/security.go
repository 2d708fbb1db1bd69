package web

import (
	"net/http"
	"strconv"
)

// securityPageSize is how many log entries one page shows.
const securityPageSize = 50

func (s *Server) securityLog(w http.ResponseWriter, r *http.Request) error {
	org := orgFrom(r)
	before, _ := strconv.ParseInt(r.URL.Query().Get("before"), 10, 64)
	events, err := s.store.Events(r.Context(), org.ID, before, securityPageSize+1)
	if err != nil {
		return err
	}
	d := s.newData(r)
	d.Org = org
	d.Title = d.T("security.title")
	if len(events) > securityPageSize {
		events = events[:securityPageSize]
		d.NextBefore = events[len(events)-1].ID
	}
	d.Events = events
	return s.render(w, r, http.StatusOK, "security", d)
}
