package web

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"puente/internal/matching"
	"puente/internal/model"
	"puente/internal/store"
	"puente/internal/tz"
)

// queuePageSize is how many people a page of the queue, or placements, lists.
const queuePageSize = 25

// queueData is the queue part of a page (issue 13): the network's queue,
// one entry with its history, offers and ranking, a group's offers, and
// the placements that followed.
type queueData struct {
	Entries    []model.QueueEntry
	Entry      model.QueueEntry
	History    []model.QueueStateChange
	Offers     []model.Offer
	Offer      model.Offer
	Matches    []matching.Match
	Placement  *store.Placement
	Placements []store.Placement
	Regions    []model.Region
	// Filter is the list's state filter ("" open, "all", or a state).
	Filter string
	// Within is the urgency filter: "7", "30" or "" for any date.
	Within      string
	Total       int
	Page, Pages int
	PrevURL     string
	NextURL     string
	Today       string
	Now         time.Time
	// LiveOffer is the entry's open offer still in time, if any.
	LiveOffer *model.Offer
	// Dead says why an offer can no longer be answered ("" if it can).
	Dead string
}

// pager fills the page links of path (whose query keeps q) for total rows.
func (qd *queueData) pager(path string, q url.Values, page, total int) {
	qd.Total, qd.Page = total, page
	qd.Pages = (total + queuePageSize - 1) / queuePageSize
	link := func(n int) string {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Set("page", strconv.Itoa(n))
		return path + "?" + v.Encode()
	}
	if page > 1 {
		qd.PrevURL = link(page - 1)
	}
	if page < qd.Pages {
		qd.NextURL = link(page + 1)
	}
}

