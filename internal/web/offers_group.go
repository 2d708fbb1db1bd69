package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"puente/internal/model"
	"puente/internal/store"
)

// Offers as a sponsor group's coordinators see them (issue 13): only what
// they need to decide (pseudonym, household shape, languages, needs,
// urgency, region), never the A-number or the facility. A group never
// sees another group's offers: they answer 404, as for none.

// offerPageLimit is how many offers the group's list shows: the open
// ones, then the latest answered.
const offerPageLimit = 50

// groupOfferList shows the group's offers, open ones first.
func (s *Server) groupOfferList(w http.ResponseWriter, r *http.Request) error {
	d := s.queuePage(r)
	d.Title = d.T("offer.list.title")
	offers, err := s.store.GroupOffers(r.Context(), d.Org, offerPageLimit)
	if err != nil {
		return err
	}
	d.Queue.Offers = offers
	return s.render(w, r, http.StatusOK, "offers", d)
}

// groupOfferPage loads the offer in the URL, the group's own.
func (s *Server) groupOfferPage(r *http.Request) (*templateData, error) {
	d := s.queuePage(r)
	o, err := s.store.GroupOffer(r.Context(), d.Org, r.PathValue("offerID"))
	if err != nil {
		return nil, err
	}
	d.Queue.Offer = o
	d.Title = d.T("offer.title", o.Pseudonym)
	if !o.Live(d.Queue.Now) {
		d.Queue.Dead = d.T("offer.dead." + string(o.Shown(d.Queue.Now)))
	}
	return d, nil
}

// groupOfferView shows one offer with its accept and decline buttons
// while it is open.
func (s *Server) groupOfferView(w http.ResponseWriter, r *http.Request) error {
	d, err := s.groupOfferPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "offer", d)
}

// handOff is the household for the group's new case: the pseudonym for
// the principal and, for the others, the pseudonym and a number ("R.M. 2"),
// names in no language that the group replaces later; the relationship
// (with a child's age at the hand-off) in the page's language, languages
// as their codes, which the case pages name in the reader's language
// (PersonLanguages).
func handOff(d *templateData, o model.Offer) store.HandOff {
	h := store.HandOff{Principal: model.PersonInput{Name: o.Pseudonym, Languages: strings.Join(o.Languages, ", ")}}
	n := 1
	for i := 2; i <= o.Adults; i++ {
		n++
		h.Others = append(h.Others, model.PersonInput{Name: o.Pseudonym + " " + strconv.Itoa(n), Relationship: d.T("handoff.relationship.adult")})
	}
	for _, age := range o.ChildAges {
		n++
		h.Others = append(h.Others, model.PersonInput{Name: o.Pseudonym + " " + strconv.Itoa(n), Relationship: d.T("handoff.relationship.child", age)})
	}
	return h
}

// offerAcceptPost accepts the offer and hands the person off in one
// transaction (store.AcceptOffer): the case opens in the group's space with
// its first checklists. A dead offer, a group no longer approved or one
// that can no longer take the person (the ranking's hard rules, checked
// in that transaction): 409 with why, nothing written.
func (s *Server) offerAcceptPost(w http.ResponseWriter, r *http.Request) error {
	d, err := s.groupOfferPage(r)
	if err != nil {
		return err
	}
	var noRoom *store.NoRoomError
	c, err := s.store.AcceptOffer(r.Context(), d.Org, d.Queue.Offer.ID, viewerFrom(r).UserID, d.Queue.Today, handOff(d, d.Queue.Offer))
	switch {
	case errors.Is(err, store.ErrOfferDead):
		d.FormError = d.T("offer.dead." + string(d.Queue.Offer.Shown(s.now())))
		if d.Queue.Offer.Live(s.now()) {
			d.FormError = d.T("offer.dead.answered")
		}
		return s.render(w, r, http.StatusConflict, "offer", d)
	case errors.Is(err, store.ErrNotApproved):
		d.FormError = d.T("offer.err.lost_approval")
		return s.render(w, r, http.StatusConflict, "offer", d)
	case errors.As(err, &noRoom):
		d.FormError = d.T("offer.err.accept_no_room", d.T("match.rule."+string(noRoom.Rule)))
		return s.render(w, r, http.StatusConflict, "offer", d)
	case err != nil:
		return err
	}
	s.flashTo(w, r, "offer.accepted", "/cases/"+c.ID)
	return nil
}

type declineForm struct {
	Reason string `form:"reason" validate:"max=40"`
	Note   string `form:"note" validate:"max=300,safetext"`
}

// offerDeclineForm asks why the group declines; an offer no longer open
// shows why instead.
func (s *Server) offerDeclineForm(w http.ResponseWriter, r *http.Request) error {
	d, err := s.groupOfferPage(r)
	if err != nil {
		return err
	}
	if d.Queue.Dead != "" {
		return s.render(w, r, http.StatusOK, "offer", d)
	}
	d.Title = d.T("offer.decline.title", d.Queue.Offer.Pseudonym)
	d.Form = &declineForm{}
	return s.render(w, r, http.StatusOK, "offer_decline", d)
}

// offerDeclinePost declines with a reason; the person seeks a sponsor
// again. A dead offer: 409 with why, whatever the form says (and again
// in the transaction); no reason or too long a note: 422, nothing written.
func (s *Server) offerDeclinePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d, err := s.groupOfferPage(r)
	if err != nil {
		return err
	}
	if d.Queue.Dead != "" {
		d.FormError = d.Queue.Dead
		return s.render(w, r, http.StatusConflict, "offer", d)
	}
	d.Title = d.T("offer.decline.title", d.Queue.Offer.Pseudonym)
	var f declineForm
	decodeForm(r, &f)
	d.Errors = s.validateForm(d.Lang, &f)
	if d.Errors["reason"] == "" && !model.ValidDeclineReason(f.Reason) {
		d.Errors["reason"] = d.T("err.choice")
	}
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "offer_decline", d, &f)
	}
	err = s.store.DeclineOffer(r.Context(), d.Org, d.Queue.Offer.ID, f.Reason, f.Note, viewerFrom(r).UserID)
	if errors.Is(err, store.ErrOfferDead) {
		d.FormError = d.T("offer.dead.answered")
		return s.render(w, r, http.StatusConflict, "offer", d)
	}
	if err != nil {
		return err
	}
	s.flashTo(w, r, "offer.declined", orgPath(d.Org)+"/offers")
	return nil
}
