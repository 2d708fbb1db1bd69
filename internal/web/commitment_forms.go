package web

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"puente/internal/deadline"
	"puente/internal/i18n"
	"puente/internal/ledger"
	"puente/internal/model"
)

// commitmentForm is the new and edit commitment form. Amounts are read by
// ledger.ParseAmount, never as floats.
type commitmentForm struct {
	Kind        string `form:"kind" validate:"required,max=20" required:"commitment_kind"`
	Description string `form:"description" validate:"safetext,max=500"`
	StartsOn    string `form:"starts_on" validate:"required,isodate" required:"starts_on"`
	EndKind     string `form:"end_kind" validate:"required,oneof=date work_permit open" required:"end_kind"`
	EndsOn      string `form:"ends_on" validate:"isodate"`
	Amount      string `form:"amount" validate:"max=30"`
	Currency    string `form:"currency" validate:"max=10"`
	Frequency   string `form:"frequency" validate:"max=10"`
}

// commitmentPost is the posted form with its holders, read from the
// repeated "holder" field (coordinators tick them).
type commitmentPost struct {
	commitmentForm
	Holders []string
}

// parseAmountField reads an amount in currency (ISO 4217); the message
// says why it was refused, in the currency's terms: a yen amount with
// decimals is told the yen has none (ledger.Decimals).
func parseAmountField(lang i18n.Lang, s, currency string) (ledger.Cents, string) {
	c, err := ledger.ParseAmount(s, currency)
	switch {
	case err == nil:
		return c, ""
	case errors.Is(err, ledger.ErrAmountNotPositive):
		return 0, lang.T("err.amount_positive")
	case errors.Is(err, ledger.ErrAmountDecimals) && ledger.Decimals(currency) == 0:
		return 0, lang.T("err.amount_whole", currency)
	case errors.Is(err, ledger.ErrAmountDecimals):
		return 0, lang.T("err.amount_decimals", ledger.Decimals(currency), currency)
	case errors.Is(err, ledger.ErrAmountDigits):
		return 0, lang.T("err.amount_digits")
	case errors.Is(err, ledger.ErrAmountCurrency):
		return 0, lang.T("err.amount_currency", currency)
	case errors.Is(err, ledger.ErrAmountTooLarge):
		return 0, lang.T("err.amount_max", ledger.Format(ledger.MaxCents, currency))
	}
	return 0, lang.T("err.amount_format")
}

// commitmentFormFrom decodes the posted form: the currency in capitals
// (typed "usd" means USD), the holders as posted.
func commitmentFormFrom(r *http.Request) commitmentPost {
	var f commitmentPost
	decodeForm(r, &f.commitmentForm)
	f.Currency = strings.ToUpper(f.Currency)
	for _, h := range r.PostForm["holder"] {
		if h = strings.TrimSpace(h); h != "" {
			f.Holders = append(f.Holders, h)
		}
	}
	return f
}

// check validates f beyond its tags and returns the store's input: a
// known kind, a period that does not end before it starts, and, for money
// only, an amount, an ISO 4217 currency and a frequency. Every holder must
// be one of members.
func (s *Server) checkCommitment(lang i18n.Lang, p *commitmentPost, members []model.Member) (model.CommitmentInput, map[string]string) {
	f := &p.commitmentForm
	errs := s.validateForm(lang, f)
	in := model.CommitmentInput{Kind: model.CommitmentKind(f.Kind), Description: f.Description, StartsOn: f.StartsOn,
		EndKind: model.EndKind(f.EndKind)}
	if _, bad := errs["kind"]; !bad && !model.ValidCommitmentKind(in.Kind) {
		errs["kind"] = lang.T("err.choice")
	}
	if in.EndKind == model.EndDate {
		if _, bad := errs["ends_on"]; !bad && f.EndsOn == "" {
			errs["ends_on"] = lang.T("err.ends_on_required")
		}
		rulesFor(lang, "", errs).notBefore("ends_on", f.EndsOn, f.StartsOn, "err.end_before_start")
		in.EndsOn = f.EndsOn
	} else {
		f.EndsOn = ""
	}
	if in.Kind == model.KindMoney {
		if f.Currency == "" {
			f.Currency = ledger.DefaultCurrency
		}
		if _, bad := errs["currency"]; !bad && !ledger.ValidCurrency(f.Currency) {
			errs["currency"] = lang.T("err.currency")
		}
		if _, bad := errs["amount"]; !bad {
			if f.Amount == "" {
				errs["amount"] = lang.T("err.required.amount")
			} else if c, msg := parseAmountField(lang, f.Amount, f.Currency); msg != "" {
				errs["amount"] = msg
			} else {
				in.AmountCents = int64(c)
			}
		}
		switch _, bad := errs["frequency"]; {
		case bad:
		case f.Frequency == "":
			errs["frequency"] = lang.T("err.required.frequency")
		case !slices.Contains(model.Frequencies, f.Frequency):
			errs["frequency"] = lang.T("err.choice")
		}
		in.Currency, in.Frequency = f.Currency, f.Frequency
	} else if _, bad := errs["amount"]; !bad && f.Amount != "" {
		errs["amount"] = lang.T("err.amount_money_only")
	}
	for _, h := range p.Holders {
		if !isMember(members, h) {
			errs["holder"] = lang.T("err.choice")
		}
	}
	return in, errs
}

