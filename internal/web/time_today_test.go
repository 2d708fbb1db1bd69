package web

import (
	"context"
	"net/url"
	"puente/internal/i18n"
	"regexp"
	"strings"
	"testing"
	"time"

	"puente/internal/deadline"
	"puente/internal/model"
)

// tmAt sets the server's one clock.
func tmAt(e *testEnv, t time.Time) { e.srv.now = func() time.Time { return t } }

// tmNY is New York's zone, for building the test's instants.
func tmNY(t *testing.T) *time.Location {
	t.Helper()
	l, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

var (
	tmHomeItemRE = regexp.MustCompile(`data-state="(\w+)">[^<]*</span> <span class="when">[^<]*</span> · <a href="/cases/([0-9a-f]{32})#[^"]*" class="case-code">[^<]*</a> <span class="for">[^<]*</span></p>\s*<p><strong>([^<]+)</strong>`)
	tmCountRE    = regexp.MustCompile(`<th scope="row"><a href="/orgs/([0-9a-f]{32})">[^<]*</a></th>\s*<td[^>]*>\d+</td>\s*<td[^>]*>(\d+)</td>`)
)

// tmEOIR is the EOIR-33 rule's English title, as the rule set has it.
var tmEOIR = func() string {
	rs, err := deadline.Default()
	if err != nil {
		panic(err)
	}
	vs := rs.Versions("eoir33-change-of-address")
	return say(vs[len(vs)-1].Title, i18n.EN)
}()

// tmStates lists the states the case page gives the deadlines titled title.
func tmStates(t *testing.T, body, title string) []string {
	t.Helper()
	var out []string
	for _, b := range dsBadges(body) {
		if b.title == title {
			out = append(out, b.state)
		}
	}
	if len(out) == 0 {
		t.Fatalf("case page lists no %q; body %.1500s", title, body)
	}
	return out
}

// TestTodayIsTheOrganisationsDay is the input: an EOIR-33 due
// 15 Mar is not overdue in New York at 20:01 on 15 Mar (already 16 Mar in
// UTC), nor at 01:01 UTC on 16 Mar, and is overdue once New York's
// midnight has passed; on the case page, the group's home page and the
// network's counts, all through the one clock. The same instants in a Los
// Angeles group are still 15 Mar; a mark "done" without a date takes the
// group's day; the home page's "next 14 days" ends on the group's 14th
// day.
func TestTodayIsTheOrganisationsDay(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ny := tmNY(t)
	alpha := e.cases["alpha"]
	if _, err := e.st.AddFact(ctx, alpha, "", model.Fact{Kind: model.FactArrival, Date: "2026-03-10"}); err != nil {
		t.Fatal(err)
	}
	// A second case arriving 5 Apr: EOIR-33 due 10 Apr, AR-11 due 15 Apr.
	later, err := e.st.CreateCase(ctx, e.orgs["alpha"].ID, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: "Later Arrival"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.AddFact(ctx, later, "", model.Fact{Kind: model.FactArrival, Date: "2026-04-05"}); err != nil {
		t.Fatal(err)
	}
	coord := e.signIn(emailAlphaCoord)
	admin := e.signIn(emailNetAdmin)
	casePath := "/cases/" + alpha.ID
	overdueCount := func() string {
		t.Helper()
		for _, m := range tmCountRE.FindAllStringSubmatch(pvGet(t, admin, "/cases", 200).body, -1) {
			if m[1] == e.orgs["alpha"].ID {
				return m[2]
			}
		}
		t.Fatalf("network counts list no row for alpha")
		return ""
	}
	homeState := func() string {
		t.Helper()
		for _, m := range tmHomeItemRE.FindAllStringSubmatch(pvGet(t, coord, "/", 200).body, -1) {
			if m[2] == alpha.ID && m[3] == tmEOIR {
				return m[1]
			}
		}
		return "absent"
	}

	steps := []struct {
		name        string
		at          time.Time
		state, home string
		overdue     string
	}{
		{"20:01 in New York on 15 Mar", time.Date(2026, 3, 15, 20, 1, 0, 0, ny), "due_soon", "due_soon", "0"},
		{"01:01 UTC on 16 Mar (21:01 in New York)", time.Date(2026, 3, 16, 1, 1, 0, 0, time.UTC), "due_soon", "due_soon", "0"},
		{"23:59:59 in New York on 15 Mar", time.Date(2026, 3, 15, 23, 59, 59, 0, ny), "due_soon", "due_soon", "0"},
		{"00:00:01 in New York on 16 Mar", time.Date(2026, 3, 16, 0, 0, 1, 0, ny), "overdue", "overdue", "1"},
	}
	for _, st := range steps {
		tmAt(e, st.at)
		if got := tmStates(t, pvGet(t, coord, casePath, 200).body, tmEOIR); len(got) != 1 || got[0] != st.state {
			t.Errorf("%s: case page EOIR-33 state: got %v, want [%s]", st.name, got, st.state)
		}
		if got := homeState(); got != st.home {
			t.Errorf("%s: home page EOIR-33: got %s, want %s", st.name, got, st.home)
		}
		if got := overdueCount(); got != st.overdue {
			t.Errorf("%s: network's overdue count for alpha: got %s, want %s", st.name, got, st.overdue)
		}
	}

	// The home page's window ends on the group's 14th day: on 31 Mar in New
	// York (1 Apr in UTC) the later case's EOIR-33 (10 Apr) is listed, its
	// AR-11 (15 Apr, day 15 in New York, day 14 in UTC) is not.
	tmAt(e, time.Date(2026, 4, 1, 1, 1, 0, 0, time.UTC))
	home := pvGet(t, coord, "/", 200).body
	var titles []string
	for _, m := range tmHomeItemRE.FindAllStringSubmatch(home, -1) {
		if m[2] == later.ID {
			titles = append(titles, m[3])
		}
	}
	if strings.Join(titles, "|") != tmEOIR {
		t.Errorf("home page items of the case arriving 5 Apr, seen on 31 Mar in New York: got %q, want only the EOIR-33 (AR-11 on 15 Apr is day 15)", titles)
	}
	tmAt(e, time.Date(2026, 3, 16, 1, 1, 0, 0, time.UTC))

	// Marked done without a date at 01:01 UTC on 16 Mar: done on 15 Mar,
	// New York's day.
	page := pvGet(t, coord, casePath, 200).body
	key := pvMarkKey(page)
	if key == "" {
		t.Fatal("case page has nothing to record")
	}
	pvPost(t, coord, casePath+"/marks", url.Values{"key": {key}, "state": {"done"}}, 303)
	marks, err := e.st.Marks(ctx, alpha.ID)
	if err != nil {
		t.Fatal(err)
	}
	var done []string
	for _, mk := range marks {
		if mk.State == model.MarkDone {
			done = append(done, mk.DoneOn)
		}
	}
	if strings.Join(done, ",") != "2026-03-15" {
		t.Errorf("done date of a mark without one, at 21:01 on 15 Mar in New York: got %v, want [2026-03-15]", done)
	}

	// Alpha's coordinator moves the group to Los Angeles in the settings.
	// The later case also moved on 10 Mar (EOIR-33 due 15 Mar): at 23:30 on
	// 15 Mar in Los Angeles (already 16 Mar in New York and UTC) it is not
	// overdue; a second after Los Angeles' midnight it is.
	pvPost(t, coord, "/orgs/"+e.orgs["alpha"].ID+"/settings", url.Values{"time_zone": {"America/Los_Angeles"}}, 303)
	if _, err := e.st.AddFact(ctx, later, "", model.Fact{Kind: model.FactMove, Date: "2026-03-10"}); err != nil {
		t.Fatal(err)
	}
	la, _ := time.LoadLocation("America/Los_Angeles")
	for _, st := range []struct {
		at    time.Time
		state string
	}{
		{time.Date(2026, 3, 15, 23, 30, 0, 0, la), "due_soon"},
		{time.Date(2026, 3, 16, 0, 0, 1, 0, la), "overdue"},
	} {
		tmAt(e, st.at)
		body := pvGet(t, coord, "/cases/"+later.ID, 200).body
		got := tmStates(t, body, tmEOIR)
		// The move of 10 Mar is due 15 Mar; the arrival of 5 Apr, 10 Apr.
		if len(got) != 2 || !contains(got, st.state) {
			t.Errorf("Los Angeles group at %s (%s UTC): EOIR-33 states got %v, want one %s", st.at.Format("15:04 Jan 2"), st.at.UTC().Format("15:04 Jan 2"), got, st.state)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// TestGroupCaseCountsUseEachGroupsDay: the store counts a deadline overdue
// against the day given for its own group.
func TestGroupCaseCountsUseEachGroupsDay(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	for _, g := range []string{"alpha", "beta"} {
		if _, err := e.st.AddFact(ctx, e.cases[g], "", model.Fact{Kind: model.FactArrival, Date: "2026-03-10"}); err != nil {
			t.Fatal(err)
		}
	}
	alpha, beta := e.orgs["alpha"].ID, e.orgs["beta"].ID
	counts, err := e.st.GroupCaseCounts(ctx, e.orgs["network"].ID, map[string]string{alpha: "2026-03-15", beta: "2026-03-16"})
	if err != nil {
		t.Fatal(err)
	}
	if counts[alpha].Overdue != 0 || counts[beta].Overdue != 1 {
		t.Errorf("overdue: alpha (on 15 Mar) got %d, want 0; beta (on 16 Mar) got %d, want 1", counts[alpha].Overdue, counts[beta].Overdue)
	}
}
