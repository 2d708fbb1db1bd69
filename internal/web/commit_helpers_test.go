package web

import (
	"context"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"puente/internal/model"
)

// Helpers of the commitment and coverage tests; every name starts with cm.

// cmNow is the clock of these tests: Wednesday 4 March 2026, noon UTC.
var cmNow = time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC)

// cmDay is cmNow's day moved by n days, as YYYY-MM-DD.
func cmDay(n int) string { return cmNow.AddDate(0, 0, n).Format("2006-01-02") }

// cmClock fixes the server's clock at t and returns a setter.
func cmClock(e *testEnv, t time.Time) func(time.Time) {
	cur := t
	e.srv.now = func() time.Time { return cur }
	return func(n time.Time) { cur = n }
}

// cmAppointment schedules an appointment as c and returns its id.
func cmAppointment(t *testing.T, e *testEnv, c *client, caseID, kind, date string) string {
	t.Helper()
	before, _ := e.st.Appointments(context.Background(), caseID)
	res := c.post("/cases/"+caseID+"/appointments", url.Values{"kind": {kind}, "date": {date}, "time": {"09:30"}})
	if res.status != s303 {
		t.Fatalf("add appointment: got %d; %.300s", res.status, secSnippet(res.body))
	}
	after, _ := e.st.Appointments(context.Background(), caseID)
	for _, a := range after {
		found := false
		for _, b := range before {
			found = found || a.ID == b.ID
		}
		if !found {
			return a.ID
		}
	}
	t.Fatal("new appointment not found")
	return ""
}

// cmCommitment records a commitment as c and returns its id.
func cmCommitment(t *testing.T, c *client, caseID string, form url.Values) string {
	t.Helper()
	res := c.post("/cases/"+caseID+"/commitments", form)
	if res.status != s303 {
		t.Fatalf("add commitment %v: got %d; %.800s", form, res.status, secSnippet(res.body))
	}
	m := regexp.MustCompile(`/commitments/([0-9a-f]{32})$`).FindStringSubmatch(res.header.Get("Location"))
	if m == nil {
		t.Fatalf("commitment created, redirected to %q", res.header.Get("Location"))
	}
	return m[1]
}

// cmPost posts and fails unless the status is want.
func cmPost(t *testing.T, c *client, path string, form url.Values, want int) response {
	t.Helper()
	res := c.post(path, form)
	if res.status != want {
		t.Fatalf("POST %s %v: got %d, want %d; %.800s", path, form, res.status, want, secSnippet(res.body))
	}
	return res
}

// cmFlagsSection is the flags of a page ("" when there are none): the
// home page's box, or the flagged rows of the case page's summary (its
// "Next appointment" row when nobody goes to it, and the flag row).
func cmFlagsSection(body string) string {
	if i := strings.Index(body, `<section class="flags"`); i >= 0 {
		j := strings.Index(body[i:], "</section>")
		return body[i : i+j]
	}
	var rows []string
	for rest := body; ; {
		i := strings.Index(rest, ` class="flagged">`)
		if i < 0 {
			break
		}
		j := strings.Index(rest[i:], "</div>")
		rows = append(rows, rest[i:i+j])
		rest = rest[i+j:]
	}
	return strings.Join(rows, "\n")
}

// cmFlagged reports whether the page flags appointment apptID.
func cmFlagged(body, apptID string) bool {
	return strings.Contains(cmFlagsSection(body), "#a-"+apptID+`"`)
}

var cmCountRowRE = regexp.MustCompile(`(?s)<th scope="row"><a href="/orgs/[0-9a-f]+">([^<]+)</a></th>\s*<td[^>]*>\d+</td>\s*<td[^>]*>\d+</td>\s*<td[^>]*>(\d+)</td>\s*<td[^>]*>(\d+)</td>`)

// cmNetworkCounts reads a group's coverage numbers from a network's /cases.
func cmNetworkCounts(t *testing.T, body, group string) (nobodyGoing, needs int) {
	t.Helper()
	for _, m := range cmCountRowRE.FindAllStringSubmatch(body, -1) {
		if m[1] == group {
			a, _ := strconv.Atoi(m[2])
			b, _ := strconv.Atoi(m[3])
			return a, b
		}
	}
	t.Fatalf("network counts: no row for %q; %.1500s", group, secSnippet(body))
	return 0, 0
}

// cmStateOf reads the state tag of commitment id on a case page.
func cmStateOf(body, id string) string {
	re := regexp.MustCompile(`<span class="tag tag-cm-([a-z]+)">[^<]*</span> <a href="/cases/[0-9a-f]{32}/commitments/` + id + `">`)
	m := re.FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return m[1]
}

// cmSection is the part of body from the heading text to the next </section>
// or <h3 (whichever comes first), for list checks.
func cmSection(body, heading string) string {
	i := strings.Index(body, heading)
	if i < 0 {
		return ""
	}
	rest := body[i+len(heading):]
	end := len(rest)
	for _, stop := range []string{"</section>", "<h3", "<h2", "<details"} {
		if j := strings.Index(rest, stop); j >= 0 && j < end {
			end = j
		}
	}
	return rest[:end]
}

// cmHistory is the case page's history section.
func cmHistory(body string) string {
	i := strings.Index(body, `id="history-heading"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(body[i:], "</section>")
	return body[i : i+j]
}

// cmCounts counts every table a commitment or coverage form writes to.
func cmCounts(e *testEnv) map[string]int {
	out := map[string]int{}
	for _, tbl := range []string{"commitments", "commitment_holders", "commitment_records", "case_needs", "appointment_signups", "case_history", "facts"} {
		out[tbl] = e.count(tbl)
	}
	return out
}

func cmSameCounts(t *testing.T, label string, before, after map[string]int) {
	t.Helper()
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s: %s went from %d to %d rows, want nothing written", label, k, v, after[k])
		}
	}
}

// cmGiven is a record of something given on day.
func cmGiven(day string) model.GivenRecord {
	return model.GivenRecord{GivenOn: day, Description: "Coordinator's record"}
}
