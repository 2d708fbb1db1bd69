package demo

import (
	"time"

	"puente/internal/model"
	"puente/internal/store"
)

// queue is the demo network's queue (issue 13): people in several states,
// most urgent first, one offer waiting for group Alpha's coordinator, and
// one placement: "Rosa M.", placed with Alpha long ago and arrived, whose
// case is Alpha's busiest (busyCase, Alpha's third), where the children's
// change of address to the court is overdue. So the network's dashboard
// lists it among the placements that need attention, as its case counts
// show Alpha's overdue deadlines. Alpha's other cases the group opened
// itself: they are not placements, and only the case counts count them.
// Pseudonyms and facility names are the same in both languages.
func queue(now time.Time) []store.QueueSeed {
	today := todayOf(now)("network")
	day := func(n int) string { return today.AddDate(0, 0, n).Format(time.DateOnly) }
	return []store.QueueSeed{
		{NetworkKey: "network", DaysAgo: 9, OfferTo: "alpha", RegionName: "Queens, NY",
			Input: model.QueueEntryInput{Pseudonym: "R.M.", Languages: []string{"es", "quc"}, Adults: 1, ChildAges: []int{6},
				DecisionDate: day(5), DetainedSince: day(-95), Needs: []string{"schooling"}, ExternalRef: "LAW-2026-118",
				ANumber: "203456781", Facility: "Demo Processing Center"}},
		{NetworkKey: "network", DaysAgo: 30, State: model.QueueSeeking, RegionName: "Essex County, NJ",
			Input: model.QueueEntryInput{Pseudonym: "Omar K.", Languages: []string{"ar", "en"}, Adults: 1,
				DetainedSince: day(-210), Needs: []string{"medical"}, ANumber: "203998877", Facility: "Demo Detention Center"}},
		{NetworkKey: "network", DaysAgo: 6, State: model.QueueDetails, RegionName: "Westchester County, NY",
			Input: model.QueueEntryInput{Pseudonym: "Yeni", Languages: []string{"ht", "fr"}, Adults: 2, ChildAges: []int{2, 9},
				DecisionDate: day(19), DetainedSince: day(-40), Needs: []string{"wheelchair", "schooling"}}},
		{NetworkKey: "network", DaysAgo: 1, State: model.QueueReferred,
			Input: model.QueueEntryInput{Pseudonym: "J.P.", Languages: []string{"es"}, Adults: 1, DecisionDate: day(12),
				ExternalRef: "LAW-2026-131"}},
		{NetworkKey: "network", DaysAgo: 436, PlacedWith: "alpha", PlacedCase: busyCaseIndex, RegionName: "Queens, NY",
			Input: model.QueueEntryInput{Pseudonym: "Rosa M.", Languages: []string{"es"}, Adults: 1, ChildAges: []int{16, 9},
				DetainedSince: day(-470), ExternalRef: "LAW-2025-042"}},
		{NetworkKey: "network", DaysAgo: 60, State: model.QueueClosed, CloseReason: "found_elsewhere",
			Input: model.QueueEntryInput{Pseudonym: "D.S.", Languages: []string{"pt"}, Adults: 1, DetainedSince: day(-150)}},
	}
}
