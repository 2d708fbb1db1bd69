package web

import (
	"strings"

	"puente/internal/i18n"
	"puente/internal/model"
)

// historyKeys are the message keys of what a history line names, by its
// action: the store records code identifiers (a fact kind, an appointment
// kind, a mark's state, a closing reason, or the fields that changed), and
// a page shows them in words (issue 15, C4: never "(arrival)" or
// "(status,court)"): each identifier is the last part of its key.
var historyKeys = map[string]string{
	"fact_added":          "fact.kind.",
	"fact_updated":        "fact.kind.",
	"fact_removed":        "fact.kind.",
	"appointment_added":   "appointment.kind.",
	"appointment_removed": "appointment.kind.",
	"marked":              "mark.",
	"closed":              "close.reason.",
	// The placement network ended the placement (issue 13): its reason.
	"network_closed":      "queue.close.reason.",
	"appointment_updated": "history.field.",
	"updated":             "history.field.",
	"person_updated":      "history.field.",
	"purged":              "purge.kind.",
	// Commitments and needs (issue 11) name their kind, a changed
	// commitment the fields that changed.
	"commitment_added":     "commit.kind.",
	"commitment_cancelled": "commit.kind.",
	"holder_added":         "commit.kind.",
	"holder_removed":       "commit.kind.",
	"given_recorded":       "commit.kind.",
	"given_removed":        "commit.kind.",
	"need_set":             "commit.kind.",
	"need_removed":         "commit.kind.",
	"commitment_updated":   "history.field.",
	// Checklists (issue 12) name their stage, an item its new state.
	"checklist_added":    "checklist.stage.",
	"checklist_updated":  "checklist.stage.",
	"checklist_own_item": "checklist.stage.",
	"checklist_item":     "checklist.state.",
}

// signUpActions record "kind,role": the appointment's kind and the role
// the person goes as, said as "Audiencia individual, intérprete".
var signUpActions = map[string]bool{"signup_added": true, "signup_changed": true, "signup_removed": true}

// historyWords turns the identifiers of h.Fields into the words of lang,
// joined by ", ". An identifier with no message is left out: a page never
// shows a code name, even one a later change adds without its words.
func historyWords(h model.HistoryEntry, lang i18n.Lang) string {
	if signUpActions[h.Action] {
		var words []string
		kind, role, _ := strings.Cut(h.Fields, ",")
		for _, k := range []string{"appointment.kind." + kind, "going.role." + role} {
			if i18n.Has(k) {
				words = append(words, lang.T(k))
			}
		}
		return strings.Join(words, ", ")
	}
	prefix := historyKeys[h.Action]
	if prefix == "" || h.Fields == "" {
		return ""
	}
	var words []string
	for _, id := range strings.Split(h.Fields, ",") {
		if k := prefix + strings.TrimSpace(id); i18n.Has(k) {
			words = append(words, lang.T(k))
		}
	}
	return strings.Join(words, ", ")
}

// historyInWords rewrites the Fields of each entry in words (see
// historyWords), for the case page.
func historyInWords(hs []model.HistoryEntry, lang i18n.Lang) {
	for i := range hs {
		hs[i].Fields = historyWords(hs[i], lang)
	}
}

// historyLine is one line of a case's history as the case page shows it:
// "2 Dec 2026, 9:15 AM · Ana Ruiz · Fact added: Release from detention".
type historyLine struct {
	// When is the moment in the organisation's zone, in the page's
	// language; Actor who did it ("—" for Puente itself, as after a rule
	// change); What the action in words.
	When, Actor, What string
	// SubjectName is the group member it is about, if any; Fields what
	// changed, in words (historyWords), "" when nothing to add.
	SubjectName, Fields string
}

// historyLines puts hs (their Fields already in words, historyInWords)
// into d's language, built once in Go rather than by a method call per
// line in the template.
func (d *templateData) historyLines(hs []model.HistoryEntry) []historyLine {
	out := make([]historyLine, len(hs))
	for i, h := range hs {
		actor := h.ActorName
		if actor == "" {
			actor = "—"
		}
		out[i] = historyLine{When: d.DateTime(h.At), Actor: actor, What: d.T("history." + h.Action),
			SubjectName: h.SubjectName, Fields: h.Fields}
	}
	return out
}
