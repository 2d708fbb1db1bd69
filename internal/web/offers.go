package web

import (
	"errors"
	"net/http"

	"puente/internal/model"
	"puente/internal/store"
)

// Offers of a person to a sponsor group (issue 13), the network's side:
// a coordinator offers a person seeking a sponsor to a group Puente ranked,
// and may withdraw the offer while it is open. An offer is a capability:
// whatever a page showed, the store checks it again when it is used.

type offerForm struct {
	GroupID string `form:"group_id" validate:"required,max=64" required:"offer_group"`
}

// offerCreatePost offers the entry in the URL to the group chosen, for
// model.OfferTTL. The group must be the network's, approved today and
// able to take the person by the ranking's hard rules, the person seeking
// a sponsor: otherwise 422 on the entry page with why, nothing written.
func (s *Server) offerCreatePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	d := s.queuePage(r)
	if err := s.queueEntry(r, d); err != nil {
		return err
	}
	var f offerForm
	decodeForm(r, &f)
	ctx := r.Context()
	reject := func(key string) error {
		d.FormError = d.T(key)
		return s.renderEntry(w, r, http.StatusUnprocessableEntity, d)
	}
	if f.GroupID == "" {
		return reject("err.required.offer_group")
	}
	group, err := s.store.OrgInScope(ctx, viewerFrom(r).Memberships, f.GroupID)
	if errors.Is(err, model.ErrNotFound) || (err == nil && group.NetworkID != d.Org.ID) {
		return reject("offer.err.group")
	}
	if err != nil {
		return err
	}
	var noRoom *store.NoRoomError
	_, err = s.store.CreateOffer(ctx, d.Org, d.Queue.Entry.ID, group, viewerFrom(r).UserID, d.Queue.Today, model.OfferTTL)
	switch {
	case errors.Is(err, store.ErrNotApproved):
		return reject("offer.err.not_approved")
	case errors.As(err, &noRoom):
		d.FormError = d.T("offer.err.no_room", d.T("match.rule."+string(noRoom.Rule)))
		return s.renderEntry(w, r, http.StatusUnprocessableEntity, d)
	case errors.Is(err, store.ErrQueueState), errors.Is(err, store.ErrOfferOpen):
		return reject("offer.err.not_seeking")
	case errors.Is(err, model.ErrNotFound):
		return reject("offer.err.group")
	case err != nil:
		return err
	}
	s.flashTo(w, r, "offer.made", orgPath(d.Org)+"/queue/"+d.Queue.Entry.ID)
	return nil
}

// networkOffer loads the entry and the offer in the URL, both the
// network's (another entry's offer: 404).
func (s *Server) networkOffer(r *http.Request, d *templateData) (model.Offer, error) {
	if err := s.queueEntry(r, d); err != nil {
		return model.Offer{}, err
	}
	offers, err := s.store.EntryOffers(r.Context(), d.Org, d.Queue.Entry.ID)
	if err != nil {
		return model.Offer{}, err
	}
	for _, o := range offers {
		if o.ID == r.PathValue("offerID") {
			return o, nil
		}
	}
	return model.Offer{}, model.ErrNotFound
}

func (s *Server) withdrawView(d *templateData, o model.Offer) *confirmView {
	path := orgPath(d.Org) + "/queue/" + d.Queue.Entry.ID
	return &confirmView{Title: d.T("offer.withdraw.title"), Lead: d.T("offer.withdraw.lead", o.GroupName, d.Queue.Entry.Pseudonym),
		Action: path + "/offers/" + o.ID + "/withdraw", Button: d.T("offer.withdraw.button"), Cancel: path}
}

// offerWithdrawForm asks before the network takes an offer back.
func (s *Server) offerWithdrawForm(w http.ResponseWriter, r *http.Request) error {
	d := s.queuePage(r)
	o, err := s.networkOffer(r, d)
	if err != nil {
		return err
	}
	return s.confirm(w, r, http.StatusOK, d, s.withdrawView(d, o))
}

// offerWithdrawPost takes the offer back; the person seeks a sponsor
// again. An offer already answered or lapsed: 409 with why.
func (s *Server) offerWithdrawPost(w http.ResponseWriter, r *http.Request) error {
	d := s.queuePage(r)
	o, err := s.networkOffer(r, d)
	if err != nil {
		return err
	}
	err = s.store.WithdrawOffer(r.Context(), d.Org, o.ID, viewerFrom(r).UserID)
	if errors.Is(err, store.ErrOfferDead) {
		d.FormError = d.T("offer.dead." + string(o.Shown(s.now())))
		return s.renderEntry(w, r, http.StatusConflict, d)
	}
	if err != nil {
		return err
	}
	s.flashTo(w, r, "offer.withdrawn", orgPath(d.Org)+"/queue/"+d.Queue.Entry.ID)
	return nil
}
