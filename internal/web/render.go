package web

import (
	"bytes"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"slices"
	"strings"

	"time"

	"puente/internal/i18n"
	"puente/internal/model"
	"puente/internal/store"
	"puente/internal/tz"
	"puente/ui"
)

// templateData is everything any page can show; each page fills what it uses.
type templateData struct {
	Lang      i18n.Lang
	Langs     []i18n.Lang
	RequestID string
	Path      string
	Viewer    *viewer
	Title     string
	Message   string
	Status    int
	Flash     string
	// Nav is the signed-in viewer's navigation (navLinks); Areas, on a
	// network's home page, its main areas with what is there.
	Nav   []navLink
	Areas []navLink
	// CanFeed: the viewer may make a calendar feed (authz.CanHaveFeed);
	// CanDashboard: the network's dashboard (authz.ViewNetworkDashboard).
	CanFeed, CanDashboard bool
	// FlashAnchor is the fragment the redirect that left Flash lands on
	// (flashTo), "" for the top of the page; flashPlaced says the page
	// showed Flash there (FlashAt).
	FlashAnchor string
	flashPlaced bool
	// GoContent: the page's content is written by Go (the case page's
	// CaseContent) rather than by its template, its specification.
	GoContent bool
	// Zone is the IANA zone the page's moments are shown in: the
	// organisation's (see viewerZone).
	Zone string

	// Form keeps what was typed (never passwords); Errors has a message per
	// field name; FormError is a message about the form as a whole.
	Form      any
	FormName  string // which inline form of the page Form belongs to
	Errors    map[string]string
	FormError string
	// FormErrorAt is the id of the control FormError is about, for the
	// error summary's link ("" for none).
	FormErrorAt string
	// SummaryNote follows the error summary's messages: what the user
	// must know to fix the form that is not about one field's value.
	SummaryNote string

	Org         model.Org
	Members     []model.Member
	Groups      []model.GroupSummary
	Invitations []model.Invitation
	Events      []model.Event
	NextBefore  int64
	Roles       []model.Role
	Link        string
	Invitation  model.Invitation
	Reset       model.Reset
	// Resets are the reset links issued from Org that are still out;
	// PeopleChanges the recent changes to its people (membership and links).
	Resets        []model.Reset
	PeopleChanges []model.Event
	CanManage     bool
	SetupToken    string
	CanGroup      bool
	CanLog        bool
	CanSettings   bool
	// CanSponsors: the network's list of sponsor groups; CanProfile: a
	// group's profile for its network (issue 13).
	CanSponsors bool
	CanProfile  bool
	// CanQueue: the network's queue and placements; CanOffers: a group's
	// offers to answer (issue 13).
	CanQueue  bool
	CanOffers bool
	// OffersWaiting is how many of the network's offers wait for the
	// group's answer (its home page).
	OffersWaiting int
	Backups       *backupView // nil unless the viewer looks after the installation
	CanTemplates  bool        // a network admin: the network's checklist templates

	// Cases
	Case     model.Case
	Cases    []model.Case
	CaseRows []caseRow // the case list's lines (cases.go)
	// StatusChoices and SortChoices are the case list's filter options.
	StatusChoices, SortChoices []choice
	Total                      int
	Pages                      int
	Query                      store.CaseQuery
	Statuses                   []model.CaseStatus
	GroupCounts                []groupCountView
	People                     []model.Person
	Person                     model.Person
	Facts                      []model.Fact
	Appointments               []appointmentView
	Deadlines                  []deadlineView
	FactGaps                   []string // missing facts that keep deadlines from being computed
	SealedNotices              []string // dates only coordinators see: whom to ask
	History                    []model.HistoryEntry
	StatusChanges              []model.StatusChange
	FactKinds                  []model.FactKind
	AppointmentKinds           []model.AppointmentKind
	CloseReasons               []string
	Disclaimer                 string
	CanManageCases             bool
	CanEditCases               bool
	Revealed                   string
	RevealedLabel              string
	DueItems                   []dueView
	NextHearings               []dueView
	// DuePage is the home page's page of the next 14 days (from 1), DueMore
	// whether another page follows.
	DuePage int
	DueMore bool
	// MoreHearings: more cases have a hearing later than NextHearings shows.
	MoreHearings  bool
	Feeds         []store.Feed
	AppointmentID string // the appointment an edit page is about

	// Pages (issue 9): the case page's summary and sections, the pages
	// that hold its forms, confirmations and the court-day card.
	CasePage *casePage
	// Checklists are the case's checklists and the checklist pages' data (issue 12).
	Checklists *checklistData
	// Guide is the public guide's page (guide.go).
	Guide *guideData
	// Letter is the draft sponsor letter (letter.go).
	Letter *letterView
	// Templates are a network's checklist templates (their admins' pages).
	Templates *templateAdmin
	// ItemsDue are the group's assigned checklist items overdue or due
	// soon (home page).
	ItemsDue []itemDueView
	// Item is the deadline or appointment a "record" page is about.
	Item *itemView
	Fact model.Fact
	// Confirm is a confirmation page before something is deleted.
	Confirm *confirmView
	Card    *courtCard
	// LinksLocal is set when one-time links and feed addresses name this
	// computer only (no -base-url, a loopback address): pages that show
	// such a link warn that it will not open on another device.
	LinksLocal bool
	BaseURL    string
	// labels are the rejected form's field labels by control id, for the
	// error summary (fieldLabels).
	labels map[string]string
	// Updating says, while deadlines are recomputed after a rule change,
	// how far that is ("" otherwise): list and home pages show it.
	Updating string
	// Two-factor sign-in: the account's state, whether the person must use
	// it, the key waiting for its first code (in groups of four) with its
	// QR code's size, recovery codes shown once, and the member a manager
	// is about to reset.
	TwoFactor     model.TwoFactorState
	Required      bool
	TOTPKey       string
	QRSize        int
	RecoveryCodes []string
	Member        model.Member
	// Purge is what a purge of the case clears and keeps, or when the
	// retention period will purge a closed case (purge.go).
	Purge *purgeView
	// Subject is a person's data-subject export (subject.go).
	Subject *subjectView
	// Commit is the commitments and coverage part of a page (commit_view.go).
	Commit *commitData
	// Email is the email part of a page (email.go): a link sent, the
	// digest choice, the outbox's status.
	Email *emailData
	// Sponsor is the sponsor-group part of a page (sponsor_view.go).
	Sponsor *sponsorData
	// Weights are the ranking's criteria and their weights, WeightTotal
	// their sum (matching_weights.go).
	Weights     []weightView
	WeightTotal int
	// Intake is structured intake's part of a page: API tokens, the CSV
	// import (api_tokens.go, intake_csv.go).
	Intake *intakeData
	// Dashboard is a network's dashboard (dashboard.go).
	Dashboard *dashboardData
	// Queue is the queue, offers and placements part of a page
	// (queue_view.go).
	Queue *queueData
}