func isMember(members []model.Member, userID string) bool {
	for _, m := range members {
		if m.UserID == userID {
			return true
		}
	}
	return false
}

// formOfCommitment fills the edit form with what c holds.
func formOfCommitment(c model.Commitment) *commitmentPost {
	f := &commitmentPost{commitmentForm: commitmentForm{Kind: string(c.Kind), Description: c.Description, StartsOn: c.StartsOn,
		EndKind: string(c.EndKind), EndsOn: c.EndsOn, Currency: c.Currency, Frequency: c.Frequency}}
	if c.Kind == model.KindMoney {
		f.Amount = ledger.Cents(c.AmountCents).Decimal(c.Currency)
	}
	return f
}

// givenForm records what was given against a commitment.
type givenForm struct {
	GivenOn     string `form:"given_on" validate:"required,isodate" required:"given_on"`
	Amount      string `form:"amount" validate:"max=30"`
	Description string `form:"description" validate:"safetext,max=300"`
	GivenBy     string `form:"given_by" validate:"safetext,max=64"`
	Note        string `form:"note" validate:"safetext,max=500"`
}

// checkGiven validates f for commitment c on today (the group's day,
// YYYY-MM-DD). What was given is a record of something done under the
// commitment, so its day is within what has happened of the commitment's
// period: not after today (it is recorded once given), not before the
// commitment starts, not after it ends (its end date, or the day its
// household's work permit ended it) nor after the day it was cancelled.
// A gift outside that is a typing slip ("1900") or belongs to another
// commitment, and would throw the ledger's "behind" out. Money needs an
// amount in the commitment's currency (its decimals, ledger.Decimals) and
// anything else a description; the giver is someone the viewer may name
// (themselves, or anyone for a coordinator).
func (s *Server) checkGiven(lang i18n.Lang, f *givenForm, c model.Commitment, today string, mayName func(string) bool) (model.GivenRecord, map[string]string) {
	errs := s.validateForm(lang, f)
	g := model.GivenRecord{GivenOn: f.GivenOn, Description: f.Description, GivenByID: f.GivenBy, Note: f.Note}
	dr := rulesFor(lang, today, errs)
	dr.past("given_on", f.GivenOn)
	dr.notBefore("given_on", f.GivenOn, c.StartsOn, "err.given_before_start", deadline.FullDate(parseDay(c.StartsOn), lang.T))
	if end := ledgerOf(c).Ends(); !end.IsZero() {
		dr.notAfter("given_on", f.GivenOn, end.String(), "err.given_after_end", deadline.FullDate(end, lang.T))
	}
	if c.CancelledOn != "" {
		dr.notAfter("given_on", f.GivenOn, c.CancelledOn, "err.given_after_cancel", deadline.FullDate(parseDay(c.CancelledOn), lang.T))
	}
	if c.Kind == model.KindMoney {
		if _, bad := errs["amount"]; !bad {
			if f.Amount == "" {
				errs["amount"] = lang.T("err.required.amount")
			} else if a, msg := parseAmountField(lang, f.Amount, c.Currency); msg != "" {
				errs["amount"] = msg
			} else {
				g.AmountCents = int64(a)
			}
		}
	} else {
		if _, bad := errs["amount"]; !bad && f.Amount != "" {
			errs["amount"] = lang.T("err.amount_money_only")
		}
		if _, bad := errs["description"]; !bad && f.Description == "" {
			errs["description"] = lang.T("err.required.given_description")
		}
	}
	if _, bad := errs["given_by"]; !bad && f.GivenBy != "" && !mayName(f.GivenBy) {
		errs["given_by"] = lang.T("err.choice")
	}
	return g, errs
}

// needForm marks a kind as needed for a case.
type needForm struct {
	Kind  string `form:"kind" validate:"required,max=20" required:"need_kind"`
	Until string `form:"until" validate:"isodate"`
}

// goingForm signs a member up for an appointment: the viewer (empty
// user_id) or, for a coordinator, anyone in the group.
type goingForm struct {
	UserID string `form:"user_id" validate:"safetext,max=64"`
	Role   string `form:"role" validate:"required,oneof=companion driver interpreter" required:"going_role"`
	Return string `form:"return" validate:"max=10"` // case (default), home, tasks, page (the sign-up page)
}

// personForm names a group member (withdraw, take on, drop).
type personForm struct {
	UserID string `form:"user_id" validate:"safetext,max=64"`
	// Pick is "1" from the page that chooses who (holder_new): there an
	// empty user_id is no choice, not "myself" as on a one-tap button.
	Pick   string `form:"pick" validate:"omitempty,oneof=1"`
	Return string `form:"return" validate:"max=10"` // case (default), home, tasks, page (the sign-up page)
}
