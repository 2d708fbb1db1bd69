package web

import (
	"errors"
	"net/http"
	"sort"
	"strconv"

	"puente/internal/authz"
	"puente/internal/ledger"
	"puente/internal/model"
	"puente/internal/store"
)

// A sponsor group's profile as its network sees it (issue 13): kept by the
// group's coordinators, read by the group and its network's staff, never by
// another group. The group's private notes stay with the group.

// profileForm is the profile as typed. Checkboxes are "on" or "".
type profileForm struct {
	RegionID        string `form:"region_id" validate:"max=64"`
	Adults          string `form:"adults" validate:"max=3"`
	Beds            string `form:"beds" validate:"max=3"`
	PrivateRoom     string `form:"private_room" validate:"omitempty,oneof=on"`
	AcceptsChildren string `form:"accepts_children" validate:"omitempty,oneof=on"`
	Wheelchair      string `form:"wheelchair" validate:"omitempty,oneof=on"`
	HostMonths      string `form:"host_months" validate:"max=3"`
	AvailableFrom   string `form:"available_from" validate:"omitempty,isodate"`
	Pledge          string `form:"pledge" validate:"max=20"`
	MaxPlacements   string `form:"max_placements" validate:"max=3"`
	PrivateNotes    string `form:"private_notes" validate:"max=2000,safetext"`
	// Languages are the ticked codes (not decoded by decodeForm: a list).
	Languages []string
}

// wholeNumber reads a count typed as digits only, from 0 to max; empty is 0.
func wholeNumber(s string, max int) (int, bool) {
	if s == "" {
		return 0, true
	}
	if len(s) > 3 {
		return 0, false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n <= max
}

// sponsorPage loads what the profile page shows of the group in the URL.
func (s *Server) sponsorPage(r *http.Request) (*templateData, error) {
	d := s.newData(r)
	d.Org = orgFrom(r)
	v := viewerFrom(r)
	_, member := v.RoleIn(d.Org.ID)
	sd := &sponsorData{ShowPrivate: member,
		CanEdit: authz.Can(v.Viewer, authz.EditSponsorProfile, d.Org),
		CanVet:  authz.Can(v.Viewer, authz.RecordVetting, d.Org)}
	ctx := r.Context()
	var err error
	if sd.Profile, err = s.store.SponsorProfile(ctx, d.Org, member); err != nil {
		return nil, err
	}
	if sd.Items, err = s.store.VettingItems(ctx, d.Org.NetworkID); err != nil {
		return nil, err
	}
	if sd.Records, err = s.store.VettingRecords(ctx, d.Org.ID); err != nil {
		return nil, err
	}
	if sd.Regions, err = s.store.Regions(ctx, d.Org.NetworkID); err != nil {
		return nil, err
	}
	zone := viewerZone(r)
	sd.Today = s.today(zone)
	sd.Vetting = model.Vetting(sd.Items, sd.Records, sd.Profile.Adults, sd.Today)
	loads, err := s.store.GroupLoads(ctx, model.Org{ID: d.Org.NetworkID, Kind: model.KindNetwork})
	if err != nil {
		return nil, err
	}
	l := loads[d.Org.ID]
	sd.Stage = model.StageWithPlacements(model.Stage(sd.Profile, sd.Vetting), l.Open, l.Hosting)
	sd.Stale = s.staleProfile(sd.Profile, zone)
	d.Sponsor = sd
	d.Title = d.T("sponsor.profile.title", d.Org.Name)
	return d, nil
}

// sponsorProfileView shows a group's profile, its vetting and stage; to
// its network's staff, the forms that record vetting and the stage.
func (s *Server) sponsorProfileView(w http.ResponseWriter, r *http.Request) error {
	d, err := s.sponsorPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "sponsor_profile", d)
}

