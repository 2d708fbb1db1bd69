package model

import "testing"

func TestVettingApprovalLapsesOnItsDay(t *testing.T) {
	bg := VettingItem{ID: "bg", Name: "Background check", ValidDays: 365, PerAdult: true}
	visit := VettingItem{ID: "visit", Name: "Home visit", ValidDays: 730}
	items := []VettingItem{bg, visit}
	recs := []VettingRecord{
		{ItemID: "bg", Subject: "AB", DoneOn: "2026-01-10", ExpiresOn: "2027-01-10"},
		{ItemID: "bg", Subject: "CD", DoneOn: "2026-03-01", ExpiresOn: "2027-03-01"},
		{ItemID: "visit", DoneOn: "2026-02-01", ExpiresOn: "2028-02-01"},
	}
	profile := SponsorProfile{RegionID: "r", Languages: []string{"es"}, Beds: 1, MaxPlacements: 1, Declared: StageApplied}
	tests := []struct {
		name     string
		adults   int
		recs     []VettingRecord
		today    string
		complete bool
		stage    SponsorStage
		expires  string // the background check's
	}{
		{"two adults, both checked", 2, recs, "2026-06-01", true, StageApproved, "2027-01-10"},
		{"last day of the first check", 2, recs, "2027-01-09", true, StageApproved, "2027-01-10"},
		{"the first check expired", 2, recs, "2027-01-10", false, StageApplied, "2027-03-01"},
		{"three adults, two checks", 3, recs, "2026-06-01", false, StageApplied, "2027-01-10"},
		{"no adults recorded still needs one check", 0, recs[:1], "2026-06-01", false, StageApplied, "2027-01-10"},
		{"before the visit was done", 2, recs, "2026-01-31", false, StageApplied, "2027-01-10"},
		{"a renewed check replaces the old one", 2, append([]VettingRecord{{ItemID: "bg", Subject: "AB", DoneOn: "2027-01-05", ExpiresOn: "2028-01-05"}}, recs...), "2027-01-20", true, StageApproved, "2027-03-01"},
		{"nothing recorded", 1, nil, "2026-06-01", false, StageApplied, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Vetting(items, tt.recs, tt.adults, tt.today)
			if v.Complete != tt.complete {
				t.Errorf("complete: got %v, want %v", v.Complete, tt.complete)
			}
			if got := Stage(profile, v); got != tt.stage {
				t.Errorf("stage: got %s, want %s", got, tt.stage)
			}
			if got := v.Items[0].Expires; got != tt.expires {
				t.Errorf("background check expires: got %q, want %q", got, tt.expires)
			}
		})
	}
}

func TestStageFollowsProfileAndDeclaration(t *testing.T) {
	done := VettingStatus{Complete: true}
	full := SponsorProfile{RegionID: "r", Languages: []string{"es"}, Beds: 2, MaxPlacements: 1}
	empty := SponsorProfile{}
	tests := []struct {
		name string
		p    SponsorProfile
		v    VettingStatus
		want SponsorStage
	}{
		{"vetted, profile complete", full, done, StageApproved},
		{"vetted, no region", SponsorProfile{Languages: []string{"es"}, Beds: 2, MaxPlacements: 1}, done, StageVetted},
		{"vetted, no beds", SponsorProfile{RegionID: "r", Languages: []string{"es"}, MaxPlacements: 1}, done, StageVetted},
		{"resting wins over approval", SponsorProfile{RegionID: "r", Languages: []string{"es"}, Beds: 2, MaxPlacements: 1, Declared: StageResting}, done, StageResting},
		{"nothing declared", empty, VettingStatus{}, StageInterested},
	}
	for _, tt := range tests {
		if got := Stage(tt.p, tt.v); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestNoItemsApprovesNobody(t *testing.T) {
	if v := Vetting(nil, nil, 1, "2026-06-01"); v.Complete {
		t.Error("a network that requires nothing approved a group")
	}
}

func TestStageWithPlacements(t *testing.T) {
	cases := []struct {
		st            SponsorStage
		open, hosting int
		want          SponsorStage
	}{
		{StageApproved, 0, 0, StageApproved},
		{StageApproved, 1, 0, StageMatched},
		{StageApproved, 2, 1, StageHosting},
		{StageResting, 1, 1, StageResting},
		{StageVetted, 1, 0, StageVetted},
	}
	for _, c := range cases {
		if got := StageWithPlacements(c.st, c.open, c.hosting); got != c.want {
			t.Errorf("StageWithPlacements(%s, %d, %d) = %s, want %s", c.st, c.open, c.hosting, got, c.want)
		}
	}
}
