package demo

import (
	"time"

	"puente/internal/model"
	"puente/internal/store"
)

// cases builds the demo's fictional cases with dates around today, so that
// a first look shows deadlines overdue, due soon and far off. Every name,
// number and address is invented.
func cases(today time.Time) map[string][]store.CaseSeed {
	day := func(offset int) string { return today.AddDate(0, 0, offset).Format("2006-01-02") }
	years := func(y, offset int) string { return today.AddDate(-y, 0, offset).Format("2006-01-02") }
	return map[string][]store.CaseSeed{
		"alpha": {
			{ // Just arrived: change-of-address deadlines, a check-in, the one-year deadline near.
				Case: model.CaseInput{Status: "placement_active", Court: "Demo Immigration Court, Room 12",
					LawyerName: "Lic. Daniela Ortiz (demo)", LawyerContact: "555-0100", Address: "12 Demo Street, Springfield"},
				People: []model.PersonInput{
					{Name: "Marisol Guerrero", PreferredName: "Mari", Languages: "Spanish", CountryOfBirth: "Honduras",
						LastUSArrival: years(1, 20), ReleaseDate: day(-22), DOB: years(34, -40),
						Facility: "Demo Processing Center", ANumber: "200123456"},
					{Name: "Ana Guerrero", Relationship: "daughter", Languages: "Spanish", CountryOfBirth: "Honduras",
						LastUSArrival: years(1, 20), DOB: years(14, 20), ANumber: "200123457"},
				},
				Facts: []store.FactSeed{{PersonIndex: -1, Fact: model.Fact{Kind: model.FactArrival, Date: day(-20)}}},
				Appointments: []store.AppointmentSeed{
					{PersonIndex: 0, Appointment: model.Appointment{Kind: "ice_checkin", Date: day(5), Time: "09:00", Place: "Demo ICE field office"}},
					{PersonIndex: -1, Appointment: model.Appointment{Kind: "master_hearing", Date: day(12), Time: "08:30", Place: "Demo Immigration Court, Room 12"}},
				},
				Marks: []store.MarkSeed{
					{PersonIndex: 0, RuleID: "eoir33-change-of-address", State: model.MarkDone, DoneOn: day(-17), Note: "Filed online, copy to DHS"},
					{PersonIndex: 1, RuleID: "eoir33-change-of-address", State: model.MarkDone, DoneOn: day(-17)},
				},
			},
			{ // The work-permit clock: filing window opens soon, a pause, an individual hearing ahead.
				Case: model.CaseInput{Status: "placement_active", Court: "Demo Immigration Court, Room 3", LawyerName: "Demo Legal Aid"},
				People: []model.PersonInput{{Name: "Jorge Ramírez", Languages: "Spanish, Mam", CountryOfBirth: "Guatemala",
					LastUSArrival: years(1, -200), DOB: years(29, 11), ANumber: "201987654"}},
				Facts: []store.FactSeed{
					{PersonIndex: -1, Fact: model.Fact{Kind: model.FactArrival, Date: day(-300)}},
					{PersonIndex: 0, Fact: model.Fact{Kind: model.FactI589Filed, Date: day(-150)}},
					{PersonIndex: 0, Fact: model.Fact{Kind: model.FactClockPause, Date: day(-60), EndDate: day(-55), Note: "Asked to reschedule"}},
				},
				Appointments: []store.AppointmentSeed{
					{PersonIndex: 0, Appointment: model.Appointment{Kind: "biometrics", Date: day(3), Time: "10:15", Place: "Demo Application Support Center"}},
					{PersonIndex: 0, Appointment: model.Appointment{Kind: "individual_hearing", Date: day(95), Time: "13:00", Place: "Demo Immigration Court, Room 3"}},
				},
				Marks: []store.MarkSeed{
					{PersonIndex: 0, RuleID: "eoir33-change-of-address", State: model.MarkDone, DoneOn: day(-298)},
					{PersonIndex: 0, RuleID: "ar11-change-of-address", State: model.MarkDone, DoneOn: day(-296)},
					{PersonIndex: 0, RuleID: "i589-one-year", State: model.MarkDone, DoneOn: day(-150)},
				},
			},
		},
		"beta": {
			{ // Asylum granted: the follow-up deadlines.
				Case: model.CaseInput{Status: "placement_active", Court: "Demo Immigration Court", LawyerName: "Demo Refugee Clinic"},
				People: []model.PersonInput{{Name: "Wendy Tun", Languages: "K'iche', Spanish", CountryOfBirth: "Guatemala",
					LastUSArrival: years(2, 0), DOB: years(41, 3)}},
				Facts: []store.FactSeed{
					{PersonIndex: -1, Fact: model.Fact{Kind: model.FactArrival, Date: years(2, 30)}},
					{PersonIndex: 0, Fact: model.Fact{Kind: model.FactI589Filed, Date: years(2, 90)}},
					{PersonIndex: 0, Fact: model.Fact{Kind: model.FactGrant, Date: day(-60)}},
				},
				Marks: []store.MarkSeed{
					{PersonIndex: 0, RuleID: "eoir33-change-of-address", State: model.MarkDone},
					{PersonIndex: 0, RuleID: "ar11-change-of-address", State: model.MarkDone},
					{PersonIndex: 0, RuleID: "i589-one-year", State: model.MarkDone},
					{PersonIndex: 0, RuleID: "ead-may-file", State: model.MarkDone},
					{PersonIndex: 0, RuleID: "ead-may-grant", State: model.MarkNotApplicable},
				},
			},
			{ // A denial: the 30-day appeal window is running.
				Case: model.CaseInput{Status: "placement_active", Court: "Demo Immigration Court, Room 7", LawyerName: "Demo Pro Bono Project"},
				People: []model.PersonInput{{Name: "Samuel Okafor", Languages: "English, Igbo", CountryOfBirth: "Nigeria",
					LastUSArrival: years(1, -90), ANumber: "202555111"}},
				Facts: []store.FactSeed{
					{PersonIndex: -1, Fact: model.Fact{Kind: model.FactArrival, Date: day(-400)}},
					{PersonIndex: 0, Fact: model.Fact{Kind: model.FactI589Filed, Date: day(-380)}},
					{PersonIndex: 0, Fact: model.Fact{Kind: model.FactDecision, Date: day(-24), Note: "Oral decision"}},
				},
				Marks: []store.MarkSeed{
					{PersonIndex: 0, RuleID: "eoir33-change-of-address", State: model.MarkDone},
					{PersonIndex: 0, RuleID: "ar11-change-of-address", State: model.MarkDone},
					{PersonIndex: 0, RuleID: "i589-one-year", State: model.MarkDone},
					{PersonIndex: 0, RuleID: "ead-may-file", State: model.MarkDone},
					{PersonIndex: 0, RuleID: "ead-may-grant", State: model.MarkDone},
				},
			},
			{ // Released two days ago: everything is still ahead.
				Case: model.CaseInput{Status: "arrived", Court: "Demo Immigration Court"},
				People: []model.PersonInput{{Name: "Luz Hernández", Languages: "Spanish", CountryOfBirth: "El Salvador",
					LastUSArrival: day(-45), ReleaseDate: day(-2), Facility: "Demo Detention Center"}},
				Facts: []store.FactSeed{{PersonIndex: -1, Fact: model.Fact{Kind: model.FactArrival, Date: day(-2)}}},
				Appointments: []store.AppointmentSeed{
					{PersonIndex: 0, Appointment: model.Appointment{Kind: "master_hearing", Date: day(40), Time: "09:00", Place: "Demo Immigration Court"}},
				},
			},
		},
	}
}
