package web

import (
	"puente/internal/ledger"
	"puente/internal/store"
)

// subjectCommitment is a commitment of an export, in words for its page.
type subjectCommitment struct {
	Kind, Period, Amount, Cancelled, Description string
	Given                                        []subjectGiven
}

// subjectGiven is one record of what was given, in words.
type subjectGiven struct {
	Day, Amount, Description, Note string
}

// subjectNeed is a needed kind of help, in words.
type subjectNeed struct {
	Kind, Until string
}

// subjectCommitments puts an export's commitments and needs in words: the
// same words as the case page (kinds, periods, amounts in the page's
// language).
func (d *templateData) subjectCommitments(rec store.SubjectRecord) ([]subjectCommitment, []subjectNeed) {
	var out []subjectCommitment
	for _, c := range rec.Commitments {
		v := subjectCommitment{Kind: d.T("commit.kind." + c.Kind), Description: c.Description}
		switch c.EndKind {
		case "date":
			v.Period = d.T("commit.period.dates", d.Day(c.StartsOn), d.Day(c.EndsOn))
		case "work_permit":
			v.Period = d.T("commit.period.work_permit", d.Day(c.StartsOn))
		default:
			v.Period = d.T("commit.period.open", d.Day(c.StartsOn))
		}
		if c.AmountCents > 0 {
			v.Amount = d.T("commit.amount."+c.Frequency, ledger.Format(ledger.Cents(c.AmountCents), c.Currency))
		}
		if c.CancelledOn != "" {
			v.Cancelled = d.T("commit.cancelled_on", d.Day(c.CancelledOn))
		}
		for _, g := range c.Given {
			gv := subjectGiven{Day: d.Day(g.GivenOn), Description: g.Description, Note: g.Note}
			if g.AmountCents > 0 {
				gv.Amount = ledger.Format(ledger.Cents(g.AmountCents), c.Currency)
			}
			v.Given = append(v.Given, gv)
		}
		out = append(out, v)
	}
	var needs []subjectNeed
	for _, n := range rec.Needs {
		v := subjectNeed{Kind: d.T("commit.kind." + n.Kind)}
		if n.Until != "" {
			v.Until = d.T("need.until", d.Day(n.Until))
		}
		needs = append(needs, v)
	}
	return out, needs
}