// beyondLast is where a page number past the last page of total rows
// goes instead (the last page, or the first when there are none): "" when
// page is one of the pages.
func beyondLast(path string, q url.Values, page, total int) string {
	pages := (total + queuePageSize - 1) / queuePageSize
	if page <= 1 || page <= pages {
		return ""
	}
	v := url.Values{}
	for k, vs := range q {
		v[k] = vs
	}
	if pages > 1 {
		v.Set("page", strconv.Itoa(pages))
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// QueueStateName is a queue state in the page's language.
func (d *templateData) QueueStateName(st model.QueueState) string {
	return d.T("queue.state." + string(st))
}

// QueueStates are the queue's states in pipeline order, for the filter.
func (d *templateData) QueueStates() []model.QueueState { return model.QueueStates }

// SettableStates are the states a coordinator sets by hand, for the form:
// the steps after a group's acceptance only once a group accepted the
// person (the store refuses them otherwise).
func (d *templateData) SettableStates() []model.QueueState {
	var out []model.QueueState
	placed := d.Queue != nil && d.Queue.Entry.CaseID != ""
	for _, st := range model.QueueStates {
		if model.SettableQueueState(st) && (placed || !model.AfterHandOff(st)) {
			out = append(out, st)
		}
	}
	return out
}

// QueueNeeds are the needs a person may have, for the checkboxes.
func (d *templateData) QueueNeeds() []string { return model.QueueNeeds }

// QueueCloseReasons are why an entry leaves the queue.
func (d *templateData) QueueCloseReasons() []string { return model.QueueCloseReasons }

// DeclineReasons are why a group declines an offer.
func (d *templateData) DeclineReasons() []string { return model.DeclineReasons }

// Household says a household's shape in words: "2 adults, children aged
// 4 and 9".
func (d *templateData) Household(adults int, ages []int) string {
	s := d.T("queue.household.adults", adults)
	if len(ages) == 0 {
		return s
	}
	parts := make([]string, len(ages))
	for i, a := range ages {
		parts[i] = strconv.Itoa(a)
	}
	return d.T("queue.household.children", s, len(ages), d.list(parts))
}

// list joins words as the page's language does: "4, 6 and 9".
func (d *templateData) list(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + d.T("queue.list.and") + parts[len(parts)-1]
}

// LanguageNames names language codes in the page's language.
func (d *templateData) LanguageNames(codes []string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = d.LanguageName(c)
	}
	return strings.Join(names, ", ")
}

// NeedNames names needs in the page's language.
func (d *templateData) NeedNames(needs []string) string {
	names := make([]string, len(needs))
	for i, n := range needs {
		names[i] = d.T("queue.need." + n)
	}
	return strings.Join(names, ", ")
}

// Urgency says how urgent an entry is in words: the decision date and
// the days in detention, as far as they are known.
func (d *templateData) Urgency(decision, detained, today string) string {
	var parts []string
	if decision != "" {
		parts = append(parts, d.T("queue.urgency.decision", d.Day(decision)))
	}
	if n := (model.QueueEntry{DetainedSince: detained}).DaysDetained(today); n >= 0 {
		parts = append(parts, d.T("queue.urgency.detained", n))
	}
	if len(parts) == 0 {
		return d.T("queue.urgency.unknown")
	}
	return strings.Join(parts, " · ")
}

// EntryUrgency is Urgency for an entry in the queue: once the person left
// detention (released, arrived) or the entry closed, the days in detention
// stop at that day.
func (d *templateData) EntryUrgency(e model.QueueEntry, today string) string {
	if e.LeftDetention.IsZero() {
		return d.Urgency(e.DecisionDate, e.DetainedSince, today)
	}
	left := tz.Today(e.LeftDetention, d.Zone)
	var parts []string
	if e.DecisionDate != "" {
		parts = append(parts, d.T("queue.urgency.decision", d.Day(e.DecisionDate)))
	}
	if n := e.DaysDetained(left); n >= 0 {
		parts = append(parts, d.T("queue.urgency.detained_until", n, d.Day(left)))
	}
	if len(parts) == 0 {
		return d.T("queue.urgency.unknown")
	}
	return strings.Join(parts, " · ")
}

// OfferUrgency is EntryUrgency for the person an offer is about.
func (d *templateData) OfferUrgency(o model.Offer, today string) string {
	return d.EntryUrgency(model.QueueEntry{DecisionDate: o.DecisionDate, DetainedSince: o.DetainedSince, LeftDetention: o.LeftDetention}, today)
}

// Urgent reports whether an entry shows the "decision within 7 days" tag:
// its decision date is near and no decision was recorded yet.
func (d *templateData) Urgent(e model.QueueEntry, today string) bool {
	return !model.QueueDecided(e.State) && d.Soon(e.DecisionDate, today)
}

// Soon reports whether a decision date is within the next 7 days (or
// past), for the list's tag.
func (d *templateData) Soon(decision, today string) bool {
	if decision == "" {
		return false
	}
	t, err1 := time.Parse(time.DateOnly, decision)
	n, err2 := time.Parse(time.DateOnly, today)
	return err1 == nil && err2 == nil && t.Sub(n) <= 7*24*time.Hour
}

// MaskedANumber shows a recorded A-number as its last three digits only.
func (d *templateData) MaskedANumber(last3 string) string { return "•••-•••-" + last3 }

// OfferStateName is an offer's state, as it stands at now, in words.
func (d *templateData) OfferStateName(o model.Offer, now time.Time) string {
	return d.T("offer.state." + string(o.Shown(now)))
}

// OfferTrail says who did what to an offer and when, in order: who made
// it, then who answered it (accepted or declined, the group's people),
// who withdrew it (the network's), or when it lapsed.
func (d *templateData) OfferTrail(o model.Offer, now time.Time) []string {
	step := func(key string, at time.Time, by string) string {
		if by == "" {
			return d.T(key, d.Date(at))
		}
		return d.T(key+"_by", d.Date(at), by)
	}
	out := []string{step("offer.trail.offered", o.CreatedAt, o.CreatedByName)}
	switch st := o.Shown(now); st {
	case model.OfferAccepted, model.OfferDeclined, model.OfferWithdrawn:
		out = append(out, step("offer.trail."+string(st), o.DecidedAt, o.DecidedByName))
	case model.OfferExpired:
		out = append(out, d.T("offer.trail.expired", d.Date(o.ExpiresAt)))
	}
	return out
}

// OfferShown is an offer's state as it stands at now.
func (d *templateData) OfferShown(o model.Offer, now time.Time) string { return string(o.Shown(now)) }

// Why says one reason of a ranking in words: the criterion, its points
// and what they count.
func (d *templateData) Why(r matching.Reason) string {
	s := d.T("queue.why.points", d.T("match."+string(r.Criterion)), r.Points, r.Max)
	var detail string
	switch r.Criterion {
	case matching.Language:
		if len(r.Languages) > 0 {
			detail = d.T("queue.why.languages", d.LanguageNames(r.Languages))
		} else {
			detail = d.T("queue.why.no_language")
		}
	case matching.AvailableFrom:
		if r.Count > 0 {
			detail = d.T("queue.why.late", d.Day(r.From), r.Count, d.Day(r.NeedBy))
		}
	case matching.Load:
		detail = d.T("queue.why.free", r.Count, r.Of)
	case matching.Rested:
		if r.Count < 0 {
			detail = d.T("queue.why.never")
		} else {
			detail = d.T("queue.why.rested", r.Count)
		}
	}
	if detail == "" {
		return s
	}
	return s + " (" + detail + ")"
}

// CaseStatusName is a case's placement stage in words.
func (d *templateData) CaseStatusName(st model.CaseStatus) string { return d.T("status." + string(st)) }

// QueueChecked reports whether the rejected or loaded queue form ticks
// value in list ("languages" or "needs").
func (d *templateData) QueueChecked(list, value string) bool {
	f, ok := d.Form.(*queueForm)
	if !ok {
		return false
	}
	vals := f.Languages
	if list == "needs" {
		vals = f.Needs
	}
	for _, v := range vals {
		if v == value {
			return true
		}
	}
	return false
}

// QueueSensitive lists the queue form's restricted fields, whether the
// entry being edited has each recorded (a saved value is never shown here)
// and what was typed in each on a rejected form.
func (d *templateData) QueueSensitive() []sensitiveField {
	e := d.Queue.Entry
	var typed queueForm
	if f, ok := d.Form.(*queueForm); ok {
		typed = *f
	}
	return []sensitiveField{
		{Name: "anumber", Type: "text", Recorded: e.HasANumber, Hint: "field.anumber.hint", Value: typed.ANumber},
		{Name: "facility", Type: "text", Recorded: e.HasFacility, Value: typed.Facility},
	}
}

// SinceRelease says how long ago the placement's person left detention.
func (d *templateData) SinceRelease(p store.Placement) string {
	if p.ReleaseDate == "" {
		return d.T("placements.not_released")
	}
	return d.T("placements.days_since", p.DaysSinceRelease(d.Queue.Today))
}

// ChangeReason says why an entry's state changed: a close reason, or what
// happened to its offer.
func (d *templateData) ChangeReason(reason string) string {
	for _, r := range model.QueueCloseReasons {
		if r == reason {
			return d.T("queue.close.reason." + r)
		}
	}
	return d.T("queue.why_changed." + reason)
}
