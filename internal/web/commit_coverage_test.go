package web

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestCoverageFlags is the table through HTTP on an injected
// clock: a hearing in 10 days with nobody going is flagged on the group
// home page, the case page and as a number in the network's counts;
// someone signs up and it is not; they withdraw and it is again.
func TestCoverageFlags(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord, mem, admin := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem), e.signIn(emailNetAdmin)
	c := e.cases["alpha"]
	appt := cmAppointment(t, e, coord, c.ID, "master_hearing", cmDay(10))
	check := func(step string, want bool) {
		t.Helper()
		home, page, counts := mem.get("/"), mem.get("/cases/"+c.ID), admin.get("/cases")
		if got := cmFlagged(home.body, appt); got != want {
			t.Errorf("%s: group home page flags the hearing: got %v, want %v", step, got, want)
		}
		if got := cmFlagged(page.body, appt); got != want {
			t.Errorf("%s: case page flags the hearing: got %v, want %v", step, got, want)
		}
		wantN := 0
		if want {
			wantN = 1
		}
		if n, _ := cmNetworkCounts(t, counts.body, "Alpha Group"); n != wantN {
			t.Errorf("%s: network count of appointments with nobody going: got %d, want %d", step, n, wantN)
		}
		// A number, never the details.
		for _, detail := range []string{c.Code, appt, "Principal alpha", "P.A."} {
			if strings.Contains(counts.body, detail) {
				t.Errorf("%s: the network's counts show %q", step, detail)
			}
		}
	}
	check("hearing in 10 days with nobody", true)
	if !strings.Contains(cmFlagsSection(mem.get("/").body), "nobody is going yet") {
		t.Errorf("home page flag: got no words, want \"nobody is going yet\"")
	}
	going := "/cases/" + c.ID + "/appointments/" + appt + "/going"
	res := cmPost(t, mem, going, url.Values{"role": {"driver"}, "return": {"home"}}, s303)
	if loc := res.header.Get("Location"); loc != "/" {
		t.Errorf("one tap from the home page: redirected to %q, want /", loc)
	}
	check("someone signs up", false)
	page := coord.get("/cases/" + c.ID)
	if !strings.Contains(cmItem(page.body, appt), "Going with them: Miguel Member (driver)") {
		t.Errorf("case page: got no \"Miguel Member (driver)\" under the hearing")
	}
	cmPost(t, mem, going+"/remove", url.Values{}, s303)
	check("they withdraw", true)
	// The coordinator signs anyone up; marking it attended settles it too.
	cmPost(t, coord, going, url.Values{"user_id": {e.userID(emailAlphaMem)}, "role": {"interpreter"}}, s303)
	check("the coordinator signs the member up", false)
	cmPost(t, coord, going+"/remove", url.Values{"user_id": {e.userID(emailAlphaMem)}}, s303)
	check("the coordinator withdraws them", true)
	cmPost(t, coord, "/cases/"+c.ID+"/marks", url.Values{"key": {"appointment/" + appt}, "state": {"done"}}, s303)
	check("marked attended", false)

	// An "other" appointment is never flagged; an ICE check-in and a
	// biometrics appointment are.
	other := cmAppointment(t, e, coord, c.ID, "other", cmDay(3))
	checkin := cmAppointment(t, e, coord, c.ID, "ice_checkin", cmDay(3))
	bio := cmAppointment(t, e, coord, c.ID, "biometrics", cmDay(3))
	home := mem.get("/")
	if cmFlagged(home.body, other) || !cmFlagged(home.body, checkin) || !cmFlagged(home.body, bio) {
		t.Errorf("flags by kind: other %v (want false), check-in %v, biometrics %v (want true)",
			cmFlagged(home.body, other), cmFlagged(home.body, checkin), cmFlagged(home.body, bio))
	}
	if n, _ := cmNetworkCounts(t, admin.get("/cases").body, "Alpha Group"); n != 2 {
		t.Errorf("network count: got %d, want 2", n)
	}
	if n, _ := cmNetworkCounts(t, admin.get("/cases").body, "Beta Group"); n != 0 {
		t.Errorf("network count of beta: got %d, want 0", n)
	}
}

