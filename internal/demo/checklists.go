package demo

import "puente/internal/store"

// The demo cases' checklists (issue 12): in progress, some items ticked,
// some assigned, one assigned item overdue. day(offset) is today + offset
// days in the group's zone.

// marisolChecklists: just arrived. The EOIR-33s were sent (their marks
// are seeded done, so the item is ticked); the AR-11 is the member's and
// past its day.
func marisolChecklists(day func(int) string) []store.ChecklistSeed {
	return []store.ChecklistSeed{
		{Stage: "before_release", By: alphaCoord, Done: []string{"facility", "letter", "proof", "pickup", "room"}},
		{Stage: "first_week", By: alphaCoord, Done: []string{"eoir33", "papers", "orientation"},
			Assigned: []store.AssignSeed{
				{Key: "ar11", Email: alphaMember, DueOn: day(-3)},
				{Key: "health", Email: alphaCoord, DueOn: day(4)},
				{Key: "hearing", Email: alphaMember},
			}},
		{Stage: "privacy", Assigned: []store.AssignSeed{{Key: "anumber", Email: alphaCoord}}},
	}
}

// jorgeChecklists: the legal stage, the work permit's filing his
// coordinator's.
func jorgeChecklists(day func(int) string) []store.ChecklistSeed {
	return []store.ChecklistSeed{
		{Stage: "legal", By: alphaMember, Done: []string{"hearings", "i589", "biometrics"},
			Assigned: []store.AssignSeed{{Key: "ead", Email: alphaCoord}, {Key: "evidence", Email: alphaMember, DueOn: day(10)}}},
		{Stage: "daily_life", By: alphaMember, Done: []string{"english", "phone"}},
	}
}

// betaChecklists: a grant: the post-grant items wait no longer.
func betaChecklists() []store.ChecklistSeed {
	return []store.ChecklistSeed{
		{Stage: "legal", By: betaCoord, Done: []string{"hearings", "i589", "biometrics", "ead"},
			Assigned: []store.AssignSeed{{Key: "i730", Email: betaCoord}}},
	}
}
