package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"puente/internal/auth"
	"puente/internal/deadline"
	"puente/internal/i18n"
	"puente/internal/ics"
	"puente/internal/store"
)

// feedDays is how far back a feed reaches: recent past entries stay
// visible for a while, so a missed deadline does not vanish from the calendar.
const feedDays = 30

// feedLimit bounds one feed.
const feedLimit = 2000

func (s *Server) calendarPage(r *http.Request) (*templateData, error) {
	d := s.newData(r)
	d.Title = d.T("calendar.title")
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

// feedCreatePost makes a new secret feed address and shows it once.
func (s *Server) feedCreatePost(w http.ResponseWriter, r *http.Request) error {
	token := auth.NewToken()
	if _, err := s.store.CreateFeed(r.Context(), viewerFrom(r).UserID, auth.HashToken(token)); err != nil {
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
	s.flash(r, "calendar.revoked")
	http.Redirect(w, r, "/calendar", http.StatusSeeOther)
	return nil
}

// feedICS serves a feed: appointments and deadlines of the owner's groups'
// open cases, titled by case code, never by name, A-number or address.
func (s *Server) feedICS(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	uid, err := s.store.FeedOwner(ctx, auth.HashToken(r.PathValue("token")))
	if err != nil {
		return err
	}
	u, err := s.store.UserByID(ctx, uid)
	if err != nil {
		return err
	}
	lang, ok := i18n.Parse(u.Lang)
	if !ok {
		lang = i18n.EN
	}
	now := s.now()
	items, err := s.store.FeedItems(ctx, uid, now.AddDate(0, 0, -feedDays).Format("2006-01-02"), feedLimit)
	if err != nil {
		return err
	}
	s.store.LogView(store.AuditEntry{ActorID: uid, Action: "feed", ObjectType: "feed", ObjectID: "calendar"})
	cal := ics.Calendar{Name: "Puente", Now: now}
	note := deadline.Disclaimer().In(dlang(lang))
	for _, it := range items {
		day, err := time.Parse("2006-01-02", it.Due)
		if err != nil {
			continue
		}
		title := lang.T("appointment.kind." + it.Kind)
		if it.RuleID != "" {
			title = s.ruleTitle(it.RuleID, lang)
		}
		sum := sha256.Sum256([]byte(it.CaseID + "|" + it.Key))
		cal.Events = append(cal.Events, ics.Event{
			UID:         hex.EncodeToString(sum[:16]) + "@puente",
			Date:        day,
			Time:        it.Time,
			Summary:     it.CaseCode + ": " + title,
			Description: note,
			URL:         s.cfg.BaseURL + "/cases/" + it.CaseID,
		})
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

// ruleTitle is a deadline rule's title in lang.
func (s *Server) ruleTitle(ruleID string, lang i18n.Lang) string {
	if vs := s.store.Rules().Versions(ruleID); len(vs) > 0 {
		return vs[len(vs)-1].Title.In(dlang(lang))
	}
	return strings.ReplaceAll(ruleID, "-", " ")
}
