package matching

import (
	"fmt"
	"testing"
)

const today = "2026-06-01"

// base is a group every test person fits: approved, one placement free of
// two, two beds, children welcome, Spanish, region r1, free now, never hosted.
func base(id string) Group {
	return Group{ID: id, Name: id, Approved: true, Languages: []string{"es"}, RegionID: "r1", Beds: 2,
		AcceptsChildren: true, MaxPlacements: 2, CurrentPlacements: 1}
}

func with(id string, f func(*Group)) Group {
	g := base(id)
	f(&g)
	return g
}

func TestEligible(t *testing.T) {
	p := Person{Languages: []string{"es"}, Adults: 1, ChildrenAges: []int{7}}
	tests := []struct {
		name string
		p    Person
		g    Group
		want bool
	}{
		{"fits", p, base("a"), true},
		{"not approved", p, with("a", func(g *Group) { g.Approved = false }), false},
		{"full", p, with("a", func(g *Group) { g.CurrentPlacements = 2 }), false},
		{"no placements at all", p, with("a", func(g *Group) { g.MaxPlacements, g.CurrentPlacements = 0, 0 }), false},
		{"too few beds", Person{Adults: 2, ChildrenAges: []int{3}}, base("a"), false},
		{"children not welcome", p, with("a", func(g *Group) { g.AcceptsChildren = false }), false},
		{"adults only, children not welcome", Person{Adults: 2}, with("a", func(g *Group) { g.AcceptsChildren = false }), true},
		{"wheelchair needed, no access", Person{Adults: 1, Wheelchair: true}, base("a"), false},
		{"wheelchair needed, access", Person{Adults: 1, Wheelchair: true}, with("a", func(g *Group) { g.Wheelchair = true }), true},
		{"an empty household counts as one", Person{}, with("a", func(g *Group) { g.Beds = 1 }), true},
	}
	for _, tt := range tests {
		if got := Eligible(tt.p, tt.g); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestReasons(t *testing.T) {
	w := DefaultWeights
	p := Person{Languages: []string{"es", "mam"}, Adults: 1, RegionID: "r1", NeedBy: "2026-06-11"}
	tests := []struct {
		name      string
		p         Person
		g         Group
		criterion Criterion
		points    int
		count     int
	}{
		{"a language in common", p, base("a"), Language, 40, 0},
		{"no language in common", p, with("a", func(g *Group) { g.Languages = []string{"en"} }), Language, 0, 0},
		{"private room", p, with("a", func(g *Group) { g.PrivateRoom = true }), Household, 10, 0},
		{"shared room", p, base("a"), Household, 5, 0},
		{"the preferred region", p, base("a"), Region, 20, 0},
		{"another region", p, with("a", func(g *Group) { g.RegionID = "r2" }), Region, 0, 0},
		{"no preference", Person{Adults: 1}, base("a"), Region, 10, 0},
		{"free before the need date", p, with("a", func(g *Group) { g.AvailableFrom = "2026-06-11" }), AvailableFrom, 15, 0},
		{"15 days late: half", p, with("a", func(g *Group) { g.AvailableFrom = "2026-06-26" }), AvailableFrom, 7, 15},
		{"30 days late: nothing", p, with("a", func(g *Group) { g.AvailableFrom = "2026-07-11" }), AvailableFrom, 0, 30},
		{"no need date: counted from today", Person{Adults: 1}, with("a", func(g *Group) { g.AvailableFrom = "2026-06-04" }), AvailableFrom, 13, 3},
		{"a past need date: counted from today", Person{Adults: 1, NeedBy: "2026-05-01"}, with("a", func(g *Group) { g.AvailableFrom = "2026-06-04" }), AvailableFrom, 13, 3},
		{"one of two free", p, base("a"), Load, 5, 1},
		{"all free", p, with("a", func(g *Group) { g.CurrentPlacements = 0 }), Load, 10, 2},
		{"never hosted", p, base("a"), Rested, 5, -1},
		{"hosted 90 days ago", p, with("a", func(g *Group) { g.LastPlacement = "2026-03-03" }), Rested, 2, 90},
		{"hosted a year ago", p, with("a", func(g *Group) { g.LastPlacement = "2025-06-01" }), Rested, 5, 365},
	}
	for _, tt := range tests {
		ms := Rank(tt.p, []Group{tt.g}, w, today)
		if len(ms) != 1 {
			t.Fatalf("%s: %d matches, want 1", tt.name, len(ms))
		}
		total := 0
		for _, r := range ms[0].Reasons {
			total += r.Points
			if r.Max != w[r.Criterion] || r.Points > r.Max || r.Points < 0 {
				t.Errorf("%s: %s gave %d of %d, weight %d", tt.name, r.Criterion, r.Points, r.Max, w[r.Criterion])
			}
			if r.Criterion != tt.criterion {
				continue
			}
			if r.Points != tt.points || r.Count != tt.count {
				t.Errorf("%s: %s got %d points, count %d; want %d, %d", tt.name, r.Criterion, r.Points, r.Count, tt.points, tt.count)
			}
		}
		if total != ms[0].Score || len(ms[0].Reasons) != len(Criteria) {
			t.Errorf("%s: score %d, reasons sum to %d over %d criteria", tt.name, ms[0].Score, total, len(ms[0].Reasons))
		}
	}
	if got := Rank(p, []Group{base("a")}, w, today)[0].Reasons[0].Languages; len(got) != 1 || got[0] != "es" {
		t.Errorf("languages in common: got %v, want [es]", got)
	}
	// What "late" counts from: the group's first free day and the day the
	// person needs a home, both said (a reviewer read "10 days late" as
	// the group being late with something).
	late := Rank(p, []Group{with("a", func(g *Group) { g.AvailableFrom = "2026-06-21" })}, w, today)[0].Reasons[3]
	if late.Criterion != AvailableFrom || late.Count != 10 || late.From != "2026-06-21" || late.NeedBy != "2026-06-11" {
		t.Errorf("late: got %+v, want 10 days, from 2026-06-21, needed by 2026-06-11", late)
	}
	load := Rank(p, []Group{base("a")}, w, today)[0].Reasons[4]
	if load.Criterion != Load || load.Count != 1 || load.Of != 2 {
		t.Errorf("load: got %+v, want 1 of 2 places free", load)
	}
}

func TestRankOrder(t *testing.T) {
	p := Person{Languages: []string{"ht"}, Adults: 1, RegionID: "r1"}
	groups := []Group{
		with("speaks", func(g *Group) { g.Languages = []string{"fr", "ht"}; g.RegionID = "r2" }),
		base("near"),
		with("full", func(g *Group) { g.Languages = []string{"ht"}; g.CurrentPlacements = 2 }),
		with("both", func(g *Group) { g.Languages = []string{"ht"} }),
		base("also near"),
	}
	ms := Rank(p, groups, DefaultWeights, today)
	var got []string
	for _, m := range ms {
		got = append(got, fmt.Sprintf("%s:%d", m.Group.ID, m.Score))
	}
	// Language (40) beats region (20); full groups are left out; equal
	// scores go by name.
	want := []string{"both:90", "speaks:70", "also near:50", "near:50"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("ranking: got %v, want %v", got, want)
	}
	// Weights are data: with region worth more than language, the order turns.
	w := Weights{Language: 10, Region: 60}
	if ms := Rank(p, groups, w, today); ms[1].Group.ID != "also near" || ms[3].Group.ID != "speaks" {
		t.Errorf("with region first: got %s … %s", ms[1].Group.ID, ms[3].Group.ID)
	}
}

// BenchmarkRank2000 ranks 2,000 groups for one person (issue 13: under 20 ms).
func BenchmarkRank2000(b *testing.B) {
	groups := make([]Group, 2000)
	langs := [][]string{{"es"}, {"en"}, {"es", "en"}, {"fr", "ht"}, {"pt"}}
	for i := range groups {
		groups[i] = Group{ID: fmt.Sprintf("g%04d", i), Name: fmt.Sprintf("Group %04d", i), Approved: i%10 != 0,
			Languages: langs[i%len(langs)], RegionID: fmt.Sprintf("r%d", i%12), Beds: 1 + i%4, PrivateRoom: i%2 == 0,
			AcceptsChildren: i%3 != 0, Wheelchair: i%7 == 0, AvailableFrom: fmt.Sprintf("2026-06-%02d", 1+i%28),
			MaxPlacements: 1 + i%3, CurrentPlacements: i % 2, LastPlacement: fmt.Sprintf("2026-0%d-15", 1+i%5)}
	}
	p := Person{Languages: []string{"es"}, Adults: 1, ChildrenAges: []int{4}, RegionID: "r3", NeedBy: "2026-06-10"}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(Rank(p, groups, DefaultWeights, today))
	}
	if n == 0 {
		b.Fatal("no group ranked")
	}
}
