package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"puente/internal/store"
)

// TestSubjectExportHoldsCommitments: commitments landed after the export
// was written; a person's export (page and JSON) now holds the case's
// commitments with what was given under each and the help it needs, and
// leaves out the volunteers who hold them or gave (their names are theirs).
func TestSubjectExportHoldsCommitments(t *testing.T) {
	e := newEnv(t)
	pvFixClock(e)
	cn := pvSeedCanary(t, e)
	coord := e.signIn(emailAlphaCoord)
	holder := secUser(t, e, emailAlphaCoord).Name
	for _, person := range cn.people {
		base := "/cases/" + cn.id + "/people/" + person + "/export"
		page := pvPost(t, coord, base, url.Values{"format": {"page"}}, http.StatusOK)
		for _, want := range []string{"Commitments", "CANARYCOMMIT", "$123.45 a month", "What was given", "1 Mar 2026", "CANARYGIVEN",
			"CANARYGIVNOTE", "Help this case needs", "Transport", `href="/cases/` + cn.id + `#commitments"`} {
			if !strings.Contains(page.body, want) {
				t.Errorf("export page of %s: %q absent", person, want)
			}
		}
		main := page.body[strings.Index(page.body, "<main"):]
		if strings.Contains(main, holder) {
			t.Errorf("export page names the volunteer %q who holds the commitment", holder)
		}
		file := pvPost(t, coord, base, url.Values{"format": {"json"}}, http.StatusOK)
		var rec store.SubjectRecord
		if err := json.Unmarshal([]byte(file.body), &rec); err != nil {
			t.Fatal(err)
		}
		if len(rec.Commitments) != 1 || len(rec.Needs) != 1 {
			t.Fatalf("JSON: %d commitments, %d needs; want 1, 1", len(rec.Commitments), len(rec.Needs))
		}
		c := rec.Commitments[0]
		if c.Kind != "money" || c.Description != "CANARYCOMMIT" || c.AmountCents != 12345 || c.Currency != "USD" ||
			c.Frequency != "monthly" || c.StartsOn != "2026-02-01" || c.EndKind != "open" || len(c.Given) != 1 {
			t.Errorf("JSON commitment: %+v", c)
		}
		if g := c.Given[0]; g.GivenOn != "2026-03-01" || g.AmountCents != 12345 || g.Description != "CANARYGIVEN" || g.Note != "CANARYGIVNOTE" {
			t.Errorf("JSON given: %+v", g)
		}
		if rec.Needs[0].Kind != "transport" || rec.Needs[0].Until != "" {
			t.Errorf("JSON need: %+v", rec.Needs[0])
		}
		if strings.Contains(file.body, holder) {
			t.Errorf("JSON names the volunteer %q", holder)
		}
	}
}
