package web

import (
	"net/http"

	"puente/internal/matching"
)

// weightView is one criterion of the ranking with its weight.
type weightView struct {
	Criterion matching.Criterion
	Weight    int
}

// matchingWeights shows the network's staff how Puente ranks sponsor
// groups for a person: which groups are considered at all, and the most
// points each criterion can give (matching.DefaultWeights). Every network
// uses these weights today; the page makes them visible, as issue 13 asks.
func (s *Server) matchingWeights(w http.ResponseWriter, r *http.Request) error {
	d := s.newData(r)
	d.Org = orgFrom(r)
	d.Title = d.T("match.weights.title")
	total := 0
	for _, c := range matching.Criteria {
		wt := matching.DefaultWeights[c]
		d.Weights = append(d.Weights, weightView{Criterion: c, Weight: wt})
		total += wt
	}
	d.WeightTotal = total
	return s.render(w, r, http.StatusOK, "matching_weights", d)
}

// LateDays and RestedDays are the ranking's day counts, for its page.
func (d *templateData) LateDays() int   { return matching.LateDaysToZero }
func (d *templateData) RestedDays() int { return matching.RestedFullDays }
