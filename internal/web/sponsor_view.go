package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"puente/internal/ledger"
	"puente/internal/model"
	"puente/internal/tz"
)

// sponsorPageSize is how many groups, or expiring records, a page lists.
const sponsorPageSize = 25

// sponsorData is the sponsor-group part of a page (issue 13): a group's
// profile and vetting, the network's list, its regions and items.
type sponsorData struct {
	Profile     model.SponsorProfile
	Vetting     model.VettingStatus
	Stage       model.SponsorStage
	Stale       bool
	Records     []model.VettingRecord
	Items       []model.VettingItem
	Regions     []model.Region
	Rows        []sponsorRow
	Expiring    []model.VettingRecord
	Total       int
	Page, Pages int
	PrevURL     string
	NextURL     string
	// ShowPrivate: the viewer belongs to the group (its private notes).
	ShowPrivate bool
	CanEdit     bool
	CanVet      bool
	CanDefine   bool
	Today       string
	// Setup is the region or vetting item a rename or removal page is
	// about (sponsor_setup_edit.go).
	Setup *setupEdit
}

// sponsorRow is one group on the network's list.
type sponsorRow struct {
	Profile model.SponsorProfile
	Stage   model.SponsorStage
	Vetting model.VettingStatus
	Stale   bool
}

// staleProfile reports whether p was last updated StaleAfterDays or more
// days before today, counted in zone (an organisation's day, through the
// server's clock); a profile never filled in is stale too.
func (s *Server) staleProfile(p model.SponsorProfile, zone string) bool {
	if p.UpdatedAt.IsZero() {
		return true
	}
	day := p.UpdatedAt.In(tz.Location(zone)).Format(time.DateOnly)
	return day <= s.daysFrom(zone, -model.StaleAfterDays)
}

// pager fills the page links of path (whose query keeps q) for total rows.
func (sd *sponsorData) pager(path string, q url.Values, page, total int) {
	sd.Total, sd.Page = total, page
	sd.Pages = (total + sponsorPageSize - 1) / sponsorPageSize
	link := func(n int) string {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Set("page", strconv.Itoa(n))
		return path + "?" + v.Encode()
	}
	if page > 1 {
		sd.PrevURL = link(page - 1)
	}
	if page < sd.Pages {
		sd.NextURL = link(page + 1)
	}
}

// pageParam reads ?page=N (1 when absent or not a positive number).
func pageParam(r *http.Request) int {
	n, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || n < 1 || n > 100000 {
		return 1
	}
	return n
}

// StageName is a sponsor stage in the page's language.
func (d *templateData) StageName(st model.SponsorStage) string {
	return d.T("sponsor.stage." + string(st))
}

// LanguageName is a language code's name in the page's language.
// Spanish names are lower case, as Spanish writes them mid-sentence
// ("inglés, francés").
func (d *templateData) LanguageName(code string) string { return d.T("language." + code) }

// LanguageLabel is a language's name as a label of its own (a checkbox's):
// LanguageName with its first letter a capital ("Inglés").
func (d *templateData) LanguageLabel(code string) string {
	name := d.LanguageName(code)
	r, size := utf8.DecodeRuneInString(name)
	return string(unicode.ToUpper(r)) + name[size:]
}

// PersonLanguages shows a case person's languages: a list of language
// codes (as a hand-off from the queue stores them, "es, quc") named in the
// reader's language, anything else as it was typed.
func (d *templateData) PersonLanguages(s string) string {
	parts := strings.Split(s, ",")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
		if !model.ValidLanguage(parts[i]) {
			return s
		}
	}
	return d.LanguageNames(parts)
}

// Money shows cents as US dollars.
func (d *templateData) Money(c int64) string { return ledger.Format(ledger.Cents(c), "USD") }

// AllLanguages are the languages a profile may name, for its checkboxes.
func (d *templateData) AllLanguages() []string { return model.Languages }

// DeclaredStages are the stages a network sets by hand, for its select.
func (d *templateData) DeclaredStages() []model.SponsorStage { return model.DeclaredStages }

// Checked reports whether the rejected or loaded profile form ticks code.
func (d *templateData) Checked(code string) bool {
	if f, ok := d.Form.(*profileForm); ok {
		for _, l := range f.Languages {
			if l == code {
				return true
			}
		}
	}
	return false
}
