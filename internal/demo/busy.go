package demo

import (
	"puente/internal/model"
	"puente/internal/store"
)

// BusyPrincipal names the principal of the demo's busiest case: a family of
// three with a long history (an arrival, three moves, an asylum application
// with a clock pause and a work-permit application, two hearings and a
// decision), so that the case page shows it stays short when everything
// done or past is collapsed (issue 9).
const BusyPrincipal = "Rosa Mejía"

// busyCaseIndex is the busy case's place among Alpha's demo cases: the
// network's queue places "Rosa M." with it.
const busyCaseIndex = 2

// busyCase is the busiest demo case, dated around alpha's today: the third
// move was 8 days ago, so the children's change of address to the court is
// overdue (the mother's was filed), everyone's AR-11 is due in 2 days, an
// ICE check-in is in 6 days, and the judge's decision of 10 days ago can
// be appealed for 20 more days (court days: the first business day on or
// after each, so a few days later when one falls on a weekend or holiday).
func busyCase(a days) store.CaseSeed {
	lastMove := a.day(-8)
	return store.CaseSeed{
		Case: model.CaseInput{Status: "placement_active", Court: "Demo Immigration Court, Room 5", Judge: "Judge R. Example",
			LawyerName: "Demo Asylum Clinic", LawyerContact: "555-0142", Address: "40 Example Avenue, Apt 2, Springfield"},
		People: []model.PersonInput{
			{Name: BusyPrincipal, Languages: "Spanish", CountryOfBirth: "Honduras", LastUSArrival: a.day(-430),
				ReleaseDate: a.day(-425), DOB: a.years(38, 12), ANumber: "203456789", Facility: "Demo Processing Center"},
			{Name: "Daniel Mejía", Relationship: "son", Languages: "Spanish, English", CountryOfBirth: "Honduras",
				LastUSArrival: a.day(-430), DOB: a.years(16, 40), ANumber: "203456790"},
			{Name: "Sofía Mejía", Relationship: "daughter", Languages: "Spanish", CountryOfBirth: "Honduras",
				LastUSArrival: a.day(-430), DOB: a.years(9, 100)},
		},
		Facts: []store.FactSeed{
			{PersonIndex: -1, Fact: model.Fact{Kind: model.FactArrival, Date: a.day(-420)}},
			{PersonIndex: -1, Fact: model.Fact{Kind: model.FactMove, Date: a.day(-300), Note: "To a cousin's flat"}},
			{PersonIndex: -1, Fact: model.Fact{Kind: model.FactMove, Date: a.day(-150)}},
			{PersonIndex: -1, Fact: model.Fact{Kind: model.FactMove, Date: lastMove, Note: "Back with the sponsor"}},
			{PersonIndex: 0, Fact: model.Fact{Kind: model.FactI589Filed, Date: a.day(-380), Note: "Children included"}},
			{PersonIndex: 0, Fact: model.Fact{Kind: model.FactClockPause, Date: a.day(-260), EndDate: a.day(-245), Note: "Asked for more time"}},
			{PersonIndex: 0, Fact: model.Fact{Kind: model.FactEADApplied, Date: a.day(-200)}},
			{PersonIndex: 0, Fact: model.Fact{Kind: model.FactDecision, Date: a.court(-10), Note: "Oral decision: asylum denied"}},
		},
		Appointments: []store.AppointmentSeed{
			{PersonIndex: -1, Appointment: model.Appointment{Kind: "master_hearing", Date: a.court(-330), Time: "08:30",
				Place: "Demo Immigration Court, Room 5"}, Attended: true},
			{PersonIndex: -1, Appointment: model.Appointment{Kind: "individual_hearing", Date: a.court(-10), Time: "13:00",
				Place: "Demo Immigration Court, Room 5"}, Attended: true},
			{PersonIndex: 0, Appointment: model.Appointment{Kind: "ice_checkin", Date: a.court(6), Time: "09:30",
				Place: "Demo ICE field office, 2nd floor", Going: "Carmen drives"}},
		},
		Marks: []store.MarkSeed{
			// Every change of address of the earlier moves was sent.
			{PersonIndex: 0, RuleID: "eoir33-change-of-address", State: model.MarkDone},
			{PersonIndex: 1, RuleID: "eoir33-change-of-address", State: model.MarkDone, DueBefore: lastMove},
			{PersonIndex: 2, RuleID: "eoir33-change-of-address", State: model.MarkDone, DueBefore: lastMove},
			{PersonIndex: 0, RuleID: "ar11-change-of-address", State: model.MarkDone, DueBefore: lastMove},
			{PersonIndex: 1, RuleID: "ar11-change-of-address", State: model.MarkDone, DueBefore: lastMove},
			{PersonIndex: 2, RuleID: "ar11-change-of-address", State: model.MarkDone, DueBefore: lastMove},
			// The children are on their mother's application.
			{PersonIndex: 1, RuleID: "i589-one-year", State: model.MarkNotApplicable, Note: "On the mother's I-589"},
			{PersonIndex: 2, RuleID: "i589-one-year", State: model.MarkNotApplicable, Note: "On the mother's I-589"},
			{PersonIndex: 0, RuleID: "individual-hearing-evidence", State: model.MarkDone, DoneOn: a.day(-45)},
			{PersonIndex: 1, RuleID: "individual-hearing-evidence", State: model.MarkDone, DoneOn: a.day(-45)},
			{PersonIndex: 2, RuleID: "individual-hearing-evidence", State: model.MarkDone, DoneOn: a.day(-45)},
		},
	}
}
