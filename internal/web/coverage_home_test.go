package web

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"puente/internal/coverage"
	"puente/internal/deadline"
	"puente/internal/model"
	"puente/internal/tz"
)

// TestUncoveredQueriesMatchRules holds the home page's two SQL reads of
// what nobody covers (store.GroupUncoveredAppointments and
// GroupUncoveredNeeds, which restate the rules in SQL) to package
// coverage's rules applied to everything GroupCoverage reads: on a group
// with every kind of appointment at times, dates and places around the
// window's edges, sign-ups, free-text companions and marks, and needs with
// commitments of every end, holders, cancellations and work permits, both
// give the same appointments in the same order and the same needs, on
// each of many days (across both daylight-saving changes of 2026).
func TestUncoveredQueriesMatchRules(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	st := e.st
	group := e.orgs["alpha"]
	rng := rand.New(rand.NewPCG(21, 22))
	base := deadline.NewDate(2026, 10, 20)
	day := func(n int) string { return base.AddDays(n).String() }
	zones := []string{"", "America/Los_Angeles", "Pacific/Honolulu", "Pacific/Guam", "America/Puerto_Rico", "Europe/Madrid"}
	times := []string{"", "00:00", "00:30", "09:30", "21:30", "23:30", "23:59"}
	marks := []model.MarkState{"", "", "", model.MarkOpen, model.MarkDone, model.MarkNotApplicable}
	kinds := []model.CommitmentKind{"housing", "transport", "money", "court"}
	members := []string{e.userID(emailAlphaCoord), e.userID(emailAlphaMem)}
	var closed []model.Case
	for i := range 40 {
		c, err := st.CreateCase(ctx, group.ID, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: fmt.Sprintf("Person %c%c", 'A'+i%26, 'a'+i/26)})
		if err != nil {
			t.Fatal(err)
		}
		for range 8 {
			a := model.Appointment{Kind: model.AppointmentKinds[rng.IntN(len(model.AppointmentKinds))], Date: day(rng.IntN(60)),
				Time: times[rng.IntN(len(times))], TimeZone: zones[rng.IntN(len(zones))]}
			if rng.IntN(8) == 0 {
				a.Going = "Ana from church"
			}
			id, err := st.AddAppointment(ctx, c, "", a)
			if err != nil {
				t.Fatal(err)
			}
			if rng.IntN(4) == 0 {
				if err := st.SignUp(ctx, c, id, "", members[rng.IntN(2)], model.RoleCompanion); err != nil {
					t.Fatal(err)
				}
			}
			if m := marks[rng.IntN(len(marks))]; m != "" {
				mk := model.Mark{Key: "appointment/" + id, State: m}
				if m == model.MarkDone {
					mk.DoneOn = a.Date
				}
				if err := st.SetMark(ctx, c, "", mk); err != nil {
					t.Fatal(err)
				}
			}
		}
		if rng.IntN(3) == 0 {
			if _, err := st.AddFact(ctx, c, "", model.Fact{PersonID: principalOf(t, e, c), Kind: model.FactEADGranted, Date: day(rng.IntN(60) - 20)}); err != nil {
				t.Fatal(err)
			}
		}
		for _, k := range kinds {
			if rng.IntN(3) == 0 {
				continue
			}
			until := ""
			if rng.IntN(2) == 0 {
				until = day(rng.IntN(60))
			}
			if err := st.SetNeed(ctx, c, "", k, until); err != nil {
				t.Fatal(err)
			}
			for range rng.IntN(3) {
				start := rng.IntN(60) - 20
				in := model.CommitmentInput{Kind: k, StartsOn: day(start), EndKind: []model.EndKind{model.EndOpen, model.EndDate, model.EndWorkPermit}[rng.IntN(3)]}
				if in.EndKind == model.EndDate {
					in.EndsOn = day(start + rng.IntN(40))
				}
				if k == model.KindMoney {
					in.AmountCents, in.Currency, in.Frequency = 10000, "USD", "monthly"
				}
				var hs []string
				if rng.IntN(3) > 0 {
					hs = members[:1+rng.IntN(2)]
				}
				id, err := st.AddCommitment(ctx, c, "", in, hs)
				if err != nil {
					t.Fatalf("AddCommitment %+v: %v", in, err)
				}
				if rng.IntN(5) == 0 {
					if err := st.CancelCommitment(ctx, c, id, "", day(rng.IntN(60))); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		if i%10 == 9 {
			closed = append(closed, c)
		}
	}
	for _, c := range closed {
		if err := st.CloseCase(ctx, c, "", "moved"); err != nil {
			t.Fatal(err)
		}
	}

	flaggedAppts, flaggedNeeds := 0, 0
	for _, zone := range []string{"America/New_York", "Pacific/Honolulu"} {
		for n := 0; n < 50; n += 3 {
			today := base.AddDays(n - 5)
			from, to := coverageSpan(today, zone)
			appts, needs, err := st.GroupCoverage(ctx, group.ID, from, to)
			if err != nil {
				t.Fatal(err)
			}
			var wantA []string
			for _, it := range appts {
				if coverage.Uncovered(apptOf(it, zone), today) {
					wantA = append(wantA, it.ApptID)
				}
			}
			type needKey struct {
				code string
				kind model.CommitmentKind
			}
			var wantN []needKey
			for _, nc := range needs {
				if coverage.NeedUncovered(needOf(nc.Need), coversOf(nc.Need.Kind, nc.Covers), today) {
					wantN = append(wantN, needKey{nc.CaseCode, nc.Need.Kind})
				}
			}
			slices.SortFunc(wantN, func(a, b needKey) int { return cmp.Or(cmp.Compare(a.code, b.code), cmp.Compare(a.kind, b.kind)) })

			gotA, totalA, err := st.GroupUncoveredAppointments(ctx, group.ID, coverageWindow(today, zone), 1000)
			if err != nil {
				t.Fatal(err)
			}
			var gotAIDs []string
			for _, it := range gotA {
				gotAIDs = append(gotAIDs, it.ApptID)
			}
			if !slices.Equal(gotAIDs, wantA) || totalA != len(wantA) {
				t.Errorf("%s in %s: appointments with nobody going: SQL %v (count %d), rules %v", today, zone, gotAIDs, totalA, wantA)
			}
			gotN, totalN, err := st.GroupUncoveredNeeds(ctx, group.ID, today.String(), 1000)
			if err != nil {
				t.Fatal(err)
			}
			var gotNKeys []needKey
			for _, nc := range gotN {
				gotNKeys = append(gotNKeys, needKey{nc.CaseCode, nc.Need.Kind})
			}
			if !slices.Equal(gotNKeys, wantN) || totalN != len(wantN) {
				t.Errorf("%s: needs with nobody responsible: SQL %v (count %d), rules %v", today, gotNKeys, totalN, wantN)
			}
			flaggedAppts += len(wantA)
			flaggedNeeds += len(wantN)
		}
	}
	// The data must make both sides choose: some flagged, not all.
	if flaggedAppts == 0 || flaggedNeeds == 0 {
		t.Fatalf("nothing flagged (%d appointments, %d needs): the comparison proves nothing", flaggedAppts, flaggedNeeds)
	}
	t.Logf("compared %d appointment flags and %d need flags", flaggedAppts, flaggedNeeds)
}

func principalOf(t *testing.T, e *testEnv, c model.Case) string {
	t.Helper()
	ps, err := e.st.People(context.Background(), c.ID, "en")
	if err != nil || len(ps) == 0 {
		t.Fatalf("people of %s: %v", c.ID, err)
	}
	return ps[0].ID
}

// TestDayFirst: the first instant of a day in a zone is the first whose
// local day is that day (the day coverage counts an appointment on), in
// every zone one may choose, on ordinary days and on the days clocks
// change, including where they skip midnight (Santiago in September,
// Havana in March) or repeat it (Havana in November).
func TestDayFirst(t *testing.T) {
	days := []deadline.Date{deadline.NewDate(2026, 3, 8), deadline.NewDate(2026, 3, 9), deadline.NewDate(2026, 11, 1),
		deadline.NewDate(2026, 9, 6), deadline.NewDate(2026, 4, 5), deadline.NewDate(2026, 3, 29), deadline.NewDate(2026, 10, 25),
		deadline.NewDate(2026, 12, 14)}
	for _, zone := range tz.All() {
		loc := tz.Location(zone)
		for _, d := range days {
			first := dayFirst(d, zone)
			if got := deadline.DateOf(first.In(loc)); got != d {
				t.Errorf("%s %s: dayFirst %s is on %s", zone, d, first, got)
			}
			if got := deadline.DateOf(first.Add(-time.Second).In(loc)); !got.Before(d) {
				t.Errorf("%s %s: a second before dayFirst %s is already on %s", zone, d, first, got)
			}
		}
	}
	// Havana skips midnight on 8 March 2026: the day begins at 01:00 CDT.
	havana := tz.Location("America/Havana")
	if got, want := dayFirst(deadline.NewDate(2026, 3, 8), "America/Havana"), time.Date(2026, 3, 8, 1, 0, 0, 0, havana); !got.Equal(want) {
		t.Errorf("Havana, 8 March 2026: got %s, want %s", got.In(havana), want)
	}
}

var needFlagRE = regexp.MustCompile(`#needs"><strong>(PU-[A-Z0-9]+)[^<]*</strong></a>\s*([^:<]+):`)

// TestHomeNeedFlagsFillTheRoom: the needs with nobody responsible take the
// room the appointments leave of the home page's 20 flags, by case code
// and then by the kind's name in the reader's language (not the order of
// the kinds' keys), and the rest are counted.
func TestHomeNeedFlagsFillTheRoom(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	ctx := context.Background()
	coord, mem := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem)
	pvPost(t, mem, "/lang", url.Values{"lang": {"es"}, "return": {"/"}}, http.StatusSeeOther)
	c := e.cases["alpha"]
	for i := range 3 {
		cmAppointment(t, e, coord, c.ID, "ice_checkin", cmDay(i+1))
	}
	cases := []model.Case{c}
	for _, name := range []string{"Second Case", "Third Case"} {
		nc, err := e.st.CreateCase(ctx, c.GroupID, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: name})
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, nc)
	}
	for _, cs := range cases {
		for _, k := range model.CommitmentKinds {
			if err := e.st.SetNeed(ctx, cs, "", k, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	codes := []string{cases[0].Code, cases[1].Code, cases[2].Code}
	slices.Sort(codes)
	room := homeFlagLimit - 3
	all := len(cases) * len(model.CommitmentKinds)
	for _, reader := range []*client{coord, mem} {
		flags := cmFlagsSection(reader.get("/").body)
		got := needFlagRE.FindAllStringSubmatch(flags, -1)
		if len(got) != room {
			t.Fatalf("need flags: got %d, want the %d left after 3 appointments", len(got), room)
		}
		var first []string
		for i, m := range got {
			if i > 0 && cmp.Or(cmp.Compare(got[i-1][1], m[1]), cmp.Compare(got[i-1][2], m[2])) >= 0 {
				t.Errorf("need flags out of order: %q before %q", got[i-1][1:], m[1:])
			}
			if m[1] == codes[0] {
				first = append(first, m[2])
			}
		}
		// The first case's 12 kinds, then the first of the second case's
		// by name: the same names the first case's begin with.
		if len(first) != len(model.CommitmentKinds) || got[len(first)][1] != codes[1] {
			t.Fatalf("need flags: got %d of %s then %s, want all %d kinds of the first case, then the second's", len(first), codes[0], got[len(first)][1], len(model.CommitmentKinds))
		}
		for i := len(first); i < room; i++ {
			if got[i][2] != first[i-len(first)] {
				t.Errorf("second case's need %d: got %q, want %q", i-len(first), got[i][2], first[i-len(first)])
			}
		}
		more := map[*client]string{coord: fmt.Sprintf("And %d more", 3+all-homeFlagLimit), mem: fmt.Sprintf("Y %d más", 3+all-homeFlagLimit)}[reader]
		if !strings.Contains(flags, more) {
			t.Errorf("no %q under the flags", more)
		}
	}
}
