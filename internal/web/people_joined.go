package web

import (
	"context"
	"slices"

	"puente/internal/deadline"
	"puente/internal/model"
)

// memberForm is the add-member and edit-member form: the person's fields
// and when they joined the household, asked as "When did they join this
// household?" with two answers, Joined "start" ("They came with the
// family") or "later" (on JoinedOn, YYYY-MM-DD). The principal's form
// does not ask (they are the household from its first day).
//
// The answer decides which household facts are the person's
// (deadline.Facts.JoinedLater): a cousin who moved in months after the
// family arrived owes no EOIR-33 or AR-11 for the family's arrival and
// earlier moves, and owes their own for the day they moved in (8 CFR
// 1003.15(d)(2), INA 265); the family's individual hearing is not theirs.
//
// When nothing is said: on the add form of a case whose household already
// has an address recorded (an arrival at the sponsor's home or a move),
// the question must be answered — taking every past fact as theirs would
// fill the group's home page with false "overdue" change-of-address lines,
// and taking none could hide their real ones, so neither default is safe.
// With no household address recorded yet nothing depends on the answer
// and none is required ("came with the family"). A date without a choice
// means "later". On the edit form, a post without either field (an older
// page) leaves the stored answer as it is.
type memberForm struct {
	PersonForm
	Joined   string `form:"joined" validate:"omitempty,oneof=start later"`
	JoinedOn string `form:"joined_on" validate:"isodate"`
	// Ask says the form shows the question (not for the principal);
	// Settled is the household's first address day ("" when none is
	// recorded), which makes the answer required on the add form.
	Ask     bool
	Settled string
}

// householdSettled returns the day of the household's first address: its
// arrival at the sponsor's home or earliest move (YYYY-MM-DD), or "" when
// none is recorded.
func (s *Server) householdSettled(ctx context.Context, caseID string) (string, error) {
	facts, err := s.store.Facts(ctx, caseID)
	if err != nil {
		return "", err
	}
	var days []string
	for _, f := range facts {
		if f.PersonID == "" && model.HouseholdFact(f.Kind) && f.Date != "" {
			days = append(days, f.Date)
		}
	}
	if len(days) == 0 {
		return "", nil
	}
	return slices.Min(days), nil
}

// checkJoined applies the joining rules: an answer on the add form when
// the household has an address (adding); a day for "later", on or before
// today and not before the household's first address (a person who was
// there before it had one came with the family: the message says to
// choose that). A "start" answer drops any day typed.
func (f *memberForm) checkJoined(c dateRules, adding bool) {
	if !f.Ask {
		f.Joined, f.JoinedOn = "", ""
		return
	}
	if f.Joined == "" && f.JoinedOn != "" {
		f.Joined = "later"
	}
	switch f.Joined {
	case "start":
		f.JoinedOn = ""
	case "later":
		if f.JoinedOn == "" {
			c.set("joined_on", "err.required.joined_on")
			return
		}
		c.past("joined_on", f.JoinedOn)
		if f.Settled != "" {
			c.notBefore("joined_on", f.JoinedOn, f.Settled, "err.joined_before_household", deadline.FullDate(parseDay(f.Settled), c.lang.T))
		}
	case "":
		if adding && f.Settled != "" {
			c.set("joined", "err.required.joined")
		}
	}
}

// joinedInput adds the answer to the store input: always when adding
// (nothing said is "from the start"), and on the edit form only when the
// form said something.
func (f *memberForm) joinedInput(in model.PersonInput, adding bool) model.PersonInput {
	if !f.Ask || (!adding && f.Joined == "") {
		return in
	}
	in.JoinedOn, in.SetJoined = f.JoinedOn, true
	return in
}
