package web

import (
	"errors"
	"net/http"
	"strconv"

	"puente/internal/authz"
	"puente/internal/model"
)

// A network's view of its sponsor groups (issue 13): the list with each
// group's stage of the day, what vetting expires in the next 60 days, and
// the regions and vetting items the network's admins define.

// sponsorList shows a page of the network's groups by name.
func (s *Server) sponsorList(w http.ResponseWriter, r *http.Request) error {
	d := s.newData(r)
	d.Org = orgFrom(r)
	d.Title = d.T("sponsors.title")
	ctx := r.Context()
	zone := viewerZone(r)
	sd := &sponsorData{Today: s.today(zone), CanDefine: authz.Can(viewerFrom(r).Viewer, authz.DefineVetting, d.Org)}
	items, err := s.store.VettingItems(ctx, d.Org.ID)
	if err != nil {
		return err
	}
	page := pageParam(r)
	rows, total, err := s.store.Sponsors(ctx, d.Org.ID, page, sponsorPageSize)
	if err != nil {
		return err
	}
	loads, err := s.store.GroupLoads(ctx, d.Org)
	if err != nil {
		return err
	}
	for _, row := range rows {
		v := model.Vetting(items, row.Records, row.Profile.Adults, sd.Today)
		l := loads[row.Profile.GroupID]
		sd.Rows = append(sd.Rows, sponsorRow{Profile: row.Profile, Vetting: v, Stage: model.StageWithPlacements(model.Stage(row.Profile, v), l.Open, l.Hosting),
			Stale: s.staleProfile(row.Profile, zone)})
	}
	sd.Items = items
	sd.pager(orgPath(d.Org)+"/sponsors", nil, page, total)
	d.Sponsor = sd
	return s.render(w, r, http.StatusOK, "sponsors", d)
}

// sponsorExpiring lists the network's vetting records that expire in the
// next model.ExpiringWithinDays days of the network's own calendar,
// soonest first.
func (s *Server) sponsorExpiring(w http.ResponseWriter, r *http.Request) error {
	d := s.newData(r)
	d.Org = orgFrom(r)
	d.Title = d.T("sponsors.expiring.title", model.ExpiringWithinDays)
	zone := viewerZone(r)
	sd := &sponsorData{Today: s.today(zone)}
	page := pageParam(r)
	recs, total, err := s.store.ExpiringVetting(r.Context(), d.Org.ID, sd.Today, s.daysFrom(zone, model.ExpiringWithinDays), page, sponsorPageSize)
	if err != nil {
		return err
	}
	sd.Expiring = recs
	sd.pager(orgPath(d.Org)+"/sponsors/expiring", nil, page, total)
	d.Sponsor = sd
	return s.render(w, r, http.StatusOK, "sponsors_expiring", d)
}

// regionForm names a new region.
type regionForm struct {
	Name string `form:"name" validate:"required,max=80,safetext" required:"region_name"`
}

// vettingItemForm defines a new vetting item.
type vettingItemForm struct {
	ItemName  string `form:"item_name" validate:"required,max=120,safetext" required:"vetting_item_name"`
	ValidDays string `form:"valid_days" validate:"required,max=4" required:"valid_days"`
	PerAdult  string `form:"per_adult" validate:"omitempty,oneof=on"`
}

// vettingSetupPage loads the network's regions and items.
func (s *Server) vettingSetupPage(r *http.Request) (*templateData, error) {
	d := s.newData(r)
	d.Org = orgFrom(r)
	d.Title = d.T("vetting.setup.title")
	sd := &sponsorData{CanDefine: true}
	var err error
	if sd.Regions, err = s.store.Regions(r.Context(), d.Org.ID); err != nil {
		return nil, err
	}
	if sd.Items, err = s.store.VettingItems(r.Context(), d.Org.ID); err != nil {
		return nil, err
	}
	d.Sponsor = sd
	return d, nil
}

// vettingSetupView shows the network's admins its regions and vetting
// items, with a form to add each.
func (s *Server) vettingSetupView(w http.ResponseWriter, r *http.Request) error {
	d, err := s.vettingSetupPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "vetting_setup", d)
}

// regionPost adds a region; an empty or repeated name is 422.
func (s *Server) regionPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	f := &regionForm{}
	decodeForm(r, f)
	d, err := s.vettingSetupPage(r)
	if err != nil {
		return err
	}
	d.FormName = "region"
	if d.Errors = s.validateForm(d.Lang, f); len(d.Errors) > 0 {
		return s.formRejected(w, r, "vetting_setup", d, f)
	}
	err = s.store.AddRegion(r.Context(), d.Org.ID, f.Name, viewerFrom(r).UserID, s.clientIP(r))
	if errors.Is(err, model.ErrConflict) {
		d.Errors["name"] = d.T("vetting.err.region_taken")
		return s.formRejected(w, r, "vetting_setup", d, f)
	}
	if err != nil {
		return err
	}
	s.flashTo(w, r, "vetting.region.saved", orgPath(d.Org)+"/vetting/setup")
	return nil
}

// vettingItemPost adds a required vetting item valid for 1 to 3650 days;
// anything else, or a repeated name, is 422.
func (s *Server) vettingItemPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	f := &vettingItemForm{}
	decodeForm(r, f)
	d, err := s.vettingSetupPage(r)
	if err != nil {
		return err
	}
	d.FormName = "item"
	d.Errors = s.validateForm(d.Lang, f)
	days, convErr := strconv.Atoi(f.ValidDays)
	if d.Errors["valid_days"] == "" && (convErr != nil || days < 1 || days > 3650 || f.ValidDays[0] == '+') {
		d.Errors["valid_days"] = d.T("vetting.err.days")
	}
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "vetting_setup", d, f)
	}
	err = s.store.AddVettingItem(r.Context(), d.Org.ID, model.VettingItem{Name: f.ItemName, ValidDays: days, PerAdult: f.PerAdult == "on"}, viewerFrom(r).UserID, s.clientIP(r))
	if errors.Is(err, model.ErrConflict) {
		d.Errors["item_name"] = d.T("vetting.err.item_taken")
		return s.formRejected(w, r, "vetting_setup", d, f)
	}
	if err != nil {
		return err
	}
	s.flashTo(w, r, "vetting.item.saved", orgPath(d.Org)+"/vetting/setup")
	return nil
}
