package web

import (
	"puente/internal/i18n"
	"puente/internal/model"
)

// dateRules checks the days of one posted form beyond its tags (which
// check that a day is real and between model.EarliestDay and
// model.LatestDay): a day that records something done must not be after
// the organisation's today, and related days must come in order. It is
// the one place forms say so, with the same messages everywhere
// (model.CheckDay and model.InOrder hold the rules themselves).
//
// A field that already has a message keeps it: a day that is not a day is
// not also "in the future".
type dateRules struct {
	lang i18n.Lang
	// today is the organisation's day, YYYY-MM-DD, from Server.today (the
	// one clock, in the organisation's zone).
	today string
	errs  map[string]string
}

// rulesFor starts the date rules of a form whose messages so far are errs.
func rulesFor(lang i18n.Lang, today string, errs map[string]string) dateRules {
	return dateRules{lang: lang, today: today, errs: errs}
}

// set gives field the message key (with args) unless it has one already.
func (c dateRules) set(field, key string, args ...any) {
	if _, bad := c.errs[field]; !bad {
		c.errs[field] = c.lang.T(key, args...)
	}
}

// past refuses a day after today in field: "err.date_future".
func (c dateRules) past(field, day string) {
	if model.CheckDay(day, c.today, true) == model.ProblemFuture {
		c.set(field, "err.date_future")
	}
}

// notBefore refuses day in field when it is before first (a related day
// the person typed or the record holds), with the message key (and args)
// that names first: "err.release_before_arrival". Nothing is said when
// either day is empty or not a day.
func (c dateRules) notBefore(field, day, first, key string, args ...any) {
	if !model.InOrder(first, day) {
		c.set(field, key, args...)
	}
}

// notAfter refuses day in field when it is after last: see notBefore.
func (c dateRules) notAfter(field, day, last, key string, args ...any) {
	if !model.InOrder(day, last) {
		c.set(field, key, args...)
	}
}
