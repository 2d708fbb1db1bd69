package web

import (
	"context"
	"strings"

	"puente/internal/deadline"
	"puente/internal/i18n"
	"puente/internal/model"
	"puente/internal/store"
)

// deadlineView is one computed deadline as the case page shows it. The
// state and its words come from the engine (deadline.Assess, Phrase); this
// only looks the words up and formats the dates.
type deadlineView struct {
	Key string
	// RuleID is the deadline rule's id: a checklist item tied to it shows
	// this date and state.
	RuleID     string
	PersonName string
	Title      string
	// Kind is the rule's kind: an Opens date is the first day one may act,
	// not a deadline.
	Kind   deadline.Kind
	Due    string // in full, in the page's language
	DueISO string
	State  deadline.State
	// StateLabel names the state ("Overdue", "Opens later"); When says the
	// days after the tag ("in 3 days", "tomorrow", "by 3 days"), never
	// the tag's word again (deadline.Status.TagPhrase).
	StateLabel string
	When       string
	// Days is from today to the date the state speaks of (negative: past).
	Days int
	// MetBy names the recorded fact that met the deadline, if one did.
	MetBy string
	// Explanation leads with what to do, to whom and by when; Working is
	// how the date was counted, in words.
	Explanation string
	Working     string
	RuleNote    string
	// StateNote is said for a state that needs it: done late (the rule's
	// late note), a window used too early.
	StateNote string
	Source    string
	SourceURL string
	Mark      model.Mark
	// Markable is false for a date nobody acts on.
	Markable bool
}

// say writes an engine text in the page's language: its words from the
// message files (English where a draft language lacks them), its dates
// too (the engine reads its words through l.T).
func say(t deadline.Text, l i18n.Lang) string { return t.Say(l.T) }

// phrase says a status in lang after its tag: the engine's key with its
// days or date, empty when the tag says it all (deadline.TagPhrase).
func phrase(st deadline.Status, lang i18n.Lang) string {
	p := st.TagPhrase()
	switch {
	case p.Key == "":
		return ""
	case p.HasN:
		return lang.T(p.Key, p.N)
	case p.HasDate:
		return lang.T(p.Key, deadline.FullDate(p.Date, lang.T))
	}
	return lang.T(p.Key)
}

// deadlineViews turns a case's computed deadlines into the case page's
// list. Dates computed from a sensitive field (the registration at 14, from
// the date of birth) are listed only when seeDOB: others get a notice that
// one is coming up and whom to ask (registrationNotice).
func deadlineViews(computed []store.PersonDeadlines, marks map[string]model.Mark, today deadline.Date, lang i18n.Lang, seeDOB bool) (views []deadlineView, sealedDue bool) {
	for _, pd := range computed {
		for _, d := range pd.Deadlines {
			key := store.DeadlineKey(pd.PersonID, d.Key)
			m := marks[key]
			st := deadline.Assess(deadline.Input{Kind: d.Kind, Due: d.Due, Met: d.Met,
				Done: m.State == model.MarkDone, DoneOn: parseDay(m.DoneOn), NotApplicable: m.State == model.MarkNotApplicable}, today)
			if d.Sensitive && !seeDOB {
				if registrationComing(st) {
					sealedDue = true
				}
				continue
			}
			v := deadlineView{
				Key: key, RuleID: d.RuleID, PersonName: pd.Name, Title: say(d.Title, lang), Kind: d.Kind, DueISO: d.Due.String(),
				Due: deadline.FullDate(d.Due, lang.T), State: st.State,
				StateLabel: lang.T("state." + string(st.State)), When: phrase(st, lang), Days: st.Days,
				Explanation: say(d.Explanation, lang), Working: d.Working.Say(lang.T), RuleNote: say(d.Note, lang),
				Source: say(d.Source, lang), SourceURL: d.SourceURL, Mark: m, Markable: d.Kind != deadline.Informational,
			}
			if d.Due.IsZero() {
				v.Due, v.DueISO = lang.T("deadline.no_date."+string(d.NoDate)), ""
			}
			if !d.Met.IsZero() {
				v.MetBy = lang.T("fact.kind." + string(d.MetBy))
			}
			switch {
			case st.State == deadline.DoneLate && d.LateNote.Key != "":
				v.StateNote = say(d.LateNote, lang)
			case st.State == deadline.DoneLate:
				v.StateNote = lang.T("deadline.late")
			case st.Early:
				v.StateNote = lang.T("deadline.used_early")
			}
			views = append(views, v)
		}
	}
	return views, sealedDue
}

// registrationComing reports whether a sealed registration is worth telling
// a member about: not done or set aside, and due within SayDaysUpTo days
// or overdue.
func registrationComing(st deadline.Status) bool {
	return st.State.Counts() && st.Days <= deadline.SayDaysUpTo
}

// gapMessages says, for each person, which missing fact keeps which
// deadline from being computed: "No date of last arrival in the United
// States for D.S.R.: …". A household fact is said once. A missing date of
// birth is said only to those who may see dates of birth (seeDOB), and not
// for the principal, whose registration at 14 is rarely in question.
func gapMessages(computed []store.PersonDeadlines, lang i18n.Lang, seeDOB bool) []string {
	var out []string
	said := map[deadline.Trigger]bool{}
	for _, pd := range computed {
		for _, g := range pd.Gaps {
			switch {
			case g.Sensitive && (!seeDOB || pd.Principal):
				continue
			case g.Household:
				if !said[g.Trigger] {
					out = append(out, lang.T("gap."+string(g.Trigger)))
				}
				said[g.Trigger] = true
				continue
			}
			out = append(out, lang.T("gap."+string(g.Trigger), store.Initials(pd.Name)))
		}
	}
	return out
}

// coordinatorNames lists the group's coordinators, whom a member asks about
// what only coordinators see, by name in the collation of lang.
func (s *Server) coordinatorNames(ctx context.Context, orgID, lang string) (string, error) {
	members, err := s.store.Members(ctx, orgID, lang)
	if err != nil {
		return "", err
	}
	var names []string
	for _, m := range members {
		if m.Role == model.RoleCoordinator {
			names = append(names, m.Name)
		}
	}
	return strings.Join(names, ", "), nil
}
