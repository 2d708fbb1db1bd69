package mail

import (
	"strings"

	"puente/internal/deadline"
	"puente/internal/i18n"
	"puente/internal/model"
)

// Invitation is the message that carries an invitation link to to, in
// lang (the inviter's page language: the invited person has none yet). It
// names neither the organisation nor who invited: whoever holds the link
// sees both on its page.
func Invitation(lang i18n.Lang, to, link string) model.Email {
	return model.Email{To: to, Subject: lang.T("email.invite.subject"),
		Body: lang.T("email.invite.body", link) + "\n\n" + lang.T("email.privacy") + "\n"}
}

// Reset is the message that carries a password-reset link to to, in lang.
func Reset(lang i18n.Lang, to, link string) model.Email {
	return model.Email{To: to, Subject: lang.T("email.reset.subject"),
		Body: lang.T("email.reset.body", link) + "\n\n" + lang.T("email.privacy") + "\n"}
}

// PlacementClosed tells a coordinator of a sponsor group, at to, in lang,
// that the group's placement network ended the placement of case code
// (reason one of model.QueueCloseReasons, said in words), with the case's
// address on the server. Like a digest it names no one: the case code
// stands for the household, and nothing the network wrote is in it.
func PlacementClosed(lang i18n.Lang, to, baseURL, caseID, code, reason string) model.Email {
	return model.Email{To: to, Subject: lang.T("email.placement_closed.subject", code),
		Body: lang.T("email.placement_closed.body", code, lang.T("queue.close.reason."+reason)) + "\n" +
			baseURL + "/cases/" + caseID + "\n\n" + lang.T("email.placement_closed.why") + "\n" + lang.T("email.privacy") + "\n"}
}

// CaseCounts is what a digest says about one case: its code, its address
// on the server, and how many of each thing need attention.
type CaseCounts struct {
	CaseID, Code string
	// Overdue and Due count "due by" deadlines past their day and of the
	// next 14 days (deadline.DueSoonDays); Opening the windows that open
	// and the expiries of the next 14 days, which are never "due".
	Overdue, Due, Opening int
	// Uncovered counts appointments of the next 14 days with nobody going
	// (coverage.Uncovered); Needs kinds of help with nobody responsible.
	Uncovered, Needs int
}

// Empty reports whether nothing about the case needs attention.
func (c CaseCounts) Empty() bool { return c.Overdue+c.Due+c.Opening+c.Uncovered+c.Needs == 0 }

// DigestCaseLimit bounds the cases a digest lists; it counts the rest.
const DigestCaseLimit = 50

// Digest is what one digest says: to whom, in which language, how often,
// for which period (the local day, or the Monday of the week), and the
// cases with something to report, in the order to list them.
type Digest struct {
	Lang    i18n.Lang
	To      string
	Kind    model.Digest
	Period  deadline.Date
	BaseURL string
	Cases   []CaseCounts
}

// Message writes the digest. It reports false when no case needs
// attention: then nothing is sent.
func (d Digest) Message() (model.Email, bool) {
	var cases []CaseCounts
	for _, c := range d.Cases {
		if !c.Empty() {
			cases = append(cases, c)
		}
	}
	if len(cases) == 0 {
		return model.Email{}, false
	}
	l := d.Lang
	kind := "daily"
	if d.Kind == model.DigestWeekly {
		kind = "weekly"
	}
	var b strings.Builder
	b.WriteString(l.T("email.digest.intro."+kind, deadline.FullDate(d.Period, l.T)))
	b.WriteString("\n\n")
	for i, c := range cases {
		if i == DigestCaseLimit {
			b.WriteString(count(l, "email.digest.more", len(cases)-i))
			b.WriteString("\n\n")
			break
		}
		b.WriteString(c.Code + ": " + c.summary(l) + "\n")
		b.WriteString(d.BaseURL + "/cases/" + c.CaseID + "\n\n")
	}
	b.WriteString(l.T("email.digest.open", d.BaseURL+"/") + "\n\n")
	b.WriteString(l.T("email.digest.why."+kind, d.BaseURL+"/account") + "\n")
	b.WriteString(l.T("email.privacy") + "\n")
	return model.Email{To: d.To, Subject: count(l, "email.digest.subject."+kind, len(cases)), Body: b.String()}, true
}

// summary is one case's line: its non-zero counts, joined.
func (c CaseCounts) summary(l i18n.Lang) string {
	var parts []string
	for _, p := range []struct {
		key string
		n   int
	}{{"email.digest.overdue", c.Overdue}, {"email.digest.due", c.Due}, {"email.digest.opening", c.Opening}, {"email.digest.uncovered", c.Uncovered}, {"email.digest.needs", c.Needs}} {
		if p.n > 0 {
			parts = append(parts, count(l, p.key, p.n))
		}
	}
	return strings.Join(parts, "; ")
}

// count is key's message for n: its "_one" form for 1.
func count(l i18n.Lang, key string, n int) string {
	if n == 1 {
		return l.T(key + "_one")
	}
	return l.T(key, n)
}
