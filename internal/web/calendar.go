package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"

	"puente/internal/auth"
	"puente/internal/authz"
	"puente/internal/deadline"
	"puente/internal/i18n"
	"puente/internal/ics"
	"puente/internal/model"
	"puente/internal/store"
	"puente/internal/tz"
)

// A feed covers a stated window, in each group's own days: from
// feedDaysBack days ago (a missed deadline stays visible for a while) to
// feedYearsAhead years ahead (a merits hearing is often a year or more
// away). Everything in it is in the feed; nothing is cut. README.md and the
// calendar page say the same.
const (
	feedDaysBack   = 90
	feedYearsAhead = 2
)

func (s *Server) calendarPage(r *http.Request) (*templateData, error) {
	d := s.newData(r)
	d.Title = d.T("calendar.title")
	d.CanFeed = authz.CanHaveFeed(viewerFrom(r).Viewer)
	var err error
	d.Feeds, err = s.store.Feeds(r.Context(), viewerFrom(r).UserID)
	return d, err
}

func (s *Server) calendarView(w http.ResponseWriter, r *http.Request) error {
	d, err := s.calendarPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "calendar", d)
}

// feedCreatePost makes a new secret feed address and shows it once. The
// feed is written in the language of the page it was made from, for good:
// a calendar app fetches it without the person's browser or session.
//
// Only someone in a sponsor group may make one (authz.CanHaveFeed): the
// page offers no button to anyone else, and a POST from them is refused
// with 403 and makes nothing.
func (s *Server) feedCreatePost(w http.ResponseWriter, r *http.Request) error {
	if !authz.CanHaveFeed(viewerFrom(r).Viewer) {
		return model.ErrForbidden
	}
	token := auth.NewToken()
	if _, err := s.store.CreateFeed(r.Context(), viewerFrom(r).UserID, auth.HashToken(token), string(langFrom(r))); err != nil {
		return err
	}
	d, err := s.calendarPage(r)
	if err != nil {
		return err
	}
	d.Link = s.cfg.BaseURL + "/calendar/" + token + ".ics"
	return s.render(w, r, http.StatusOK, "calendar", d)
}

func (s *Server) feedRevokePost(w http.ResponseWriter, r *http.Request) error {
	if err := s.store.RevokeFeed(r.Context(), viewerFrom(r).UserID, r.PathValue("feedID")); err != nil {
		return err
	}
	s.flashTo(w, r, "calendar.revoked", "/calendar")
	return nil
}

// feedWindows is the window of each of the user's groups, in the group's
// zone, through the one clock.
func (s *Server) feedWindows(ms []model.Membership) map[string]store.FeedWindow {
	out := map[string]store.FeedWindow{}
	for _, m := range ms {
		if m.OrgKind != model.KindGroup {
			continue
		}
		today := s.todayDate(m.OrgTimeZone)
		from, to := today.AddDays(-feedDaysBack), today.AddYears(feedYearsAhead)
		start, _ := tz.Instant(from.String(), "", m.OrgTimeZone)
		end, _ := tz.Instant(to.AddDays(1).String(), "", m.OrgTimeZone)
		out[m.OrgID] = store.FeedWindow{From: from.String(), To: to.String(), Start: start, End: end}
	}
	return out
}

// feedICS serves a feed: appointments and deadlines of the owner's groups'
// open cases, titled by case code (and a household's initials), never by
// name, A-number or address, in the language the feed was made in.
func (s *Server) feedICS(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	feed, err := s.store.FeedByToken(ctx, auth.HashToken(r.PathValue("token")), s.clientIP(r), authz.LinkLive)
	if err != nil {
		return err
	}
	ms, err := s.store.Memberships(ctx, feed.UserID)
	if err != nil {
		return err
	}
	lang, ok := i18n.Parse(feed.Lang)
	if !ok {
		lang = i18n.EN
	}
	items, err := s.store.FeedItems(ctx, feed.UserID, s.feedWindows(ms))
	if err != nil {
		return err
	}
	s.store.LogView(store.AuditEntry{ActorID: feed.UserID, Action: "feed", ObjectType: "feed", ObjectID: "calendar"})
	cal := ics.Calendar{Name: "Puente", Description: lang.T("feed.description"), Now: s.now()}
	computed := say(deadline.Disclaimer(), lang)
	for _, it := range items {
		day := parseDay(it.Due)
		if day.IsZero() {
			continue
		}
		ev := ics.Event{Date: day.Time(), URL: s.cfg.BaseURL + "/cases/" + it.CaseID}
		if it.RuleID == "" {
			// Entered by people: a hearing or check-in, at its place's time.
			ev.UID = feedUID(it.CaseID, it.Key)
			ev.Summary = feedSummary(it, lang.T("appointment.kind."+it.Kind), lang)
			ev.Description = lang.T("feed.appointment")
			if it.Time != "" && !it.StartsAt.IsZero() {
				ev.Start, ev.Zone = it.StartsAt, it.TimeZone
			}
		} else {
			// Computed by Puente: one entry per rule and day for the household.
			ev.UID = feedUID(it.CaseID, it.RuleID, it.Due)
			ev.Summary = it.CaseCode + ": " + s.ruleTitle(it.RuleID, lang)
			if it.Initials != "" {
				ev.Summary += " (" + it.Initials + ")"
			}
			ev.Description = computed
		}
		cal.Events = append(cal.Events, ev)
	}
	var buf bytes.Buffer
	if err := ics.Write(&buf, cal); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `inline; filename="puente.ics"`)
	_, err = buf.WriteTo(w)
	return err
}

// feedUID is a stable event id that says nothing about the case.
func feedUID(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "|")))
	return hex.EncodeToString(sum[:16]) + "@puente"
}

// ruleTitle is a deadline rule's title in lang.
func (s *Server) ruleTitle(ruleID string, lang i18n.Lang) string {
	if vs := s.store.Rules().Versions(ruleID); len(vs) > 0 {
		return say(vs[len(vs)-1].Title, lang)
	}
	return strings.ReplaceAll(ruleID, "-", " ")
}