// T translates key into the page's language.
func (d *templateData) T(key string, args ...any) string { return d.Lang.T(key, args...) }

// English is the message key in English: a draft language's notice says
// it in English too, for the reader the draft fails.
func (d *templateData) English(key string, args ...any) string { return i18n.EN.T(key, args...) }

// Date formats the day moment t fell on in the organisation's zone, in the
// page's language.
func (d *templateData) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return d.Lang.Date(t.In(tz.Location(d.Zone)))
}

// Day formats a YYYY-MM-DD date in the page's language ("3 Mar 2026").
func (d *templateData) Day(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return d.Lang.Date(t)
}

// DateTime formats a moment as the day and time it was in the
// organisation's zone ("3 Mar 2026, 8:30 AM"); never in UTC.
func (d *templateData) DateTime(t time.Time) string { return d.Lang.DateTime(t, tz.Location(d.Zone)) }

// Clock formats a stored time of day ("13:00") on the 12-hour clock of the
// page's language ("1:00 PM", "1:00 p. m.").
func (d *templateData) Clock(hhmm string) string { return d.Lang.ClockHHMM(hhmm) }

// Err is the message for field name, if the form was rejected.
func (d *templateData) Err(name string) string { return d.Errors[name] }

// RoleName is a role in the page's language.
func (d *templateData) RoleName(r model.Role) string { return d.T("role." + string(r)) }

// KindName is an organisation kind in the page's language.
func (d *templateData) KindName(k model.OrgKind) string { return d.T("kind." + string(k)) }

// EventName is a security event in the page's language.
func (d *templateData) EventName(k model.EventKind) string { return d.T("event." + string(k)) }

