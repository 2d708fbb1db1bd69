// Package matching ranks a placement network's approved sponsor groups for
// one person who needs a sponsor, and says why for each (issue 13). It is
// pure: callers load the groups and the person; nothing here reads a clock,
// a database or a request. The coordinator decides; Puente only ranks.
//
// A group is considered only if it can take the person at all (Eligible):
// approved today, a placement free, beds for the whole household, children
// welcome if there are children, wheelchair access if it is needed. Each
// eligible group then scores points on six criteria, each worth at most its
// weight (Weights, which the network can read on a page of its own), and the
// reasons list every criterion with the points it gave.
package matching

import (
	"sort"
	"time"
)

// Criterion names one part of the score. Its message is "match.<name>".
type Criterion string

// The criteria, in the order reasons are listed.
const (
	Language      Criterion = "language"       // a language in common
	Household     Criterion = "household"      // a private room for the household
	Region        Criterion = "region"         // the person's preferred region
	AvailableFrom Criterion = "available_from" // free by the day the person needs a home
	Load          Criterion = "load"           // places free out of the group's maximum (open cases fill them)
	Rested        Criterion = "rested"         // time since the group's last placement
)

// Criteria lists every criterion in order.
var Criteria = []Criterion{Language, Household, Region, AvailableFrom, Load, Rested}

// Weights are the most points each criterion can give. They are data: a
// network reads them on its weights page.
type Weights map[Criterion]int

// DefaultWeights put language first: a household that cannot talk to its
// hosts struggles with every appointment; region next, because a person's
// court, lawyer or family are often tied to a place.
var DefaultWeights = Weights{Language: 40, Region: 20, AvailableFrom: 15, Household: 10, Load: 10, Rested: 5}

// LateDaysToZero is how many days after the person's need date a group's
// availability stops scoring: it loses AvailableFrom's points evenly over
// that many days.
const LateDaysToZero = 30

// RestedFullDays is how many days after its last placement a group scores
// Rested in full (a group that never hosted does at once).
const RestedFullDays = 180

// Person is what matching needs to know of someone in the queue: never a
// name. Dates are YYYY-MM-DD; NeedBy "" means as soon as possible (today).
type Person struct {
	Languages    []string
	Adults       int
	ChildrenAges []int
	Wheelchair   bool
	RegionID     string // "" for no preference
	NeedBy       string
}

// Size is the household's number of people (at least one).
func (p Person) Size() int {
	n := p.Adults + len(p.ChildrenAges)
	if n < 1 {
		return 1
	}
	return n
}

// Group is what matching needs to know of a sponsor group.
type Group struct {
	ID              string
	Name            string
	Approved        bool // computed from vetting on the day (model.Stage)
	Languages       []string
	RegionID        string
	Beds            int
	PrivateRoom     bool
	AcceptsChildren bool
	Wheelchair      bool
	AvailableFrom   string // YYYY-MM-DD, "" for now
	MaxPlacements   int
	// CurrentPlacements is every household the group looks after: its
	// open cases, placed by the network or opened by the group itself.
	CurrentPlacements int
	LastPlacement     string // YYYY-MM-DD the last placement began, "" for never
}

// Reason is one criterion's part of a group's score: Points out of Max.
// Languages are the languages in common (Language); Count is, for
// AvailableFrom, how many days after the person needs a home the group is
// first free (0 when it is free by then; From is the group's first free
// day and NeedBy the day the person needs a home, YYYY-MM-DD), for Load the
// places free (Of is the group's placements at once; every household the
// group looks after fills one), for Rested the days since the last
// placement (-1 for never).
type Reason struct {
	Criterion Criterion
	Points    int
	Max       int
	Languages []string
	Count     int
	From      string
	NeedBy    string
	Of        int
}

// Match is one eligible group with its score and reasons.
type Match struct {
	Group   Group
	Score   int
	Reasons []Reason
}

// Rule names a hard rule a group must meet to take a person at all; its
// message is "match.rule.<name>". Offers and hand-offs check the same
// rules at use (Unfit), so a group the ranking leaves out cannot be offered
// the person, nor accept them.
type Rule string

