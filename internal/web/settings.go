package web

import (
	"errors"
	"net/http"

	"puente/internal/store"
	"puente/internal/tz"
)

// settingsForm is an organisation's settings: its time zone, and whether
// everyone in it must sign in with a second factor (a checkbox: "on" or "").
type settingsForm struct {
	TimeZone         string `form:"time_zone" validate:"required,max=64"`
	RequireTwoFactor string `form:"require_two_factor" validate:"omitempty,oneof=on"`
}

func (s *Server) settingsPage(r *http.Request) *templateData {
	d := s.newData(r)
	d.Org = orgFrom(r)
	d.Title = d.T("settings.title")
	return d
}

// orgSettingsForm shows the settings of the organisation in the URL to
// whoever manages it.
func (s *Server) orgSettingsForm(w http.ResponseWriter, r *http.Request) error {
	d := s.settingsPage(r)
	f := &settingsForm{TimeZone: d.Org.TimeZone}
	if d.Org.RequireTwoFactor {
		f.RequireTwoFactor = "on"
	}
	d.Form = f
	return s.render(w, r, http.StatusOK, "org_settings", d)
}

// orgSettingsPost saves them; a zone that is not on the list is refused
// with 422 and the page as it was sent. Requiring a second factor of
// everyone takes effect at each member's next page: whoever has none is
// sent to set it up (requireSecondFactor).
func (s *Server) orgSettingsPost(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	var f settingsForm
	decodeForm(r, &f)
	d := s.settingsPage(r)
	d.Errors = s.validateForm(d.Lang, &f)
	if _, bad := d.Errors["time_zone"]; !bad && !tz.Valid(f.TimeZone) {
		d.Errors["time_zone"] = d.T("err.time_zone")
	}
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "org_settings", d, &f)
	}
	err := s.store.SetOrgSettings(r.Context(), d.Org, f.TimeZone, f.RequireTwoFactor == "on", viewerFrom(r).UserID, s.clientIP(r))
	if errors.Is(err, store.ErrBadZone) {
		d.Errors["time_zone"] = d.T("err.time_zone")
		return s.formRejected(w, r, "org_settings", d, &f)
	}
	if err != nil {
		return err
	}
	s.flash(r, "settings.saved")
	http.Redirect(w, r, orgPath(d.Org), http.StatusSeeOther)
	return nil
}
