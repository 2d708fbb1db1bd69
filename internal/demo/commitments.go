package demo

import (
	"puente/internal/model"
	"puente/internal/store"
)

// Demo accounts that hold commitments and go to appointments.
const (
	alphaCoord  = "coord@alpha.example.org"
	alphaMember = "member@alpha.example.org"
	betaCoord   = "coord@beta.example.org"
)

// marisolCommitments are the first alpha case's promises: a room, rent
// money a month behind, rides and company at court, dated around today
// (day(offset) is today + offset days).
func marisolCommitments(day func(int) string) []store.CommitmentSeed {
	return []store.CommitmentSeed{
		{
			Commitment: model.CommitmentInput{Kind: "housing", Description: "The upstairs room at the Lopez home",
				StartsOn: day(-20), EndKind: model.EndWorkPermit},
			Holders: []string{alphaCoord},
			Given:   []store.GivenSeed{{GivenOn: day(-20), Description: "Moved in; keys and bedding", By: alphaCoord}},
		},
		{
			Commitment: model.CommitmentInput{Kind: model.KindMoney, Description: "Rent and food", StartsOn: day(-75),
				EndKind: model.EndWorkPermit, AmountCents: 60000, Currency: "USD", Frequency: "monthly"},
			Holders: []string{alphaCoord, alphaMember},
			Given: []store.GivenSeed{
				{GivenOn: day(-75), AmountCents: 60000, By: alphaCoord},
				{GivenOn: day(-45), AmountCents: 60000, By: alphaMember},
				{GivenOn: day(-15), AmountCents: 30000, By: alphaMember, Note: "The rest next week"},
			},
		},
		{
			Commitment: model.CommitmentInput{Kind: "court", Description: "Every hearing, with a Spanish speaker",
				StartsOn: day(-20), EndKind: model.EndOpen},
			Holders: []string{alphaMember},
		},
		{
			Commitment: model.CommitmentInput{Kind: "language", Description: "English classes at the library",
				StartsOn: day(-60), EndKind: model.EndDate, EndsOn: day(20)},
			Holders: []string{alphaMember},
		},
	}
}

// jorgeCommitments are the second alpha case's: the lawyer's fee paid in
// full, legal help going on, classes that lapsed, and a cancelled one.
func jorgeCommitments(day func(int) string) []store.CommitmentSeed {
	return []store.CommitmentSeed{
		{
			Commitment: model.CommitmentInput{Kind: model.KindMoney, Description: "Lawyer's fee", StartsOn: day(-120),
				EndKind: model.EndOpen, AmountCents: 150000, Currency: "USD", Frequency: "once"},
			Holders: []string{alphaCoord},
			Given:   []store.GivenSeed{{GivenOn: day(-110), AmountCents: 150000, By: alphaCoord, Note: "Paid to Demo Legal Aid"}},
		},
		{
			Commitment: model.CommitmentInput{Kind: "legal", Description: "Find documents for the hearing",
				StartsOn: day(-150), EndKind: model.EndOpen},
			Holders: []string{alphaCoord},
			Given:   []store.GivenSeed{{GivenOn: day(-30), Description: "Translated the birth certificate", By: alphaCoord}},
		},
		{
			Commitment: model.CommitmentInput{Kind: "language", StartsOn: day(-100), EndKind: model.EndDate, EndsOn: day(-10)},
			Holders:    []string{alphaMember},
		},
		{
			Commitment: model.CommitmentInput{Kind: "transport", Description: "Rides to work", StartsOn: day(-40),
				EndKind: model.EndOpen},
			CancelledOn: day(-5),
		},
	}
}