// The hard rules, in the order Unfit checks them.
const (
	RuleApproved   Rule = "approved"   // approved on the day
	RulePlacements Rule = "placements" // a placement free
	RuleBeds       Rule = "beds"       // a bed for everyone in the household
	RuleChildren   Rule = "children"   // children welcome, if there are any
	RuleWheelchair Rule = "wheelchair" // wheelchair access, if it is needed
)

// Unfit returns the first hard rule g fails for p, "" when g can take p.
func Unfit(p Person, g Group) Rule {
	switch {
	case !g.Approved:
		return RuleApproved
	case g.CurrentPlacements >= g.MaxPlacements:
		return RulePlacements
	case g.Beds < p.Size():
		return RuleBeds
	case len(p.ChildrenAges) > 0 && !g.AcceptsChildren:
		return RuleChildren
	case p.Wheelchair && !g.Wheelchair:
		return RuleWheelchair
	}
	return ""
}

// Eligible reports whether g can take p at all (Unfit finds no rule).
func Eligible(p Person, g Group) bool { return Unfit(p, g) == "" }

// Rank returns the groups eligible for p, best first, each with its reasons
// under w, on the day today (YYYY-MM-DD). Equal scores keep a stable order:
// by name, then id.
func Rank(p Person, groups []Group, w Weights, today string) []Match {
	need := parse(today)
	if p.NeedBy != "" && p.NeedBy > today {
		need = parse(p.NeedBy)
	}
	now := parse(today)
	langs := make(map[string]bool, len(p.Languages))
	for _, l := range p.Languages {
		langs[l] = true
	}
	out := make([]Match, 0, len(groups))
	for _, g := range groups {
		if !Eligible(p, g) {
			continue
		}
		m := Match{Group: g, Reasons: make([]Reason, 0, len(Criteria))}
		for _, c := range Criteria {
			r := score(c, w[c], p, g, langs, need, now)
			m.Score += r.Points
			m.Reasons = append(m.Reasons, r)
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Group.Name != b.Group.Name {
			return a.Group.Name < b.Group.Name
		}
		return a.Group.ID < b.Group.ID
	})
	return out
}

func score(c Criterion, max int, p Person, g Group, langs map[string]bool, need, now time.Time) Reason {
	r := Reason{Criterion: c, Max: max}
	switch c {
	case Language:
		for _, l := range g.Languages {
			if langs[l] {
				r.Languages = append(r.Languages, l)
			}
		}
		if len(r.Languages) > 0 {
			r.Points = max
		}
	case Household:
		if g.PrivateRoom {
			r.Points = max
		} else {
			r.Points = max / 2
		}
	case Region:
		switch {
		case p.RegionID == "":
			r.Points = max / 2
		case p.RegionID == g.RegionID:
			r.Points = max
		}
	case AvailableFrom:
		late := 0
		if g.AvailableFrom != "" {
			late = days(need, parse(g.AvailableFrom))
		}
		if late <= 0 {
			r.Points = max
		} else if late < LateDaysToZero {
			r.Points = max * (LateDaysToZero - late) / LateDaysToZero
			r.Count = late
		} else {
			r.Count = late
		}
		if r.Count > 0 {
			r.From, r.NeedBy = g.AvailableFrom, need.Format(time.DateOnly)
		}
	case Load:
		free := g.MaxPlacements - g.CurrentPlacements
		r.Points = max * free / g.MaxPlacements
		r.Count, r.Of = free, g.MaxPlacements
	case Rested:
		if g.LastPlacement == "" {
			r.Points = max
			r.Count = -1
			break
		}
		since := days(parse(g.LastPlacement), now)
		r.Count = since
		switch {
		case since >= RestedFullDays:
			r.Points = max
		case since > 0:
			r.Points = max * since / RestedFullDays
		}
	}
	return r
}

// parse reads a YYYY-MM-DD date; a malformed one is the zero time, which
// only a caller's bug produces (dates are checked where they are typed).
func parse(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

// days is whole days from a to b (negative when b is before a).
func days(a, b time.Time) int { return int(b.Sub(a).Hours() / 24) }
