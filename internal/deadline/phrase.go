package deadline

// Phrase is how a Status is said in a badge: a message key of the app's
// message catalogue, with either a number of days or a date to fill in.
// The engine picks the words; the app only looks them up and formats the
// date (in full, see FullDate).
//
// English and Spanish for each key (kept in internal/i18n):
//
//	when.due_in       in %d days              en %d días
//	when.due_tomorrow tomorrow                mañana
//	when.due_today    today                   hoy
//	when.overdue      by %d days (after the   hace %d días (tras la
//	                  tag: "Overdue by …")    etiqueta: "Vencido hace …")
//	when.overdue_one  by 1 day                desde ayer
//	when.done_on      on %s                   el %s
//	when.opens_in     in %d days              en %d días
//	when.open_since   since %s                desde el %s
//
// Each phrase follows its state's tag ("Due soon in 3 days", "Done on
// Saturday 14 November 2026", "Se abre después en 6 días"), so none
// repeats the tag's word; TagPhrase leaves out a phrase that would only
// say the tag again.
type Phrase struct {
	Key string
	// N is the number of days for keys that take one (HasN).
	N    int
	HasN bool
	// Date is the date for keys that take one (HasDate).
	Date    Date
	HasDate bool
}

func days(key string, n int) Phrase   { return Phrase{Key: key, N: n, HasN: true} }
func dated(key string, d Date) Phrase { return Phrase{Key: key, Date: d, HasDate: true} }
func plain(key string) Phrase         { return Phrase{Key: key} }

// Phrase returns the words for s, said after its tag: "in 3 days",
// "tomorrow", "today", "by 3 days" (Overdue), "since …" (Open now), "on …"
// (Done, Done late); the state's own label ("Not applicable", "Passed:
// did they attend?") where there are no days or date to say.
func (s Status) Phrase() Phrase {
	switch s.State {
	case Done:
		switch {
		case s.Date.IsZero():
			return plain("state.done")
		case s.Early:
			return dated("when.used_early", s.Date)
		}
		return dated("when.done_on", s.Date)
	case DoneLate:
		return dated("when.done_late", s.Date)
	case NotApplicable, Undated, ApptPassed, ApptAttended:
		return plain("state." + string(s.State))
	case Overdue:
		if s.Days == -1 {
			return plain("when.overdue_one")
		}
		return days("when.overdue", -s.Days)
	case DueSoon, Upcoming:
		return ahead(s, "when.due")
	case OpensOn:
		return ahead(s, "when.opens")
	case OpenNow:
		if s.Days == 0 {
			return plain("when.opens_today")
		}
		return dated("when.open_since", s.Date)
	case ApptSoon, ApptUpcoming:
		return ahead(s, "when.appt")
	case Info:
		if s.Kind == Expires {
			if s.Days < 0 {
				return dated("when.ended_on", s.Date)
			}
			return ahead(s, "when.ends")
		}
		if s.Days < 0 {
			return dated("when.info_since", s.Date)
		}
		return ahead(s, "when.info")
	}
	return plain("state." + string(s.State))
}

// TagPhrase is Phrase said after the state's tag: empty (Key "") when the
// phrase would only name the state again ("Done", "Not applicable",
// "Attended"), so a badge never reads "Done Done".
func (s Status) TagPhrase() Phrase {
	p := s.Phrase()
	if p.Key == "state."+string(s.State) {
		return Phrase{}
	}
	return p
}

// ahead says a future day: "<prefix>_today", "<prefix>_tomorrow",
// "<prefix>_in" with the days up to SayDaysUpTo, and "<prefix>_on" with
// the date beyond.
func ahead(s Status, prefix string) Phrase {
	switch {
	case s.Days <= 0:
		return plain(prefix + "_today")
	case s.Days == 1:
		return plain(prefix + "_tomorrow")
	case s.Days <= SayDaysUpTo:
		return days(prefix+"_in", s.Days)
	}
	return dated(prefix+"_on", s.Date)
}

// PhraseKeys lists every message key Phrase and the state labels can
// return, so that a test can check the catalogue has each one.
func PhraseKeys() []string {
	keys := []string{
		"when.done_on", "when.used_early", "when.done_late", "when.overdue", "when.overdue_one",
		"when.opens_today", "when.open_since", "when.ended_on", "when.info_since",
	}
	for _, p := range []string{"when.due", "when.opens", "when.appt", "when.ends", "when.info"} {
		keys = append(keys, p+"_today", p+"_tomorrow", p+"_in", p+"_on")
	}
	for _, s := range []State{Upcoming, DueSoon, Overdue, Done, DoneLate, NotApplicable, Undated, OpensOn, OpenNow, Info,
		ApptUpcoming, ApptSoon, ApptPassed, ApptAttended} {
		keys = append(keys, "state."+string(s))
	}
	return keys
}