// profileFormOf fills the form from the stored profile.
func profileFormOf(p model.SponsorProfile) *profileForm {
	on := func(b bool) string {
		if b {
			return "on"
		}
		return ""
	}
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	f := &profileForm{RegionID: p.RegionID, Adults: num(p.Adults), Beds: num(p.Beds), PrivateRoom: on(p.PrivateRoom),
		AcceptsChildren: on(p.AcceptsChildren), Wheelchair: on(p.Wheelchair), HostMonths: num(p.HostMonths),
		AvailableFrom: p.AvailableFrom, MaxPlacements: num(p.MaxPlacements), PrivateNotes: p.PrivateNotes, Languages: p.Languages}
	if p.PledgeCents > 0 {
		f.Pledge = ledger.Cents(p.PledgeCents).Decimal("USD")
	}
	return f
}

// sponsorProfileEditForm shows the group's coordinators their profile form.
func (s *Server) sponsorProfileEditForm(w http.ResponseWriter, r *http.Request) error {
	d, err := s.sponsorPage(r)
	if err != nil {
		return err
	}
	d.Title = d.T("sponsor.edit.title")
	d.Form = profileFormOf(d.Sponsor.Profile)
	return s.render(w, r, http.StatusOK, "sponsor_profile_edit", d)
}

// sponsorProfilePost saves the profile in one transaction. A region not on
// the network's list, a language not on model.Languages, counts that are
// not whole numbers in range, a date that is not one, or an amount that is
// not money: 422 with the form as typed, nothing written.
func (s *Server) sponsorProfilePost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	f := &profileForm{}
	decodeForm(r, f)
	f.Languages = r.PostForm["languages"]
	d, err := s.sponsorPage(r)
	if err != nil {
		return err
	}
	d.Title = d.T("sponsor.edit.title")
	d.Errors = s.validateForm(d.Lang, f)
	p := model.SponsorProfile{RegionID: f.RegionID, PrivateRoom: f.PrivateRoom == "on", AcceptsChildren: f.AcceptsChildren == "on",
		Wheelchair: f.Wheelchair == "on", AvailableFrom: f.AvailableFrom, PrivateNotes: f.PrivateNotes}
	if p.RegionID != "" && !regionListed(d.Sponsor.Regions, p.RegionID) {
		d.Errors["region_id"] = d.T("err.choice")
	}
	seen := map[string]bool{}
	for _, l := range f.Languages {
		if !model.ValidLanguage(l) {
			d.Errors["languages"] = d.T("err.choice")
			break
		}
		if !seen[l] {
			seen[l] = true
			p.Languages = append(p.Languages, l)
		}
	}
	sort.Strings(p.Languages)
	counts := []struct {
		name string
		val  string
		max  int
		dst  *int
	}{
		{"adults", f.Adults, 20, &p.Adults}, {"beds", f.Beds, 50, &p.Beds},
		{"host_months", f.HostMonths, 60, &p.HostMonths}, {"max_placements", f.MaxPlacements, 20, &p.MaxPlacements},
	}
	for _, c := range counts {
		n, ok := wholeNumber(c.val, c.max)
		if !ok && d.Errors[c.name] == "" {
			d.Errors[c.name] = d.T("err.count", c.max)
		}
		*c.dst = n
	}
	if f.Pledge != "" && d.Errors["pledge"] == "" {
		c, msg := parseAmountField(d.Lang, f.Pledge, "USD")
		if msg != "" {
			d.Errors["pledge"] = msg
		}
		p.PledgeCents = int64(c)
	}
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "sponsor_profile_edit", d, f)
	}
	err = s.store.SaveSponsorProfile(r.Context(), d.Org, p, viewerFrom(r).UserID)
	if errors.Is(err, store.ErrBadRegion) {
		d.Errors["region_id"] = d.T("err.choice")
		return s.formRejected(w, r, "sponsor_profile_edit", d, f)
	}
	if err != nil {
		return err
	}
	s.flashTo(w, r, "sponsor.saved", orgPath(d.Org)+"/profile")
	return nil
}

func regionListed(rs []model.Region, id string) bool {
	for _, r := range rs {
		if r.ID == id {
			return true
		}
	}
	return false
}
