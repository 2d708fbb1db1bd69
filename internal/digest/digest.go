// Package digest sends each person who asked for one a digest of their
// sponsor groups' cases: how many deadlines are overdue or due in the next
// 14 days, how many appointments of those 14 days have nobody going and
// how many needed kinds of help have nobody responsible, per case code,
// with links (issue 14). It is written at 7:00 in each group's time zone,
// read on the one clock, and goes out once per person, group and period:
// the period is recorded in the transaction that queues the message.
//
// A digest never counts a date computed from a date of birth (the
// registration at 14): its day is as secret as the birth date, and a
// count "due in the next 14 days" would tell it (SECURITY.md, "A value
// computed from a protected field ... never in a feed").
package digest

import (
	"time"

	"puente/internal/deadline"
	"puente/internal/model"
	"puente/internal/tz"
)

// Hour is the local hour from which a period's digest is written.
const Hour = 7

// keepDays is how long the record of a digest period is kept: long enough
// that no period comes back, short enough that the table stays small.
const keepDays = 60

// Period is the period whose digest is due at now in zone for a person who
// chose kind, and whether its time has come: a daily digest's period is
// the local day, from 7:00; a weekly one's is the Monday of the local week,
// from Monday 7:00. A server that was down at 7:00 sends it when it is back
// (later that day, or that week).
func Period(kind model.Digest, now time.Time, zone string) (deadline.Date, bool) {
	local := now.In(tz.Location(zone))
	day, _ := deadline.ParseDate(local.Format(time.DateOnly))
	switch kind {
	case model.DigestDaily:
		return day, local.Hour() >= Hour
	case model.DigestWeekly:
		back := (int(local.Weekday()) + 6) % 7 // days since Monday
		monday := day.AddDays(-back)
		return monday, back > 0 || local.Hour() >= Hour
	}
	return deadline.Date{}, false
}
