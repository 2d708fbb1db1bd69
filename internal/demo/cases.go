package demo

import (
	"time"

	"puente/internal/deadline"
	"puente/internal/model"
	"puente/internal/store"
)

// days counts from one group's today.
type days time.Time

// day is today + offset days, as YYYY-MM-DD.
func (t days) day(offset int) string { return time.Time(t).AddDate(0, 0, offset).Format(time.DateOnly) }

// court is today + offset days moved on to the first day immigration
// courts and ICE offices sit (deadline.IsBusinessDay: not a Saturday or a
// Sunday, not a federal holiday or the day one is observed), as YYYY-MM-DD:
// the day of every demo hearing, check-in and appointment, and of an oral
// decision given at a hearing.
func (t days) court(offset int) string {
	return deadline.NextBusinessDayFrom(deadline.DateOf(time.Time(t).AddDate(0, 0, offset))).String()
}

// years is y years before today, + offset days.
func (t days) years(y, offset int) string {
	return time.Time(t).AddDate(-y, 0, offset).Format(time.DateOnly)
}

// cases builds the demo's fictional cases with dates around each group's
// today (todayOf gives it by group key, in the group's own zone), so that a
// first look shows deadlines overdue, due soon and far off. Every name,
// number and address is invented.
func cases(todayOf func(group string) time.Time) map[string][]store.CaseSeed {
	a, b := days(todayOf("alpha")), days(todayOf("beta"))
	return map[string][]store.CaseSeed{
		"alpha": {
			{ // Just arrived: change-of-address deadlines, a check-in, the one-year deadline near.
				Case: model.CaseInput{Status: "placement_active", Court: "Demo Immigration Court, Room 12", Judge: "Judge A. Demo",
					LawyerName: "Lic. Daniela Ortiz (demo)", LawyerContact: "555-0100", Address: "12 Demo Street, Springfield"},
				People: []model.PersonInput{
					{Name: "Marisol Guerrero", PreferredName: "Mari", Languages: "Spanish", CountryOfBirth: "Honduras",
						LastUSArrival: a.years(1, 20), ReleaseDate: a.day(-22), DOB: a.years(34, -40),
						Facility: "Demo Processing Center", ANumber: "200123456"},
					{Name: "Ana Guerrero", Relationship: "daughter", Languages: "Spanish", CountryOfBirth: "Honduras",
						LastUSArrival: a.years(1, 20), DOB: a.years(14, 20), ANumber: "200123457"},
				},
				Facts: []store.FactSeed{{PersonIndex: -1, Fact: model.Fact{Kind: model.FactArrival, Date: a.day(-20)}}},
				Appointments: []store.AppointmentSeed{
					{PersonIndex: 0, Appointment: model.Appointment{Kind: "ice_checkin", Date: a.court(5), Time: "09:00", Place: "Demo ICE field office"},
						Going: []store.GoingSeed{{Email: alphaMember, Role: model.RoleDriver}, {Email: alphaCoord, Role: model.RoleInterpreter}}},
					{PersonIndex: -1, Appointment: model.Appointment{Kind: "master_hearing", Date: a.court(12), Time: "08:30", Place: "Demo Immigration Court, Room 12",
						Going: "Ana drives, Luis interprets"}},
				},
				Commitments: marisolCommitments(a.day),
				Checklists:  marisolChecklists(a.day),
				// Transport is needed and nobody took it on: the other flag.
				Needs: []store.NeedSeed{{Kind: "housing"}, {Kind: "transport", Until: a.day(120)}},
				Marks: []store.MarkSeed{
					{PersonIndex: 0, RuleID: "eoir33-change-of-address", State: model.MarkDone, DoneOn: a.day(-17), Note: "Filed online, copy to DHS"},
					{PersonIndex: 1, RuleID: "eoir33-change-of-address", State: model.MarkDone, DoneOn: a.day(-17)},
				},
			},
			{ // The work-permit clock: filing window opens soon, a pause, an individual hearing ahead.
				Case: model.CaseInput{Status: "placement_active", Court: "Demo Immigration Court, Room 3", LawyerName: "Demo Legal Aid"},
				People: []model.PersonInput{{Name: "Jorge Ramírez", Languages: "Spanish, Mam", CountryOfBirth: "Guatemala",
					LastUSArrival: a.years(1, -200), DOB: a.years(29, 11), ANumber: "201987654"}},
				Facts: []store.FactSeed{
					{PersonIndex: -1, Fact: model.Fact{Kind: model.FactArrival, Date: a.day(-300)}},
					{PersonIndex: 0, Fact: model.Fact{Kind: model.FactI589Filed, Date: a.day(-150)}},
					{PersonIndex: 0, Fact: model.Fact{Kind: model.FactClockPause, Date: a.day(-60), EndDate: a.day(-55), Note: "Asked to reschedule"}},
				},
				Appointments: []store.AppointmentSeed{
					{PersonIndex: 0, Appointment: model.Appointment{Kind: "biometrics", Date: a.court(3), Time: "10:15", Place: "Demo Application Support Center"},
						Going: []store.GoingSeed{{Email: alphaMember, Role: model.RoleCompanion}}},
					// Within 14 days with nobody going: the flag a first look shows.
					{PersonIndex: 0, Appointment: model.Appointment{Kind: "master_hearing", Date: a.court(9), Time: "09:00", Place: "Demo Immigration Court, Room 3"}},
					{PersonIndex: 0, Appointment: model.Appointment{Kind: "individual_hearing", Date: a.court(95), Time: "13:00", Place: "Demo Immigration Court, Room 3"}},
				},
				Commitments: jorgeCommitments(a.day),
				Checklists:  jorgeChecklists(a.day),
				Needs:       []store.NeedSeed{{Kind: "legal"}},
				Marks: []store.MarkSeed{
					{PersonIndex: 0, RuleID: "eoir33-change-of-address", State: model.MarkDone, DoneOn: a.day(-298)},
					{PersonIndex: 0, RuleID: "ar11-change-of-address", State: model.MarkDone, DoneOn: a.day(-296)},
					{PersonIndex: 0, RuleID: "i589-one-year", State: model.MarkDone, DoneOn: a.day(-150)},
				},
			},
			busyCase(a), // busyCaseIndex: the network's placement "Rosa M." (queue)
		},
		"beta": {
			{ // Asylum granted: the follow-up deadlines.
				Case: model.CaseInput{Status: "placement_active", Court: "Demo Immigration Court", LawyerName: "Demo Refugee Clinic"},
				People: []model.PersonInput{{Name: "Wendy Tun", Languages: "K'iche', Spanish", CountryOfBirth: "Guatemala",
					LastUSArrival: b.years(2, 0), DOB: b.years(41, 3)}},
				Facts: []store.FactSeed{
					{PersonIndex: -1, Fact: model.Fact{Kind: model.FactArrival, Date: b.years(2, 30)}},
					{PersonIndex: 0, Fact: model.Fact{Kind: model.FactI589Filed, Date: b.years(2, 90)}},
					{PersonIndex: 0, Fact: model.Fact{Kind: model.FactEADGranted, Date: b.years(1, 100)}},
					{PersonIndex: 0, Fact: model.Fact{Kind: model.FactGrant, Date: b.day(-60)}},
				},
				Checklists: betaChecklists(),
				Commitments: []store.CommitmentSeed{{
					// Ended by the work permit, every month given: fulfilled.
					Commitment: model.CommitmentInput{Kind: model.KindMoney, Description: "Groceries", StartsOn: b.years(1, 40),
						EndKind: model.EndWorkPermit, AmountCents: 25000, Currency: "USD", Frequency: "monthly"},
					Holders: []string{betaCoord},
					Given: []store.GivenSeed{{GivenOn: b.years(1, 40), AmountCents: 25000, By: betaCoord},
						{GivenOn: b.years(1, 70), AmountCents: 25000, By: betaCoord}},
				}},
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
					LastUSArrival: b.years(1, -90), ANumber: "202555111"}},
				Facts: []store.FactSeed{
					{PersonIndex: -1, Fact: model.Fact{Kind: model.FactArrival, Date: b.day(-400)}},
					{PersonIndex: 0, Fact: model.Fact{Kind: model.FactI589Filed, Date: b.day(-380)}},
					{PersonIndex: 0, Fact: model.Fact{Kind: model.FactDecision, Date: b.court(-24), Note: "Oral decision"}},
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
					LastUSArrival: b.day(-45), ReleaseDate: b.day(-2), Facility: "Demo Detention Center"}},
				Facts: []store.FactSeed{{PersonIndex: -1, Fact: model.Fact{Kind: model.FactArrival, Date: b.day(-2)}}},
				Appointments: []store.AppointmentSeed{
					// The court is in another state than the group: its time is Mountain time.
					{PersonIndex: 0, Appointment: model.Appointment{Kind: "master_hearing", Date: b.court(40), Time: "09:00", TimeZone: "America/Denver",
						Place: "Demo Immigration Court (Denver)"}},
				},
			},
		},
	}
}
