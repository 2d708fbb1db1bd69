// Package checklist holds the checklists that teach the sponsorship
// process (issue 12; DOMAIN.md, "Checklists that teach"): the seven stages
// the published guides share, and the items Puente ships for each, for a
// group doing this for the first time. It is pure: an item is its stable
// key, an optional official source, an optional deadline rule of
// internal/deadline and an optional default role. Its words live in the
// message files (internal/i18n), under TextKey, so a translator edits
// them with every other text and the public guide says the same as the
// templates.
package checklist

import (
	"net/url"
	"strings"

	"puente/internal/model"
)

// Stage is one of the seven stages of a sponsorship.
type Stage string

// The stages, in the order a group meets them.
const (
	Ready         Stage = "ready"          // Preparación del grupo: getting the group ready
	BeforeRelease Stage = "before_release" // Antes de la salida de detención
	FirstWeek     Stage = "first_week"     // Primera semana
	Legal         Stage = "legal"          // Caso legal y plazos
	DailyLife     Stage = "daily_life"     // Vida diaria y autonomía
	Privacy       Stage = "privacy"        // Privacidad y seguridad
	Ending        Stage = "ending"         // Cierre del patrocinio
)

// Stages lists every stage in order.
var Stages = []Stage{Ready, BeforeRelease, FirstWeek, Legal, DailyLife, Privacy, Ending}

// ValidStage reports whether s is one of Stages.
func ValidStage(s Stage) bool {
	for _, x := range Stages {
		if x == s {
			return true
		}
	}
	return false
}

// Offered is the stage whose checklist a new case is offered: the first
// week after arrival holds the 5- and 10-day change-of-address deadlines.
const Offered = FirstWeek

// Item is one shipped checklist item. Its words are messages:
// TextKey(stage, Key, part) for part "title", "why", "how" and, when
// Bring is set, "bring".
type Item struct {
	// Key is the item's stable name within its stage, kept across versions
	// of a template: a case's item and a newer version's item with the
	// same key are the same item.
	Key string
	// Source is an official form or page (EOIR, USCIS, ICE, ORR: see
	// OfficialSource), "" for none.
	Source string
	// Rule is the id of the deadline rule (internal/deadline, rules.json)
	// the item belongs to, "" for none: ticking the item marks that rule's
	// deadlines of the case done, and the reverse.
	Rule string
	// Role is the kind of help (model.CommitmentKinds) whose volunteer
	// usually does it, "" for anyone.
	Role model.CommitmentKind
	// Bring says the item has a "what to bring" text.
	Bring bool
}

// Template is a stage's shipped items, in order.
type Template struct {
	Stage Stage
	Items []Item
}

// Parts are the texts of an item, in the order pages show them.
var Parts = []string{"title", "why", "how", "bring"}

// TextKey is the message key of part ("title", "why", "how", "bring") of
// the item key of stage: "checklist.first_week.eoir33.title".
func TextKey(stage Stage, key, part string) string {
	return "checklist." + string(stage) + "." + key + "." + part
}

// StageKey is the message key of a stage's name ("checklist.stage.first_week");
// StageKey(s)+".intro" is its one-paragraph introduction.
func StageKey(s Stage) string { return "checklist.stage." + string(s) }

// Shipped returns the template of stage s (ok false for an unknown stage).
func Shipped(s Stage) (Template, bool) {
	for _, t := range shipped {
		if t.Stage == s {
			return t, true
		}
	}
	return Template{}, false
}

// All returns every shipped template, in stage order.
func All() []Template { return shipped }

// officialSources are the hosts (and, on shared government hosts, the
// path) of the agencies whose forms and pages an item may link to: the
// immigration court (EOIR), USCIS, ICE and the Office of Refugee
// Resettlement. Anything else could be out of date, a scam or a
// tracker; a group's own notes may name other help.
var officialSources = []struct{ host, path string }{
	{"www.justice.gov", "/eoir"},
	{"acis.eoir.justice.gov", "/"},
	{"www.uscis.gov", "/"},
	{"www.ice.gov", "/"},
	{"locator.ice.gov", "/"},
	{"www.acf.gov", "/orr"},
	{"www.acf.hhs.gov", "/orr"},
}

// MaxSourceLen bounds a source link's length.
const MaxSourceLen = 300

// OfficialSource reports whether u is an https link to an official page
// of EOIR, USCIS, ICE or ORR (the only sources an item may carry).
func OfficialSource(u string) bool {
	if u == "" || len(u) > MaxSourceLen {
		return false
	}
	p, err := url.Parse(u)
	if err != nil || p.Scheme != "https" || p.User != nil || p.Port() != "" {
		return false
	}
	host := strings.ToLower(p.Host)
	for _, o := range officialSources {
		if host == o.host && (o.path == "/" || p.Path == o.path || strings.HasPrefix(p.Path, o.path+"/")) {
			return true
		}
	}
	return false
}
