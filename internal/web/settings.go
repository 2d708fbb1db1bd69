package web

import (
	"errors"
	"net/http"
	"strconv"

	"puente/internal/model"
	"puente/internal/store"
	"puente/internal/tz"
)

// settingsForm is an organisation's settings: its time zone, whether
// everyone in it must sign in with a second factor (a checkbox: "on" or
// ""), and, for a sponsor group, how many days it keeps a closed case
// before purging it.
type settingsForm struct {
	TimeZone         string `form:"time_zone" validate:"required,max=64" required:"time_zone"`
	RequireTwoFactor string `form:"require_two_factor" validate:"omitempty,oneof=on"`
	RetentionDays    string `form:"retention_days" validate:"max=10"`
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
	f := &settingsForm{TimeZone: d.Org.TimeZone, RetentionDays: strconv.Itoa(d.Org.RetentionDays)}
	if d.Org.RequireTwoFactor {
		f.RequireTwoFactor = "on"
	}
	d.Form = f
	return s.render(w, r, http.StatusOK, "org_settings", d)
}

// orgSettingsPost saves them in one transaction; a zone that is not on the
// list, or a retention period that is not a whole number of days from
// model.MinRetentionDays to model.MaxRetentionDays, is refused with 422
// and the page as it was sent. A network has no cases, so no retention:
// its period is left as it is. Requiring a second factor of everyone takes
// effect at each member's next page: whoever has none is sent to set it up
// (requireSecondFactor).
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
	days := d.Org.RetentionDays
	// A form without the field (a script that sets only the zone) keeps
	// the period; the page always sends it, and an empty one is refused.
	if d.Org.Kind == model.KindGroup && r.PostForm.Has("retention_days") {
		var ok bool
		if days, ok = retentionDays(f.RetentionDays); !ok {
			d.Errors["retention_days"] = d.T("err.retention_days", model.MinRetentionDays, model.MaxRetentionDays)
		}
	}
	if len(d.Errors) > 0 {
		return s.formRejected(w, r, "org_settings", d, &f)
	}
	err := s.store.SetOrgSettings(r.Context(), d.Org, store.OrgSettings{TimeZone: f.TimeZone,
		RequireTwoFactor: f.RequireTwoFactor == "on", RetentionDays: days}, viewerFrom(r).UserID, s.clientIP(r))
	switch {
	case errors.Is(err, store.ErrBadZone):
		d.Errors["time_zone"] = d.T("err.time_zone")
		return s.formRejected(w, r, "org_settings", d, &f)
	case errors.Is(err, store.ErrBadRetention):
		d.Errors["retention_days"] = d.T("err.retention_days", model.MinRetentionDays, model.MaxRetentionDays)
		return s.formRejected(w, r, "org_settings", d, &f)
	case err != nil:
		return err
	}
	s.flashTo(w, r, "settings.saved", orgPath(d.Org))
	return nil
}

// retentionDays reads a retention period typed as a whole number of days
// ("90"; digits only, no sign, spaces or decimals), within the allowed range.
func retentionDays(s string) (int, bool) {
	if s == "" || len(s) > 4 {
		return 0, false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < model.MinRetentionDays || n > model.MaxRetentionDays {
		return 0, false
	}
	return n, true
}
