// Package deadline is Puente's deadline engine: it turns the dates of one
// person's case (arrival, moves, I-589 filing, hearings, decisions, grant …)
// into dated deadlines with a plain explanation in English and Spanish.
//
// It is pure. It reads nothing but its own embedded rule file, keeps no
// mutable package state, and never asks the clock: the caller passes every
// date, including "today" (see StateOf). Every date it computes comes from
// recorded facts and a reading of the law; the app must show, next to any
// of them, that it has to be confirmed with the lawyer (see Disclaimer).
//
// # Dates and day counting
//
// Date is a civil date without time zone. Every period counts from the day
// after its trigger (arrived 3 March, 5 days later is 8 March). Units are
// calendar days, business days (no Saturdays, Sundays or federal holidays,
// observed dates included, see Holidays), clock days (calendar days minus
// the days inside applicant-caused Pauses), months and years. A rule may
// roll a last day that is not a business day to the next business day;
// only rules whose source says so do. Where the law is ambiguous Puente
// takes the safe side, which depends on the kind of date (Kind.LaterIsSafe):
// for a "due by" date or an expiry the earlier date (a year from
// 29 February ends on 28 February, one month from 31 January on 28 or
// 29 February); for a date that opens a window the later one (a grant on
// 29 February 2024 makes the I-485 possible from 1 March 2025).
//
// # Kinds and states
//
// A rule's kind says what its date means: due_by (act by then), opens (a
// window opens; never overdue), expires (something ends; information) and
// info (a date nobody acts on; information). Assess turns a date, the fact
// that met it and what people recorded into a State on a given day, and
// Status.Phrase into the words of a badge ("due in 3 days", "opens
// tomorrow", "3 days overdue"). Only due_by dates count as overdue or due.
// Appointments have their own states (AssessAppointment): upcoming, soon,
// passed ("did they attend?") and attended.
//
// A rule may name the fact that meets it (met_by): the I-589 filing meets
// the one-year deadline, a work-permit application the window it waited
// for, an appeal the appeal deadline. Met after the date is "done late",
// with the rule's late_note (for the I-589, the exception the lawyer must
// argue). A rule may also ask for its trigger when it is missing
// (say_when_missing, see Gaps).
//
// A negative offset counts back from an event ("evidence 30 days before the
// individual hearing", "renewal from 180 days before expiry"). Such rules
// never roll, so their date is always before the trigger; for every other
// rule the date is never before the trigger. Counting.Backward tells them
// apart, and the fuzz test checks both invariants.
//
// The work-permit clock counts from the day after the I-589 filing and skips
// the days inside pauses, which may overlap (merged, each day skipped once)
// and may start before the filing (only days after it matter). While a pause
// is open (no end date) and the clock has not reached its count, the
// deadline has no date and NoDate is ClockPaused, rather than a date that
// would later turn out wrong.
//
// # The rule file
//
// rules.json, embedded with go:embed, holds every rule as data so that a
// change in the law is a reviewed edit to one file. Its shape:
//
//	{
//	  "updated": "YYYY-MM-DD",          // when a person last checked it
//	  "rules": [{
//	    "id": "bia-appeal",             // stable; keys and notes hang on it
//	    "text": "bia_appeal",           // names the version's texts, below
//	    "kind": "due_by",               // due_by | opens | expires | info
//	    "trigger": "decision",          // see the Trigger constants
//	    "met_by": "appeal_filed",       // optional, see MetByFact
//	    "say_when_missing": false,      // optional, see Gaps
//	    "offset": 30,                   // negative counts back from the trigger
//	    "unit": "calendar_days",        // calendar_days | business_days |
//	                                    // clock_days | months | years
//	    "roll": "next_business_day",    // none | next_business_day
//	    "effective_from": "YYYY-MM-DD", // optional, inclusive
//	    "effective_to": "YYYY-MM-DD",   // optional, inclusive
//	    "covers_open_obligations": false, // optional, see Rule.CoversOpen
//	    "source_url": "https://www.ecfr.gov/…",
//	    "has_note": true,               // optional: rule.<text>.note exists
//	    "has_late_note": true           // optional: said when met late
//	  }]
//	}
//
// The words are not in this file: a version's title, source, explanation
// (which may use {trigger_date} and {due_date}) and notes are messages
// rule.<text>.title, .source, .explain, .note and .late_note of
// internal/i18n/locales/deadline_engine.<lang>.toml, beside the engine's
// own sentences (the working, holidays, the disclaimer: EngineKeys). The
// engine returns Texts (a key and its dates); the app says them in the
// reader's language (Text.Say), so a language is added as files. The
// i18n tests hold every key to exist in every language with the same
// placeholders.
//
// When the law changes, the rule keeps its id and gains a version: the old
// entry gets an effective_to, the new one an effective_from, and their
// ranges must not overlap. A case keeps the version in force on its trigger
// date; a version with covers_open_obligations also takes triggers before
// its effective date whose computed date falls on or after it (the 2025
// registration rule covers a child whose 30 days were still running on
// 11 April 2025). The 2020 rule that raised the work-permit wait to 365 days is
// written that way: ead-may-file and ead-may-grant each have a version for
// triggers up to 2020-08-24, one for 2020-08-25 to 2022-02-06 (the rule's
// effective date to the day before its vacatur), and one from 2022-02-07.
//
// Load rejects unknown fields, triggers, units, kinds, rolls, met_by facts,
// a text id that is malformed or another version's, overlapping
// versions and versions of one id that disagree on trigger, kind or met_by.
//
// # Plain language
//
// Each explanation leads with one plain sentence a person with
// primary-school reading can act on: what, to whom, by when (the date in
// full) and why. Sentences keep to 20 words; Spanish addresses the reader
// as usted and uses the official terms of USCIS and EOIR (tarifa anual de
// asilo, reloj de asilo, días calendario, cambio de dirección, Documento de
// Autorización de Empleo). The working (how it was counted) is in words,
// never "+" or "=". Tests check all of it, and that no Spanish text holds
// English.
//
// # Keys
//
// Deadline.Key is rule id + fact + which list item (the app's Ref, or the
// 1-based position): never a date. Correcting a trigger date moves the due
// date but keeps the key, so what a person recorded against a deadline
// (done, not applicable, a note) stays attached after recomputation.
package deadline
