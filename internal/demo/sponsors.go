package demo

import (
	"time"

	"puente/internal/i18n"
	"puente/internal/model"
	"puente/internal/store"
)

// sponsorSpanish is the network's own words in the demo (its vetting items,
// a group's note) as a Spanish-speaking network would type them. Region
// names are place names, the same in both.
var sponsorSpanish = map[string]string{
	"Background check": "Revisión de antecedentes",
	"Two references":   "Dos referencias",
	"Home visit":       "Visita a la vivienda",
	"Hosting training": "Capacitación para recibir",
	"Ask Rosa before offering the downstairs room.": "Pregunte a Rosa antes de ofrecer la habitación de abajo.",
}

// sponsors is the demo network's view of its groups (issue 13): three
// regions, four vetting items, and two profiles. Alpha is approved, but one
// adult's background check expires in 15 days; Beta's profile has not been
// updated in 120 days and its only background check has expired.
func sponsors(now time.Time, lang i18n.Lang) []store.SponsorSeed {
	w := func(s string) string {
		if lang == i18n.ES {
			return sponsorSpanish[s]
		}
		return s
	}
	today := todayOf(now)("network")
	day := func(n int) string { return today.AddDate(0, 0, n).Format(time.DateOnly) }
	return []store.SponsorSeed{{
		NetworkKey: "network",
		Regions:    []string{"Queens, NY", "Westchester County, NY", "Essex County, NJ"},
		Items: []model.VettingItem{
			{Name: w("Background check"), ValidDays: 365, PerAdult: true},
			{Name: w("Two references"), ValidDays: 730},
			{Name: w("Home visit"), ValidDays: 730},
			{Name: w("Hosting training"), ValidDays: 365},
		},
		Profiles: map[string]model.SponsorProfile{
			"alpha": {RegionName: "Queens, NY", Languages: []string{"en", "es"}, Adults: 2, Beds: 2, PrivateRoom: true,
				AcceptsChildren: true, HostMonths: 6, AvailableFrom: day(10), PledgeCents: 300000, MaxPlacements: 4,
				Declared: model.StageApplied, PrivateNotes: w("Ask Rosa before offering the downstairs room."), UpdatedAt: now.AddDate(0, 0, -20)},
			"beta": {RegionName: "Westchester County, NY", Languages: []string{"en", "fr", "ht"}, Adults: 1, Beds: 1,
				Wheelchair: true, HostMonths: 12, PledgeCents: 150000, MaxPlacements: 1, Declared: model.StageApplied,
				UpdatedAt: now.AddDate(0, 0, -120)},
		},
		Records: map[string][]model.VettingRecord{
			"alpha": {
				{ItemName: w("Background check"), Subject: "A.M.", DoneOn: day(-350)},
				{ItemName: w("Background check"), Subject: "R.T.", DoneOn: day(-100)},
				{ItemName: w("Two references"), DoneOn: day(-200)},
				{ItemName: w("Home visit"), DoneOn: day(-180)},
				{ItemName: w("Hosting training"), DoneOn: day(-90)},
			},
			"beta": {
				{ItemName: w("Background check"), Subject: "B.B.", DoneOn: day(-400)},
				{ItemName: w("Two references"), DoneOn: day(-150)},
				{ItemName: w("Home visit"), DoneOn: day(-140)},
			},
		},
	}}
}
