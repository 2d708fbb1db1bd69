package model

// Date rules shared by every form, import and API that takes a day
// (YYYY-MM-DD): the queue's Validate, and the web forms through
// web.dateRules. Keeping them here means a day refused on one form is
// refused on all of them, with the same code and so the same message.

// The range of days Puente takes at all. Nothing it records happened
// before 1900 (no one alive was born earlier; US immigration records of a
// living person start later still) or is planned after 2100; a year
// outside is a typing slip ("1026", "20256" cut to "2025-…" elsewhere).
const (
	EarliestDay = "1900-01-01"
	LatestDay   = "2100-12-31"
)

// The codes of a refused day, beyond ProblemDate and ProblemFuture (see
// QueueProblem). Messages are "<prefix>.<code>" in the i18n catalog.
const (
	ProblemDateRange = "date_range" // a real date before EarliestDay or after LatestDay
	// ProblemBeforeDetained: a bond or parole decision before the
	// detention it decides on began.
	ProblemBeforeDetained = "before_detained"
)

// CheckDay checks one day s, "" when it is acceptable: ProblemDate when s
// is not a real calendar date as YYYY-MM-DD, ProblemDateRange when it is
// outside EarliestDay…LatestDay, and, when past is true, ProblemFuture
// when it is after today (the organisation's day, YYYY-MM-DD, from the
// one clock: a fact that records something done cannot be dated
// tomorrow). An empty s is acceptable: callers that need a day say so.
func CheckDay(s, today string, past bool) string {
	switch {
	case s == "":
		return ""
	case !IsDate(s):
		return ProblemDate
	case s < EarliestDay || s > LatestDay:
		return ProblemDateRange
	case past && today != "" && s > today:
		return ProblemFuture
	}
	return ""
}

// InOrder reports whether day first is the same as or before day then;
// true when either is empty or not a date (that is another problem,
// reported on its own field).
func InOrder(first, then string) bool {
	if !IsDate(first) || !IsDate(then) {
		return true
	}
	return first <= then
}
