// Package gen makes realistic fictional case data in bulk, for benchmarks,
// load tests and the data generator. Nothing here is real.
package gen

import (
	"fmt"
	"math/rand/v2"
	"time"

	"puente/internal/deadline"
	"puente/internal/model"
	"puente/internal/store"
)

// TOTPSecret is the authenticator key (base32) puente-gen gives, by
// default, every generated account that must sign in with a second factor
// (network admins, group coordinators). It is as fictional and as public
// as the generated password; the load test and the benchmark compute their
// codes from it.
const TOTPSecret = "GENERATEDPUENTEKEYFORLOADTESTSZZ"

var (
	givenNames = []string{"María", "José", "Ana", "Luis", "Carmen", "Jorge", "Rosa", "Pedro", "Lucía", "Samuel",
		"Fatima", "Ahmad", "Wendy", "Yolanda", "Daniel", "Esther", "Marisol", "Kevin", "Sofía", "Omar"}
	familyNames = []string{"García", "Hernández", "López", "Martínez", "Ramírez", "Tun", "Okafor", "Mendoza",
		"Castillo", "Flores", "Rivera", "Morales", "Jiménez", "Cruz", "Reyes", "Haidari", "Mejía", "Pérez"}
	countries = []string{"Honduras", "Guatemala", "El Salvador", "Venezuela", "Nicaragua", "Colombia", "Haiti",
		"Afghanistan", "Nigeria", "Cameroon"}
	languages = []string{"Spanish", "Spanish, K'iche'", "Haitian Creole", "Dari", "English, Igbo", "Spanish, Mam", "French"}
	apptKinds = []model.AppointmentKind{"master_hearing", "ice_checkin", "biometrics", "ice_checkin", "other"}
)

// courtDay is the date offset days after today, moved on to the first day
// immigration courts and ICE offices sit (deadline.IsBusinessDay: not a
// weekend, not a federal holiday or its observed day), as YYYY-MM-DD.
func courtDay(today time.Time, offset int) string {
	return deadline.NextBusinessDayFrom(deadline.DateOf(today.AddDate(0, 0, offset))).String()
}

// Cases returns n fictional cases around today: each has a household of
// one to four people, an arrival and sometimes a move, filings, a pause of
// the work-permit clock, and several appointments, so that with its
// computed deadlines it carries about twenty milestones.
func Cases(rng *rand.Rand, today time.Time, n int) []store.CaseSeed {
	day := func(offset int) string { return today.AddDate(0, 0, offset).Format("2006-01-02") }
	out := make([]store.CaseSeed, 0, n)
	for i := 0; i < n; i++ {
		family := familyNames[rng.IntN(len(familyNames))]
		size := 1 + rng.IntN(4)
		arrivedUS := -30 - rng.IntN(500)
		seed := store.CaseSeed{
			Case: model.CaseInput{
				Status:        model.CaseStatuses[4+rng.IntN(9)],
				Court:         fmt.Sprintf("Immigration Court, Room %d", 1+rng.IntN(20)),
				LawyerName:    "Legal aid " + family,
				LawyerContact: fmt.Sprintf("555-%04d", rng.IntN(10000)),
				Address:       fmt.Sprintf("%d Example Street, Apt %d", 1+rng.IntN(999), 1+rng.IntN(40)),
			},
		}
		for p := 0; p < size; p++ {
			age := 20 + rng.IntN(40)
			rel := ""
			if p > 0 {
				age = 1 + rng.IntN(17)
				rel = "child"
			}
			seed.People = append(seed.People, model.PersonInput{
				Name:           givenNames[rng.IntN(len(givenNames))] + " " + family,
				Relationship:   rel,
				Languages:      languages[rng.IntN(len(languages))],
				CountryOfBirth: countries[rng.IntN(len(countries))],
				LastUSArrival:  day(arrivedUS),
				DOB:            today.AddDate(-age, 0, -rng.IntN(365)).Format("2006-01-02"),
				ANumber:        fmt.Sprintf("%09d", 200000000+rng.IntN(99999999)),
			})
		}
		arrival := arrivedUS + 10 + rng.IntN(20)
		// Opened in the days before the arrival, at a time of day volunteers
		// work, and last changed at some moment since: every case its own
		// times, as in a group's real list (the default sort reads them).
		seed.Created = today.AddDate(0, 0, arrival-5-rng.IntN(20)).Add(8*time.Hour + time.Duration(rng.Int64N(int64(12*time.Hour))))
		if span := today.Sub(seed.Created); span > 0 {
			seed.Updated = seed.Created.Add(time.Duration(rng.Int64N(int64(span))))
		} else {
			seed.Updated = seed.Created
		}
		seed.Facts = append(seed.Facts, store.FactSeed{PersonIndex: -1, Fact: model.Fact{Kind: model.FactArrival, Date: day(arrival)}})
		if rng.IntN(3) == 0 {
			seed.Facts = append(seed.Facts, store.FactSeed{PersonIndex: -1, Fact: model.Fact{Kind: model.FactMove, Date: day(arrival + 20 + rng.IntN(60))}})
		}
		if rng.IntN(2) == 0 {
			seed.Facts = append(seed.Facts, store.FactSeed{PersonIndex: 0, Fact: model.Fact{Kind: model.FactFeeNotice, Date: day(-rng.IntN(90))}})
		}
		if rng.IntN(2) == 0 {
			filed := arrival + 30 + rng.IntN(200)
			seed.Facts = append(seed.Facts, store.FactSeed{PersonIndex: 0, Fact: model.Fact{Kind: model.FactI589Filed, Date: day(filed)}})
			if rng.IntN(3) == 0 {
				seed.Facts = append(seed.Facts, store.FactSeed{PersonIndex: 0, Fact: model.Fact{Kind: model.FactClockPause,
					Date: day(filed + 20), EndDate: day(filed + 25 + rng.IntN(20))}})
			}
		}
		for a := 0; a < 6; a++ {
			seed.Appointments = append(seed.Appointments, store.AppointmentSeed{PersonIndex: a%(size+1) - 1,
				Appointment: model.Appointment{Kind: apptKinds[rng.IntN(len(apptKinds))], Date: courtDay(today, -60+rng.IntN(240)),
					Time: fmt.Sprintf("%02d:%02d", 8+rng.IntN(8), 15*rng.IntN(4)), Place: "Field office"}})
		}
		if rng.IntN(2) == 0 {
			seed.Appointments = append(seed.Appointments, store.AppointmentSeed{PersonIndex: 0,
				Appointment: model.Appointment{Kind: model.KindIndividualHearing, Date: courtDay(today, 30+rng.IntN(300)), Time: "09:00"}})
		}
		seed.Marks = append(seed.Marks, store.MarkSeed{PersonIndex: 0, RuleID: "eoir33-change-of-address", State: model.MarkDone})
		out = append(out, seed)
	}
	return out
}