// TestCoverageWindow: the window is today and the next 14 days of the
// organisation; a hearing 20 days away is not flagged until it is 14 days
// away (moved by the court, or by time passing), and the 14th day begins
// at the organisation's midnight.
func TestCoverageWindow(t *testing.T) {
	e := newEnv(t)
	set := cmClock(e, cmNow)
	coord := e.signIn(emailAlphaCoord)
	c := e.cases["alpha"]
	far := cmAppointment(t, e, coord, c.ID, "master_hearing", cmDay(20))
	if cmFlagged(coord.get("/").body, far) {
		t.Errorf("hearing 20 days away: flagged, want not")
	}
	// The court moves it from 20 to 10 days away: flagged.
	moved := cmAppointment(t, e, coord, c.ID, "master_hearing", cmDay(20))
	if cmFlagged(coord.get("/").body, moved) {
		t.Errorf("second hearing 20 days away: flagged, want not")
	}
	cmPost(t, coord, "/cases/"+c.ID+"/appointments/"+moved, url.Values{"kind": {"master_hearing"}, "date": {cmDay(10)}, "time": {"09:30"}}, s303)
	if !cmFlagged(coord.get("/").body, moved) || !cmFlagged(coord.get("/cases/"+c.ID).body, moved) {
		t.Errorf("hearing moved from 20 to 10 days away: not flagged on the home and case pages, want flagged")
	}
	// Ten days on, the first hearing is 10 days away.
	set(cmNow.AddDate(0, 0, 10))
	if !cmFlagged(coord.get("/").body, far) {
		t.Errorf("the same hearing 10 days away: not flagged, want flagged")
	}

	// The edge: a check-in on 20 March. On 5 March it is 15 days away
	// until midnight in New York (the group's zone), then 14. At 23:59 in
	// New York it is already 6 March in UTC: UTC must not decide.
	set(cmNow)
	edge := cmAppointment(t, e, coord, c.ID, "ice_checkin", "2026-03-20")
	zone := tmNY(t)
	for _, tc := range []struct {
		now  time.Time
		want bool
	}{
		{time.Date(2026, 3, 5, 23, 59, 59, 0, zone), false},
		{time.Date(2026, 3, 6, 0, 0, 0, 0, zone), true},
		{time.Date(2026, 3, 20, 23, 59, 59, 0, zone), true},
		{time.Date(2026, 3, 21, 0, 0, 0, 0, zone), false}, // passed
	} {
		set(tc.now)
		if got := cmFlagged(coord.get("/").body, edge); got != tc.want {
			t.Errorf("check-in on 20 March, at %s: flagged %v, want %v", tc.now.Format(time.RFC3339), got, tc.want)
		}
	}

	// A hearing at 23:30 on 19 March in Los Angeles is 02:30 on 20 March
	// in New York: for the group it is on the 20th, 15 days after 5 March.
	set(cmNow)
	before, _ := e.st.Appointments(context.Background(), c.ID)
	cmPost(t, coord, "/cases/"+c.ID+"/appointments", url.Values{"kind": {"master_hearing"}, "date": {"2026-03-19"}, "time": {"23:30"},
		"time_zone": {"America/Los_Angeles"}}, s303)
	after, _ := e.st.Appointments(context.Background(), c.ID)
	var west string
	for _, a := range after {
		if a.Date == "2026-03-19" {
			west = a.ID
		}
	}
	if west == "" || len(after) != len(before)+1 {
		t.Fatalf("the Los Angeles hearing was not added")
	}
	for _, tc := range []struct {
		now  time.Time
		want bool
	}{
		{time.Date(2026, 3, 5, 23, 59, 59, 0, zone), false},
		{time.Date(2026, 3, 6, 0, 0, 0, 0, zone), true},
	} {
		set(tc.now)
		if got := cmFlagged(coord.get("/").body, west); got != tc.want {
			t.Errorf("hearing 23:30 on 19 March in Los Angeles, at %s in New York: flagged %v, want %v", tc.now.In(zone).Format(time.DateTime), got, tc.want)
		}
	}
}

// TestNeededKindFlag: a kind marked as needed with nobody responsible is
// flagged on the home page, the case page and as a number for the network,
// until a commitment of that kind has someone responsible.
func TestNeededKindFlag(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord, mem, admin := e.signIn(emailAlphaCoord), e.signIn(emailAlphaMem), e.signIn(emailNetAdmin)
	c := e.cases["alpha"]
	flagged := func() (home, page bool, n int) {
		home = strings.Contains(cmFlagsSection(mem.get("/").body), "Transport: needed")
		page = strings.Contains(cmFlagsSection(mem.get("/cases/"+c.ID).body), "Transport: needed")
		_, n = cmNetworkCounts(t, admin.get("/cases").body, "Alpha Group")
		return
	}
	cmPost(t, coord, "/cases/"+c.ID+"/needs", url.Values{"kind": {"transport"}, "until": {cmDay(60)}}, s303)
	if h, p, n := flagged(); !h || !p || n != 1 {
		t.Errorf("transport needed, nobody responsible: home %v, case %v, network %d; want true, true, 1", h, p, n)
	}
	id := cmCommitment(t, mem, c.ID, url.Values{"kind": {"transport"}, "starts_on": {cmDay(0)}, "end_kind": {"open"}})
	if h, p, n := flagged(); h || p || n != 0 {
		t.Errorf("the member took it on: home %v, case %v, network %d; want false, false, 0", h, p, n)
	}
	cmPost(t, mem, "/cases/"+c.ID+"/commitments/"+id+"/holders/remove", url.Values{}, s303)
	if h, p, n := flagged(); !h || !p || n != 1 {
		t.Errorf("the member dropped it: home %v, case %v, network %d; want flagged again", h, p, n)
	}
	cmPost(t, coord, "/cases/"+c.ID+"/needs/transport/remove", url.Values{}, s303)
	if h, p, n := flagged(); h || p || n != 0 {
		t.Errorf("the need removed: home %v, case %v, network %d; want nothing", h, p, n)
	}
}

// TestHomeFlagsAreBounded: a group with many uncovered appointments sees
// the 20 soonest on its home page and how many more there are.
func TestHomeFlagsAreBounded(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	coord := e.signIn(emailAlphaCoord)
	c := e.cases["alpha"]
	var ids []string
	for i := 0; i < homeFlagLimit+2; i++ {
		ids = append(ids, cmAppointment(t, e, coord, c.ID, "ice_checkin", cmDay(i%14)))
	}
	home := coord.get("/").body
	flagged := 0
	for _, id := range ids {
		if cmFlagged(home, id) {
			flagged++
		}
	}
	if flagged != homeFlagLimit || !strings.Contains(cmFlagsSection(home), "And 2 more") {
		t.Errorf("home page: got %d flags (want %d) and no \"And 2 more\"", flagged, homeFlagLimit)
	}
	page := coord.get("/cases/" + c.ID).body
	for _, id := range ids {
		if !cmFlagged(page, id) {
			t.Errorf("the case page does not flag %s: it shows all of its own", id)
		}
	}
}