// EventDetail is an event's detail as the page shows it: the kind of link
// refused, the number of calendar feeds a password change stopped, what a
// two-factor event was about, in the page's language; other details (role
// names, a group's name) as recorded.
func (d *templateData) EventDetail(e model.Event) string {
	switch {
	case e.Kind == model.EventLinkRefused:
		return d.T("link.kind." + e.Detail)
	case strings.HasPrefix(e.Detail, "feeds:"):
		return d.T("event.detail.feeds", strings.TrimPrefix(e.Detail, "feeds:"))
	case strings.HasPrefix(e.Detail, "left:"):
		return d.T("event.detail.codes_left", strings.TrimPrefix(e.Detail, "left:"))
	case e.Kind == model.EventLockout && e.Detail == "code",
		e.Kind == model.EventTwoFactorFailed && (e.Detail == "replay" || e.Detail == "recovery"),
		e.Kind == model.EventTwoFactorRequired && (e.Detail == "on" || e.Detail == "off"):
		return d.T("event.detail." + string(e.Kind) + "." + e.Detail)
	}
	if text, ok := d.networkEventDetail(e); ok {
		return text
	}
	return e.Detail
}

func (s *Server) newData(r *http.Request) *templateData {
	d := &templateData{
		Lang:      langFrom(r),
		Langs:     i18n.All,
		RequestID: requestIDFrom(r),
		Path:      "/",
		Viewer:    viewerFrom(r),
		Errors:    map[string]string{},
		Zone:      viewerZone(r),
	}
	// The language switch returns to this page, when it can be fetched again.
	if r.Method == http.MethodGet {
		d.Path = r.URL.Path
	}
	if d.Viewer != nil {
		d.Flash = s.sessions.PopString(r.Context(), sessFlash)
		d.Nav = navLinks(d, d.Viewer)
		markHere(d.Nav, r.URL.Path)
		d.FlashAnchor = s.sessions.PopString(r.Context(), sessFlashAt)
	}
	d.LinksLocal, d.BaseURL = s.cfg.LinksLocal, s.cfg.BaseURL
	return d
}

// parseAllTemplates parses every page together with the layout and every
// partials*.html file. The templates are embedded and take no functions,
// so every Server may share one parse (html/template executes
// concurrently and escapes each page once): pagesFor keeps one per
// language, once per process (tests build hundreds of Servers; parsing
// for each took about 130 ms).
func parseAllTemplates() (map[string]*template.Template, error) {
	files, err := fs.Glob(ui.Templates, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if name == "base" || strings.HasPrefix(name, "partials") {
			continue
		}
		t, err := template.New(name).ParseFS(ui.Templates, "templates/base.html", "templates/partials*.html", f)
		if err != nil {
			return nil, err
		}
		pages[name] = t
	}
	return pages, nil
}

// render writes page with status; it renders into a buffer first so a
// template failure never sends half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page string, d *templateData) error {
	t, err := s.page(d.Lang, page)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if d.HasErrors() {
		// The error summary comes before the form in the page but names
		// each field by its label: read them from the form first.
		if err := t.ExecuteTemplate(&buf, "content", d); err != nil {
			return err
		}
		d.labels = fieldLabels(buf.Bytes())
		buf.Reset()
	}
	d.flashPlaced = false
	if err := t.ExecuteTemplate(&buf, "base", d); err != nil {
		return err
	}
	if d.Flash != "" && d.FlashAnchor != "" && !d.flashPlaced {
		// The page has no place for the message at the fragment the
		// browser lands on (gone with what was removed): show it at the top.
		d.FlashAnchor = ""
		buf.Reset()
		if err := t.ExecuteTemplate(&buf, "base", d); err != nil {
			return err
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err = buf.WriteTo(w)
	return err
}

// page is the template of page for pages in lang.
func (s *Server) page(lang i18n.Lang, page string) (*template.Template, error) {
	pages, err := s.pages(lang)
	if err != nil {
		return nil, err
	}
	t, ok := pages[page]
	if !ok {
		return nil, &missingTemplate{page}
	}
	return t, nil
}

type missingTemplate struct{ name string }

func (e *missingTemplate) Error() string { return "no template " + e.name }

// FlashAt is the one-time message when the browser lands on the element
// with id (the redirect's fragment, flashTo), "" otherwise: the template
// shows it there, as the first thing the person sees on a phone.
func (d *templateData) FlashAt(id string) string {
	if d.Flash == "" || d.FlashAnchor == "" || d.FlashAnchor != id {
		return ""
	}
	d.flashPlaced = true
	return d.Flash
}

// FlashAtAny is FlashAt for an element that several fragments land on
// (prefix+key for each of keys: one line for the same deadline of
// several people), without building prefix+key for each.
func (d *templateData) FlashAtAny(prefix string, keys []string) string {
	key, ok := strings.CutPrefix(d.FlashAnchor, prefix)
	if !ok || !slices.Contains(keys, key) {
		return ""
	}
	return d.FlashAt(d.FlashAnchor)
}
