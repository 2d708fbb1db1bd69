package web

import (
	"net/http"
	"net/url"
	"strconv"

	"puente/internal/authz"
	"puente/internal/matching"
	"puente/internal/model"
	"puente/internal/store"
)

// The placement network's queue of people who need a sponsor (issue 13):
// its staff only (authz.ManageQueue). Each person is recorded with the
// least data that serves; the A-number and facility are sealed, masked on
// every page and revealed one at a time with an audit entry.

// queuePage starts a page about the network in the URL.
func (s *Server) queuePage(r *http.Request) *templateData {
	d := s.newData(r)
	d.Org = orgFrom(r)
	zone := viewerZone(r)
	d.Queue = &queueData{Today: s.today(zone), Now: s.now()}
	return d
}

// queueList shows a page of the queue, most urgent first: the decision
// date soonest, then the longest in detention. ?state= narrows it to one
// state ("all" for every state; none: all but closed), ?within=7 or 30 to
// people whose decision comes within that many days. A page past the
// last leads to the last (?page=99999 after a filter shrank the list).
func (s *Server) queueList(w http.ResponseWriter, r *http.Request) error {
	d := s.queuePage(r)
	d.Title = d.T("queue.title")
	v := viewerFrom(r).Viewer
	d.Intake = &intakeData{CanImport: authz.Can(v, authz.ImportIntake, d.Org), CanDashboard: authz.Can(v, authz.ViewNetworkDashboard, d.Org)}
	ctx := r.Context()
	if err := s.store.ExpireOffers(ctx, d.Org); err != nil {
		return err
	}
	filter := r.URL.Query().Get("state")
	if filter != "" && filter != "all" && !model.ValidQueueState(model.QueueState(filter)) {
		filter = ""
	}
	d.Queue.Filter = filter
	f := store.QueueFilter{State: filter}
	q := url.Values{}
	if filter != "" {
		q.Set("state", filter)
	}
	switch within := r.URL.Query().Get("within"); within {
	case "7", "30":
		n, _ := strconv.Atoi(within)
		f.Before = s.daysFrom(viewerZone(r), n+1)
		d.Queue.Within = within
		q.Set("within", within)
	}
	page := pageParam(r)
	entries, total, err := s.store.QueueList(ctx, d.Org, f, page, queuePageSize)
	if err != nil {
		return err
	}
	if to := beyondLast(orgPath(d.Org)+"/queue", q, page, total); to != "" {
		http.Redirect(w, r, to, http.StatusSeeOther)
		return nil
	}
	d.Queue.Entries = entries
	d.Queue.pager(orgPath(d.Org)+"/queue", q, page, total)
	return s.render(w, r, http.StatusOK, "queue", d)
}

// queueEntry loads the entry in the URL, of the network in the URL.
func (s *Server) queueEntry(r *http.Request, d *templateData) error {
	e, err := s.store.QueueEntry(r.Context(), d.Org, r.PathValue("entryID"))
	if err != nil {
		return err
	}
	d.Queue.Entry = e
	return nil
}

// queueEntryView shows one person: what is known, masked restricted
// fields with their reveal buttons, the pipeline's history, the offers
// made, and while they seek a sponsor the ranked groups with why; after
// the hand-off, the placement's figures.
func (s *Server) queueEntryView(w http.ResponseWriter, r *http.Request) error {
	d := s.queuePage(r)
	ctx := r.Context()
	if err := s.store.ExpireOffers(ctx, d.Org); err != nil {
		return err
	}
	if err := s.queueEntry(r, d); err != nil {
		return err
	}
	return s.renderEntry(w, r, http.StatusOK, d)
}

// renderEntry fills and renders the entry page with status (a refused
// offer comes back on it with 422 or 409).
func (s *Server) renderEntry(w http.ResponseWriter, r *http.Request, status int, d *templateData) error {
	ctx := r.Context()
	qd := d.Queue
	e := qd.Entry
	d.Title = d.T("queue.entry.title", e.Pseudonym)
	var err error
	if qd.History, err = s.store.QueueHistory(ctx, e); err != nil {
		return err
	}
	if qd.Offers, err = s.store.EntryOffers(ctx, d.Org, e.ID); err != nil {
		return err
	}
	for i := range qd.Offers {
		if qd.Offers[i].Live(qd.Now) {
			qd.LiveOffer = &qd.Offers[i]
		}
	}
	if e.State == model.QueueSeeking {
		if qd.Matches, err = s.rank(r, d.Org, e, qd.Today); err != nil {
			return err
		}
	}
	if e.CaseID != "" {
		p, err := s.store.PlacementOf(ctx, d.Org, e.ID, qd.Today, qd.Now)
		if err != nil {
			return err
		}
		qd.Placement = &p
	}
	return s.render(w, r, status, "queue_entry", d)
}

// rank lists the network's groups that can take e, best first, with why
// (package matching), on today.
func (s *Server) rank(r *http.Request, network model.Org, e model.QueueEntry, today string) ([]matching.Match, error) {
	ctx := r.Context()
	items, err := s.store.VettingItems(ctx, network.ID)
	if err != nil {
		return nil, err
	}
	loads, err := s.store.GroupLoads(ctx, network)
	if err != nil {
		return nil, err
	}
	rows, err := s.store.SponsorCandidates(ctx, network, today)
	if err != nil {
		return nil, err
	}
	groups := make([]matching.Group, 0, len(rows))
	for _, row := range rows {
		p := row.Profile
		approved := model.Stage(p, model.Vetting(items, row.Records, p.Adults, today)) == model.StageApproved
		groups = append(groups, store.MatchGroup(p, approved, loads[p.GroupID]))
	}
	person := store.MatchPerson(e)
	return matching.Rank(person, groups, matching.DefaultWeights, today), nil
}
