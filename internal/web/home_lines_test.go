package web

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"puente/internal/model"
)

var lineAnchorRE = regexp.MustCompile(`<a href="/cases/[0-9a-f]+#([ad]-[^"]+)" class="case-code">`)

// TestGroupHomePagesLoseNothing: the pages of the next 14 days together
// hold every line once: every deadline of the window (one line for the
// same deadline of several people), every sealed date for a coordinator,
// and every unattended appointment of the window, including those without
// a time at places a day ahead or behind. The page reads the deadlines up
// to a limit and the appointments only up to the day the deadlines
// stopped at; the lines expected here are read whole.
func TestGroupHomePagesLoseNothing(t *testing.T) {
	e := newEnv(t)
	cmClock(e, cmNow)
	ctx := context.Background()
	group := e.orgs["alpha"]
	today := e.srv.todayDate(group.TimeZone)
	// Households that arrived in the last days: changes of address due
	// for each person within the window, so that the deadlines fill the
	// first pages and stop at a day inside the window.
	zones := []string{"", "Pacific/Guam", "Pacific/Honolulu", "America/Los_Angeles"}
	for i := range 60 {
		c, err := e.st.CreateCase(ctx, group.ID, "", model.CaseInput{Status: "arrived"}, model.PersonInput{Name: fmt.Sprintf("Mover %c%c", 'A'+i%26, 'a'+i/26)})
		if err != nil {
			t.Fatal(err)
		}
		// Households of six: six rows a line, so that the deadlines
		// read up to a limit stop within the first pages' days.
		for j := range 5 {
			p := model.PersonInput{Name: fmt.Sprintf("Child %d Mover", j)}
			if i%7 == 0 && j == 0 {
				// A child who turns 14 within the window: a sealed date.
				p.DOB = today.AddDays(i%14 - 30).AddYears(-14).String()
			}
			if _, err := e.st.AddPerson(ctx, c, "", p); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := e.st.AddFact(ctx, c, "", model.Fact{Kind: model.FactArrival, Date: today.AddDays(i%12 - 4).String()}); err != nil {
			t.Fatal(err)
		}
		// And appointments on every day of the window, with and without
		// a time, here and at places a day ahead or behind.
		a := model.Appointment{Kind: model.AppointmentKinds[i%5], Date: today.AddDays(i%16 - 1).String(), TimeZone: zones[i%4]}
		if i%3 > 0 {
			a.Time = []string{"00:15", "23:45"}[i%2]
		}
		if _, err := e.st.AddAppointment(ctx, c, "", a); err != nil {
			t.Fatal(err)
		}
	}

	until := today.AddDays(homeDueDays)
	due, err := e.st.GroupDue(ctx, group.ID, today.String(), until.String(), 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := e.st.GroupSealedDue(ctx, group.ID, until.String())
	if err != nil {
		t.Fatal(err)
	}
	appts, err := e.st.GroupAppointments(ctx, group.ID, dayBegins(today, group.TimeZone), dayBegins(until.AddDays(1), group.TimeZone))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	seen := map[[3]string]bool{}
	for _, it := range append(due, sealed...) {
		if k := [3]string{it.CaseID, it.RuleID, it.Due}; !seen[k] {
			seen[k] = true
			want = append(want, "d-"+it.Key)
		}
	}
	for _, it := range appts {
		want = append(want, "a-"+strings.TrimPrefix(it.Key, "appointment/"))
	}
	if len(appts) < 20 || len(sealed) == 0 || len(due) < 3*homeDuePage {
		t.Fatalf("the group has %d appointments, %d sealed dates and %d deadlines in the window: too few to page through", len(appts), len(sealed), len(due))
	}

	c := e.signIn(emailAlphaCoord)
	var got []string
	for path, page := "/", 1; path != ""; page++ {
		r := c.get(path)
		if r.status != 200 {
			t.Fatalf("GET %s: %d", path, r.status)
		}
		for _, m := range lineAnchorRE.FindAllStringSubmatch(dueListRE.FindString(r.body), -1) {
			anchor, err := url.PathUnescape(m[1]) // html/template escapes the key's slashes
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, anchor)
		}
		path = ""
		if next := nextLinkRE.FindStringSubmatch(r.body); next != nil {
			path = strings.ReplaceAll(next[1], "&amp;", "&")
		}
		if page > 60 {
			t.Fatal("more than 60 pages")
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		var lost, extra []string
		for _, w := range want {
			if _, ok := slices.BinarySearch(got, w); !ok {
				lost = append(lost, w)
			}
		}
		for _, g := range got {
			if _, ok := slices.BinarySearch(want, g); !ok {
				extra = append(extra, g)
			}
		}
		t.Errorf("lines over all pages: got %d, want %d; lost %.300v; not expected %.300v", len(got), len(want), lost, extra)
	}
	if dup := slices.Compact(slices.Clone(got)); len(dup) != len(got) {
		t.Errorf("%d lines shown twice", len(got)-len(dup))
	}
	t.Logf("%d lines (%d appointments, %d sealed)", len(want), len(appts), len(sealed))
}
